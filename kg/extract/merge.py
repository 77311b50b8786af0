"""From resolved candidates to one Entity per real-world entity per document.

Aliases merge by reference key; otherwise by normalised name. Canonical names follow the
guideline: the reference's official name, a policy's fullest title, an enterprise's most
complete form; short forms bound in the text (（以下简称发改委）) and brand short forms of a full
company name found elsewhere in the document become mentions of the same entity.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain

import ahocorasick

from kg.extract.candidates import Candidate
from kg.extract.names import DEPARTMENT_BY_FIELD, is_department_field, word_tag
from kg.extract.word_counts import WordCounter
from kg.extract.lexicon import (
    ENTERPRISE_SUFFIXES, FIRM_ONLY_AFTER, GENERIC_NAME_WORDS, ITEM_START, SECTOR_HEAD_VERBS, ZONE_SHORT_HEADS,
    ZONE_SUFFIXES,
)
from kg.model import Document, Entity, Mention
from kg.segmenter import cut, cut_without_hmm
from kg.vocab import entity_iri

_TRAILING_BRACKET = re.compile(r"[（(][^（）()]*[）)]$")
_ABBREVIATION = re.compile(r"[（(](?:以下)?简称[“\"「《]?([^”\"」》）)，,]{2,20})[”\"」》]?[）)]")
_INDUSTRY_TAILS = ("服务业", "服务", "产品", "技术", "应用", "制造", "业")


@dataclass
class Placed:
    """A kept candidate with its sentence, grouped under an entity key."""

    cand: Candidate
    sentence: int


class SentenceLocator:
    def __init__(self, doc: Document):
        self.starts = [s.start for s in doc.sentences]
        self.indexes = [s.index for s in doc.sentences]

    def __call__(self, offset: int) -> int:
        i = bisect_right(self.starts, offset) - 1
        return self.indexes[i] if i >= 0 else (self.indexes[0] if self.indexes else 0)


#: How many characters before a name jieba reads to tell whether the name begins a word.
_WORD_WINDOW = 6
#: A character that glues to a following sector name as one word (野|人参, 红|三七): not a boundary.
_CJK_BEFORE_NAME = re.compile(r"[野红白黑生鲜干熟老新]")


#: A size qualifier is not part of a sector's name: 中小型|航空发动机, 大型|客机.
_SIZE_PREFIX = re.compile(r"^(?:中小型|大中型|小微型|超大型|大型|中型|小型|微型|重型|轻型)(?=..)")


def _plain_name(cand: Candidate) -> str:
    if cand.type == "Policy":
        return _TRAILING_BRACKET.sub("", cand.name) or cand.name
    if cand.type == "Industry":
        return _SIZE_PREFIX.sub("", cand.name)
    return cand.name


def group_key(cand: Candidate) -> tuple[str, str]:
    if cand.key:
        return cand.type, cand.key
    return cand.type, _plain_name(cand)


def add_bound_short_forms(text: str, cands: list[Candidate]) -> list[Candidate]:
    """（以下简称X） after a name, and the brand part of a full company name: more mentions."""
    extra: list[Candidate] = []
    covered = bytearray(len(text) + 1)  # 1 where a candidate is: a look-up per match costs its length
    for c in cands:
        covered[c.start:c.end] = b"\x01" * (c.end - c.start)

    def free(start: int, end: int) -> bool:
        return not any(covered[start:end])

    def cover(start: int, end: int) -> None:
        covered[start:end] = b"\x01" * (end - start)

    last_ending_at: dict[int, int] = {}  # end offset → index of the last candidate ending there
    for i, c in enumerate(cands):
        last_ending_at[c.end] = i
    short_forms: dict[str, Candidate] = {}
    policy_aliases: dict[str, Candidate] = {}
    for match in _ABBREVIATION.finditer(text):
        # the last candidate ending at most 2 characters before the match
        ending = [last_ending_at[e] for e in range(match.start() - 2, match.start() + 1) if e in last_ending_at]
        owner = cands[max(ending)] if ending else None
        short = match.group(1).strip("《》")
        if owner is None:
            continue
        if owner.type == "Policy":  # （以下简称《实施意见》）: later 《实施意见》 is this policy
            policy_aliases[short] = owner
        else:
            short_forms[short] = owner
    places_at = {c.start: c for c in cands if c.type == "Region" and c.nested}
    for cand in cands:
        if cand.type == "Enterprise":
            place = places_at.get(cand.start)
            prefix = text[place.start:place.end] if place is not None and place.end < cand.end else ""
            for short in _brand_forms(cand.name):
                short_forms.setdefault(short, cand)
                if prefix and short.startswith(prefix) and len(short) - len(prefix) >= 3:
                    short_forms.setdefault(short[len(prefix):], cand)  # 江苏康缘药业… → 康缘药业
    for short, owner in policy_aliases.items():
        for match in re.finditer("《" + re.escape(short) + "》", text):
            if free(match.start() + 1, match.end() - 1):
                extra.append(Candidate(match.start() + 1, match.end() - 1, "Policy", owner.name, key=owner.key,
                                       source="short_form", confidence=owner.confidence))
                cover(match.start() + 1, match.end() - 1)
    for short, owner in short_forms.items():
        for match in re.finditer(re.escape(short), text):
            if free(match.start(), match.end()):
                extra.append(Candidate(match.start(), match.end(), owner.type, owner.name, key=owner.key,
                                       source="short_form", confidence=owner.confidence, ref=owner.ref))
                cover(match.start(), match.end())
    for short, owner in _group_short_forms(cands).items():
        for match in re.finditer(re.escape(short) + f"(?={FIRM_ONLY_AFTER.pattern}|{_OWN_SALES})", text):
            if free(match.start(), match.end()):  # 由于美的营收…: 美的集团, where only a firm can stand
                extra.append(Candidate(match.start(), match.end(), owner.type, owner.name, key=owner.key,
                                       source="short_form", confidence=owner.confidence, ref=owner.ref))
                cover(match.start(), match.end())
    return extra


def _group_short_forms(cands: list[Candidate]) -> dict[str, Candidate]:
    """美的集团 → 美的, 恒大地产集团 → 恒大地产 and 恒大: a group's name without its group word, and its
    brand without the trade after it, a mention of it only in a frame that says a firm stands there
    (the word alone may be a common word: 美的 is also "beautiful")."""
    out: dict[str, Candidate] = {}
    for cand in cands:
        if cand.type == "Enterprise" and cand.name.endswith(_GROUP_WORDS):
            short = cand.name[: -len(next(w for w in _GROUP_WORDS if cand.name.endswith(w)))]
            for form in (short, _brand_before_trade(short)):
                if len(form) >= 2:
                    out.setdefault(form, cand)
    return out


#: A firm's own sales after its name (恒大累计合约销售金额约…): only a firm stands there, as before 营收.
_OWN_SALES = r"(?:累计)?(?:合同|合约)?销售(?:金额|额)"


def _brand_before_trade(short: str) -> str:
    """The brand a group's short name opens with, before the trade words jieba reads after it
    (恒大|地产 → 恒大), when the brand is no dictionary word but a proper name (中国|石油 is no brand:
    中国 is a place); the name itself otherwise."""
    words = cut_without_hmm(short)
    while len(words) > 1 and len(words[-1]) >= 2 and word_tag(words[-1]) in ("n", "vn"):
        words.pop()
    brand = "".join(words)
    return brand if word_tag(brand) in (None, "nr", "nz") else short


#: The words a business group's name ends in, longest first.
_GROUP_WORDS = ("集团股份有限公司", "集团有限公司", "集团公司", "集团")


def _brand_forms(name: str) -> list[str]:
    """传化集团有限公司 → 传化集团; 小米科技股份有限公司 → 小米科技 (3+ characters only)."""
    for form in ("股份有限公司", "有限责任公司", "有限公司"):
        if name.endswith(form):
            short = name[: -len(form)]
            forms = [short] if len(short) >= 3 else []
            if short.endswith("集团") and len(short) >= 5:
                forms.append(short[:-2])
            return forms
    return []


def add_bare_local_bodies(text: str, cands: list[Candidate]) -> list[Candidate]:
    """省委, 省政府, 省卫生健康委, 市发改委 … with no region: a body of the province or city the
    text last named (a provincial plan says 省药监局 for 甘肃省药品监督管理局).

    A national body matched inside the bare form (发展改革委 in 省发展改革委) is covered by the
    longer local form, so overlap resolution drops it.
    """
    regions = sorted((c for c in cands if c.type == "Region" and c.ref is not None), key=lambda c: c.start)
    region_ends = {c.end for c in regions}
    longer = [(c.start, c.end) for c in cands if c.type != "Region"]
    extra = []
    for match in _bare_body_pattern().finditer(text):
        start, end = match.span()
        if start + 1 in region_ends or text[start - 1:start] in _LEVEL_WORD_STARTS:
            continue  # 江苏省发改委: the full form, found with its region; 城市|政府, 园区|管委会
        if any(s <= start and end <= e and e - s > end - start for s, e in longer):
            continue  # inside a longer name
        if end < len(text) and text[end] in "员部" and match.group(2) in ("委", "政府"):
            continue  # 市委员, 县委部署 are not bodies
        level_char, suffix = match.group(1), match.group(2)
        official, levels = _bare_body_suffixes()[suffix]
        region = _owner_region(regions, start, level_char, levels)
        if region is None:
            continue
        head = "委" if official in ("委", "党委") else official
        extra.append(Candidate(start, end, "Organization", region.name + head,
                               source="bare_local_body", confidence=0.8))
    return extra


#: A body in a list of units (责任单位：…、市行政审批服务局、省版权局、…): level word, name, body word,
#: between item marks. Bodies the reference patterns know are found by add_bare_local_bodies.
_LISTED_BODY = re.compile(r"(?<=[、，,（(：:；;])([省市])([\u4e00-\u9fff]{2,10}?(?:局|委|办|厅))(?=[、，,）)；;]|牵头|按职)")
#: A bureau or department by its field after a preposition or in a list (由省物价局确定, 与省旅游局共建).
_FIELD_BODY = re.compile(r"(?<=[、，,（(：:；;与由和及经同])([省市])(" + DEPARTMENT_BY_FIELD + ")")


def add_listed_local_bodies(text: str, cands: list[Candidate]) -> list[Candidate]:
    """市行政审批服务局, 省版权局 in a list of responsible units: a body of the province or city the
    text last named, whatever its department (the reference lists only the common ones)."""
    regions = sorted((c for c in cands if c.type == "Region" and c.ref is not None), key=lambda c: c.start)
    taken = [(c.start, c.end) for c in cands if c.type in ("Organization", "Enterprise", "Policy")]
    extra = []
    fields = (m for m in _FIELD_BODY.finditer(text) if is_department_field(m.group(3)))
    for match in chain(_LISTED_BODY.finditer(text), fields):
        start, end = match.span()
        if any(s <= start < e or s < end <= e for s, e in taken):
            continue  # the rules know it already (市发展改革委) or it is part of a longer name
        region = _owner_region(regions, start, match.group(1), ())
        if region is not None:
            extra.append(Candidate(start, end, "Organization", region.name + match.group(2),
                                   source="listed_local_body", confidence=0.7))
            taken.append((start, end))
    return extra




#: The shortest firm name whose every further occurrence is read as that name (two characters
#: are too often part of other words: 美的 in 完美的).
_REPEATED_NAME_MIN = 3


def add_repeated_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A firm a recogniser found by its cues once (…等企业, …有限公司) is the same firm wherever the
    text writes its name again without them (2025年12月17日，惠丰钻石发布公告称): each further
    occurrence no other candidate covers is a mention of it, so the relations of that sentence
    reach it. Not where a sector word follows it at once: a bare name is then more often part of a
    longer one (加强LNG动力|系统集成) than the firm with its trade. Bodies are left out: their
    recognisers read every occurrence of a body's name, and what they miss is a generic word
    (行业协会) that should relate nothing. One pass over the text for all names (a long document
    names thousands of firms)."""
    owners: dict[str, Candidate] = {}
    for c in cands:
        surface = text[c.start:c.end]
        if c.type == "Enterprise" and not c.nested and len(surface) >= _REPEATED_NAME_MIN:
            owners.setdefault(surface, c)
    if not owners:
        return []
    automaton = ahocorasick.Automaton()
    for surface in owners:
        automaton.add_word(surface, surface)
    automaton.make_automaton()
    covered = bytearray(len(text) + 1)
    for c in cands:
        covered[c.start:c.end] = b"\x01" * (c.end - c.start)
    sector_starts = {c.start for c in cands if c.type == "Industry"}
    # the longest name first where names overlap, then left to right
    found = sorted(((end + 1 - len(surface), end + 1, surface) for end, surface in automaton.iter(text)),
                   key=lambda m: (-len(m[2]), m[0]))
    extra = []
    for start, end, surface in found:
        if not any(covered[start:end]) and end not in sector_starts:
            owner = owners[surface]
            extra.append(Candidate(start, end, owner.type, owner.name, key=owner.key, source="repeated_name",
                                   confidence=owner.confidence, ref=owner.ref))
            covered[start:end] = b"\x01" * (end - start)
    return sorted(extra, key=lambda c: c.start)


