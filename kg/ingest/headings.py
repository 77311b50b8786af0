"""Numbered headings and list items: 一、 （二） 4. 5、 (1) 6﹒ 第三章 第七条 第一，

The stages that ask whether a line or sentence opens a numbered section share the numbered item
and differ only in the 第N… forms they take and in whether (1) and 6﹒ count:
- the normaliser starts a new line at 一、 （二） 4. 5、 第三章 第二部分 (not yet at (1) or 6﹒:
  that would move the offsets every gold annotation and the shipped classifier were made on);
- the figures end the year a 到2025年 opened at a new chapter, section or article (第七条);
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
