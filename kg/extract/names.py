"""Organisation, enterprise and zone names found by their endings (…协会, …有限公司, …科学城).

A name's right edge is its suffix; its left edge is found by walking jieba tokens leftwards until
a boundary word, punctuation, another name or a leading region (where names start: 合肥国轩高科…).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from collections.abc import Callable, Iterator, Sequence

from kg.extract.candidates import Candidate, Overlaps
from kg.extract.lexicon import (
    COUNTED_KINDS, ENTERPRISE_SUFFIXES, GENERIC_NAME_WORDS, ITEM_START, LOCAL_BODY_HEADS, NAME_BOUNDARY_WORDS,
    ORGANIZATION_SUFFIXES, PROJECT_OUTPUT, SHORT_FORM_SECTORS, WORKS_SUFFIXES, ZONE_SUFFIXES,
)
from kg.segmenter import cut_without_hmm

_SUFFIX_TYPE = {s: "Organization" for s in ORGANIZATION_SUFFIXES}
_SUFFIX_TYPE.update({s: "Enterprise" for s in (*ENTERPRISE_SUFFIXES, *WORKS_SUFFIXES)})
_SUFFIX_TYPE.update({s: "Region" for s in ZONE_SUFFIXES})
_SUFFIXES = re.compile("|".join(sorted(map(re.escape, _SUFFIX_TYPE), key=len, reverse=True)))
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")
#: What a place is built into (上海|国际科技创新中心, 合肥|区域科技创新中心): a role, not an organisation.
_CITY_ROLE = re.compile(r"(?:国际|全球|全国性|区域|区域性)?(?:科技创新|科创|金融|贸易|航运|经济|消费|物流|数据)中心")
#: A registered legal form a few name characters on: the name goes on to it (药业|科技股份有限公司).
_LATER_LEGAL_FORM = re.compile(r"[^\W与和及或、的在是为等]{1,6}?(?:股份有限公司|有限责任公司|有限公司)")
_MAX_NAME = 20
#: Firm suffixes that end a listed firm's short name but are words of their own after a firm's
#: full name (美的集团|控股: holds).
_SHORT_NAME_SUFFIXES = frozenset({"股份", "控股", "电器"})
#: Suffixes of units that carry their parent body's name (X大学附属Y医院, 中国科学院Z研究所).
_SUB_UNIT_SUFFIXES = frozenset({"医院", "研究所", "研究院", "学院", "实验室", "研究中心"})
#: Posts held in a body: jieba glues them to the body's suffix (协会会长, 公司董事长).
_POSITION_AFTER = re.compile(r"会长|副会长|理事长|秘书长|主任|副主任|院长|校长|所长|书记|主席|部长|局长|厅长|"
                             r"董事长|总经理|总裁|负责人|党委|党组|专家|教授|研究员|首席")
_NUMERALS = frozenset("一二三四五六七八九十百千万")
_MEASURES = frozenset("家个批所项名位条种类次年月日")
_MAX_TOKENS = 7
#: What follows a place in the name of a firm's branch there (中国出口信用保险公司安徽分公司).
_BRANCH_AFTER_PLACE = frozenset({"分公司", "子公司", "有限公司分公司"})
#: A class noun before a firm's name is its apposition, not its start (企业|长白山森宝药业股份有限公司).
_APPOSITION_HEAD = re.compile(r"(?:龙头|骨干|整机|链主|民营|国有|上市)?(?:企业|公司|药企|车企|厂商|厂家)")


#: jieba dictionary tags of words that never sit inside a name: verbs, conjunctions, prepositions,
#: adverbs, pronouns, particles, numerals, measure words, time and direction words.
_FUNCTION_TAGS = frozenset("v c p d r u uj ul uz ug uv ud m q mq y e o f t ad vd zg l i".split())
#: Tags of proper names in jieba's dictionary: person, place, organisation, other proper, abbreviation.
_PROPER_TAGS = frozenset("nr ns nt nz j eng".split())


@lru_cache(maxsize=1)
def _tag_table() -> dict[str, str]:
    from kg.segmenter import word_tags

    return word_tags()


def word_tag(word: str) -> str | None:
    """jieba's dictionary part-of-speech tag of ``word`` (None when unknown)."""
    return _tag_table().get(word)


def is_function_word(word: str) -> bool:
    """A verb, conjunction, adverb … by jieba's dictionary (not in names; unknown words may be)."""
    return word in NAME_BOUNDARY_WORDS or _tag_table().get(word) in _FUNCTION_TAGS


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
                             known: list[Candidate], industry_words: set[str],
                             place_abbreviations: frozenset[str] = frozenset(),
                             place_initials: frozenset[str] = frozenset()) -> Iterator[Candidate]:
    """Names ending in an organisation, enterprise or zone suffix.

    A zone must start with a place: a region name, or two or more one-character place
    abbreviations (沪宁合产业创新带, 京津冀协同发展示范区).
    """
    # the longest region at each edge (浙江省, not 浙江 inside it)
    region_at_end = {c.end: c for c in sorted(regions, key=lambda c: c.length)}
    region_at_start = {c.start: c for c in sorted(regions, key=lambda c: c.length)}
    # known bodies block a walk; a known brand does not (华润三九|医药股份有限公司 is its full name)
    taken = {i for k in known if k.type == "Organization" for i in range(k.start, k.end)}
    org_at_end = {k.end: k for k in known if k.type == "Organization"}
    firm_start_at_end = {k.end: k.start for k in known if k.type == "Enterprise"}
    firm_starts = {k.start for k in known if k.type == "Enterprise"}
    for match in _SUFFIXES.finditer(text):
        suffix = match.group()
        end = match.end()
        if end < len(text) and not tokens.is_boundary(end) and len(suffix) < 3 and not (
                suffix == "大学" and text[end] not in "生" or _POSITION_AFTER.match(text, end)):
            continue  # 局面, 办法, 大学生 — but 清华大学|化学系, 协会|会长 are jieba's single tokens
        if _SUFFIXES.match(text, end) or _SUFFIX_TYPE[suffix] == "Enterprise" and _LATER_LEGAL_FORM.match(text, end):
            continue  # 三金药业|股份有限公司, 扶正药业|科技股份有限公司: the name ends at its legal form
        hosts = org_at_end if suffix in _SUB_UNIT_SUFFIXES else {}
        same = org_at_end.get(end)  # a known name ending here is this name: 杭州|电子科技大学
        blocked = taken - set(range(same.start, same.end)) if same is not None else taken
        if suffix in WORKS_SUFFIXES and _NOT_A_WORKS.search(text[max(0, match.start() - 3):match.start()]):
            continue  # 智能工厂, 污水处理厂: a kind of plant or a public utility, not a firm's works
        start = _walk_left(text, tokens, match.start(), region_at_end, blocked, hosts,
                           zone=_SUFFIX_TYPE[suffix] == "Region", firm=_SUFFIX_TYPE[suffix] == "Enterprise")
        if start is None or end - start <= len(suffix):
            continue
        if same is not None and start in region_at_start and region_at_start[start].end == same.start:
            start = same.start  # 安徽|合肥综合性国家科学中心: a known body's name does not take the province
        name = text[start:end]
        etype = _SUFFIX_TYPE[suffix]
        if etype == "Region" and start in region_at_start and text[start - 1:start] in _PLACE_DASHES \
                and (first := region_at_end.get(start - 1)) is not None:
            start, name = first.start, text[first.start:end]  # 澳门—|珠海跨境金融合作示范区: a zone of both places
        if etype == "Region":
            lead = start
            while lead > 0 and text[lead - 1] in place_abbreviations and start - lead < 4:
                lead -= 1
            if start - lead >= 2 or start - lead == 1 and text[start] in place_abbreviations:
                start, name = lead, text[lead:end]  # 沪宁合|产业创新带: jieba cuts 合 as a verb
        if etype == "Region" and COUNTED_KINDS.search(name):
            continue  # 珠三角两大经济圈: a count of zones, none of them named
        if etype == "Region" and (start not in region_at_start
                                  or getattr(region_at_start[start].ref, "level", "") == "country"):
            if not (all(ch in place_abbreviations for ch in text[start:start + 2])
                    or _opens_with_province_part(name, suffix, place_abbreviations, start in firm_starts)):
                continue  # 美丽中国先行区 is a slogan, not a place
            yield Candidate(start, end, etype, name, source=f"suffix:{suffix}", confidence=0.7)
            continue  # zones and parks are named after a place: 苏州工业园区, 青岛汽车产业新城
        place = region_at_start.get(start)
        if etype == "Region" and place is not None and place.end == match.start() \
                and getattr(place.ref, "level", "") == "grouping" and text.endswith("地区", 0, place.end):
            continue  # 西部地区|自由贸易试验区: the zones of a kind in a part of the country (成渝|经济区 is one zone)
        branch = (etype == "Enterprise" and place is not None and text[place.end:end] in _BRANCH_AFTER_PLACE
                  and start in firm_start_at_end)
        if branch:
            start = firm_start_at_end[start]  # 中国出口信用保险公司|安徽分公司: the parent's branch is one firm
            name = text[start:end]
        heads = list(_APPOSITION_HEAD.finditer(name, 0, len(name) - len(suffix))) \
            if etype == "Enterprise" and not branch else []
        if heads and len(name) - heads[-1].end() > len(suffix) + 1:
            start += heads[-1].end()  # (锂电池龙头)企业|江淮储能…: the noun the name is in apposition to
            name = text[start:end]
        if suffix in _SHORT_NAME_SUFFIXES and name[:-len(suffix)].endswith(ENTERPRISE_SUFFIXES):
            continue  # 美的集团|控股|库卡: the firm holds another, 控股 is its verb
        if etype == "Enterprise" and len(name) - len(suffix) >= 2 \
                and all(ch in place_abbreviations for ch in name[:-len(suffix)]):
            continue  # 符合条件的港澳|银行: the banks of two places, a class of firms, no firm's name
        if not (etype == "Enterprise" and (_owned_by_place(text, start, name, suffix)
                                           or _opens_with_short_form(name, suffix, place_initials))) \
                and not _distinctive(name, suffix, region_at_start.get(start), industry_words):
            continue
        if start in region_at_start and _CITY_ROLE.fullmatch(text, region_at_start[start].end, end):
            continue  # 上海国际科技创新中心 is a role the city plays, not a body
        cand = Candidate(start, end, etype, name, source=f"suffix:{suffix}", confidence=0.75)
        region = region_at_start.get(start)
        if etype == "Region" and region is not None and region.key:
            # 浙江跨境电商产业带 and 浙江省跨境电商产业带 are one zone: identify it by the full place name
            cand.key = region.name + text[region.end:end]
        if etype != "Region":
            taken.update(range(start, end))
        if etype == "Organization":
            org_at_end[end] = cand  # 合肥国轩…有限公司|试制工程院: a later name does not swallow it
        elif etype == "Enterprise":
            firm_start_at_end[end] = start
        yield cand


