"""The learned entity decision: which names of a high-recall generator to add to the rules' names.

The rules find a name where they know its place, its list or its exact suffix; real documents
name parks, towns, branch offices, factories and programmes in shapes no rule covers. The
generators here propose every span that *could* be such a name — each occurrence of a type's
head (…产业园, …镇, …管委会, …支行, …厂, …行动计划) with each left edge up to the clause's start,
and the members of lists that the text frames as firms — and describe each with sparse features
(its head, its first and last characters, what stands on either side, which rule names it starts
at, covers or cuts). ``EntityModel`` is one logistic regression per type over those features,
trained by ``kg train`` (``kg.train.entities``) on annotated documents and shipped as JSON beside
the tagger. For each head occurrence it keeps the most probable left edge when that is probable
enough; the rules' own names keep precedence in resolution only by being longer. Firms are also
proposed as the subject of what only a firm does (…表示, …股价, …董事长), and the firm names of the
tagger and the suffix walk are weighed again with their edges moved (``EDGE_DECISION``): one may be
re-edged (仅三安光电 -> 三安光电, 任命其为美的集团 -> 美的集团) and the tagger's dropped (甲醇动力).
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extract.candidates import Candidate, Overlaps
from kg.extract.decisions import LogisticDecisions, bucket, logistic
from kg.extract.lexicon import BUSINESS_WORD, COUNTED_KINDS, REGISTERED_FORMS
from kg.extract.names import is_function_word, names_a_measure, word_tag
from kg.extract.persons import is_person, titled_persons
from kg.segmenter import cut_without_hmm

#: File name of the entity decision inside the model folder.
ENTITY_MODEL_FILE = "entities.json"

#: The heads a name of each type may end in (longest first where one ends another).
HEADS: dict[str, tuple[str, ...]] = {
    "Region": tuple("""高新区 经开区 高新技术产业开发区 经济技术开发区 综合保税区 自由贸易试验区 自贸区 产业园区 示范园区 
        产业园 工业园 科技园 软件园 物流园 生态园 合作园 创业园 园区 新区 开发区 试验区 实验区 示范区 合作区 工业区 集中区 保税区 
        保税港区 风景区 经济区 特区 起步区 基地 城市群 经济带 经济走廊 产业城 新城 科学城 谷 岛 镇""".split()),
    "Organization": tuple("""管委会 管理委员会 委员会 常务委员会 领导小组 办公室 大学 学院 校区 医院 研究院 研究所 联盟 
        协会 学会 商会 贸促会 局 厅 海关 支行 政府""".split()),
    "Enterprise": tuple("""厂 矿 电厂 公司 集团 股份 控股 证券""".split()),
}
#: The longest name (in characters) each type's generator proposes. Heads that gave (almost) no
#: gold name among hundreds of proposals on ../shared/train are left out (…中心 394 proposals / 1
#: name, …乡 120 / 0, …组织 98 / 1, …执行小组 48 / 0, …银行 30 / 0), and so are policies by their
#: heads (…行动 …工程 …行动计划: 5-fold CV Policy F1 unchanged at 0.709, targets 0.507 -> 0.486).
MAX_LENGTH = {"Region": 14, "Organization": 20, "Enterprise": 12}
#: Characters no name crosses (a clause's marks, brackets that close or open a title).
_STOP = frozenset("，。；：、,;:!?！？\n\r\t 《》“”\"'‘’「」【】[]…·/|")
#: The heads of each type by their last character.
_HEADS_BY_LAST: dict[tuple[str, str], tuple[str, ...]] = {}
for _etype, _heads in HEADS.items():
    for _head in _heads:
        _HEADS_BY_LAST[_etype, _head[-1]] = (*_HEADS_BY_LAST.get((_etype, _head[-1]), ()), _head)
_HEAD_PATTERN = {etype: re.compile("|".join(sorted(map(re.escape, heads), key=len, reverse=True)))
                 for etype, heads in HEADS.items()}
#: Lists the text frames as firms: A、B、C等(知名)企业 (the list is the clause before the frame);
#: 引进(了)A、B; 入驻有A、B等; 以A、B为龙头.
_FIRMS_AFTER = re.compile(r"等(?:一批|多家|\d+家)?[^，。；：、\n]{0,6}?(?:企业|公司|集团|厂商|品牌|龙头)")
_FIRMS_BEFORE = re.compile(r"(?:引进了?|入驻有?|落户了?|以)([^，。；：！？\n《》“”]{2,80}?)(?:等|为龙头|为代表|为核心|为引领)")
_LIST_CLAUSE = frozenset("，。；：！？\n《》“”")
#: What only a firm does or has, right after its name (国机精工表示, 四方达股价, 宏远集团副总经理,
#: 德豪润达则宣布, 奥海科技不断研发): the span before it, back to its clause's start, may be a firm no list holds.
_FIRM_PREDICATE = re.compile(r"(?:表示|宣布|公告|披露|股价|市值|(?:归母|扣非)?净利润|年报|董事长|总经理|副总经理|总裁|副总裁|首席|"
                             r"创始人|董事会|旗下|子公司|收购|并购|控股|入股|主营|定位[为于]|切入|涉足|转型|发力|布局|推出|"
                             r"投资建设|总部|工作人员|负责人|中标|上榜|签约|上涨|下跌|涨停|是.{1,8}?龙头|"
                             r"研发)")
#: Class nouns a predicate's subject may end in without naming a firm, and the endings of a manner
#: or a kind (智能化|转型, 高端化|布局, 平台型|企业).
_CLASS_NOUN = re.compile(r"(?:产业|集群|行业|企业|公司|园区|经济|市场|领域|基地|项目|板块|部门|机构|[化型性])$")
#: Adverbs between a firm and its predicate, one or two (中兵红箭也公开表示, 德豪润达则宣布).
_ADVERB_BEFORE = re.compile(r"(?:已经|不断|公开|正式|随后|此前|近日|目前|先后|也|则|还|已|将|均|都){1,2}$")
#: A numbered item's mark (2）, （三）, 3、): the subject of the item's sentence opens right after it
#: (2）国光电器是音响产业龙头, 3）爱仕达布局工业机器人).
_ITEM_MARK = re.compile(r"(?:[（(]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．])$")
#: The longest firm name a predicate's span may hold.
_SUBJECT_LENGTH = 8
_ITEM_SPLIT = re.compile(r"、|和|及|与|以及")


@dataclass
class Proposal:
    """A span a generator proposes as a name of ``type``, with its description."""

    start: int
    end: int
    type: str
    name: str
    group: tuple[int, str]  # the head occurrence (its end) or list item it belongs to: one name each
    features: list[str] = field(default_factory=list)
    decision: str = ""  # the logistic regression that weighs it: its type's, or EDGE_DECISION
    replaces: tuple[int, int] | None = None  # the span of the rules' name whose edges it weighs
    may_drop: bool = False  # whether that name goes when no edge of it is probable (the tagger's)

    @property
    def weighed_by(self) -> str:
        return self.decision or self.type


class _RuleIndex:
    """The rules' candidates by the characters they start at, end at and cover."""

    def __init__(self, rules: list[Candidate]):
        self.starting: dict[int, list[Candidate]] = defaultdict(list)
        self.ending: dict[int, list[Candidate]] = defaultdict(list)
        for cand in rules:
            self.starting[cand.start].append(cand)
            self.ending[cand.end].append(cand)
        self.covering = Overlaps(rules)

    def relation_to(self, start: int, end: int) -> list[str]:
        """How the span stands to the rules' names: it starts or ends with one, covers one, cuts one
        (a feature may come twice: the proposal's features are made a set)."""
        out = [f"starts:{c.type}" for c in self.starting.get(start, ())]
        out += [f"ends:{c.type}" for c in self.ending.get(end, ())]
        for cand in self.covering.overlapping(start, end):
            if cand.start >= start and cand.end <= end:
                out.append(f"covers:{cand.type}")
            else:
                out.append(f"cuts:{cand.type}")
                if cand.start < start and cand.end >= end:
                    out.append(f"inside:{cand.type}")
        return out


