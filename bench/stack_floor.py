"""What the stack kg stands on costs for an archive before any of kg's own code runs: a fresh
interpreter importing spaCy, jieba's segmentation of the text (``jieba.lcut``, timed by the caller),
and Oxigraph's own bulk loader storing the quads a ``kg build`` made of it, in one load into a fresh
store. Set beside the build's CPU seconds and the issue's two per-core budgets (50k characters per
CPU-second; a third of jieba.lcut's rate) it shows what is left for kg's own code, and whether a
budget can be met at all while the stack alone exceeds it.

Each part is the cheapest the library gives: jieba's dictionary load is left out (kg loads it faster
than ``jieba.initialize``), and one load of the whole file is Oxigraph's fastest path (kg's writer
loads 50k quads at a time to keep its memory flat, which costs RocksDB more compaction)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

#: The per-core target of the scale-out issue, in characters per CPU-second, end to end.
TARGET_CHARS_PER_CPU_SECOND = 50_000
#: The same target stated against jieba: at least this share of jieba.lcut's rate on the same text.
JIEBA_SHARE = 1 / 3

_CPU = "import resource; r = resource.getrusage(resource.RUSAGE_SELF); print(r.ru_utime + r.ru_stime)"
_IMPORT_SPACY = "import spacy; " + _CPU
#: Loads argv[1] (N-Quads) into a new store at argv[2]; the CPU of every thread, RocksDB's included,
#: read after the store is dropped (its background work finished).
_BULK_LOAD = ("import gc, sys, pyoxigraph as ox; s = ox.Store(sys.argv[2]); "
              "s.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS); del s; gc.collect(); " + _CPU)


@dataclass
class StackFloor:
    chars: int
    spacy_import: float  # CPU-s
    segmentation: float  # CPU-s of jieba.lcut over the text
    quads: int
    oxigraph_load: float  # CPU-s of every thread

    @property
    def total(self) -> float:
        return self.spacy_import + self.segmentation + self.oxigraph_load


def _child_cpu(code: str, *args: str) -> float:
    """CPU seconds a fresh interpreter spends on ``code`` (it prints them last)."""
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return float(result.stdout.split()[-1])


def measure(built_store: Path, scratch: Path, chars: int, segmentation_cpu: float) -> StackFloor:
    """The floor for an archive of ``chars`` characters whose ``kg build`` left ``built_store``
    (closed); ``segmentation_cpu`` is jieba.lcut's CPU over the same text, timed by the caller."""
    dump = scratch / "built.nq"
    store = ox.Store.read_only(str(built_store))
    quads = len(store)
    store.dump(str(dump), ox.RdfFormat.N_QUADS)
    del store
    try:
        load = _child_cpu(_BULK_LOAD, str(dump), str(scratch / "bulk-loaded"))
    finally:
        dump.unlink()
        shutil.rmtree(scratch / "bulk-loaded", ignore_errors=True)
    return StackFloor(chars, _child_cpu(_IMPORT_SPACY), segmentation_cpu, quads, load)


def report(floor: StackFloor, build_cpu: float) -> str:
    """Lines setting the floor beside ``kg build --jobs 1``'s CPU seconds and the two budgets."""
    budget = floor.chars / TARGET_CHARS_PER_CPU_SECOND
    jieba_budget = floor.segmentation / JIEBA_SHARE
    own = build_cpu - floor.total

    def verdict(limit: float) -> str:
        if floor.total >= limit:
            return "below the stack's own cost: unreachable with this stack"
        return f"kg's own code may spend {limit - floor.total:.1f} (it spends {own:.1f}: {own / (limit - floor.total):.1f}×)"

    return (f"the stack alone (no kg code): import spaCy {floor.spacy_import:.2f} + jieba.lcut {floor.segmentation:.2f}"
            f" + Oxigraph's bulk_load of the build's {floor.quads:,} quads {floor.oxigraph_load:.2f}"
            f" = {floor.total:.2f} CPU-s; kg build --jobs 1: {build_cpu:.2f}\n"
            f"budget at {TARGET_CHARS_PER_CPU_SECOND // 1000}k chars/CPU-s: {budget:.2f} CPU-s, {verdict(budget)}\n"
            f"budget at a third of jieba.lcut: {jieba_budget:.2f} CPU-s, {verdict(jieba_budget)}")
