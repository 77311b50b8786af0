"""The lines of the source a stretch of a document's head opens (kg.extract.policy_facts._line_starts) are the
characters :func:`_starts_line` holds for, one by one: the head's readers take them from one pass over the text
and the offset map instead of a call per character."""
from __future__ import annotations

from array import array
from itertools import accumulate

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.policy_facts import _line_starts, _SourceOffsets, _starts_line
from kg.model import Document

#: Pieces of a head: its lines, line breaks, a number the normaliser may have joined to the heading.
PIECES = ["上海市人民政府", "\n", "沪府发〔2015〕24号", "关于", "的通知", " ", "\n\n"]


@st.composite
def heads(draw):
    """A text; its offset map, a step of 1 or of more where the normaliser joined a line or dropped spaces, one entry
    more than the text has characters as read (or one less or two more); a stretch of it, up to one past the text."""
    text = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=8)))
    steps = draw(st.lists(st.sampled_from([1, 1, 1, 2, 3]), min_size=len(text) + 2, max_size=len(text) + 2))
    offsets = array("q", accumulate(steps[:len(text) + draw(st.sampled_from([0, 1, 2]))]))
    begin, end = sorted(draw(st.lists(st.integers(0, len(text) + 1), min_size=2, max_size=2)))
    return text, offsets, begin, end


@given(heads())
def test_the_line_starts_of_a_stretch_are_the_characters_that_start_a_line(head):
    text, offsets, begin, end = head
    assert _line_starts(text, begin, end, offsets) == [i for i in range(begin, end) if _starts_line(text, i, offsets)]


def test_a_number_the_normaliser_joined_to_the_heading_opens_a_line_of_the_source():
    text = "上海市人民政府\n沪府发〔2015〕24号上海市人民政府关于印发的通知\n"
    joined = text.index("上海市人民政府关于")
    offsets = array("q", [i + (1 if i >= joined else 0) for i in range(len(text) + 1)])  # the source's break dropped
    assert _line_starts(text, 0, len(text) + 1, offsets) == [0, text.index("沪"), joined, len(text)]
    assert _line_starts(text, 1, joined, offsets) == [text.index("沪")]
    assert _line_starts(text, joined + 1, len(text), offsets) == []


def test_a_dropped_gloss_is_no_line_of_the_source():
    text = "重庆市人民政府关于印发的通知"
    gloss, joined = text.index("人"), text.index("关")  # 重庆市(chóng qìng shì)|人民政府, 人民政府|(line break)关于
    offsets = array("q", accumulate([0, *(1 + 20 * (i == gloss) + (i == joined) for i in range(1, len(text) + 1))]))
    document = Document(source="a.txt", path="/a.txt", sha256="", encoding="utf-8", media_type="text/plain",
                        title="", text=text, offset_map=offsets, dropped_glosses=array("q", [gloss]), dropped_gloss_lengths=array("q", [20]))
    source = _SourceOffsets(document)
    assert _line_starts(text, 0, len(text), source) == [i for i in range(len(text)) if _starts_line(text, i, source)]
    assert _line_starts(text, 0, len(text), source) == [0, joined]
    assert _line_starts(text, 0, len(text), offsets) == [0, gloss, joined]
