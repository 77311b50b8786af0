"""Shared fixtures: the ../shared folder (always beside the clone, in CI too) and its corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
DEV_GOLD = SHARED / "eval" / "dev-gold"


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    files = sorted(CORPUS.glob("*.txt"))
    assert files, f"no corpus under {CORPUS}: ../shared must stand beside the clone"
    return files
