"""Industries that no list holds: X产业 / X行业 / X产业链 / X赛道, X经济, a known X before 市场, and
enumerations (集成电路、生物医药、人工智能等重点产业) whose members are sectors by construction."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Container, Iterable, Iterator, Mapping
from typing import Any

from kg.extract.candidates import Candidate
from kg.extract.lexicon import (
    CONVERSION_FEEDSTOCKS, CONVERSION_PRODUCTS, ECONOMY_SECTOR_HEADS, GENERIC_INDUSTRY_WORDS, PRODUCT_CLASS_HEADS,
    PUBLIC_SERVICE_LIST, SECTOR_HEAD_VERBS, SECTOR_LEFT_NOISE, SECTOR_NOT_LAST, SECTOR_RIGHT_NOISE,
    TECHNOLOGY_LEVEL_SECTORS,
)
from kg.extract.names import TokenIndex, is_function_word, word_tag
from kg.extract.policy import WorkTitles

_MARKER = re.compile(r"产业集群|产业链|产业|行业|赛道|业态|市场")
_ECONOMY = re.compile(r"([\u4e00-\u9fff]{2,3})经济")
_CJK = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9+]+$")
_ENUM_TAIL = re.compile(r"等(?:[\u4e00-\u9fff]{0,6}?)(?:产业|行业|服务业|制造业|领域|赛道)")
#: A tail that sums its members up as every field a thing is used in (等各行业、各领域).
_EVERY_FIELD = re.compile(r"等各")
#: A tail that sums its members up as a region's sectors with nothing between (等主导产业, 3大主导产业).
_SECTOR_SUM = re.compile(r"(?:等|[\d一二三四五六七八九十两]+大)(?:主导|重点|优势|特色|支柱|新兴|传统|战略性新兴)?"
                         r"(?:产业|行业)(?![化生链发政])")
_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z0-9+]{2,10}")
_INDUSTRY_VERBS = frozenset(
    """做强 做大 壮大 振兴 升级 转型 集聚 培育 推动 发展 打造 引进 承接 布局 带动 支撑 赋能 服务 转移
    抢占 拓展 延伸 补链 强链 延链 整合 重塑 融合 相关 有关 所在 各个 每个 本 全 进入 涉及 覆盖 传统型""".split()
) | frozenset(("旗下", "下属", "所属", "名下"))  # an owner's word: 美的集团旗下|家电行业, not 旗下家电 a sector
#: 产业 followed by these is part of another word or phrase, not a sector's name.
_NOT_SECTOR_AFTER = re.compile(r"化|地图|政策|工人|结构|工作|部门|人才|资本|基金|投资|用地|空间|规划|体系|"
                               r"工程|协会|联盟|研究|大会|论坛|项目|园区|工会|创新|升级|转型|层次|能级|布局|博览|展会|知识|家底")
#: Words that make an unknown phrase a category or a clause, never a sector's name.
_GENERIC_INSIDE = ("特色", "重点", "区域", "县域", "地方", "相关", "新兴", "传统", "主导", "优势", "支柱",
                   "领域", "战略", "国家", "省级", "市级", "城市", "世界", "国际", "全球", "未来", "经典", "发展")
#: Sector heads that make a productive compound with one modifier (先进制造业, 工业机器人).
_SECTOR_HEAD = re.compile(r"制造业|服务业|机器人|传感器|新材料|装备")
#: Heads whose modifier must itself be a known sector (节能环保|装备, 钒钛|新材料 is no known one).
_KNOWN_MODIFIER_HEADS = frozenset(("新材料", "装备"))
_SECTOR_MODIFIERS = frozenset({"高端", "现代", "新一代", "先进", "新型", "高技术", "科技", "生产性", "生活性", "装备",
                               "信息", "专业", "数字", "智能", "绿色", "服务型"})
#: After X产业 these show X产业 is a sector being talked about (not 产业知识, 产业承载区).
_SECTOR_AFTER = re.compile(r"[，。、；：！？）”》\s]|$|发展|的|集群|链|生态|规模|企业|基地|增加值|产值|营收|水平|为例|"
                           r"收入|等|和|与|及|是|在|已|正|将|加速|迅速|快速|快|蓬勃|持续|不断|实现|占|达|"
                           r"增长|高质量|全链条|项目|龙头|门类|综合|总产值|加快|稳步|迎来|成为|带动|年产值|种植|作为|列为")
#: jieba tags of a word after X产业 that makes X产业 its clause's subject (太阳能产业|长期处于…, 钒钛金属材料产业|为
#: 依托): an adverb, adjective or preposition. (A noun or a verb there may make a compound with 产业: 产业|基础,
#: 产业|集聚发展基地, 文化产业|带.)
_PREDICATE_TAGS = frozenset("d a ad p".split())
#: The existential and modal verbs that make X产业 a subject too (金刚石产业|有深度研究; 是, 在: _SECTOR_AFTER).
_SUBJECT_VERBS = frozenset("有 要 会 能".split())
#: The shortest unknown phrase such a predicate, or a verb of entering a field, frames as a sector: a
#: two-character one is as often the root of a category or of a longer word, or a kind (数字产业|新增长点,
#: 生物产业|被确定为, 再|制造产业|实施, 专注|垂直|领域, 进入|细分|领域).
_UNKNOWN_SECTOR_CHARS = 3
#: How often a noun-and-verb phrase must stand in the text to be a term of it (金刚石散热), not a clause.
_TERM_REPEATS = 3
#: Words of scope, not of kind: 全市|中医药, 我省|新能源汽车.
_SCOPE_WORDS = ("全", "本", "我", "各", "该", "其", "此", "每", "某", "当地", "境内")
#: X made a region's pillar: 把天麻作为乡村振兴主导产业, 把文旅作为支柱产业.
_AS_PILLAR = re.compile(r"把([\u4e00-\u9fff]{2,6}?)(?:产业|行业)?作为[^，。；]{0,12}?(?:主导|支柱|首位|特色|优势|富民|当家)产业")
#: What names the phrase before it as the trade of the firm right after: 超硬材料|龙头企业四方达,
#: 锂电材料|供应商龙头企业杉杉公司, 家电|行业巨头美的集团.
_FIRM_CLASS_AFTER = re.compile(r"(?:产业|行业)?的?(?:供应商|制造商|生产商|服务商)?(?:龙头|领军|骨干|头部)?(?:企业|厂商|巨头)\s*")
#: How many tokens and characters a sector named as a firm's class may hold (超硬|材料, 锂电|材料).
_CLASS_SECTOR_TOKENS = 3
_CLASS_SECTOR_CHARS = 6
#: A scope word is the left edge of a sector phrase: 全省|人参产业, 我市|数字经济, 国内|碳化硅衬底行业.
_SCOPE = re.compile(r"[全本我该][国省市县区州镇乡]|[国省市县区境海][内外]")
_ROBOT_KINDS = frozenset("工业 服务 人形 特种 医疗 家庭 家用 农业 教育 物流 协作 手术 康复 仿生 智能 四足 "
                         "具身 商用 水下 巡检 养老 陪护".split())
_LOOSE_TAGS = frozenset("a ad an i l".split())
#: jieba tags of a noun and an abbreviation: a word in 化 that is one (文化, 煤化, 石化), not a process.
_NOUN_TAGS = frozenset(("n", "j"))


def _ends_phrase(word: str) -> bool:
    """A word no sector's name holds: a verb or function word by jieba's dictionary, except the
    modifiers it tags as time words (现代|中药, 新一代|电子信息)."""
    return is_function_word(word) and word not in _SECTOR_MODIFIERS or word in _INDUSTRY_VERBS


def _qualifies(text: str, tokens: TokenIndex, start: int, end: int) -> bool:
    """A modifier that narrows a known sector into a named sub-sector (智能网联 新能源汽车)."""
    modifier = text[start:end]
    return (len(modifier) >= 2 and not modifier.startswith(_SCOPE_WORDS) and plausible_sector(modifier) and not any(g in modifier for g in _GENERIC_INSIDE)
            and _nounish(text, tokens, start, end) and all(not _ends_phrase(text[a:b])
                                                          for a, b in _spans(tokens, start, end)))


def _narrows_product_class(text: str, tok: tuple[int, int], start: int, end: int) -> bool:
    """A plain verb right before a product class that is the phrase's only word (诊断|试剂), not a
    clause's verb (发展|试剂)."""
    word = text[tok[0]:start]
    return (text[start:end] in PRODUCT_CLASS_HEADS and tok[1] == start and len(word) == 2
            and word_tag(word) == "v" and word not in _INDUSTRY_VERBS)


