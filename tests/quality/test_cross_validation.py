"""Quality floors of extraction cross-validated by document on ../shared/train (the shared scorer).

5 folds stratified by file prefix, seed 0: every document is scored by decisions trained on the
other 24. Floors are the figures measured when the learned decisions were committed, rounded down;
the rules alone are measured in the same run, so the learned reading must stay ahead of them.
"""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

#: (section, name, reading) -> lowest F1 allowed.
FLOORS = {
    ("entities", "micro", "learned"): 0.69,
    ("entities", "Policy", "learned"): 0.60,
    ("entities", "Industry", "learned"): 0.67,
    ("relations", "micro", "learned"): 0.41,
    ("relations", "targets", "learned"): 0.48,
    ("relations", "issued_by", "learned"): 0.65,
}


@pytest.fixture(scope="module")
def cross_validation():
    from kg.train.cv import cross_validate

    return cross_validate(SHARED / "train", 5, 0, SHARED / "eval" / "score.py", log=lambda line: None)


def test_no_document_is_on_both_sides_and_every_fold_sees_every_kind(cross_validation):
    sources = [s for fold in cross_validation.folds for s in fold]
    assert len(sources) == len(set(sources)) == 30
    for fold in cross_validation.folds:
        assert {s.split("-")[0] for s in fold} == set("cnprw")


@pytest.mark.parametrize("key", sorted(FLOORS), ids=lambda k: "-".join(k))
def test_cross_validated_floor(cross_validation, key):
    section, name, reading = key
    assert cross_validation.reports[reading][section][name]["f1"] >= FLOORS[key]


def test_the_learned_decisions_beat_the_rules_alone(cross_validation):
    learned, rules = cross_validation.reports["learned"], cross_validation.reports["rules"]
    assert learned["relations"]["micro"]["f1"] >= rules["relations"]["micro"]["f1"] + 0.08
    assert learned["relations"]["micro"]["precision"] > rules["relations"]["micro"]["precision"]
    assert learned["entities"]["micro"]["f1"] >= rules["entities"]["micro"]["f1"]
