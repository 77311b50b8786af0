"""The remote store (`--store URL --store-update URL`) against a real Oxigraph server: builds, links,
removals, queries, exports, validation and the server give what the embedded store gives; the
derived indexes follow writes made by another process; a down, refusing or junk-answering
endpoint is one line and exit 1."""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from build_fixtures import EXAMPLES, example_inputs, nquads
from bench.oxigraph_serve import oxigraph_serve
from kg.cli import cli
from kg.config import ServerConfig
from kg.graph.store import GraphStore

pytestmark = pytest.mark.xdist_group("remote-store")

#: Each xdist worker its own servers, should the module's tests be spread over workers.
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0) % 2
PORT, JUNK_PORT = 5612 + _WORKER, 5614 + _WORKER
QUERY, UPDATE = f"http://127.0.0.1:{PORT}/query", f"http://127.0.0.1:{PORT}/update"
REMOTE = ["--store", QUERY, "--store-update", UPDATE]
_EDGE_ID = re.compile(r' id="e\d+"')
_INGESTED_AT = re.compile(r'"\d{4}-\d\d-\d\dT[\d:]+Z"')


def kg(*args: str) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """An `oxigraph serve` on 127.0.0.1, up until the module's tests are done."""
    with oxigraph_serve(tmp_path_factory.mktemp("oxigraph"), PORT):
        yield QUERY