#: A province's abbreviation and one or two directions name a part of it (皖南, 粤北, 鲁西南, 黔东南).
_PROVINCE_PART = re.compile(r"(.)([东南西北中]{1,2})")


def _opens_with_province_part(name: str, suffix: str, place_abbreviations: frozenset[str], firm: bool) -> bool:
    """A zone named after a part of a province no reference lists (皖南|国际文化旅游示范区,
    粤北|现代农业示范园区), the part followed by a stem of its own; not a known firm that reads the
    same (京东|物流园区 is the firm's park)."""
    part = _PROVINCE_PART.match(name)
    return not firm and part is not None and part.group(1) in place_abbreviations and len(name) - part.end() > len(suffix)


#: The dash that joins two places naming one zone (关中—天水经济区, 澳门—珠海跨境金融合作示范区).
_PLACE_DASHES = frozenset("—－-")


def recognise_local_bodies(text: str, tokens: TokenIndex, regions: list[Candidate],
                           patterns: Sequence[tuple[str, str, tuple[str, ...]]]) -> Iterator[Candidate]:
    """Region + body head: 上海市人民政府, 邢台市委, 江苏省发改委, 宁夏回族自治区政协.

    ``patterns`` are (surface suffix, official suffix, region levels or ()) longest first: the
    reference's local-body patterns, then the generic heads of the lexicon.
    """
    by_first: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}  # the only patterns a text can start with
    for pattern in patterns:
        by_first.setdefault(pattern[0][0], []).append(pattern)
    parent_at_end = {r.end: r for r in regions if r.ref is not None and getattr(r.ref, "level", "") in ("province", "city")}
    for region in regions:
        if region.ref is None:
            continue
        level = getattr(region.ref, "level", "")
        if level == "country":
            if text.startswith("政府", region.end) and tokens.is_boundary(region.end + 2):
                yield Candidate(region.start, region.end + 2, "Organization", region.name + "政府",
                                source="local_body", confidence=0.8)  # 新加坡政府: a state's government
            continue
        # 佛山市|禅城区人民政府: the body's name opens with the city its district lies in
        parent = parent_at_end.get(region.start) if level in ("county", "city") else None
        start, prefix = (parent.start, parent.name) if parent is not None else (region.start, "")
        session = _SESSION.match(text, region.end)  # 河南省|第十三届|人民代表大会常务委员会: the body of every session
        offset = session.end() - region.end if session else 0
        rest = text[region.end + offset: region.end + offset + 14]
        if not rest:
            continue
        for suffix, official, levels in by_first.get(rest[0], ()):
            if not rest.startswith(suffix) or levels and level not in levels or session and suffix not in _SESSION_BODIES:
                continue
            end = region.end + offset + len(suffix)
            if len(suffix) == 1 and (end < len(text) and not tokens.is_boundary(end) or text[end:end + 1] in "员会部长"):
                continue
            yield Candidate(start, end, "Organization", prefix + _full_body_name(region, official),
                            source="local_body", confidence=0.85)
            break
        else:
            bureau = None if session else _BUREAU.match(text, region.end)
            if bureau and tokens.is_boundary(bureau.end()) and is_department_field(bureau.group(1)):
                yield Candidate(start, bureau.end(), "Organization", prefix + region.name + bureau.group(),
                                source="local_body:bureau", confidence=0.75)


#: A legislature's or CPPCC's session number between its region and its name.
_SESSION = re.compile(r"第[一二三四五六七八九十百]+届")
_SESSION_BODIES = frozenset({"人民代表大会常务委员会", "人大常委会", "人民代表大会", "人大", "政协", "政治协商会议",
                             "委员会"})
#: A department a region's government names by its field (广东省|旅游局, 山西省|物价局, 广东省|信息产业厅):
#: group 1 is the field (checked by :func:`is_department_field`). Also read after a bare 省/市 (merge.py).
DEPARTMENT_BY_FIELD = r"([\u4e00-\u9fff]{2,6}?)(?:局|厅)(?![长面势部限])"
_BUREAU = re.compile(DEPARTMENT_BY_FIELD)
#: A sub-unit after a body's name: a branch in a place (中国人民银行|合肥|中心支行) or a ministry's
#: department (工业和信息化部|装备工业二司).
_BRANCH = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:中心支行|营业管理部|支行|分行|分局|分署|分会|办事处)")
_MINISTRY_DEPARTMENT = re.compile(r"([\u4e00-\u9fff]{2,8}?[一二三四五六七八九十]?)司(?![机法令])")


def is_department_field(stem: str) -> bool:
    """The field a department is named by: nouns (旅游, 物价, 信息产业), no verb or function word."""
    words = cut_without_hmm(stem)
    return stem not in GENERIC_NAME_WORDS and not any(
        is_function_word(w) or w in GENERIC_NAME_WORDS or word_tag(w) in ("ns", "nr") for w in words)


def recognise_sub_units(text: str, bodies: Sequence[Candidate], regions: Sequence[Candidate]) -> Iterator[Candidate]:
    """A body's branch in a place (中国人民银行合肥中心支行) and a ministry's department
    (工业和信息化部装备工业二司): one organisation, not the body and a fragment."""
    region_at_start = {r.start: r for r in sorted(regions, key=lambda c: c.length)}
    for body in bodies:
        if body.type != "Organization":
            continue
        region = region_at_start.get(body.end)
        branch = _BRANCH.match(text, region.end) if region is not None else None
        if branch:
            yield Candidate(body.start, branch.end(), "Organization", body.name + text[body.end:branch.end()],
                            source="sub_unit:branch", confidence=0.8)
        elif body.name.endswith("部") and (department := _MINISTRY_DEPARTMENT.match(text, body.end)) \
                and not department.group(1).endswith("公") and is_department_field(department.group(1).rstrip("一二三四五六七八九十")):
            yield Candidate(body.start, department.end(), "Organization", body.name + department.group(),
                            source="sub_unit:department", confidence=0.8)


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
               taken: set[int], hosts: dict[int, Candidate], zone: bool = False, firm: bool = False) -> int | None:
    start = suffix_start
    # the suffix may sit inside a token (清华大学): start from that token's start
    tok = tokens.token_before(suffix_start + 1)
    if tok and tok[0] < suffix_start and tok[1] >= suffix_start:
        if _NAME_CHAR.match(text[tok[0]]) and text[tok[0]:suffix_start] not in NAME_BOUNDARY_WORDS:
            start = tok[0]
    count = 0
    while count < _MAX_TOKENS and suffix_start - start < _MAX_NAME:
        region = region_at_end.get(start)
        if region is not None:  # names start at a region: 合肥|国轩高科…, 长三角|国家技术创新中心
            host = hosts.get(region.start)  # …unless a body precedes it: 浙江大学|金华|研究院
            if host is None and firm:
                return _brand_before_place(text, tokens, region.start, region_at_end, taken)
            if host is None and not zone and _province_before_city(region, region_at_end.get(region.start)):
                return region_at_end[region.start].start  # a body's name opens with both: 陕西|铜川|建材研究院
            return host.start if host is not None else region.start
        host = hosts.get(start)
        if host is not None and start != suffix_start:
            return host.start  # a unit of a named body: 中国中医科学院|广安门医院
        tok = tokens.token_before(start)
        if tok is None:
            break
        tstart = tok[0]
        word = text[tstart:start]
        if not word or not all(_NAME_CHAR.match(ch) for ch in word):
            break
        if (is_function_word(word) and not (word in _NUMERALS and text[start:start + 1] not in _MEASURES)
                and not _adverb_inside_name(text, tokens, tstart, word, taken)
                and not (firm and (_verb_after_brand(text, tokens, tstart, word, taken) or _noun_compound(word)))
                and not _split_word_inside_name(text, tokens, tstart, word, region_at_end)):
            if ((zone and count == 0 or not zone and count > 0 and word_tag(word) == "t")
                    and word not in NAME_BOUNDARY_WORDS and len(word) == 2 and tstart in region_at_end):
                start = tstart  # 岷县|当归|产业园, 山东|未来|网络研究院: a product word jieba tags as a
                continue        # verb, or a time word inside a body's name, right after the place
            if firm and word == _STATE_FIRM_OPENING and _after_phrase_end(text, tokens, tstart):
                start = tstart  # 工艺的|中|铝东南铜业公司: 中 opens a state firm's name, not "in"
            break  # but 桂林|三|金药业: a numeral inside a brand
        if any(i in taken for i in range(tstart, start)):
            break
        opening = glued_function_chars(word)
        if opening:  # 与阳|煤集团, 其为|美的集团: the name starts after the conjunction jieba glued to it
            start = tstart + opening if opening < len(word) else start
            break
        start = tstart
        count += 1
    return start if start < suffix_start else None


