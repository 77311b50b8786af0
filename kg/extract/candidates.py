"""Character-level entity candidates and the overlap resolution between them.

Candidates live at character level (``Doc._.kg_candidates``) rather than as spaCy spans because
jieba's token boundaries often cut names apart (沙河玻璃 → 沙河玻 / 璃); tokens only serve as
evidence for where a name may start or end.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from kg.extract.lexicon import TRADE_BODY_SUFFIXES

#: When two candidates of the name layer overlap with equal length, the lower number wins.
TYPE_PRIORITY = {"Organization": 0, "Enterprise": 1, "Region": 2, "Industry": 3, "Policy": 4}


@dataclass(slots=True)  # a long document holds millions: no __dict__ each
class Candidate:
    start: int
    end: int
    type: str
    name: str  # canonical name proposed by the recogniser
    key: str = ""  # reference key when resolved, else ""
    source: str = ""  # recogniser that proposed it, for auditing
    confidence: float = 0.8
    ref: Any = None  # the reference entry, when resolved
    nested: bool = False  # kept although inside a longer name (region inside an organisation name)
    context: bool = False  # the text frames it as what its type claims (产业/企业 after a sector word)
    attributes: dict[str, str] | None = None  # a policy title's date; None, not an empty dict each, elsewhere

    @property
    def length(self) -> int:
        return self.end - self.start

    def inside(self, other: "Candidate") -> bool:
        """Strictly inside: within ``other`` and shorter."""
        return other.start <= self.start and self.end <= other.end and self.length < other.length

    def overlaps(self, other: "Candidate") -> bool:
        return self.start < other.end and other.start < self.end


class Overlaps:
    """Candidates by where they start, to find those a span overlaps: a few look-ups by bisection
    instead of an entry per character every candidate covers (built for each document, that
    index cost more than all the look-ups made in it). The look-up begins at the first candidate
    reaching past the span's start, by the furthest end reached so far: one long policy title does
    not make every look-up of the document scan back as far as it is long."""

    def __init__(self, candidates: Iterable[Candidate]):
        self._by_start = sorted((c for c in candidates if c.end > c.start), key=lambda c: c.start)
        self._starts = [c.start for c in self._by_start]
        self._reach = list(accumulate((c.end for c in self._by_start), max))  # i -> the furthest end of 0..i

    def overlapping(self, start: int, end: int) -> list[Candidate]:
        """Each candidate sharing a character with ``start:end``, once (in the order of their starts)."""
        first = bisect_right(self._reach, start)  # none before it ends past ``start``
        return [c for c in self._by_start[first:bisect_left(self._starts, end)] if c.end > start]

    def at(self, index: int) -> list[Candidate]:
        """Each candidate covering the character at ``index``."""
        return self.overlapping(index, index + 1)


class Covers:
    """Spans by where they start, with the furthest end reached so far, to ask whether one holds a
    given span: a bisection per question, however many spans there are and however long (a text may
    name one place, or cite one title, tens of thousands of times)."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self._longest_from: dict[int, int] = {}  # start -> the furthest end of a span starting there
        for start, end in spans:
            self._longest_from[start] = max(end, self._longest_from.get(start, end))
        self._starts = sorted(self._longest_from)
        self._furthest = [-1]  # i -> the furthest end of the spans starting before _starts[i]
        for start in self._starts:
            self._furthest.append(max(self._furthest[-1], self._longest_from[start]))

    def holds(self, start: int, end: int) -> bool:
        """Whether a span starting at or before ``start`` reaches ``end`` (``start:end`` itself among them)."""
        return self._furthest[bisect_right(self._starts, start)] >= end

    def holds_longer(self, start: int, end: int) -> bool:
        """Whether a span longer than ``start:end`` holds it: one from further left reaching its end, or
        one from the same start reaching past it."""
        return self._furthest[bisect_left(self._starts, start)] >= end or self._longest_from.get(start, end) > end


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Keep a consistent set: policy titles form their own layer; other names take the longest.

    Within a policy title the names it contains (安徽省, 新能源汽车) are resolved on their own so
    relations can use them. A region inside a kept organisation, enterprise or zone name
    (上海市 in 上海市人民政府) is kept as a nested mention: the text names that region too; so is a
    firm opening a kept zone's or body's name (中国电信 in 中国电信（安徽）大数据产业园).
    """
    framed = {(c.start, c.end, c.type) for c in candidates if c.context}
    for cand in candidates:  # the same name proposed twice: the framing of either counts
        cand.context = cand.context or (cand.start, cand.end, cand.type) in framed
    policies = _longest_first([c for c in candidates if c.type == "Policy"])
    names = [c for c in candidates if c.type != "Policy"]
    kept = _longest_first(names)
    kept_ids = {id(c) for c in kept}
    for cand in kept:  # kept in its own right: no longer inside the name an earlier resolution nested it in
        cand.nested = False  # (古田县 once the zone 古田县大甲镇工业集中区 is trimmed to 大甲镇工业集中区)
    # names built around a place name: bodies, firms, and zones named after their region
    # (a brand from the company list, 云南白药, names no place: it is not a host)
    # (nor does a province-level body beside the divisions, 新疆生产建设兵团: its name is its own)
    hosts = [c for c in kept if c.type == "Organization" and getattr(c.ref, "level", "") != "provincial_body"
             or c.type in ("Enterprise", "Region") and c.source.startswith("suffix:")
             or c.type == "Enterprise" and c.source in ("firm_list", "placed_brand")  # 台湾中橡, 深圳迈瑞: where it is from
             or c.type == "Region" and getattr(c.ref, "level", "") in ZONE_LEVELS]
    regions = sorted((c for c in kept if c.type == "Region"), key=lambda c: c.start)  # they do not overlap
    region_starts, longest_region = [r.start for r in regions], max((r.length for r in regions), default=0)
    hosts.sort(key=lambda c: c.start)
    host_starts = [h.start for h in hosts]
    firm_at = {c.start: c for c in kept if c.type == "Enterprise"}
    nested: list[Candidate] = []
    nested_at = _Marks(candidates)
    opened = {c.start: c for c in kept if c.type in ("Region", "Organization")}
    for cand in sorted(names, key=lambda c: (-c.length, c.start)):
        if id(cand) not in kept_ids and _opens_named_body(cand, opened, nested_at):
            cand.nested = True  # 中国电信|（安徽）大数据产业园: the firm the zone or body is named after
            nested.append(cand)
            nested_at.mark(cand.start, cand.end)
            continue
        if id(cand) in kept_ids or cand.type != "Region" or _is_direction(cand):
            continue  # 华东 in 华东师范大学 names a scope, not a place the text talks about
        if _is_scope(cand):
            if _is_country(cand) and _opens_foreign_firm(cand, firm_at):
                cand.nested = True  # 韩国现代, 日本三井物产株式会社: the text names that country too
                nested.append(cand)
                nested_at.mark(cand.start, cand.end)
            continue  # 中国 in 中国汽车工业协会, 亚太 in 亚太空间合作组织 name a scope
        i = bisect_right(host_starts, cand.start) - 1  # kept names do not overlap: one host at most
        if i < 0 or not cand.inside(hosts[i]) or nested_at.any(cand.start, cand.end):
            continue
        crossing = regions[bisect_left(region_starts, cand.start - longest_region):bisect_left(region_starts, cand.end)]
        if any(k.end > cand.start and not cand.inside(k) for k in crossing):
            continue  # it would cut through a place already kept
        cand.nested = True
        nested.append(cand)
        nested_at.mark(cand.start, cand.end)
    return sorted(policies + kept + nested, key=lambda c: (c.start, -c.length))


def _longest_first(candidates: list[Candidate]) -> list[Candidate]:
    order = sorted(candidates, key=lambda c: (-c.length, TYPE_PRIORITY[c.type], -c.confidence, c.start))
    taken: list[Candidate] = []
    occupied = _Marks(candidates)
    for cand in order:
        if occupied.any(cand.start, cand.end):
            continue
        taken.append(cand)
        occupied.mark(cand.start, cand.end)
    return taken


class _Marks:
    """Marked character positions of a text, one byte each: a set of every position a long
    document's names cover would take ~100 bytes a position."""

    def __init__(self, candidates: list[Candidate]) -> None:
        self._marks = bytearray(max((c.end for c in candidates), default=0))

    def any(self, start: int, end: int) -> bool:
        return self._marks.find(1, start, end) >= 0

    def mark(self, start: int, end: int) -> None:
        self._marks[start:end] = b"\x01" * (end - start)


