"""Reference-data matching: every surface of the reference (names, aliases, abbreviations) and
the curated company list, found in one Aho-Corasick pass over the characters, then checked in
context (a county's short name only where its city is named; 汽车 only where it is a sector)."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import ahocorasick

from kg.extract.candidates import Candidate
from kg.extract.lexicon import (
    BUSINESS_WORD, PUBLIC_SERVICE_LIST, SECTOR_VERBS, SHARED_SECTOR_HEAD, TECHNOLOGY_LEVEL_SECTORS, ZONE_SUFFIXES,
)
from kg.extract.names import TokenIndex, word_tag
from kg.extract.policy import WorkTitles

_ENTERPRISE_LIST = Path(__file__).resolve().parent / "data" / "enterprises.txt"
#: Place surfaces that are ordinary words or brands far more often than places (阿里 = Alibaba,
#: 朝阳 = morning sun, 新区 = any new district), whatever kind of surface the reference gives them.
AMBIGUOUS_REGION_SURFACES = frozenset(
    """阿里 白银 普洱 中山 黄山 长安 和平 城关 东区 西区 南区 北区 中区 市中 新城 老城 江南 江北 河东
    河西 朝阳 永和 太平 东方 红旗 胜利 团结 新华 人民 光明 前进 长城 泰山 华山 钟山 昆仑 上城 下城
    铁山 金山 银川区 安宁 永安 定安 文山 海南区 南海 东海 西湖 七台河 白城 江山 兴业 万宁 和田
    老城区 新城区 城区 新区 郊区 矿区 开发区 高新区 新兴区 新兴""".split()
)
#: 把X列为重点发展领域: a policy names X as a sector it promotes.
_LISTED_AS = re.compile(r"(?:列为|列入|纳入|作为)[^，。；]{0,8}?(?:领域|产业|行业|方向)")
#: After a country name, an honorific place title (中国药都, 中国当归之乡, 中国瓷都).
_HONORIFIC_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:之乡|之都|之城|药都|瓷都)|[\u4e00-\u9fff]{1,3}城(?![市乡镇区])")
#: The rest of a short quoted title after its first word (“中国|药都”), not of quoted speech (“日本|大地震过后，…).
_QUOTED_TITLE_REST = re.compile(r"[^”\"，。；：！？\n]{1,6}[”\"]")
#: 南京|西路, 北京|东大街: a street named after the place.
_STREET_AFTER = re.compile(r"[东西南北中](?:路|街|大街|大道)")
#: Heads of landmark names that a place's short form may start (麦积山, 南京路, 杭州湾, 太湖岛).
_LANDMARK_HEADS = frozenset("山岭峰湖江河路街巷桥寺庙塔洞峡湾岛")
#: Words after a taxonomy term that make it a sector the text speaks of (汽车产业, 化工企业, 光伏装机量,
#: a report's 旅游总收入); not 园区, whose modifier is the kind of a park (职业教育|园区, 数字经济|园区), not a
#: sector developed.
_INDUSTRY_CONTEXT_AFTER = re.compile(
    r"^(?:产业|行业|业|企业|领域|集群|产业链|制造|生产|装备|赛道|板块|基地|工业|产量|产值|产销|"
    r"增加值|出口|规模|龙头|公司|厂商|产能|销量|装机量|出货量|营收|销售额|(?:总|综合)?收入|面积|生产线)"
)
#: A sector growing as the subject of its clause (电子商务蓬勃发展, 物联网快速发展).
_GROWTH_AFTER = re.compile(r"(?:蓬勃|快速|加速|迅猛|高速|迅速)发展")
#: The marks of a list a county's short form or an ambiguous place name may stand in (安徽亳州、霍山).
_LIST_MARKS = ("、", "和", "与", "及")
#: Joiners of a list of places (日本、东盟; 卢森堡及欧盟; 长江、西江、京杭运河以及闽江).
_PLACE_JOINERS = ("、", "及", "和", "与", "以及")
#: After a river, the words that make it a route or a place (长江干线, 西江沿线).
_RIVER_AFTER = re.compile(r"干线|沿线|沿岸|两岸|航道")
#: Zone types (高新技术产业开发区): a sector word that opens one names the zone's kind.
_ZONE_TYPE = re.compile("|".join(sorted(map(re.escape, ZONE_SUFFIXES), key=len, reverse=True)))
#: The characters a zone type holds after its first (开发区: 发, 区): a name the zone type goes on
#: past holds one of them right after it, the cheap test before scanning for the zone type.
_ZONE_TYPE_LATER = frozenset(ch for suffix in ZONE_SUFFIXES for ch in suffix[1:])
#: A publication's head right after a firm's name, closing the name (中国建筑|报、, 中国石油|报).
_PUBLICATION_AFTER = re.compile(r"(?:日报|报|周刊|杂志)(?=[、，。；）)”\s]|$)")
#: After a sector's name, the head of a centre or a fair it names the field of (制造业|创新中心,
#: 文化艺术|中心, 航空航天|展览会) or a fund (制造业|转型升级基金): a body, an event or a fund, not the sector.
_INSTITUTION_AFTER = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:中心|展览会|博览会)|[\u4e00-\u9fff]{0,4}?基金")
_SECTOR_VERB_BEFORE = re.compile(f"(?:{'|'.join(SECTOR_VERBS)})\\Z")


@dataclass(frozen=True)
class GazetteerEntry:
    type: str
    name: str
    key: str
    kind: str  # name | alias | abbreviation
    ref: Any = None


@dataclass(frozen=True)
class SurfaceKinds:
    """What each document's passes over its matches ask of a surface's entries, answered once
    per surface when the gazetteer is built rather than for every match of every document."""

    listed_place: bool  # a place by name or alias, no ambiguous word: it may head a list of places
    country: bool
    union_short_form: bool  # a union's short form (东盟), a place when listed beside a country
    sector: bool

    @classmethod
    def of(cls, surface: str, entries: Sequence[GazetteerEntry]) -> SurfaceKinds:
        return cls(
            listed_place=surface not in AMBIGUOUS_REGION_SURFACES
            and any(e.type == "Region" and e.kind != "abbreviation" for e in entries),
            country=any(getattr(e.ref, "level", "") == "country" for e in entries),
            union_short_form=any(e.kind != "name" and getattr(e.ref, "level", "") == "intl_org" for e in entries),
            sector=any(e.type == "Industry" for e in entries))


class Gazetteer:
    """Longest surfaces win; all overlapping matches are produced and later resolved."""

    def __init__(self, entries: list[tuple[str, GazetteerEntry]]):
        self.automaton = ahocorasick.Automaton()
        table: dict[str, list[GazetteerEntry]] = {}
        for surface, entry in entries:
            if len(surface) < 2:
                continue  # 1-character abbreviations (沪, 苏) only inside named groupings
            table.setdefault(surface, []).append(entry)
        for surface, found in table.items():
            self.automaton.add_word(surface, (surface, tuple(found)))
        self.automaton.make_automaton()
        self.kinds = {surface: SurfaceKinds.of(surface, found) for surface, found in table.items()}
        #: surface → taxonomy entry, for recognisers that find sector phrases on their own
        self.industry_surfaces: dict[str, GazetteerEntry] = {
            s: next(e for e in found if e.type == "Industry")
            for s, found in table.items() if any(e.type == "Industry" for e in found)}

    def match(self, text: str) -> list[tuple[int, int, str, tuple[GazetteerEntry, ...]]]:
        found = []
        for end_index, (surface, entries) in self.automaton.iter(text):
            end = end_index + 1
            found.append((end - len(surface), end, surface, entries))
        return found


Match = tuple[int, int, str, tuple[GazetteerEntry, ...]]


@dataclass(frozen=True)
class RegionContext:
    """The regions a document names, against which its short place names are read: those named
    in full or as a city/province alias, and the provinces. A document processed in pieces gets
    the union over all its pieces, so that every piece reads its short forms as the whole would."""

    full_keys: frozenset[str] = frozenset()
    provinces: frozenset[str] = frozenset()
    #: the cities whose counties or districts the document names in full (歙县, 黟县 → 黄山市)
    divided: frozenset[str] = frozenset()

    @classmethod
    def of(cls, matches: list[Match]) -> RegionContext:
        regions = [(surface, e) for _, _, surface, entries in matches for e in entries if e.type == "Region"]
        return cls(frozenset(e.key for surface, e in regions if e.kind == "name" or len(surface) >= 3),
                   frozenset(e.key for _, e in regions
                             if e.kind != "abbreviation" and getattr(e.ref, "level", "") == "province"),
                   frozenset(parent for _, e in regions if e.kind == "name" and getattr(e.ref, "level", "") == "county"
                             for parent in getattr(e.ref, "parents", ()) or ()))

    def __or__(self, other: RegionContext) -> RegionContext:
        return RegionContext(self.full_keys | other.full_keys, self.provinces | other.provinces,
                             self.divided | other.divided)


def candidates_from_matches(text: str, tokens: TokenIndex, matches: list[Match], kinds: Mapping[str, SurfaceKinds],
                            context: RegionContext | None = None) -> list[Candidate]:
    """Context checks on raw matches (``kinds``: the gazetteer's, by surface; the regions named are
    read from ``matches`` unless ``context`` gives those of the whole document); returns candidates
    (still overlapping)."""
    out: list[Candidate] = []
    if context is None:
        context = RegionContext.of(matches)
    full_region_keys, provinces = set(context.full_keys), set(context.provinces)
    works = WorkTitles(text)
    # positions of a list joiner right after a place name (安徽亳州|、霍山): a county's short form may follow
    listed_places = [(start, end) for start, end, surface, _ in matches if kinds[surface].listed_place]
    listed_after = frozenset(end for _, end in listed_places if text[end:end + 1] in _LIST_MARKS)
    # …and right before one (中山|、江门): a place-or-word (中山, 黄山) listed among places is a place
    listed_before = frozenset(start - 1 for start, _ in listed_places if text[start - 1:start] in _LIST_MARKS)
    # a union's short form listed beside a country is a place, as the country is (日本、东盟等国家),
    # and so is every mention of it in the text (加强与东盟…合作): one sense per document
    country_edges = {edge for start, end, surface, _ in matches if kinds[surface].country for edge in (start, end)}
    unions = [(start, end, surface) for start, end, surface, _ in matches if kinds[surface].union_short_form]
    places = {surface for start, end, surface in unions if _beside(text, start, end, country_edges)}
    sector_ends = _sector_ends_by_start(matches, kinds)
    longest_sector = max((e - s for s, ends in sector_ends.items() for e in ends), default=0)
    cities_at_end = _cities_by_end(matches)
    for start, end, surface, entries in matches:
        if surface in places:
            out.append(Candidate(start, end, "Region", surface, source="gazetteer:union", confidence=0.8))
            continue
        # a county's short form right after its city's name is that county (广州|南沙): the city is named
        present = full_region_keys | cities_at_end[start] if start in cities_at_end else full_region_keys
        for entry in _prefer(entries, present):
            if entry.type in ("Region", "Industry") and works.covers(
                    start, end, policies=getattr(entry.ref, "level", "") == "country"):
                break  # 中国 in 《中国中医药报》 names the newspaper; 中华人民共和国 in a law's title is its name
            if not _context_ok(text, tokens, start, end, surface, entry, present,
                               entry.type == "Industry" and not surface.isascii()
                               and works.covers(start, end, policies=True), listed_after, provinces,
                               listed_before, context.divided):
                continue
            if entry.type == "Industry" and _cut_by_earlier_sector(sector_ends, longest_sector, start, end):
                continue  # 工业大|数据中心, 工业互联网|平台服务: the sector begun before it has this one's first word
            if entry.type == "Industry" and BUSINESS_WORD.match(text, end - 1):
                # 再保险|业务, 特色金融|业务: a line of business names its sector without the 业 业务 takes
                out.append(Candidate(start, end - 1, entry.type, surface[:-1], source=f"gazetteer:{entry.kind}",
                                     context=True))
                break
            confidence = 0.9 if entry.kind == "name" else 0.8
            out.append(Candidate(start, end, entry.type, entry.name, key=entry.key, source=f"gazetteer:{entry.kind}",
                                 confidence=confidence, ref=entry.ref,
                                 context=entry.type != "Industry" or _framed_sector(text, start, end, surface, entry)))
            break
    return out


def _cities_by_end(matches: list[Match]) -> dict[int, set[str]]:
    """The keys of the cities a match names (in full or by a short form), by where it ends."""
    out: dict[int, set[str]] = {}
    for _, end, _, entries in matches:
        for entry in entries:
            if entry.type == "Region" and getattr(entry.ref, "level", "") == "city" and entry.kind != "abbreviation":
                out.setdefault(end, set()).add(entry.key)
    return out


def _beside(text: str, start: int, end: int, edges: set[int]) -> bool:
    """A list joiner separates this span from one of ``edges`` (a neighbour's end or start)."""
    return any(text.startswith(j, end) and end + len(j) in edges or text.endswith(j, 0, start) and start - len(j) in edges
               for j in _PLACE_JOINERS)


def _listed(text: str, start: int, end: int) -> bool:
    """The span stands in a list (、 or 以及 on either side)."""
    return text[start - 1:start] == "、" or text[end:end + 1] == "、" or text.startswith("以及", end) \
        or text.endswith("以及", 0, start)


def _inside_other_place(text: str, tokens: TokenIndex, start: int, end: int) -> bool:
    """The jieba word starting here is a longer, different place name (广安门, not 北京地区)."""
    tok = tokens.token_before(start + 1)
    if tok is None or tok[0] != start or tok[1] <= end:
        return False
    word = text[tok[0]:tok[1]]
    return word_tag(word) == "ns" and word[end - start:] not in ("地区", "市", "省", "县", "区", "州", "盟")


def _prefer(entries: tuple[GazetteerEntry, ...], present: set[str]) -> Sequence[GazetteerEntry]:
    """Same-named places: the one whose parent the document names, else a higher level first.
    Nearly every surface has one entry, which needs no ranking."""
    if len(entries) == 1:
        return entries

    def rank(entry: GazetteerEntry) -> tuple:
        parents = getattr(entry.ref, "parents", ()) or ()
        has_parent = any(p in present for p in parents)
        level = {"country": 0, "province": 1, "prefecture": 2, "city": 2, "county": 3}.get(
            str(getattr(entry.ref, "level", "")), 4)
        type_rank = {"Organization": 0, "Region": 1, "Enterprise": 2, "Industry": 3}.get(entry.type, 4)
        return (type_rank, not has_parent, entry.kind != "name", level)

    return sorted(entries, key=rank)


def _sector_ends_by_start(matches: list[Match], kinds: Mapping[str, SurfaceKinds]) -> dict[int, list[int]]:
    """Where each taxonomy sector the text matches ends, by where it starts."""
    ends: dict[int, list[int]] = {}
    for start, end, surface, _ in matches:
        if kinds[surface].sector:
            ends.setdefault(start, []).append(end)
    return ends


def _cut_by_earlier_sector(sector_ends: dict[int, list[int]], longest: int, start: int, end: int) -> bool:
    """A sector name crossing one that starts before it (工业大数据 × 数据中心): Chinese puts the
    modifier first, so the earlier sector is what the text names and the later one's tail (中心,
    平台服务) the thing named after it."""
    return any(start < e < end for s in range(max(0, start - longest), start) for e in sector_ends.get(s, ()))


def _context_ok(text: str, tokens: TokenIndex, start: int, end: int, surface: str, entry: GazetteerEntry,
                present: set[str], in_policy_title: bool = False, listed_after: frozenset[int] = frozenset(),
                provinces: set[str] | None = None, listed_before: frozenset[int] = frozenset(),
                divided: frozenset[str] = frozenset()) -> bool:
    if surface.isascii():  # Latin names stand as whole words: not AI in OpenAI, EV in EVENT
        before, after = text[start - 1:start], text[end:end + 1]
        if before.isascii() and before.isalnum() or after.isascii() and after.isalnum():
            return False
    if entry.type == "Region":
        if surface in AMBIGUOUS_REGION_SURFACES and start - 1 not in listed_after and end not in listed_before \
                and entry.key not in divided:
            return False  # …unless it stands in a list of places (东莞、中山、江门) or the text names its counties (黄山: 歙县、黟县)
        level = str(getattr(entry.ref, "level", ""))
        if surface.endswith("港") and text.startswith("口", end):
            return False  # 完善北部湾港|口建设: the ports (港口) of a place, not the port the reference names
        if level == "river":  # 长江黄金水道, 黄河旋风: a river is a place the text names among places
            return _listed(text, start, end) or bool(_RIVER_AFTER.match(text, end))
        if level in ("country", "continent") and start > 0 and text[start - 1] in "“\"" \
                and _QUOTED_TITLE_REST.match(text, end):
            return False  # “中国药都”, “亚洲锂都”: the first word of a brand or title, not the place
        if level == "country" and _HONORIFIC_AFTER.match(text, end):
            return False  # 建设中国药都, 中国人参之乡, 中国医药城: an honorific title
        if len(surface) <= 3 and not (tokens.is_boundary(start) or text[start - 1:start] in "、，。；（( \n"):
            return False  # a short name must start a word: not 海地 in 上海|地区, 海城市 in 上海|城市
        if len(surface) == 2 and entry.kind != "name":
            if text[end:end + 1] in _LANDMARK_HEADS or _STREET_AFTER.match(text, end):
                return False  # 麦积|山, 南京|路, 杭州|湾: a mountain, street or bay, not the division
            if _inside_other_place(text, tokens, start, end):
                return False  # 广安 in 广安门 (a street of Beijing) is not 广安市
            if level == "county" or entry.kind == "abbreviation":
                if entry.kind == "abbreviation" and word_tag(surface) not in (None, "ns", "nr", "nz", "j"):
                    return False  # 新兴, 和平: ordinary words before they are county names
                if entry.key in present:
                    return True
                parents = getattr(entry.ref, "parents", ()) or ()
                if any(p in present for p in parents):
                    return True
                # a county's province will do when the short form stands in a list of places
                # (安徽亳州、霍山): not for abbreviations, which are words first
                return (entry.kind != "abbreviation" and start - 1 in listed_after
                        and bool(_ancestor_keys(entry.ref) & (present | (provinces or set()))))
        return True
    if entry.type == "Enterprise" and len(surface) <= 3 and not tokens.is_boundary(end):
        return False  # 高通|量: a short brand ending inside a longer word, not the firm
    if entry.type == "Enterprise" and text[end:end + 2] in ("产业", "行业", "领域"):
        return False  # 中国中药|产业: the country's sector, not the firm whose brand reads the same
    if entry.type == "Enterprise" and _PUBLICATION_AFTER.match(text, end):
        return False  # 中国建筑|报: the newspaper named after the firm's trade, not the firm
    if entry.type == "Organization" and entry.kind != "name" and len(surface) <= 3 and not tokens.is_boundary(end):
        return False  # 北大|荒农业: a body's short form ending inside a longer word is that word's part
    if entry.type == "Organization" and entry.kind != "name" and start > 0 and text[start - 1] in "省市区县州" \
            and surface in _local_body_surfaces():
        return False  # 省发改委, 市药监局: a local department, not the national one its short form names
    if entry.type == "Industry" and _opens_zone_type(text, start, end):
        return False  # 高新技术产业|开发区, 物流|园区: the kind of a zone, not the sector
    if entry.type == "Industry" and _INSTITUTION_AFTER.match(text, end):
        return False  # 制造业|创新中心: the field of a centre, not a sector the text names
    if entry.type == "Industry" and len(surface) <= 4 and not (
            tokens.is_boundary(start) or text[start - 1:start] in "、，。；：（(“ \n"):
        return False  # 医药工业 inside 中|医药|工业 is not that sector
    if entry.type == "Industry" and len(surface) <= 2:
        if sector_context(text, start, end) or in_policy_title:
            return True  # …or the subject of a policy's title (《中药注册管理专门规定》)
        # a member of an enumeration of sectors: 金融、住房、医疗 (not of public services: 教育、卫生等公共服务)
        return (text[start - 1:start] == "、" or text[end:end + 1] == "、") and not PUBLIC_SERVICE_LIST.match(text, end)
    return True


def _opens_zone_type(text: str, start: int, end: int) -> bool:
    """The span opens a zone type's name and ends inside it (高新技术产业|开发区)."""
    if text[end:end + 1] not in _ZONE_TYPE_LATER:
        return False  # 新材料|产业: no zone type goes on past the span's end
    return any(m.start() <= start and m.end() > end for m in _ZONE_TYPE.finditer(text, max(0, start - 2), end + 8))


def _framed_sector(text: str, start: int, end: int, surface: str, entry: GazetteerEntry) -> bool:
    """Whether this mention presents the taxonomy term as a sector of activity.

    Names ending in 业 (制造业, 现代服务业) or 产业/行业 are sectors by their form, but for those
    named by a level of technology (高新技术产业基础: a category of sectors). Top-level
    sections of the classification (教育) need a sector word after them (教育产业); other terms
    also count after a developing verb (发展智慧养老, 发展化工).
    """
    if surface in TECHNOLOGY_LEVEL_SECTORS:
        return sector_context(text, start, end)
    if surface.endswith(("业", "产业", "行业")):
        return True
    if (len(surface) >= 5 and not surface.isascii() and getattr(entry.ref, "level", "") == "industry"
            and not text.endswith("等", 0, start)):
        # a long named sector (中医药健康旅游, 新一代信息技术) is a sector by its name, but not what 等
        # sums a list up as (物联网、云计算等新一代信息技术)
        return True
    if getattr(entry.ref, "level", "") == "industry_section":
        return bool(_INDUSTRY_CONTEXT_AFTER.match(text[end:end + 4]))
    return sector_context(text, start, end)


def sector_context(text: str, start: int, end: int) -> bool:
    """The words around a sector name frame it as a sector: 汽车产业, 发展智慧养老, 化工企业,
    把中药列为重点发展领域, 电子商务蓬勃发展."""
    return bool(_INDUSTRY_CONTEXT_AFTER.match(text[end:end + 4]) or _GROWTH_AFTER.match(text, end)
                or _SECTOR_VERB_BEFORE.search(text[max(0, start - 4):start])
                or _LISTED_AS.match(text, end) or SHARED_SECTOR_HEAD.match(text, end))


def _ancestor_keys(ref: Any) -> frozenset[str]:
    """Keys of every containing division of a reference entry (county → city → province)."""
    from kg.reference import load_reference

    return frozenset(a.key for a in load_reference().ancestors(ref)) if ref is not None else frozenset()


@lru_cache(maxsize=1)
def _local_body_surfaces() -> frozenset[str]:
    """Suffixes local bodies share with national short forms (发改委, 卫健委, 药监局)."""
    from kg.reference import load_reference

    return frozenset(p.suffix for p in load_reference().local_body_patterns())


@lru_cache(maxsize=1)
def curated_enterprises() -> tuple[tuple[str, str], ...]:
    """(surface, canonical name) of the curated company list."""
    rows = []
    for line in _ENTERPRISE_LIST.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        brand, _, _full = line.partition(",")
        rows.append((brand, brand))
    return tuple(rows)
