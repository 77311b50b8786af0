"""Re-probe issue 12's findings against a live ``kg serve --update-token secret --timeout 3`` over
the examples, as a hostile or clumsy client would, and print the figures of its closing note.

Run as ``python -m bench.probe_hardening [PORT]`` (default 5620; PORT+1 is the listener that a
SERVICE bypass would reach). Figures: the recovery time after a burst of 8 runaway queries (time
until a trivial query answers), how long the query processes keep using CPU after the deadline,
and the time from SIGTERM to the server's exit (and the store's lock released); then the nested
HTML page of finding 9 beside its flat peer.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from bench.bench_hostile_inputs import bench_html
from bench.settings import BenchArguments, whole_number

REPO = Path(__file__).resolve().parent.parent
KG = str(Path(sys.executable).with_name("kg"))
TOKEN = "secret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TRIVIAL = "ASK {}"


def start_server(store: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen([KG, "serve", "--store", str(store), "--port", str(port), "--update-token", TOKEN,
                               "--timeout", "3"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            if requests.get(f"http://127.0.0.1:{port}/health", timeout=1).ok:
                return server
        except requests.ConnectionError:
            time.sleep(0.1)
    raise SystemExit("kg serve did not come up")


def descendants(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        kids = [int(k) for k in children.read_text().split()]
    except OSError:
        return []
    return kids + [d for k in kids for d in descendants(k)]


def cpu_ticks(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime + stime
        except OSError:
            continue
    return total


def query(base: str, text: str, timeout: float = 60) -> requests.Response:
    return requests.post(base + "/sparql", data=text.encode(), timeout=timeout,
                         headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})


def check(name: str, ok: bool, detail: str) -> None:
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}")


def probe_inputs(base: str, listener_port: int) -> None:
    nested = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000
    for name, text in (("6 KB nested query", nested), ("unbalanced {x3000", "SELECT * WHERE " + "{" * 3000),
                       ("(x10000", "SELECT * WHERE { FILTER(" + "(" * 10000 + "1" + ")" * 10000 + ") }")):
        response = query(base, text)
        check(name, response.status_code == 400, f"{response.status_code} {response.text.strip()[:80]}")
    received: list[bytes] = []
    listener = socket.create_server(("127.0.0.1", listener_port))
    listener.settimeout(3)

    def accept() -> None:
        try:
            connection, _ = listener.accept()
            received.append(connection.recv(100))
        except OSError:
            pass

    thread = threading.Thread(target=accept)
    thread.start()
    bypasses = [
        f"PREFIX ex: <http://e/> SELECT ?s WHERE {{ {{ ?x ?y ex:a\\# }} UNION {{ SERVICE <http://127.0.0.1:{listener_port}/sparql> {{ ?s ?p ?o }} }} }}",
        f"SELECT ?s WHERE {{ {{ ?x ?y <http://e/\\u0041#> }} UNION {{ SERVICE <http://127.0.0.1:{listener_port}/s> {{ ?s ?p ?o }} }} }}",
    ]
    statuses = [query(base, text).status_code for text in bypasses]
    load = requests.post(base + "/sparql", data=f"LOAD <http://127.0.0.1:{listener_port}/x>".encode(), timeout=30,
                         headers={"Content-Type": "application/sparql-update", **AUTH}).status_code
    thread.join()
    listener.close()
    check("SERVICE/LOAD bypasses", set(statuses) | {load} == {403} and not received,
          f"{statuses + [load]}, listener received {len(received)} connection(s)")
    for text in ("PREFIX r: <https://w3id.org/kgcn/id/region/> SELECT ?p WHERE { r:江苏省 ?p ?o }",
                 "SELECT ?地区 WHERE { ?地区 a ?t } LIMIT 1"):
        response = query(base, text)
        check("Chinese names", response.status_code == 200, f"{response.status_code} for {text[:50]}")
    raw = requests.post(base + "/documents", params={"filename": "raw.txt"}, data="江苏省南京市发展集成电路产业。".encode(),
                        headers={**AUTH, "Content-Type": "application/x-www-form-urlencoded"}, timeout=120)
    check("raw upload (curl's default Content-Type)", raw.status_code in (200, 201, 415),
          f"{raw.status_code} {raw.text.strip()[:80]}")
    for path in ("/store/%3Cx%3E", "/store/a%22b"):
        response = requests.get(base + path, timeout=10)
        check(f"GET {path}", 400 <= response.status_code < 500, f"{response.status_code} {response.text.strip()[:70]}")
    for name in ("长" * 100 + ".txt", "ok\x00.txt"):
        response = requests.post(base + "/documents", files={"file": (name, "江苏省".encode())}, headers=AUTH, timeout=60)
        check(f"upload named {name[:6]!r}…", 400 <= response.status_code < 500,
              f"{response.status_code} {response.text.strip()[:70]}")
    page = requests.get(base + "/", timeout=10)
    error = requests.get(base + "/store/%3Cx%3E", timeout=10)
    check("headers", all(r.headers.get("X-Content-Type-Options") == "nosniff" for r in (page, error))
          and "default-src" in page.headers.get("Content-Security-Policy", ""),
          f"nosniff on page and error, CSP on HTML: {page.headers.get('Content-Security-Policy', '')[:40]}…")


def probe_burst(base: str, server: subprocess.Popen) -> None:
    """8 runaway queries at once; trivial queries during and after; CPU of the query processes."""
    with ThreadPoolExecutor(8) as pool:
        began = time.monotonic()
        burst = [pool.submit(query, base, RUNAWAY) for _ in range(8)]
        time.sleep(1)
        during = time.monotonic()
        trivial = query(base, TRIVIAL, timeout=30)
        during = time.monotonic() - during
        statuses = [f.result().status_code for f in burst]
        deadline_seen = time.monotonic()
    check("runaway burst", set(statuses) == {503}, f"{statuses} after {deadline_seen - began:.1f} s")
    check("trivial query during the burst", trivial.status_code == 200, f"{trivial.status_code} in {during:.2f} s")
    after = time.monotonic()
    while query(base, TRIVIAL, timeout=30).status_code != 200:
        time.sleep(0.05)
    print(f"     recovery: a trivial query answered {time.monotonic() - after:.2f} s after the burst's 503s")
    ticks, stopped, last = cpu_ticks(descendants(server.pid)), time.monotonic(), time.monotonic()
    while time.monotonic() - last < 2 and time.monotonic() - stopped < 30:
        time.sleep(0.1)
        now = cpu_ticks(descendants(server.pid))
        if now - ticks > 2:  # more than 20 ms of CPU in 100 ms: still running
            last = time.monotonic()
        ticks = now
    print(f"     CPU of the query processes stopped {last - deadline_seen:.2f} s after the 503s")


def probe_sigterm(base: str, server: subprocess.Popen, store: Path) -> None:
    with ThreadPoolExecutor(4) as pool:
        for _ in range(4):
            pool.submit(query, base, RUNAWAY)
        time.sleep(1)
        began = time.monotonic()
        server.send_signal(signal.SIGTERM)
        code = server.wait(timeout=60)
        took = time.monotonic() - began
    from kg.graph.store import GraphStore
    with GraphStore(store):
        released = True
    check("SIGTERM during runaway queries", took < 5 and released, f"exit {code} after {took:.2f} s, store lock released")


def main() -> None:
    parser = BenchArguments("bench.probe_hardening", __doc__)
    parser.add_argument("port", nargs="?", type=whole_number(1, 65534), default=5620,
                        help="the server's port; PORT+1 is the listener a SERVICE bypass would reach")
    port = parser.parse_args().port
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        env = {**os.environ, "KG_NER": "0"}
        subprocess.run([KG, "build", str(REPO / "examples"), "--store", str(store)], env=env, check=True,
                       capture_output=True)
        server = start_server(store, port)
        try:
            probe_inputs(base, port + 1)
            probe_burst(base, server)
            probe_sigterm(base, server, store)
        finally:
            if server.poll() is None:
                server.kill()
        bench_html(Path(tmp))  # finding 9: 10,000 nested <div> read as fast as 10,000 siblings


if __name__ == "__main__":
    main()
