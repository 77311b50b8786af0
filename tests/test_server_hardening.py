"""Issue 12 against a live ``kg serve``: crashing operations are refused, nothing leaves the
machine without --allow-service, names in Chinese work, runaway queries die at their deadline
without starving the server, SIGTERM stops it and releases the store, and every response
carries the safety headers."""
from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

from kg.graph.store import GraphStore
from tests.server_fixtures import TOKEN, live_server

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TRIVIAL = "ASK { ?s ?p ?o }"
JIANGSU = "https://w3id.org/kgcn/id/region/江苏省"


def make_store(path: Path, triples: int = 3000) -> Path:
    body = " ".join(f"<http://example.org/s{i}> <http://example.org/p> {i} ." for i in range(triples))
    with GraphStore(path) as store:
        store.store.update(f"INSERT DATA {{ GRAPH <http://example.org/g> {{ {body} "
                           f"<{JIANGSU}> <http://www.w3.org/2000/01/rdf-schema#label> '江苏省'@zh }} }}")
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(make_store(tmp_path_factory.mktemp("hardening") / "store"), "--timeout", "3") as live:
        yield live


def query(live, text: str, timeout: float = 30) -> requests.Response:
    return requests.post(live.sparql, data=text.encode("utf-8"), timeout=timeout,
                         headers={"Content-Type": "application/sparql-query",
                                  "Accept": "application/sparql-results+json"})


def update(live, text: str) -> requests.Response:
    return requests.post(live.sparql, data=text.encode("utf-8"), timeout=30,
                         headers={"Content-Type": "application/sparql-update", **live.auth()})


# -- 1. operations that crash the engine -------------------------------------------------------------

CRASHERS = [
    "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000,
    "SELECT * WHERE " + "{" * 3000,
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 10000,
    "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o } " * 3000 + "}",
    "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 10000) + " }",
]


def test_crashing_operations_get_a_one_line_400_and_the_server_lives(server):
    for text in CRASHERS:
        response = query(server, text)
        assert response.status_code == 400, response.text
        assert response.text.count("\n") == 1 and "refused" in response.text
    response = update(server, "INSERT { <http://a> <http://b> 1 } WHERE " + "{" * 3000 + "}" * 3000)
    assert response.status_code == 400 and "refused" in response.text
    assert query(server, TRIVIAL).json()["boolean"] is True


# -- 2. SERVICE and LOAD never leave the machine -----------------------------------------------------


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it receives."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.socket.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/sparql"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.socket.close()


@contextmanager
def listener() -> Iterator[Listener]:
    ear = Listener()
    try:
        yield ear
    finally:
        ear.close()


def remote_queries(url: str) -> list[str]:
    evil = f"<{url}>"
    return [
        f"PREFIX ex: <http://e/> SELECT ?s WHERE {{ {{ ?x ?y ex:a\\# }} UNION {{ SERVICE {evil} {{ ?s ?p ?o }} }} }}",
        f"SELECT ?s WHERE {{ ?x ?y <http://e/\\u0041#> . SERVICE {evil} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o # c\rSERVICE {evil} {{ ?s ?p ?o }} }}",
        f"select * where {{ ?s ?p ?o service silent {evil} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER(?o<1)BIND({evil} AS ?v)SERVICE?v#>\n{{ ?s ?p ?o }} }}",
        f"PREFIX : <{url}/> SELECT * WHERE {{ ?s ?p ?o SERVICE:x {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p trueSERVICE{evil}{{ ?s ?p ?o }} }}",
    ]


def remote_updates(url: str) -> list[str]:
    evil = f"<{url}>"
    return [
        f"LOAD {evil}",
        f"load silent {evil} into graph <http://g>",
        f"PREFIX ex: <http://e/> INSERT DATA {{ <http://a> <http://b> ex:a\\# }} ; LOAD {evil}",
        f"INSERT DATA {{ <http://a> <http://b> '\\u0041#' }} ;\rLOAD {evil}",
        f"PREFIX : <{url}/> LOAD:a",
        f"DELETE {{ ?s ?p ?o }} WHERE {{ SERVICE {evil} {{ ?s ?p ?o }} }}",
    ]


