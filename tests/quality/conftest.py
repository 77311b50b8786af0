"""Quality floors and checks on real data that only ../shared holds (the sample corpus, the dev
gold, the training set, the annotators' scorer). `make test-quality` runs this folder; `make test`
never collects it, so a fresh clone without ../shared passes `make test`.

Every test here gets the autouse ``shared`` fixture: without ../shared the test is skipped with
the reason, except in CI (``CI`` set to anything but empty/0/false/no), where a missing ../shared
fails every test loudly. Take paths from the fixtures below, never from tests/conftest.py.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

#: ../shared beside the clone (tests/quality/conftest.py → the repository's parent folder).
SHARED = Path(__file__).resolve().parents[3] / "shared"


def running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="session", autouse=True)
def shared() -> Path:
    """The ../shared folder; a skip without it, a failure without it in CI."""
    if not (SHARED / "eval" / "score.py").is_file():
        reason = f"{SHARED} is missing: the quality tests need ../shared beside the clone"
        if running_in_ci():
            pytest.fail(f"CI run without ../shared: {reason}", pytrace=False)
        pytest.skip(reason)
    return SHARED


@pytest.fixture(scope="session")
def scorer(shared: Path) -> Path:
    """The annotators' own scorer, ../shared/eval/score.py."""
    return shared / "eval" / "score.py"


@pytest.fixture(scope="session")
def shared_corpus(shared: Path) -> Path:
    """../shared/corpus: real newspaper pages and a think-tank bulletin extracted from PDF."""
    return shared / "corpus"


@pytest.fixture(scope="session")
def shared_corpus_files(shared_corpus: Path) -> list[Path]:
    files = sorted(shared_corpus.glob("*.txt"))
    assert files, f"no corpus under {shared_corpus}"
    return files


@pytest.fixture(scope="session")
def dev_gold(shared: Path) -> Path:
    return shared / "eval" / "dev-gold"
