"""Graph Store writes parsed by pyoxigraph straight into the store (issue 12, 9): what a client
sees must not change with the faster path."""
from __future__ import annotations

import gc

import pyoxigraph as ox
import pytest

from kg.config import ServerConfig
from kg.graph.store import GraphStore
from kg.server import create_app
from rdf_fixtures import LAUGHS, limit_memory

TOKEN = "s3cret"
NT = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/n-triples"}
GRAPH = "http://example.org/g"


@pytest.fixture
def served(tmp_path):
    graph_store = GraphStore(tmp_path / "kg")
    app = create_app(ServerConfig(store=tmp_path / "kg", update_token=TOKEN), graph_store=graph_store)
    yield app.test_client(), graph_store.store
    graph_store.close()


def triples(n: int, start: int = 0) -> bytes:
    return "".join(f'<http://example.org/s{i}> <http://example.org/p> "江苏省 {i}"@zh .\n'
                   for i in range(start, start + n)).encode()


def objects(store) -> set[str]:
    return {q.object.value for q in store.quads_for_pattern(None, None, None, None)}


def test_put_creates_then_replaces_and_post_appends(served):
    client, store = served
    assert client.put(f"/store?graph={GRAPH}", data=triples(500), headers=NT).status_code == 201
    assert len(store) == 500
    assert client.put(f"/store?graph={GRAPH}", data=triples(3, 1000), headers=NT).status_code == 204
    assert objects(store) == {"江苏省 1000", "江苏省 1001", "江苏省 1002"}
    assert client.post(f"/store?graph={GRAPH}", data=triples(2), headers=NT).status_code == 204
    assert len(store) == 5
    assert client.put(f"/store?graph={GRAPH}", data=b"", headers=NT).status_code == 204
    assert len(store) == 0


def test_a_malformed_replacement_loses_nothing(served):
    client, store = served
    client.put(f"/store?graph={GRAPH}", data=triples(10), headers=NT)
    bad = triples(10, 100) + b"<http://example.org/x> <http://example.org/p> .\n"
    assert client.put(f"/store?graph={GRAPH}", data=bad, headers=NT).status_code == 400
    assert client.post(f"/store?graph={GRAPH}", data=bad, headers=NT).status_code == 400
    assert objects(store) == {f"江苏省 {i}" for i in range(10)}



@pytest.mark.parametrize("charset", ["latin1", "ISO-8859-1", "utf-16"])
def test_a_body_in_another_charset_is_refused_not_read_as_utf8(served, charset):
    """A Latin-1 body whose bytes happen to be UTF-8 ("Ã©" is C3 A9) was stored as another text ("é")."""
    client, store = served
    client.put(f"/store?graph={GRAPH}", data=triples(2), headers=NT)
    body = '<http://example.org/s> <http://example.org/p> "Ã©" .\n'.encode("latin-1")
    for write in (client.put, client.post):
        headers = {**NT, "Content-Type": f"application/n-triples; charset={charset}"}
        response = write(f"/store?graph={GRAPH}", data=body, headers=headers)
        assert response.status_code == 415
        assert response.get_data(as_text=True) == (
            f"415 Unsupported Media Type: unsupported charset {charset.lower()}: RDF bodies are UTF-8\n")
    assert objects(store) == {"江苏省 0", "江苏省 1"}
    utf8 = client.post(f"/store?graph={GRAPH}", data=triples(1, 5),
                       headers={**NT, "Content-Type": "application/n-triples; charset=UTF-8"})
    assert utf8.status_code == 204 and "江苏省 5" in objects(store)

def test_blank_nodes_of_two_bodies_stay_apart(served):
    client, store = served
    body = b'_:b <http://example.org/p> "x" .\n'
    client.post("/store?graph=http://example.org/one", data=body, headers=NT)
    client.post("/store?graph=http://example.org/two", data=body, headers=NT)
    client.put("/store?default", data=body, headers=NT)
    assert len({q.subject for q in store}) == 3


