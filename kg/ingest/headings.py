"""Numbered headings and list items: 一、 （二） 4. 5、 (1) 6﹒ 第三章 第七条 第一，

The stages that ask whether a line or sentence opens a numbered section share the numbered item
and differ only in the 第N… forms they take and in whether (1) and 6﹒ count:
- the normaliser starts a new line at 一、 （二） 4. 5、 第三章 第二部分 (not yet at (1) or 6﹒:
  that would move the offsets every gold annotation and the shipped classifier were made on);
- the figures end the year a 到2025年 opened at a new chapter, section or article (第七条), and
  the year a heading names (二、2024年主要任务) at a heading of its rank or above: （一） stays in it;
- the relation rules take an ordinal point (第一，) as a heading, but not 第一节: a section heading
  of a national plan still speaks for the country (中国 develops 先进制造业).
1.5 is a number, not an item.
"""
from __future__ import annotations

import re

_NUMERAL = "[一二三四五六七八九十]"
#: 一、 （二） 4. 5、
_ITEM = rf"（{_NUMERAL}+）|{_NUMERAL}+、|\d{{1,2}}(?:、|[.．](?!\d))"
#: (1) （2） (三) 3﹒ 4 . as PDF texts print them.
_PRINTED_ITEM = rf"[（(](?:{_NUMERAL}|\d)+[）)]|\d{{1,2}}\s*(?:[、﹒]|[.．](?!\d))"


def _numbered(ordinal_ends: str, printed_items: bool = True) -> re.Pattern[str]:
    items = f"{_ITEM}|{_PRINTED_ITEM}" if printed_items else _ITEM
    return re.compile(rf"\s*(?:{items}|第(?:{_NUMERAL}|百)+(?:{ordinal_ends}))")


#: A line the normaliser starts anew.
NUMBERED_LINE = _numbered("[章节]|部分", printed_items=False)
#: A sentence opening a new section of a plan.
SECTION_HEADING = _numbered("[章节条]")
#: A numbered point (（三）做强中药制造, 二、重点任务, 第一，): it opens a section, it continues no sentence.
NUMBERED_POINT = _numbered("[，,、]")


#: Heading forms from the outermost in: 第一章/第一部分, 第一节, 一、, （一）, 1. 1、, (1) 1﹒.
_RANKS = (re.compile(rf"\s*第(?:{_NUMERAL}|百)+(?:章|部分)"), re.compile(rf"\s*第(?:{_NUMERAL}|百)+节"),
          re.compile(rf"\s*{_NUMERAL}+、"), re.compile(rf"\s*（{_NUMERAL}+）"),
          re.compile(r"\s*\d{1,2}(?:、|[.．](?!\d))"), re.compile(_PRINTED_ITEM))
#: Words of a heading whose figures are reported values, not targets.
_REVIEW = "回顾|成就|成绩|总结|情况|进展"
#: A heading line naming the year its section speaks of, as work reports have them: 二、2024年主要任务,
#: 2023年工作回顾, 一、2023年主要工作和“十四五”中期进展, 三、全力做好2021年工作, also after a motto
#: (二、坚持科学发展，切实抓好2007年的各项工作), also after the plan period ending with that year (一、“十四五”时期和
#: 2025年工作回顾: the period's end levels are the year's), also after a long topic (二、2024年经济社会发展总体要求和
#: 主要目标) (not a headline: 2025年将开启…“黄金十年”; nor the
#: report's title, 2026年甘肃省政府工作报告, whose sections have their own years).
YEAR_HEADING = re.compile(rf"\s*(?:{_ITEM}|{_PRINTED_ITEM})?\s*"
                          r"(?:(?:[\u4e00-\u9fff“”]{2,12}[，,])?[\u4e00-\u9fff]{0,2}(?:做好|抓好|关于)"
                          r"|[“\"]?十[一二三四五]五[”\"]?(?:时期|期间)?[\u4e00-\u9fff]{0,4}?[和及与、])?"
                          r"((?:19|20)\d{2})\s*年(?![\d月])"
                          r"(?=[^，,。；;：:！？\n]{0,20}$)[^，,。；;：:！？\n]{0,16}?"
                          rf"(?:工作|任务|目标|计划|安排|重点|打算|要点|{_REVIEW})(?!报告)")
#: A work report's year heading run into the paragraph after it, where the page lost the line break
#: (一、2018年工作回顾过去一年，面对…): only a heading's own words after the year, and the span it
#: reviews with that year (一、2021年和本届政府工作回顾2021年，是…); unnumbered, a review heading only
#: when the paragraph after it opens with its year (2023年工作回顾2023年是…: no sentence says that).
_RUN_IN_REVIEW = r"\s*年\s*(?:工作回顾|工作总结)\s*(?:19|20)\d{2}\s*年"
RUN_IN_YEAR_HEADING = re.compile(rf"\s*(?:{_ITEM}|(?=(?:19|20)\d{{2}}{_RUN_IN_REVIEW}))"
                                 rf"\s*((?:19|20)\d{{2}})\s*年\s*(?:[和及与][\u4e00-\u9fff]{{1,6}}?)?"
                                 r"(?:的)?(?:主要)?"
                                 r"(?:工作回顾|工作总结|工作安排|工作任务|主要任务|重点工作|重点任务)")
#: A heading line naming its year before a colon and a slogan, as some work reports title their review
#: and their plan (2018年：铆足干劲抓落实, 2019年：砥砺前行开新局): no word of it says which the section is.
YEAR_SLOGAN = re.compile(rf"\s*(?:{_ITEM}|{_PRINTED_ITEM})?\s*((?:19|20)\d{{2}})\s*年\s*[：:]"
                         r"\s*[\u4e00-\u9fff“”]{2,16}\s*$")


def heading_rank(text: str) -> int:
    """How far out a heading is: 0 for 第一章 … 5 for (1); -1 for an unnumbered line (or an
    article, 第七条), which no numbered heading ends."""
    return next((rank for rank, form in enumerate(_RANKS) if form.match(text)), -1)


def year_heading(text: str) -> tuple[int, str | None] | None:
    """The year a heading line names and what its figures are: targets under 2024年主要任务,
    reported values under 2023年工作回顾 (a review word wins: 2023年主要工作和…中期进展); None for
    what they are under a slogan (2018年：铆足干劲抓落实), which only the document's other headings tell."""
    slogan = YEAR_SLOGAN.match(text)
    if slogan is not None:
        return int(slogan.group(1)), None
    match = YEAR_HEADING.match(text) or RUN_IN_YEAR_HEADING.match(text)
    if match is None:
        return None
    # a heading line says which it is anywhere after its year; a run-in heading only in its own words
    words = text[match.start(1):] if match.re is YEAR_HEADING else text[match.start(1):match.end()]
    return int(match.group(1)), "reported" if re.search(_REVIEW, words) else "target"
