"""Parser of the curated outline files in ``kg/reference/curated/``.

The curated lists (named regions, state bodies, industries) are edited by people, so they use a
terse outline instead of Turtle: one entry per line, two-space indentation for the parent (the
broader concept, the superior body, the containing region), fields separated by `` | ``::

    # comment
    长江三角洲地区 | 长三角, 长三角地区, 长江三角洲 | level=grouping; members=上海市,江苏省,浙江省,安徽省
      G60科创走廊 | G60 | level=grouping; members=松江区@310117,...

Field 1 is the canonical name, field 2 the aliases (``,`` separated; ``、`` belongs to names), field 3 ``key=value``
attributes separated by ``;`` (list values separated by ``,``). ``kg.reference.compile`` turns the
outlines into the Turtle vocabularies in ``ontology/`` and the compact runtime data file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_LIST_SPLIT = re.compile(r"\s*[,，]\s*")


@dataclass
class OutlineItem:
    name: str
    aliases: list[str]
    attrs: dict[str, list[str]]
    parent: str | None = None          # name of the item one indentation level up
    line: int = 0
    children: list[str] = field(default_factory=list)

    def attr(self, name: str, default: str = "") -> str:
        values = self.attrs.get(name)
        return values[0] if values else default


def split_list(text: str) -> list[str]:
    return [part for part in _LIST_SPLIT.split(text.strip()) if part]


def parse_outline(path: Path) -> list[OutlineItem]:
    """Items of the outline file in file order; raises ``ValueError`` naming file and line."""
    items: list[OutlineItem] = []
    stack: list[tuple[int, OutlineItem]] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        fields = [f.strip() for f in raw.strip().split("|")]
        if len(fields) > 3 or not fields[0]:
            raise ValueError(f"{path.name}:{number}: expected 'name | aliases | attrs', got {raw!r}")
        attrs: dict[str, list[str]] = {}
        if len(fields) == 3 and fields[2]:
            for pair in fields[2].split(";"):
                if not pair.strip():
                    continue
                key, sep, value = pair.partition("=")
                if not sep:
                    raise ValueError(f"{path.name}:{number}: attribute without '=': {pair!r}")
                attrs[key.strip()] = split_list(value)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1] if stack else None
        item = OutlineItem(
            name=fields[0],
            aliases=split_list(fields[1]) if len(fields) > 1 else [],
            attrs=attrs,
            parent=parent.name if parent else None,
            line=number,
        )
        if parent:
            parent.children.append(item.name)
        items.append(item)
        stack.append((indent, item))
    return items