#: Reference levels of areas named after the place they lie in (重庆两江新区, 苏州工业园区).
ZONE_LEVELS = frozenset({"park", "zone", "national_new_area", "ftz", "port"})


def _is_direction(cand: Candidate) -> bool:
    """A two-character compass grouping (华东, 西南, 东北) inside a name."""
    return cand.length == 2 and getattr(cand.ref, "level", "") == "grouping"


def _opens_named_body(cand: Candidate, opened: dict[int, Candidate], nested_at: "_Marks") -> bool:
    """A firm opening the kept name of a zone or body (中国电信|（安徽）大数据产业园, 中金公司|研究部):
    the text names the firm too; not a trade body's, named after its trade (中国中药|协会)."""
    host = opened.get(cand.start)
    return (cand.type == "Enterprise" and host is not None and cand.inside(host)
            and not host.name.endswith(TRADE_BODY_SUFFIXES)
            and not nested_at.any(cand.start, cand.end))


def _is_country(cand: Candidate) -> bool:
    return getattr(cand.ref, "level", "") == "country"


#: Reference levels of places that open a name as its reach, not its seat (亚太空间合作组织).
_SCOPE_LEVELS = frozenset({"country", "continent", "world_region"})


def _is_scope(cand: Candidate) -> bool:
    return getattr(cand.ref, "level", "") in _SCOPE_LEVELS


#: The home country, whose name opens the real names of its firms (中国建筑, 中国电信).
_HOME_COUNTRY = frozenset({"中国", "中华人民共和国"})


def _opens_foreign_firm(country: Candidate, firm_at: dict[int, Candidate]) -> bool:
    """A foreign country before a firm's own name (韩国现代, 美国欧文斯·科宁): where the firm is from."""
    firm = firm_at.get(country.start)
    return firm is not None and country.end < firm.end and country.name not in _HOME_COUNTRY