def _char_class(ch: str) -> str:
    if not ch:
        return "edge"
    if ch in _STOP:
        return "stop"
    if ch.isdigit():
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    return "han" if "\u4e00" <= ch <= "\u9fff" else "other"


_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"[A-Za-z]")


def _span_features(text: str, start: int, end: int, head: str, rules: _RuleIndex, counts: Counter) -> list[str]:
    name = text[start:end]
    stem = name[: len(name) - len(head)]
    before, after = text[max(0, start - 2):start], text[end:end + 2]
    features = ["bias", f"head:{head}", f"len:{bucket(len(stem), (1, 2, 3, 4, 6, 8, 12))}",
                f"first:{name[:1]}", f"first2:{name[:2]}", f"stemlast:{stem[-1:]}", f"stemlast2:{stem[-2:]}",
                f"prev:{before[-1:]}", f"prev2:{before}", f"prevclass:{_char_class(before[-1:])}",
                f"next:{after[:1]}", f"next2:{after}", f"nextclass:{_char_class(after[:1])}",
                f"count:{bucket(counts[name], (1, 2, 4))}"]
    if _DIGIT.search(stem):
        features.append("digits")
    if _LATIN.search(stem):
        features.append("latin")
    if "（" in name or "(" in name:
        features.append("bracket")
    if not head:  # a bare name (a list member, a predicate's subject): what jieba's dictionary makes of it
        features += _word_features(name)
    features += rules.relation_to(start, end)
    return features


