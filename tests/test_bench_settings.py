"""The benches' $KG_BENCH_… numbers are checked as kg's own settings are: a wrong one stops the
bench in one line, not with a traceback ('ValueError: invalid literal for int()') as it is imported."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name, value, expected", [
    ("KG_BENCH_DASK_PORT", "x", "expected a whole number from 1 to 65530"),
    ("KG_BENCH_DASK_PORT", "70000", "expected a whole number from 1 to 65530"),
    ("KG_BENCH_OXIGRAPH_PORT", "5.5", "expected a whole number from 1 to 65535"),
    ("KG_BENCH_DOCUMENTS", "-3", "expected a whole number from 1 to 100000"),
])
def test_a_wrong_bench_number_is_one_line(name: str, value: str, expected: str):
    env = {**os.environ, name: value}
    done = subprocess.run([sys.executable, "-c", "import bench.scaleout"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (1, f"bench: ${name} is {value!r}: {expected}\n")


def test_the_bench_numbers_are_read(monkeypatch):
    monkeypatch.setenv("KG_BENCH_DASK_PORT", "6000")
    done = subprocess.run([sys.executable, "-c", "from bench import scaleout; print(scaleout.DASK_PORT, scaleout.OXIGRAPH_PORT)"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout) == (0, "6000 6005\n")


@pytest.mark.parametrize("module, arguments, expected", [
    ("bench.bench_store", ["x"], "argument documents: 'x' is not a whole number from 1 to 100000"),
    ("bench.bench_store", ["96", "0"], "argument rounds: '0' is not a whole number from 1 to 10000"),
    ("bench.bench_long_build", ["2e7"], "argument chars: '2e7' is not a whole number from 10 to 1000000000"),
    ("bench.probe_hardening", ["65535"], "argument port: '65535' is not a whole number from 1 to 65534"),
    ("bench.scaleout", ["1000", "ten"], "argument large: 'ten' is not a whole number from 1 to 1000000"),
])
def test_a_wrong_bench_argument_is_one_line(module: str, arguments: list[str], expected: str):
    """The benches read their arguments with a bare int(): 'ValueError: invalid literal' and a traceback."""
    done = subprocess.run([sys.executable, "-m", module, *arguments], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert (done.returncode, done.stderr) == (1, f"bench: python -m {module}: {expected}\n")
