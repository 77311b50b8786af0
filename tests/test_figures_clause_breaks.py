"""A clause's start (``_clause_start``, which looks back at most 200 characters, so that finding whether each rate
is stated as a fall is not quadratic in a document's length) is exactly what a scan from the text's start finds."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.figures import _CLAUSE_BREAK, _clause_start


def _scanned(text: str, offset: int) -> int:
    return max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, offset)), default=0)


def test_every_offset_of_texts_with_breaks_running_past_it() -> None:
    for text in ("增长5%，下降——3.1%；同比[1][2][3]回落-–--2个百分点：", "——", "[1][2]", "a--b[12]c[123][4", ""):
        assert [_clause_start(text, i) for i in range(len(text) + 1)] == [_scanned(text, i) for i in range(len(text) + 1)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="增5，,；。：\n—-[]12a", max_size=40))
def test_any_text_of_break_characters(text: str) -> None:
    assert all(_clause_start(text, i) == _scanned(text, i) for i in range(len(text) + 1))
