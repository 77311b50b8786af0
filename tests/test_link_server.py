"""POST /documents: token-protected upload that links documents into the served graph, never
exposing half a document to concurrent readers."""
from __future__ import annotations

import hashlib
import io
import threading

import pyoxigraph as ox
import pytest

from kg.config import ServerConfig
from kg.graph.store import GraphStore
from kg.server import create_app
from kg.vocab import document_iri

TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def served(tmp_path):
    graph_store = GraphStore(tmp_path / "kg")
    app = create_app(ServerConfig(store=tmp_path / "kg", update_token=TOKEN), graph_store=graph_store)
    yield app.test_client(), graph_store, tmp_path
    graph_store.close()


def upload(client, path, **query):
    with open(path, "rb") as stream:
        return client.post("/documents", query_string=query, headers=AUTH,
                           data={"file": (stream, path.name)}, content_type="multipart/form-data")


def test_upload_links_the_document_and_reports_like_kg_link(served, corpus_files):
    client, graph_store, tmp_path = served
    response = upload(client, corpus_files[2])
    assert response.status_code == 200, response.data
    report = response.get_json()
    document = report["documents"][0]
    assert document["source"] == corpus_files[2].name
    assert document["graph"] == document_iri(hashlib.sha256(corpus_files[2].read_bytes()).hexdigest())
    assert graph_store.has_document(document["graph"])
    assert report["totals"]["new"] == sum(e["new"] for e in document["entities"]) > 0
    assert (tmp_path / "kg-uploads" / corpus_files[2].name).read_bytes() == corpus_files[2].read_bytes()
    again = upload(client, corpus_files[2]).get_json()
    assert again["documents"] == [] and again["unchanged"] == [corpus_files[2].name]


def test_raw_body_with_a_file_name_and_dry_run(served):
    client, graph_store, tmp_path = served
    text = "江苏省人民政府印发《江苏省新能源汽车产业发展行动方案》，支持南京市发展新能源汽车。".encode()
    dry = client.post("/documents?filename=plan.txt&dry_run=1", data=text, headers=AUTH)
    assert dry.status_code == 200 and dry.get_json()["dry_run"] is True
    assert graph_store.quad_count() == 0 and not (tmp_path / "kg-uploads").exists()
    stored = client.post("/documents?filename=plan.txt", data=text, headers=AUTH)
    assert stored.status_code == 200
    assert {e["name"] for e in stored.get_json()["documents"][0]["entities"]} & {"江苏省", "南京市"}


def test_an_upload_holding_invisible_characters_is_stored_clean_and_the_report_warns(served):
    """Bidirectional overrides inside a firm's name: stored under its real name, the report says what was dropped."""
    client, graph_store, tmp_path = served
    text = "江苏省人民政府支持比\u202e亚迪\u202c股份有限公司在南京市发展新能源汽车产业。".encode()
    response = client.post("/documents?filename=plan.txt", data=text, headers=AUTH)
    assert response.status_code == 200, response.data
    report = response.get_json()
    assert "比亚迪股份有限公司" in {e["name"] for e in report["documents"][0]["entities"]}
    assert [w["reason"] for w in report["warnings"]] == [
        "dropped 2 invisible characters (U+202E, U+202C): control, bidirectional-override or non-characters "
        "no text shows"]


def test_a_file_name_holding_a_bidirectional_override_is_a_400(served):
    """发展规划\u202etxt.exe.txt would be listed as another name (its end reversed); nothing is stored."""
    client, graph_store, tmp_path = served
    response = client.post("/documents", query_string={"filename": "发展规划\u202etxt.exe.txt"},
                           data="江苏省人民政府印发《江苏省集成电路产业发展规划》。".encode(), headers=AUTH)
    assert response.status_code == 400
    assert "bidirectional controls (such as U+202E)" in response.get_data(as_text=True)
    assert graph_store.quad_count() == 0


