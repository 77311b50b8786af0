"""Inputs a clumsy or hostile user can hand ``kg build``: every one is a failure of its own file,
reported on one line, never a hang, a crash or the end of the batch (issue 12, D)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
KG = [sys.executable, "-m", "kg.cli"]  # this tree's kg (the venv's `kg` script imports the installed one)
EXAMPLE = REPO / "examples" / "01-yangtze-delta-nev.txt"


def build(*paths: Path, store: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "KG_NER": "0", "KG_JOBS": "1"}
    return subprocess.run([*KG, "build", *map(str, paths), "--store", str(store)], env=env, cwd=REPO,
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



def test_a_file_name_that_is_not_utf8_is_refused_and_the_other_files_are_built(tmp_path):
    """A name with the byte 0xFF (Python keeps it as a surrogate) could be no RDF literal for
    kg:sourcePath: 'ValueError: The literal value must be a str, …' ended the whole build."""
    folder = tmp_path / "in"
    folder.mkdir()
    bad = Path(os.fsdecode(bytes(folder) + b"/\xffreport.txt"))
    bad.write_bytes(EXAMPLE.read_bytes().replace("长三角".encode(), "珠三角".encode()))
    done = build(folder, EXAMPLE, store=tmp_path / "store")
    assert done.returncode == 1
    failures = [line for line in done.stderr.splitlines() if line.startswith("kg: failed:")]
    assert failures == [f"kg: failed: {folder}/\\udcffreport.txt: file name is not UTF-8: rename the file"]
    assert "Traceback" not in done.stderr
    assert "1 added" in done.stdout


def test_a_broken_symbolic_link_in_a_folder_is_said_and_the_other_files_are_built(tmp_path):
    """Inside a folder a link to nothing (or to itself) was skipped without a word, while one named
    directly is an error: now each is one warning line, and the folder's other files are built."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_bytes(EXAMPLE.read_bytes())
    (folder / "gone.txt").symlink_to(tmp_path / "moved.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    done = build(folder, store=tmp_path / "store")
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("kg: warning:")]
    assert warnings == [f"kg: warning: {folder}/gone.txt: broken symbolic link (to '{tmp_path}/moved.txt'): skipped",
                        f"kg: warning: {folder}/loop.txt: broken symbolic link (to 'loop.txt'): skipped"]
    assert "1 added" in done.stdout


def test_link_dry_run_says_a_broken_symbolic_link_too(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_bytes(EXAMPLE.read_bytes())
    (folder / "gone.txt").symlink_to("nowhere.txt")
    env = {**os.environ, "KG_NER": "0"}
    done = subprocess.run([*KG, "link", "--dry-run", str(folder), "--store", str(tmp_path / "store")], env=env,
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        f"kg: warning: {folder}/gone.txt: broken symbolic link (to 'nowhere.txt'): skipped"]


def test_kg_extract_of_a_folder_says_it_is_a_folder(tmp_path):
    """It said 'unsupported file type without extension (expected .txt, …)' of a folder."""
    done = subprocess.run([*KG, "extract", str(tmp_path)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr == f"kg: error: {tmp_path}: a folder: kg extract reads one file (kg build reads folders)\n"


def _without_file_permission_override() -> None:
    """Run the child without the capabilities that let root read any file (CAP_DAC_OVERRIDE,
    CAP_DAC_READ_SEARCH): dropped from the bounding set, a program root executes does not get them,
    so a folder of mode 000 is closed to it as to any user. For anyone else it changes nothing."""
    import ctypes

    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def kg_unprivileged(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "KG_NER": "0", "KG_JOBS": "1"}
    return subprocess.run([*KG, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=120,
                          preexec_fn=_without_file_permission_override)


@pytest.fixture
def closed_folder(tmp_path):
    """in/a-closed/ (mode 000, holding x.txt) beside in/b.txt: a folder its user may not open."""
    folder = tmp_path / "in"
    closed = folder / "a-closed"
    closed.mkdir(parents=True)
    (closed / "x.txt").write_bytes(EXAMPLE.read_bytes())
    (folder / "b.txt").write_bytes(EXAMPLE.read_bytes())
    closed.chmod(0)
    yield folder, closed
    closed.chmod(0o755)


def test_a_folder_that_cannot_be_listed_is_a_failure_and_the_files_after_it_are_built(closed_folder, tmp_path):
    """It ended the build before anything was built: 'kg: error: …/a-closed: cannot list folder'
    (and, deeper in a folder, every file sorted after it was left out)."""
    folder, closed = closed_folder
    done = kg_unprivileged("build", str(folder), "--store", str(tmp_path / "store"))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"kg: failed: {closed}: cannot list folder: Permission denied"]
    assert "1 added" in done.stdout


def test_a_file_in_a_folder_that_cannot_be_opened_is_a_failure_of_its_own(closed_folder, tmp_path):
    """Asking whether it exists raised PermissionError: 'kg: error: PermissionError: [Errno 13] …
    (run with --debug for details)', and the other files given were not built."""
    folder, closed = closed_folder
    done = kg_unprivileged("build", str(closed / "x.txt"), str(folder / "b.txt"), "--store", str(tmp_path / "store"))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"kg: failed: {closed}/x.txt: Permission denied"]
    assert "1 added" in done.stdout
    for command in (["extract", str(closed / "x.txt")], ["link", str(closed / "x.txt"), "--store", str(tmp_path / "store")]):
        done = kg_unprivileged(*command)
        assert done.returncode == 1
        assert done.stderr == f"kg: error: {closed}/x.txt: Permission denied\n", command
