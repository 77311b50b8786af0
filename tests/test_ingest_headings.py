"""The numbered-heading patterns of kg.ingest.headings: what each stage takes as a numbered item,
how far out a heading is, and the year a heading line names."""
from __future__ import annotations

import pytest

from kg.ingest.headings import NUMBERED_LINE, NUMBERED_POINT, SECTION_HEADING, heading_rank, year_heading


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


@pytest.mark.parametrize("text, named", [
    ("三、2025年主要工作", (2025, "target")),
    ("二、2024年主要任务", (2024, "target")),
    ("2023年工作回顾", (2023, "reported")),
    ("一、2023年主要工作和“十四五”中期进展", (2023, "reported")),  # a review word wins
    ("（二）2021年重点任务", (2021, "target")),
    ("二、2024年经济社会发展总体要求和主要目标", (2024, "target")),  # a long topic before its word
    ("三、全力做好2021年工作", (2021, "target")),  # the year after what the section asks to do
    ("二、坚持科学发展，切实抓好2007年的各项工作", (2007, "target")),  # after a motto
    ("一、2022年工作回顾过去一年，面对复杂环境，全县经济稳中有进。", (2022, "reported")),  # run into its paragraph
    ("二、2023年工作安排今年是全面贯彻党的二十大精神的开局之年。", (2023, "target")),
    ("一、2022年全县地区生产总值增长5%。", None),  # an item, no heading
    ("2026年青海省政府工作报告", None),  # the report's title: its sections have their own years
    ("2018年：铆足干劲抓落实", (2018, None)),  # a slogan: the document's later headings tell review from plan
    ("2025年将开启光伏产业“黄金十年”", None),  # a headline, no section's year
    ("2023年是我市爬坡过坎的一年。", None),
    ("到2025年，全省数字经济规模达到6万亿元", None),
])
def test_a_heading_line_naming_the_year_of_its_section(text, named):
    assert year_heading(text) == named


@pytest.mark.parametrize("outer, inner", [("第三章 产业布局", "第一节 先进制造业"), ("第一节 先进制造业", "三、2025年主要工作"),
                                          ("三、2025年主要工作", "（一）扩大有效投资"), ("（一）扩大有效投资", "1.加强组织"),
                                          ("1.加强组织", "(1)提高专利保护意识"), ("2023年工作回顾", "一、经济平稳增长")])
def test_heading_ranks_go_from_chapters_in_to_printed_items(outer, inner):
    assert heading_rank(outer) < heading_rank(inner)
