"""Organisation, enterprise and zone names found by their endings (…协会, …有限公司, …科学城).

A name's right edge is its suffix; its left edge is found by walking jieba tokens leftwards until
a boundary word, punctuation, another name or a leading region (where names start: 合肥国轩高科…).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from kg.extract.candidates import Candidate
from kg.extract.lexicon import (
    ENTERPRISE_SUFFIXES, GENERIC_NAME_WORDS, LOCAL_BODY_HEADS, NAME_BOUNDARY_WORDS,
    ORGANIZATION_SUFFIXES, ZONE_SUFFIXES,
)

_SUFFIX_TYPE = {s: "Organization" for s in ORGANIZATION_SUFFIXES}
_SUFFIX_TYPE.update({s: "Enterprise" for s in ENTERPRISE_SUFFIXES})
_SUFFIX_TYPE.update({s: "Region" for s in ZONE_SUFFIXES})
_SUFFIXES = re.compile("|".join(sorted(map(re.escape, _SUFFIX_TYPE), key=len, reverse=True)))
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")
_MAX_NAME = 20
_MAX_TOKENS = 7


class TokenIndex:
    """Token boundaries of a spaCy Doc as character offsets, for fast left walks."""

    def __init__(self, tokens: Sequence[tuple[int, int]]):
        self.spans = list(tokens)
        self.starts = [s for s, _ in self.spans]
        self.ends = {e for _, e in self.spans}
        self.start_set = set(self.starts)

    def token_before(self, offset: int) -> tuple[int, int] | None:
        """The token ending at or containing ``offset - 1``."""
        i = bisect_left(self.starts, offset) - 1
        return self.spans[i] if i >= 0 else None

    def is_boundary(self, offset: int) -> bool:
        return offset in self.start_set or offset in self.ends


def recognise_suffixed_names(text: str, tokens: TokenIndex, regions: list[Candidate],
                             known: list[Candidate], industry_words: set[str]) -> Iterator[Candidate]:
    """Names ending in an organisation, enterprise or zone suffix."""
    region_at_end = {c.end: c for c in regions}
    region_spans = sorted(regions, key=lambda c: c.start)
    for match in _SUFFIXES.finditer(text):
        suffix = match.group()
        end = match.end()
        if end < len(text) and not tokens.is_boundary(end) and len(suffix) < 3:
            continue
        start = _walk_left(text, tokens, match.start(), region_at_end, known)
        if start is None or end - start <= len(suffix):
            continue
        name = text[start:end]
        etype = _SUFFIX_TYPE[suffix]
        if not _distinctive(name, suffix, start, region_spans, industry_words):
            continue
        yield Candidate(start, end, etype, name, source=f"suffix:{suffix}", confidence=0.75)


def recognise_local_bodies(text: str, tokens: TokenIndex, regions: list[Candidate],
                           patterns: Sequence[tuple[str, str, tuple[str, ...]]]) -> Iterator[Candidate]:
    """Region + body head: 上海市人民政府, 邢台市委, 江苏省发改委, 宁夏回族自治区政协.

    ``patterns`` are (surface suffix, official suffix, region levels or ()) longest first: the
    reference's local-body patterns, then the generic heads of the lexicon.
    """
    for region in regions:
        if region.ref is None or getattr(region.ref, "level", "") == "country":
            continue
        level = getattr(region.ref, "level", "")
        rest = text[region.end: region.end + 14]
        for suffix, official, levels in patterns:
            if not rest.startswith(suffix) or levels and level not in levels:
                continue
            end = region.end + len(suffix)
            if len(suffix) == 1 and (end < len(text) and not tokens.is_boundary(end) or text[end:end + 1] in "员会部长"):
                continue
            yield Candidate(region.start, end, "Organization", _full_body_name(region, official),
                            source="local_body", confidence=0.85)
            break


def local_body_patterns(reference_patterns: Sequence) -> list[tuple[str, str, tuple[str, ...]]]:
    """The reference's patterns (with official suffixes) and the lexicon's heads, longest first."""
    patterns = [(p.suffix, p.canonical_suffix, tuple(p.levels)) for p in reference_patterns]
    seen = {p[0] for p in patterns}
    patterns += [(head, head, ()) for head in LOCAL_BODY_HEADS if head not in seen]
    return sorted(patterns, key=lambda p: len(p[0]), reverse=True)


def _full_body_name(region: Candidate, head: str) -> str:
    """邢台市委 stays; 江苏省政府 → 江苏省人民政府 (the official form)."""
    if head == "政府":
        head = "人民政府"
    if head in ("省委", "市委", "区委", "县委", "州委"):
        return region.name + "委" if region.name.endswith(head[0]) else region.name + head
    return region.name + head


def _walk_left(text: str, tokens: TokenIndex, suffix_start: int, region_at_end: dict[int, Candidate],
               known: list[Candidate]) -> int | None:
    start = suffix_start
    # the suffix may sit inside a token (清华大学): start from that token's start
    tok = tokens.token_before(suffix_start + 1)
    if tok and tok[0] < suffix_start and tok[1] >= suffix_start:
        if _NAME_CHAR.match(text[tok[0]]) and text[tok[0]:suffix_start] not in NAME_BOUNDARY_WORDS:
            start = tok[0]
    count = 0
    while count < _MAX_TOKENS and suffix_start - start < _MAX_NAME:
        region = region_at_end.get(start)
        if region is not None:
            return region.start  # names start at a region: 合肥|国轩高科…, 长三角|国家技术创新中心
        tok = tokens.token_before(start)
        if tok is None:
            break
        tstart = tok[0]
        word = text[tstart:start]
        if not word or not all(_NAME_CHAR.match(ch) for ch in word) or word in NAME_BOUNDARY_WORDS:
            break
        if any(k.start < start and k.end > tstart and k.type in ("Organization", "Enterprise")
               for k in known):
            break
        start = tstart
        count += 1
    return start if start < suffix_start else None


def _distinctive(name: str, suffix: str, start: int, regions: list[Candidate], industry_words: set[str]) -> bool:
    """The part before the suffix, less a leading region, must be a proper name, not a category."""
    core = name[: -len(suffix)]
    for region in regions:
        if region.start == start and len(region.name) <= len(core) + 2:
            core = core[region.end - start:]
            if not core:
                return suffix in ("大学", "科学城", "新区", "自贸区", "自由贸易试验区", "高新区", "经开区")
            break
    if core in GENERIC_NAME_WORDS or core in industry_words or len(core) < 2 and not name[0].isascii():
        return False
    if re.fullmatch(r"[0-9一二三四五六七八九十百千多几]+[家个批所]?", core):
        return False
    return not any(core.endswith(w) for w in ("企业", "部门", "机构", "单位", "平台", "相关", "各类"))
