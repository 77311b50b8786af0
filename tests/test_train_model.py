"""The name tagger: generated training data, `kg train`, decoding, and the rules' precedence."""
from __future__ import annotations

import numpy
import pytest
from click.testing import CliRunner

from kg.extract.candidates import Candidate
from kg.config import NER_MODEL_DIR
from kg.extract.ner import TaggerScores, decode, load_tagger, unique_rows
from kg.train.generate import Sample, SentenceGenerator, WeakLabeller, generate, iter_bio
from kg.train.trainer import TrainSettings, segment, train

LABELS = ("B-ENT", "B-IND", "I-ENT", "I-IND", "O")


def test_generation_is_reproducible_and_labels_lie_on_the_text():
    first = generate(seed=11, count=40, weak_labels=False)
    again = generate(seed=11, count=40, weak_labels=False)
    other = generate(seed=12, count=40, weak_labels=False)
    assert [(s.text, s.spans) for s in first] == [(s.text, s.spans) for s in again]
    assert [s.text for s in first] != [s.text for s in other]
    labels = {label for s in first for _, _, label in s.entities()}
    assert {"ENT", "IND", "LOC", "ORG"} <= labels
    for sample in first:
        for start, end, _ in sample.spans:
            assert 0 <= start < end <= len(sample.text)
            assert sample.text[start:end].strip()


def test_composed_firm_names_end_in_a_legal_form():
    generator = SentenceGenerator(seed=5)
    names = [generator.vocab.company() for _ in range(50)]
    assert all(name.endswith(("公司", "集团")) for name in names)
    assert len(set(names)) == 50  # composed, not drawn from a list


def test_weak_labels_name_the_fixed_prose_and_never_override_a_slot():
    text = "江苏省人民政府支持瑞芯达科技发展，推动集成电路产业集群建设。"
    slot = (text.index("瑞芯达科技"), text.index("瑞芯达科技") + 5, "ENT")
    sample = Sample(text, [slot])
    WeakLabeller().label([sample])
    found = {text[s:e]: label for s, e, label in sample.spans}
    assert found["瑞芯达科技"] == "ENT"
    assert found["江苏省人民政府"] == "ORG"
    assert found["集成电路"] == "IND"  # the marker 产业 stays outside the sector's span


def test_bio_tags_follow_jieba_words_and_skip_names_cut_inside_a_word():
    sample = Sample("龙头企业宁德时代发布新品", [(4, 8, "ENT")])
    words = segment(sample.text)
    tags = list(iter_bio(sample, words))
    tagged = [w for w, t in zip(words, tags) if t and t != "O"]
    assert "".join(tagged) == "宁德时代" and tags[words.index(tagged[0])] == "B-ENT"
    cut = Sample("龙头企业宁德时代发布新品", [(5, 8, "ENT")])  # 德时代: starts inside a word
    assert None in iter_bio(cut, words)


def test_decode_turns_scores_into_spans_with_their_lowest_probability():
    # tokens: B-ENT I-ENT O I-IND(no B before it) O
    logits = numpy.full((5, len(LABELS)), -4.0, dtype="f")
    for i, label in enumerate(("B-ENT", "I-ENT", "O", "I-IND", "O")):
        logits[i, LABELS.index(label)] = 4.0
    logits[1, LABELS.index("I-ENT")] = 1.0  # a less certain continuation
    spans = decode(logits, LABELS)
    assert [(s, e, label) for s, e, label, _ in spans] == [(0, 2, "ENT"), (3, 4, "IND")]
    assert spans[0][3] < spans[1][3] < 1.0


def test_the_rules_keep_precedence_over_proposals():
    from kg.extract.ner import _may_cover

    place = Candidate(0, 2, "Region", "宁德市", source="gazetteer")
    firm_suffix = Candidate(4, 10, "Enterprise", "材料有限公司", source="suffix:有限公司")
    firm = "宁德时代新材料有限公司"
    assert _may_cover(firm, "Enterprise", 0, 4, [place])  # 宁德|时代: a firm named after its place
    assert _may_cover(firm, "Enterprise", 0, 10, [firm_suffix])  # the suffix rule's left edge extended
    assert not _may_cover(firm, "Enterprise", 1, 4, [place])  # crossing a place the rules found
    assert not _may_cover(firm, "Enterprise", 4, 10, [firm_suffix])  # the rules' own name stays theirs
    assert not _may_cover(firm, "Enterprise", 0, 4, [Candidate(0, 4, "Organization", "某局", source="local_body")])
    sector = Candidate(0, 2, "Industry", "航空", source="gazetteer")
    assert _may_cover("航空材料", "Industry", 0, 4, [sector])  # 航空 → 航空材料
    assert not _may_cover("航空产品", "Industry", 0, 4, [sector])  # a generic tail adds nothing
    assert not _may_cover("航空材料", "Industry", 0, 4, [place])  # a sector does not swallow a place
    inner = Candidate(2, 4, "Industry", "储能", source="gazetteer")
    assert _may_cover("先进储能", "Industry", 0, 4, [inner])  # 储能 → 先进储能


def test_a_rank_or_a_verb_before_a_firm_word_names_no_firm():
    import jieba

    from kg.extract.ner import _firm_shaped

    for name, firm in (("第一动力", False), ("创新动力", False), ("电池动力", False), ("四是科技", False), ("潍柴动力", True),
                       ("汉江智能", True), ("海默科技", True)):
        assert _firm_shaped(name, jieba.lcut(name, HMM=False), "，") is firm, name
    assert not _firm_shaped("四是科技", ["四是", "科技"], "。")  # the enumeration's copula, glued to its numeral


