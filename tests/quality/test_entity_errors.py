"""bench.entity_errors says at which stage an entity was missed or why one was invented, with the
annotators' scorer's matching, on short texts of the kind the training documents hold."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench.entity_errors import why_invented, why_missed
from tests.extract_fixtures import extractor, make_document  # noqa: F401 (fixture)


@pytest.fixture(scope="module")
def score(scorer: Path):
    from kg.extract.evaluate import load_scorer

    return load_scorer(scorer)


def missed(extractor, score, text: str, etype: str, name: str) -> str:
    draft = extractor.draft(make_document(text))
    return why_missed({"type": etype, "name": name, "aliases": []}, text, draft.extraction.entities,
                      extractor.rule_candidates(text), score)


def test_a_missed_entity_is_put_at_the_stage_that_lost_it(extractor, score):
    text = "培育船舶配套产业链优势企业。发挥香港影视人才优势。华为在深圳设立研发中心。"
    assert missed(extractor, score, text, "Industry", "船舶配套") == "boundary"  # 船舶 proposed
    assert missed(extractor, score, text, "Industry", "影视") == "unproposed"
    assert missed(extractor, score, text, "Industry", "华为") == "type"  # proposed as a firm
    assert missed(extractor, score, text, "Industry", "新能源汽车") == "not as named"
    assert missed(extractor, score, text, "Enterprise", "华为") == "decided low"  # found, so lost later


def test_an_invented_entity_is_told_apart_from_a_cut_or_a_mistyped_one(score):
    gold = [{"type": "Industry", "name": "北斗卫星应用", "aliases": []},
            {"type": "Enterprise", "name": "华为", "aliases": []}]
    assert why_invented({"type": "Industry", "name": "北斗", "aliases": []}, gold, score) == "boundary"
    assert why_invented({"type": "Industry", "name": "华为", "aliases": []}, gold, score) == "type"
    assert why_invented({"type": "Industry", "name": "影视", "aliases": []}, gold, score) == "no gold entity"