#: The character that opens the short names of central state firms (中铝, 中粮, 中建材), a direction
#: word to jieba.
_STATE_FIRM_OPENING = "中"


def _after_phrase_end(text: str, tokens: TokenIndex, offset: int) -> bool:
    """Whether ``offset`` starts a phrase: the text's start, a clause mark or a 的 before it."""
    before = tokens.token_before(offset)
    return before is None or text[before[0]:offset] == "的" or not _NAME_CHAR.match(text[offset - 1])


def _opens_with_short_form(name: str, suffix: str, place_initials: frozenset[str]) -> bool:
    """A firm's short form opens the name (鞍钢|铸管厂, 唐钢|股份): its works or its listed arm,
    distinctive by the firm although the rest is common words."""
    return len(name) - len(suffix) >= 2 and name[0] in place_initials and name[1] in SHORT_FORM_SECTORS


def _owned_by_place(text: str, start: int, name: str, suffix: str) -> bool:
    """A bare 省/市 opening a list item's firm (、省铁塔公司, ，市城投公司): the province's or city's own
    company, distinctive by its place although its trade is a common word."""
    return text[start] in "省市" and (start == 0 or text[start - 1] in ITEM_START) and len(name) - len(suffix) >= 3


def _province_before_city(city: Candidate, before: Candidate | None) -> bool:
    """A province named right before one of its cities (陕西|铜川, 内蒙古|鄂尔多斯), or a city right
    before one of its counties (杭州|钱塘综合保税区管理委员会)."""
    if before is None:
        return False
    level, outer = getattr(city.ref, "level", ""), getattr(before.ref, "level", "")
    return (outer == "province" and level in ("city", "prefecture")
            or outer == "city" and level == "county" and before.key in (getattr(city.ref, "parents", ()) or ()))


def _brand_before_place(text: str, tokens: TokenIndex, place_start: int, region_at_end: dict[int, Candidate],
                        taken: set[int]) -> int:
    """A firm's name may put its trade name before the place of the works it names (华能|铜川电厂,
    湖南|华菱|湘潭钢铁有限公司): a token jieba tags as a proper name (nz) starts it, or the place right
    before that token; so does a short-form place right before the place (山西|晋城煤业…公司);
    otherwise the name starts at the place."""
    outer = region_at_end.get(place_start)
    if outer is not None and text[outer.end - 1] not in _LEVEL_CHARS \
            and not any(i in taken for i in range(outer.start, place_start)):
        return outer.start  # 山西|晋城煤业…公司 — but 安徽省|合肥国轩…: the firm in that province
    tok = tokens.token_before(place_start)
    if tok is None or any(i in taken for i in range(tok[0], place_start)):
        return place_start
    word = text[tok[0]:place_start]
    if len(word) < 2 or not all(_NAME_CHAR.match(ch) for ch in word) or word_tag(word) not in _BRAND_TAGS \
            or word in NAME_BOUNDARY_WORDS or glued_function_chars(word):
        return place_start
    region = region_at_end.get(tok[0])
    return region.start if region is not None else tok[0]


#: The last characters of a place's full name by its level (安徽省, 合肥市): a phrase, not a firm's name.
_LEVEL_CHARS = frozenset("省市区县州盟旗")
#: jieba tags of the trade names that open a firm's name before its place (华能, 华菱: nz).
_BRAND_TAGS = frozenset({"nz"})
#: What before 厂/矿 makes a kind of plant, a public utility or a verb's object (智能工厂, 污水处理厂, 设厂).
_NOT_A_WORKS = re.compile(r"(?:(?<!化)工|处理|污水|[设建开办迁])$")


#: One-character conjunctions, prepositions and pronouns that open a clause's next phrase.
_OPENING_CHARS = frozenset("与和及同跟对向由为在把被将其从以")


def glued_function_chars(word: str) -> int:
    """How many of ``word``'s first characters are function characters jieba glued to a name
    it does not know (与阳 in 晋煤集团与阳煤集团): 0 for a dictionary word (和平, 同方)."""
    if len(word) < 2 or word_tag(word) is not None:
        return 0
    count = 0
    while count < len(word) and word[count] in _OPENING_CHARS:
        count += 1
    return count


#: Adverbs that open a predicate, never part of a firm's name: the walk stops at them.
_PREDICATE_ADVERBS = frozenset("""已经 正在 不断 积极 大力 进一步 全面 共同 充分 主要 相继 先后 分别 同时 目前 正式 首次
    率先 均 也 还 又 再 都 就 才 已 将 正 曾 仍 更 最 很 不 没有 重点 加快 持续 逐步 明显 基本""".split())


#: jieba tags of the halves of a set phrase that is a compound noun (生物|工程, 电子|陶瓷).
_NOUN_HALF_TAGS = frozenset({"n", "vn", "nz"})


def _noun_compound(word: str) -> bool:
    """A four-character set phrase (jieba: l) made of two nouns (生物工程, 有机化工): the trade a firm's
    name states (遵义黔北|生物工程|股份有限公司), not an idiom of the clause (别具一格)."""
    return (len(word) == 4 and word_tag(word) == "l" and word_tag(word[:2]) in _NOUN_HALF_TAGS
            and word_tag(word[2:]) in _NOUN_HALF_TAGS)


def _split_word_inside_name(text: str, tokens: TokenIndex, tstart: int, word: str,
                            region_at_end: dict[int, Candidate]) -> bool:
    """A one-character verb that jieba cut off a two-character word (皖北|光|能|科技有限公司: 光能, a
    noun): the character before it is a one-character token right after a place, so both are the name."""
    if len(word) != 1:
        return False
    before = tokens.token_before(tstart)
    if before is None or before[1] - before[0] != 1 or before[0] not in region_at_end:
        return False
    left = text[before[0]]
    return bool(_NAME_CHAR.match(left)) and not is_function_word(left) and not is_function_word(left + word)


def _adverb_inside_name(text: str, tokens: TokenIndex, tstart: int, word: str, taken: set[int]) -> bool:
    """A two-character word jieba tags as an adverb (高新, 精密) inside a firm's name: the name goes
    on to its left (九江天赐|高新|材料有限公司) with a name word right before it."""
    if len(word) != 2 or word_tag(word) != "d" or word in _PREDICATE_ADVERBS:
        return False
    before = tokens.token_before(tstart)
    if before is None:
        return False
    left = text[before[0]:tstart]
    return (len(left) >= 2 and all(_NAME_CHAR.match(ch) for ch in left) and not is_function_word(left)
            and not any(i in taken for i in range(before[0], tstart)))


def _verb_after_brand(text: str, tokens: TokenIndex, tstart: int, word: str, taken: set[int]) -> bool:
    """A two-character word jieba tags as a verb (发行, 置地) inside a firm's name right after its
    trade name, a word the dictionary tags as a proper name (新华|发行|集团): the name goes on to it."""
    if len(word) != 2 or word_tag(word) != "v" or word in NAME_BOUNDARY_WORDS or word in _PREDICATE_ADVERBS:
        return False
    before = tokens.token_before(tstart)
    if before is None:
        return False
    brand = text[before[0]:tstart]
    return word_tag(brand) in _BRAND_TAGS and not any(i in taken for i in range(before[0], tstart))


#: A quarter or half of a year as analysts write it (1Q25, 2024Q1, 1H24, Q3).
_PERIOD_CODE = re.compile(r"[1-4][QH]\d{2}|(?:20)?\d{2}[QH][1-4]|[QH][1-4]")


def _distinctive(name: str, suffix: str, region: Candidate | None, industry_words: set[str]) -> bool:
    """The part before the suffix must be a proper name, not a category (国家重点实验室).

    A leading region makes a name distinctive (长三角国家技术创新中心); otherwise something must
    remain once descriptive words (国家, 国际, 综合性, 重点, 科技创新 …) are taken off.
    """
    core = name[: -len(suffix)]
    if region is not None and region.length <= len(core):
        if re.match(r"[一二三四五六七八九十两几多数\d]+[地省市区县家个所]", core[region.length:]):
            return False  # 浙江、…、湖北五地创新中心: “five places' centres”, not a body named 湖北五地
        return len(core) > 0 or suffix in _REGION_ONLY_NAMES
    if core in industry_words or core.endswith(("企业", "部门", "机构", "单位", "平台", "相关", "各类")):
        return False
    rest = core
    changed = True
    while rest and changed:
        changed = False
        for word in _DESCRIPTORS:
            if rest.startswith(word) or rest.endswith(word):
                rest = rest[len(word):] if rest.startswith(word) else rest[: -len(word)]
                changed = True
    if len(rest) < 2 and not (rest and rest.isascii()):
        return False
    if re.fullmatch(r"[0-9一二三四五六七八九十百千多几]+[家个批所]?", core) or _PERIOD_CODE.fullmatch(core):
        return False  # 1Q25公司IPO规模同比下滑: the quarter the firm is spoken of in, no name
    if name.startswith(("有限公司", "公司", "集团")) or any(w in core for w in ("部门", "相关", "等")):
        return False
    # a registered legal form is evidence enough that the name is a firm's (传化集团有限公司)
    return suffix.endswith(("有限公司", "有限责任公司")) or has_proper_part(name, core)


