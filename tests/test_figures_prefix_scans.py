"""What a stated figure asks of the words before it, answered once per sentence (kg.extract.prefix_matches and
figures' _SentenceScans, _closes_with), is what scanning those words anew per value answers: a sentence may hold
thousands of values (全市生产总值增长5.6%， repeated to 60k characters took 27 CPU-s in kg extract)."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.figures import (
    _CAPACITY, _CLAUSE_BREAK, _PASSED_BY_A_COUNT, _RANGE_END, _YEARISH, _closes_with, _framing_years, _sentence_scans,
    _year)
from kg.extract.prefix_matches import PrefixMatches

#: Pieces of the sentences that state figures, with the clause breaks and the years the rules look for.
PIECES = ["全市生产总值增长", "5.6%", "，", "；", "。", "——", "—", "--", "-", "[1]", "[2]", "[", "]", "12", "3", "\n", " ",
          "2023年", "2023", "年", "去年", "今年", "明年", "目前", "已累计", "未来三年", "今后两年", "截至2024年2月29日", "由",
          "从2020年的", "提升至", "预计", "力争到2025年", "上半年", "1-11月", "年产", "日产", "3个", "家", "超过", "过",
          "突破", "至", "到", "每", "前", "1Q25", "2H24", "2026E", "Q", "E"]
sentence = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


@given(sentence, st.integers(0, 120))
def test_the_last_clause_break_before_a_value_is_the_one_a_scan_of_the_words_before_finds(text, end):
    end = min(end, len(text))
    scanned = max((m.end() for m in _CLAUSE_BREAK.finditer(text[:end])), default=0)
    assert PrefixMatches(_CLAUSE_BREAK, text).last_end(end) == scanned


def test_a_bracketed_note_cut_by_the_value_and_a_dash_cut_in_two():
    text = "增长5.6%[1][2]——其中"
    index = PrefixMatches(_CLAUSE_BREAK, text)
    assert index.last_end(text.index("[2]") + 3) == text.index("[2]") + 3  # [1][2] up to there
    assert index.last_end(text.index("[2]") + 1) == text.index("[2]")  # [1] alone: [2 is cut
    assert index.last_end(text.index("——") + 1) == text.index("——")  # — alone breaks nothing


@given(sentence, st.integers(0, 120), st.integers(0, 120), st.sampled_from([None, 2024]))
def test_a_sentence_naming_no_year_gives_no_value_a_year(text, end, clause_start, issued):
    if _YEARISH.search(text) is not None:
        return
    before = text[:min(end, len(text))]
    clause_start = min(clause_start, len(before))
    assert _sentence_scans(text).yearless
    assert _year(_framing_years(before, clause_start), issued) == (None, "target")
    assert _year(before[clause_start:], issued) == (None, "target")


def test_a_year_of_any_kind_is_seen():
    for text in ["2023年，全市生产总值增长5.6%", "去年全市生产总值增长5.6%", "未来三年，全市生产总值增长5.6%",
                 "今后两年，全市生产总值年均增长5%", "截至2024年2月29日，总股本3.61亿股", "经纪业务 - 1Q25实现收入12.3亿",
                 "盈利预测 - 2026E营业收入480.5亿元", "总资产:2024年1,313,154,265.85元,2023年631,586,182.24元"]:
        assert not _sentence_scans(text).yearless
    assert _sentence_scans("全市生产总值增长5.6%，全市生产总值增长5.6%").yearless


@given(sentence)
def test_patterns_anchored_at_the_end_are_searched_only_where_they_can_match(before):
    assert bool(_closes_with(before, ("过", "突破")) and _PASSED_BY_A_COUNT.search(before)) \
        == bool(_PASSED_BY_A_COUNT.search(before))
    assert bool(_closes_with(before, ("日产", "月产", "年产")) and _CAPACITY.search(before)) == bool(_CAPACITY.search(before))
    assert bool(before.rstrip().endswith(("至", "到")) and _RANGE_END.search(before)) == bool(_RANGE_END.search(before))


def test_a_count_passing_a_bar_before_a_line_break():
    assert _closes_with("共有3个超过\n", ("过", "突破")) and _PASSED_BY_A_COUNT.search("共有3个超过\n")
    assert not _closes_with("共有3个超过。", ("过", "突破"))
    assert not re.search(_PASSED_BY_A_COUNT, "共有3个超过。")