#: The times a firm's name must stand on its own elsewhere in the text for the words the tagger glued
#: after it to be what follows it, not part of it.
_OWN_OCCURRENCES = 2


def trim_glued_words(text: str, cands: list[Candidate]) -> list[Candidate]:
    """The tagger's firm names cut after their brand, a word the dictionary lacks, where the text
    writes the brand on its own at least twice elsewhere (三花智控 in 2）三花智控在…, beside
    图表：三花智控|汽车热管理…; 徐福记 beside 走进徐福记|沙琪玛智能生产车间): the firm is the part the
    text names it by, the words the tagger glued after it are what it makes. A dictionary word
    (中国|石化, 甲醇|动力) is no brand of its own, nor is a firm's own suffix (中铝|集团) glued to one.
    One pass over the text counts every brand and name (a long document names thousands of firms)."""
    brands: dict[int, list[str]] = {}  # a tagger's firm (its index) -> its brands, longest first
    for i, cand in enumerate(cands):
        surface = text[cand.start:cand.end]
        if cand.type == "Enterprise" and cand.source == "model" and not surface.endswith(ENTERPRISE_SUFFIXES):
            words = cut_without_hmm(surface)
            prefixes = ("".join(words[:count]) for count in range(len(words) - 1, 0, -1))
            brands[i] = [prefix for prefix in prefixes if len(prefix) >= 2 and word_tag(prefix) is None]
    wanted = {text[cands[i].start:cands[i].end] for i, found in brands.items() if found}
    wanted |= {brand for found in brands.values() for brand in found}
    if not wanted:
        return cands
    occurrences = WordCounter(wanted).counts(text)
    out = list(cands)
    for i, found in brands.items():
        cand = cands[i]
        whole = occurrences[text[cand.start:cand.end]]
        brand = next((b for b in found if occurrences[b] - whole >= _OWN_OCCURRENCES), None)
        if brand is not None:
            out[i] = replace(cand, end=cand.start + len(brand), name=brand)
    return out