def has_proper_part(name: str, core: str) -> bool:
    """Some part of the name is a proper name: a dictionary name (复旦大学, nt), a place or brand
    token (华东, 奇瑞 — unknown to the dictionary), or Latin letters (C40); 临床医院 has none."""
    if word_tag(name) in ("nt", "nz"):
        return True
    tokens = cut_without_hmm(core)
    for token in tokens:
        if token in _DESCRIPTORS:
            continue
        tag = word_tag(token)
        if tag in _PROPER_TAGS or token.isascii() and token.strip() or tag is None and len(token) >= 2:
            return True
    # a word unknown to the dictionary falls apart into single characters (奇瑞 → 奇/瑞, 麟字 → 麟/字)
    singles = [t for t in tokens if len(t) == 1 and word_tag(t) in (None, "ng", "nr", "ns")]
    return len(singles) >= 2 or any(
        len(a) == len(b) == 1 and (a in singles or b in singles) and word_tag(a + b) is None
        for a, b in zip(tokens, tokens[1:]))


_REGION_ONLY_NAMES = ("大学", "科学城", "新区", "自贸区", "自由贸易试验区", "高新区", "经开区")
_DESCRIPTORS = tuple(sorted(GENERIC_NAME_WORDS | set(
    """国家 全国 国际 综合性 重点 工程 技术 科技 创新 科技创新 区域 研究 制造业 产业 工业 企业 发展 中国特色 高水平
    高端 新型 现代 先进 公共 综合 专业 行业 服务 数字 智能 智慧 绿色 一流 世界 全球 地方 省级 市级 国家级""".split()),
    key=len, reverse=True))


_FIRM_LIST_TAIL = re.compile(r"(?:等|这样的)(?:\d+|[一二三四五六七八九十百多几数]+)?[家个]?(?:[\u4e00-\u9fff]{0,4}?|世界\d+强)"
                             r"(?:企业|公司|车企|药企|厂商|厂家|品牌)|等")
#: A list closed by a bare 等, at its clause's end (包括A、B、C等。) or before the clause goes on (A、B、C等的异动):
#: its members are firms when two of them, and a third at least, are known as firms.
_BARE_TAIL = "等"
#: Tails that call the members firms outright (等13家企业, 等公司, 等龙头企业, 等世界500强企业): not their brands,
#: nor a class of firms by what they do (等物流企业, 等细分领域企业, 等方面支持企业).
_FIRM_CLASS_TAIL = re.compile(r"等(?:\d+|[一二三四五六七八九十百多几数]+)?[家个批]?(?:知名|重点|龙头|骨干|上市|大型|国内|国际|世界\d+强|"
                              r"外资|民营|国有|领军|头部|高科技|高新技术|科技型)?(?:企业|公司|车企|药企|厂商|厂家)")
#: A list member, bare (士兰微, OPPO) or quoted (“太标”).
_LIST_ITEM = re.compile(r"(?:“([^“”、，。]{1,8})”|([\u4e00-\u9fffA-Za-z0-9·]{2,10}))$")
#: The last two members of a list joined by 以及/和 (三安光电、士兰微、联创光电以及大连路美等企业),
#: the one before a 、.
_JOINED_ITEMS = re.compile(r"(?<=、)([\u4e00-\u9fffA-Za-z0-9·]{2,10}?)(?:以及|及|和|与)([\u4e00-\u9fffA-Za-z0-9·]{2,10})$")


def _list_members(text: str, end: int, firm_start_at: dict[int, int] | None = None) -> list[tuple[int, int]]:
    """The members of the 、-list that ends at ``end``, last first, as (start, end) offsets. A firm
    the rules name (``firm_start_at``: its end → its start) is one member however long its name
    (贵州茅台、遵义黔北生物工程股份有限公司等企业)."""
    items: list[tuple[int, int]] = []
    pos = end
    joined = _JOINED_ITEMS.search(text, max(0, pos - 22), pos)
    if joined:  # the last member joined by 以及/和 to the one before (恒创光电以及明远半导体)
        items.append((joined.start(2), joined.end(2)))
        pos = joined.end(1)
    while True:
        known = (firm_start_at or {}).get(pos)
        if known is not None:
            start, stop, outer = known, pos, known
        elif (m := _LIST_ITEM.search(text, max(0, pos - 10), pos)) is not None:
            group = 1 if m.group(1) else 2
            start, stop, outer = m.start(group), m.end(group), m.start()  # (outer: a quoted member's quote)
        else:
            break
        items.append((start, stop))
        if outer > 0 and text[outer - 1] == "、":
            pos = outer - 1
        else:
            break
    return items


def _named_by(end_from: dict[int, int], start: int, end: int) -> bool:
    """Whether a name (``end_from``: start → the furthest end of a name starting there) spans the
    whole of ``start:end``."""
    return any(end_from.get(i, -1) >= end for i in range(max(0, start - _MAX_NAME), start + 1))


def _other_kind(text: str, known: list[Candidate], industry_words: set[str]) -> Callable[[int, int], bool]:
    """Whether a list member is a place, a body or a sector the rules name, or a sector word: a
    list holding one is not a list of firms. A sector inside a brand (三安|光电) does not count."""
    place_spans = {(k.start, k.end) for k in known if k.type == "Region"}
    bodies_and_sectors: dict[int, int] = {}
    for k in known:
        if k.type in ("Organization", "Industry"):
            bodies_and_sectors[k.start] = max(bodies_and_sectors.get(k.start, 0), k.end)

    def is_other(start: int, end: int) -> bool:
        return (start, end) in place_spans or _named_by(bodies_and_sectors, start, end) or text[start:end] in industry_words

    return is_other


def _leading_predicate(item: str) -> int:
    """How many characters of a list's first member are the clause's words before it: the
    adverbs and verbs that open it (目前看好|煤气化, 引进了|托普软件), and whatever comes before a
    boundary or grammatical word inside it (太原市应依托|太钢集团), by jieba's dictionary."""
    words = cut_without_hmm(item)
    lead, opening, offset = 0, True, 0
    for word in words:
        offset += len(word)
        opening = opening and (is_function_word(word) or word_tag(word) in _PREDICATE_TAGS)
        if opening or word in NAME_BOUNDARY_WORDS or word_tag(word) in _GRAMMATICAL_TAGS:
            lead = offset
    return lead


#: jieba tags of the verbs and time words a clause opens with before its list.
_PREDICATE_TAGS = frozenset({"v", "vd", "t", "d"})
#: jieba tags of words that never sit inside a firm's name: prepositions, conjunctions, particles,
#: adverbs, pronouns.
_GRAMMATICAL_TAGS = frozenset("p c u uj ul uz d r".split())


def recognise_listed_firms(text: str, known: list[Candidate], industry_words: set[str]) -> Iterator[Candidate]:
    """Members of 'A、B、C等7家整车企业' are firms by construction, brands included (远景, 汉马科技).

    A list counts when one member is already known as a firm; when its tail calls its members
    firms (等企业, 等13家企业: not 等品牌) and none of its members is a place, body or sector — so
    lists of products or sectors before 等企业 are not taken for companies; or, closed by a bare
    等, when two of its members and a third at least are firms the document names (包括天科股份、准油股份、
    中国石油、中海油、海油工程、延长化建等。). In a list its tail calls firms, a member opening with a
    known firm and a name of its own after it is a firm too (韶钢港务、韶峰等物流企业).
    """
    firm_spans = {(k.start, k.end) for k in known if k.type == "Enterprise"}
    firm_ends = {end for _, end in firm_spans}
    firm_names = {k.name for k in known if k.type == "Enterprise"}
    # a member naming a place (合肥长安) may still be a firm; one that is a body or sector is not
    firm_at = {i for k in known if k.type == "Enterprise" for i in range(k.start, k.end)}  # 比亚迪合肥 is 比亚迪
    firm_end_from = {k.start: k.end for k in known if k.type == "Enterprise"}
    is_other = _other_kind(text, known, industry_words)

    def opens_with_firm(start: int, end: int) -> bool:
        """A known firm and a name of its own after it: its unit or venture (韶钢|港务), not the firm in a place."""
        inner = firm_end_from.get(start, end)
        return end - inner >= 2 and not is_other(inner, end)

    known_firms = [k for k in known if k.type == "Enterprise"]
    firm_start_at: dict[int, int] = {}
    for k in known_firms:
        firm_start_at[k.end] = min(k.start, firm_start_at.get(k.end, k.start))
    for tail in _FIRM_LIST_TAIL.finditer(text):
        items = _list_members(text, tail.start(), firm_start_at)
        if len(items) < 2:
            continue
        members = _members_without_lead(text, items)
        # only a tail calling them firms makes 韶钢|港务 one (鞍钢|智慧矿山、…等 is the firm's project)
        bare = tail.group() == _BARE_TAIL
        firms = sum(end in firm_ends or text[start:end] in firm_names or not bare and opens_with_firm(start, end)
                    for start, end in items)
        if bare:
            if 3 * firms < len(items) or firms < 2 or len(items) < 3:
                continue
        elif not firms and (not _FIRM_CLASS_TAIL.fullmatch(tail.group()) or len(members) < 2
                            or any(is_other(start, end) for start, end in members)):
            continue
        for start, end in members:
            name = text[start:end]
            if end in firm_ends or is_other(start, end) or any(i in firm_at for i in range(start, end)) \
                    and (bare or not opens_with_firm(start, end)):
                continue  # 比亚迪|合肥 is the firm in a place, 韶钢|港务 a firm of its own
            if any(len(known_name) > len(name) and text.startswith(known_name, end - len(known_name))
                   for known_name in firm_names):
                continue  # 包括天|科股份: the tail of a firm the text names, its head cut off as a verb's
            quoted = text[start - 1:start] == "“" and text[end:end + 1] == "”"
            if name in GENERIC_NAME_WORDS or is_function_word(name) and not quoted:
                continue  # a brand the text quotes is a name however the dictionary reads it (“一通”)
            firm_names.add(name)
            full = _shortened(name, known_firms)
            yield Candidate(start, end, "Enterprise", full.name if full else name, key=full.key if full else "",
                            source="firm_list", confidence=0.55)


