"""The scale-out half of ``bench_build``: ``kg build`` as a user runs it (a fresh process, start-up
included) with ``--jobs 1``, ``--jobs 2``, on a Dask cluster of two workers and into a remote store
(an ``oxigraph serve`` on 127.0.0.1), beside jieba's plain segmentation of the same text, over an
archive of many documents; then what the stack alone costs for that archive (:mod:`bench.stack_floor`).

The archive is generated from the repository's examples/: documents of about 8,000 characters (an
archive's typical notice or bulletin) made of their lines in a seeded random order, each under a
distinct first line so every document is new to the store. ``KG_BENCH_ARCHIVE=DIR`` benches a folder
of your own UTF-8 .txt documents instead: real pages are shorter and sparser in facts than the
generated ones, so the per-core figure there is the one an archive's owner will see.
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from bench import stack_floor
from bench.oxigraph_serve import oxigraph_serve, store_options
from bench.settings import BenchArguments, bench_number, whole_number

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BIN = Path(sys.executable).parent
KG = str(BIN / "kg")
DOCUMENT_CHARS = 8_000
#: Ports of the bench's Dask scheduler and Oxigraph server on 127.0.0.1 (override where others run
#: benches); the Dask workers and their nannies take the four ports after the scheduler's.
DASK_PORT = bench_number("KG_BENCH_DASK_PORT", 5618, minimum=1, maximum=65535 - 5)
OXIGRAPH_PORT = bench_number("KG_BENCH_OXIGRAPH_PORT", DASK_PORT + 5, minimum=1, maximum=65535)
#: A folder of real .txt documents to bench instead of the generated archive.
REAL_ARCHIVE = os.environ.get("KG_BENCH_ARCHIVE")
#: What ``kg build`` does before its first document: import the CLI and build the extractor and linker.
_STARTUP = ("import resource, sys, tempfile, time; from kg.cli import main; from kg.executors.unit import warm_up; "
            "from kg.graph.store import GraphStore; from kg.link import Linker; warm_up(); "
            "Linker(GraphStore(tempfile.mkdtemp() + '/s')); r = resource.getrusage(resource.RUSAGE_SELF); "
            "print(r.ru_utime + r.ru_stime)")
_MARKUP = re.compile(r"<[^>]+>")


def example_lines() -> list[str]:
    """The non-empty lines of the example documents (HTML with its tags removed)."""
    lines = []
    for source in sorted(EXAMPLES.iterdir()):
        if source.name == "README.md":
            continue
        text = source.read_text(encoding="utf-8")
        if source.suffix == ".html":
            text = _MARKUP.sub("\n", text)
        lines += [line.strip() for line in text.splitlines() if len(line.strip()) > 10]
    return lines


def make_archive(folder: Path, documents: int, chars: int = DOCUMENT_CHARS, seed: int = 15) -> list[Path]:
    """``documents`` text files of about ``chars`` characters each, generated from examples/."""
    rng, lines = random.Random(seed), example_lines()
    folder.mkdir(parents=True)
    files = []
    for n in range(documents):
        body, size = [], 0
        while size < chars:
            line = rng.choice(lines)
            body.append(line)
            size += len(line) + 1
        path = folder / f"{n:06d}.txt"
        path.write_text(f"（第{n + 1}号）\n" + "\n".join(body) + "\n", encoding="utf-8")
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


def kg_build(name: str, folder: Path, store: list[str], options: list[str], cores: int,
             workers: list[int] = ()) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen([KG, "build", str(folder), *store, "--json", *options],
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


def startup() -> tuple[float, float]:
    """Wall and CPU seconds from process start to a build's first document (a fresh interpreter
    importing the CLI and building the extractor and the linker, as ``kg build`` does first)."""
    started = time.perf_counter()
    cpu = subprocess.run([sys.executable, "-c", _STARTUP], capture_output=True, text=True, check=True).stdout
    return time.perf_counter() - started, float(cpu)


def jieba_run(files: list[Path]) -> Run:
    """jieba.lcut over the archive's texts in this process (dictionary loaded first, not counted)."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [f.read_text(encoding="utf-8") for f in files]
    rss_before = psutil.Process().memory_info().rss
    started, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        jieba.lcut(text)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = max(rss_before, psutil.Process().memory_info().rss) / 2**20
    return Run("jieba.lcut", wall, wall, sum(map(len, texts)), len(texts), peak, cpu, cpu, 1)


def dask_run(folder: Path, root: Path, workers: int = 2) -> Run:
    from distributed import LocalCluster

    worker_ports = f"{DASK_PORT + 1}:{DASK_PORT + workers}"
    nanny_ports = f"{DASK_PORT + workers + 1}:{DASK_PORT + 2 * workers}"
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      scheduler_port=DASK_PORT, dashboard_address=None, worker_port=worker_ports,
                      port=nanny_ports, preload=["kg.executors.cluster"]) as cluster:
        cluster.wait_for_workers(workers, timeout=300)
        pids = [p.pid for p in psutil.Process().children(recursive=True)]
        return kg_build(f"dask, {workers} workers", folder, ["--store", str(root / f"dask{workers}")],
                        ["--scheduler", cluster.scheduler_address], min(workers, os.cpu_count() or 1), pids)


