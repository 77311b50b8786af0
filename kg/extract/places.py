"""Places no reference lists, found by how Chinese prose names them.

Foreign states and cities follow their country (美国南卡罗来纳州卡姆登市) or stand in brackets
after it (巴基斯坦（旁遮普）); towns are listed as towns (万祥镇、泥城镇和书院镇) or follow their
county (古田县大甲镇); ``A、B、C等城市群`` names one cluster per member. A zone's name does not
carry the country or county it lies in when it has a proper name of its own (泰国|泰中罗勇工业园,
蕉城区|三屿园区, 上海自贸试验区|洋山保税港区): that prefix is a place of its own. A zone is
named inside its management committee's name and around its place in brackets
(中国（杭州）跨境电子商务综合试验区).
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.candidates import Candidate
from kg.extract.lexicon import GENERIC_NAME_WORDS, NAME_BOUNDARY_WORDS, ZONE_SUFFIXES
from kg.extract.names import is_function_word, word_tag
from kg.segmenter import cut_without_hmm

#: The home country: its provinces and cities are in the reference, and 中国（上海） opens a zone's name.
_HOME = frozenset({"中国", "中华人民共和国"})
#: A foreign state, province or city named after its country: a transliteration and its level word.
_FOREIGN_DIVISION = re.compile(r"([\u4e00-\u9fff]{2,6}?)(州|市|省|邦|郡)(?!场|长|民|值|区|县|政|委|级)")
#: A place in brackets after a foreign place (印度（浦那）, 莫斯科（杜布纳）).
_BRACKETED = re.compile(r"[（(]([\u4e00-\u9fff]{2,5})[）)]")
#: Words a foreign division's name never ends in (美国城市, 日本超市, 德国都市).
_NOT_DIVISION = re.compile(r"(?:城|都|超|门|股|城邦|本州)$")
#: Heads one list of places shares (成渝、关中平原等城市群 → 成渝城市群, 关中平原城市群).
_SHARED_HEAD = re.compile(r"等(城市群|都市圈|经济带|经济区|经济圈|城市圈|经济走廊)")
#: Marks a list of places does not run across.
_CLAUSE = frozenset("，。；：！？\n（）()《》“”")
#: A town of a list (泥城镇、书院镇): delimited on both sides by a list's marks.
_LISTED_TOWN = re.compile(r"(?<=[，。；：、\n（(和及与])([\u4e00-\u9fff]{2,4}镇)(?=[、和及与，。；）)（(等的])")
_TOWN_AFTER_COUNTY = re.compile(r"([\u4e00-\u9fff]{2,3}?镇)(?=[^\u4e00-\u9fff]|工业|产业|园|经济|开发|$)")
#: Zone heads, longest first, for the stem a trimmed zone must keep (三屿|园区).
_ZONE_HEADS = tuple(sorted({*ZONE_SUFFIXES, "保税港区", "风景区", "特区", "基地", "产业城", "岛"}, key=len, reverse=True))
_GENERIC_STEMS = frozenset("""高新 高新技术 经济技术 经济 产业 工业 科技 综合 国家级 省级 市级 现代 特色 商贸 物流
    商贸物流 国际 文化 农业 生态 新型 创新 合作 经贸""".split())


def _level(cand: Candidate) -> str:
    return str(getattr(cand.ref, "level", ""))


def _is_name(stem: str) -> bool:
    """The stem reads as a name: no function word opens it, it is no generic word."""
    return (len(stem) >= 2 and stem not in GENERIC_NAME_WORDS and stem[:1] not in NAME_BOUNDARY_WORDS
            and not is_function_word(stem[:2]))


def _transliterated(stem: str) -> bool:
    """A foreign name as Chinese writes it: its words are unknown to the dictionary or proper
    names (南卡罗来纳, 旁遮普), not common words (企业占全|市)."""
    return _is_name(stem) and all(len(word) == 1 or word_tag(word) in (None, "ns", "nr", "nz", "nrt", "j")
                                  for word in cut_without_hmm(stem))


def add_foreign_divisions(text: str, cands: list[Candidate]) -> list[Candidate]:
    """States and cities after a foreign country (美国南卡罗来纳州卡姆登市, 哈萨克斯坦曼吉斯套州),
    and a place in brackets after a foreign place (巴基斯坦（旁遮普）)."""
    out = []
    for place in cands:
        if place.type != "Region" or place.name in _HOME or _level(place) not in ("country", "foreign_city"):
            continue
        bracket = _BRACKETED.match(text, place.end)
        if bracket and _transliterated(bracket.group(1)):
            out.append(Candidate(bracket.start(1), bracket.end(1), "Region", bracket.group(1),
                                 source="foreign:bracket", confidence=0.75))
        if _level(place) != "country":
            continue
        pos = place.end
        while (match := _FOREIGN_DIVISION.match(text, pos)) and _transliterated(match.group(1)) \
                and not _NOT_DIVISION.search(match.group()):
            out.append(Candidate(match.start(), match.end(), "Region", match.group(), source="foreign:division",
                                 confidence=0.75))
            pos = match.end()
            if text[pos:pos + 1] in "（(":  # 卡姆登市（Camden）
                close = re.match(r"[（(][^）)]{1,30}[）)]", text[pos:])
                pos += close.end() if close else 0
    return out


def add_shared_head_zones(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Each member of ``A、B、C等城市群`` with the shared head: 黔中城市群, 滇中城市群 … (the
    reference's canonical name when it knows the cluster). The member's span carries the name."""
    from kg.reference import load_reference

    reference = load_reference()
    region_at_end = {c.end: c for c in cands if c.type == "Region"}
    out = []
    for match in _SHARED_HEAD.finditer(text):
        head, members, end = match.group(1), [], match.start()
        while True:
            start = end
            while start > 0 and text[start - 1] not in _CLAUSE and text[start - 1] != "、" and end - start < 10:
                start -= 1
            first = start == 0 or text[start - 1] != "、"
            if first:  # the list's first member may follow its verb (推动|北部湾): start at the place
                known = region_at_end.get(end)
                if known is not None and known.start >= start:
                    start = known.start
                else:
                    words = cut_without_hmm(text[start:end])
                    while words and is_function_word(words[0]):
                        start += len(words.pop(0))
            if 2 <= end - start <= 8:
                members.append((start, end))
            if first:
                break
            end = start - 1
        if len(members) < 2:
            continue
        for start, end in members:
            name = text[start:end] + head
            ref = next(iter(reference.lookup(name, "Region")), None)
            out.append(Candidate(start, end, "Region", ref.name if ref else name, key=ref.key if ref else "",
                                 ref=ref, source="shared_head", confidence=0.85))
    return out