def test_service_and_load_reach_nothing_without_allow_service(server):
    with listener() as ear:
        for text in remote_queries(ear.url):
            response = query(server, text)
            assert response.status_code == 403 and "--allow-service" in response.text, text
        for text in remote_updates(ear.url):
            response = update(server, text)
            assert response.status_code == 403 and "--allow-service" in response.text, text
        time.sleep(0.3)
        assert ear.connections == 0


_UNGUARDED_SERVICE = r'''
import sys, pyoxigraph as ox
from kg.server.sandbox import forbid_network
assert forbid_network()
store = ox.Store()
store.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://p"), ox.NamedNode("http://b")))
try:
    list(store.query("SELECT * WHERE { ?s ?p ?o SERVICE <%s> { ?x ?y ?z } }" % sys.argv[1]))
except OSError as err:
    print("refused:", err)
'''


def test_the_sandbox_stops_a_service_call_the_refusal_would_miss():
    """The guarantee behind the refusal: kg serve's processes cannot open an Internet socket."""
    with listener() as ear:
        result = subprocess.run([sys.executable, "-c", _UNGUARDED_SERVICE, ear.url], capture_output=True,
                                text=True, timeout=60)
        time.sleep(0.3)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("refused:") and ear.connections == 0


def test_allow_service_still_reaches_other_hosts(tmp_path):
    with listener() as ear, live_server(make_store(tmp_path / "store", 1), "--allow-service") as live:
        query(live, f"SELECT * WHERE {{ SERVICE SILENT <{ear.url}> {{ ?s ?p ?o }} }}", timeout=10)
        time.sleep(0.3)
        assert ear.connections >= 1


# -- 3. names in Chinese -----------------------------------------------------------------------------


def test_chinese_prefixed_names_and_variables_answer_200(server):
    response = query(server, "PREFIX r: <https://w3id.org/kgcn/id/region/> SELECT ?p WHERE { r:江苏省 ?p ?o }")
    assert response.status_code == 200
    assert [b["p"]["value"] for b in response.json()["results"]["bindings"]] == [
        "http://www.w3.org/2000/01/rdf-schema#label"]
    response = query(server, "SELECT ?地区 ?名称 WHERE { ?地区 rdfs:label ?名称 }")
    assert response.status_code == 200
    assert response.json()["results"]["bindings"][0]["名称"]["value"] == "江苏省"


# -- 4. runaway queries ------------------------------------------------------------------------------