class Crash(BaseException):
    """The process dying at a fault point (a real kill is tested in test_interrupted_writes)."""


def crash_at(point: str, nth: int):
    reached = []

    def fault_point(name: str) -> None:
        if name == point:
            reached.append(name)
            if len(reached) == nth:
                raise Crash(point)
    return fault_point


@pytest.mark.parametrize("crash", [None, ("graph-replacement-staged", 1), ("store-chunk-deleted", 2),
                                   ("store-chunk-written", 3)])
def test_a_large_replacement_runs_in_chunks_and_a_crash_after_its_switch_is_finished_on_reopen(
        tmp_path, monkeypatch, crash):
    """A PUT replacing a graph larger than a chunk is staged and rolled forward chunk by chunk
    (kg.graph.chunked); killed on the way, the next writable open finishes it."""
    monkeypatch.setattr("kg.server.gsp.STORE_CHUNK_QUADS", 40)
    graph_store = GraphStore(tmp_path / "kg")
    app = create_app(ServerConfig(store=tmp_path / "kg", update_token=TOKEN), graph_store=graph_store)
    client = app.test_client()
    assert client.put(f"/store?graph={GRAPH}", data=triples(300), headers=NT).status_code == 201
    if crash:
        monkeypatch.setattr("kg.graph.chunked.fault_point", crash_at(*crash))
        with pytest.raises(Crash):
            client.put(f"/store?graph={GRAPH}", data=triples(200, 1000), headers=NT)
        assert client.get(f"/store?graph={GRAPH}").status_code == 404  # hidden while it rolls forward
        graph_store.close()
        del app, client
        gc.collect()  # the app's engine held the store too
        monkeypatch.undo()
        graph_store = GraphStore(tmp_path / "kg")  # heals
    else:
        assert client.put(f"/store?graph={GRAPH}", data=triples(200, 1000), headers=NT).status_code == 204
    assert objects(graph_store.store) == {f"江苏省 {i}" for i in range(1000, 1200)}
    assert list(graph_store.store.named_graphs()) == [ox.NamedNode(GRAPH)]
    assert not list((tmp_path / "kg").glob("kg-staged-*"))
    graph_store.close()


def puts_in_a_child(tmp_path, content_type: str, bad: str, good: str, preamble: str = "") -> list[str]:
    """PUT the bodies the Python expressions ``bad`` then ``good`` give to a server in a child process: a parser
    overflowing its stack kills that process (status -11), not the test run. The bad body's status and message,
    then the good body's status."""
    import subprocess
    import sys

    script = preamble + f"""
from kg.config import ServerConfig
from kg.graph.store import GraphStore
from kg.server import create_app
app = create_app(ServerConfig(store={str(tmp_path / 'kg')!r}, update_token={TOKEN!r}),
                 graph_store=GraphStore({str(tmp_path / 'kg')!r}))
client = app.test_client()
headers = {{"Authorization": "Bearer {TOKEN}", "Content-Type": {content_type!r}}}
response = client.put("/store?graph={GRAPH}", data={bad}, headers=headers)
print(response.status_code, response.get_data(as_text=True).strip())
print(client.put("/store?graph={GRAPH}", data={good}, headers=headers).status_code)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    return done.stdout.splitlines()


def test_json_ld_nested_deeper_than_the_parser_can_go_is_a_400_and_the_server_lives(tmp_path):
    """pyoxigraph's JSON-LD parser overflowed the request thread's stack on 20,000 nested objects:
    a segfault that took `kg serve` down."""
    nested = ("'{\"@id\": \"http://example.org/a\", \"http://example.org/p\": ' "
              "+ '{\"http://example.org/p\": ' * 20_000 + '1' + '}' * 20_001")
    assert puts_in_a_child(tmp_path, "application/ld+json", nested,
                           "'{\"@id\": \"http://example.org/a\", \"http://example.org/p\": 1}'") == [
        "400 400 Bad Request: cannot parse the JSON-LD body: JSON-LD nested 20001 levels deep "
        "(at most 500: deeper would overflow the parser)",
        "201"]


def test_brackets_inside_json_ld_strings_are_no_nesting(served):
    client, store = served
    body = '{"@id": "http://example.org/a", "http://example.org/p": "' + "{[" * 1000 + '\\" ]"}'
    headers = {**NT, "Content-Type": "application/ld+json"}
    assert client.put(f"/store?graph={GRAPH}", data=body, headers=headers).status_code == 201
    assert objects(store) == {"{[" * 1000 + '" ]'}



def test_rdf_xml_entities_that_expand_a_billion_times_are_a_400_and_the_server_lives(tmp_path):
    """Nine entities of ten uses each (750 bytes) made pyoxigraph's RDF/XML parser allocate 10 GB:
    the process aborted ('memory allocation … failed'), a kg serve with it. In a capped child."""
    import subprocess
    import sys

    script = f"""