@lru_cache(maxsize=65536)
def _word_features(name: str) -> tuple[str, ...]:
    """Brands are words the dictionary lacks or tags as proper names (飞利浦, 潞安环能); a
    dictionary noun, verb or adjective (甲醇, 稳岗, 高精度) names no firm. (A document names the
    same spans again and again: cached.)"""
    words = cut_without_hmm(name)
    tags = [word_tag(w) or ("latin" if w.isascii() else "unk") for w in words]
    return (f"wtag:{word_tag(name) or 'none'}", f"words:{bucket(len(words), (1, 2, 3))}",
            f"opens:{is_function_word(words[0])}", f"firsttag:{tags[0]}", f"lasttag:{tags[-1]}",
            f"singles:{bucket(sum(len(w) == 1 for w in words), (0, 1, 2))}")


@lru_cache(maxsize=65536)
def _stem_features(stem: str) -> tuple[str, ...]:
    """A zone's own name holds a place, a proper name or a word the dictionary lacks
    (齐鲁|软件园, 航汽铝|工业园); a kind of zone is made of common words (边境经济|合作区,
    战略性新兴产业|示范区). What jieba's dictionary makes of the part before the head."""
    if not stem:
        return ("stem:none",)
    tags = [word_tag(w) or ("single" if len(w) == 1 else "unk") for w in cut_without_hmm(stem)]
    proper = any(t in ("ns", "nr", "nz", "nrt", "j", "unk", "single") for t in tags)
    return (f"stemfirst:{tags[0]}", f"stemproper:{proper}", f"stemlasttag:{tags[-1]}")


#: Characters and words a name does not begin with: prepositions, conjunctions, determiners and
#: the verbs that open a clause (由临港地区管委会, 依托华能集团, 力争…基地, 四川省各高新区), and the
#: speaker's own place (我国海外园区, 我市软件园).
_NOT_FIRST = frozenset("由在于对从向把被将为以及和与或各等该其此这那并而是有我")
_NOT_FIRST_WORDS = re.compile(r"依托|力争|推进|推动|加快|支持|鼓励|建设|打造|培育|引进|发展|实施|开展|围绕|全力|积极|重点|"
                              r"依靠|通过|加强|深化|完善|提升|优化|建立|组建|成立|设立|争创|创建|着力|聚焦|谋划|入驻|已|配套|新建|扩建|启动|"
                              r"规划|投资|落户|形成|拥有|获批|批准|举办|召开|联合|共同|携手|建成|建有|设有|与|和|及|等|的")
#: A count of places (韶关、广州两市政府, 两市合作共建产业园): the bodies or a zone of several places, no one name.
_COUNTED_PLACES = re.compile(r"[两二三四五六七八九十几多数]+[省市县区]")
#: Adverbs that open a predicate after a place (意大利|均开始探索…园区): no zone's name goes on past them.
_PREDICATE_OPENERS = frozenset("均都也还又已将曾仍")
#: A role a city plays, not a body (安徽合肥综合性国家科学中心, 上海国际金融中心).
_ROLE = re.compile(r"(?:国家|国际|全球|区域性?)?(?:科学|科技创新|科创|金融|贸易|航运|经济|消费|物流|数据)中心$")
#: Category words that name no particular place: a zone needs a proper name (高新技术产业开发区 alone is none).
_GENERIC_STEMS = frozenset(("", *"高新 高新技术 高新技术产业 经济技术 经济技术开发 产业 工业 科技 绿色 重点 大学 大学科技 "
                                "综合 国家级 省级 市级 各 该 这些 城市 地区 中心 特色 现代 农业 生态 新".split()))


