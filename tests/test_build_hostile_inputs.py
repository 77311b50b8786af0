"""Inputs a clumsy or hostile user can hand ``kg build``: every one is a failure of its own file,
reported on one line, never a hang, a crash or the end of the batch (issue 12, D)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KG = str(Path(sys.executable).with_name("kg"))
EXAMPLE = REPO / "examples" / "01-yangtze-delta-nev.txt"


def build(*paths: Path, store: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "KG_NER": "0", "KG_JOBS": "1"}
    return subprocess.run([KG, "build", *map(str, paths), "--store", str(store)], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def test_a_named_pipe_or_a_device_is_refused_and_the_other_files_are_built(tmp_path):
    """A FIFO blocks a reader for ever, /dev/zero never ends: neither is read."""
    fifo, zero = tmp_path / "pipe.txt", tmp_path / "zero.txt"
    os.mkfifo(fifo)
    zero.symlink_to("/dev/zero")
    done = build(fifo, zero, EXAMPLE, store=tmp_path / "store")
    assert done.returncode == 1
    failures = [line for line in done.stderr.splitlines() if line.startswith("kg: failed:")]
    assert failures == [f"kg: failed: {fifo}: not a regular file", "kg: failed: /dev/zero: not a regular file"]
    assert "Traceback" not in done.stderr
    assert "1 added" in done.stdout