from kg.config import ServerConfig
from kg.graph.store import GraphStore
from kg.server import create_app
app = create_app(ServerConfig(store={str(tmp_path / 'kg')!r}, update_token={TOKEN!r}),
                 graph_store=GraphStore({str(tmp_path / 'kg')!r}))
headers = {{"Authorization": "Bearer {TOKEN}", "Content-Type": "application/rdf+xml"}}
response = app.test_client().put("/store?graph={GRAPH}", data={LAUGHS!r}, headers=headers)
print(response.status_code, response.get_data(as_text=True).strip())
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          preexec_fn=limit_memory)
    assert done.returncode == 0, done.stderr[-300:]
    assert done.stdout.splitlines() == [
        "400 400 Bad Request: cannot parse the RDF/XML body: its entity references expand to 10,000,000,000 "
        "characters (at most 1,007,500 for 750 bytes)"]


def test_rdf_xml_with_namespace_entities_as_owl_writes_them_is_read(served):
    client, store = served
    body = ('<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY x "http://example.org/">]>'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:x="http://example.org/">'
            + '<rdf:Description rdf:about="&x;a"><x:p rdf:resource="&x;b"/></rdf:Description>' * 50 + "</rdf:RDF>")
    headers = {**NT, "Content-Type": "application/rdf+xml"}
    assert client.put(f"/store?graph={GRAPH}", data=body, headers=headers).status_code == 201
    assert objects(store) == {"http://example.org/b"}


def nested_triple_terms(depth: int) -> bytes:
    """Turtle whose object is a triple term nested ``depth`` deep: <<( a p <<( a p … )>> )>>."""
    return (b"<http://example.org/s> <http://example.org/p> " + b"<<( <http://example.org/a> <http://example.org/p> " * depth
            + b"<http://example.org/o>" + b" )>>" * depth + b" .\n")


def test_turtle_triple_terms_nested_deeper_than_the_parser_can_go_are_a_400_and_the_server_lives(tmp_path):
    """pyoxigraph's Turtle parser overflowed the request thread's stack on 20,000 nested triple
    terms (a 600 KB body): one PUT took `kg serve` down."""
    import inspect

    assert puts_in_a_child(tmp_path, "text/turtle", "nested_triple_terms(20_000)", "nested_triple_terms(3)",
                           preamble=inspect.getsource(nested_triple_terms)) == [
        "400 400 Bad Request: cannot parse the Turtle body: triple terms nested 20000 levels deep "
        "(at most 500: deeper would overflow the parser)",
        "201"]


def test_triple_terms_side_by_side_or_inside_strings_and_comments_are_no_nesting(served):
    client, store = served
    body = ("# a comment's quote: '\n<http://example.org/s> <http://example.org/p> "
            + "<<( <http://example.org/a> <http://example.org/p> \"<<( )>>\" )>>, " * 600 + '"' + "<<(" * 600 + '" .\n'
            + '<http://example.org/s> <http://example.org/p> """it\'s <<( <<(""" .\n')
    headers = {**NT, "Content-Type": "text/turtle"}
    assert client.put(f"/store?graph={GRAPH}", data=body, headers=headers).status_code == 201
    assert len(store) == 3


