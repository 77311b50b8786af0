"""Link quality on the linking test set (tests/data/linking): names of entities the store holds,
written as other corpus files write them, and look-alikes that must stay apart. That the set quotes
../shared/corpus word for word is checked in tests/quality/test_shared_corpus.py."""
from __future__ import annotations

import pytest
from link_fixtures import load_cases, score_links

from kg.link import Linker

#: Issue 4's targets: >= 95 % of mentions of existing entities linked right, no wrong merge.
MIN_RECALL = 0.95


@pytest.fixture(scope="module")
def cases() -> dict:
    return load_cases()


def test_links_are_right_and_nothing_is_wrongly_merged(cases):
    score = score_links(Linker, cases)
    assert score.wrong == [], "wrong merges"
    assert score.recall >= MIN_RECALL, f"recall {score.recall:.3f}; missed: {score.missed}"
    assert score.kept_apart == sum(1 for q in cases["queries"] if q["expect"] is None)
