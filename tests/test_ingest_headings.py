"""The numbered-heading patterns of kg.ingest.headings: what each stage takes as a numbered item."""
from __future__ import annotations

import pytest

from kg.ingest.headings import NUMBERED_LINE, NUMBERED_POINT, SECTION_HEADING


@pytest.mark.parametrize("text", ["一、基本情况", "（二）发展目标", "4.加强组织", "5、完善政策", "十二、附则"])
def test_every_stage_takes_the_common_items(text):
    assert NUMBERED_LINE.match(text) and SECTION_HEADING.match(text) and NUMBERED_POINT.match(text)


@pytest.mark.parametrize("text", ["1.5倍于上年", "2025年达到", "一是加强组织", "第三方机构"])
def test_numbers_and_prose_are_no_items(text):
    assert not (NUMBERED_LINE.match(text) or SECTION_HEADING.match(text) or NUMBERED_POINT.match(text))


@pytest.mark.parametrize("text, line, section, point", [
    ("(1)提高专利保护意识", False, True, True),  # printed items: the normaliser keeps its line joins
    ("1﹒推进工业互联网外网建设", False, True, True),
    ("第三章 产业布局", True, True, False),
    ("第二部分 主要任务", True, False, False),
    ("第七条 实验区应当", False, True, False),
    ("第一节 加快发展先进制造业", True, True, False),  # a national plan's section speaks for the country
    ("第一，加快发展", False, False, True),
])
def test_the_stages_differ_in_printed_items_and_ordinals(text, line, section, point):
    assert (bool(NUMBERED_LINE.match(text)), bool(SECTION_HEADING.match(text)), bool(NUMBERED_POINT.match(text))) \
        == (line, section, point)