def _process_tree(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def cpu_seconds(pid: int) -> float:
    """CPU time of ``pid`` and its live descendants (the query processes)."""
    total = 0
    for member in _process_tree(pid):
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def timed(live, text: str) -> tuple[int, float]:
    started = time.monotonic()
    response = query(live, text)
    return response.status_code, time.monotonic() - started


def seconds_until_idle(pid: int, limit: float = 10.0) -> float:
    """Seconds until the process tree uses less than 10 % of a core over 0.5 s."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        before = cpu_seconds(pid)
        time.sleep(0.5)
        if cpu_seconds(pid) - before < 0.05:
            return time.monotonic() - started - 0.5
    return limit


def test_a_burst_of_runaway_queries_neither_starves_the_server_nor_outlives_its_deadline(tmp_path):
    """Functional bounds (the machine may be shared): trivial queries are answered long before any
    runaway's deadline frees a slot, and 2 s after the 503s the server burns no CPU. The figures
    (run with -s) are the ones reported; on an idle machine they are a few tens of milliseconds."""
    with live_server(make_store(tmp_path / "store"), "--timeout", "5") as live:
        with ThreadPoolExecutor(max_workers=8) as burst:
            started = time.monotonic()
            runaways = [burst.submit(query, live, RUNAWAY) for _ in range(8)]
            during = []
            for moment in (0.5, 1.5, 2.5):
                time.sleep(max(0.0, started + moment - time.monotonic()))
                during.append(timed(live, TRIVIAL))
            statuses = [future.result().status_code for future in runaways]
        answered = time.monotonic()
        after = timed(live, TRIVIAL)
        idle_after = seconds_until_idle(live.pid)
        time.sleep(max(0.0, answered + 2.0 - time.monotonic()))
        before = cpu_seconds(live.pid)
        time.sleep(1.0)
        cpu_after_two_seconds = cpu_seconds(live.pid) - before
        print(f"\nburst: trivial query during {[round(t, 3) for _, t in during]} s, "
              f"after {after[1]:.3f} s; CPU released {idle_after:.2f} s after the 503s "
              f"({answered - started:.2f} s after the burst began)")
        assert statuses == [503] * 8
        assert all(status == 200 and elapsed < 2.0 for status, elapsed in during), during
        assert after[0] == 200 and after[1] < 2.0
        assert cpu_after_two_seconds < 0.2


def test_sigterm_stops_the_server_during_a_burst_and_releases_the_store(tmp_path):
    store = make_store(tmp_path / "store")
    with live_server(store, "--timeout", "30") as live:
        with ThreadPoolExecutor(max_workers=4) as burst:
            for _ in range(4):
                burst.submit(query, live, RUNAWAY)
            time.sleep(1.5)
            tree = _process_tree(live.pid)
            started = time.monotonic()
            os.kill(live.pid, signal.SIGTERM)
            while Path(f"/proc/{live.pid}").exists() and _alive(live.pid) and time.monotonic() - started < 10:
                time.sleep(0.05)
            stopped = time.monotonic() - started
            print(f"\nSIGTERM: stopped in {stopped:.2f} s")
            assert stopped < 5
            # its query processes, fork server and resource tracker go as their pipes close: within
            # the same 5 s (on a loaded machine that can be a second after the server itself)
            while [pid for pid in tree if _alive(pid)] and time.monotonic() - started < 5:
                time.sleep(0.05)
            assert not [pid for pid in tree if _alive(pid)], "query processes outlived the server"
    with GraphStore(store) as reopened:  # the lock is released
        assert reopened.quad_count() == 3001


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_queries_see_every_acknowledged_write(server):
    for i in range(5):
        assert update(server, f"INSERT DATA {{ GRAPH <http://example.org/w> {{ <http://example.org/w> "
                              f"<http://example.org/n> {i} }} }}").status_code == 204
        response = query(server, "SELECT ?n WHERE { <http://example.org/w> <http://example.org/n> ?n }")
        assert sorted(int(b["n"]["value"]) for b in response.json()["results"]["bindings"]) == list(range(i + 1))
    put = requests.put(server.base + "/store", params={"graph": "http://example.org/gsp"}, timeout=30,
                       data="<http://example.org/x> <http://example.org/y> 42 .",
                       headers={"Content-Type": "text/turtle", **server.auth()})
    assert put.status_code in (201, 204)
    assert query(server, "ASK { <http://example.org/x> <http://example.org/y> 42 }").json()["boolean"] is True


# -- 10. headers -------------------------------------------------------------------------------------


def test_every_response_says_nosniff_and_html_has_a_content_security_policy(server):
    responses = {
        "query": requests.get(server.sparql, params={"query": TRIVIAL}, timeout=10),
        "page": requests.get(server.base + "/", timeout=10),
        "static": requests.get(server.base + "/static/query.js", timeout=10),
        "not found": requests.get(server.base + "/nothing", timeout=10),
        "bad request": requests.get(server.sparql, params={"query": "SELEC"}, timeout=10),
        "health": requests.get(server.base + "/health", timeout=10),
    }
    for name, response in responses.items():
        assert response.headers.get("X-Content-Type-Options") == "nosniff", name
    page = responses["page"]
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "Content-Security-Policy" not in responses["query"].headers


def raw_answer(live, request: bytes) -> tuple[bytes, bytes]:
    """The head and body of the server's answer to ``request`` sent as is (no client would send it)."""
    with socket.create_connection(tuple(live.base.removeprefix("http://").split(":")), timeout=10) as sock:
        try:
            sock.sendall(request)
        except ConnectionResetError:  # answered and closed before all of it was sent
            pass
        head, _, body = answer_of(sock).partition(b"\r\n\r\n")
    return head + b"\r\n", body


@pytest.mark.parametrize("request_bytes, answer", [
    ("GET /search?q=江苏 HTTP/1.1\r\nHost: kg\r\n\r\n".encode(),
     b"400 Bad Request: the request's URI holds bytes that are not ASCII: percent-encode them\n"),
    (b"GET /search?q=" + b"a" * 1_000_000 + b" HTTP/1.1\r\nHost: kg\r\n\r\n",
     b"431 Request Header Fields Too Large: the request line and headers exceed 262,144 bytes "
     b"(send a long query in a POST body)\n"),
    (b"GET /health HTTP/1.1\r\nHost: kg\r\nX-Long: " + b"a" * 300_000 + b"\r\n\r\n",
     b"431 Request Header Fields Too Large: the request line and headers exceed 262,144 bytes "
     b"(send a long query in a POST body)\n"),
    (b"GET /health HTTP/1.1\r\nHost: kg\nX-Forged: 1\r\n\r\n",
     b'400 Bad Request: Bare CR or LF found in header line "Host: kg\\nX-Forged: 1"\n'),
    (b"POST /sparql HTTP/1.1\r\nHost: kg\r\nAuthorization: Bearer " + TOKEN.encode()
     + b"\r\nContent-Length: 99999999999\r\n\r\n",
     b"413 Request Entity Too Large: the request body exceeds 52,428,800 bytes\n"),
    (b"POST /sparql HTTP/1.1\r\nHost: kg\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
     b"400 Bad Request: Invalid chunk size\n"),
])
def test_a_request_waitress_cannot_read_gets_a_one_line_answer_with_nosniff(server, request_bytes, answer):
    """Waitress answered these itself in three lines ("Bad Request", "Bad URI", "(generated by kg)"),
    without nosniff, quoting a header's line break as sent."""
    head, body = raw_answer(server, request_bytes)
    assert body == answer
    assert b"\r\nX-Content-Type-Options: nosniff\r\n" in head and b"\r\nContent-Type: text/plain; charset=utf-8\r\n" in head


TOKENLESS_413 = (b"413 Request Entity Too Large: the request body exceeds 4,000,000 bytes, the most a request "
                 b"without the update token may send (a longer SPARQL query goes as application/sparql-query)\n")


@pytest.mark.parametrize("authorization", [b"", b"Authorization: Bearer not-the-token\r\n"])
@pytest.mark.parametrize("request_bytes", [
    b"POST /graph/labels HTTP/1.1\r\nHost: kg\r\nContent-Type: application/json\r\n%sContent-Length: 45000000\r\n\r\n",
    b"POST /sparql HTTP/1.1\r\nHost: kg\r\nContent-Type: application/sparql-query\r\n%sContent-Length: 4000000\r\n\r\n",
    b"POST /sparql HTTP/1.1\r\nHost: kg\r\nContent-Type: application/sparql-query\r\n%s"
    b"Transfer-Encoding: chunked\r\n\r\n" + (b"100000\r\n" + b" " * 0x100000 + b"\r\n") * 4,
])
def test_a_body_without_the_update_token_is_refused_past_the_read_body_limit(server, authorization, request_bytes):
    """A label look-up or a query may send no more than the longest query (4 MB): a 45 MB look-up was
    parsed whole before its IRIs were counted (190 MB in the server), and /sparql read a query's whole
    body before its length was checked. Refused as the headers arrive (a chunked body as it passes the
    limit), whoever sends no token or a wrong one."""
    head, body = raw_answer(server, request_bytes % authorization)
    assert body == TOKENLESS_413 and head.startswith(b"HTTP/1.1 413 ")
    assert requests.get(server.base + "/health", timeout=10).status_code == 200


def test_a_write_carrying_the_update_token_keeps_the_general_body_limit(server):
    """6 MB of Turtle (comments only) put with the token is stored, not refused at the read limit."""
    body = b"# " + b"x" * 6_000_000 + b"\n"
    response = requests.put(server.base + "/store", params={"graph": "http://example.org/large-body"}, data=body,
                            headers={"Content-Type": "text/turtle", **server.auth()}, timeout=60)
    assert response.status_code == 201, response.text
    refused = requests.put(server.base + "/store", params={"graph": "http://example.org/large-body"}, data=body,
                           headers={"Content-Type": "text/turtle"}, timeout=60)
    assert refused.status_code == 413 and refused.text.encode() == TOKENLESS_413


# -- 11. slow clients --------------------------------------------------------------------------------

SLOW = {"KG_CONNECTION_LIMIT": "8", "KG_REQUEST_HEADER_TIMEOUT": "1", "KG_REQUEST_MIN_RATE": "1000"}


def trickle(sockets: list[socket.socket], line: bytes, stop: threading.Event) -> None:
    """Send ``line`` on every socket a few times a second (a slowloris keeping its connections busy)."""
    while not stop.wait(0.25):
        for sock in sockets:
            try:
                sock.sendall(line)
            except OSError:
                pass


def answer_of(sock: socket.socket) -> bytes:
    """What the server sent before closing ``sock`` (b'' when it closed it without a word)."""
    sock.settimeout(10)
    received = b""
    try:
        while chunk := sock.recv(4096):
            received += chunk
    except ConnectionResetError:
        pass
    return received


def test_clients_sending_their_requests_too_slowly_are_cut_and_others_are_served(tmp_path):
    """Slowloris: more connections than the server holds, each sending a header line now and then
    (never idle, so waitress's idle sweep kept them for good and /health waited behind them); a
    body trickled below the least rate; a connection that never sends. Each is cut within the
    header timeout (408 once a request has begun), and /health answers meanwhile."""
    with live_server(make_store(tmp_path / "store", 10), settings=SLOW) as live:
        port = int(live.base.rsplit(":", 1)[1])
        heads = [socket.create_connection(("127.0.0.1", port)) for _ in range(12)]
        for sock in heads:
            sock.sendall(b"GET /health HTTP/1.1\r\nHost: kg\r\n")
        body = socket.create_connection(("127.0.0.1", port))
        body.sendall(b"PUT /store?default HTTP/1.1\r\nHost: kg\r\nContent-Type: text/turtle\r\n"
                     b"Content-Length: 100000\r\n\r\n")
        silent = socket.create_connection(("127.0.0.1", port))
        stop = threading.Event()
        threads = [threading.Thread(target=trickle, args=(heads, b"X-Slow: 1\r\n", stop)),
                   threading.Thread(target=trickle, args=([body], b"<", stop))]
        for thread in threads:
            thread.start()
        try:
            began = time.monotonic()
            health = requests.get(live.base + "/health", timeout=8)
            waited = time.monotonic() - began
            answers = [answer_of(sock) for sock in (*heads, body)]
            assert answer_of(silent) == b""
        finally:
            stop.set()
            for thread in threads:
                thread.join()
            for sock in (*heads, body, silent):
                sock.close()
    assert health.status_code == 200 and waited < 5
    assert all(answer.startswith(b"HTTP/1.1 408 Request Timeout\r\n") for answer in answers), answers[-1][:100]
    assert all(b"\r\nX-Content-Type-Options: nosniff\r\n" in answer for answer in answers)


def test_a_keep_alive_connection_idle_past_the_header_timeout_is_still_served(tmp_path):
    """The header timeout runs from a request's first byte: a client pausing between requests on its
    connection (a browser, a connection pool) is not cut by it."""
    with live_server(make_store(tmp_path / "store", 10), settings=SLOW) as live:
        host, port = live.base.removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=5)
        statuses = []
        for pause in (0, 2.5):
            time.sleep(pause)
            connection.request("GET", "/health")
            response = connection.getresponse()
            response.read()
            statuses.append(response.status)
        connection.close()
    assert statuses == [200, 200]