#: A listed firm's short-name ending that is as often the verb "holds" (国电电力控股|装机容量, …控股|子公司).
_HOLDING = "控股"
#: What goes on a firm's own name after 控股 (复星控股|集团, …控股|有限公司): the name does not end there.
_NAME_GOES_ON = re.compile(r"集团|有限|股份|公司|[（(]")


def trim_holding_verbs(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A firm name the suffix walk ends in 控股 cut before it where a noun of the clause follows
    (国电电力控股装机容量11170万千瓦) and the text names the firm without it elsewhere (国电电力披露…):
    控股 is then the firm holding what follows, not part of its name (德业控股在… keeps it: no bare 德业)."""
    bare = {c.name for c in cands if c.type == "Enterprise" and not c.name.endswith(_HOLDING)}
    out = []
    for cand in cands:
        stem = cand.name[:-len(_HOLDING)]
        if cand.type == "Enterprise" and cand.source == f"suffix:{_HOLDING}" and stem in bare \
                and text[cand.end:cand.end + 1].isalpha() and not _NAME_GOES_ON.match(text, cand.end) \
                and text[cand.start:cand.end] == cand.name:
            cand = replace(cand, end=cand.end - len(_HOLDING), name=stem)
        out.append(cand)
    return out


def add_bare_local_firms(text: str, cands: list[Candidate]) -> list[Candidate]:
    """省投资集团, 市城投公司 with no region: the group the province or city the text last named
    owns (a provincial plan's 省民航机场集团 is 安徽省民航机场集团), as for bare local bodies.
    A candidate that already spans the 省 is renamed in place."""
    regions = sorted((c for c in cands if c.type == "Region" and c.ref is not None), key=lambda c: c.start)
    extra = []
    for firm in (c for c in cands if c.type == "Enterprise" and c.name.endswith(("集团", "公司"))):
        start = firm.start if text[firm.start] in "省市" else firm.start - 1  # 省|投资集团 or 省港航集团 itself
        if start < 0 or text[start] not in "省市" or start >= 1 and text[start - 1] not in ITEM_START:
            continue
        region = _owner_region(regions, start, text[start], ())
        if region is not None:
            name = region.name + text[start + 1:firm.end]
            if start == firm.start:
                firm.name = name  # the same span: the name the text means, not a rival candidate
            else:
                extra.append(Candidate(start, firm.end, "Enterprise", name, source="bare_local_firm",
                                       confidence=firm.confidence))
    return extra


def _owner_region(regions: list[Candidate], start: int, level_char: str, levels: tuple[str, ...]) -> Candidate | None:
    """The province or city a bare 省委/市政府/市X局 at ``start`` belongs to: the last one of its level
    named before it, else (a work report opens with 在省委、省政府和市委的领导下 before naming its city)
    the one of that level the document names most."""
    fitting = [r for r in regions if _bare_level_ok(r, level_char, levels)]
    previous = [r for r in fitting if r.end <= start]
    if previous:
        return previous[-1]
    if not fitting:
        return None
    counts = Counter(r.name for r in fitting)
    return max(fitting, key=lambda r: (counts[r.name], -r.start))


def _bare_level_ok(region: Candidate, level_char: str, levels: tuple[str, ...]) -> bool:
    """省 names a province, 市 a city (or a municipality), 区/县 a county; the body must exist there."""
    level = str(getattr(region.ref, "level", ""))
    if levels and level not in levels and not (level == "province" and "city" in levels and level_char == "市"):
        return False
    if level_char == "省":
        return level == "province" and region.name.endswith("省")
    if level_char == "市":
        return region.name.endswith("市") and level in ("province", "city", "county")
    if level_char == "区":
        return level == "county" and region.name.endswith("区") or level == "province" and region.name.endswith("自治区")
    return level in ("county", "city") and region.name.endswith(level_char)


#: Characters that make a word with a following 省/市/区/县/州 (城市, 超市, 园区, 地区, 外省, 自治州), or
#: make it any such region (相关市人民政府, 有关县).
_LEVEL_WORD_STARTS = frozenset("城都超门股上社景新郊山矿辖地街老片外各两三郡园治神关")


@lru_cache(maxsize=1)
def _bare_body_suffixes() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Surface suffix → (official suffix, levels), from the reference's local-body patterns."""
    from kg.reference import load_reference

    table = {p.suffix: (p.canonical_suffix, tuple(p.levels)) for p in load_reference().local_body_patterns()}
    table.setdefault("政府", ("人民政府", ()))
    return table


@lru_cache(maxsize=1)
def _bare_body_pattern() -> re.Pattern[str]:
    suffixes = sorted(_bare_body_suffixes(), key=len, reverse=True)
    return re.compile("(省|市|区|县|州)(" + "|".join(map(re.escape, suffixes)) + ")")


def build_entities(doc: Document, cands: list[Candidate]) -> tuple[list[Entity], dict[int, str]]:
    """Entities of the document and, per candidate id, the IRI of the entity it mentions."""
    locate = SentenceLocator(doc)
    groups: dict[tuple[str, str], list[Placed]] = {}
    for cand in cands:
        groups.setdefault(group_key(cand), []).append(Placed(cand, locate(cand.start)))
    places = {doc.text[c.start:c.end] for c in cands if c.type == "Region" and c.ref is not None}
    _merge_industry_variants(groups)
    _merge_brand_prefixes(groups, places)
    _merge_place_forms(groups, doc.text, cands)
    _merge_zone_forms(groups, places)
    entities: list[Entity] = []
    iri_of: dict[int, str] = {}
    # a foreign country before a firm's own name (韩国现代): the firm is also named without it (现代)
    country_end = {c.start: c.end for c in cands if c.nested and getattr(c.ref, "level", "") == "country"}
    for (etype, key), placed in groups.items():
        name = _canonical_name(etype, placed)
        keyed = _keyed(placed)
        key = keyed.key if keyed is not None else name
        iri = entity_iri(etype, key)
        mentions = [Mention(doc.text[p.cand.start:p.cand.end], p.cand.start, p.cand.end, p.sentence)
                    for p in sorted(placed, key=lambda p: p.cand.start)]
        own_names = {doc.text[country_end[p.cand.start]:p.cand.end] for p in placed
                     if etype == "Enterprise" and p.cand.start in country_end}
        aliases = sorted(({m.text for m in mentions} | own_names) - {name})
        attributes: dict[str, str] = {}
        for p in placed:
            attributes.update(p.cand.attributes or {})
        code = getattr(placed[0].cand.ref, "code", None)
        if code:
            attributes["code"] = str(code)
        entity = Entity(type=etype, name=name, key=key, iri=iri, aliases=aliases, mentions=mentions,
                        confidence=max(p.cand.confidence for p in placed), attributes=attributes)
        entities.append(entity)
        for p in placed:
            iri_of[id(p.cand)] = iri
    entities.sort(key=lambda e: (e.mentions[0].start if e.mentions else 0))
    return entities, iri_of


def _canonical_name(etype: str, placed: list[Placed]) -> str:
    """The reference's name when a mention resolved to it; else the fullest (policies, bodies,
    firms) or most frequent form, ties going to the first one the text uses."""
    keyed = _keyed(placed)
    if keyed is not None:
        return keyed.name
    names = [p.cand.name if etype != "Industry" else _plain_name(p.cand)
             for p in sorted(placed, key=lambda p: p.cand.start)]
    # each form once, in the order the text first uses it (max keeps the first of equals): counted once per form,
    # not per mention (a text may cite one policy thousands of times)
    forms = dict.fromkeys(names)
    if etype in ("Policy", "Enterprise", "Organization"):
        return max(forms, key=lambda n: (len(n), names.count(n)))
    return max(forms, key=names.count)


def _keyed(placed: list[Placed]) -> Candidate | None:
    """The first mention resolved to a reference entry (its key identifies the entity)."""
    return next((p.cand for p in placed if p.cand.key), None)


def _merge_industry_variants(groups: dict[tuple[str, str], list[Placed]]) -> None:
    """智慧养老服务 is 智慧养老, 金融业 is 金融: a sector name plus a generic tail joins the sector; a bare sector
    head (封装, 加工) joins the one sector of the document it heads."""
    names = {key for (etype, key) in groups if etype == "Industry"}
    for etype, key in list(groups):
        if etype != "Industry":
            continue
        for tail in _INDUSTRY_TAILS:
            base = key[: -len(tail)]
            if key.endswith(tail) and len(base) >= 2 and base in names and ("Industry", base) in groups:
                groups[("Industry", base)].extend(groups.pop((etype, key)))
                break
    for head in SECTOR_HEAD_VERBS & names:  # 封装 in a text about LED封装 (封装行业的领头羊…) is LED封装
        longer = [name for name in names if name.endswith(head) and name != head and ("Industry", name) in groups]
        if len(longer) == 1 and ("Industry", head) in groups:
            groups[("Industry", longer[0])].extend(groups.pop(("Industry", head)))


def supported(entity_cands: list[Candidate], in_relation: bool) -> bool:
    """An industry the text never frames as a sector (教育 in a list of public services) is dropped."""
    return in_relation or any(c.context for c in entity_cands)


def add_document_sectors(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A sector no list holds that the text framed once (人参产业, 算力服务产业) is that sector
    wherever its name stands bare in the same document (人参产量, 全国最大的人参主产区)."""
    named = {c.name: c for c in cands if c.type == "Industry" and not c.key and c.context and len(c.name) >= 2
             and c.source in ("industry_marker", "industry_as_pillar") and text.startswith(c.name, c.start)}
    if not named:
        return []
    covered = sorted((c.start, c.end) for c in cands)
    starts = [s for s, _ in covered]
    extra: list[Candidate] = []
    pattern = re.compile("|".join(map(re.escape, sorted(named, key=len, reverse=True))))
    shorter_at = {c.start: c for c in cands if c.type == "Industry" and not c.nested}
    for match in pattern.finditer(text):
        i = bisect_right(starts, match.end() - 1)
        overlapping = [(s, e) for s, e in covered[max(0, i - 8):i] if s < match.end() and match.start() < e]
        shorter = shorter_at.get(match.start())
        if overlapping == [(match.start(), shorter.end)] if shorter is not None else False:
            if shorter.end < match.end():  # 算力|服务基地 where the text named 算力服务产业: the longer sector
                owner = named[match.group()]
                shorter.end, shorter.name, shorter.key, shorter.ref = match.end(), owner.name, "", None
                shorter.source = "document_sector"
            continue
        if overlapping:
            continue  # inside or across another name (人参产业 itself, 长白山人参产业带)
        if _CJK_BEFORE_NAME.match(text, max(0, match.start() - 1)) and match.start() > 0 \
                or not _starts_word(text, match.start(), match.end()):
            continue  # the tail of a longer word (免疫诊断|试剂: another, narrower sector)
        owner = named[match.group()]
        extra.append(Candidate(match.start(), match.end(), "Industry", owner.name, source="document_sector",
                               confidence=0.5))
    return extra


def _starts_word(text: str, start: int, end: int) -> bool:
    """jieba begins a word at ``start`` when it reads the clause up to ``end`` (免疫诊断|试剂 does not
    begin one at 诊断)."""
    clause_start = max(text.rfind(mark, max(0, start - _WORD_WINDOW), start) for mark in "，,。；;：:、\n") + 1
    lead = max(clause_start, start - _WORD_WINDOW)
    offset = lead
    for word in cut(text[lead:end]):
        if offset >= start:
            return offset == start
        offset += len(word)
    return offset == start


def spread_sector_context(text: str, cands: list[Candidate]) -> None:
    """Members of one enumeration (集成电路、生物医药和人工智能) share the sector framing; two or
    more taxonomy sectors in one enumeration frame it themselves."""
    industries = sorted((c for c in cands if c.type == "Industry"), key=lambda c: c.start)
    chains: list[list[Candidate]] = []
    for cand in industries:
        if chains and text[chains[-1][-1].end:cand.start] in ("、", "和", "与", "及", "以及", "等"):
            chains[-1].append(cand)  # …and 中药饮片、中成药等中药工业: the members of what 等 sums up
        else:
            chains.append([cand])
    for chain in chains:
        framed = any(c.context for c in chain)
        # two taxonomy sectors side by side (集成电路、生物医药) make the list one of sectors
        if len(chain) < 2 or not framed and len({c.key for c in chain if c.key}) < 2:
            continue
        # a list the text sums up as trades (…、家电、纺织等企业, 钢铁、机械和电力工业) holds no public services
        last = chain[-1]
        trades = framed and bool(_SUMMED_AS_TRADES.match(text, last.end) or _SUMMED_AS_TRADES.fullmatch(
            text, last.end - 2, last.end))  # …和电力工业: the last member carries the list's head
        for before, c in zip([None, *chain], chain):
            if not framed and before is not None and text[before.end:c.start] == "等":
                continue  # 物联网、云计算等新一代信息技术: what 等 sums them up as is a category
            if trades or not _broad_word(c):
                c.context = True


#: After a list's last member, what sums the list up as trades: their firms or their industry (等企业,
#: 等重点行业, 等相关产业, 和电力|工业), not fields of a service or a use (等公共服务, 等各行业、各领域).
_SUMMED_AS_TRADES = re.compile(r"等?(?:相关|重点|传统|优势|主导|支柱|龙头)?(?:企业|行业|产业|工业)")


def _broad_word(cand: Candidate) -> bool:
    """Broad words (教育, 医疗) in a list of public services need their own framing: a section of the
    classification, or two Chinese characters that stand as themselves (not 5G, nor 光伏发电 for 光伏)."""
    two_characters = len(cand.name) <= 2 and cand.end - cand.start <= 2 and cand.name.isalpha()
    return two_characters or getattr(cand.ref, "level", "") == "industry_section"


def _merge_brand_prefixes(groups: dict[tuple[str, str], list[Placed]], places: set[str]) -> None:
    """华润三九 and 华润三九医药股份有限公司 (or 康缘药业 and 江苏康缘药业股份有限公司) in one text are
    one firm, named by its fullest form; a short brand too when a place the text names opens the full
    name before it (沙钢 for 江苏|沙钢集团有限公司)."""
    firms = sorted((key for key in groups if key[0] == "Enterprise"), key=lambda k: -len(_name_of(groups[k])))
    for short in reversed(firms):
        short_name = _name_of(groups[short])
        for full in firms:
            if full == short or full not in groups:
                continue
            full_name = _name_of(groups[full])
            at = full_name.find(short_name)
            if len(full_name) > len(short_name) >= 2 and full_name.endswith(("公司", "集团")) and (
                    at == 0 or 0 < at <= 3 and (len(short_name) >= 4 or full_name[:at] in places)):  # 江苏|康缘药业…
                for placed in groups.pop(short):
                    placed.cand.key = ""  # identified by the full name now
                    groups[full].append(placed)
                break


def _merge_place_forms(groups: dict[tuple[str, str], list[Placed]], text: str, cands: list[Candidate]) -> None:
    """A firm named after its place, once by the place's short form and once by its full one
    (山西晋煤集团, 山西省晋煤集团), is one firm, named by its fullest form."""
    place_at = {c.start: c for c in cands if c.type == "Region" and c.ref is not None}
    owner: dict[str, tuple[str, str]] = {}
    for key in sorted((k for k in groups if k[0] == "Enterprise"), key=lambda k: -len(_name_of(groups[k]))):
        forms = set()
        for placed in groups[key]:
            place = place_at.get(placed.cand.start)
            if place is not None and place.end < placed.cand.end:
                forms.add(place.name + text[place.end:placed.cand.end])
        target = next((owner[form] for form in sorted(forms) if owner.get(form, key) != key), None)
        if target is None:
            owner.update(dict.fromkeys(forms, key))
            continue
        for placed in groups.pop(key):
            placed.cand.key = ""  # identified by the fuller name now
            groups[target].append(placed)


def _merge_zone_forms(groups: dict[tuple[str, str], list[Placed]], places: set[str]) -> None:
    """A zone named again by its short head (德阳高新区 for 德阳高新技术产业开发区) or without the place
    that opens its full name (崂山微电子产业园 for 青岛崂山微电子产业园, 大邱纺织工业园 for
    韩国大邱纺织工业园) is the same zone, named by its fullest form."""
    owner: dict[str, tuple[str, str]] = {}
    for key, placed in groups.items():
        if key[0] == "Region":
            for p in placed:
                owner.setdefault(p.cand.name, key)
    for key in [k for k in groups if k[0] == "Region"]:
        if key not in groups:
            continue
        for name in {p.cand.name for p in groups[key]}:
            full = _full_zone_forms(name, places) & owner.keys()
            target = next((owner[f] for f in sorted(full, key=len, reverse=True)
                           if owner[f] != key and owner[f] in groups), None)
            if target is not None:
                full_name = _name_of(groups[target])
                for placed in groups.pop(key):
                    placed.cand.name, placed.cand.key = full_name, ""
                    groups[target].append(placed)
                break


#: Zone name endings, the longest first (…物流园区 before …园区).
_ZONE_SUFFIXES_LONGEST_FIRST = tuple(sorted(ZONE_SUFFIXES, key=len, reverse=True))


def _full_zone_forms(name: str, places: set[str]) -> set[str]:
    """The fuller names a zone's name may stand for: its short head spelt out, a place before it."""
    suffix = next((s for s in _ZONE_SUFFIXES_LONGEST_FIRST if name.endswith(s)), "")
    if len(name) - len(suffix) < 2:
        return set()  # no zone's own name (工业园区 alone): nothing to stand for
    out = {name[:-len(short)] + full for short, fulls in ZONE_SHORT_HEADS.items() if name.endswith(short)
           and len(name) > len(short) + 1 for full in fulls}
    return out | {place + form for place in places for form in (name, *out) if not form.startswith(place)}


def _name_of(placed: list[Placed]) -> str:
    return max((p.cand.name for p in placed), key=len)


#: A body named by a level of government and no place: the addressees of a notice (各市、自治州人民政府,
#: 各省、自治区、直辖市通信管理局), 相关市人民政府, a bare 人民代表大会常务委员会. No real-world body of its own.
_GENERIC_BODY = re.compile(r"^(?:各|相关|有关|自治区|自治州|直辖市|计划单列市|地级市|"
                           r"[省市区县州]?(?:人民政府|政府|人民代表大会|人大常委会|政协|党委)(?:办公厅|办公室|常务委员会)?$)")


#: A stand-in for a name a text withholds (XX公司, ××集团, 某市): no real-world entity to link.
#: (X's inside a Latin word are letters: ExxonMobil, XXL.)
_PLACEHOLDER = re.compile(r"(?<![A-Za-z])(?:XX+|ＸＸ+|××+)(?![A-Za-z])|^某")


def drop_unnamed(cands: list[Candidate]) -> list[Candidate]:
    """The candidates but the bodies named only by a level of government (:data:`_GENERIC_BODY`),
    the names held by a placeholder (:data:`_PLACEHOLDER`) and the firms and bodies named by a word
    no name is told apart by (国有 of 国有控股企业增加值下降9.0%, as the learned decision may read it)."""
    return [c for c in cands if not _PLACEHOLDER.search(c.name)
            and (c.type != "Organization" or not _GENERIC_BODY.match(c.name))
            and (c.type not in ("Enterprise", "Organization") or c.name not in GENERIC_NAME_WORDS)]
