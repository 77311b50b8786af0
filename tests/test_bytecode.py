"""`make setup` and `make run` leave kg's bytecode beside its sources (issue #15: start-up), so no
process compiles kg's modules from source again, even where PYTHONDONTWRITEBYTECODE=1 keeps Python
from saving what it compiles (~0.2 CPU-s in the builder and in each worker)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

#: Imports what a build imports and prints the kg modules the interpreter compiled from source.
_COMPILED_FROM_SOURCE = (
    "import importlib._bootstrap_external as ext, sys\n"
    "compiled = []\n"
    "to_code = ext.SourceLoader.source_to_code\n"
    "def counted(self, data, path, **kw):\n"
    "    compiled.append(str(path))\n"
    "    return to_code(self, data, path, **kw)\n"
    "ext.SourceLoader.source_to_code = counted\n"
    "import kg.cli, kg.pipeline, kg.link, kg.extract\n"
    "print('\\n'.join(p for p in compiled if '/kg/' in p))\n"
)


def _compiled_from_source(root: Path) -> list[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", _COMPILED_FROM_SOURCE], cwd=root, env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_make_bytecode_leaves_kg_compiled_for_every_later_process(tmp_path):
    shutil.copy(REPO / "Makefile", tmp_path / "Makefile")
    shutil.copytree(REPO / "kg", tmp_path / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    assert len(_compiled_from_source(tmp_path)) > 50  # no bytecode yet: every module compiled, none saved
    venv = Path(sys.executable).parent.parent
    subprocess.run(["make", "-s", "-C", str(tmp_path), "bytecode", f"VENV={venv}"], check=True,
                   capture_output=True, text=True)
    assert _compiled_from_source(tmp_path) == []
