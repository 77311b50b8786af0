"""Floors for policy facts and stated figures (issue 16) against the hand-written gold of
tests/quality/data/policy_facts_gold.json on twenty-six ../shared/train documents (scored by
tests/quality/policy_facts_scoring.py). Measured when raised (h16b): over the sixteen of then,
number, date and period P = R = 1.0, kind and level P = 1.0, R = 0.92, targets P = 0.91, R = 0.90;
the unseen split 0.73 / 0.73; the blind split (scored blind once at 0.42 / 0.56, then developed on)
0.60 / 0.67. h16c added blind2 (two work reports, two news reports, a plan; scored blind once at
0.83 / 0.13): after its fixes targets 0.94 / 0.92 on the thirteen development documents, 0.875 /
0.56 on blind2 (25 of its 33 misses are figures of a city the recogniser does not find), 0.895 /
0.749 over all twenty-one. h16d added blind3 (three work reports, a research report, a news
report; 172 required figures, scored blind once at 0.896 / 0.849): after its fixes targets 0.988 /
0.948 on blind3, 0.930 / 0.880 on blind2, 0.818 / 1.0 on blind, 0.931 / 0.931 on the thirteen
development documents, 0.955 / 0.930 over all twenty-six (319/334/343). The floors sit a few points
below, as the entity recogniser other work changes names the figures' subjects: merged with session 5's
firm decision, blind fell to 0.727 / 0.889 (8/11/9), since n-01's 得利钟表有限公司 is no longer
found (its walk stops at 得利, a verb in jieba's dictionary) and its figure goes to 东莞市. Raise them when
quality improves."""
from __future__ import annotations

import pytest

from tests.extract_fixtures import extractor  # noqa: F401 (fixture)
from tests.quality.policy_facts_scoring import extract_all, score

FLOORS = {  # field: (precision, recall)
    "number": (0.95, 0.9), "date": (0.95, 0.9), "period": (0.95, 0.9),
    "kind": (0.95, 0.85), "level": (0.95, 0.85), "targets": (0.92, 0.9),
}
#: Targets of the development documents, and of the news, research and work-report splits, where
#: subjects are hardest: (precision, recall).
SPLIT_TARGETS = {"development": (0.9, 0.9), "unseen": (0.7, 0.7), "blind": (0.7, 0.85), "blind2": (0.9, 0.85),
                 "blind3": (0.94, 0.9)}


@pytest.fixture(scope="module")
def predictions(extractor, shared):
    return extract_all("all", extractor)


@pytest.mark.parametrize("field", list(FLOORS))
def test_precision_and_recall_floor(predictions, field):
    count = score(predictions, "all")[field]
    precision, recall = FLOORS[field]
    assert count.precision >= precision and count.recall >= recall, count.misses


@pytest.mark.parametrize("split", list(SPLIT_TARGETS))
def test_targets_on_the_development_news_research_and_report_splits(predictions, split):
    count = score(predictions, split)["targets"]
    precision, recall = SPLIT_TARGETS[split]
    assert count.precision >= precision and count.recall >= recall, count.misses


def test_a_predicted_figure_matches_a_required_gold_figure_before_an_optional_one_it_equals():
    from tests.quality.policy_facts_scoring import Count, _score_targets

    gold = [{"optional": True, "subject": ["湖北省"], "value": 50, "unit": "个", "year": 2027},
            {"subject": ["湖北省"], "value": 50, "unit": "个", "year": 2027}]
    predicted = {"entities": [], "targets": [{"subject": "湖北省", "subject_type": "Region", "indicator": "特色集群",
                                               "comparator": "=", "value": 50, "unit": "个", "year": 2027}]}
    count = Count()
    _score_targets(gold, predicted, count, "text")
    assert (count.true_positive, count.predicted, count.gold) == (1, 1, 1)


def test_a_gold_value_written_as_text_is_compared_as_written():
    """A sealed set's gold may give a ratio as text ("2.9:57.1:40.0"); the scorer read every value as a
    number and stopped with a TypeError on it (set 36)."""
    from tests.quality.policy_facts_scoring import magnitude

    assert magnitude("2.9:57.1:40.0", "") == ("2.9:57.1:40.0", "")
    assert magnitude("2.9:57.1:40.0", "") != magnitude(2.9, "")
    assert magnitude(300, "億元") == (3e10, "元")
