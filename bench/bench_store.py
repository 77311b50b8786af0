"""The build's store writes beside Oxigraph's own bulk loader, on the same quads (issue 15).

A large archive's build spends as much CPU in RocksDB's threads as in extraction. This bench tells
how much of that is kg's way of writing and how much is Oxigraph's own cost: it builds an archive
(``bench.scaleout.make_archive``), takes its document graphs, repeats them ROUNDS times under new
graph names (so the store grows as a real archive's would, the same entities recurring), and loads
the result into a fresh store three ways, each in a fresh process:

- ``kg``: kg's writer, document by document (:meth:`kg.graph.store.GraphStore.queue_document`:
  hidden bulk loads of ``KG_STORE_BATCH_QUADS`` quads, the graph index, the periodic flushes);
- ``oxigraph-chunks``: pyoxigraph's ``bulk_extend`` of the same quads in loads of that size;
- ``oxigraph-file``: one ``Store.bulk_load`` of the whole N-Quads file (Oxigraph's own way to load).

For each: CPU seconds of the loading thread and of RocksDB's threads (compaction), the latter per
million quads as the store grows, and peak memory. Run as ``python -m bench.bench_store
[DOCUMENTS] [ROUNDS]`` (default 96 documents, 10 rounds: ~7M quads).
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from itertools import groupby, islice
from pathlib import Path

import pyoxigraph as ox

from bench.scaleout import KG, make_archive
from bench.settings import BenchArguments, whole_number

MODES = ("kg", "oxigraph-chunks", "oxigraph-file")
#: Compaction CPU is sampled after every this many quads loaded.
_STEP = 1_000_000


def rocksdb_cpu() -> float:
    """CPU seconds of this process's live RocksDB threads (its compaction and flush pools)."""
    ticks, total = os.sysconf("SC_CLK_TCK"), 0
    for tid in os.listdir("/proc/self/task"):
        try:
            name = Path(f"/proc/self/task/{tid}/comm").read_text().strip()
            fields = Path(f"/proc/self/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the thread ended meanwhile
            continue
        if name.startswith("rocksdb"):
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def replayed_quads(source: Path, rounds: int) -> Path:
    """An N-Quads file of the document graphs of the store at ``source``, ``rounds`` times, each
    round's graphs renamed (``…#round2``); graphs stay contiguous, in order."""
    store = ox.Store.read_only(str(source))
    graphs = [g for g in store.named_graphs() if isinstance(g, ox.NamedNode)]
    target = source.parent / "replay.nq"
    with open(target, "wb") as out:
        for round_ in range(rounds):
            for graph in graphs:
                name = ox.NamedNode(f"{graph.value}#round{round_}")
                quads = (ox.Quad(q.subject, q.predicate, q.object, name)
                         for q in store.quads_for_pattern(None, None, None, graph))
                ox.serialize(quads, out, format=ox.RdfFormat.N_QUADS)
    return target


def load(mode: str, replay: Path, store_path: Path) -> dict:
    """Load ``replay`` into a new store at ``store_path`` the way ``mode`` says; CPU and memory."""
    from kg.config import STORE_BATCH_QUADS
    from kg.graph.store import GraphStore

    quads = ox.parse(path=str(replay), format=ox.RdfFormat.N_QUADS)
    imported = resource.getrusage(resource.RUSAGE_SELF)
    curve, loaded, started = [], 0, time.thread_time()
    parse_cpu = 0.0

    def progress(count: int) -> None:
        nonlocal loaded
        before, loaded = loaded, loaded + count
        if loaded // _STEP > before // _STEP:
            curve.append(round(rocksdb_cpu(), 1))

    if mode == "oxigraph-file":
        store = ox.Store(str(store_path))
        store.bulk_load(path=str(replay), format=ox.RdfFormat.N_QUADS)
        loaded = len(store)
        store.flush()
    elif mode == "oxigraph-chunks":
        store = ox.Store(str(store_path))
        while True:
            mark = time.thread_time()
            chunk = list(islice(quads, STORE_BATCH_QUADS))
            parse_cpu += time.thread_time() - mark
            if not chunk:
                break
            store.bulk_extend(chunk)
            progress(len(chunk))
        store.flush()
    else:
        graph_store = GraphStore(store_path)
        for graph, group in groupby(quads, key=lambda q: q.graph_name.value):
            mark = time.thread_time()
            document = list(group)
            parse_cpu += time.thread_time() - mark
            graph_store.queue_document(graph, document)
            progress(len(document))
        graph_store.write_queued()
        graph_store.store.flush()
    loading = time.thread_time() - started - parse_cpu
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"mode": mode, "quads": loaded, "loading_cpu": round(loading, 1),
            "rocksdb_cpu": round(rocksdb_cpu(), 1),
            "all_cpu": round(usage.ru_utime + usage.ru_stime - imported.ru_utime - imported.ru_stime - parse_cpu, 1),
            "peak_mib": round(usage.ru_maxrss / 1024), "compaction_by_million": curve}


def main(documents: int = 96, rounds: int = 10) -> None:
    with tempfile.TemporaryDirectory(prefix="kg-bench-store-") as tmp:
        root = Path(tmp)
        make_archive(root / "archive", documents)
        subprocess.run([KG, "build", str(root / "archive"), "--store", str(root / "built"), "--jobs", "1"],
                       check=True, capture_output=True)
        replay = replayed_quads(root / "built", rounds)
        print(f"{documents} documents x {rounds} rounds; STORE_BATCH_QUADS as configured "
              f"({os.environ.get('KG_STORE_BATCH_QUADS', 'default')})")
        runs = []
        for mode in MODES:
            out = subprocess.run([sys.executable, "-m", "bench.bench_store", "--load", mode, str(replay),
                                  str(root / mode)], check=True, capture_output=True, text=True).stdout
            runs.append(json.loads(out))
        print(f"{'mode':16} {'quads':>9} {'loading':>8} {'RocksDB':>8} {'all CPU':>8} {'µs/quad':>8} {'peak MiB':>9}"
              "  RocksDB CPU after each million quads")
        for run in runs:
            print(f"{run['mode']:16} {run['quads']:>9} {run['loading_cpu']:>8} {run['rocksdb_cpu']:>8} "
                  f"{run['all_cpu']:>8} {run['all_cpu'] / run['quads'] * 1e6:>8.1f} {run['peak_mib']:>9}  "
                  f"{run['compaction_by_million']}")
        kg, peer = runs[0]["all_cpu"], runs[1]["all_cpu"]
        print(f"kg's writer / Oxigraph's bulk_extend in the same loads: {kg / peer:.2f}x the CPU; "
              f"/ one bulk_load of the file: {kg / runs[2]['all_cpu']:.2f}x")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--load"]:
        print(json.dumps(load(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))))
    else:
        parser = BenchArguments("bench.bench_store", __doc__)
        parser.add_argument("documents", nargs="?", type=whole_number(1, 100_000), default=96)
        parser.add_argument("rounds", nargs="?", type=whole_number(1, 10_000), default=10)
        arguments = parser.parse_args()
        main(arguments.documents, arguments.rounds)