#: The dashes that join places in a name (关中—天水经济区) or a list (北市区—黄堡—董家河).
_DASH = re.compile(r"[—－-]+")
#: Characters that join two names (奉贤区和临港地区管委会): no one name holds them.
_JOINERS = frozenset("和与及、")


def _well_formed(text: str, start: int, end: int, etype: str, name: str, rules: _RuleIndex) -> bool:
    """A name has balanced brackets, begins as a name begins, is not a span the rules name (with
    this type or another), joins no two names (奉贤区和临港地区管委会) and holds no clause after a
    name the rules found (黄山市|新建昌辉产业园). (Whether it cuts their names: :func:`_crosses`.)"""
    if name.count("（") != name.count("）") or name.count("(") != name.count(")") or not (name[0].isalnum() or name[0] in "“\""):
        return False  # (a name opens with a letter, a digit or a quote, not a bracket or a dash: ——绿色|转型)
    if name[0] in _NOT_FIRST or _NOT_FIRST_WORDS.match(name) or not _JOINERS.isdisjoint(name):
        return False  # 合肥海关和人行合肥中心支行 (the bodies named with 和 are the gazetteer's: 工业和信息化部)
    if any(name[:len(name) - len(h)] in _GENERIC_STEMS for h in _HEADS_BY_LAST.get((etype, name[-1]), ())
           if name.endswith(h)):
        return False  # 高新区, 高新技术产业开发区: a zone's kind, no zone's name
    if etype == "Industry" and BUSINESS_WORD.match(text, end - 1):
        return False  # 金融业|务风险: the word 业务 cut, no sector's name
    last = _DASH.split(name)[-1]
    if etype == "Region" and last != name and any(last[:len(last) - len(h)] in _GENERIC_STEMS
                                                  for h in _HEADS_BY_LAST.get((etype, name[-1]), ()) if last.endswith(h)):
        return False  # 黄堡—董家河—耀州区—新区: places a dash lists, the last a zone named by its kind alone
    if etype == "Region" and any(name.endswith("等" + h) for h in _HEADS_BY_LAST.get((etype, name[-1]), ())):
        return False  # 天山北坡等城市群: the head of a list of places, each its own (kg.extract.places)
    if etype == "Region" and ("的" in name or COUNTED_KINDS.search(name)):
        return False  # 珠三角两大经济圈, 航天科技配套的产业园: a count or a description of zones, no zone's name
    if etype == "Organization" and _ROLE.search(name):
        return False
    if etype == "Enterprise" and _grammatical(name):
        return False  # 随着深圳正式宣布, 首次披露, 多方发力: a clause's words, no firm's name
    if etype in ("Region", "Organization") and _COUNTED_PLACES.search(name):
        return False
    if any(c.end == end for c in rules.starting.get(start, ())):
        return False
    return not any(text[i] in _NOT_FIRST or text[i] in "应要需正" or _NOT_FIRST_WORDS.match(text, i)
                   or etype == "Region" and (word_tag(text[i:i + 2]) == "v" or text[i] in _PREDICATE_OPENERS)
                   for i in range(start + 1, end - 1) if i in rules.ending)


#: jieba tags of the words that open a clause's grammar (随着, 由于, 其), and of the numerals, adverbs
#: and time words a span may be alone (首次, 多方, 目前).
_GRAMMAR_OPENING = frozenset({"p", "c", "r"})
_GRAMMAR_WORD = frozenset({"m", "d", "t", "p", "c", "r"})


#: jieba tags of a word that is a proper name (爱仕达: nr), whatever else names a firm.
_PROPER_TAGS = frozenset({"nz", "nr", "nrt", "nt", "j"})
#: jieba tags of words that open a description or a heading, not a name (强化|无线通信技术, 高效|布局).
_NOT_NAME_OPENING = frozenset({"a", "ad", "an", "vn"})