def _shortened(short: str, firms: list[Candidate]) -> Candidate | None:
    """The firm the text names in full whose name a list member shortens to its place's short form
    and its brand (佛山赛维斯 for 佛山市赛维斯药业公司): one firm, under its full name."""
    if len(short) < 4:
        return None
    for firm in firms:
        full = firm.name
        if len(full) > len(short) and full.startswith(short[:2]) and (
                full.startswith(short[2:], 2) or full[2] in _LEVEL_CHARS and full.startswith(short[2:], 3)):
            return firm
    return None


def _members_without_lead(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The members of a list (last first) whose first one loses the clause's words before it
    (集聚|奇瑞, 目前看好|煤气化), or is left out when it may hold them and none are found."""
    first_start, first_end = items[-1]
    quoted = text[first_start - 1:first_start] == "“"
    lead = 0 if quoted else _leading_predicate(text[first_start:first_end])
    members = items[:-1]
    if first_end - first_start - lead >= 2 and (lead or first_start == 0 or text[first_start - 1] in "，,。；;：:\n（(“"):
        members.append((first_start + lead, first_end))
    return members


#: A count of firms right after their list (A和B两家公司, A、B、C三家企业): as many members as it counts.
_COUNTED_FIRMS = re.compile(r"(?<![等第])([两二三四五六])家(?:[\u4e00-\u9fff]{0,4}?)(?:企业|公司|车企|药企|厂商|厂家)")
_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
#: A member after a separator of its list (、|VEECO, 和|美国VEECO), and the list's first member.
_COUNTED_MEMBER = re.compile(r"(?:、|以及|和|与|及)([^\W和与及]{2,10})$")
_FIRST_MEMBER = re.compile(r"[^\W和与及]{2,12}$")


_SHORT_FORM_SECTOR = re.compile(f"[{''.join(sorted(SHORT_FORM_SECTORS))}]")


def recognise_short_firms(text: str, known: list[Candidate], place_initials: frozenset[str]) -> Iterator[Candidate]:
    """A firm's short form: its city's or province's first character and its sector's (鞍钢、唐钢,
    陕汽), when neither character makes a word with its other neighbour (轴承|钢 is bearing steel,
    全国|钢铁 and 上汽|车 read otherwise), the pair is no dictionary verb (攀钢) and no name found
    covers it (江苏沙钢集团有限公司)."""
    hits = [i for i in (match.start() - 1 for match in _SHORT_FORM_SECTOR.finditer(text, 1))
            if text[i] in place_initials and not (i > 0 and word_tag(text[i - 1:i + 1]))
            and not word_tag(text[i + 1:i + 3]) and word_tag(text[i:i + 2]) != "v"]
    if not hits:
        return
    covered = bytearray(len(text))  # one byte a character, only for the rare text that has a hit
    for k in known:
        covered[k.start:k.end] = b"\x01" * k.length
    for i in hits:
        if not covered[i]:
            yield Candidate(i, i + 2, "Enterprise", text[i:i + 2], source="firm_short_form", confidence=0.6)


def recognise_counted_firms(text: str, known: list[Candidate], industry_words: set[str]) -> Iterator[Candidate]:
    """Members of a list the text counts as firms (德国AIXTRON和美国VEECO两家公司): firms when the
    list holds exactly the members counted and none is a place, body or sector."""
    firm_spans = {(k.start, k.end) for k in known if k.type == "Enterprise"}
    is_other = _other_kind(text, known, industry_words)
    for tail in _COUNTED_FIRMS.finditer(text):
        count, pos, items = _COUNTS[tail.group(1)], tail.start(), []
        while len(items) < count - 1:
            member = _COUNTED_MEMBER.search(text, max(0, pos - 14), pos)
            if member is None:
                break
            items.append((member.start(1), member.end(1)))
            pos = member.start()
        first = _FIRST_MEMBER.search(text, max(0, pos - 12), pos) if len(items) == count - 1 else None
        if first is None:
            continue
        start = first.start() + _leading_predicate(first.group())
        if first.end() - start < 2:
            continue
        items.append((start, first.end()))
        if any(is_other(s, e) for s, e in items):
            continue
        for s, e in items:
            name = text[s:e]
            if (s, e) not in firm_spans and name not in GENERIC_NAME_WORDS and not is_function_word(name):
                yield Candidate(s, e, "Enterprise", name, source="firm_list", confidence=0.55)


#: A list the text introduces as firms: 钢企如|宝钢、南钢、沙钢, 重点专利权人包括|辉瑞、默沙东, 车企有|…,
#: 领头羊则包括|…, or in apposition to a rank of firms when 等 closes the list (超硬材料龙头企业|四方达、力量钻石等),
#: or after a colon that closes a short phrase on firms when 等 closes the list (几大巨头垄断：
#: |日亚化学、科锐、以及飞利浦等; not a letter's salutation 各相关企业：, nor 企业家：).
_FIRM_LIST_HEAD = re.compile(r"(?:钢企|车企|药企|企业|厂商|厂家|专利权人|巨头|龙头|领头羊|公司)"
                             r"(?:(?:则|还|也|就)?(?:主要)?(?:包括|有|如|像|比如|例如)[：:]?"
                             r"|(?!家)[\u4e00-\u9fff]{0,2}(?P<colon>[：:]))"
                             r"|(?:龙头|骨干|领军|链主|头部)企业(?P<apposition>)(?=[^\W等]{2,8}、)")
#: Between members: 、 (possibly with 以及/和 after it: 科锐、以及飞利浦), 和, 以及, 及.
_INTRODUCED_SEPARATOR = re.compile(r"、(?:以及|及|和)?|和|以及|及")
_INTRODUCED_END = re.compile(r"[、，,；;。）)]|和|以及|及|等")
_INTRODUCED_ITEM = re.compile(r"([\u4e00-\u9fffA-Za-z·]{2,8}?)(?=" + _INTRODUCED_END.pattern + ")")


def _opens_with_verb(item: str) -> bool:
    """Whether jieba's first word of ``item`` is a verb or a boundary word (加大|研发; not 四方|达)."""
    first = cut_without_hmm(item)[0]
    return first in NAME_BOUNDARY_WORDS or word_tag(first) in ("v", "vd")


def recognise_introduced_firms(text: str, known: list[Candidate], industry_words: set[str]) -> Iterator[Candidate]:
    """Members of a list the text opens as firms (钢企如宝钢、南钢、沙钢、河钢等企业): firms by
    construction, however short or foreign their names; the list ends at the first clause mark.
    It counts only with two members or more, and no member may be a place, body or sector (it may
    hold one: 大连|路美, 晶能|光电)."""
    other_end: dict[int, int] = {}  # where the longest place, body, sector or policy starting here ends
    for k in known:
        if k.type in ("Organization", "Industry", "Region", "Policy"):
            other_end[k.start] = max(other_end.get(k.start, 0), k.end)
    firm_spans = {(k.start, k.end) for k in known if k.type == "Enterprise"}
    firm_end = {k.start: k.end for k in known if k.type == "Enterprise"}

    def is_other(start: int, end: int) -> bool:  # a sector inside a brand (晶能|光电) does not count
        return any(other_end.get(i, -1) >= end for i in range(max(0, start - _MAX_NAME), start + 1))

    for head in _FIRM_LIST_HEAD.finditer(text):
        items, pos = [], head.end()
        while True:
            m = _INTRODUCED_ITEM.match(text, pos)
            known_end = firm_end.get(pos, -1)  # a firm the rules name is a member, however long (八乐梦医用床有限公司)
            if known_end > pos and _INTRODUCED_END.match(text, known_end):
                items.append((pos, known_end))
                pos = known_end
            elif m:
                items.append((m.start(1), m.end(1)))
                pos = m.end(1)
            else:
                break
            separator = _INTRODUCED_SEPARATOR.match(text, pos)
            if separator is None:
                break
            pos = separator.end()
        if len(items) < 2 or any(is_other(s, e) for s, e in items) \
                or (head.group("colon") is not None or head.group("apposition") is not None) and not text.startswith("等", pos):
            continue
        if head.group("apposition") is not None and _opens_with_verb(text[items[0][0]:items[0][1]]):
            continue  # 龙头企业|加大研发、人才等投入: what the firms do, not who they are
        for start, end in items:
            name = text[start:end]
            if (start, end) in firm_spans or name in industry_words or name in GENERIC_NAME_WORDS \
                    or is_function_word(name):
                continue
            yield Candidate(start, end, "Enterprise", name, source="firm_list", confidence=0.55)


#: What a firm does to another right after its name: founds, buys or holds it (美的集团成立|美云智数,
#: 海立股份收购|马瑞利); or sets up a venture with it (鞍钢与|冀东水泥|合资). Group 1 is the other firm.
_FIRM_OBJECT = re.compile(r"(?:成立|收购|并购|控股|入股|参股)了?([^\W\d]{2,8}?)(?=(?:之|以)?后|以来|时|[，。、；（(]|$)")
_FIRM_PARTNER = re.compile(r"(?:与|和|同)([^\W\d与和]{2,8}?)(?:合资|共同出资|共同投资|联合成立|联合组建)")
#: Class nouns that end a kind of body or firm, not a name (成立|产业联盟, 与|我市企业|合资).
_CLASS_END = re.compile(r"(?:企业|公司|机构|联盟|部门|单位|平台|基金|项目|团队|小组|专班)$")


def recognise_related_firms(text: str, known: list[Candidate]) -> Iterator[Candidate]:
    """A firm another firm the rules know founds, buys or holds, or sets up a venture with, named
    right after it (海尔成立卡奥斯, 鞍钢与冀东水泥合资): a firm, unless a name the rules have, a class
    noun or a function word, or made of common words only (成立|工作组)."""
    named = bytearray(len(text))
    for k in known:
        if k.type != "Policy":
            named[k.start:k.end] = b"\x01" * k.length
    for end in sorted({k.end for k in known if k.type == "Enterprise"}):
        for pattern in (_FIRM_OBJECT, _FIRM_PARTNER):
            match = pattern.match(text, end)
            if match is None:
                continue
            start, stop = match.span(1)
            name = match.group(1)
            if name in GENERIC_NAME_WORDS or _CLASS_END.search(name) or is_function_word(cut_without_hmm(name)[0]) \
                    or named.find(1, start, stop) >= 0 or not has_proper_part(name, name):
                continue
            yield Candidate(start, stop, "Enterprise", name, source="firm_related", confidence=0.6)


#: What follows a firm named by its city's or province's short form and a brand (深圳迈瑞|生产的,
#: 苏州艾杰|和北京勤邦): a clause mark, a list joint or what the firm does.
_AFTER_PLACED_BRAND = re.compile(r"[，,、。；;）)]|和|与|及|生产|研发|推出|表示")
#: The levels of the places whose short form opens a local firm's name (not a country: 韩国现代 is
#: the firm 现代 from Korea, placed by candidates._opens_foreign_firm).
_BRAND_PLACE_LEVELS = frozenset({"province", "city", "county", "district"})
#: Characters no brand holds: function words and the words a clause goes on with after a place
#: (深圳|在该行业, 宁德|不搞, 云南|这片, 肇庆|等地).
_NOT_BRAND_CHARS = frozenset("等在的不本这那与和及并也都就又还将已被把对向从以为是有其该各每此连依东西南北上下中内外而如像比或且即来去")
#: Generic words that end a place's own name (上海|张江, 杭州|西湖, 宁波|北仑港): a place inside the
#: city the dictionary does not know, not a brand.
_PLACE_ENDINGS = frozenset("江河湖海山岭峰川州城区县乡镇村港湾岛洲桥庄口路街坊园塘浦")


#: The rest of a list closed by a kind of zone (…研发制造等特色专业园区, …等产业基地): its members are zones.
_ZONE_LIST_TAIL = re.compile(r"[^，。；：\n]{0,8}?等[^，。；：、\n]{0,6}?(?:" + "|".join(
    sorted(map(re.escape, ZONE_SUFFIXES), key=len, reverse=True)) + ")")


def recognise_placed_brands(text: str, known: list[Candidate]) -> Iterator[Candidate]:
    """A firm the press names by its city's or province's short form and a two-character brand the
    dictionary does not know (深圳迈瑞生产的, 苏州艾杰和北京勤邦): the place is part of how the
    text names the firm, as in 广东博力威. Only before a clause mark, a list joint or a firm's verb,
    so a place followed by its own phrase (宁德连抱产业, 四川东出北上) is not taken."""
    overlaps = Overlaps(known)
    for place in known:
        if place.type != "Region" or place.source != "gazetteer:alias" or place.length != 2 \
                or getattr(place.ref, "level", "") not in _BRAND_PLACE_LEVELS:
            continue
        end = place.end + 2
        brand = text[place.end:end]
        if len(brand) < 2 or not all("\u4e00" <= ch <= "\u9fff" and ch not in _NOT_BRAND_CHARS for ch in brand) \
                or brand[-1] in _PLACE_ENDINGS or word_tag(brand) or not _AFTER_PLACED_BRAND.match(text, end) \
                or any(k is not place for k in overlaps.overlapping(place.start, end)):
            continue  # a name found around the place or over the brand reads the text otherwise
        if _ZONE_LIST_TAIL.match(text, end):
            continue  # 南雄精细化工、…、始兴制笔研发制造等特色专业园区: a park of the place's trade, no firm
        yield Candidate(place.start, end, "Enterprise", text[place.start:end], source="placed_brand", confidence=0.55)


#: The sources of the firm names whose own name a text may carry on with a brand of the unit or
#: venture it names (西门子|迈迪特, 广汽|日野, 宝武|马钢): a list's or short form's, not a legal name's.
_EXTENDED_SOURCES = ("gazetteer:name", "gazetteer:alias", "firm_short_form", "firm_list")
#: The most characters such a brand holds.
_JOINED_BRAND = 3
#: jieba tags of the characters of a brand before a firm's name (宝武|马钢: nr, n).
_NOUN_TAGS = frozenset({"n", "nr", "ns", "nz", "j", None})


def recognise_joined_brands(text: str, known: list[Candidate]) -> Iterator[Candidate]:
    """A firm the rules know by its brand or short form, joined to a brand the dictionary does not
    know (jieba's single characters, two or three, no function character among them) right after
    it or right before it: one firm named by both (西门子迈迪特、稳健, 配套广汽日野取得…, 推进宝武马钢的…).
    Not when another name of the rules covers those characters (比亚迪|合肥)."""
    overlaps = Overlaps(known)
    for firm in known:
        if firm.type != "Enterprise" or firm.source not in _EXTENDED_SOURCES:
            continue
        after = _single_run(cut_without_hmm(text[firm.end:firm.end + 8]))
        if after and not overlaps.overlapping(firm.end, firm.end + after):
            end = firm.end + after
            yield Candidate(firm.start, end, "Enterprise", text[firm.start:end], source="firm_joined", confidence=0.55)
        before = _single_run(cut_without_hmm(text[max(0, firm.start - 8):firm.start])[::-1], nouns_only=True)
        if before and not overlaps.overlapping(firm.start - before, firm.start):
            start = firm.start - before
            yield Candidate(start, firm.end, "Enterprise", text[start:firm.end], source="firm_joined", confidence=0.55)


def _single_run(words: list[str], nouns_only: bool = False) -> int:
    """How many one-character words the list opens with (in the order given), when they are 2 or 3
    CJK characters, none a function character, and a longer word or a mark ends them: an unknown
    brand jieba cannot segment (0 otherwise). Before a firm (``nouns_only``) a clause's verbs and
    adverbs stand as often (飞出到|大疆, 皆可|DeepSeek): only characters read as nouns or names count."""
    run = []
    for word in words:
        if len(word) != 1 or not "\u4e00" <= word <= "\u9fff" or word in _NOT_BRAND_CHARS \
                or word_tag(word) in _GRAMMATICAL_TAGS - {"d"} or nouns_only and word_tag(word) not in _NOUN_TAGS:
            break  # (after a firm an adverb's or verb's character may still name: 迈迪特)
        run.append(word)
    else:
        return 0  # the window ended inside the run: its end is unknown
    return len(run) if 2 <= len(run) <= _JOINED_BRAND else 0


#: A list the text frames as projects (…、久泰甲醇等重大项目建成投产, …等34个项目建成投产).
_PROJECT_LIST_TAIL = re.compile(r"等(?:\d+|[一二三四五六七八九十百多几数]+)?[个批项]?[^，。；：、\n]{0,6}?项目")
#: What a project states about its works right after the firm that builds it (凤凰|日产4500吨,
#: 秦岭|第二条, 宝丰|第二套, 南网|720兆瓦, 东晶光电|二期) or the product it names by its Latin
#: letters (亿利|PVC).
_OUTPUT_AFTER_BRAND = re.compile(PROJECT_OUTPUT.pattern + r"|[一二三四五六七八九十\d]+期|\d|[A-Z]{2,}")
#: jieba tags of a brand's word: other proper name, person (凤凰, 秦岭 name firms as often), abbreviation.
_PROJECT_BRAND_TAGS = frozenset({"nz", "nr", "nrt", "j", "nt"})
#: The clause's words before a project list's first item (加快推进|华能…, 力争|联合利华…).
_PROJECT_OPENING = re.compile(r"(?:加快|推进|推动|力争|全力|抓紧|重点|开工|建设|建成|投产|实施|启动|做好|确保|提速|新建|续建)+")
#: The lengths of a brand that opens a project's name.
_PROJECT_FIRM = (2, 4)
#: jieba tags of a product a firm's project names right after its brand (联合利华|茶叶, 中石化|特种纤维): nouns.
_PRODUCT_TAGS = frozenset({"n", "nz"})
#: Words of a firm's own name between its brand and its project (光大|国际|战略合作): the name goes on over them.
_FIRM_NAME_WORDS = frozenset({"国际", "科技", "实业"})
#: Public works a place names (月潭|水库, 黄杭|铁路, 机荷|高速公路): a place's project, not a firm's.
_PUBLIC_WORKS = frozenset({"水库", "铁路", "公路", "高速公路", "高速", "隧道", "大桥", "机场", "港口", "码头", "管网"})


#: A dashed item of a digest (after its reference marks, or opening a line) headed by a name and its year's
#: results (-金风科技2025年上半年营业收入, -某某股份2024年归母净利润): the name (group 1) is a firm's.
_DIGEST_ITEM = re.compile(r"(?:(?<=\])|^)\s*[-－]\s*([\u4e00-\u9fff]{2,8}?)(?:(?:19|20)\d{2}\s*年)?"
                          r"(?:第?[一二三四]季度|首季|[上下]半年|前[二两三]季度|1[-－—~至][1-9]\d?月|年初以来|全年)?"
                          r"(?:营业总收入|营业收入|营收|总收入|归母净利润|净利润)", re.M)


def recognise_digest_firms(text: str, cands: list[Candidate]) -> Iterator[Candidate]:
    """Firms a broker's digest heads its dashed items with, that nothing else named (…[2][18] -金风科技2025年
    上半年营业收入285.4亿元: 金风 is a word of the dictionary, so 金风科技 reads as a kind of thing): a name
    heading an item and its year's results is a firm's."""
    taken = [(c.start, c.end) for c in cands]
    for item in _DIGEST_ITEM.finditer(text):
        start, end = item.span(1)
        if not any(a < end and start < b for a, b in taken):
            yield Candidate(start, end, "Enterprise", item.group(1), source="digest:item", confidence=0.6)


#: A word of Latin letters only (OPPO, Xilinx; not G60, 5G): no Chinese grammar word, nor a code.
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z0-9])")