def test_rdf_xml_nested_deeper_than_the_parser_takes_in_time_is_a_400(served):
    """pyoxigraph's RDF/XML parser slows down with the square of the depth: 80,000 nested elements
    (1.8 MB) held a request 26 s, 50 MB would hold it for hours. 10,002 (0.5 s) were stored."""
    client, store = served
    depth = 5_000
    body = ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:x="http://example.org/"><rdf:Description rdf:about="http://example.org/s">'
            + "<x:p><rdf:Description>" * depth + '<x:p rdf:resource="http://example.org/o"/>'
            + "</rdf:Description></x:p>" * depth + "</rdf:Description></rdf:RDF>")
    response = client.put(f"/store?graph={GRAPH}", data=body, headers={**NT, "Content-Type": "application/rdf+xml"})
    assert (response.status_code, response.get_data(as_text=True)) == (
        400, "400 Bad Request: cannot parse the RDF/XML body: RDF/XML elements nested 10002 levels deep "
             "(at most 500: the parser slows down with the square of the depth)\n")
    assert len(store) == 0


def test_rdf_xml_tags_inside_comments_and_cdata_are_no_nesting_and_attribute_values_hide_none(served):
    client, store = served
    head = ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:x="http://example.org/">')
    body = (head + "<!-- " + "<x:p>" * 600 + " -->"
            + '<rdf:Description rdf:about="http://example.org/s"><x:p><![CDATA[' + "<x:p>" * 600
            + "]]></x:p></rdf:Description></rdf:RDF>")
    headers = {**NT, "Content-Type": "application/rdf+xml"}
    response = client.put(f"/store?graph={GRAPH}", data=body, headers=headers)
    assert response.status_code == 201, response.get_data(as_text=True)
    assert objects(store) == {"<x:p>" * 600}
    hiding = head + '<rdf:Description x:q="/>"><x:p>' * 300 + "</x:p></rdf:Description>" * 300 + "</rdf:RDF>"
    response = client.put(f"/store?graph={GRAPH}", data=hiding, headers=headers)
    assert response.status_code == 400 and "RDF/XML elements nested 601 levels deep" in response.get_data(as_text=True)


def test_a_multipart_body_nested_too_deeply_or_of_too_many_parts_is_a_400(served):
    """Python's email parser descends once per multipart nested in a part: 2,000 levels (60 KB) were
    a RecursionError, a 500; 50,000 tiny parts (2.7 MB) took 20 s."""
    client, store = served
    turtle = b"Content-Type: text/turtle\r\n\r\n<http://example.org/a> <http://example.org/p> <http://example.org/b> .\r\n"
    depth = 2_000
    nested = (b"".join(b"--b%d\r\nContent-Type: multipart/mixed; boundary=b%d\r\n\r\n" % (i, i + 1) for i in range(depth))
              + b"--b%d\r\n" % depth + turtle + b"".join(b"--b%d--\r\n" % i for i in range(depth, -1, -1)))
    headers = {**NT, "Content-Type": "multipart/form-data; boundary=b0"}
    response = client.post(f"/store?graph={GRAPH}", data=nested, headers=headers)
    assert (response.status_code, response.get_data(as_text=True)) == (
        400, "400 Bad Request: a multipart body nested too deeply (each part must be an RDF document)\n")
    many = b"".join(b"--x\r\n" + turtle for _ in range(1_001)) + b"--x--\r\n"
    headers = {**NT, "Content-Type": "multipart/form-data; boundary=x"}
    response = client.post(f"/store?graph={GRAPH}", data=many, headers=headers)
    assert (response.status_code, response.get_data(as_text=True)) == (
        400, "400 Bad Request: a multipart body of more than 1,000 parts\n")
    assert len(store) == 0
    two = b"--x\r\n" + turtle + b"--x\r\n" + turtle.replace(b"/b>", b"/c>") + b"--x--\r\n"
    assert client.post(f"/store?graph={GRAPH}", data=two, headers=headers).status_code == 201
    assert objects(store) == {"http://example.org/b", "http://example.org/c"}