def recognise_item_firms(text: str, known: list[Candidate]) -> list[Candidate]:
    """The firm a numbered item opens with, the subject of what only a firm does (2）国光电器是音响产业
    龙头, 3）爱仕达布局工业机器人): a broker's list of firms names one per item. The name is a proper
    name or a word the dictionary lacks, not a heading's verb phrase (（三）强化无线通信技术研发) nor
    a common word (三、产业布局, （二）前瞻布局)."""
    taken = bytearray(len(text))
    for cand in known:
        taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
    out = []
    for match in _FIRM_PREDICATE.finditer(text):
        end = match.start()
        adverb = _ADVERB_BEFORE.search(text[max(0, end - 4):end])
        end -= len(adverb.group()) if adverb else 0
        for start in range(end - 2, max(end - _SUBJECT_LENGTH, 0) - 1, -1):
            if text[start] in _STOP:
                break
            mark = _ITEM_MARK.search(text, max(0, start - 4), start)
            if mark is None:
                continue
            if (mark.start() == 0 or text[mark.start() - 1] in _STOP) and _names_itself(text[start:end]) \
                    and taken.find(1, start, end) < 0:
                out.append(Candidate(start, end, "Enterprise", text[start:end], source="item_subject", confidence=0.6))
            break
    return out


def _names_itself(span: str) -> bool:
    """A span that is a name by jieba's dictionary: a proper name, or a word it lacks that opens with
    no verb, adverb or adjective and holds no particle or class noun."""
    if not span.isalnum() or any(ch.isdigit() for ch in span) or "的" in span or _CLASS_NOUN.search(span):
        return False
    tag = word_tag(span)
    if tag is not None:
        return tag in _PROPER_TAGS
    first = cut_without_hmm(span)[0]
    return not is_function_word(first) and word_tag(first) not in _NOT_NAME_OPENING


@lru_cache(maxsize=65536)
def _grammatical(name: str) -> bool:
    """Whether jieba's dictionary reads the span as a clause's grammar: it opens with a preposition,
    conjunction or pronoun, or is one numeral, adverb or time word."""
    words = cut_without_hmm(name)
    return word_tag(words[0]) in _GRAMMAR_OPENING or len(words) == 1 and word_tag(name) in _GRAMMAR_WORD


def _crosses(rules: _RuleIndex, start: int, end: int, etype: str) -> bool:
    """Whether the span cuts a name the rules found, or covers a firm they found (a body or zone
    may cover their names: 济南高新区|管委会; a firm would rename one: 太原市应依托|太钢集团)."""
    return any(_blocks(c, start, end, etype) for c in rules.covering.overlapping(start, end))


def _blocks(cand: Candidate, start: int, end: int, etype: str) -> bool:
    return cand.start < start or cand.end > end or cand.type == etype == "Enterprise"


def _head_spans(text: str, etype: str, rules: _RuleIndex):
    """Each head of ``etype`` with each left edge up to its clause's start, walking left while no
    name of the rules is cut on the right (once one is, every longer span cuts it too)."""
    for match in _HEAD_PATTERN[etype].finditer(text):
        head, start, end = match.group(), match.start(), match.end()
        if any(c.end > end for c in rules.covering.overlapping(start, end)):
            continue
        while start > 0 and end - start < MAX_LENGTH[etype] and text[start - 1] not in _STOP:
            start -= 1
            here = rules.covering.at(start)
            if any(c.end > end or c.type == etype == "Enterprise" for c in here):
                break
            if not any(c.start < start for c in here):
                yield start, end, head


def _spans(text: str, index: _RuleIndex) -> list[tuple[int, int, str, str, tuple[int, str], list[str]]]:
    """(start, end, type, head, group, features) of every span the generators propose."""
    spans: list[tuple[int, int, str, str, tuple[int, str], list[str]]] = []
    for etype in _HEAD_PATTERN:
        spans += [(start, end, etype, head, (end, etype), ["gen:head"]) for start, end, head in _head_spans(text, etype, index)]
    for offset, items, frame in _framed_lists(text):
        position = 0
        parts = _ITEM_SPLIT.split(items)
        for part in parts:
            begin = offset + items.index(part, position)
            position = begin - offset + len(part)
            start, end = begin, begin + len(part)
            if 2 <= end - start <= MAX_LENGTH["Enterprise"] and not _crosses(index, start, end, "Enterprise"):
                spans.append((start, end, "Enterprise", "", (end, "list"),
                              ["gen:list", f"frame:{frame}", f"items:{bucket(len(parts), (1, 2, 4))}",
                               f"last:{text[end - 1]}", f"last2:{text[end - 2:end]}"]))
    spans += [span for span in _list_spans(text, index) if not _crosses(index, span[0], span[1], span[2])]
    spans += [span for span in _subject_spans(text) if not _crosses(index, span[0], span[1], "Enterprise")]
    return spans


