"""Whether a policy's title stands alone on its line (relation_model._title_line, which splits a document that
is several policies into their own parts) answers what reading back to the line's start first answered; it
looks at the line's end first, so a line citing one title thousands of times is not read back per use."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.relation_model import _TITLE_LEAD, _TITLE_TAIL, _title_line

TITLE = "江苏省数字经济促进条例"
PIECES = [TITLE, "《", "》", "“", "”", "\n", " ", "\u3000", "关于印发", "的通知", "，"]


def old_title_line(text: str, start: int, end: int) -> bool:
    """The definition: the words from the line's start are only quotes, brackets and spaces, and so are those
    to its end."""
    return bool(_TITLE_LEAD.fullmatch(text[text.rfind("\n", 0, start) + 1:start]) and _TITLE_TAIL.match(text, end))


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_a_title_line_is_found_as_reading_back_to_the_lines_start_found_it(text):
    for use in re.finditer(TITLE, text):
        assert _title_line(text, use.start(), use.end()) == old_title_line(text, use.start(), use.end())


def test_the_title_over_a_policys_part_and_one_cited_in_a_sentence():
    text = f"关于印发两个条例的通知\n《{TITLE}》\n第一条 …\n根据《{TITLE}》《{TITLE}》制定"
    uses = [m.start() for m in re.finditer(TITLE, text)]
    assert [_title_line(text, start, start + len(TITLE)) for start in uses] == [True, False, False]