def recognise_latin_owners(text: str, known: list[Candidate]) -> Iterator[Candidate]:
    """A Latin name right before a place or a body the rules know, or opening a body's name
    (Xilinx|亚太区市场总监, 在OPPO|长安产业园, OPPO运动健康实验室): the firm whose region, site or
    lab it is. A Latin word stands there for no phrase of the clause; one the rules name otherwise
    (LED|产业园: a sector) is not taken."""
    named = bytearray(len(text))
    for k in known:
        if k.type not in ("Region", "Organization"):
            named[k.start:k.end] = b"\x01" * k.length
    owned = {k.start for k in known if k.type in ("Region", "Organization")}
    opening = {k.start for k in known if k.type == "Organization"}
    for match in _LATIN_WORD.finditer(text):
        start, end = match.span()
        if (end in owned or start in opening and end < len(text) and not text[end].isspace()) \
                and named.find(1, start, end) < 0:
            yield Candidate(start, end, "Enterprise", match.group(), source="latin_owner", confidence=0.55)


def recognise_project_firms(text: str, known: list[Candidate]) -> Iterator[Candidate]:
    """The firms that open the projects' names in a list of projects (伊泰和神华煤制油、亿利PVC、
    鄂绒大化肥等重大项目; 凤凰日产4500吨水泥熟料生产线): a brand of 2 to 4 characters no rule names
    (:func:`_is_brand`) right before a sector the rules know (past a size word: 鄂绒|大|化肥), what
    the works produce, or 和 and another such firm; a proper name of the dictionary also right before
    a product (联合利华|茶叶深加工). A place (月潭|水库) or common words
    (绿色包装|产业集聚发展基地) open no firm's project, nor does a park's name (薛店|电子信息产业园)."""
    named = bytearray(len(text))
    for k in known:
        named[k.start:k.end] = b"\x01" * k.length
    sector_at = {k.start for k in known if k.type == "Industry"}

    def opens_works(end: int) -> bool:
        return (end in sector_at or _OUTPUT_AFTER_BRAND.match(text, end) is not None
                or word_tag(text[end]) == "a" and end + 1 in sector_at)

    def firms_opening(begin: int, stop: int) -> list[tuple[int, int]]:
        for end in range(begin + _PROJECT_FIRM[0], min(stop - 2, begin + _PROJECT_FIRM[1]) + 1):
            if named.find(1, begin, end) >= 0 or not _is_brand(text[begin:end]):
                continue
            if opens_works(end):
                return [(begin, end)]
            if text[end] in "和与" and (partners := firms_opening(end + 1, stop)):
                return [(begin, end), *partners]  # 伊泰|和|神华煤制油: both build it
        return []

    def firm_before_product(begin: int, stop: int) -> list[tuple[int, int]]:
        """A proper name of the dictionary (with its name's own words after it) right before a product
        (联合利华|茶叶深加工, 光大|国际|战略合作): the firm that makes it. A word the dictionary lacks may
        as well be a place's (黄杭|铁路) or open a longer brand (安川|机电设备): not without a sector."""
        end = next((end for end in range(begin + _PROJECT_FIRM[0], min(stop - 2, begin + _PROJECT_FIRM[1]) + 1)
                    if word_tag(text[begin:end]) in _PROJECT_BRAND_TAGS), None)
        if end is None:
            return []
        words = cut_without_hmm(text[end:stop])
        while len(words) > 1 and words[0] in _FIRM_NAME_WORDS:
            end += len(words.pop(0))
        product = words[0]
        if named.find(1, begin, end) >= 0 or len(product) < 2 or word_tag(product) not in _PRODUCT_TAGS \
                or product in _PUBLIC_WORKS:
            return []
        return [(begin, end)]

    for tail in _PROJECT_LIST_TAIL.finditer(text):
        start = tail.start()
        while start > max(0, tail.start() - 120) and text[start - 1] not in "，。；：！？\n":
            start -= 1
        offset = start
        for number, item in enumerate(text[start:tail.start()].split("、")):
            begin, offset = offset, offset + len(item) + 1
            if number == 0 and (opening := _PROJECT_OPENING.match(text, begin, offset - 1)):
                begin = opening.end()
            if item.endswith(ZONE_SUFFIXES):
                continue
            for first, end in firms_opening(begin, offset - 1) or firm_before_product(begin, offset - 1):
                yield Candidate(first, end, "Enterprise", text[first:end], source="firm_project", confidence=0.55)


