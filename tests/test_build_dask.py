"""kg build --scheduler: extraction on a real Dask cluster (a `dask scheduler` and two `dask worker`
processes on 127.0.0.1), the same stored graph as a local build."""
from __future__ import annotations

import faulthandler
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import distributed
import pytest
from click.testing import CliRunner, Result

from build_fixtures import example_inputs, nquads
from kg.cli import cli

pytestmark = pytest.mark.xdist_group("build-dask")

DASK = str(Path(sys.executable).parent / "dask")


#: A test here could wait on a cluster that vanished. Past this many seconds the process prints every thread's stack
#: and exits, so the run fails with the evidence instead of hanging CI; the module passes in ~10 s.
HANG_SECONDS = 300


@pytest.fixture(autouse=True)
def no_hang():
    faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def kg(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A scheduler and two single-threaded workers that build their extractor as they start, on ports the
    system picks: the scheduler writes its address to a file the workers and the tests read. (Fixed ports let two
    test runs on one machine share a cluster: the second scheduler could not bind, its workers joined the first's,
    and a run waited on a cluster the other run shut down.)"""
    where = tmp_path_factory.mktemp("dask")
    scheduler_file = str(where / "scheduler.json")
    common = ["--host", "127.0.0.1", "--no-dashboard"]
    processes = [subprocess.Popen([DASK, "scheduler", *common, "--port", "0", "--scheduler-file", scheduler_file],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    for n in range(2):
        processes.append(subprocess.Popen(
            [DASK, "worker", "--scheduler-file", scheduler_file, *common, "--nthreads", "1", "--name", f"w{n}",
             "--local-directory", str(where / f"w{n}"), "--preload", "kg.executors.cluster"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    try:
        with distributed.Client(scheduler_file=scheduler_file, timeout="60s") as client:
            client.wait_for_workers(2, timeout=180)
            address = client.scheduler_info()["address"]
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def test_a_dask_build_stores_the_same_graph_as_a_local_build(cluster, tmp_path: Path):
    copies = example_inputs(tmp_path / "in")
    local, remote = tmp_path / "local", tmp_path / "dask"
    results = [kg("build", str(tmp_path / "in"), "--store", str(local), "--jobs", "1", "--json"),
               kg("build", str(tmp_path / "in"), "--store", str(remote), "--scheduler", cluster, "--json")]
    reports = []
    for result in results:
        assert result.exit_code == 1  # the empty and the binary file, one line each
        assert [line.split(": ")[2] for line in result.stderr.splitlines() if line.startswith("kg: failed: ")] == [
            str((tmp_path / "in" / name).resolve()) for name in ("binary.txt", "empty.txt")], result.stderr
        report = json.loads(result.stdout)
        del report["seconds"]
        reports.append(report)
    assert reports[0] == reports[1] and len(reports[1]["added"]) == len(copies)  # the twin is a duplicate
    assert nquads(local) == nquads(remote) != []


def test_documents_on_a_worker_that_dies_are_extracted_again_elsewhere(cluster, tmp_path: Path):
    from kg.executors import InProcess, SourceFile
    from kg.executors.cluster import DaskCluster
    from kg.extract import extraction_to_json

    files = example_inputs(tmp_path / "in") * 3  # twelve documents, four in flight at a time
    sources = [SourceFile(str(path), path.read_bytes(), f"{i:064x}") for i, path in enumerate(files)]
    expected = [extraction_to_json(outcome.extraction) for _, outcome in InProcess().run(sources)]
    executor = DaskCluster(cluster)
    try:
        workers = executor.client.run(os.getpid)
        outcomes = []
        for source, outcome in executor.run(sources):
            if not outcomes:  # the first document is back: kill a worker with its tasks in flight
                os.kill(next(iter(workers.values())), signal.SIGKILL)
            outcomes.append((source, outcome))
    finally:
        executor.close()
    assert [source for source, _ in outcomes] == sources
    assert [extraction_to_json(outcome.extraction) for _, outcome in outcomes] == expected


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("kg.executors.cluster.DASK_CONNECT_TIMEOUT", "2s")
    (tmp_path / "doc.txt").write_text("江苏省人民政府印发《江苏省新能源汽车产业发展规划》。", "utf-8")
    result = kg("build", str(tmp_path), "--store", str(tmp_path / "store"), "--scheduler", "tcp://127.0.0.1:5599")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: cannot reach the Dask scheduler at tcp://127.0.0.1:5599")
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize("address, message", [
    ("notaurl", "kg: error: --scheduler notaurl: not a scheduler address such as tcp://HOST:8786 "
                "(missing port number in address 'notaurl')"),
    ("tcp://127.0.0.1", "kg: error: --scheduler tcp://127.0.0.1: not a scheduler address such as "
                        "tcp://HOST:8786 (missing port number in address '127.0.0.1')"),
    ("tcp://127.0.0.1:99999", "kg: error: --scheduler tcp://127.0.0.1:99999: port 99999 is not a TCP port (1-65535)"),
])
def test_a_malformed_scheduler_address_is_one_line_at_once(tmp_path: Path, address: str, message: str):
    """Checked before a Client exists: one made from such an address used to print the right line,
    then hang 60 s in its finaliser and print a traceback (or wait 30 s to dial port 99999)."""
    (tmp_path / "doc.txt").write_text("江苏省人民政府印发《江苏省新能源汽车产业发展规划》。", "utf-8")
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(tmp_path), "--store", str(tmp_path / "store"),
                           "--scheduler", address], capture_output=True, text=True, timeout=25)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [message]
    assert not (tmp_path / "store").exists()
