"""Link quality on the linking test set (tests/data/linking): names of entities the store holds,
written as other corpus files write them, and look-alikes that must stay apart."""
from __future__ import annotations

import re

import pytest
from conftest import CORPUS
from link_fixtures import load_cases, score_links

from kg.link import Linker

#: Issue 4's targets: >= 95 % of mentions of existing entities linked right, no wrong merge.
MIN_RECALL = 0.95


@pytest.fixture(scope="module")
def cases() -> dict:
    return load_cases()


def test_the_test_set_quotes_the_corpus(cases):
    texts = {p.name[:3]: re.sub(r"\s+", "", p.read_text(encoding="utf-8")) for p in CORPUS.glob("*.txt")}
    quoted = [c for c in cases["store"] + cases["queries"] if c["source"] and c["evidence"]]
    assert len(quoted) >= 60
    for case in quoted:
        assert re.sub(r"\s+", "", case["evidence"]) in texts[case["source"]], case
    confusables = [q for q in cases["queries"] if q["expect"] is None]
    assert len(confusables) >= 20 and len(cases["queries"]) - len(confusables) >= 50


def test_links_are_right_and_nothing_is_wrongly_merged(cases):
    score = score_links(Linker, cases)
    assert score.wrong == [], "wrong merges"
    assert score.recall >= MIN_RECALL, f"recall {score.recall:.3f}; missed: {score.missed}"
    assert score.kept_apart == sum(1 for q in cases["queries"] if q["expect"] is None)
