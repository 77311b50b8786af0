"""The scale-out half of ``bench_build``: ``kg build`` as a user runs it (a fresh process, start-up
included) with ``--jobs 1``, ``--jobs 2`` and on a Dask cluster of one and two workers, beside
jieba's plain segmentation of the same text, over an archive of many documents.

The archive is ../shared/corpus cut at line ends into documents of about 8,000 characters (an
archive's typical notice or bulletin), repeated ``copies`` times under a distinct first line so
every document is new to the store.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
KG = str(Path(sys.executable).parent / "kg")
DOCUMENT_CHARS = 8_000
DASK_PORT = 5580


def make_archive(folder: Path, copies: int) -> list[Path]:
    pieces: list[str] = []
    for source in sorted(CORPUS.glob("*.txt")):
        piece = ""
        for line in source.read_text(encoding="utf-8").splitlines(keepends=True):
            piece += line
            if len(piece) >= DOCUMENT_CHARS:
                pieces.append(piece)
                piece = ""
        if piece.strip():
            pieces.append(piece)
    folder.mkdir(parents=True)
    files = []
    for copy in range(copies):
        for i, piece in enumerate(pieces):
            path = folder / f"{copy:02d}-{i:03d}.txt"
            path.write_text(f"（第{copy + 1}辑）\n{piece}", encoding="utf-8")
            files.append(path)
    return files


class PeakMemory:
    """Peak summed RSS of a process tree (and of extra processes, e.g. Dask workers), sampled."""

    def __init__(self, pid: int, extra: list[int]) -> None:
        self.roots = [pid, *extra]
        self.peak = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._done.wait(0.2):
            total = 0
            for pid in self.roots:
                try:
                    root = psutil.Process(pid)
                    total += sum(p.memory_info().rss for p in [root, *root.children(recursive=True)])
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        return self.peak / 2**20


@dataclass
class Run:
    name: str
    wall: float  # process start to exit: start-up included
    build: float  # the build report's seconds (files collected to last document stored)
    chars: int
    documents: int
    peak_mib: float


def kg_build(name: str, folder: Path, store: Path, options: list[str], workers: list[int] = ()) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen([KG, "build", str(folder), "--store", str(store), "--json", *options],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(process.pid, list(workers))
    out, err = process.communicate()
    wall = time.perf_counter() - started
    peak = memory.stop()
    if process.returncode:
        raise RuntimeError(f"{name}: kg build failed: {err.strip()[-500:]}")
    report = json.loads(out)
    return Run(name, wall, report["seconds"], report["chars"], len(report["added"]), peak)


def jieba_rate(files: list[Path]) -> float:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [f.read_text(encoding="utf-8") for f in files]
    started = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return sum(map(len, texts)) / (time.perf_counter() - started)


def dask_runs(folder: Path, root: Path) -> list[Run]:
    from distributed import LocalCluster

    runs = []
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          scheduler_port=DASK_PORT, dashboard_address=None,
                          preload=["kg.executors.cluster"]) as cluster:
            cluster.wait_for_workers(workers, timeout=300)
            pids = [p.pid for p in psutil.Process().children(recursive=True)]
            runs.append(kg_build(f"dask, {workers} worker{'s' if workers > 1 else ''}", folder,
                                 root / f"dask{workers}", ["--scheduler", cluster.scheduler_address], pids))
    return runs


def main(copies: int = int(os.environ.get("KG_BENCH_COPIES", "8"))) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = make_archive(root / "archive", copies)
        jieba_cps = jieba_rate(files)
        runs = [kg_build(f"--jobs {jobs}", root / "archive", root / f"jobs{jobs}", ["--jobs", str(jobs)])
                for jobs in (1, 2)]
        runs += dask_runs(root / "archive", root)
    print(f"archive: {runs[0].documents} documents, {runs[0].chars:,} chars (normalised); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"jieba.lcut alone: {jieba_cps:,.0f} chars/s (one core, no start-up)")
    base = runs[0]
    print(f"{'kg build':<18}{'wall s':>8}{'build s':>9}{'chars/s':>10}{'docs/s':>8}{'peak MiB':>10}"
          f"{'× jobs 1':>10}{'÷ jieba':>9}")
    for run in runs:
        rate = run.chars / run.wall
        print(f"{run.name:<18}{run.wall:>8.1f}{run.build:>9.1f}{rate:>10,.0f}{run.documents / run.wall:>8.2f}"
              f"{run.peak_mib:>10.0f}{base.wall / run.wall:>10.2f}{rate / jieba_cps:>9.2f}")
    print("(wall: from process start, start-up included; Dask workers were started, and had built "
          "their extractors, before the build; peak: summed RSS of the build and its workers)")