def test_a_client_not_reading_a_streamed_export_does_not_hold_a_server_thread(tmp_path):
    """An export streams: once 16 MiB wait for a client, waitress's thread waits for it to read.
    One client asking for a ~24 MB export and reading nothing held the one thread of --workers 1
    for good (/health waited behind it); it is now disconnected a window after it stops reading."""
    store = tmp_path / "store"
    padding = "长" * 200
    with GraphStore(store) as graph_store:
        for part in range(4):
            body = " ".join(f'<http://example.org/s{part}-{i}> <http://example.org/p> "{i} {padding}" .'
                            for i in range(10_000))
            graph_store.store.update(f"INSERT DATA {{ GRAPH <http://example.org/g{part}> {{ {body} }} }}")
    with live_server(store, "--workers", "1", settings={**SLOW, "KG_RESPONSE_MIN_RATE": "100000"}) as live:
        port = int(live.base.rsplit(":", 1)[1])
        reader = socket.socket()
        reader.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        reader.connect(("127.0.0.1", port))
        reader.sendall(b"GET /export/nquads HTTP/1.1\r\nHost: kg\r\n\r\n")
        try:
            time.sleep(3)  # the export is made and its first 16 MiB wait for the reader
            began = time.monotonic()
            health = requests.get(live.base + "/health", timeout=15)
            waited = time.monotonic() - began
        finally:
            reader.close()
    assert health.status_code == 200 and waited < 8