@pytest.mark.parametrize(("name", "shown"), [
    ("发展规划\u200b.txt", "U+200B"), ("发展\u2060规划.txt", "U+2060"), ("\ufeff发展规划.txt", "U+FEFF"),
    ("发展规划\uffff.txt", "U+FFFF"), ("发展规划\ufffe.txt", "U+FFFE"), ("发展规划\ufdd0.txt", "U+FDD0"),
])
def test_a_file_name_holding_a_zero_width_or_non_character_is_a_400(served, name, shown):
    """发展规划\u200b.txt was stored beside 发展规划.txt, listed as the same name; U+FFFF is no text at all.
    Refused in one line, raw or multipart, and nothing is stored."""
    client, graph_store, tmp_path = served
    text = "江苏省人民政府印发《江苏省集成电路产业发展规划》。".encode()
    raw = client.post("/documents", query_string={"filename": name}, data=text, headers=AUTH)
    part = client.post("/documents", headers=AUTH, content_type="multipart/form-data",
                       data={"file": (io.BytesIO(text), name)})
    for response in (raw, part):
        message = response.get_data(as_text=True)
        assert response.status_code == 400 and message.count("\n") == 1, message
        assert f"{shown} is a zero-width character or a non-character" in message
    assert graph_store.quad_count() == 0 and not (tmp_path / "kg-uploads").exists()


def test_a_file_name_holding_a_line_separator_is_a_400(served):
    """U+2028 broke the name's line wherever it was listed, as a control character does."""
    client, graph_store, _ = served
    response = client.post("/documents", query_string={"filename": "发展\u2028规划.txt"},
                           data="江苏省人民政府。".encode(), headers=AUTH)
    assert response.status_code == 400 and "control characters and line breaks" in response.get_data(as_text=True)
    assert graph_store.quad_count() == 0