@pytest.fixture
def remote(oxigraph):
    """The server's store, emptied."""
    request = urllib.request.Request(UPDATE, data=b"update=DROP%20ALL",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    urllib.request.urlopen(request, timeout=30).read()
    return oxigraph


def comparable(text: str) -> list[str]:
    """An export's lines, sorted, without positional edge ids and ingestion times: the order of
    rows is the derived index's, which a process rebuilding it from a store may choose differently."""
    return sorted(_INGESTED_AT.sub('"…"', _EDGE_ID.sub("", line)) for line in text.splitlines())


def exports(*store: str) -> dict[str, list[str]]:
    outputs = {}
    for fmt in ("nquads", "turtle", "graphml", "gexf"):
        result = kg("export", fmt, "--out", "-", *store)
        assert result.exit_code == 0, result.output
        outputs[fmt] = comparable(result.stdout)
    return outputs


def test_a_remote_build_gives_the_graph_and_exports_of_an_embedded_build(remote, tmp_path: Path):
    example_inputs(tmp_path / "in")
    local = tmp_path / "local"
    built = [kg("build", tmp_path / "in", "--store", local, "--jobs", 1, "--json"),
             kg("build", tmp_path / "in", *REMOTE, "--jobs", 1, "--json")]
    assert [result.exit_code for result in built] == [1, 1]  # the empty and the binary file
    assert nquads(remote) == nquads(local) != []
    assert exports("--store", remote) == exports("--store", local)
    for command in (["stats", "--json"], ["validate"],
                    ["query", "SELECT ?e ?l WHERE { ?e a kg:Region ; skos:prefLabel ?l } ORDER BY ?e"],
                    ["query", "CONSTRUCT { ?e a kg:Policy } WHERE { ?e a kg:Policy }"]):
        answers = [kg(*command, "--store", where) for where in (remote, local)]
        assert answers[0].exit_code == answers[1].exit_code == 0, answers[0].output
        assert answers[0].stdout.replace(remote, "STORE") == answers[1].stdout.replace(str(local), "STORE")


def test_linking_and_removing_on_a_remote_store_follow_the_embedded_store(remote, tmp_path: Path):
    first, second = sorted(EXAMPLES.glob("0[12]-*"))
    local = tmp_path / "local"
    for store in (["--store", local], REMOTE):
        for step in (["build", first, "--jobs", 1], ["link", second], ["remove", first], ["link", first]):
            result = kg(*step, *store)
            assert result.exit_code == 0, result.output
    assert nquads(remote) == nquads(local) != []
    assert exports("--store", remote) == exports("--store", local)


def test_a_reader_sees_what_another_process_wrote(remote, tmp_path: Path):
    """A long-lived reader (a server's graph index) notices the revision another writer left."""
    first, second = sorted(EXAMPLES.glob("0[12]-*"))
    assert kg("build", first, *REMOTE, "--jobs", 1).exit_code == 0
    with GraphStore(remote, read_only=True) as reader:
        before = edges(reader)
        assert kg("link", second, *REMOTE).exit_code == 0
        grown = edges(reader)
        assert kg("remove", second, *REMOTE).exit_code == 0
        shrunk = edges(reader)
    assert before < grown and shrunk == before


def test_a_writer_that_writes_after_another_one_rebuilds_its_index(remote):
    """Its own write on top of another process's: the revision it expected is gone, so its index,
    and every other process's, is derived again and describes the store."""
    first, second = sorted(EXAMPLES.glob("0[12]-*"))
    assert kg("build", first, *REMOTE, "--jobs", 1).exit_code == 0
    with GraphStore(remote, update_url=UPDATE) as writer, GraphStore(remote, read_only=True) as reader:
        alone, _ = edges(writer), edges(reader)
        assert kg("link", second, *REMOTE).exit_code == 0  # another process writes
        (document,) = [d["iri"] for d in writer.documents() if d["path"].endswith(first.name)]
        writer.remove_document(document)  # then this one, expecting the revision it knew
        with GraphStore(remote, read_only=True) as fresh:
            expected = edges(fresh)
        assert edges(writer) == edges(reader) == expected and expected not in (0, alone)


def edges(graph_store: GraphStore) -> int:
    snapshot = graph_store.current_index().snapshot()
    try:
        return sum(1 for _ in snapshot.edges().pairs())
    finally:
        snapshot.close()


def test_kg_serve_over_a_remote_store_answers_as_the_cli_exports(remote):
    from kg.server import create_app

    assert kg("build", EXAMPLES, *REMOTE, "--jobs", 1).exit_code == 0
    app = create_app(ServerConfig(store=remote, store_update=UPDATE, update_token="secret"))
    try:
        client = app.test_client()
        graphml = client.get("/export/graphml")
        assert graphml.status_code == 200
        assert comparable(graphml.get_data(as_text=True)) == exports("--store", remote)["graphml"]
        count = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Region }"
        regions = int(next(iter(app.extensions["kg.graph_store"].query(count)))["n"].value)
        answer = client.post("/sparql", data={"query": count}, headers={"Accept": "text/csv"})
        assert regions > 20 and answer.status_code == 200 and answer.get_data(as_text=True).split()[1] == str(regions)
        inserted = client.post("/sparql", data={"update": "INSERT DATA { GRAPH <urn:g> { <urn:a> a kg:Region } }"},
                               headers={"Authorization": "Bearer secret"})
        assert inserted.status_code == 204
        answer = client.post("/sparql", data={"query": count}, headers={"Accept": "text/csv"})
        assert answer.get_data(as_text=True).split()[1] == str(regions + 1)
    finally:
        app.extensions["kg.engine"].close()
        app.extensions["kg.graph_store"].close()