def test_a_request_body_still_coming_past_the_body_time_limit_gets_a_408_and_nothing_is_stored(tmp_path):
    """A chunked body that never ends, sent faster than the least rate: it was cut only at the body
    limit (50 MB at 1 kB/s: ~14 hours on one connection). Past the body time limit it is answered 408
    and its connection closed, and none of it reaches the store."""
    settings = {"KG_REQUEST_BODY_TIMEOUT": "2", "KG_REQUEST_MIN_RATE": "1000"}
    with live_server(make_store(tmp_path / "store", 10), settings=settings) as live:
        port = int(live.base.rsplit(":", 1)[1])
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(b"PUT /store?default HTTP/1.1\r\nHost: kg\r\nContent-Type: application/n-triples\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        triple = b"<http://example.org/late> <http://example.org/p> <http://example.org/o> .\n" * 20
        chunk = b"%x\r\n%s\r\n" % (len(triple), triple)  # ~1.5 kB four times a second: ~6 kB/s
        stop = threading.Event()
        sender = threading.Thread(target=trickle, args=([sock], chunk, stop))
        sender.start()
        try:
            began = time.monotonic()
            answer = answer_of(sock)
            took = time.monotonic() - began
        finally:
            stop.set()
            sender.join()
            sock.close()
        count = query(live, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").json()
    assert answer.startswith(b"HTTP/1.1 408 Request Timeout\r\n") and answer.count(b"\n408 ") == 1, answer[:300]
    assert answer.endswith(b"\n") and answer.split(b"\r\n\r\n", 1)[1].count(b"\n") == 1
    assert 1.5 <= took < 6  # cut at the limit, counted from the headers' end (just before `began`)
    assert count["results"]["bindings"][0]["n"]["value"] == "11"  # the store's 10 triples and a label


def connect_from(address: str, port: int) -> socket.socket:
    """A connection to the server on 127.0.0.1 from the loopback ``address`` (another client)."""
    sock = socket.socket()
    sock.bind((address, 0))
    sock.connect(("127.0.0.1", port))
    return sock


def test_one_address_holding_many_slow_connections_does_not_starve_another_clients_query(tmp_path):
    """One address opening as many slow connections as the server holds (each trickling a header
    line, within the header timeout) held every slot: another client's /sparql waited in the listen
    backlog. Past the per-address cap a connection is answered 503 at once, and a query from a
    second address is answered while the first one's connections are still open."""
    settings = {"KG_CONNECTION_LIMIT": "8", "KG_CONNECTIONS_PER_ADDRESS": "3", "KG_REQUEST_HEADER_TIMEOUT": "30"}
    with live_server(make_store(tmp_path / "store", 10), settings=settings) as live:
        port = int(live.base.rsplit(":", 1)[1])
        slow = [connect_from("127.0.0.1", port) for _ in range(10)]
        for sock in slow:
            sock.sendall(b"GET /health HTTP/1.1\r\nHost: kg\r\n")
        stop = threading.Event()
        sender = threading.Thread(target=trickle, args=(slow, b"X-Slow: 1\r\n", stop))
        sender.start()
        try:
            time.sleep(1)
            began = time.monotonic()
            other = http.client.HTTPConnection("127.0.0.1", port, timeout=5, source_address=("127.0.0.2", 0))
            other.request("POST", "/sparql", body=TRIVIAL.encode(),
                          headers={"Content-Type": "application/sparql-query",
                                   "Accept": "application/sparql-results+json"})
            response = other.getresponse()
            answer = response.read()
            waited = time.monotonic() - began
            other.close()
            refused = [answer_of(sock) for sock in slow[3:]]
            for sock in slow[:3]:
                sock.settimeout(0.5)
                with pytest.raises(TimeoutError):  # held, not answered: under the cap
                    sock.recv(1)
        finally:
            stop.set()
            sender.join()
            for sock in slow:
                sock.close()
    assert response.status == 200 and b'"boolean":true' in answer.replace(b" ", b"") and waited < 3
    body = (b"503 Service Unavailable: this address already holds the server's 3 connections per client "
            b"address; close one and retry\n")
    assert all(answer.startswith(b"HTTP/1.1 503 Service Unavailable\r\n") and answer.endswith(b"\r\n\r\n" + body)
               for answer in refused), refused[0][:300]