def span_counts(text: str, rules: list[Candidate]) -> Counter:
    """How often the text holds each span the generators propose (the proposals' count feature):
    a text read in pieces sums its pieces' counts, so that each piece reads as the whole would."""
    return Counter(text[s:e] for s, e, *_ in _spans(text, _RuleIndex(rules)))


def propose(text: str, rules: list[Candidate], counts: Counter | None = None) -> list[Proposal]:
    """Every span a generator proposes, less those the rules already name with the same type
    (``counts``: :func:`span_counts` of the whole text this one is a piece of)."""
    index = _RuleIndex(rules)
    proposals: dict[tuple[int, int, str], Proposal] = {}
    spans = _spans(text, index)
    counts = counts if counts is not None else Counter(text[s:e] for s, e, *_ in spans)
    for start, end, etype, head, group, extra in spans:
        name = "".join(text[start:end].split())
        if not _well_formed(text, start, end, etype, name, index) or \
                group[1] == "subject" and names_a_measure(name):
            continue  # ，同比|下跌: a comparison, not who falls (a brand may end as a body does: 漫步者)
        key = (start, end, etype)
        if key in proposals:
            proposals[key].features = sorted(set(proposals[key].features) | set(extra))
            continue
        features = _span_features(text, start, end, head, index, counts) + extra
        if head and etype == "Region":
            features += _stem_features(name[:len(name) - len(head)])
        proposals[key] = Proposal(start, end, etype, name, group, sorted(set(features)))
    edges = _edge_proposals(text, index, rules, counts)
    return sorted([*proposals.values(), *edges], key=lambda p: (p.start, p.end, p.type))


#: The decision that re-edges or drops the firm names of the tagger and of the suffix walk.
EDGE_DECISION = "Enterprise/edge"
#: The threshold under which the tagger's firm is dropped when none of its edges is probable.
EDGE_DROP = "Enterprise/edge-drop"
#: The sources of the rules' firm names whose edges are weighed: the tagger's (仅三安光电, 三花智控汽车,
#: 甲醇动力) and the suffix walk's (任命其为美的集团, 澳大利亚PEM公司, 铝东南铜业公司).
_EDGED_SOURCES = ("model", "suffix:")
#: How far an edge may move: the left one either way, the tagger's right one inwards.
_EDGE_SHIFT, _EDGE_CUT = 4, 3


def is_edged(cand: Candidate) -> bool:
    """Whether the edge decision weighs this name of the rules."""
    return cand.type == "Enterprise" and cand.source.startswith(_EDGED_SOURCES)


def _edge_proposals(text: str, index: _RuleIndex, rules: list[Candidate], counts: Counter) -> list[Proposal]:
    """Each firm name of the tagger or the suffix walk, and each span a few characters wider or
    narrower on the left (and, for the tagger's, narrower on the right): one group per name."""
    out = []
    for cand in rules:
        if not is_edged(cand):
            continue
        tagged = cand.source == "model"
        # the tagger's name goes when no edge of it is probable, unless a legal form ends it (漾泉蓝焰…有限责任公司)
        droppable = tagged and not cand.name.endswith(REGISTERED_FORMS)
        head = "" if tagged else cand.source.split(":", 1)[1]
        ends = range(cand.end - _EDGE_CUT, cand.end + 1) if tagged else (cand.end,)
        for start in range(max(0, cand.start - _EDGE_SHIFT), cand.start + _EDGE_SHIFT + 1):
            for end in ends:
                name = text[start:end]
                if end - start < max(2, len(head) + 1) or not _STOP.isdisjoint(name) or \
                        name.count("（") != name.count("）"):
                    continue
                features = _span_features(text, start, end, head, index, counts)
                features += [f"src:{'tagger' if tagged else 'suffix'}", f"left:{cand.start - start}",
                             f"right:{cand.end - end}", *_other_names(index, cand, start, end)]
                if head:
                    features += _word_features(name[:len(name) - len(head)] or name)
                out.append(Proposal(start, end, "Enterprise", name, (cand.start, f"edge:{cand.end}"),
                                    sorted(set(features)), EDGE_DECISION, (cand.start, cand.end), droppable))
    return out


