"""kg build --jobs N: extraction in worker processes, the same stored graph as one process."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from build_fixtures import example_inputs, nquads
from kg.cli import cli

pytestmark = pytest.mark.xdist_group("build-parallel")


def kg(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def build_report(result: Result) -> dict:
    report = json.loads(result.stdout)
    del report["seconds"]
    return report


def test_jobs_2_stores_the_same_graph_as_jobs_1_and_reports_the_same(tmp_path: Path):
    inputs = example_inputs(tmp_path / "in")
    one, two = tmp_path / "one", tmp_path / "two"
    first = [kg("build", str(tmp_path / "in"), "--store", str(store), "--jobs", jobs, "--json")
             for store, jobs in ((one, "1"), (two, "2"))]
    for result in first:
        assert result.exit_code == 1  # the empty and the binary file
        failed = [line for line in result.stderr.splitlines() if line.startswith("kg: failed: ")]
        assert [line.split(": ")[2] for line in failed] == [
            str((tmp_path / "in" / name).resolve()) for name in ("binary.txt", "empty.txt")]
    assert build_report(first[0]) == build_report(first[1])
    report = build_report(first[1])
    assert len(report["added"]) == len(inputs) and report["skipped"] == [
        str((tmp_path / "in" / "zz-twin-of-the-first.txt").resolve())]
    assert nquads(one) == nquads(two) != []

    # an incremental build: one file changed, one new, the rest unchanged
    inputs[1].write_text("国家发展改革委印发《关于促进民营经济发展的意见》，支持江苏省发展新能源汽车产业。",
                         encoding="utf-8")
    (tmp_path / "in" / "new.txt").write_text("上海市人民政府发布《上海市促进人工智能产业发展条例》。", encoding="utf-8")
    again = [kg("build", str(tmp_path / "in"), "--store", str(store), "--jobs", jobs, "--json")
             for store, jobs in ((one, "1"), (two, "2"))]
    assert build_report(again[0]) == build_report(again[1])
    assert build_report(again[1])["replaced"] == [str(inputs[1].resolve())]
    assert nquads(one) == nquads(two)
    exports = [kg("export", "graphml", "--store", str(store), "--out", "-").stdout for store in (one, two)]
    assert exports[0] == exports[1] and "<graphml" in exports[0]


def test_jobs_must_be_a_positive_number(tmp_path: Path):
    result = kg("build", str(tmp_path), "--store", str(tmp_path / "store"), "--jobs", "0")
    assert result.exit_code == 1 and "--jobs" in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1  # a usage error is one line, as every error


def test_jobs_and_scheduler_exclude_each_other(tmp_path: Path):
    result = kg("build", str(tmp_path), "--store", str(tmp_path / "store"), "--jobs", "2",
                "--scheduler", "tcp://127.0.0.1:5599")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "kg: error: --jobs and --scheduler exclude each other (a cluster's workers set its parallelism)"]


def test_documents_of_a_worker_that_dies_are_extracted_again(tmp_path: Path):
    import psutil

    from kg.executors import InProcess, SourceFile
    from kg.executors.local import LocalPool
    from kg.extract import extraction_to_json

    files = example_inputs(tmp_path / "in") * 3  # twelve documents, four in flight at a time
    sources = [SourceFile(str(path), path.read_bytes(), f"{i:064x}") for i, path in enumerate(files)]
    expected = [extraction_to_json(outcome.extraction) for _, outcome in InProcess().run(sources)]
    outcomes = []
    for source, outcome in LocalPool(2).run(sources):
        if not outcomes:  # the first document is back: kill a worker (a child of the fork server)
            workers = [p for p in psutil.Process().children(recursive=True) if p.ppid() != psutil.Process().pid]
            workers[0].kill()
        outcomes.append((source, outcome))
    assert [source for source, _ in outcomes] == sources
    assert [outcome.failure for _, outcome in outcomes] == [None] * len(sources)
    assert [extraction_to_json(outcome.extraction) for _, outcome in outcomes] == expected
