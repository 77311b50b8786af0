"""Client input the server refuses with a one-line 4xx instead of a 500, and the raw upload curl
sends by default (issue 12, findings 7 and 8)."""
from __future__ import annotations

import io
import re

import pytest

from kg.config import ServerConfig
from kg.graph.store import GraphStore
from kg.server import create_app

TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = "江苏省南京市人民政府支持南京市发展集成电路产业。\n".encode()
TRIPLE = b"<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n"


@pytest.fixture
def served(tmp_path):
    graph_store = GraphStore(tmp_path / "kg")
    app = create_app(ServerConfig(store=tmp_path / "kg", update_token=TOKEN), graph_store=graph_store)
    yield app.test_client(), graph_store, tmp_path / "kg-uploads"
    graph_store.close()


def assert_one_line_client_error(response, *words: str) -> None:
    assert 400 <= response.status_code < 500, response.data
    message = response.get_data(as_text=True)
    assert message.count("\n") <= 1, message
    for word in words:
        assert word in message


@pytest.mark.parametrize("path", ["/store/%3Cx%3E", "/store/a%22b", "/store/%7Bx%7D"])
def test_graph_store_url_that_is_no_iri_is_a_400(served, path):
    client, graph_store, _ = served
    assert_one_line_client_error(client.get(path), "invalid graph IRI")
    put = client.put(path, data=TRIPLE, headers={**AUTH, "Content-Type": "application/n-triples"})
    assert_one_line_client_error(put, "invalid graph IRI")
    assert len(graph_store.store) == 0


def test_graph_store_parameter_that_is_no_iri_is_a_400(served):
    client, _, _ = served
    assert_one_line_client_error(client.get("/store", query_string={"graph": "a b"}), "invalid graph IRI")


@pytest.mark.parametrize("name, words", [
    ("长" * 100 + ".txt", ("too long", "304 bytes")),
    ("ok\x00.txt", ("control characters",)),
    ("ok\x07.txt", ("control characters",)),
])
def test_upload_name_the_disk_cannot_take_is_a_400_and_nothing_is_kept(served, name, words):
    client, graph_store, uploads = served
    raw = client.post("/documents", query_string={"filename": name}, data=TEXT,
                      headers={**AUTH, "Content-Type": "text/plain"})
    assert_one_line_client_error(raw, *words)
    part = client.post("/documents", headers=AUTH, content_type="multipart/form-data",
                       data={"file": (io.BytesIO(TEXT), name)})
    assert_one_line_client_error(part)
    assert graph_store.documents() == []
    assert not uploads.exists() or not any(uploads.iterdir())