def _tiny(seed: int) -> TrainSettings:
    return TrainSettings(seed=seed, sentences=150, dev_sentences=30, epochs=2, width=16,
                         rows=(500, 200, 200, 50, 100))


def test_training_is_reproducible_and_the_model_loads_and_tags(tmp_path):
    first = train(tmp_path / "a", _tiny(3), log=lambda line: None)
    second = train(tmp_path / "b", _tiny(3), log=lambda line: None)
    weights = [(tmp_path / name / "tagger" / "model").read_bytes() for name in ("a", "b")]
    assert weights[0] == weights[1]
    assert first.dev_scores == second.dev_scores and len(first.dev_scores) == 2
    model, labels = load_tagger(str(tmp_path / "a"))
    assert {"B-ENT", "I-IND", "O"} <= set(labels)
    from kg.extract.pipeline import build_pipeline

    doc = build_pipeline(ner=False).make_doc("龙头企业鼎芯微电子加快布局航空材料。")
    scores = model.predict([doc])[0]
    assert scores.shape == (len(doc), len(labels))
    assert all(0 <= s < e <= len(doc) for s, e, _, _ in decode(scores, labels))


def test_the_shipped_tagger_scores_a_doc_in_parts_as_it_scores_it_whole():
    """The embedding once per distinct token and the window layers on windows of a few tokens,
    each read with the neighbours its windows see, give every token the scores it gets from the
    whole Doc, to the bit; windows without those neighbours do not."""
    from kg.extract.pipeline import build_pipeline

    model, _ = load_tagger(str(NER_MODEL_DIR))
    doc = build_pipeline(ner=False).make_doc("2023年，宁德时代新能源科技股份有限公司在江苏省溧阳市投资建设动力电池生产基地，"
                                             "龙头企业鼎芯微电子加快布局航空材料，宁德时代在溧阳市的基地投产。")
    whole = model.predict([doc])[0]
    scores = TaggerScores(model, window=5)
    assert scores.context == 1 and len(doc) > 3 * scores.window
    assert len({t.text for t in doc}) < len(doc)  # repeated tokens: their embedding is computed once
    assert numpy.array_equal(scores(doc), whole)
    scores.context = 0
    assert not numpy.array_equal(scores(doc), whole)


def test_the_shipped_tagger_scores_later_documents_from_the_rows_it_has_embedded():
    """A document's rows of lexical features that an earlier one had take the vectors kept from it, and
    its scores are still those of the whole Doc, to the bit, also when the store of rows begins again."""
    from kg.extract.pipeline import build_pipeline

    model, _ = load_tagger(str(NER_MODEL_DIR))
    nlp = build_pipeline(ner=False)
    first = nlp.make_doc("宁德时代新能源科技股份有限公司在江苏省溧阳市投资建设动力电池生产基地。")
    second = nlp.make_doc("龙头企业鼎芯微电子在江苏省溧阳市投资建设航空材料生产基地，宁德时代参股。")
    for limit in (1000, 30):  # all rows kept; too few kept for the two documents' rows
        scores = TaggerScores(model, window=5)
        scores.embedding.limit = limit
        assert numpy.array_equal(scores(first), model.predict([first])[0])
        scores.embedding.embedding = counted = _CountedRows(scores.embedding.embedding)
        assert numpy.array_equal(scores(second), model.predict([second])[0])
        distinct = len(unique_rows(scores.features.predict([second])[0])[0])
        assert counted.rows < distinct if limit == 1000 else counted.rows == distinct


class _CountedRows:
    """An embedding that counts the rows it is given."""

    def __init__(self, model):
        self.model, self.rows = model, 0

    def predict(self, batch):
        self.rows += len(batch[0])
        return self.model.predict(batch)


def test_kg_train_command_writes_a_model(tmp_path):
    from kg.cli import cli

    out = tmp_path / "model"
    result = CliRunner().invoke(cli, ["train", "--out", str(out), "--sentences", "60", "--epochs", "1"])
    assert result.exit_code == 0, result.output
    assert (out / "config.cfg").is_file() and (out / "tagger" / "model").is_file()
    assert "kg_training" in (out / "meta.json").read_text(encoding="utf-8")


def test_kg_train_refuses_a_file_as_output(tmp_path):
    from kg.cli import cli

    target = tmp_path / "model"
    target.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", "--out", str(target), "--sentences", "60"])
    assert result.exit_code == 1  # a usage error, one line, before any data is generated
    assert "is a file" in result.stderr and result.stderr.count("\n") == 1
    assert target.read_text(encoding="utf-8") == "not a folder"


def test_a_missing_model_is_a_clear_error(tmp_path):
    from kg.errors import KgError

    with pytest.raises(KgError, match="kg train"):
        load_tagger(str(tmp_path / "nothing-here"))


def test_a_task_verb_and_its_result_before_a_firm_word_names_no_firm():
    from kg.extract.ner import _firm_shaped

    for name, words, firm in (("抓实能源", ["抓实", "能源"], False), ("做优材料", ["做优", "材料"], False),
                              ("立讯精密", ["立讯", "精密"], True), ("晶科能源", ["晶科", "能源"], True)):
        assert _firm_shaped(name, words, "\n") is firm, name