def _is_brand(word: str) -> bool:
    """A brand by jieba's dictionary: a proper name, or a word it lacks whose parts are no common
    words of two characters or more (亿利, 久泰, 安川机电 — not 绿色包装, 智能手机); no digits."""
    if not all(_NAME_CHAR.match(ch) and not ch.isdigit() for ch in word) or word[0] in _NOT_BRAND_CHARS:
        return False
    tag = word_tag(word)
    if tag is not None:
        return tag in _PROJECT_BRAND_TAGS
    return all(len(w) == 1 or word_tag(w) in _PROJECT_BRAND_TAGS or word_tag(w) is None
               for w in cut_without_hmm(word))


#: A listing code in brackets right after a firm's short name (外高桥(600648.SH), 海康威视（股票代码：002415）,
#: 腾讯(00700.HK), 蔚来(NYSE: NIO)); two codes of a firm listed twice may share the brackets.
_LISTING_CODE = (r"(?:(?:股票|证券)?代码\s*[：:]\s*)?(?:\d{6}(?:\.(?:SH|SZ|SS|BJ))?|\d{4,5}\.HK|(?:SH|SZ|BJ|HK)\d{4,6}"
                 r"|(?:NASDAQ|NYSE|HKEX|SSE|SZSE|纳斯达克|纽交所|港交所)\s*[：:]\s*[A-Z0-9.]{1,6})")
_STOCK_CODE = re.compile(r"\s*[（(]\s*" + _LISTING_CODE + r"(?:\s*[,，/、;；]\s*" + _LISTING_CODE + r")*\s*[)）]")
#: What a listed firm does as the subject of its clause: publishes its results (外高桥发布2023年度业绩报告,
#: 海普瑞发布了中期业绩快报, 国电电力披露2024年年度报告, 贝特瑞近日发布的上半年业绩预告), which no sector does,
#: or states them (…实现营业收入, 拟每10股派发现金红利), as a plan's sector or park may too.
_FIRM_ACT_ADVERB = r"(?:近日|日前|昨日|昨晚|今日|今晚|晚间|当晚|正式|已|也)?"
_FIRM_REPORT = re.compile(_FIRM_ACT_ADVERB + r"(?:发布|披露|公布|发出)了?的?[^，。；！？\n]{0,16}?(?:业绩快报|业绩预告|"
                          r"业绩报告|业绩公告|年报|年度报告|半年报|季报|季度报告|财报|公告)")