def test_raw_upload_with_curls_default_content_type_is_the_document(served):
    """``curl --data-binary @f.txt '…/documents?filename=f.txt'`` sends
    ``application/x-www-form-urlencoded``: the body is still the document."""
    client, graph_store, uploads = served
    response = client.post("/documents", query_string={"filename": "f.txt"}, data=TEXT,
                           headers={**AUTH, "Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 200, response.data
    assert [d["path"] for d in graph_store.documents()] == [str((uploads / "f.txt").resolve())]
    assert (uploads / "f.txt").read_bytes() == TEXT
    assert response.get_json()["documents"][0]["entities"]


def test_raw_upload_without_a_file_name_says_how_to_name_it(served):
    client, _, _ = served
    response = client.post("/documents", data=TEXT, headers={**AUTH, "Content-Type": "text/plain"})
    assert_one_line_client_error(response, "filename=")


def test_unreadable_upload_is_not_kept(served):
    client, graph_store, uploads = served
    response = client.post("/documents", query_string={"filename": "empty.txt"}, data=b"  \n",
                           headers={**AUTH, "Content-Type": "text/plain"})
    assert response.status_code == 422
    assert not (uploads / "empty.txt").exists()
    assert graph_store.documents() == []


def test_json_nested_deeper_than_the_stack_is_a_400(served):
    """[[[[…]]]] 100,000 deep made json.loads raise RecursionError: a 500 with a traceback in the log."""
    client, _, _ = served
    body = '{"iris": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = client.post("/graph/labels", data=body, content_type="application/json")
    assert_one_line_client_error(response, 'send JSON {"iris"')
    assert client.post("/graph/labels", json={"iris": []}).status_code == 200  # the app's JSON still reads


def test_a_path_or_query_holding_line_breaks_makes_one_log_line(served, monkeypatch, caplog):
    """Log injection: the path of a request that failed and the text of a query whose process died
    were logged as sent (the path percent-decoded), so %0A or \\r\\n in them began a log line of the
    client's making, and ESC or U+202E could hide or reverse the rest. Each record is one line now,
    the characters written as escapes."""
    client, _, _ = served

    def fails():  # whatever fails while serving the request (no route matches a path holding \n)
        raise RuntimeError("the store is unreadable")

    with monkeypatch.context() as patch, caplog.at_level("WARNING", logger="kg.server"):
        patch.setattr(client.application, "dispatch_request", fails)
        response = client.get("/id/region/x%0D%0A2026-12-05 kg.server INFO forged%1B[8m%E2%80%AE")
    assert response.status_code == 500
    [record] = [r for r in caplog.records if r.name == "kg.server"]
    assert record.getMessage() == ("unhandled error on GET /id/region/x\\r\\n2026-12-05 kg.server INFO "
                                   "forged\\x1b[8m\\u202e")

    pool = client.application.extensions["kg.engine"]._pool

    def dies(worker, deadline):
        worker.process.kill()
        return worker.connection.recv()

    monkeypatch.setattr(pool, "_wait", dies)
    caplog.clear()
    with caplog.at_level("ERROR", logger="kg.server.query_pool"):
        response = client.get("/sparql", query_string={"query": "ASK {}\r\n# 2026-12-05 kg.server INFO forged"})
    assert response.status_code == 400
    messages = [r.getMessage() for r in caplog.records if r.name == "kg.server.query_pool"]
    assert len(messages) == 2, messages
    for message in messages:
        assert "\n" not in message and "\r" not in message
        assert message.endswith("on: ASK {}\\r\\n# 2026-12-05 kg.server INFO forged")


def test_the_message_closing_a_logged_traceback_makes_one_log_line(served, monkeypatch):
    """The filter escaped a record's message but not its traceback, whose last line is the exception's
    own message: a failure quoting what the client sent (here the path it asked for, percent-decoded)
    forged a log line with its \\r\\n, and its ESC reached the terminal. The frames stay lines of their
    own; each exception's message, the one it was raised from too, is one escaped line."""
    import logging
    from flask import request

    client, _, _ = served
    lines: list[str] = []

    class Lines(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.extend(self.format(record).splitlines())

    def fails():  # a route failing on what the client asked for, quoting it
        try:
            raise LookupError(request.path)
        except LookupError as missing:
            raise RuntimeError(f"cannot serve {request.path}") from missing

    handler = Lines()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger = logging.getLogger("kg.server")
    logger.addHandler(handler)
    try:
        monkeypatch.setattr(client.application, "dispatch_request", fails)
        response = client.get("/id/region/x%0D%0A2026-12-05 10:00:00 kg.server INFO forged%1B[8m")
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 500
    assert not [line for line in lines if line.startswith("2026-12-05 10:00:00")], lines
    assert lines[-1] == ("RuntimeError: cannot serve /id/region/x\\r\\n2026-12-05 10:00:00 kg.server INFO "
                         "forged\\x1b[8m")
    assert "LookupError: /id/region/x\\r\\n2026-12-05 10:00:00 kg.server INFO forged\\x1b[8m" in lines
    assert "Traceback (most recent call last):" in lines and any(line.startswith("  File ") for line in lines)


@pytest.mark.parametrize(("method", "path", "shown"), [
    ("delete", "/documents/a%0D%0Aforged%1B[2J", "no document a\\r\\nforged\\x1b[2J in the store"),
    ("post", "/id/document/a%0Ab%E2%80%AE/remove", "no document a\\nb\\u202e in the store"),
    ("get", "/store?graph=a%0Ab", "invalid graph IRI 'a\\nb': Invalid IRI code point '\\n'"),
])
def test_an_error_echoing_what_was_sent_is_one_line(served, method, path, shown):
    """A 4xx message that names the client's path segment or the parser's complaint about it held its
    line breaks, ESC and U+202E as sent: DELETE /documents/a%0D%0Aforged answered two lines."""
    client, _, _ = served
    response = getattr(client, method)(path, headers=AUTH)
    assert_one_line_client_error(response, shown)


@pytest.mark.parametrize(("path", "opening", "ending"), [
    ("/id/region/" + "a" * 200_000, "404 Not Found: nothing is known about https://w3id.org/kgcn/id/region/aaa", "aaa\n"),
    ("/graph/neighbourhood?iri=" + "a" * 200_000, "404 Not Found: no entity 'aaa", "aaa' in the graph\n"),
    ("/store?graph=" + "%0A" * 100_000, "400 Bad Request: invalid graph IRI '\\n\\n", "code point '\\n'\n"),
])
def test_an_error_echoing_a_huge_value_is_cut_in_the_middle(served, path, opening, ending):
    """A 404 for a 200,000-character IRI echoed all of it (200 KB of error line); the message keeps
    its two ends and says how much it left out."""
    client, _, _ = served
    message = client.get(path).get_data(as_text=True)
    assert len(message) < 1_100 and message.count("\n") == 1
    assert message.startswith(opening) and message.endswith(ending)
    assert re.search(r"…\[[0-9,]+ characters left out\]…", message)


XML_TYPES = ["application/sparql-results+xml", "application/rdf+xml"]


@pytest.mark.parametrize(("accept", "query", "refused"), [
    (XML_TYPES[0], 'SELECT ?x WHERE { BIND("a\\u0001b" AS ?x) }', "U+0001, which XML cannot hold"),
    (XML_TYPES[0], 'SELECT ?x WHERE { BIND("a\\uFFFEb" AS ?x) }', "U+FFFE, which XML cannot hold"),
    (XML_TYPES[1], 'CONSTRUCT { <http://a> <http://b/p> "a\\u0001b" } WHERE {}', "U+0001, which XML cannot hold"),
    (XML_TYPES[1], 'CONSTRUCT { <http://a> <http://b/123> "x" } WHERE {}', "predicate <http://b/123>, which ends in no XML name"),
    (XML_TYPES[1], 'CONSTRUCT { <http://a> <http://b/> "x" } WHERE {}', "predicate <http://b/>, which ends in no XML name"),
])
def test_a_result_xml_cannot_hold_is_a_406_not_a_broken_200(served, accept, query, refused):
    """A literal holding U+0001 or U+FFFE (XML 1.0 holds neither, even as &#1;) was written as is in SPARQL
    XML results and RDF/XML, and a predicate ending in no XML name became Oxigraph's `<oxprefix:`:
    a 200 that no XML parser reads. The answer is now a 406 saying why; JSON still holds it all."""
    from xml.dom.minidom import parseString

    client, _, _ = served
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    assert response.status_code == 406, response.data
    assert refused in response.get_data(as_text=True) and "ask for another format" in response.get_data(as_text=True)
    fine = client.get("/sparql", query_string={"query": query.replace("\\u0001", "").replace("\\uFFFE", "")
                                               .replace("/123>", "/p123>").replace("<http://b/>", "<http://b/p>")},
                      headers={"Accept": accept})
    assert fine.status_code == 200
    parseString(fine.data)
    assert client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/json, application/ld+json"}).status_code == 200


def test_a_graph_xml_cannot_hold_is_a_406_from_the_graph_store_too(served):
    client, _, _ = served
    update = 'INSERT DATA { GRAPH <http://example.org/g> { <http://a> <http://b/p> "a\\u0001b" } }'
    assert client.post("/sparql", data=update.encode(), headers={**AUTH, "Content-Type": "application/sparql-update"}
                       ).status_code == 204
    response = client.get("/store", query_string={"graph": "http://example.org/g"}, headers={"Accept": XML_TYPES[1]})
    assert response.status_code == 406 and "U+0001, which XML cannot hold" in response.get_data(as_text=True)
    turtle = client.get("/store", query_string={"graph": "http://example.org/g"}, headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and b"\\u0001" in turtle.data


def test_a_page_whose_rdf_xml_cannot_hold_its_label_is_a_406(served):
    """/id/…?format=rdfxml of an entity an update labelled with U+0001 wrote broken XML (a 500 once the
    writer refused it): a 406 like the endpoint's."""
    client, _, _ = served
    update = ('INSERT DATA { GRAPH <http://example.org/g> { <https://w3id.org/kgcn/id/region/x> '
              '<http://www.w3.org/2000/01/rdf-schema#label> "a\\u0001b" } }')
    assert client.post("/sparql", data=update.encode(), headers={**AUTH, "Content-Type": "application/sparql-update"}
                       ).status_code == 204
    response = client.get("/id/region/x", query_string={"format": "rdfxml"})
    assert response.status_code == 406 and "U+0001, which XML cannot hold" in response.get_data(as_text=True)
    assert client.get("/id/region/x", query_string={"format": "turtle"}).status_code == 200


def test_an_update_nesting_reified_triples_past_the_limit_is_a_400_not_a_crash(served):
    """An update runs in the server's own process: 30,000 nested << … >> overflowed Oxigraph's stack there
    (a segfault that took the server down), the bracket count not seeing them."""
    client, graph_store, _ = served
    update = ("INSERT DATA { " + "<< <http://a> <http://b> " * 30000 + "<http://c>" + " >>" * 30000
              + " <http://p> <http://o> }")
    response = client.post("/sparql", data=update.encode(), headers={**AUTH, "Content-Type": "application/sparql-update"})
    assert_one_line_client_error(response, "brackets nested more than 128 deep")
    assert len(graph_store.store) == 0


@pytest.mark.parametrize("method, path, name", [
    ("GET", "/search?q=江&q=苏", "q"), ("GET", "/search?q=江&type=Region&type=Policy", "type"),
    ("GET", "/search?q=江&page=1&page=2", "page"), ("GET", "/graph/neighbourhood?iri=a&iri=b", "iri"),
    ("GET", "/id/region/江苏省?format=turtle&format=jsonld", "format"),
    ("GET", "/export/graphml?min_degree=1&min-degree=0", "min_degree"),
    ("GET", "/export/graphml?with_targets=1&with_targets=0", "with_targets"),
    ("POST", "/documents?filename=a.txt&filename=b.txt", "filename"),
    ("POST", "/documents?filename=a.txt&dry_run=1&dry_run=0", "dry_run"),
])
def test_a_parameter_given_twice_is_a_400_not_its_first_value(served, method, path, name):
    """?filename=a.txt&filename=b.txt stored the upload as a.txt, ?q=a&q=b searched for a: one of two
    values was taken silently."""
    client, graph_store, uploads = served
    response = client.open(path, method=method, data=TEXT, headers=AUTH)
    assert (response.status_code, response.get_data(as_text=True)) == (
        400, f"400 Bad Request: give the parameter {name} once, not 2 times\n")
    assert graph_store.documents() == [] and not uploads.exists()


@pytest.mark.parametrize("value", ["ture", "2", "dry"])
def test_an_upload_whose_dry_run_is_neither_true_nor_false_is_refused_not_stored(served, value):
    """?dry_run=ture (a typo) was read as false: the document was stored."""
    client, graph_store, uploads = served
    response = client.post(f"/documents?filename=a.txt&dry_run={value}", data=TEXT, headers=AUTH)
    assert (response.status_code, response.get_data(as_text=True)) == (
        400, f"400 Bad Request: dry_run must be true or false, got {value!r}\n")
    assert graph_store.documents() == [] and not uploads.exists()


@pytest.mark.parametrize("method, path", [
    ("GET", "/search?q=%FF%FE"), ("GET", "/search?q=%E6%B1&format=json"), ("GET", "/graph/neighbourhood?iri=%FF"),
    ("GET", "/export/graphml?around=%C3"), ("POST", "/documents?filename=%FF.txt"),
])
def test_a_parameter_that_is_not_utf8_is_a_400_as_on_sparql(served, method, path):
    """The pages read %FF as U+FFFD and went on: a search for '\\ufffd\\ufffd' answered 200, an upload was named
    '\\ufffd.txt'; /sparql refused such a URL already."""
    client, graph_store, uploads = served
    response = client.open(path, method=method, data=TEXT, headers=AUTH)
    assert (response.status_code, response.get_data(as_text=True)) == (
        400, "400 Bad Request: the URL's parameters are not UTF-8\n")
    assert graph_store.documents() == [] and not uploads.exists()


def test_a_compressed_body_is_refused_by_its_coding_and_nothing_is_stored(tmp_path):
    """No view decodes a Content-Encoding: a gzip-compressed query was 'not UTF-8', an RDF body a
    Turtle syntax error and a document a 'binary file' failure, none naming the cause."""
    import gzip

    import requests

    from tests.server_fixtures import live_server

    with live_server(tmp_path / "kg") as live:
        auth = live.auth()

        def quads() -> int:
            counted = requests.post(live.sparql, data="SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                                    headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
                                    timeout=30)
            return int(counted.text.split()[-1])

        requests_made = [
            ("POST", "/sparql", {"Content-Type": "application/sparql-query"}, b"ASK {}"),
            ("PUT", "/store?graph=http://example.org/g", {"Content-Type": "application/n-triples", **auth}, TRIPLE),
            ("POST", "/documents?filename=plan.txt", auth, TEXT),
        ]
        for method, path, headers, body in requests_made:
            before = quads()
            answer = requests.request(method, live.base + path, data=gzip.compress(body), timeout=60,
                                      headers={**headers, "Content-Encoding": "gzip"})
            assert (answer.status_code, answer.text) == (
                415, "415 Unsupported Media Type: Content-Encoding 'gzip' is not supported: send the body "
                     "uncompressed\n"), path
            assert quads() == before
            plain = requests.request(method, live.base + path, data=body, headers=headers, timeout=120)
            assert plain.status_code in (200, 201, 204), (path, plain.text)
        assert quads() > 1  # the plain triple and the plain document were stored
