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
import shutil
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


class TreeMonitor:
    """Samples a process tree (and extra processes, e.g. Dask workers): peak summed RSS, and the
    CPU seconds each process spent while watched (from which the wall time on idle cores follows)."""

    def __init__(self, pid: int, extra: list[int]) -> None:
        self.root, self.roots = pid, [pid, *extra]
        self.peak = 0
        self.cpu_first: dict[int, float] = {}
        self.cpu_last: dict[int, float] = {}
        for p in self._processes():
            self.cpu_first[p.pid] = self._cpu(p)
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _processes(self) -> list[psutil.Process]:
        found = []
        for pid in self.roots:
            try:
                root = psutil.Process(pid)
                found += [root, *root.children(recursive=True)]
            except psutil.Error:
                continue
        return found

    @staticmethod
    def _cpu(process: psutil.Process) -> float:
        times = process.cpu_times()
        return times.user + times.system

    def _sample(self) -> None:
        while not self._done.wait(0.1):
            total = 0
            for process in self._processes():
                try:
                    total += process.memory_info().rss
                    self.cpu_last[process.pid] = self._cpu(process)
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)

    def stop(self) -> tuple[float, float, float]:
        """Peak MiB, the writer's CPU seconds and every process's CPU seconds."""
        self._done.set()
        self._thread.join()
        spent = {pid: last - self.cpu_first.get(pid, 0.0) for pid, last in self.cpu_last.items()}
        return self.peak / 2**20, spent.get(self.root, 0.0), sum(spent.values())


@dataclass
class Run:
    name: str
    wall: float  # process start to exit: start-up included
    build: float  # the build report's seconds (files collected to last document stored)
    chars: int
    documents: int
    peak_mib: float
    writer_cpu: float
    total_cpu: float
    cores: int

    @property
    def idle_wall(self) -> float:
        """The wall time on ``cores`` idle cores: the writer's CPU, or all CPU spread evenly,
        whichever is longer (sampled CPU times, so a lower bound on a loaded machine's run)."""
        return max(self.writer_cpu, self.total_cpu / self.cores)


def kg_build(name: str, folder: Path, store: Path, options: list[str], cores: int,
             workers: list[int] = ()) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen([KG, "build", str(folder), "--store", str(store), "--json", *options],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    monitor = TreeMonitor(process.pid, list(workers))
    out, err = process.communicate()
    wall = time.perf_counter() - started
    peak, writer_cpu, total_cpu = monitor.stop()
    if process.returncode:
        raise RuntimeError(f"{name}: kg build failed: {err.strip()[-500:]}")
    report = json.loads(out)
    return Run(name, wall, report["seconds"], report["chars"], len(report["added"]), peak,
               writer_cpu, total_cpu, cores)


def jieba_rate(files: list[Path]) -> float:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [f.read_text(encoding="utf-8") for f in files]
    started = time.process_time()
    for text in texts:
        jieba.lcut(text)
    return sum(map(len, texts)) / (time.process_time() - started)


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
                                 root / f"dask{workers}", ["--scheduler", cluster.scheduler_address],
                                 min(workers, os.cpu_count() or 1), pids))
    return runs


def main(copies: int = int(os.environ.get("KG_BENCH_COPIES", "8"))) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = make_archive(root / "archive", copies)
        (root / "first").mkdir()
        shutil.copy(files[0], root / "first")
        first = kg_build("one document", root / "first", root / "first-store", ["--jobs", "1"], 1)
        jieba_cps = jieba_rate(files)
        runs = [kg_build(f"--jobs {jobs}", root / "archive", root / f"jobs{jobs}", ["--jobs", str(jobs)], jobs)
                for jobs in (1, 2)]
        runs += dask_runs(root / "archive", root)
    print(f"archive: {runs[0].documents} documents, {runs[0].chars:,} chars (normalised); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"jieba.lcut alone: {jieba_cps:,.0f} chars per CPU-second (no start-up)")
    print(f"start to the first document stored (kg build of one {first.chars:,}-char document): "
          f"wall {first.wall:.1f} s, CPU {first.total_cpu:.1f} s")
    base = runs[0]
    print(f"{'kg build':<16}{'wall s':>7}{'build s':>8}{'chars/s':>9}{'docs/s':>7}{'peak MiB':>9}{'× jobs 1':>9}"
          f"{'CPU s':>7}{'writer':>7}{'idle s':>7}{'× jobs 1':>9}{'chars/CPU-s':>12}{'÷ jieba':>8}")
    for run in runs:
        per_core = run.chars / run.total_cpu
        print(f"{run.name:<16}{run.wall:>7.1f}{run.build:>8.1f}{run.chars / run.wall:>9,.0f}"
              f"{run.documents / run.wall:>7.2f}{run.peak_mib:>9.0f}{base.wall / run.wall:>9.2f}"
              f"{run.total_cpu:>7.1f}{run.writer_cpu:>7.1f}{run.idle_wall:>7.1f}{base.idle_wall / run.idle_wall:>9.2f}"
              f"{per_core:>12,.0f}{per_core / jieba_cps:>8.2f}")
    print("wall: measured from process start, start-up included (Dask workers were up, extractors built, "
          "before the build);\npeak: summed RSS of the build and its workers; CPU s: of all of them, writer: "
          "of the kg process;\nidle s: the wall time on idle cores, max(writer CPU, all CPU / cores), for "
          "a machine shared with other jobs;\nchars/CPU-s: end to end per core, start-up included")