class _Junk(BaseHTTPRequestHandler):
    """An HTTP server that is no SPARQL endpoint: /fail refuses, /json and /html answer junk."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        status, content_type, body = {
            "/fail": (500, "text/plain", b"the database is on fire\n"),
            "/json": (200, "application/sparql-results+json", b'{"head": {"vars": '),
            "/html": (200, "text/html", b"<html><body>hello</body></html>"),
        }.get(self.path, (404, "text/html", b"<html>no</html>"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def junk_server():
    server = ThreadingHTTPServer(("127.0.0.1", JUNK_PORT), _Junk)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{JUNK_PORT}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path, message", [
    ("/fail", "refused the request: 500 Internal Server Error: the database is on fire"),
    ("/json", "answered a query with junk"),
    ("/html", "answered a query with text/html, not SPARQL results or RDF"),
    ("/nothing", "answered 404 Not Found: is it a SPARQL endpoint?"),
], ids=["refusing", "junk-json", "html", "no-endpoint"])
def test_an_endpoint_that_refuses_or_answers_junk_is_one_line(junk_server, path: str, message: str):
    for command in (["stats"], ["export", "nquads", "--out", "-"], ["query", "ASK {}"]):
        result = kg(*command, "--store", junk_server + path)
        assert result.exit_code == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("kg: error: ") and message in lines[0], lines


def test_an_endpoint_that_is_down_is_one_line(tmp_path: Path):
    (tmp_path / "doc.txt").write_text("江苏省人民政府印发《江苏省新能源汽车产业发展规划》。", "utf-8")
    down = "http://127.0.0.1:5617/query"
    for command in (["stats"], ["build", tmp_path, "--jobs", 1, "--store-update", down.replace("query", "update")],
                    ["link", tmp_path / "doc.txt", "--store-update", down]):
        result = kg(*command, "--store", down)
        assert result.exit_code == 1
        lines = result.stderr.strip().splitlines()
        assert lines == [f"kg: error: cannot reach the store at {down}: [Errno 111] Connection refused"], lines


@pytest.mark.parametrize("store, update, message", [
    ("http://", None, "invalid store URL 'http://': expected http(s)://HOST[:PORT]/PATH"),
    ("http://[::1", None, "invalid store URL 'http://[::1': Invalid IPv6 URL"),
    ("http://127.0.0.1:99999/query", None, "invalid store URL 'http://127.0.0.1:99999/query': Port out of range 0-65535"),
    ("http://exa mple/query", None, "invalid store URL 'http://exa mple/query': white space or control characters"),
    ("http://127.0.0.1:5617/query", "update", "invalid store URL 'update': expected http(s)://HOST[:PORT]/PATH"),
])
def test_a_malformed_endpoint_url_is_one_line(tmp_path: Path, store: str, update: str | None, message: str):
    """Each was a bare 'AttributeError: 'NoneType' object has no attribute 'rfind'', 'ValueError: …' or
    'InvalidURL: …' line from deep inside the first request; a bad --store-update went unchecked."""
    (tmp_path / "doc.txt").write_text("江苏省人民政府印发《江苏省新能源汽车产业发展规划》。", "utf-8")
    command = ["stats"] if update is None else ["link", tmp_path / "doc.txt", "--store-update", update]
    result = kg(*command, "--store", store)
    assert (result.exit_code, result.stderr) == (1, f"kg: error: {message}\n")

def test_writing_without_the_update_endpoint_is_refused_before_anything_runs(remote, tmp_path: Path):
    (tmp_path / "doc.txt").write_text("江苏省人民政府印发《江苏省新能源汽车产业发展规划》。", "utf-8")
    for command in (["build", tmp_path, "--jobs", 1], ["link", tmp_path / "doc.txt"], ["remove", tmp_path / "doc.txt"]):
        result = kg(*command, "--store", remote)
        assert result.exit_code == 1
        assert result.stderr.strip().splitlines() == [
            f"kg: error: writing to the remote store {remote} needs its SPARQL Update endpoint: "
            "give --store-update URL (or set KG_STORE_UPDATE)"]
    assert nquads(remote) == []


def test_a_query_the_server_rejects_is_the_users_error_as_with_the_embedded_store(remote, tmp_path: Path):
    from kg.server import create_app

    assert kg("build", EXAMPLES / "01-yangtze-delta-nev.txt", "--store", tmp_path / "local", "--jobs", 1).exit_code == 0
    bad = "SELECT ?x WHERE {\n  ?x kg:partOf region:江苏省 ."
    answers = [kg("query", bad, "--store", where) for where in (remote, tmp_path / "local")]
    assert answers[0].exit_code == answers[1].exit_code == 1
    assert answers[0].stderr == answers[1].stderr and answers[0].stderr.startswith("kg: error: invalid SPARQL at line 2, column")
    app = create_app(ServerConfig(store=remote))
    try:
        response = app.test_client().post("/sparql", data={"query": bad})
        assert response.status_code == 400 and response.get_data(as_text=True).startswith("400 Bad Request: query syntax error")
    finally:
        app.extensions["kg.engine"].close()
        app.extensions["kg.graph_store"].close()


def test_a_document_written_in_chunks_to_a_remote_store_is_whole_and_then_removable(remote, monkeypatch, tmp_path):
    """Chunked writes (kg.graph.chunked) run over the remote backend too: the same quads as one
    transaction, the hidden marker gone, and a chunked removal leaves nothing behind."""
    import kg.graph.store
    from export_fixtures import document_quads, small_docs

    from kg.graph.chunked import hidden_graphs
    from kg.vocab import document_iri

    doc = small_docs()[0]
    monkeypatch.setattr(kg.graph.store, "REMOTE_UPDATE_QUADS", 7)
    assert len(document_quads(doc)) > 21
    with GraphStore(remote, update_url=UPDATE) as shared, GraphStore(tmp_path / "local") as local:
        for graph_store in (shared, local):
            graph_store.write_document(document_iri(doc.sha), iter(document_quads(doc)))
        assert set(shared.store.quads_for_pattern(None, None, None)) == set(local.store.quads_for_pattern(None, None, None))
        assert hidden_graphs(shared.store) == set() and shared.has_document(document_iri(doc.sha))
        shared.remove_document(document_iri(doc.sha))
        assert shared.store.is_empty() and hidden_graphs(shared.store) == set()


@pytest.mark.parametrize("wipe", ["DROP ALL", "CLEAR ALL"])
def test_a_wipe_during_a_chunked_write_fails_that_document_and_leaves_no_part_of_it(remote, wipe, monkeypatch, tmp_path):
    """A client's DROP ALL or CLEAR ALL between two batches of a document's chunked write takes the
    batches written so far and the marker hiding them: the writer must not go on adding the rest
    and reveal a partial document. It fails that file in one line, no reader ever sees part of it,
    and the next file of the batch is stored whole."""
    from kg.graph.chunked import visible_quads
    from kg.vocab import document_iri

    first, second = EXAMPLES / "01-yangtze-delta-nev.txt", EXAMPLES / "05-hunan-digital-economy.txt"
    first_graph = document_iri(hashlib.sha256(first.read_bytes()).hexdigest())
    monkeypatch.setattr("kg.graph.store.REMOTE_UPDATE_QUADS", 50)
    seen_after_wipe: list[int] = []
    chunks = 0

    def wipe_at_the_third_chunk(name: str) -> None:
        nonlocal chunks
        if name != "store-chunk-written":
            return
        chunks += 1
        if chunks == 3:
            request = urllib.request.Request(UPDATE, data=wipe.encode(), headers={"Content-Type": "application/sparql-update"})
            urllib.request.urlopen(request, timeout=30).read()
        elif chunks > 3:  # what a reader sees of the first file while the build goes on
            with GraphStore(remote, read_only=True) as reader:
                seen_after_wipe.append(sum(1 for q in visible_quads(reader.store) if q.graph_name.value == first_graph))

    monkeypatch.setattr("kg.graph.chunked.fault_point", wipe_at_the_third_chunk)
    built = kg("build", first, second, *REMOTE, "--jobs", 1, "--no-link")
    assert built.exit_code == 1
    failed = built.stderr.strip().splitlines()
    assert len(failed) == 1 and failed[0].startswith(f"kg: failed: {first}: ") and "another client" in failed[0]
    assert seen_after_wipe and set(seen_after_wipe) == {0}
    monkeypatch.undo()
    assert kg("build", second, "--store", tmp_path / "local", "--jobs", 1, "--no-link").exit_code == 0
    assert nquads(remote) == nquads(tmp_path / "local")  # the second file whole, nothing of the first, no marker


HOSTILE_PORT = 5618 + _WORKER
_NO_REVISION = b'{"head": {"vars": ["revision"]}, "results": {"bindings": []}}'


def deep_json_results(depth: int) -> bytes:
    """SPARQL JSON results binding ?o to a triple term nested ``depth`` deep."""
    uri = b'{"type": "uri", "value": "http://example.org/a"}'
    triple = b'{"type": "triple", "value": {"subject": ' + uri + b', "predicate": ' + uri + b', "object": '
    return (b'{"head": {"vars": ["s", "p", "o"]}, "results": {"bindings": [{"s": ' + uri + b', "p": ' + uri
            + b', "o": ' + triple * depth + uri + b"}}" * depth + b"}]}}")


def deep_n_triples(depth: int) -> bytes:
    return (b"<http://example.org/s> <http://example.org/p> " + b"<<( <http://example.org/a> <http://example.org/p> " * depth
            + b"<http://example.org/o>" + b" )>>" * depth + b" .\n")


class _Hostile(BaseHTTPRequestHandler):
    """A SPARQL endpoint (and Graph Store beside it) that answers a store's revision query as a store
    does, then misbehaves as its first path segment says: /deep-json/query nests results past the
    parser's stack; /junk-row/query answers a good row, then a junk one; /endless/query streams an
    answer without end; /drip/query answers a byte every 0.3 s; /deep-nt/store serves a graph of
    triple terms nested past the parser's stack."""

    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        query = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode()).get("query", [""])[0]
        mode = self.path.split("/")[1]
        if "?revision" in query or mode == "deep-nt":
            self._answer(_NO_REVISION)
        elif mode == "deep-json":
            self._answer(deep_json_results(20_000))
        elif mode == "junk-row":
            self._answer(b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "1"}}, '
                         b'{"x": {"type": "bogus"}}]}}')
        elif mode == "endless":
            self._answer(b"", length=10**12)
            with contextlib.suppress(OSError):
                while True:
                    self.wfile.write(b" " * 65536)
        elif mode == "drip":
            self._answer(b"", length=len(_NO_REVISION))
            with contextlib.suppress(OSError):
                for byte in _NO_REVISION:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.3)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(deep_n_triples(100_000), "application/n-triples")

    def _answer(self, body: bytes, content_type: str = "application/sparql-results+json", length: int | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def hostile_server():
    server = ThreadingHTTPServer(("127.0.0.1", HOSTILE_PORT), _Hostile)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{HOSTILE_PORT}"
    server.shutdown()
    server.server_close()


def test_results_nested_past_the_parsers_stack_are_one_line_not_a_crash(hostile_server):
    """pyoxigraph's SPARQL JSON results parser overflowed the stack on 20,000 nested triple terms
    (3 MB): kg stats and kg query over such a store died of a segfault (-11, no message), as would a
    kg serve over it. In child processes, which that killed."""
    store = f"{hostile_server}/deep-json/query"
    for command in (["stats"], ["query", "SELECT * WHERE { ?s ?p ?o }"]):
        done = subprocess.run([sys.executable, "-m", "kg.cli", *command, "--store", store],
                              capture_output=True, text=True, timeout=120)
        assert (done.returncode, done.stderr) == (1, f"kg: error: {store} answered a query with junk: SPARQL JSON "
                                                     "results nested 40005 levels deep (at most 500: deeper would "
                                                     "overflow the parser)\n")


def test_a_graph_read_back_nested_past_the_parsers_stack_is_one_line_not_a_crash(hostile_server):
    """The same for a document graph read through the Graph Store (N-Triples): in a child process."""
    script = f"""
import pyoxigraph as ox
from kg.errors import StoreError
from kg.graph.backends.remote import RemoteStore
try:
    RemoteStore("{hostile_server}/deep-nt/query").quads_for_pattern(None, None, None, ox.NamedNode("http://example.org/g"))
except StoreError as err:
    print(err)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout) == (0, f"{hostile_server}/deep-nt/store?graph=http%3A%2F%2Fexample.org%2Fg "
                                                 "answered with junk: triple terms nested 100000 levels deep (at most "
                                                 "500: deeper would overflow the parser)\n")


def test_a_junk_row_after_good_ones_is_the_stores_fault_not_the_querys(hostile_server):
    """pyoxigraph reads solutions as they are asked for: the junk row surfaced in kg query as
    'invalid SPARQL at Unexpected term type', the user's query blamed for the store's answer."""
    store = f"{hostile_server}/junk-row/query"
    result = kg("query", "SELECT ?x WHERE { ?x ?p ?o }", "--store", store)
    assert (result.exit_code, result.stderr) == (1, f"kg: error: {store} answered a query with junk: "
                                                    "Unexpected term type: 'bogus'\n")


def test_an_answer_without_end_is_cut_at_the_most_bytes_read(hostile_server):
    from kg.errors import StoreError
    from kg.graph.backends.remote import RemoteStore

    store = RemoteStore(f"{hostile_server}/endless/query", max_bytes=10_000_000)
    with pytest.raises(StoreError) as refused:
        store.select("SELECT * WHERE { ?s ?p ?o }")
    assert str(refused.value) == (f"the store at {hostile_server}/endless/query answered more than 10,000,000 bytes "
                                  "(the most read: $KG_REMOTE_MAX_RESPONSE_BYTES)")


def test_a_server_dripping_its_answer_is_cut_at_the_timeout(hostile_server):
    """The socket's timeout bounds each wait: a byte every 0.3 s held the request 18 s with a 1 s timeout."""
    from kg.errors import StoreError
    from kg.graph.backends.remote import RemoteStore

    store = RemoteStore(f"{hostile_server}/drip/query", timeout=1)
    started = time.monotonic()
    with pytest.raises(StoreError) as refused:
        store.select("SELECT * WHERE { ?s ?p ?o }")
    assert time.monotonic() - started < 5
    assert str(refused.value) == f"the store at {hostile_server}/drip/query did not answer within 1 s"


class _Failing(BaseHTTPRequestHandler):
    """A store that answers as an empty store does while :attr:`behaviour` is "up", then refuses
    (500), answers junk, closes the connection or stalls past the timeout."""

    protocol_version = "HTTP/1.1"
    behaviour = "up"

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.behaviour == "up":
            asks = urllib.parse.parse_qs(body.decode()).get("query", [""])[0].lstrip().startswith("ASK")
            return self._answer(200, b'{"head": {}, "boolean": false}' if asks else _NO_REVISION)
        if self.behaviour == "close":
            self.close_connection = True
            return
        if self.behaviour == "stall":
            time.sleep(3)
            return
        self._answer(500, b"the database is on fire\n") if self.behaviour == "refuse" else self._answer(200, b'{"head": ')

    do_GET = do_PUT = do_DELETE = do_POST

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/sparql-results+json" if status == 200 else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def failing_app():
    """kg serve's app over a store that was up when the app opened it, and a setter of its behaviour."""
    from kg.server import create_app

    server = ThreadingHTTPServer(("127.0.0.1", FAILING_PORT), _Failing)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Failing.behaviour = "up"
    base = f"http://127.0.0.1:{FAILING_PORT}"
    app = create_app(ServerConfig(store=f"{base}/query", store_update=f"{base}/update", update_token="secret"))
    app.extensions["kg.graph_store"].store.http.timeout = 1
    try:
        yield app
    finally:
        app.extensions["kg.engine"].close()
        server.shutdown()
        server.server_close()


FAILING_PORT = 5620 + _WORKER
_SECRET = {"Authorization": "Bearer secret"}


@pytest.mark.parametrize("behaviour, status, message", [
    ("refuse", "502 Bad Gateway", "/query refused the request: 500 Internal Server Error: the database is on fire"),
    ("junk", "502 Bad Gateway", "/query answered a query with junk: "),
    ("close", "502 Bad Gateway", "cannot reach the store at http://127.0.0.1:"),
    ("stall", "504 Gateway Timeout", "/query did not answer within 1 s"),
])
def test_a_remote_store_failing_under_kg_serve_is_a_502_or_504_in_one_line(failing_app, behaviour, status, message):
    """Each route answered 500 Internal Server Error, and /export 400 Bad Request (the store's failure
    taken for a bad filter); DELETE /documents/SHA said 404 'no document …' of a store it could not read."""
    _Failing.behaviour = behaviour
    client = failing_app.test_client()
    sha = "0" * 64
    for method, url, options in [
        ("GET", "/stats", {}), ("GET", "/sparql?query=ASK%7B%7D", {}), ("GET", "/store?graph=urn:x", {}),
        ("GET", "/export/graphml", {}), ("GET", "/graph/neighbourhood?iri=urn:x", {}),
        ("POST", "/sparql", {"data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}, "headers": _SECRET}),
        ("DELETE", f"/documents/{sha}", {"headers": _SECRET}),
    ]:
        response = client.open(url, method=method, **options)
        text = response.get_data(as_text=True)
        assert response.status_code == int(status[:3]) and text.count("\n") == 1, (method, url, text)
        assert text.startswith(f"{status}: ") and message in text, (method, url, text)