@pytest.mark.parametrize("dry_run", ["", "1"])
def test_warnings_and_failures_name_the_posted_file_not_the_servers_path(served, dry_run):
    """The answer's warnings and failures gave the upload's path on the server (its uploads folder, or
    a temporary one): the client sees the name it posted."""
    client, _, tmp_path = served
    noted = client.post("/documents", query_string={"filename": "plan.txt", "dry_run": dry_run}, headers=AUTH,
                        data="江苏省人民政府支持南京\u202e市发展集成电路产业。".encode())
    failed = client.post("/documents", query_string={"filename": "scan.pdf", "dry_run": dry_run}, headers=AUTH,
                         data=b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")
    assert noted.status_code == 200 and failed.status_code == 422
    assert [w["source"] for w in noted.get_json()["warnings"]] == ["plan.txt"]
    assert [f["source"] for f in failed.get_json()["failed"]] == ["scan.pdf"]
    for response in (noted, failed):
        assert str(tmp_path) not in response.get_data(as_text=True)
        assert "kg-upload" not in response.get_data(as_text=True)


def test_writes_need_the_token_and_bad_input_is_one_clear_error(served):
    client, graph_store, _ = served
    assert client.post("/documents?filename=a.txt", data=b"x").status_code == 401
    bad_name = client.post("/documents?filename=../a.txt", data="江苏".encode(), headers=AUTH)
    assert bad_name.status_code == 400 and b"invalid file name" in bad_name.data
    assert client.post("/documents", data="江苏".encode(), headers=AUTH).status_code == 400
    empty = client.post("/documents?filename=empty.txt", data=b"", headers=AUTH)
    assert empty.status_code == 422 and empty.get_json()["failed"][0]["source"].endswith("empty.txt")
    assert graph_store.quad_count() == 0


def test_readers_never_see_half_a_document(served, corpus_files):
    client, graph_store, _ = served
    path = corpus_files[1]  # the largest file: the longest write
    graph = ox.NamedNode(document_iri(hashlib.sha256(path.read_bytes()).hexdigest()))
    seen: set[int] = set()
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            seen.add(sum(1 for _ in graph_store.store.quads_for_pattern(None, None, None, graph)))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        assert upload(client, path).status_code == 200
    finally:
        done.set()
        reader.join()
    final = sum(1 for _ in graph_store.store.quads_for_pattern(None, None, None, graph))
    assert final > 0 and seen <= {0, final} and 0 in seen


def test_a_document_slower_to_extract_than_the_limit_fails_in_one_line_and_frees_the_server(tmp_path):
    """Extraction ran on the request thread and could not be stopped: a body's name repeated to
    60,000 characters held the request (and the upload lock every other upload waits on) 25 s.
    Its worker process is now killed at the limit, and the next document is extracted. The text is ten times
    that (~20 s of extraction since the linear rewrite), so it outlasts the 2 s limit on any machine."""
    import time

    graph_store = GraphStore(tmp_path / "kg")
    config = ServerConfig(store=tmp_path / "kg", update_token=TOKEN, document_timeout=2)
    client = create_app(config, graph_store=graph_store).test_client()
    try:
        client.post("/documents?filename=warm.txt&dry_run=1", data="江苏省。".encode(), headers=AUTH)  # the worker starts
        slow = ("江苏省发展和改革委员会、" * 50_000).encode()
        started = time.monotonic()
        response = client.post("/documents?filename=slow.txt", data=slow, headers=AUTH)
        assert time.monotonic() - started < 10
        assert response.status_code == 422
        [failed] = response.get_json()["failed"]
        assert failed["source"].endswith("slow.txt") and failed["reason"] == (
            "cannot extract: ExtractionTimeout: extraction took longer than 2 s, the server's limit for a posted "
            "document (kg serve --document-timeout)")
        assert graph_store.quad_count() == 0 and not (tmp_path / "kg-uploads" / "slow.txt").exists()
        text = "江苏省人民政府印发《江苏省新能源汽车产业发展行动方案》，支持南京市发展新能源汽车。".encode()
        assert client.post("/documents?filename=plan.txt", data=text, headers=AUTH).status_code == 200
    finally:
        client.application.extensions["kg.extraction"].close()
        graph_store.close()


def test_a_request_past_its_extraction_budget_answers_the_files_left_and_frees_the_lock(tmp_path):
    """The document timeout bounds one file: a request of many slow files held the upload lock for
    their sum. Past the request's budget the file running is stopped and those left are answered
    503 under not_extracted (not failed), not kept; the ones before are stored; the lock is free."""
    import time

    graph_store = GraphStore(tmp_path / "kg")
    config = ServerConfig(store=tmp_path / "kg", update_token=TOKEN, document_timeout=60, upload_budget=3)
    client = create_app(config, graph_store=graph_store).test_client()
    plan = "江苏省人民政府印发《江苏省新能源汽车产业发展行动方案》，支持南京市发展新能源汽车。".encode()
    files = {"a.txt": plan, "b-slow.txt": ("江苏省发展和改革委员会、" * 50_000).encode(),
             "c.txt": "浙江省人民政府印发《浙江省数字经济发展规划》。".encode()}
    try:
        client.post("/documents?filename=warm.txt&dry_run=1", data="江苏省。".encode(), headers=AUTH)  # the worker starts
        started = time.monotonic()
        response = client.post("/documents", headers=AUTH, content_type="multipart/form-data",
                               data={"file": [(io.BytesIO(content), name) for name, content in files.items()]})
        assert time.monotonic() - started < 10
        assert (response.status_code, response.headers.get("Retry-After")) == (503, "1")
        report = response.get_json()
        assert [d["source"] for d in report["documents"]] == ["a.txt"] and report["failed"] == []
        assert report["not_extracted"] == ["b-slow.txt", "c.txt"]
        assert graph_store.has_document(document_iri(hashlib.sha256(plan).hexdigest()))
        assert sorted(p.name for p in (tmp_path / "kg-uploads").iterdir()) == ["a.txt"]
        again = client.post("/documents?filename=c.txt", data=files["c.txt"], headers=AUTH)
        assert again.status_code == 200 and again.get_json()["not_extracted"] == []
    finally:
        client.application.extensions["kg.extraction"].close()
        graph_store.close()


def test_a_document_larger_than_the_server_extracts_is_a_413(tmp_path):
    graph_store = GraphStore(tmp_path / "kg")
    config = ServerConfig(store=tmp_path / "kg", update_token=TOKEN, max_document_bytes=1_000)
    client = create_app(config, graph_store=graph_store).test_client()
    try:
        response = client.post("/documents?filename=long.txt", data=("江苏省。" * 100).encode(), headers=AUTH)
        assert (response.status_code, response.get_data(as_text=True)) == (
            413, "413 Request Entity Too Large: long.txt is 1,200 bytes: the server extracts posted documents of at "
                 "most 1,000 bytes (kg serve --max-document)\n")
        assert graph_store.quad_count() == 0 and "kg.extraction" not in client.application.extensions
    finally:
        graph_store.close()


def test_a_file_name_posted_twice_is_a_400_and_nothing_is_lost(served):
    """The second part was saved over the first: the answer was 200 with both 'unchanged', neither
    stored, the upload deleted; the client believed its two documents were in the graph."""
    client, graph_store, tmp_path = served
    parts = [(io.BytesIO("江苏省人民政府印发《江苏省甲规划》。".encode()), "plan.txt"),
             (io.BytesIO("浙江省人民政府印发《浙江省乙规划》。".encode()), "plan.txt")]
    response = client.post("/documents", headers=AUTH, data={"file": parts}, content_type="multipart/form-data")
    assert (response.status_code, response.get_data(as_text=True)) == (
        400, "400 Bad Request: plan.txt is posted twice: give each document its own file name\n")
    assert graph_store.quad_count() == 0 and not (tmp_path / "kg-uploads").exists()


def test_more_files_than_a_request_takes_is_a_413_that_says_so(served):
    """Werkzeug's own words were 'The data value transmitted exceeds the capacity limit.'"""
    client, graph_store, _ = served
    parts = [(io.BytesIO(b"x"), f"e{i}.txt") for i in range(1_001)]
    response = client.post("/documents", headers=AUTH, data={"file": parts}, content_type="multipart/form-data")
    assert (response.status_code, response.get_data(as_text=True)) == (
        413, "413 Request Entity Too Large: a multipart body of more than 1,000 parts: post at most 1,000 "
             "documents per request\n")
    assert graph_store.quad_count() == 0


def test_a_store_failure_on_upload_names_no_server_path(served, monkeypatch):
    """A full disk under the store answered 'cannot write 1 documents to /srv/…/kg: …': the
    server's layout, shown to the client. The answer says 'the store'; the log keeps the path."""
    client, graph_store, tmp_path = served
    text = "江苏省人民政府印发《江苏省新能源汽车产业发展行动方案》，支持南京市发展新能源汽车。".encode()

    def disk_full(batch):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(graph_store.store, "bulk_extend", disk_full)
    failed = client.post("/documents?filename=plan.txt", data=text, headers=AUTH)
    body = failed.get_data(as_text=True)
    assert failed.status_code == 500
    assert body == ("500 Internal Server Error: cannot write 1 documents to the store: "
                    "[Errno 28] No space left on device\n")
    assert str(tmp_path) not in body and str(tmp_path.resolve()) not in body
    monkeypatch.undo()
    stored = client.post("/documents?filename=plan.txt", data=text, headers=AUTH)
    assert stored.status_code == 200 and len(stored.get_json()["documents"]) == 1


def test_a_failed_upload_of_a_stored_name_keeps_the_stored_documents_file(served):
    """Re-posting report.txt as junk (binary, empty) failed but had already written the junk over
    the stored report.txt's source file: the stored document's text was lost."""
    client, graph_store, tmp_path = served
    text = "江苏省人民政府印发《江苏省新能源汽车产业发展行动方案》，支持南京市发展新能源汽车。".encode()
    assert client.post("/documents?filename=plan.txt", data=text, headers=AUTH).status_code == 200
    for junk in (b"\x00\x01\x02binary", b""):
        assert client.post("/documents?filename=plan.txt", data=junk, headers=AUTH).status_code == 422
        assert [p.name for p in (tmp_path / "kg-uploads").iterdir()] == ["plan.txt"]
        assert (tmp_path / "kg-uploads" / "plan.txt").read_bytes() == text
    changed = text.replace("南京市".encode(), "苏州市".encode())
    assert client.post("/documents?filename=plan.txt", data=changed, headers=AUTH).status_code == 200
    assert [p.name for p in (tmp_path / "kg-uploads").iterdir()] == ["plan.txt"]
    assert (tmp_path / "kg-uploads" / "plan.txt").read_bytes() == changed


def test_deleting_an_uploaded_document_removes_its_file_and_a_bad_id_is_a_short_404(served):
    """DELETE /documents/<sha256> left the upload in <store>-uploads for ever (a disk filled by
    upload-delete cycles), an upper-case sha256 was 'no document', and a 100,000-character id came
    back whole in the 404."""
    client, graph_store, tmp_path = served
    text = "江苏省人民政府印发《江苏省新能源汽车产业发展行动方案》，支持南京市发展新能源汽车。".encode()
    sha = hashlib.sha256(text).hexdigest()
    assert client.post("/documents?filename=plan.txt", data=text, headers=AUTH).status_code == 200
    removed = client.delete(f"/documents/{sha.upper()}", headers=AUTH)
    assert removed.status_code == 200 and removed.get_json()["document"] == document_iri(sha)
    assert not graph_store.has_document(document_iri(sha))
    assert list((tmp_path / "kg-uploads").iterdir()) == []
    long = client.delete("/documents/" + "x" * 100_000, headers=AUTH)
    assert long.status_code == 404 and len(long.data) < 200