def _other_names(index: _RuleIndex, cand: Candidate, start: int, end: int) -> list[str]:
    """How the span stands to the rules' other names: it is one (a firm the gazetteer knows), or
    ends in one behind words of the clause (任命其为|美的集团)."""
    out = [f"is:{c.type}" for c in index.starting.get(start, ()) if c.end == end and c is not cand]
    out += [f"tail:{c.type}" for c in index.ending.get(end, ()) if c.start > start and c is not cand]
    out += [f"lead:{c.type}" for c in index.starting.get(start, ()) if c.end < end and c is not cand]
    return out


def _framed_lists(text: str):
    """(offset, the list's text, its frame) of each list the text frames as firms."""
    taken = -1
    for match in _FIRMS_AFTER.finditer(text):
        start = match.start()
        while start > max(taken, match.start() - 80) and text[start - 1] not in _LIST_CLAUSE:
            start -= 1
        if match.start() - start >= 2:
            yield start, text[start:match.start()], "deng"
        taken = match.end()
    for match in _FIRMS_BEFORE.finditer(text):
        yield match.start(1), match.group(1), "lead"


#: What ends a list's last member (等企业, 等14个城市) or a member's clause.
_LIST_TAIL = re.compile(r"等|在|则|为|是|的|已|均|也|都|共同|分别|相继|先后|纷纷")
#: The types a list member may take from a neighbour the rules know (a place's neighbours are as
#: often newspapers or phrases: 5-fold CV lost Region precision for two places gained).
_LIST_TYPES = ("Enterprise", "Organization")


def _list_spans(text: str, rules: _RuleIndex) -> list[tuple[int, int, str, str, tuple[int, str], list[str]]]:
    """The other members of 、-lists one of whose members the rules name (美的集团、海尔智家): each
    takes that member's type. The first member may begin anywhere in its clause and the last end
    anywhere before 等 or a verb, so each of their possible edges is proposed."""
    out = []
    for match in re.finditer("、", text):
        comma = match.start()
        for side, neighbours in (("left", rules.ending.get(comma, ())), ("right", rules.starting.get(comma + 1, ()))):
            etype = next((c.type for c in neighbours if c.type in _LIST_TYPES), None)
            if etype is None:
                continue
            if side == "left":  # the member after the comma
                start, limit = comma + 1, comma + 1
                while limit < len(text) and text[limit] not in _STOP and limit - start < MAX_LENGTH["Enterprise"]:
                    limit += 1
                member = text[start:limit]
                tail = _LIST_TAIL.search(member, 2)
                last = limit if tail is None else start + tail.start()
                ends = [last] if limit < len(text) and text[limit] == "、" and tail is None else range(start + 2, last + 1)
                for end in ends:
                    out.append((start, end, etype, "", (start, f"list>{etype}"),
                                ["gen:list", f"side:{side}", f"lastitem:{end != limit}", f"last:{text[end - 1]}",
                                 f"last2:{text[end - 2:end]}", f"tail:{text[end:end + 1]}"]))
            else:  # the member before the comma
                end, first = comma, comma
                while first > 0 and text[first - 1] not in _STOP and end - first < MAX_LENGTH["Enterprise"]:
                    first -= 1
                starts = [first] if first > 0 and text[first - 1] == "、" else range(first, end - 1)
                for start in starts:
                    out.append((start, end, etype, "", (end, f"list<{etype}"),
                                ["gen:list", f"side:{side}", f"firstitem:{start != first}", f"last:{text[end - 1]}",
                                 f"last2:{text[end - 2:end]}"]))
    return out


def _predicate_word(predicate: str) -> str:
    """The predicate's word, a feature the same for every firm it follows: its first two characters,
    but 是…龙头 whatever names the rank between (是音响产业龙头, 是储能龙头: 是龙头, not 是音 or 是储)."""
    return "是龙头" if predicate.startswith("是") else predicate[:2]