def installed_bytecode() -> None:
    """kg's bytecode, as ``make setup`` (or pip, for a regular install) leaves it: the runs then time
    kg as installed, not its compilation from source in every process (PYTHONDONTWRITEBYTECODE=1
    would keep an uninstalled checkout compiling)."""
    import compileall

    import kg

    compileall.compile_dir(Path(kg.__file__).parent, quiet=1)


def main(documents: int = bench_number("KG_BENCH_DOCUMENTS", 96, minimum=1, maximum=100_000)) -> None:
    installed_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        archive = Path(REAL_ARCHIVE) if REAL_ARCHIVE else root / "archive"
        files = sorted(archive.glob("*.txt")) if REAL_ARCHIVE else make_archive(archive, documents)
        if not files:
            sys.exit(f"bench: no .txt documents in {archive}")
        (root / "first").mkdir()
        shutil.copy(files[0], root / "first")
        start_wall, start_cpu = startup()
        first = kg_build("one document", root / "first", ["--store", str(root / "first-store")], ["--jobs", "1"], 1)
        segmentation = jieba_run(files)
        runs = [kg_build(f"--jobs {jobs}", archive, ["--store", str(root / f"jobs{jobs}")],
                         ["--jobs", str(jobs)], jobs)
                for jobs in (1, 2)]
        floor = stack_floor.measure(root / "jobs1", root, runs[0].chars, segmentation.total_cpu)
        runs.append(dask_run(archive, root))
        with oxigraph_serve(root / "oxigraph", OXIGRAPH_PORT) as server:
            runs.append(kg_build("remote, --jobs 2", archive, store_options(OXIGRAPH_PORT), ["--jobs", "2"], 2,
                                 [server.pid]))
    origin = str(REAL_ARCHIVE) if REAL_ARCHIVE else "generated from examples/"
    print(f"archive: {runs[0].documents} documents {origin}, {runs[0].chars:,} chars (normalised); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"start-up, process start to the first document: wall {start_wall:.2f} s, CPU {start_cpu:.2f} s; "
          f"kg build of one {first.chars:,}-char document: wall {first.wall:.1f} s, CPU {first.total_cpu:.1f} s")
    base, jieba_cps = runs[0], segmentation.chars / segmentation.total_cpu
    print(f"{'':<17}{'wall s':>7}{'build s':>8}{'chars/s':>9}{'docs/s':>7}{'peak MiB':>9}{'× jobs 1':>9}"
          f"{'CPU s':>7}{'writer':>7}{'idle s':>7}{'× jobs 1':>9}{'chars/CPU-s':>12}{'÷ jieba':>8}")
    for run in (segmentation, *runs):
        per_core = run.chars / run.total_cpu
        print(f"{run.name:<17}{run.wall:>7.1f}{run.build:>8.1f}{run.chars / run.wall:>9,.0f}"
              f"{run.documents / run.wall:>7.2f}{run.peak_mib:>9.0f}{base.wall / run.wall:>9.2f}"
              f"{run.total_cpu:>7.1f}{run.writer_cpu:>7.1f}{run.idle_wall:>7.1f}{base.idle_wall / run.idle_wall:>9.2f}"
              f"{per_core:>12,.0f}{per_core / jieba_cps:>8.2f}")
    print("wall: measured from process start, start-up included (Dask workers were up, extractors built, "
          "before the build);\npeak: summed RSS of the build and its workers (and of the Oxigraph server for "
          "the remote store; jieba: this process); CPU s: of all of them, writer: of the kg process;\nidle s: the "
          "wall time on idle cores, max(writer CPU, all CPU / cores), for a machine shared with other jobs;\n"
          "chars/CPU-s: end to end per core, start-up included; ÷ jieba: that over jieba.lcut's chars per CPU-second")
    print(stack_floor.report(floor, base.total_cpu))


def memory_flatness(small: int = 1_000, large: int = 10_000, chars: int = 1_000) -> None:
    """Peak memory of ``kg build --jobs 2`` over ``small`` and ``large`` generated documents: the
    writer's and the whole tree's must stay flat in the number of documents."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        runs = []
        for documents in (small, large):
            folder = root / f"archive{documents}"
            make_archive(folder, documents, chars)
            runs.append(kg_build(f"{documents:,} documents", folder, ["--store", str(root / f"store{documents}")],
                                 ["--jobs", "2"], 2))
            shutil.rmtree(folder)
    for run in runs:
        print(f"{run.name:<18} peak {run.peak_mib:6.0f} MiB (all processes), {run.chars / run.wall:,.0f} chars/s, "
              f"{run.documents / run.wall:.1f} docs/s")
    print(f"peak ratio {large:,} / {small:,} documents: {runs[1].peak_mib / runs[0].peak_mib:.2f}")


if __name__ == "__main__":
    parser = BenchArguments("bench.scaleout", "Peak memory of kg build --jobs 2 over SMALL and LARGE generated documents.")
    parser.add_argument("small", nargs="?", type=whole_number(1, 1_000_000), default=1_000)
    parser.add_argument("large", nargs="?", type=whole_number(1, 1_000_000), default=10_000)
    parser.add_argument("chars", nargs="?", type=whole_number(100, 10_000_000), default=1_000,
                        help="characters of each generated document")
    arguments = parser.parse_args()
    memory_flatness(arguments.small, arguments.large, arguments.chars)