@pytest.mark.parametrize("part_type, part_body, answer", [
    ("application/n-triples; charset=latin1", '<http://example.org/s> <http://example.org/p> "Ã©" .\r\n'.encode("latin-1"),
     "415 Unsupported Media Type: unsupported charset latin1: RDF bodies are UTF-8\n"),
    ('text/turtle;\r\n charset="UTF-16"', '<http://example.org/s> <http://example.org/p> "x" .\r\n'.encode("utf-16"),
     "415 Unsupported Media Type: unsupported charset utf-16: RDF bodies are UTF-8\n"),
    ("application/n-triples", b'<http://example.org/s> <http://example.org/p> "\xff\xfe" .\r\n',
     "400 Bad Request: cannot parse the N-Triples body: Parser error at line 1 between columns 48 and 48: "
     "Invalid UTF-8: invalid utf-8 sequence of 1 bytes from index 0 (line 1)\n"),
])
def test_a_multipart_part_in_another_charset_is_refused_and_stores_nothing(served, part_type, part_body, answer):
    """Only the part's media type was read, not its charset: a Latin-1 part was stored as UTF-8
    ("Ã©" as "é") beside the request's other parts."""
    client, store = served
    client.put(f"/store?graph={GRAPH}", data=triples(2), headers=NT)
    good = b'<http://example.org/a> <http://example.org/p> "ok" .\r\n'
    body = (b"--x\r\nContent-Type: application/n-triples; charset=utf-8\r\n\r\n" + good
            + b"--x\r\nContent-Type: " + part_type.encode() + b"\r\n\r\n" + part_body + b"--x--\r\n")
    headers = {**NT, "Content-Type": "multipart/form-data; boundary=x"}
    for write in (client.put, client.post):
        response = write(f"/store?graph={GRAPH}", data=body, headers=headers)
        assert (response.status_code, response.get_data(as_text=True)) == (int(answer[:3]), answer)
    assert objects(store) == {"江苏省 0", "江苏省 1"}


@pytest.fixture(scope="module")
def live_store(tmp_path_factory):
    from tests.server_fixtures import live_server

    with live_server(tmp_path_factory.mktemp("gsp") / "kg") as live:
        yield live


_PART = b'--x\r\nContent-Type: application/n-triples\r\n\r\n<http://example.org/s> <http://example.org/p> "new" .\r\n'


@pytest.mark.parametrize("content_type, body, problem", [
    ("multipart/form-data", _PART + b"--x--\r\n", "no boundary"),
    ("multipart/form-data; boundary=y", _PART + b"--x--\r\n", "boundary"),
    ("multipart/form-data; boundary=x", _PART, "closing boundary"),
    ("multipart/form-data; boundary=x", b"--x--\r\n", "no part"),
])
def test_a_malformed_multipart_body_is_refused_and_the_graph_kept(live_store, content_type, body, problem):
    """Python's email parser reads a multipart body without its boundary, or whose boundary never
    occurs, as no part at all: a PUT of it emptied the graph and answered 204, a POST added nothing
    and said so with 204; and a body cut before its closing boundary was stored as far as it went."""
    import requests

    graph = f"{live_store.base}/store?graph=http://example.org/kept"
    put = requests.put(graph, data=triples(3), timeout=30,
                       headers={**live_store.auth(), "Content-Type": "application/n-triples"})
    assert put.status_code in (201, 204), put.text
    for method in ("PUT", "POST"):
        response = requests.request(method, graph, data=body, timeout=30,
                                    headers={**live_store.auth(), "Content-Type": content_type})
        assert response.status_code == 400, (method, response.status_code, response.text)
        assert problem in response.text and response.text.count("\n") == 1, response.text
    kept = requests.get(graph, headers={"Accept": "application/n-triples"}, timeout=30)
    assert sorted(kept.text.splitlines()) == sorted(triples(3).decode().splitlines())