def _subject_spans(text: str) -> list[tuple[int, int, str, str, tuple[int, str], list[str]]]:
    """Each span of 2 to 8 characters right before a firm's predicate, within its clause, but a
    person's name (基金经理王峰表示: the firm is the one before the post)."""
    out = []
    persons = titled_persons(text)
    for match in _FIRM_PREDICATE.finditer(text):
        end = match.start()
        adverb = _ADVERB_BEFORE.search(text[max(0, end - 4):end])
        end -= len(adverb.group()) if adverb else 0
        predicate = _predicate_word(match.group())
        if _CLASS_NOUN.search(text, max(0, end - 2), end) or text[end - 1:end] in _STOP:
            continue  # 产业集群营收, 龙头企业表示: a class of firms, not one; “双引擎”发力: a quoted phrase
        for start in range(end - 2, max(end - _SUBJECT_LENGTH, 0) - 1, -1):
            if text[start] in _STOP:
                break
            if is_person(text, start, end, persons):
                continue
            item = _ITEM_MARK.search(text, max(0, start - 4), start) is not None
            edge = start == 0 or text[start - 1] in _STOP or item
            out.append((start, end, "Enterprise", "", (end, "subject"),
                        ["gen:subject", f"pred:{predicate}", f"adverb:{adverb is not None}",
                         f"clause:{edge}", f"last:{text[end - 1]}", f"last2:{text[end - 2:end]}"]))
            if item:
                break  # the mark is no part of the name
    return out


class EntityModel(LogisticDecisions):
    """One logistic regression per entity type over the proposals' features, and the probability
    from which each type's best proposal of a head occurrence is added."""

    FILE = ENTITY_MODEL_FILE

    def probability(self, proposal: Proposal) -> float:
        weights = self.weights.get(proposal.weighed_by)
        return logistic(weights, proposal.features) if weights else 0.0

    def decide(self, text: str, rules: list[Candidate], counts: Counter | None = None
               ) -> tuple[list[Candidate], set[tuple[int, int]]]:
        """The names to add to the rules' (per head occurrence or list item, its most probable
        span when that reaches its type's threshold), and the spans of the rules' firm names the
        edge decision drops: the tagger's whose every edge stays under its threshold, and those
        it re-edges. (A suffix walk's firm, whose legal suffix is evidence, is only re-edged.)"""
        best: dict[tuple[int, str], tuple[float, Proposal]] = {}
        edged: dict[tuple[int, str], Proposal] = {}
        top: dict[tuple[int, str], float] = {}  # an edged name's most probable edge, however probable
        for proposal in propose(text, rules, counts):
            if proposal.weighed_by not in self.weights:
                continue
            p = self.probability(proposal)
            if proposal.replaces is not None:
                edged[proposal.group] = proposal
                top[proposal.group] = max(p, top.get(proposal.group, 0.0))
            if p >= self.thresholds.get(proposal.weighed_by, math.inf) and p > best.get(proposal.group, (0.0, None))[0]:
                best[proposal.group] = (p, proposal)
        dropped = set()
        for group, proposal in edged.items():
            kept = best.get(group)
            if kept is None:
                if proposal.may_drop and top[group] < self.thresholds.get(EDGE_DROP, 0.0):
                    dropped.add(proposal.replaces)  # no edge of the tagger's firm is even plausible
            elif (kept[1].start, kept[1].end) == proposal.replaces:
                del best[group]  # the rules' own edges stand
            else:
                dropped.add(proposal.replaces)  # re-edged: its new span is among the names added
        by_span: dict[tuple[int, int], tuple[float, Proposal]] = {}
        for prob, p in best.values():  # one span, one type: the more probable (韩国大邱纺织工业园, a park)
            if prob > by_span.get((p.start, p.end), (0.0, None))[0]:
                by_span[p.start, p.end] = (prob, p)
        added = [Candidate(p.start, p.end, p.type, p.name, source="suffix:learned", confidence=round(0.5 + 0.4 * prob, 2))
                 for prob, p in sorted(by_span.values(), key=lambda bp: (bp[1].start, bp[1].end))]
        return added, dropped


@lru_cache(maxsize=4)
def load_entity_model(model_dir: str) -> EntityModel | None:
    """The entity decision shipped in ``model_dir``, or None when that folder has none."""
    return EntityModel.load(model_dir)
