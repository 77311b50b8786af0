"""The shipped name tagger in the extraction pipeline: it loads in place, names a firm and a sector
no list holds, and leaves the rules' own names alone. Its floor on the held-out documents
(tests/data/heldout, scored with the annotators' scorer) is in tests/quality/test_train_heldout_floor.py.
"""
from __future__ import annotations

import pytest

from tests.extract_fixtures import extractors, make_document  # noqa: F401 (fixture)

pytestmark = pytest.mark.xdist_group("heldout")


def test_the_shipped_model_loads_into_the_pipeline(extractors):
    with_model, _ = extractors
    assert "kg_ner" in with_model.nlp.pipe_names
    assert with_model.nlp.pipe_names.index("kg_ner") == with_model.nlp.pipe_names.index("kg_resolve") - 1


def test_the_tagger_names_a_firm_and_a_sector_no_list_holds(extractors):
    with_model, rules_only = extractors
    text = "在无锡，龙头企业澜芯微电子加快扩产，并推动航空材料、低空运营服务等领域协同发展。"
    found = {(e.type, e.name) for e in with_model.extract(make_document(text)).entities}
    rules = {(e.type, e.name) for e in rules_only.extract(make_document(text)).entities}
    assert {("Enterprise", "澜芯微电子"), ("Industry", "低空运营服务")} <= found
    assert ("Enterprise", "澜芯微电子") not in rules  # an invented brand: no list, no legal form


def test_the_rules_keep_their_names(extractors):
    with_model, rules_only = extractors
    text = "江苏省人民政府印发《江苏省集成电路产业发展规划》，支持南京市发展集成电路产业。"
    assert {(e.type, e.name) for e in with_model.extract(make_document(text)).entities} == \
        {(e.type, e.name) for e in rules_only.extract(make_document(text)).entities}
