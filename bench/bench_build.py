"""Build throughput over text generated from examples/: chars/s, per-stage time and peak memory.

0. Scale-out (:mod:`bench.scaleout`): ``kg build --jobs 1``, ``--jobs 2``, Dask with two workers and
   a remote store (``oxigraph serve``) over an archive of many documents, beside jieba's plain
   segmentation, with the ratios, and the stack's own floor (:mod:`bench.stack_floor`: spaCy's
   import, jieba, Oxigraph's loader) against the per-core budgets.
1. ``kg build`` as a user runs it (ingest → extract → link → quads → per-document transaction
   into a fresh on-disk Oxigraph store): chars/s and peak resident memory.
2. The same stages timed one by one, to show where the time goes (building and writing the graph
   must not be the bottleneck).
3. Peer: building each document graph as pyoxigraph quads directly (what the builder does) versus
   modelling it in an rdflib Dataset and converting that to pyoxigraph quads for the store.
4. Peer: writing the corpus's document graphs, one transaction per document, into Oxigraph (in
   memory and on disk) versus rdflib's in-memory Dataset (the store the issue rejected as default).
"""
from __future__ import annotations

import resource
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef

from kg.graph.builder import extraction_quads
from kg.graph.store import GraphStore
from kg.pipeline import build

#: Documents of the generated archive timed stage by stage (sections 1-4).
STAGE_DOCUMENTS = 40


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def rdflib_term(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def oxigraph_term(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))


def via_rdflib(quads: list[ox.Quad]) -> list[ox.Quad]:
    """The alternative builder: the same statements as rdflib terms in a Dataset graph, then
    converted to pyoxigraph quads for the store."""
    dataset = Dataset()
    graph = dataset.graph(URIRef(quads[0].graph_name.value))
    for q in quads:
        graph.add((rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object)))
    name = ox.NamedNode(str(graph.identifier))
    return [ox.Quad(oxigraph_term(s), oxigraph_term(p), oxigraph_term(o), name) for s, p, o in graph]


def main() -> None:
    from bench import scaleout
    from kg.extract import Extractor

    scaleout.main()
    print()

    from kg.ingest import read_document
    from kg.link import Linker

    archive = tempfile.TemporaryDirectory()
    files = scaleout.make_archive(Path(archive.name) / "archive", STAGE_DOCUMENTS)
    rss_start = peak_rss_mib()
    started = time.perf_counter()
    extractor = Extractor()
    startup = time.perf_counter() - started
    rss_loaded = peak_rss_mib()

    # 1. the whole build, as `kg build` runs it
    with tempfile.TemporaryDirectory() as tmp, GraphStore(Path(tmp) / "store") as store:
        report = build(files, store, extractor=extractor, linker=Linker(store))
        assert report.ok and len(report.added) == len(files), report.failed
    rate = report.chars / report.seconds
    print(f"archive: {len(files)} generated documents, {report.chars} chars (normalised), {report.quads} quads")
    print(f"extractor start-up: {startup:.2f} s (once per process, not counted below)")
    print(f"kg build: {report.seconds:.2f} s = {rate:,.0f} chars/s, {report.quads / report.seconds:,.0f} quads/s")
    print(f"peak RSS: {peak_rss_mib():.0f} MiB (interpreter {rss_start:.0f} MiB, "
          f"+ pipeline loaded {rss_loaded - rss_start:.0f} MiB, + build {peak_rss_mib() - rss_loaded:.0f} MiB)")

    # 2. stage by stage
    stages = dict.fromkeys(("read", "extract", "link", "quads", "write"), 0.0)
    all_quads: list[list[ox.Quad]] = []
    with tempfile.TemporaryDirectory() as tmp, GraphStore(Path(tmp) / "store") as store:
        linker = Linker(store)
        for path in files:
            t0 = time.perf_counter()
            document = read_document(path)
            t1 = time.perf_counter()
            extraction = extractor.extract(document)
            t2 = time.perf_counter()
            linker.link(extraction)
            t3 = time.perf_counter()
            quads = extraction_quads(extraction, ingested_at=datetime.now(timezone.utc))
            t4 = time.perf_counter()
            store.write_document(quads[0].graph_name.value, quads)
            t5 = time.perf_counter()
            for stage, seconds in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
                stages[stage] += seconds
            all_quads.append(quads)
    total = sum(stages.values())
    print("stages: " + ", ".join(f"{k} {v:.3f} s ({v / total:.0%})" for k, v in stages.items()))

    # 3. peer: direct pyoxigraph quads vs rdflib modelling + conversion
    extractions = [extractor.extract(read_document(path)) for path in files]
    now = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    direct = [extraction_quads(x, ingested_at=now) for x in extractions]
    direct_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    converted = [via_rdflib(quads) for quads in direct]
    # lower bound: the rdflib path starts from finished quads, so add the direct build once
    rdflib_build_seconds = time.perf_counter() - t0 + direct_seconds
    assert all(set(a) == set(b) for a, b in zip(direct, converted))
    print(f"build quads: pyoxigraph directly {direct_seconds:.3f} s, via rdflib Dataset + conversion ≥ "
          f"{rdflib_build_seconds:.3f} s: direct {rdflib_build_seconds / direct_seconds:.1f}× faster")

    # 4. peer: per-document transactions into Oxigraph on disk vs rdflib's in-memory Dataset
    rdflib_quads = [
        [(rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object), URIRef(q.graph_name.value))
         for q in quads]
        for quads in all_quads
    ]
    count = sum(len(q) for q in all_quads)
    repeat = 5
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        for i in range(repeat):
            with GraphStore(Path(tmp) / f"store{i}") as store:
                for quads in all_quads:
                    store.write_document(quads[0].graph_name.value, quads)
        disk_seconds = (time.perf_counter() - t0) / repeat
    t0 = time.perf_counter()
    for _ in range(repeat):
        with GraphStore(None) as store:
            for quads in all_quads:
                store.write_document(quads[0].graph_name.value, quads)
    memory_seconds = (time.perf_counter() - t0) / repeat
    t0 = time.perf_counter()
    for _ in range(repeat):
        dataset = Dataset()
        for quads in rdflib_quads:
            dataset.addN(quads)
    rdflib_seconds = (time.perf_counter() - t0) / repeat
    print(f"write {count} quads, one transaction per document: rdflib Memory Dataset {rdflib_seconds:.3f} s "
          f"({count / rdflib_seconds:,.0f} quads/s); Oxigraph in memory {memory_seconds:.3f} s "
          f"({rdflib_seconds / memory_seconds:.1f}× rdflib); Oxigraph on disk {disk_seconds:.3f} s "
          f"({rdflib_seconds / disk_seconds:.1f}× rdflib, durable, includes opening the store)")
    archive.cleanup()


if __name__ == "__main__":
    main()