_FIRM_RESULTS = re.compile(_FIRM_ACT_ADVERB + r"(?:(?:实现|录得)(?:营业总收入|营业收入|营收|归母净利润|净利润)"
                           r"|拟(?:每|按每)?(?:10|十)股[^，。；！？\n]{0,8}?派(?:发|息))")
#: A firm's own sales stated (万科公布前三个月销售金额为…, 碧桂园公布，截至3月31日…集团共实现合同销售金额…,
#: 某某实现合约销售额…): what a results release gives, which a statistics office's (国家统计局公布…) or a
#: sector's (房地产销售金额) figure is not, as those are named or end as no firm does.
_FIRM_SALES = re.compile(_FIRM_ACT_ADVERB + r"(?:(?:公布|发布|披露)[^。；！？\n]{0,30}?|实现|录得)"
                         r"(?:合同|合约|累计)?销售(?:金额|额)")
#: The firm named again as 公司 later (报告期内公司实现…, 公司表示…, 该公司…): the text's own subject is a firm.
_RENAMED_FIRM = re.compile(r"(?:(?<![\u4e00-\u9fffA-Za-z0-9])|该|期内[，,]?)公司(?![债法章])")
#: How far after the act the text may name the firm 公司 again.
_RENAMED_WITHIN = 300
#: The endings of what is listed or reported on without being a firm: an exchange, an index, a fund
#: or a board (北交所, 沪指, 创业板指, 上证指数, …混合基金, …ETF), a place, park or sector whose
#: results a plan reports (光明区, 该基地, 软件园, 游戏产业), a person by their trade (本报记者, 分析师),
#: or a body (统计局, 研究院, 乘联会).
_NOT_A_FIRM_END = re.compile(r"(?:交所|交易所|指数?|成指|基金|混合|ETF|LOF|板|股|[省市区县州盟旗镇乡村]|"
                             r"基地|园|园区|中心|集群|产业|行业|制造业|服务业|[者员师]|[院所会局署委厅办])$")
#: The endings of an indicator (销售金额, 汽车销量, 营收, 跌幅) or a period (前三个月, 一季度).
_MEASURE_END = re.compile(r"(?:额|[销产]量|收入|营收|利润|增速|[增跌涨降]幅|比重|占比|[总产]值|个月|季度|年度|半年)$")
#: The words a comparison opens with (同比|下跌, 环比, 比|上年, 较|上年).
_COMPARISON_OPENING = frozenset({"同比", "环比", "同期", "比", "较", "相比", "对比"})
#: Single characters that end a listed firm's name on its left: those no brand holds, a reporting
#: verb (消息称|海康威视, 据报|…) or the bar a wire's dateline ends with (格隆汇4月26日丨|外高桥), a CJK character.
_NAME_OPENING_STOPS = _NOT_BRAND_CHARS | frozenset("称讯悉报道丨")
#: The characters that close a date's number (29日, 2024年, 4月): what opens after a number there is a time.
_DATE_UNITS = frozenset("年月日时")
#: The longest short name a listed firm goes by here.
_LISTED_NAME = 8
#: The ranks a news item gives a firm right before its name (调味品龙头海天味业, 光伏巨头隆基绿能): no part of the name.
FIRM_RANKS = ("龙头", "巨头", "领军企业", "老大")


def recognise_reported_firms(text: str, known: list[Candidate]) -> Iterator[Candidate]:
    """A firm results news names by its short name only, without a legal form: the name right before
    its listing code in brackets (外高桥(600648.SH)发布…), or the subject of a listed firm's acts
    (发布…业绩快报, 实现营业收入, 拟…派发红利) that the text then calls 公司 (昨晚海普瑞发布了中期业绩快报…
    公司表示…) or names as the subject of such acts again, or the subject that publishes its own sales
    (万科公布前三个月销售金额为…), as only a firm does; a sector word the rules read may be the
    firm that publishes (煤气化近日发布公告…公司实际控制人…), no sector does. The name runs left from the cue over
    jieba's words until a function or time word, a mark or another name; an exchange, index, fund
    or place (北交所, 沪指, 光明区) names no firm."""
    named, unsectored = bytearray(len(text)), bytearray(len(text))
    for k in known:
        if k.type != "Policy":
            named[k.start:k.end] = b"\x01" * k.length
        if k.type not in ("Policy", "Industry"):
            unsectored[k.start:k.end] = b"\x01" * k.length
    region_end = {k.start: k.end for k in known if k.type == "Region"}
    listed = [(start, end) for start, end, _ in _subjects(text, _STOCK_CODE, named, region_end)]
    # a sector word the rules read (煤气化近日发布公告…公司): no sector publishes its results
    acting = list(_subjects(text, _FIRM_REPORT, unsectored, {})) + list(_subjects(text, _FIRM_RESULTS, named, {}))
    # a firm's own sales figure names its firm as its listing code does
    selling = [(start, end) for start, end, _ in _subjects(text, _FIRM_SALES, named, {})]
    trusted = set(listed) | set(selling) | {(start, end) for start, end, act_end in acting
                                            if _RENAMED_FIRM.search(text, act_end, act_end + _RENAMED_WITHIN)}
    acts_by_name = Counter(text[start:end] for start, end, _ in acting)
    seen: set[int] = set()
    for start, end in listed + selling + [(start, end) for start, end, _ in acting]:
        name = text[start:end]
        if end in seen or (start, end) not in trusted and acts_by_name[name] < 2:
            continue
        seen.add(end)
        yield Candidate(start, end, "Enterprise", name, source="firm_reported", confidence=0.6)


def _subjects(text: str, cue: re.Pattern[str], named: bytearray,
              region_end: dict[int, int]) -> Iterator[tuple[int, int, int]]:
    """The spans of the short names right before each match of ``cue`` that no other name of the
    rules covers, but the place a firm's name opens with (贵州|茅台(600519.SH), 深圳|能源) where
    ``region_end`` holds it; nor an exchange's, index's, fund's or place's name. With each, where
    the cue's match ends."""
    for match in cue.finditer(text):
        end = match.start()
        start = _listed_name_start(text, end) if named[end - 1:end] != b"\x01" else None
        if start is None:
            continue
        opening = region_end.get(start, start) if end - region_end.get(start, end) >= 2 else start
        name = text[start:end]
        if named.find(1, opening, end) < 0 and may_name_a_listed_firm(name):
            yield start, end, match.end()


def may_name_a_listed_firm(name: str) -> bool:
    """Whether a short name before a listing code or a firm's act may be a firm's: not an exchange's,
    index's, fund's, board's, place's or sector's (北交所, 沪指, 光明区), nor a body's (统计局, 研究院,
    协会), not a generic word, a place name or a pronoun by jieba's tags, nor a measure
    (:func:`names_a_measure`: 同比, 一季度, 销售金额). A proper name jieba knows whole (碧桂园) is a
    brand whatever it ends in."""
    return (word_tag(name) in ("nr", "nz") or not _NOT_A_FIRM_END.search(name)) \
        and name not in GENERIC_NAME_WORDS and word_tag(name) not in ("ns", "r") and not names_a_measure(name)


def names_a_measure(name: str) -> bool:
    """Whether a span before a figure's verb (上涨, 下跌, 实现) names what is measured, not who: a
    comparison (同比, 比上年), a time or a count by jieba's tags (去年, 一季度, 全年), an indicator
    (销售金额, 汽车销量) or a period (前三个月). No firm's name is one."""
    return word_tag(name) in ("t", "m", "mq") or _MEASURE_END.search(name) is not None \
        or cut_without_hmm(name)[0] in _COMPARISON_OPENING


def _listed_name_start(text: str, end: int) -> int | None:
    """Where the short name ending at ``end`` opens: jieba's words leftwards while they are name
    characters and neither a function word, a rank (调味品龙头|海天味业) nor a class noun of more than one character
    (今日|比亚迪, 龙头企业|贵州茅台), nor a grammatical or reporting character or a dateline's bar (消息称|海康威视,
    丨|外高桥); an unknown brand's single characters (海|普|瑞) go on. None when no name of 2 to 8
    characters."""
    first = max(0, end - _LISTED_NAME - 4)
    words = cut_without_hmm(text[first:end])
    start = end
    for word in reversed(words):
        if not all(_NAME_CHAR.match(ch) and not ch.isdigit() for ch in word):
            break
        if len(word) > 1 and (is_function_word(word) or word in NAME_BOUNDARY_WORDS or word in FIRM_RANKS
                              or _APPOSITION_HEAD.search(word)):
            break
        if len(word) == 1 and (word in _NAME_OPENING_STOPS or word_tag(word) in _GRAMMATICAL_TAGS):
            before = start - 2
            if word == _STATE_FIRM_OPENING and (before < 0 or not _NAME_CHAR.match(text[before])):
                start -= 1  # ，|中|远海发披露…: 中 opens a state firm's name at the clause's start, not "in"
            break
        start -= len(word)
        if end - start > _LISTED_NAME:
            return None
    if start and text[start - 1].isdigit() and text[start] in _DATE_UNITS:
        return None  # 4月29日|晚披露…, 2024年|计划实现…: the tail of a date, no name
    return start if end - start >= 2 else None
