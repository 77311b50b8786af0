"""The sample corpus in ../shared (newspaper pages and a bulletin extracted from PDF): every file
reads into a full document, its PDF artefacts are repaired, offsets stay exact, and the linking
test set (tests/data/linking) quotes it word for word."""
from __future__ import annotations

import re

import pytest
from ingest_fixtures import assert_offsets_exact, count_round_tripped_mentions, normalised_files, squash
from link_fixtures import load_cases

from kg.ingest import read_document
from kg.ingest.normalise import is_cjk

CJK_SPACE_CJK = re.compile(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def normalised_corpus(shared_corpus_files) -> list[tuple[str, str, list[int]]]:  # type: ignore[no-untyped-def]
    return normalised_files(shared_corpus_files)


def test_every_corpus_file_reads_into_a_full_document(shared_corpus_files) -> None:  # type: ignore[no-untyped-def]
    for path in shared_corpus_files:
        doc = read_document(path)
        raw = path.read_text(encoding="utf-8")
        assert doc.encoding == "utf-8" and doc.media_type == "text/plain"
        assert_offsets_exact(raw, doc.text, doc.offset_map)
        for sentence in doc.sentences:
            source = raw[doc.to_source_offset(sentence.start):doc.to_source_offset(sentence.end)]
            assert squash(source).startswith(squash(sentence.text)[:1])
        assert len(doc.sentences) > 100


def test_corpus_titles_are_the_first_headings(shared_corpus_files) -> None:  # type: ignore[no-untyped-def]
    titles = [read_document(path).title for path in shared_corpus_files]
    assert titles == [
        "从“急难愁盼”中找准改革发力点",
        "长三角观察",
        "推动科技创新和产业创新融合 赋能新质生产力",
        "“一圈一策”更要“圈圈相融”",
    ]


def test_corpus_has_no_space_between_chinese_characters_left(normalised_corpus) -> None:  # type: ignore[no-untyped-def]
    for raw, text, _ in normalised_corpus:
        assert CJK_SPACE_CJK.search(raw), "the corpus file was expected to show the artefact"
        # Only spaces between two multi-character words remain (李国正 刘亚杉), never a
        # space next to a single character as in a letter-spaced run.
        for match in CJK_SPACE_CJK.finditer(text):
            start, end = match.span()
            assert start > 0 and is_cjk(text[start - 1]) and end < len(text) and is_cjk(text[end]), (
                text[max(start - 5, 0):end + 5]
            )


def test_corpus_has_no_midline_ellipsis_fullwidth_digits_or_doubled_headings(normalised_corpus) -> None:  # type: ignore[no-untyped-def]
    texts = "\n".join(text for _, text, _ in normalised_corpus)
    assert "⋯" not in texts
    assert not re.search(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]", texts)
    assert "王王" not in texts and "新华社发新华社发" not in texts and "（（" not in texts
    assert "王鹏作（新华社发）" in texts
    assert "实实在在" in texts  # a real repeat survives


def test_corpus_offset_maps_are_exact(normalised_corpus) -> None:  # type: ignore[no-untyped-def]
    for raw, text, offset_map in normalised_corpus:
        assert_offsets_exact(raw, text, offset_map)


def test_corpus_mention_spans_round_trip(normalised_corpus) -> None:  # type: ignore[no-untyped-def]
    assert count_round_tripped_mentions(normalised_corpus) > 500


def test_corpus_broken_names_are_repaired(normalised_corpus) -> None:  # type: ignore[no-untyped-def]
    text_000, text_003 = normalised_corpus[0][1], normalised_corpus[3][1]
    assert "《关于公布首批车网互动规模化应用试点的通知》" in text_000
    assert "《长三角科技创新共同体建设发展规划》" in text_000
    assert "《关于推进绿色低碳转型加强全国碳市场建设的意见》" in text_003
    assert "广东省绿电交易量同比增长超过60%……当前" in text_003


def test_the_linking_test_set_quotes_the_corpus(shared_corpus_files):
    cases = load_cases()
    texts = {p.name[:3]: re.sub(r"\s+", "", p.read_text(encoding="utf-8")) for p in shared_corpus_files}
    quoted = [c for c in cases["store"] + cases["queries"] if c["source"] and c["evidence"]]
    assert len(quoted) >= 60
    for case in quoted:
        assert re.sub(r"\s+", "", case["evidence"]) in texts[case["source"]], case
    confusables = [q for q in cases["queries"] if q["expect"] is None]
    assert len(confusables) >= 20 and len(cases["queries"]) - len(confusables) >= 50
