"""Export throughput and peak memory: ``kg export graphml|gexf`` against networkx's ``write_graphml``.

Synthetic on-disk stores (tests/export_fixtures.py: the brief's RDF model, evidence nodes
included) of 100k and 1M relations over the same 100k entities, so any growth in memory between
the two sizes comes from the edges. Each export runs in its own process, so the peak resident
memory (ru_maxrss) is that export's alone. Stores are cached in $KG_BENCH_DIR (default
/tmp/kg-bench-export) between runs.

    python -m bench.bench_export [SIZE ...]      # default: 100000 1000000
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NODES_PER_TYPE = 20_000
SIZES = (100_000, 1_000_000)
CACHE = Path(os.environ.get("KG_BENCH_DIR", "/tmp/kg-bench-export"))


def peak_mib() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: on Linux a child's ru_maxrss
    starts at its parent's peak (it survives fork and exec), which would hide the export's own."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def store_for(size: int) -> Path:
    """The cached synthetic store of ``size`` relations, built on first use."""
    path = CACHE / f"store-{size}-{NODES_PER_TYPE}"
    if (path / ".complete").exists():
        # A cached store's graph index may be of an older schema: a writer brings it up to date
        # once, as `kg build` would (a read-only export of a stale index derives a private one).
        from kg.graph.store import GraphStore

        started = time.perf_counter()
        with GraphStore(path) as graph_store:
            if graph_store.index.status != "current":
                graph_store.current_index()
                print(f"  re-indexed the cached {size:,}-relation store in {time.perf_counter() - started:.0f} s",
                      flush=True)
        return path
    sys.path.insert(0, str(REPO / "tests"))
    from export_fixtures import synthetic_store

    started = time.perf_counter()
    synthetic_store(size, path, nodes_per_type=NODES_PER_TYPE).close()
    (path / ".complete").touch()
    print(f"  built {size:,}-relation store in {time.perf_counter() - started:.0f} s: {path}", flush=True)
    return path


# -- children (one process per measurement) ---------------------------------------------------------

#: The filtered run: two node types and a confidence floor (a temporary edge table, recounted degrees).
FILTERED = {"types": "Region,Industry", "min_confidence": 0.5}


def child_kg(fmt: str, store: str, out: str, filters: str = "{}") -> dict:
    from kg.export import export, make_filter
    from kg.graph.store import GraphStore

    started = time.perf_counter()
    with GraphStore(store, read_only=True) as graph_store, open(out, "wb") as handle:
        for chunk in export(graph_store, fmt, make_filter(**json.loads(filters))):
            handle.write(chunk)
    return {"seconds": time.perf_counter() - started, "bytes": os.path.getsize(out), "peak_mib": peak_mib(),
            "edges": _edges_written(out)}


def _edges_written(path: str) -> int:
    with open(path, "rb") as handle:
        return sum(chunk.count(b"<edge ") for chunk in iter(lambda: handle.read(1 << 20), b""))


def child_networkx(store: str, out: str) -> dict:
    """The peer: the same nodes and edges (same attributes, same aggregates) loaded into a
    networkx MultiDiGraph, then ``nx.write_graphml``."""
    import networkx as nx

    from kg.graph.store import GraphStore
    from kg.vocab import CLASS_TYPE, PROPERTY_RELATION

    started = time.perf_counter()
    graph = nx.MultiDiGraph()
    with GraphStore(store, read_only=True) as graph_store:
        for row in graph_store.query("SELECT ?e ?c (MIN(?l) AS ?label) WHERE { ?e a ?c ; rdfs:label ?l } GROUP BY ?e ?c"):
            if row["c"].value in CLASS_TYPE:
                graph.add_node(row["e"].value, label=row["label"].value, type=CLASS_TYPE[row["c"].value])
        for row in graph_store.query("""SELECT ?h ?p ?t (COUNT(DISTINCT ?g) AS ?w) (MAX(?c) AS ?conf) WHERE {
              GRAPH ?g { ?a rdf:object ?t ; rdf:predicate ?p ; rdf:subject ?h ; kg:confidence ?c } }
              GROUP BY ?h ?p ?t"""):
            relation = PROPERTY_RELATION[row["p"].value]
            graph.add_edge(row["h"].value, row["t"].value, key=relation, relation=relation,
                           weight=float(row["w"].value), confidence=float(row["conf"].value))
    for node, degree in graph.degree():
        graph.nodes[node]["degree"] = degree
    loaded = time.perf_counter()
    nx.write_graphml(graph, out)
    done = time.perf_counter()
    return {"seconds": done - started, "load_seconds": loaded - started, "write_seconds": done - loaded,
            "bytes": os.path.getsize(out), "peak_mib": peak_mib()}


def measure(kind: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "bench.bench_export", "--child", kind, *args],
                          cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{kind} export failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    sizes = [int(a) for a in (argv or [])] or list(SIZES)
    CACHE.mkdir(parents=True, exist_ok=True)
    print(f"synthetic stores: {NODES_PER_TYPE * 5:,} entities, evidence node per relation per document; "
          f"peak = max RSS of the exporting process")
    print(f"{'relations':>10} {'exporter':<22} {'seconds':>8} {'edges/s':>10} {'peak MiB':>9} {'MB out':>7}")
    results: dict[tuple[int, str], dict] = {}
    for size in sizes:
        store = store_for(size)
        runs = (("kg graphml", "kg", "graphml", {}), ("kg gexf", "kg", "gexf", {}),
                ("kg graphml filtered", "kg", "graphml", FILTERED), ("networkx graphml", "networkx", "graphml", None))
        for label, kind, fmt, filters in runs:
            out = str(CACHE / f"out-{size}-{kind}.{fmt}")
            extra = [json.dumps(filters)] if filters is not None else []
            result = measure(kind, fmt, str(store), out, *extra)
            results[(size, label)] = result
            Path(out).unlink(missing_ok=True)
            name = label + (f" (load {result['load_seconds']:.0f}s + write {result['write_seconds']:.0f}s)"
                            if kind == "networkx" else "")
            edges = result.get("edges", size)
            print(f"{size:>10,} {name:<22} {result['seconds']:>8.1f} {edges / result['seconds']:>10,.0f} "
                  f"{result['peak_mib']:>9.0f} {result['bytes'] / 1e6:>7.0f}", flush=True)
    print(f"(filtered: {FILTERED}; its edges/s counts the edges it wrote)")
    for size in sizes:
        ours, peer = results[(size, "kg graphml")], results[(size, "networkx graphml")]
        print(f"{size:,} relations: kg GraphML is {peer['seconds'] / ours['seconds']:.2f}x networkx's speed, "
              f"with {ours['peak_mib'] / peer['peak_mib']:.2f}x its peak memory")
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        for exporter in ("kg graphml", "kg gexf", "networkx graphml"):
            a, b = results[(small, exporter)]["peak_mib"], results[(large, exporter)]["peak_mib"]
            print(f"{exporter}: {large // small}x the relations -> {b / a:.2f}x the peak memory ({a:.0f} -> {b:.0f} MiB)")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        kind, *args = sys.argv[2:]
        print(json.dumps(child_kg(*args) if kind == "kg" else child_networkx(*args[1:3])))
    else:
        main(sys.argv[1:])
