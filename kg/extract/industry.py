"""Industries that no list holds: X产业 / X行业 / X产业链 / X赛道, X经济, and enumerations
(集成电路、生物医药、人工智能等重点产业) whose members are sectors by construction."""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from kg.extract.candidates import Candidate
from kg.extract.lexicon import (
    ECONOMY_SECTOR_HEADS, GENERIC_INDUSTRY_WORDS, NAME_BOUNDARY_WORDS,
)
from kg.extract.names import TokenIndex

_MARKER = re.compile(r"产业集群|产业链|产业|行业|赛道")
_ECONOMY = re.compile(r"([\u4e00-\u9fff]{2,3})经济")
_CJK = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9+]+$")
_ENUM_TAIL = re.compile(r"等(?:[\u4e00-\u9fff]{0,6}?)(?:产业|行业|领域|赛道)")
_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z0-9+]{2,10}")
_INDUSTRY_VERBS = frozenset(
    """做强 做大 壮大 振兴 升级 转型 集聚 培育 推动 发展 打造 引进 承接 布局 带动 支撑 赋能 服务 转移
    抢占 拓展 延伸 补链 强链 延链 整合 重塑 融合 相关 有关 所在 各个 每个 本 全 进入 涉及 覆盖 传统型""".split()
)
_MAX_TOKENS = 3
_MAX_CHARS = 8


def plausible_sector(phrase: str) -> bool:
    """Could a company be in it and a region develop it? Rejects category and function words."""
    if not (2 <= len(phrase) <= 10) or not _CJK.match(phrase):
        return False
    if phrase in GENERIC_INDUSTRY_WORDS or phrase in _INDUSTRY_VERBS:
        return False
    if re.search(r"[的了着过和与及或等各该本此这那]|^[一二三四五六七八九十两几多百千万\d]", phrase):
        return False
    return not phrase.endswith(("化", "性", "型", "级", "类", "方面", "方向"))


def recognise_industry_phrases(text: str, tokens: TokenIndex, known: Mapping[str, Any],
                               blocked: list[Candidate]) -> Iterator[Candidate]:
    """X产业, X行业, X产业链 …: X is the one to three tokens before the marker."""
    for match in _MARKER.finditer(text):
        end = match.start()
        start = end
        for _ in range(_MAX_TOKENS):
            tok = tokens.token_before(start)
            if tok is None:
                break
            word = text[tok[0]:start]
            if (not _CJK.match(word) or word in NAME_BOUNDARY_WORDS or word in _INDUSTRY_VERBS
                    or end - tok[0] > _MAX_CHARS or any(b.start < start and b.end > tok[0] for b in blocked)):
                break
            start = tok[0]
            if text[start:end] in known:
                break
        phrase = text[start:end]
        # drop leading category words: 新兴|生物医药 → 生物医药
        while phrase and not (phrase in known):
            for generic in sorted(GENERIC_INDUSTRY_WORDS, key=len, reverse=True):
                if phrase.startswith(generic) and len(phrase) > len(generic) + 1:
                    start += len(generic)
                    phrase = phrase[len(generic):]
                    break
            else:
                break
        if not plausible_sector(phrase):
            continue
        # the mention keeps 产业/行业 (an alias form) but not 产业链/集群/赛道
        end = match.end() if match.group() in ("产业", "行业") else match.start()
        yield _candidate(start, end, phrase, known, "industry_marker", 0.6)
    for match in _ECONOMY.finditer(text):
        head = match.group(1)
        for size in (3, 2):
            if head[-size:] in ECONOMY_SECTOR_HEADS:
                start = match.end() - 2 - size
                yield _candidate(start, match.end(), text[start:match.end()], known, "economy", 0.75)
                break


def recognise_enumerations(text: str, known: Mapping[str, Any]) -> Iterator[Candidate]:
    """Members of 'A、B、C等…产业/行业/领域' where at least one member is a known sector."""
    for tail in _ENUM_TAIL.finditer(text):
        items: list[tuple[int, int]] = []
        pos = tail.start()
        while True:
            m = re.search(r"([\u4e00-\u9fffA-Za-z0-9+]{2,10})$", text[max(0, pos - 10):pos])
            if not m:
                break
            item_start = pos - len(m.group(1))
            items.append((item_start, pos))
            if item_start > 0 and text[item_start - 1] == "、":
                pos = item_start - 1
            else:
                break
        if len(items) < 2:
            continue
        # the first member may carry a leading verb (聚焦集成电路): trim to a known sector
        first_start, first_end = items[-1]
        first = text[first_start:first_end]
        for i in range(len(first) - 1):
            if first[i:] in known:
                items[-1] = (first_start + i, first_end)
                break
        names = [text[s:e] for s, e in items]
        if not any(n in known for n in names):
            continue
        for (s, e), name in zip(items, names):
            if name in known or plausible_sector(name) and s != items[-1][0]:
                yield _candidate(s, e, name, known, "enumeration", 0.55)


def _candidate(start: int, end: int, phrase: str, known: Mapping[str, Any], source: str,
               confidence: float) -> Candidate:
    """A sector candidate, resolved to the taxonomy entry when the phrase is one of its surfaces."""
    entry = known.get(phrase)
    if entry is not None:
        return Candidate(start, end, "Industry", entry.name, key=entry.key, source=source,
                         confidence=max(confidence, 0.8), ref=entry.ref)
    return Candidate(start, end, "Industry", phrase, source=source, confidence=confidence)