def add_towns(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Towns listed as towns (万祥镇、泥城镇和书院镇: two or more) and a town right after its
    county (古田县|大甲镇)."""
    listed = [m for m in _LISTED_TOWN.finditer(text) if _is_name(m.group(1)[:-1])]
    out = []
    for i, match in enumerate(listed):
        neighbours = listed[i - 1:i] + listed[i + 1:i + 2]
        if any(abs(n.start() - match.end()) <= 1 or abs(match.start() - n.end()) <= 1 for n in neighbours):
            out.append(Candidate(match.start(1), match.end(1), "Region", match.group(1), source="town:list",
                                 confidence=0.75))
    taken = {c.start for c in out}
    for county in cands:
        if county.type != "Region" or _level(county) != "county" or county.end in taken:
            continue
        match = _TOWN_AFTER_COUNTY.match(text, county.end)
        if match and _is_name(match.group(1)[:-1]):
            out.append(Candidate(match.start(1), match.end(1), "Region", match.group(1), source="town:county",
                                 confidence=0.75))
    return out


def _own_name(stem: str) -> bool:
    """A zone's own name after its prefix: it opens with a proper or unknown word (三屿, 泰中罗勇,
    洋山), not a common noun (铝箔|产业基地 is 乳源's), and holds no verb (均开始探索…园区)."""
    if not _is_name(stem) or stem in _GENERIC_STEMS:
        return False
    words = cut_without_hmm(stem)
    return (len(words[0]) == 1 or word_tag(words[0]) in (None, "ns", "nr", "nz", "nrt", "j")
            or words[0].endswith(("镇", "乡"))) and all(
        w not in NAME_BOUNDARY_WORDS if len(w) == 1 else not is_function_word(w) for w in words)


def trim_zone_prefixes(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A zone named by its suffix that opens with a foreign country, a county (by its full name)
    or another zone before a name of its own loses that prefix (泰国|泰中罗勇工业园,
    蕉城区|三屿园区, 上海自贸试验区|洋山保税港区), and so does one whose province opens the
    name of a city's zone (新疆|乌鲁木齐经济技术开发区): the prefix is a place of its own."""
    prefixes: dict[int, list[Candidate]] = {}
    city_at_start: dict[int, Candidate] = {}
    for cand in cands:
        if cand.type != "Region":
            continue
        level = _level(cand)
        if level in ("city", "county"):
            city_at_start[cand.start] = cand
        if cand.name not in _HOME and (level in ("country", "ftz", "park", "zone", "national_new_area")
                                       or level == "county" and text[cand.end - 1] in "区县旗"
                                       or level == "province" or cand.source.startswith("suffix:")):
            prefixes.setdefault(cand.start, []).append(cand)
    others = {(c.start, c.end) for c in cands if c.type != "Region"}
    out = []
    for cand in cands:
        if cand.type == "Region" and cand.source.startswith("suffix:") and (cand.start, cand.end) not in others:
            for prefix in sorted(prefixes.get(cand.start, ()), key=lambda c: -c.length):
                rest = text[prefix.end:cand.end]
                head = next((h for h in _ZONE_HEADS if rest.endswith(h)), "")
                if not head or prefix.end >= cand.end or "（" in rest:
                    continue
                city = city_at_start.get(prefix.end)
                if (_own_name(rest[:len(rest) - len(head)]) if _level(prefix) != "province"
                        else city is not None and city.end < cand.end):
                    cand = replace(cand, start=prefix.end, name="".join(rest.split()), key="")
                    break
        out.append(cand)
    return out


#: A zone's administration: its name is the zone's and a body's head (郑州新郑综合保税区|管理委员会).
_ZONE_BODY = re.compile(r"(?:管理委员会|管委会|工作委员会|工委)$")


def add_administered_zones(text: str, cands: list[Candidate]) -> list[Candidate]:
    """The zone a management committee is named after, as a place the text names inside it."""
    out = []
    for body in cands:
        if body.type != "Organization" or not (match := _ZONE_BODY.search(text, body.start, body.end)):
            continue
        zone = text[body.start:match.start()]
        if any(zone.endswith(h) for h in (*_ZONE_HEADS, "实验区")) and len(zone) > 4:
            out.append(Candidate(body.start, match.start(), "Region", "".join(zone.split()),
                                 source="suffix:administered", confidence=0.8))
    return out


#: A national zone named with its place in brackets (中国（杭州）跨境电子商务综合试验区, 国家大数据（贵州）综合试验区).
_BRACKETED_ZONE = re.compile(r"(?:中国|国家[\u4e00-\u9fff]{1,6}?)[（(]([\u4e00-\u9fff]{2,5})[）)]"
                             r"[\u4e00-\u9fff]{0,12}?(?:自由贸易试验区|试验区|实验区|示范区|先行区|合作区|自由贸易港)")


def add_bracketed_zones(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Zones whose name holds their place in brackets, the place being one the rules found."""
    from kg.reference import load_reference

    reference = load_reference()
    places = {(c.start, c.end) for c in cands if c.type == "Region" and c.ref is not None}
    out = []
    for match in _BRACKETED_ZONE.finditer(text):
        if match.span(1) not in places or match.span() in places:
            continue  # no place the rules know in the brackets, or a zone the reference knows already
        name = match.group().replace("(", "（").replace(")", "）")
        ref = next(iter(reference.lookup(name, "Region")), None)
        out.append(Candidate(match.start(), match.end(), "Region", ref.name if ref else name,
                             key=ref.key if ref else "", ref=ref, source="suffix:bracketed", confidence=0.85))
    return out


#: After a zone-headed span, a count of such zones (…、中试基地|分别达到69家、107家): through the rest of a list of
#: kinds, a verb of reaching and a number with a classifier that closes the clause or list item (not 100家企业).
_COUNTED_AFTER = re.compile(r"(?:[、和及][\u4e00-\u9fff“”]{1,12}?)*(?:分别|均|共|总数|数量)?"
                            r"(?:达到|达|增至|增加到|增加至|增长到|超过|突破|为|有)?[\d.]+[多余]?[家个处座所]"
                            r"(?=[、，。；,;）)]|$)")


#: A count opening a zone-headed span (3个国家现代农业产业园): how many zones of a kind, no zone's name.
_COUNTED_BEFORE = re.compile(r"[\d两二三四五六七八九十几多数]+[家个处座所]")


def drop_counted_zone_kinds(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Without the zones no reference lists whose span the text goes on to count (概念验证中心、中试基地分别达到
    69家、107家) or opens with a count (新建3个国家现代农业产业园): a kind of zone, of which there are so many, not
    one zone's name. Dropped after the learned entity decision, which may read a kind's stem as a name (中试, an
    abbreviation to jieba) or take the count into the name."""
    return [c for c in cands if c.type != "Region" or c.ref is not None
            or not (_COUNTED_AFTER.match(text, c.end) or _COUNTED_BEFORE.match(c.name))]