def _acts_on_object(text: str, tokens: TokenIndex, tok: tuple[int, int]) -> bool:
    """A two-character verb right after a noun, the two a term the text keeps using (金刚石|散热 before
    行业, and again and again in the text): the verb heads the activity, not a clause's (园区|实现|行业…)."""
    word = text[tok[0]:tok[1]]
    before = tokens.token_before(tok[0])
    if len(word) != 2 or word_tag(word) != "v" or word in _INDUSTRY_VERBS or before is None:
        return False
    noun = text[before[0]:before[1]]
    return (len(noun) >= 2 and _CJK.match(noun) is not None and (word_tag(noun) or "").startswith("n")
            and text.count(noun + word) >= _TERM_REPEATS)


def _spans(tokens: TokenIndex, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    while pos < end:
        tok = tokens.token_before(pos + 1)
        if tok is None:
            break
        out.append((max(tok[0], start), min(tok[1], end)))
        pos = tok[1]
    return out


def _nounish(text: str, tokens: TokenIndex, start: int, end: int) -> bool:
    """Every token of an unknown phrase a noun by jieba's dictionary (not 深厚, 经典, 高精尖)."""
    pos = start
    while pos < end:
        tok = tokens.token_before(pos + 1)
        if tok is None:
            return False
        if word_tag(text[tok[0]:tok[1]]) in _LOOSE_TAGS:
            return False
        pos = tok[1]
    return True
_MAX_TOKENS = 4
_MAX_CHARS = 10


#: A list closed as the stages of one chain (…、封装测试和配套服务等为一体, 集…于一体) or as the modes of
#: an action (以联盟合作、风险投资等形式): its members are steps or means, not sectors.
_STAGES_OR_MODES = re.compile(r"(?:[、和及与][^，。；：、,;:\n]{1,12}?)*(?:等?[为于]一体|等(?:形式|方式|模式))")


def lists_stages_or_modes(text: str, end: int) -> bool:
    """Whether the phrase ending at ``end`` is a member of a list of a chain's stages or an action's modes."""
    return bool(_STAGES_OR_MODES.match(text, end))


def plausible_sector(phrase: str) -> bool:
    """Could a company be in it and a region develop it? Rejects category and function words."""
    if not (2 <= len(phrase) <= 10) or not _CJK.match(phrase) or phrase.endswith("+"):
        return False
    if phrase in GENERIC_INDUSTRY_WORDS or phrase in _INDUSTRY_VERBS:
        return False
    if re.search(r"[的了着过和与及或等各该本此这那]|^[一二三四五六七八九十两几\d]|^[省市县区][内外]|"
                 r"^[多百千万][个家项种类元样层批位名次件所座台款年亿万]", phrase):  # 多家, 千亿 — not 多晶硅, 百货
        return False
    if phrase.endswith("会展"):
        return True  # 商贸会展, 文化会展: the exhibition trade, not one fair (汽车展)
    if phrase.endswith("化") and word_tag(phrase[-2:]) not in _NOUN_TAGS:
        return False  # 数字化, 产业化: a process of becoming — but 乡村文化, 煤化 end in a noun
    return not phrase.endswith(("性", "型", "级", "类", "方面", "方向", "城", "区", "园", "港", "所", "馆", "会",
                                "展", "节", "中心", "企业", *SECTOR_NOT_LAST)) and phrase[0] not in "型性"


def trim_sector_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """The sector's name inside a phrase a walk or the tagger took: without the clause's verb, a
    rank before it (营造|卫星通信, 世界级|信息技术装备) or a list's count after it
    (铜材料|四大); at least two characters stay."""
    while (noise := SECTOR_LEFT_NOISE.match(text, start, end)) is not None and end - noise.end() >= 2:
        start = noise.end()
    count = SECTOR_RIGHT_NOISE.search(text, start, end)
    if count is not None and count.start() - start >= 2:
        end = count.start()
    return start, end


def taken_positions(names: Iterable[Candidate]) -> frozenset[int]:
    """The text positions the names of other types hold (a place, a body, a firm): no sector is read
    across them. Found once per text for every recogniser below that takes ``taken``."""
    return frozenset(i for name in names for i in range(name.start, name.end))


def recognise_industry_phrases(text: str, tokens: TokenIndex, known: Mapping[str, Any],
                               taken: Container[int]) -> Iterator[Candidate]:
    """X产业, X行业, X产业链 …: X is up to four tokens before the marker.

    A phrase the taxonomy knows is taken as is (trimmed to the known part: 符合|智慧养老), also
    before 市场 (芯片市场: the market of a sector); an unknown one only when the walk stopped at a clear left edge (punctuation, a function word, a
    region) and the marker is not itself part of another word (产业化, 产业地图).
    """
    works = WorkTitles(text)
    for match in _MARKER.finditer(text):
        end = match.start()
        if works.covers(end, end):
            continue  # a sector named in a book or report title (《2024中药材产业发展报告》)
        if match.group() in ("产业", "行业") and _NOT_SECTOR_AFTER.match(text, match.end()):
            continue
        start, clean_edge = end, False
        for _ in range(_MAX_TOKENS):
            tok = tokens.token_before(start)
            if tok is None:
                clean_edge = True
                break
            word = text[tok[0]:start]
            if word in SECTOR_HEAD_VERBS and start == end:
                start = tok[0]  # 算力|服务|产业, 装备|制造|产业: a sector's head, not a verb
                continue
            if _narrows_product_class(text, tok, start, end):
                start = tok[0]  # 诊断|试剂|产业: the verb makes the product class a sector
                continue
            if start == end and _acts_on_object(text, tokens, tok):
                start = tok[0]  # 金刚石|散热|行业: an activity on a thing the text is about names its trade
                continue
            if not _CJK.match(word) or is_function_word(word) or word in _INDUSTRY_VERBS or _SCOPE.fullmatch(word) or any(
                    i in taken for i in range(tok[0], start)):
                clean_edge = True
                break
            if end - tok[0] > _MAX_CHARS:
                break
            start = tok[0]
        start, end = trim_sector_edges(text, start, end)  # 营造|卫星通信产业, 铜材料|四大|产业
        phrase = text[start:end]
        known_start = next((start + i for i in range(len(phrase) - 1) if phrase[i:] in known), None)
        if known_start is not None and known_start > start and not (
                clean_edge and _qualifies(text, tokens, start, known_start)):
            # 符合|智慧养老 → 智慧养老; but 智能网联|新能源汽车 stays whole, and so does a modifier word
            # right before the known sector (珠江西岸|先进装备制造产业带): the sub-sector a plan names
            start = known_start - len(_modifier_before(text, tokens, start, known_start))
        phrase = text[start:end]
        joined = _joined_sector(text, tokens, start, phrase, known)
        if joined is not None:  # 电子及信息产业 is 电子信息
            yield _candidate(joined[0], end, joined[1], known, "industry_marker", 0.55)
            continue
        if phrase in known or _modifies_known(phrase, known):
            pass
        elif not (clean_edge and match.group() in ("产业", "行业", "业态") and _framed_after(text, tokens, phrase, match.end())
                  and plausible_sector(phrase) and not any(g in phrase for g in _GENERIC_INSIDE)
                  and _nounish(text, tokens, start, end)):
            continue
        # the mention keeps 产业/行业 (an alias form) but not 产业链/集群/赛道
        mention_end = match.end() if match.group() in ("产业", "行业") and end == match.start() else end
        yield _candidate(start, mention_end, phrase, known, "industry_marker", 0.55)
    for match in _AS_PILLAR.finditer(text):  # 把天麻作为乡村振兴主导产业: what is made a pillar is a sector
        start, end = match.span(1)
        phrase = match.group(1)
        if (plausible_sector(phrase) and not any(g in phrase for g in _GENERIC_INSIDE)
                and not any(i in taken for i in range(start, end)) and tokens.is_boundary(start)
                and tokens.is_boundary(end) and _nounish(text, tokens, start, end)):
            yield _candidate(start, end, phrase, known, "industry_as_pillar", 0.6)
    for match in _ECONOMY.finditer(text):
        head = match.group(1)
        for size in (3, 2):
            if len(head) >= size and head[-size:] in ECONOMY_SECTOR_HEADS:
                start = match.end() - 2 - size
                yield _candidate(start, match.end(), text[start:match.end()], known, "economy", 0.75)
                break
    for match in _SECTOR_HEAD.finditer(text):
        start = match.start()
        tok = tokens.token_before(start)
        if tok is None or start - tok[0] > 3:
            continue
        if match.group() in _KNOWN_MODIFIER_HEADS:  # the longest known sector before it: 节能环保|装备
            begin = next((start - n for n in (4, 3, 2) if text[start - n:start] in known and tokens.is_boundary(start - n)),
                         None)
            if begin is None:
                continue
            tok = (begin, start)
        modifier = text[tok[0]:start]
        phrase = modifier + match.group()
        if phrase in known or len(modifier) < 2 or not plausible_sector(phrase):
            continue
        if match.group() in ("制造业", "服务业") and modifier not in _SECTOR_MODIFIERS and modifier not in known:
            continue  # 先进制造业, 装备制造业 — not 重振制造业, 布局服务业
        if match.group() == "传感器" and not (plausible_sector(modifier) and _nounish(text, tokens, tok[0], start)
                                            and (word_tag(modifier) or "n").startswith("n")):
            continue  # 压力传感器, 车载传感器 — kinds of sensor are sectors of their own
        if match.group() == "机器人" and modifier not in _ROBOT_KINDS:
            continue  # 工业机器人 is a sector, 陪伴机器人 a product
        if any(i in taken for i in range(tok[0], match.end())):
            continue
        # the mention keeps a 产业/行业 after it, as the marker's does (节能环保装备|产业, not 环保装备产业)
        end = match.end() + 2 if text[match.end():match.end() + 2] in ("产业", "行业") else match.end()
        yield _candidate(tok[0], end, phrase, known, "sector_head", 0.6)


def _framed_after(text: str, tokens: TokenIndex, phrase: str, end: int) -> bool:
    """Whether what follows X产业 (ending at ``end``) shows X产业 is a sector talked about: a word of the
    list (产业发展, 产业集群), or a predicate whose subject it is when X is long enough to be a name."""
    if _SECTOR_AFTER.match(text, end):
        return True
    tok = tokens.token_before(end + 1)
    if len(phrase) < _UNKNOWN_SECTOR_CHARS or "产业" in phrase or tok is None or tok[0] != end:
        return False
    word = text[tok[0]:tok[1]]
    return word_tag(word) in _PREDICATE_TAGS or word in _SUBJECT_VERBS


#: What joins the two halves of a sector's name spelled out (电子|及|信息产业, 节能|和|环保产业).
_HALF_JOINERS = ("及", "和", "与")


def _joined_sector(text: str, tokens: TokenIndex, start: int, phrase: str,
                   known: Mapping[str, Any]) -> tuple[int, str] | None:
    """Where a known sector begins and its name when the phrase before a sector word is that
    sector's second half, its first half the word before a joiner (电子及信息产业: 电子信息)."""
    for joiner in _HALF_JOINERS:
        if text.endswith(joiner, 0, start):
            tok = tokens.token_before(start - len(joiner))
            if tok is not None and tok[1] == start - len(joiner) and text[tok[0]:tok[1]] + phrase in known:
                return tok[0], text[tok[0]:tok[1]] + phrase
    return None


def recognise_firm_class_sectors(text: str, tokens: TokenIndex, known: Mapping[str, Any],
                                 candidates: list[Candidate]) -> Iterator[Candidate]:
    """超硬材料龙头企业四方达: the noun phrase right before a class noun of firms (龙头企业, 供应商,
    巨头) that a firm's name follows is that firm's sector — the prose names the firm by its trade.
    The phrase runs from a clear left edge (a function word, a mark, a known name) over nouns only."""
    firm_starts = {c.start for c in candidates if c.type == "Enterprise"}
    taken = taken_positions(c for c in candidates if c.type != "Industry")
    for match in _FIRM_CLASS_AFTER.finditer(text):
        if match.end() not in firm_starts or match.group().strip() in ("企业", "厂商"):
            continue  # a bare 企业 is a firm's own name's head (…材料企业|X), no class
        end = start = match.start()
        for _ in range(_CLASS_SECTOR_TOKENS):
            tok = tokens.token_before(start)
            if tok is None or not _CJK.match(word := text[tok[0]:start]) or is_function_word(word) \
                    or word in _INDUSTRY_VERBS or word in GENERIC_INDUSTRY_WORDS or _SCOPE.fullmatch(word) \
                    or any(i in taken for i in range(*tok)):
                break  # 国内|锂电材料: a generic word is an edge, never part of the name
            if end - tok[0] > _CLASS_SECTOR_CHARS:
                start = end  # no clear left edge within reach: a clause, not a name
                break
            start = tok[0]
        start, end = trim_sector_edges(text, start, end)
        phrase = text[start:end]
        if phrase in known or (plausible_sector(phrase) and not any(g in phrase for g in _GENERIC_INSIDE)
                               and _nounish(text, tokens, start, end)):
            yield _candidate(start, end, phrase, known, "firm_class", 0.55)


#: A field a business enters or has long worked in (海信家电进入汽车空调领域, 深耕钟表配饰行业四十余载): the
#: phrase between the verb and 领域/行业/赛道 names the field as a trade, whatever jieba tags its words.
_ENTERED_FIELD = re.compile(r"(?:进入|涉足|切入|进军|深耕|专注于?|拓展至|延伸至)了?"
                            r"([\u4e00-\u9fffA-Za-z0-9]{2,10}?)(?:产业|行业)?(?:领域|行业|赛道)")


def recognise_entered_fields(text: str, tokens: TokenIndex, known: Mapping[str, Any],
                             taken: Container[int]) -> Iterator[Candidate]:
    """The field after a verb of entering or working in a trade (进入|汽车空调|领域): a sector, when it
    is a known one or a noun phrase of three characters or more (not 进入|一个全新应用|领域, 专注|垂直|领域)."""
    for match in _ENTERED_FIELD.finditer(text):
        start, end = match.span(1)
        phrase = match.group(1)
        if (tokens.is_boundary(start) and tokens.is_boundary(end) and not any(i in taken for i in range(start, end))
                and (phrase in known or len(phrase) >= _UNKNOWN_SECTOR_CHARS and plausible_sector(phrase)
                     and not any(g in phrase for g in _GENERIC_INSIDE)
                     and not _SCOPE.search(phrase) and _nounish(text, tokens, start, end))):
            yield _candidate(start, end, phrase, known, "entered_field", 0.55)


#: Materials a plan develops, listed and summed up by their class (大力发展氮化铝、压电陶瓷等敏感材料): each
#: member and the class are sectors of the materials industry, as the members of 等…产业 are sectors. At most
#: 13 members: a verb before a long run of 、 is not tried over the whole run again at each of its words.
_DEVELOPED_MATERIALS = re.compile(r"(?:发展|培育|壮大|布局)((?:[\u4e00-\u9fffA-Za-z0-9]{2,8}、){1,12}[\u4e00-\u9fffA-Za-z0-9]{2,8})"
                                  r"等([\u4e00-\u9fff]{0,4}材料)")
#: Words that rank materials or say what they are for, not what kind they are (关键材料, 基础材料).
_MATERIAL_RANKS = ("关键", "基础", "核心", "重要", "主要", "原", "其他", "配套", "辅助")


def recognise_developed_materials(text: str, tokens: TokenIndex, known: Mapping[str, Any],
                                  taken: Container[int]) -> Iterator[Candidate]:
    """The members of a list of materials a verb of development governs, and the class 等 sums them up
    as (发展|氮化铝、压电陶瓷|等|敏感材料): each member a noun phrase at word edges; the class only when
    it names a kind of material (敏感材料, 磁性材料), not a rank (关键材料)."""
    for match in _DEVELOPED_MATERIALS.finditer(text):
        spans, pos = [], match.start(1)
        for member in match.group(1).split("、"):
            spans.append((pos, pos + len(member)))
            pos += len(member) + 1
        members = [(start, end) for start, end in spans if plausible_sector(text[start:end])
                   and tokens.is_boundary(start) and tokens.is_boundary(end) and _nounish(text, tokens, start, end)
                   and not any(g in text[start:end] for g in _GENERIC_INSIDE)
                   and not any(i in taken for i in range(start, end))]
        if len(members) < len(spans):
            continue  # a member that is no name (发展|高性能、低成本等…材料): a list of qualities, not of materials
        kind = match.group(2)[:-2]
        if kind and not kind.startswith(_MATERIAL_RANKS) and not any(g in kind for g in _GENERIC_INSIDE):
            members.append(match.span(2))
        for start, end in members:
            yield _candidate(start, end, text[start:end], known, "developed_materials", 0.6)


#: A plan's item heading alone before its text on one line, after its number if any (惯性传感器。研发…,
#: （三）海洋生物医药：…): the item names what it is about.
_ITEM_HEADING = re.compile(r"^[ \t\u3000]*(?:(?:[（(][一二三四五六七八九十]+[）)]|\d+[﹒．.、])[ \t\u3000]*)?"
                           r"([\u4e00-\u9fffA-Za-z0-9]{2,10})[。：:](?=\S)", re.MULTILINE)


def recognise_heading_sectors(text: str, tokens: TokenIndex, known: Mapping[str, Any],
                              taken: Container[int]) -> Iterator[Candidate]:
    """An item heading that is a noun phrase ending in a taxonomy sector is a sector, whole: a plan lists the
    kinds of a sector so (惯性传感器。, 生物医学传感器。 under the sensors it develops), each its own trade.
    Not a heading that opens with a verb (大力发展数字贸易。) or holds a place or a body (云南太阳能产业：)."""
    for match in _ITEM_HEADING.finditer(text):
        start, end = match.span(1)
        if _known_suffix_start(text, start, end, known) == end:
            continue  # no taxonomy sector closes it (青岛。, 加强组织领导。)
        if (plausible_sector(match.group(1)) and not any(g in match.group(1) for g in _GENERIC_INSIDE)
                and tokens.is_boundary(start) and _nounish(text, tokens, start, end)
                and not _opens_with_verb(text, tokens, start, end) and not any(i in taken for i in range(start, end))):
            yield _candidate(start, end, match.group(1), known, "item_heading", 0.6)


def _alternation(words: tuple[str, ...]) -> str:
    """A regex alternation that tries the longest word first (天然气 before 气)."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


#: A conversion industry: a feedstock made into a fuel or base chemical (煤制油, 天然气制氢, 甲醇制烯烃).
_CONVERSION = re.compile(f"(?:{_alternation(CONVERSION_FEEDSTOCKS)})制(?:{_alternation(CONVERSION_PRODUCTS)})")


def recognise_conversions(text: str, tokens: TokenIndex, known: Mapping[str, Any],
                          taken: Container[int]) -> Iterator[Candidate]:
    """X制Y where X is a feedstock and Y a fuel or base chemical is a sector by its construction
    (煤制油、煤制气、煤制烯烃等升级示范); both ends must be word edges (not 发|电制氢)."""
    for match in _CONVERSION.finditer(text):
        start, end = match.span()
        if (tokens.is_boundary(start) and tokens.is_boundary(end)
                and not any(i in taken for i in range(start, end))):
            yield _candidate(start, end, match.group(), known, "conversion", 0.7)


#: Marks no list member crosses: a list is a run of 、-joined members inside one clause. It starts
#: only where a run of other characters does (the look-behind), else a clause without 、 would be
#: tried again from each of its characters, in time quadratic in its length.
_MEMBER = r"[^，。；：！？\n（）()《》“”\"、]"
_CLAUSE = re.compile(rf"(?<!{_MEMBER}){_MEMBER}+(?:、{_MEMBER}+)+")
#: Heads of list members that are things or bodies of a sector, not the sector (互联网企业, 道路基础设施).
_NOT_SECTOR_HEADS = ("企业", "设施", "标准", "能力", "基站", "政府", "社会", "一体", "农田", "牧场", "产量", "产品", "基地")
#: What ends the last member of a list: 等, or the sector word or frame after it (…金融产业, …为主).
_LAST_MEMBER_END = re.compile(r"等|[\d一二三四五六七八九十两几]+大|产业|行业|领域|企业|集群|方面|方向|环节|板块|为主|为代表|为重点|为核心|"
                              r"(?<=..)工业(?!互联网|机器人|设计|软件|大数据|化)")
#: 等 summing a list's members up as things a sector makes or builds or people buy (…等重大项目, …等产品, …等关键系统,
#: …等能源解决方案, …等消费热点).
_THINGS_SUM = re.compile(r"等[\u4e00-\u9fff]{0,4}?(?:项目|工程|设施|产品|商品|品牌|活动|系统|方案|热点)")
#: What joins the last member of a list to the one before it (钢铁、机械|和|电力工业).
_LAST_JOINER = re.compile(r"以及|和|及|与")


def recognise_list_members(text: str, tokens: TokenIndex, industries: list[Candidate],
                           taken: Container[int], known: Mapping[str, Any] | None = None) -> Iterator[Candidate]:
    """The other members of 、-lists one of whose members the text frames as a sector (钒钛新材料、钒钛机械制造、
    循环经济): members of one list are of one kind. The first member starts after the clause's
    verb (已形成|机车制造), the last ends before 等 or a sector word (or with the clause); each must
    look like a sector. A taxonomy sector (``known``) ending the first member is walked past whole,
    framed or not: its own words (新|材料) are no edge (不锈钢新材料, not 材料)."""
    sectors = {(c.start, c.end) for c in industries}
    sector_ends = {c.end: c.start for c in industries}
    sector_starts = {c.start: c.end for c in industries}
    for clause in _CLAUSE.finditer(text):
        members, pos = [], clause.start()
        for part in clause.group().split("、"):
            members.append((pos, pos + len(part)))
            pos += len(part) + 1
            if _LAST_MEMBER_END.search(part):
                break  # the list ends here (乘用车、商用车等企业…抓生产、赶订单: a new list of other things)
        closing = _LAST_MEMBER_END.search(text, *members[-1])
        joiner = _LAST_JOINER.search(text, members[-1][0] + 1, closing.start() - 1) if closing and len(members) > 1 else None
        if closing is not None and _THINGS_SUM.match(text, closing.start()):
            continue  # …、久泰甲醇等重大项目: what 等 sums the members up as is things, not sectors
        if joiner is not None:
            # 钢铁、机械和电力工业: the last member of a 、-list is two when a joiner stands in it
            # before the sector word or 等 that closes the list (not …人工智能和实体经济深度融合)
            members[-1:] = [(members[-1][0], joiner.start()), (joiner.end(), members[-1][1])]
        first, last = members[0], members[-1]
        # the walk left starts before a sector that ends the member (绿色|化工新材料: not inside it)
        origin = sector_ends.get(first[1], _known_suffix_start(text, first[0], first[1], known or {}))
        members[0] = (_first_member_start(text, tokens, first[0], origin if origin >= first[0] else first[1]), first[1])
        end = _LAST_MEMBER_END.search(text, last[0], last[1])
        if end is not None:  # else the member runs to the clause's end, or is no name (…协同发展的格局)
            members[-1] = (last[0], end.start())
        named = [(s, e) in sectors or i == 0 and sector_ends.get(e, -1) >= s
                 or i == len(members) - 1 and s in sector_starts and sector_starts[s] <= e
                 for i, (s, e) in enumerate(members)]
        if not any(named):
            continue
        first_start, first_end = members[0]
        inner = sector_ends.get(first_end, first_start)
        if (inner > first_start and tokens.token_before(inner) == (first_start, inner)
                and not text.endswith("用", first_start, inner) and _qualifies(text, tokens, first_start, inner)):
            # 绿色|化工新材料、生物医药: the first member is the sector with its one-word modifier (not a
            # field of use: 船用|动力电池)
            named[0] = False
        for (start, end), is_sector in zip(members, named):
            start, end = trim_sector_edges(text, start, end)
            phrase = text[start:end]
            if (is_sector or not plausible_sector(phrase) or any(g in phrase for g in _GENERIC_INSIDE)
                    or phrase.endswith(_NOT_SECTOR_HEADS)
                    or any(i in taken for i in range(start, end)) or not tokens.is_boundary(start)
                    or not tokens.is_boundary(end) or _opens_with_verb(text, tokens, start, end)
                    or lists_stages_or_modes(text, end)):  # …、封测、装备研制及应用为一体: a chain's stages
                continue
            yield Candidate(start, end, "Industry", phrase, source="industry_list", confidence=0.5)


def _known_suffix_start(text: str, start: int, end: int, known: Mapping[str, Any]) -> int:
    """Where the longest taxonomy sector ending at ``end`` (and starting at or after ``start``) begins, else ``end``."""
    return next((end - n for n in range(min(end - start, _MAX_CHARS), 1, -1) if text[end - n:end] in known), end)


def _opens_with_verb(text: str, tokens: TokenIndex, start: int, end: int) -> bool:
    """A member that opens with a verb is an action (抓生产、赶订单、拓市场), not a sector."""
    tok = tokens.token_before(start + 1)
    word = text[start:min(tok[1], end)] if tok is not None else ""
    return _ends_phrase(word)


def _first_member_start(text: str, tokens: TokenIndex, start: int, end: int) -> int:
    """Where the first member of a list begins: after the last verb or function word before it."""
    begin = end
    while begin > start:
        tok = tokens.token_before(begin)
        if tok is None or tok[0] < start:
            break
        word = text[tok[0]:begin]
        head = begin == end and word in SECTOR_HEAD_VERBS  # 机车|制造、…: the member's head verb is no edge
        if not _CJK.match(word) or _ends_phrase(word) and not head or end - tok[0] > _MAX_CHARS:
            break
        begin = tok[0]
    return begin


def recognise_enumerations(text: str, known: Mapping[str, Any]) -> Iterator[Candidate]:
    """Members of 'A、B、C等…产业/行业/领域' where at least one member is a known sector, or of three
    or more the text sums up as a region's sectors (A、B、C3大主导产业, A、B、C等优势产业)."""
    counted = (m for m in _SECTOR_SUM.finditer(text) if not m.group().startswith("等"))  # …发酵食品3大主导产业
    for tail in [*_ENUM_TAIL.finditer(text), *counted]:
        if _EVERY_FIELD.match(tail.group()) or PUBLIC_SERVICE_LIST.match(text, tail.start()):
            continue  # 在工业、农业、城市治理等各行业、各领域应用, 围绕工业、农业等智能化领域或场景: where a
            # technology is used, not sectors named
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
                modifier = next((m for m in _SECTOR_MODIFIERS if first.endswith(m, 0, i)), "")
                items[-1] = (first_start + i - len(modifier), first_end)  # 推进|绿色建材: the modifier stays
                break
        names = [text[s:e] for s, e in items]
        summed = _SECTOR_SUM.match(text, tail.start())
        if not any(n in known for n in names) and not (len(items) >= 3 and summed and summed.end() == tail.end()):
            continue  # three members summed up as a region's 主导产业 are sectors by that frame alone
        loose = not tail.group().endswith(("产业", "行业", "服务业", "制造业"))  # 等领域 frames less than 等产业
        for (s, e), name in zip(items, names):
            if (name in known or _modifies_known(name, known)
                    or not loose and len(name) >= 3 and plausible_sector(name) and s != items[-1][0]):
                yield _candidate(s, e, name, known, "enumeration", 0.55)


def _modifier_before(text: str, tokens: TokenIndex, start: int, end: int) -> str:
    """The sector modifier (先进, 高端, 现代…) that is the whole word right before ``end``, within ``start:end``,
    else ''."""
    return next((m for m in _SECTOR_MODIFIERS if end - len(m) >= start and text.endswith(m, 0, end)
                 and tokens.token_before(end) == (end - len(m), end)), "")


def _modifies_known(name: str, known: Mapping[str, Any]) -> bool:
    """A known sector with a one-word modifier before it (现代|中药, 绿色|建材) is a sub-sector."""
    return any(name.startswith(m) and name[len(m):] in known for m in _SECTOR_MODIFIERS)


def _candidate(start: int, end: int, phrase: str, known: Mapping[str, Any], source: str,
               confidence: float) -> Candidate:
    """A sector candidate, resolved to the taxonomy entry when the phrase is one of its surfaces."""
    entry = known.get(phrase)
    if entry is not None:
        return Candidate(start, end, "Industry", entry.name, key=entry.key, source=source,
                         confidence=max(confidence, 0.8), ref=entry.ref, context=True)
    return Candidate(start, end, "Industry", phrase, source=source, confidence=confidence, context=True)


def drop_unframed_categories(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Without the gazetteer's matches of a sector named by a level of technology that the text
    does not frame as a sector (高新技术产业基础, 国家级高新技术产业开发区): a category of sectors
    there (the gazetteer, or a rule that frames it such as the marker rule, marks its span
    ``context``). Dropped after the learned entity decision, which reads the rules' names around it."""
    return [c for c in cands if c.context or c.type != "Industry" or text[c.start:c.end] not in TECHNOLOGY_LEVEL_SECTORS]


#: 以X为代表的Y: the exemplars (X, joined by 与/和/、) and what they exemplify, up to its head word or the
#: clause's end (以智能终端为代表的世界级电子信息先进制造业集群, 以大数据与新一代信息技术为代表的数字经济核心产业).
_EXEMPLIFIED = re.compile(r"以([^，。；：！？\n以]{2,24}?)为代表的([^，。；：！？\n]{0,16}?)"
                          r"(?=产业|集群|行业|领域|业态|规模|[、，。；：！？\n]|$)")


def frame_exemplified_sectors(text: str, cands: list[Candidate]) -> None:
    """The sectors of 以X为代表的Y are framed as sectors: the text names X as the examples of Y, and Y as
    the class X belongs to. Only when X holds a sector — 以华为为代表的企业 frames nothing."""
    industries = sorted((c for c in cands if c.type == "Industry"), key=lambda c: c.start)
    starts = [c.start for c in industries]

    def within(start: int, end: int) -> list[Candidate]:
        return [c for c in industries[bisect_left(starts, start):bisect_left(starts, end)] if c.end <= end]

    for match in _EXEMPLIFIED.finditer(text):
        exemplars = within(*match.span(1))
        if exemplars:
            for cand in exemplars + within(*match.span(2)):
                cand.context = True
