"""Inputs a client can pick to make the service slow (issue 12, 9), each beside a named peer.

Run as ``python -m bench.bench_hostile_inputs``.

- Reading an HTML page of 10,000 nested ``<div>`` against the same text in 10,000 sibling
  ``<div>``: reading must stay linear in the page, so the ratio stays near 1.
- A 10 MB N-Triples Graph Store PUT (a new graph, then replacing it) against the floor of any
  such write: pyoxigraph parsing the same body and ``Store.extend``-ing its quads into a store.
- Extracting a text that repeats one phrase to 60k characters — a place 20,000 times (上海市上海市…), a body
  and the place its name opens with 5,000 times (江苏省发展和改革委员会、…), a policy title 4,600 times
  (《江苏省数字经济促进条例》…), a figure 4,600 times in one sentence (全市生产总值增长5.6%，…) — against the same
  length of an ordinary report: no step may weigh each mention against every other, nor scan a sentence anew
  per value.
"""
from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

DEPTH = 10_000
SENTENCE = "江苏省发展新能源汽车产业。"
PUT_BYTES = 10 * 1024 * 1024
PLACE_CHARS = 60_000
#: Phrases a hostile text repeats, by what they name: no step may weigh each mention against every other.
REPEATED = {"one place": "上海市",
            "one body (and its place)": "江苏省发展和改革委员会、",
            "one policy title (and its place)": "《江苏省数字经济促进条例》",
            "one stated figure": "全市生产总值增长5.6%，"}
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_html(folder: Path) -> None:
    from kg.ingest import read_document

    pages = {
        "nested": "<html><body>" + f"<div>{SENTENCE}" * DEPTH + "</div>" * DEPTH + "</body></html>",
        "flat": "<html><body>" + f"<div>{SENTENCE}</div>" * DEPTH + "</body></html>",
    }
    seconds = {}
    for name, page in pages.items():
        path = folder / f"{name}.html"
        path.write_text(page, encoding="utf-8")
        began = time.perf_counter()
        read_document(path)
        seconds[name] = time.perf_counter() - began
    print(f"HTML, {DEPTH:,} divs: nested {seconds['nested']:.2f} s, flat (peer) {seconds['flat']:.2f} s, "
          f"ratio {seconds['nested'] / seconds['flat']:.2f}")


def bench_repeated_place(folder: Path) -> None:
    """Each phrase of REPEATED written over and over to PLACE_CHARS characters, against an ordinary report."""
    from kg.extract import Extractor
    from kg.ingest import read_document

    ordinary = "".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))
    texts = {name: (phrase * (PLACE_CHARS // len(phrase) + 1))[:PLACE_CHARS] for name, phrase in REPEATED.items()}
    texts["ordinary"] = (ordinary * (PLACE_CHARS // len(ordinary) + 1))[:PLACE_CHARS]
    extractor = Extractor()
    seconds = {}
    for name, text in texts.items():
        path = folder / f"{name.replace(' ', '-')}.txt"
        path.write_text(text, encoding="utf-8")
        document = read_document(path)
        began = time.process_time()
        extractor.extract(document)
        seconds[name] = time.process_time() - began
    for name in REPEATED:
        print(f"extraction, {PLACE_CHARS:,} chars: {name} repeated {seconds[name]:.2f} CPU-s, an ordinary text "
              f"(peer) {seconds['ordinary']:.2f} CPU-s, ratio {seconds[name] / seconds['ordinary']:.2f}")

def ntriples(size: int) -> bytes:
    lines, total, i = [], 0, 0
    while total < size:
        line = f'<http://example.org/s{i}> <http://example.org/p{i % 50}> "江苏省南京市发展集成电路产业 {i}"@zh .\n'
        lines.append(line)
        total += len(line.encode())
        i += 1
    return "".join(lines).encode()


def bench_put(folder: Path) -> None:
    import pyoxigraph as ox

    from kg.config import ServerConfig
    from kg.graph.store import GraphStore
    from kg.server import create_app

    body = ntriples(PUT_BYTES)
    graph = ox.NamedNode("http://example.org/g")
    began = time.perf_counter()
    peer = ox.Store(str(folder / "peer"))
    peer.extend(ox.Quad(q.subject, q.predicate, q.object, graph) for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
    peer_seconds = time.perf_counter() - began
    del peer

    graph_store = GraphStore(folder / "kg")
    app = create_app(ServerConfig(store=folder / "kg", update_token="t", max_body_bytes=4 * PUT_BYTES),
                     graph_store=graph_store)
    client = app.test_client()
    headers = {"Authorization": "Bearer t", "Content-Type": "application/n-triples"}
    for what in ("new graph", "replacing it"):
        before = _peak_mb()
        began = time.perf_counter()
        response = client.put(f"/store?graph={graph.value}", data=body, headers=headers)
        seconds = time.perf_counter() - began
        assert response.status_code in (201, 204), response.data
        print(f"PUT {len(body) / 1e6:.1f} MB, {what}: {seconds:.2f} s, peak RSS +{_peak_mb() - before:.0f} MB; "
              f"parse + Store.extend (peer) {peer_seconds:.2f} s, ratio {seconds / peer_seconds:.2f}")
    graph_store.close()


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as folder:
        bench_html(Path(folder))
        bench_put(Path(folder))
        bench_repeated_place(Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
