"""The relation classifier: scores every plausible entity pair of a document, rules' triggers included.

The rules find a relation where a trigger links two names inside one sentence; annotated documents
state many more across sentences (a region named in the previous sentence, a policy document's
own sectors far from its title, the firms of a list). ``pair_candidates`` proposes the pairs the
ontology allows (type and direction) that stand close, or whose head is what the document is
about (its own policy, its main region), and describes each with sparse features: distance,
triggers and list marks between the names, what the rules said, how central each name is.
``RelationModel`` is one logistic regression per relation over those features (kg.extract.decisions), trained by
``kg train`` (``kg.train.relations``) on annotated documents and shipped as JSON beside the tagger.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extract.lexicon import (
    DEVELOP_TRIGGERS, ISSUE_TRIGGERS, LOCATED_TRIGGERS, OPERATE_TRIGGERS, TARGET_AFTER, TARGET_TRIGGERS,
    WORK_REPORT_OPENING, WORK_REPORT_REACH,
)
from kg.extract.decisions import LogisticDecisions, bucket, logistic
from kg.extract.pair_context import DocumentStructure
from kg.extract.relations import clause_opening, commentator_only, self_reference_level
from kg.model import RELATION_SIGNATURES, Entity, Extraction, Mention, Relation

#: File name of the classifier inside the model folder.
RELATION_MODEL_FILE = "relations.json"
#: How many sentences apart two names may stand to be proposed as a pair (unless the head is central).
_REACH = 2
#: Between-text longer than this is described by its marks only, not its trigger words.
_NEAR = 24
_TRIGGERS = {"develop": DEVELOP_TRIGGERS, "locate": LOCATED_TRIGGERS, "operate": OPERATE_TRIGGERS,
             "target": TARGET_TRIGGERS, "issue": ISSUE_TRIGGERS}
#: The documents' own country: a national plan's sectors are what it targets, not what a place develops.
_COUNTRY = frozenset(("中国", "中华人民共和国", "我国", "全国"))
_ANAPHOR = re.compile(r"(?:我|全|本|该)(?:省|市|区|县|州)")
#: Development zones and parks: a paragraph that opens with one describes its industries.
_ZONE_SUFFIX = re.compile(r"(?:园区|开发区|新区|片区|示范区|试验区|产业园|基地)$")
#: Words that place what follows in their clause (位于四川省宜宾市): a place so named is where, not who.
_LOCATIVE = re.compile(r"位于|地处|落户|坐落|在$")
_SCOPE_SUFFIX = re.compile(r"(?:特别行政区|自治区|自治州|省|市|区|县|州)$")
#: Words right before a place that make it where a firm goes or sits (拟在|包头市, 布局|宁德, 落户|大甲).
_PLACING = re.compile(r"(?:位于|地处|落户|坐落于?|扎根|入驻|进驻|布局|落地|在)$")
#: A clause that gathers firms into a place (已引进A、B等企业, 入驻有A、B, A、B等一批企业来鞍投资):
#: its firms are where the paragraph's place is.
_GATHERING = re.compile(r"引进|引入|入驻|进驻|吸引|集聚|聚集|汇聚|招引|落户|落地|扎根|来\S{0,2}投资")
#: 现将《X》印发给你们: the transmitted X is the document.
_TRANSMITTED = re.compile(r"[》”\s]{0,3}(?:已经[^，。]{0,12}[，,])?现?(?:印发|转发|发)给")
#: What may open a title line before the policy's name.
_TITLE_LEAD = re.compile(r"[《“\"\s]*")
#: Words before a body that make it whom a text is sent to (向省政府提交《…》, 报国务院审批): not its issuer.
_ADDRESSED = re.compile(r"(?:向|报请|提请|呈报|报送|报)$")
#: What may close a title line after it.
_TITLE_TAIL = re.compile(r"[》”\"\t \u3000]*(?:\n|$)")


def _title_line(text: str, start: int, end: int) -> bool:
    """Whether the title at ``start:end`` stands alone on its line, but for quotes and brackets. The end of its
    line is looked at first: a line citing the title over and over is not read back to its start per use."""
    return _TITLE_TAIL.match(text, end) is not None \
        and _TITLE_LEAD.fullmatch(text[text.rfind("\n", 0, start) + 1:start]) is not None


#: How many sentences from the start a title or a transmittal may stand in.
_HEAD_SENTENCES = 10
#: Relations whose rules' pairs are described by where the rule fired (document kind, distance, the
#: head's rank and place in the title), for the veto to tell their right pairs from their wrong ones.
_WHERE_RULES_FIRE = frozenset({"develops", "issued_by", "applies_to"})
#: A notice that only transmits policies (…关于印发A和B的通知): the document is what it transmits.
_TRANSMITTING_NOTICE = re.compile(r"关于(?:印发|转发)\S+的通知$")
#: Marks a policy's name keeps and a notice's heading drops: a title cited inside it (〈…协定〉) and spaces.
_TITLE_MARKS = re.compile(r"[\s〈〉《》]")


#: The key of the sector decision among the model's weights (beside one key per relation).
SECTOR_DECISION = "entity:Industry"
#: Suffix of a decision's threshold when the model decides alone (measured by ``kg eval --cv``).
ALONE = "@alone"
#: Suffix of the probability under which the classifier drops a pair the rules found.
VETO = "@veto"
#: Suffix of the probability from which a listed firm shares a trade decided for a sibling of its list.
SIBLING = "@sibling"
#: Suffix of the sector decision's bar for an industry only a rule's relation frames (the text
#: never does): 教育 as the tail of a develops pair in a list of public services.
RELATED = "@related"
#: What frames an industry as a sector whatever the decision says: the text, or a firm's trade
#: (康缘药业专注于中成药: operates_in).
_FRAMING = frozenset({"framed", "related:operates_in"})


@dataclass
class Draft:
    """One document's entities and the rules' relations before the last decisions."""

    extraction: Extraction  # every entity found, the rules' relations
    sectors_by_rules: dict[str, bool]  # Industry entity -> framed as a sector by the text or a relation
    sector_features: dict[str, list[str]]  # Industry entity -> its description

    def keeping(self, sectors: set[str]) -> Extraction:
        """The extraction with only the given sectors among the industries (and their relations)."""
        entities = [e for e in self.extraction.entities if e.type != "Industry" or e.iri in sectors]
        kept = {e.iri for e in entities}
        relations = [r for r in self.extraction.relations if r.head in kept and r.tail in kept]
        return Extraction(self.extraction.document, entities, relations)

    def by_rules(self) -> Extraction:
        return self.keeping({iri for iri, framed in self.sectors_by_rules.items() if framed})


def sector_features(entity: Entity, cands: list, relations: set[str], by_rules: bool, text: str) -> list[str]:
    """What says an industry word names a sector here: the recognisers that found it, whether the
    text framed it (产业, 企业 after it) or a rule related it (``relations``: by which relations), the
    rules' own verdict, its form and what stands around its mentions, and the name itself (annotators
    take 人工智能 for a sector and 制造业 for a category wherever they meet it)."""
    features = ["bias", f"rules:{by_rules}", f"name:{entity.name}", f"last:{entity.name[-2:]}",
                f"len:{bucket(len(entity.name), (2, 3, 4, 6))}",
                f"count:{bucket(len(entity.mentions), (1, 2, 4))}"]
    features += sorted({f"src:{c.source.split(':')[0]}" for c in cands})
    if any(c.context for c in cands):
        features.append("framed")
    if any(c.key for c in cands):
        features.append("known")
    if relations:
        features += ["related", *(f"related:{r}" for r in relations)]
    if entity.name.endswith(("业", "产业", "经济")):
        features.append("ends_ye")
    for m in entity.mentions[:4]:
        features += [f"before:{text[max(0, m.start - 1):m.start]}", f"after:{text[m.end:m.end + 1]}",
                     f"after2:{text[m.end:m.end + 2]}"]
    return sorted(set(features))


@dataclass
class PairCandidate:
    head: Entity
    relation: str
    tail: Entity
    sentence: int  # the evidence: the sentence where the two stand closest
    features: list[str] = field(default_factory=list)


class _DocumentView:
    """What the features need from one extraction: mentions, sentence offsets, centrality."""

    def __init__(self, extraction: Extraction):
        self.text = extraction.document.text
        self.sentences = {s.index: s for s in extraction.document.sentences}
        self.mentions = {e.iri: sorted(e.mentions, key=lambda m: m.start) for e in extraction.entities}
        self.rules: dict[tuple[str, str, str], Relation] = {
            (r.head, r.relation, r.tail): r for r in extraction.relations}
        self.at_sentence: dict[int, list[tuple[int, int, Entity]]] = defaultdict(list)
        for entity in extraction.entities:
            for m in entity.mentions:
                self.at_sentence[m.sentence].append((m.start, m.end, entity))
        counts = Counter({e.iri: len(e.mentions) for e in extraction.entities})
        self.rank: dict[str, int] = {}
        for etype in ("Region", "Policy", "Industry", "Enterprise", "Organization"):
            ordered = sorted((e for e in extraction.entities if e.type == etype),
                             key=lambda e: (-counts[e.iri], self.first(e)))
            for i, e in enumerate(ordered):
                self.rank[e.iri] = i
        self.opening = min((s for s in self.sentences), default=0) + 3  # title and first lines
        #: a document headed by a policy's title (or transmitting one) is that policy (a plan, a
        #: notice, measures); a work report that cites its five-year plan in its first lines is not
        self.own_policies = self._heading_policies(extraction)
        self.kind = "policy" if self.own_policies else "prose"
        #: where each of several own policies' text stands (from its title line to the next's)
        self.own_sections = self._own_sections(extraction)
        #: a (part of a) government work report: its place develops what it names
        self.report = not self.own_policies and bool(WORK_REPORT_OPENING.search(self.text, 0, WORK_REPORT_REACH))
        #: the level such a report names itself by (全市 → 市), read only for reports
        self.report_level = self_reference_level(self.text) if self.report else None
        #: the places the document's own policy names in its title (甘肃省中医药产业…行动方案): the
        #: place the policy is for, whose sectors it may develop wherever it lists them
        titles = [e.name for e in extraction.entities if e.iri in self.own_policies]
        self.title_places = {e.iri for e in extraction.entities if e.type == "Region" and any(
            len(short) >= 2 and short in title for short in {e.name, _SCOPE_SUFFIX.sub("", e.name)} for title in titles)}
        self.related: dict[str, set[str]] = defaultdict(set)  # entity -> relations the rules gave it
        self.rules_from: dict[str, list[tuple[str, str]]] = defaultdict(list)  # head -> (relation, tail)
        self.rules_to: dict[str, list[tuple[str, str]]] = defaultdict(list)  # tail -> (head, relation)
        for r in extraction.relations:
            self.related[r.head].add(f"{r.relation}>")
            self.related[r.tail].add(f">{r.relation}")
        for head, relation, tail in self.rules:
            self.rules_from[head].append((relation, tail))
            self.rules_to[tail].append((head, relation))
        self.structure = DocumentStructure(extraction)
        self._by_sentence: dict[str, tuple[list[int], dict[int, _SentenceMentions]]] = {}
        self._reach: dict[str, set[str]] = {}
        self.sentences_of = {iri: {m.sentence for m in mentions} for iri, mentions in self.mentions.items()}
        #: a mention's context features (:func:`_context_features`), once each: a mention is in many pairs
        self.contexts: dict[tuple[int, int, int, str], list[str]] = {}
        #: what :meth:`head_cues` and :meth:`tail_cues` read around a mention, likewise once each
        self._head_cues: dict[tuple[int, int, int, bool], tuple[bool, bool]] = {}
        self._tail_cues: dict[tuple[int, int, int], tuple[bool, list[str]]] = {}

    def by_sentence(self, iri: str) -> tuple[list[int], dict[int, _SentenceMentions]]:
        """An entity's sentences, sorted, and its mentions in each (with their place in
        ``mentions``): where :func:`_closest` looks, kept for the entity's every pair."""
        found = self._by_sentence.get(iri)
        if found is None:
            grouped: dict[int, list[tuple[int, Mention]]] = defaultdict(list)
            for i, m in enumerate(self.mentions.get(iri, ())):
                grouped[m.sentence].append((i, m))
            found = self._by_sentence[iri] = (sorted(grouped), {k: _SentenceMentions(v) for k, v in grouped.items()})
        return found

    def head_cues(self, h: Mention, region: bool) -> tuple[bool, bool]:
        """Whether a locative word opens the head mention's clause before it (位于|宜宾市), and,
        for a ``region``, whether a means verb takes it (依托|合肥): read once per mention."""
        key = (h.start, h.end, h.sentence, region)
        found = self._head_cues.get(key)
        if found is None:
            clause = re.split(r"[，,。；;：:]", self.text[max(0, h.start - 8):h.start])[-1]
            found = self._head_cues[key] = (_LOCATIVE.search(clause) is not None,
                                            region and self.structure.relied_on(self.text, h))
        return found

    def tail_cues(self, t: Mention) -> tuple[bool, list[str]]:
        """Whether the tail mention's sentence speaks of its place as 本市/全省 (an anaphor), and
        the trigger words in the ten characters before it (within its sentence): read once per mention."""
        key = (t.start, t.end, t.sentence)
        found = self._tail_cues.get(key)
        if found is None:
            sentence = self.sentences.get(t.sentence)
            before = self.text[max(sentence.start if sentence else 0, t.start - 10):t.start]
            found = self._tail_cues[key] = (
                sentence is not None and _ANAPHOR.search(sentence.text) is not None,
                [f"t_trig_before:{name}" for name, pattern in _TRIGGERS.items() if pattern.search(before)])
        return found

    def within_reach(self, entity: Entity) -> set[str]:
        """The entities named within ``_REACH`` sentences of a mention of ``entity``: the only
        partners a head that is not central can have without a rule."""
        found = self._reach.get(entity.iri)
        if found is None:
            near = {m.sentence + d for m in self.mentions.get(entity.iri, ()) for d in range(-_REACH, _REACH + 1)}
            found = self._reach[entity.iri] = {e.iri for s in near for _, _, e in self.at_sentence.get(s, ())}
        return found

    def _heading_policies(self, extraction: Extraction) -> set[str]:
        """The policies the document is: those whose name stands alone at the head of a line near
        its start (its title) or is transmitted there (现将《…》印发给你们) — not one it cites
        there (为深入贯彻《…》)."""
        head = min(self.sentences, default=0) + _HEAD_SENTENCES
        own = set()
        for entity in extraction.entities:
            if entity.type != "Policy":
                continue
            for m in entity.mentions:
                line_start = self.text.rfind("\n", 0, m.start) + 1
                if m.sentence < head and (_TITLE_LEAD.fullmatch(self.text[line_start:m.start])
                                          or _TRANSMITTED.match(self.text, m.end)):
                    own.add(entity.iri)
        for notice in [e for e in extraction.entities if e.iri in own and _TRANSMITTING_NOTICE.search(e.name)]:
            inside = {e.iri: _TITLE_MARKS.sub("", e.name) for e in extraction.entities
                      if e.type == "Policy" and e.iri != notice.iri and _TITLE_MARKS.sub("", e.name) in notice.name}
            # not a title the transmitted one cites (〈区域全面经济伙伴关系协定〉 inside the 实施意见 it issues)
            transmitted = {iri for iri, name in inside.items()
                           if not any(name in other and name != other for other in inside.values())}
            if transmitted:  # its sectors are those of the policies it transmits, not of the wrapper
                own = (own | transmitted) - {notice.iri}
        return own

    def _own_sections(self, extraction: Extraction) -> dict[str, tuple[int, int]]:
        """A document that is several policies (a notice transmitting two) gives each its own
        part, opened by a line that is its title alone: a policy targets the sectors of its own
        part, not those of its neighbour's. Empty unless two or more own policies have such a line."""
        starts = []
        for entity in extraction.entities:
            if entity.iri not in self.own_policies:
                continue
            # by the text, not the mentions: a title line under a signature is often not recognised
            titles = [m.start() for m in re.finditer(re.escape(entity.name), self.text)
                      if _title_line(self.text, m.start(), m.end())]
            if titles:
                starts.append((titles[-1], entity.iri))
        if len(starts) < 2:
            return {}
        starts.sort()
        ends = [start for start, _ in starts[1:]] + [len(self.text)]
        return {iri: (start, end) for (start, iri), end in zip(starts, ends)}

    def first(self, entity: Entity) -> int:
        mentions = self.mentions.get(entity.iri) or []
        return mentions[0].start if mentions else 0

    def central(self, entity: Entity) -> bool:
        """What the document is about: its first policy or one of its two main regions."""
        if entity.type == "Policy":
            return self.rank.get(entity.iri, 9) == 0 or any(
                m.sentence < self.opening for m in self.mentions.get(entity.iri, ()))
        if entity.type == "Region":
            return self.rank.get(entity.iri, 9) < 2
        return False

    def topic(self, entity: Entity) -> bool:
        """The sector the document names most: a news piece or report about one sector speaks of
        its firms as that sector's, however far from its name they stand."""
        return entity.type == "Industry" and self.rank.get(entity.iri) == 0


def _entity_features(entity: Entity, view: _DocumentView) -> list[str]:
    """How often and where the document names the entity, and the shape of its name."""
    mentions = view.mentions.get(entity.iri, [])
    features = [f"count:{bucket(len(mentions), (1, 2, 4, 8))}", f"rank:{bucket(view.rank.get(entity.iri, 9), (0, 1, 3))}"]
    if any(m.sentence < view.opening for m in mentions):
        features.append("opening")
    if entity.iri in view.own_policies:
        features.append("own")
    if entity.type == "Policy" and any(view.text[m.start - 1:m.start] == "《" for m in mentions):
        features.append("quoted")  # cited by its title (国务院颁发《…》), not named bare in passing
    if entity.type == "Region":
        suffix = _SCOPE_SUFFIX.search(entity.name)
        features.append(f"suffix:{suffix.group() if suffix else '-'}")
        if entity.name in _COUNTRY:
            features.append("country")
    if entity.type == "Industry":
        features += [f"len:{bucket(len(entity.name), (2, 4, 6))}", f"last:{entity.name[-2:]}"]
    return features


def _closest(head: Entity, tail: Entity, view: _DocumentView):
    """The head and tail mentions nearest each other (by sentences, then characters; of equals,
    the first head mention's first). The entity with fewer mentions looks from each of them into
    the other's nearest sentences only, so a pair costs the fewer mentions, not the product; a
    mention whose nearest sentence is farther than the best pair's is not looked from."""
    heads, tails = view.mentions.get(head.iri, ()), view.mentions.get(tail.iri, ())
    if not heads or not tails:
        return None
    from_heads = len(heads) <= len(tails)
    looking, other = (heads, view.by_sentence(tail.iri)) if from_heads else (tails, view.by_sentence(head.iri))
    best: tuple[int, int, int, int] | None = None
    closest = None
    for k, mention in enumerate(looking):
        near, partners = _nearest(mention, other)
        if best is not None and near > best[0]:
            continue
        for n, partner in partners:
            i, h, j, t = (k, mention, n, partner) if from_heads else (n, partner, k, mention)
            key = (*_distance(h, t), i, j)
            if best is None or key < best:
                best, closest = key, (h, t)
    return closest


class _SentenceMentions:
    """An entity's mentions in one sentence (with their place in its mentions), sorted by start: when their
    starts and ends both rise, the ones nearest a mention are found by bisecting, so a sentence naming two
    entities thousands of times each costs a look-up per mention, not a comparison per pair."""

    def __init__(self, mentions: list[tuple[int, Mention]]) -> None:
        self.mentions = mentions
        self._sorted = sorted(mentions, key=lambda pair: pair[1].start)
        self._starts = [m.start for _, m in self._sorted]
        self._rising = all(a.start < b.start and a.end < b.end
                           for (_, a), (_, b) in zip(self._sorted, self._sorted[1:]))

    def nearest(self, mention: Mention) -> list[tuple[int, Mention]]:
        """The mentions that may stand at the least gap from ``mention`` (:func:`_distance`): those
        overlapping or touching it and the first clear of it on either side — further ones stand strictly
        farther, as starts and ends rise; all of them when they do not."""
        if not self._rising:
            return self.mentions
        right = at = bisect_left(self._starts, mention.start)
        while right < len(self._sorted) and self._sorted[right][1].start <= mention.end:
            right += 1
        left = at - 1
        while left >= 0 and self._sorted[left][1].end >= mention.start:
            left -= 1
        return self._sorted[max(left, 0):right + 1]


def _nearest(mention: Mention, other: tuple[list[int], dict[int, _SentenceMentions]]
             ) -> tuple[int, list[tuple[int, Mention]]]:
    """How many sentences from ``mention``'s the other entity's nearest mentions stand
    (:meth:`_DocumentView.by_sentence`), and those of them that may be nearest by gap: every pair of
    least distance has its mentions among them."""
    sentences, by_sentence = other
    at = bisect_left(sentences, mention.sentence)
    near = min(abs(sentences[i] - mention.sentence) for i in (at - 1, at) if 0 <= i < len(sentences))
    rows = [mention.sentence - near, mention.sentence + near] if near else [mention.sentence]
    return near, [found for row in rows if row in by_sentence for found in by_sentence[row].nearest(mention)]


def _distance(h: Mention, t: Mention) -> tuple[int, int]:
    gap = t.start - h.end if h.start <= t.start else h.start - t.end
    return abs(h.sentence - t.sentence), max(gap, 0)


def _between_features(view: _DocumentView, h, t, pair: tuple[str, str]) -> list[str]:
    """Order, gap, marks and trigger words between two mentions of the same sentence."""
    first, second = (h, t) if h.start <= t.start else (t, h)
    between = view.text[first.end:second.start]
    features = ["order:ht" if first is h else "order:th", f"gap:{bucket(len(between), (0, 2, 5, 10, 20, 40))}"]
    for mark, name in (("、", "enum"), ("，", "comma"), ("；", "semi"), ("等", "deng"), ("：", "colon")):
        if mark in between:
            features.append(f"mark:{name}")
    if len(between) <= _NEAR:
        features += [f"trig:{name}" for name, pattern in _TRIGGERS.items() if pattern.search(between)]
        if not between:
            features.append("adjacent")
    others = {entity.type for start, end, entity in view.at_sentence.get(h.sentence, ())
              if first.end <= start and end <= second.start and entity.iri not in pair}
    features += [f"mid:{etype}" for etype in sorted(others)]
    after = view.text[t.end:t.end + 12]
    if TARGET_AFTER.match(after):
        features.append("target_after")
    return features


def _context_features(view: _DocumentView, mention, prefix: str) -> list[str]:
    """The two characters either side of a mention, and the sentence's triggers and anaphora
    (computed once per mention and prefix)."""
    key = (mention.start, mention.end, mention.sentence, prefix)
    features = view.contexts.get(key)
    if features is None:
        features = view.contexts[key] = _mention_context(view, mention, prefix)
    return list(features)


def _mention_context(view: _DocumentView, mention, prefix: str) -> list[str]:
    text = view.text
    features = [f"{prefix}before:{text[max(0, mention.start - 2):mention.start]}",
                f"{prefix}after:{text[mention.end:mention.end + 2]}"]
    sentence = view.sentences.get(mention.sentence)
    if sentence is not None:
        features += [f"{prefix}sent_trig:{name}" for name, pattern in _TRIGGERS.items()
                     if pattern.search(sentence.text)]
        if _ANAPHOR.search(sentence.text):
            features.append(f"{prefix}sent_anaphor")
    return features


def pair_candidates(extraction: Extraction, relations: Iterable[str] | None = None,
                    wanted_pair: Callable[[_DocumentView, Entity, str, Entity], bool] | None = None,
                    view: _DocumentView | None = None) -> list[PairCandidate]:
    """Every pair the ontology allows that stands within reach, has a central head, or a rule found
    (of the given ``relations`` only, when given; of the (head, relation, tail) ``wanted_pair``
    accepts, in the document's view, only, when given: describing a pair is most of the classifier's time).
    ``view``: the extraction's :class:`_DocumentView`, when the caller has built it already."""
    view = _DocumentView(extraction) if view is None else view
    by_type: dict[str, list[Entity]] = defaultdict(list)
    for entity in extraction.entities:
        if view.mentions.get(entity.iri):
            by_type[entity.type].append(entity)
    out: list[PairCandidate] = []
    described = {e.iri: _entity_features(e, view) for e in extraction.entities}
    wanted = set(RELATION_SIGNATURES if relations is None else relations)
    for relation, (head_types, tail_types) in sorted(RELATION_SIGNATURES.items()):
        if relation not in wanted:
            continue
        for head in (e for t in sorted(head_types) for e in by_type[t]):
            head_central = view.central(head)
            for tail in (e for t in sorted(tail_types) for e in by_type[t]):
                if head.iri == tail.iri or wanted_pair is not None and not wanted_pair(view, head, relation, tail):
                    continue
                rule = view.rules.get((head.iri, relation, tail.iri))
                # a firm of an article about one sector is proposed with it wherever the two stand
                anywhere = head_central or rule is not None or relation == "operates_in" and view.topic(tail)
                if not anywhere and tail.iri not in view.within_reach(head):
                    continue  # out of reach: the test below would drop it
                closest = _closest(head, tail, view)
                if closest is None:
                    continue
                h, t = closest
                distance = abs(h.sentence - t.sentence)
                if distance > _REACH and not anywhere:
                    continue
                features = _pair_features(view, head, tail, h, t, distance, head_central, rule)
                features += [f"h_{f}" for f in described[head.iri]] + [f"t_{f}" for f in described[tail.iri]]
                if head_central:  # how a document about its head treats the tail depends on its kind
                    scope = "country" if head.name in _COUNTRY else head.type
                    features += [f"central&{view.kind}&{scope}&t_{f}" for f in described[tail.iri]]
                sentence = rule.sentence if rule is not None else max(h.sentence, t.sentence)
                out.append(PairCandidate(head, relation, tail, sentence, features))
    return out


def _pair_features(view: _DocumentView, head: Entity, tail: Entity, h, t, distance: int, head_central: bool,
                   rule: Relation | None) -> list[str]:
    sdist = bucket(distance, (0, 1, 2, 4, 8))
    features = ["bias", f"sdist:{sdist}", f"doc:{view.kind}", f"doc:{view.kind}&sdist:{sdist}"]
    features += [f"t_rules{r}" for r in sorted(view.related.get(tail.iri, ()))]
    features += [f"h_rules{r}" for r in sorted(view.related.get(head.iri, ()))]
    together = len(view.sentences_of[head.iri] & view.sentences_of[tail.iri])
    features.append(f"together:{bucket(together, (0, 1, 2, 4))}")
    if head_central:
        scope = "country" if head.name in _COUNTRY else head.type
        features += ["head_central", f"head_central&sdist:{bucket(distance, (0, 2, 8))}",
                     f"head_central&doc:{view.kind}&{scope}"]
        if tail.iri in view.related:
            features.append(f"head_central&doc:{view.kind}&{scope}&t_related")
        if view.report:
            features += ["report_place", f"report_place&{scope}", *_report_place_features(view, head, t, distance)]
    if rule is not None:
        features += ["rule", f"rule:{rule.method}", f"rule_conf:{bucket(int(rule.confidence * 10), (5, 6, 7, 8))}"]
    if rule is not None and rule.relation in _WHERE_RULES_FIRE:
        # a develops rule's worth depends on where it fires: its pairs in a policy document, across
        # sentences or from a place the document is not about are wrong more often (a plan's lists
        # after a place named sentences before), from the place the plan is for right more often
        method = f"rule:{rule.method}"
        features += [f"{method}&doc:{view.kind}", f"{method}&sdist:{bucket(distance, (0, 1, 2))}",
                     f"{method}&h_main:{view.rank.get(head.iri) == 0}"]
        if head.iri in view.title_places:
            features.append(f"{method}&h_title_place")
    if head.iri in view.title_places:
        features.append("h_title_place")
    if head.type != "Policy":  # a policy's relations are the document's, not its sentences' (own_policy)
        features += _structure_features(view, head, tail, h, t)
    else:
        features += _section_features(view, head, tail)
        if tail.type == "Organization" and _ADDRESSED.search(view.text, max(0, t.start - 2), t.start):
            features.append("t_addressed")
    if distance == 0:
        features += _between_features(view, h, t, (head.iri, tail.iri))
    elif t.sentence > h.sentence:
        features.append("tail_later")
    short = _SCOPE_SUFFIX.sub("", tail.name) if tail.type == "Region" else tail.name
    if len(short) >= 2 and short in head.name:
        features.append("tail_in_head_name")
    features += _context_features(view, t, "t_")
    if distance == 0:
        features += _context_features(view, h, "h_")[:2]
    return features


def _report_place_features(view: _DocumentView, head: Entity, t: Mention, distance: int) -> list[str]:
    """A report names its place seldom and speaks of it as 全市 or not at all: a sector far from the
    place's name is still the place's when the tail's sentence names no other place, and more so
    for the report's main place than for its province or its neighbour."""
    others = any(entity.type == "Region" and entity.iri != head.iri
                 for _, _, entity in view.at_sentence.get(t.sentence, ()))
    return [f"report_place&sdist:{bucket(distance, (0, 2, 8))}", f"report_place&h_main:{view.rank.get(head.iri) == 0}",
            f"report_place&t_other_place:{others}"]


def _structure_features(view: _DocumentView, head: Entity, tail: Entity, h, t) -> list[str]:
    """Lists, rivals, the paragraph's subject and anaphora (:mod:`kg.extract.pair_context`)."""
    structure = view.structure
    head_types, tail_types = frozenset({head.type}), frozenset({tail.type})
    features = [f"h_rivals:{bucket(structure.rank_among_rivals(t, h, head, head_types), (0, 1, 3))}",
                f"t_rivals:{bucket(structure.rank_among_rivals(h, t, tail, tail_types), (0, 1, 3))}"]
    head_siblings, tail_siblings = structure.siblings.get(head.iri, set()), structure.siblings.get(tail.iri, set())
    if head_siblings:
        features.append("h_listed")
    if tail_siblings:
        features.append("t_listed")
    # a sibling's trade a list-reading rule read in this sentence is its own list's, not this one's
    # (化学药物领域…包括A、B，免疫诊断试剂领域…包括B、C: C is not in 化学药物 through B)
    sentence = max(h.sentence, t.sentence)
    relations = {relation for hd, relation in view.rules_to.get(tail.iri, ())
                 if hd in head_siblings and not _read_in_list(view.rules[hd, relation, tail.iri], sentence)} | {
        relation for relation, tl in view.rules_from.get(head.iri, ()) if tl in tail_siblings}
    features += [f"sibling_rule:{relation}" for relation in sorted(relations)]
    if structure.paragraph(h.start) == structure.paragraph(t.start):
        features.append("same_paragraph")
    scope = _ZONE_SUFFIX.search(head.name) or _SCOPE_SUFFIX.search(head.name)
    head_kind = f"h_kind:{scope.group() if scope else '-'}"
    if structure.paragraph_subject(t, head.type) == head.iri:
        features += ["paragraph_subject", f"paragraph_subject&{head_kind}"]
    if structure.sentence_subject(t, head.type) == head.iri:
        features += ["sentence_subject", f"sentence_subject&{head_kind}"]
    after_locative, relied_on = view.head_cues(h, head.type == "Region")
    if after_locative:
        features.append("h_after_locative")
    if relied_on:
        features.append("h_relied_on")
    anaphor, triggers_before = view.tail_cues(t)
    if anaphor and view.rank.get(head.iri) == 0:
        features.append("anaphor&h_main")
    features += triggers_before
    if head.type in ("Enterprise", "Organization"):
        features += _firm_features(view, head, tail, h, t)
    return features


def _section_features(view: _DocumentView, head: Entity, tail: Entity) -> list[str]:
    """Whether the tail stands in the part of the document that is the policy's own, when the
    document is several policies (:meth:`_DocumentView._own_sections`)."""
    section = view.own_sections.get(head.iri)
    if section is None:
        return []
    inside = any(section[0] <= m.start < section[1] for m in view.mentions.get(tail.iri, ()))
    return ["t_in_own_section" if inside else "t_outside_own_section"]


def _firm_features(view: _DocumentView, head: Entity, tail: Entity, h, t) -> list[str]:
    """Where a firm or body stands: its type (bodies' places are mostly left optional by the
    annotators), the place its sentence or paragraph or the document is about, a verb placing
    the tail (拟在|沙雅县), a clause gathering firms into a place (已引进A、B等企业)."""
    structure = view.structure
    features = [f"h_type:{head.type}"]
    text = view.text
    clause_start = clause_opening(text, h.start)
    clause_end = min((i for i in (text.find(mark, h.end) for mark in "，,。；;") if i >= 0), default=len(text))
    gathered = bool(_GATHERING.search(text, clause_start, clause_end))
    if tail.type == "Region":
        # one weight per case a single logistic regression cannot combine from the parts: a listed
        # firm and the document's main place, near or far
        near = bucket(abs(h.sentence - t.sentence), (0, 1))
        listed = "listed" if structure.siblings.get(head.iri) else "single"
        main = "main" if view.rank.get(tail.iri) == 0 else "other"
        features += [f"sdist:{near}&h_{listed}", f"sdist:{near}&t_{main}", f"h_{listed}&t_{main}",
                     f"sdist:{near}&h_{listed}&t_{main}"]
        where = []
        if structure.sentence_subject(h, "Region") == tail.iri:
            where.append("sentence_region")
        if structure.paragraph_subject(h, "Region") == tail.iri:
            where.append("paragraph_region")
        if view.rank.get(tail.iri) == 0:
            where.append("main_region")
        if _PLACING.search(text, max(0, t.start - 3), t.start):
            where.append("placed")
        features += [f"t_{w}" for w in where] + [f"h_{head.type}&t_{w}" for w in where]
        if gathered:
            features += ["h_gathered"] + [f"h_gathered&t_{w}" for w in where]
        return features
    if gathered:
        features.append("h_gathered")
    if view.topic(tail):
        listed = "listed" if structure.siblings.get(head.iri) else "single"
        features += ["t_topic", f"t_topic&doc:{view.kind}", f"t_topic&h_{listed}",
                     f"t_topic&sdist:{bucket(abs(h.sentence - t.sentence), (0, 2))}"]
    return features


def _own_policy(view: _DocumentView, head: Entity, tail: Entity) -> bool:
    """The head is the policy the document itself is (it opens with its name): the sectors such a
    document promotes are what it targets, however far from its title they stand — within its own
    part when the document is several policies (a notice transmitting two: each targets the sectors
    of its own part). Policies a text cites are left to the rules' triggers. A report (政府工作报告)
    is no such document: it accounts for a year's work, and the annotated work reports give it no
    targets. Read from the view, before the pair is described (its features say the same)."""
    return (head.iri in view.own_policies and "t_outside_own_section" not in _section_features(view, head, tail)
            and not head.name.endswith("报告"))


def _titled_policy(candidate: PairCandidate) -> bool:
    """The head is the document's own policy or one it cites by its quoted title (财政部《关于…的通知》):
    a text that names its issuer names it so. A plan named bare in a work report's opening, beside
    the bodies whose leadership the report thanks, has no issuer in the text; nor is the body it is
    sent to (向省政府提交了《…》)."""
    return (("h_own" in candidate.features or "h_quoted" in candidate.features)
            and "t_addressed" not in candidate.features)


def _reports_place(view: _DocumentView, head: Entity) -> bool:
    """The head is the place a government work report accounts for: what the report says grew or
    was built up there, sector by sector, that place develops (the annotated reports relate their
    place to nearly every sector they name). Read from the view, as ``report_place`` is; it is of the
    level the report names itself by (全市 → a city), not a district it names most because the
    recognisers miss its city."""
    return view.report and view.central(head) and (view.report_level is None or head.name.endswith(view.report_level))


class RelationModel(LogisticDecisions):
    """One logistic regression per relation over sparse binary features, and one (``SECTOR_DECISION``)
    that decides which industry words name a sector in the document."""

    FILE = RELATION_MODEL_FILE

    def probability(self, candidate: PairCandidate) -> float:
        return logistic(self.weights[candidate.relation], candidate.features)

    def decide(self, draft: Draft, alone: bool = False) -> Extraction:
        """The sectors, then the relations: the rules' with the model's additions, or (``alone``,
        to measure the model) the model's decisions only, at its thresholds for deciding alone."""
        extraction = self.keeping_sectors(draft, alone)
        extraction.relations = self.relations(extraction, alone)
        return extraction

    def threshold(self, decision: str, alone: bool) -> float:
        """The probability from which the decision is taken; a decision the model may not take
        beside the rules has none (it is never taken)."""
        return self.thresholds.get(f"{decision}{ALONE if alone else ''}", math.inf)

    def veto_bar(self, rule: Relation) -> float:
        """Under what probability a pair the rules found is dropped: the bar of the rule that
        found it when it has its own (a trigger wrong more often than right), else its relation's."""
        return self.thresholds.get(f"{rule.relation}{VETO}:{rule.method}", self.thresholds[rule.relation + VETO])

    def keeping_sectors(self, draft: Draft, alone: bool = False) -> Extraction:
        """The rules' sectors and the industries the model takes for sectors besides (or, alone, its
        own); a rules' sector that only a relation frames stays only from the model's related bar."""
        weights = self.weights.get(SECTOR_DECISION)
        if not weights:
            return draft.by_rules()
        threshold = self.threshold(SECTOR_DECISION, alone)
        related_bar = self.thresholds.get(SECTOR_DECISION + RELATED, 0.0)
        return draft.keeping({iri for iri, features in draft.sector_features.items()
                              if draft.sectors_by_rules[iri] and not alone and (
                                  _FRAMING.intersection(features) or logistic(weights, features) >= related_bar)
                              or logistic(weights, features) >= threshold})

    def relations(self, extraction: Extraction, alone: bool = False) -> list[Relation]:
        """The rules' relations, and the pairs the classifier relates besides (its probability as
        confidence). The rules keep precedence where they fire — their triggers were written for
        the prose they cover — and the classifier adds, at a high bar, what they cannot see.
        ``alone``: the classifier decides every relation it was trained for."""
        found = {(r.head, r.relation, r.tail): r for r in extraction.relations}
        kept = [r for r in extraction.relations if not alone or r.relation not in self.weights]
        decided = [r for r in self.weights if r in RELATION_SIGNATURES and self.threshold(r, alone) <= 1.0]
        vetoing = [r for r in self.weights if r + VETO in self.thresholds and not alone]
        added, vetoed = [], set()
        # a body or firm whose name opens with its place is there (佛山市禅城区人民政府 → 禅城区), not
        # also in each place around it
        named_in = {r.head for r in extraction.relations if r.relation == "located_in" and r.method == "region_prefix"}
        # …and one whose full name opens with a place the rules do not read in the text (省港航集团, read as
        # 安徽省港航集团) is in that place, not in the city whose body the same note names (合肥海关)
        opening_place = _opening_places(extraction.entities)
        unions = _international(extraction.entities)  # 东盟 is its members' market, not where it sits
        placed = _placed_by_rules(extraction)
        # a firm whose trade the rules read in the text (化学药物领域重点专利权人包括辉瑞、罗氏) is in no
        # other sector only for standing in an article about it (the report's 生物医药)
        traded = {r.head for r in extraction.relations if r.relation == "operates_in"}

        def wanted(view: _DocumentView, head: Entity, relation: str, tail: Entity) -> bool:
            """The pairs the loop below decides, chosen before they are described (most of the time)."""
            if (head.iri, relation, tail.iri) in found and not alone:
                return relation in vetoing
            if relation not in decided:
                return False
            if alone:
                return True
            if relation == "targets":  # beside the rules, the classifier speaks for a policy document itself only
                return _own_policy(view, head, tail)
            if relation == "develops":  # …for the place a work report accounts for
                return _reports_place(view, head)
            if relation == "operates_in":  # …for a firm the rules give no trade, not named only as its analysts' employer
                return head.iri not in traded and not commentator_only(
                    extraction.document.text, (m.end for m in head.mentions))
            if relation == "located_in":  # …for a firm or body no rule places elsewhere, not a union of countries
                return (head.iri not in named_in and opening_place.get(head.iri, tail.iri) == tail.iri
                        and not _elsewhere(placed.get(head.iri, ()), tail) and head.iri not in unions)
            return True

        below: list[tuple[float, PairCandidate]] = []  # pairs under their bar a listed sibling's may lift
        view = _DocumentView(extraction)
        for candidate in pair_candidates(extraction, sorted(set(decided) | set(vetoing)), wanted, view):
            key = (candidate.head.iri, candidate.relation, candidate.tail.iri)
            if key in found and not alone:
                if candidate.relation in vetoing and self.probability(candidate) < self.veto_bar(found[key]):
                    vetoed.add(key)
                continue
            if not alone and candidate.relation == "issued_by" and not _titled_policy(candidate):
                continue  # …and for a policy it is or cites by its title (the body's mention decides)
            p = self.probability(candidate)
            if p >= self.threshold(candidate.relation, alone):
                added.append(Relation(*key, round(p, 2), candidate.sentence, "relation_model"))
            elif not alone and p >= self.thresholds.get(candidate.relation + SIBLING, math.inf):
                below.append((p, candidate))
        kept = [r for r in kept if (r.head, r.relation, r.tail) not in vetoed]
        added += _shared_by_siblings(view.structure.siblings, kept + added, below)
        return kept + sorted(added, key=lambda r: (r.sentence, r.relation, r.head, r.tail))


#: Rules that read which list of firms a sector heads (化学药物领域重点专利权人包括A、B): they relate
#: that list's members themselves, so another list of the same sentence one of them stands in
#: (…免疫诊断试剂领域…包括B、C) is not in that sector through it.
_LIST_READING_RULES = frozenset({"sector_firm_class", "sector_firm_list"})


def _read_in_list(rule: Relation, sentence: int) -> bool:
    """Whether a list-reading rule related the pair in ``sentence``: what it read there is its own list's."""
    return rule.method in _LIST_READING_RULES and rule.sentence == sentence


def _shared_by_siblings(siblings: dict[str, set[str]], decided: list[Relation],
                        below: list[tuple[float, PairCandidate]]) -> list[Relation]:
    """The pairs under their bar whose head is listed with a head decided to have the same tail
    (煤气化、西山煤电、潞安环能、国阳新能等公司 in an article on 煤层气, one of them in that trade by
    the rules or the classifier): the members of one list share what the text says of the list."""
    related = {(r.head, r.relation, r.tail): r for r in decided}

    def shares(sibling: str, candidate: PairCandidate) -> bool:
        found = related.get((sibling, candidate.relation, candidate.tail.iri))
        return found is not None and not _read_in_list(found, candidate.sentence)

    shared: list[Relation] = []
    while below:  # a pair shared this way is shared in turn with the lists its head stands in
        taken = [(p, c) for p, c in below if any(shares(sibling, c) for sibling in siblings.get(c.head.iri, ()))]
        if not taken:
            break
        added = [Relation(c.head.iri, c.relation, c.tail.iri, round(p, 2), c.sentence, "relation_model_sibling")
                 for p, c in taken]
        shared += added
        related.update({(r.head, r.relation, r.tail): r for r in added})
        below = [(p, c) for p, c in below if (p, c) not in taken]
    return shared


def _placed_by_rules(extraction: Extraction) -> dict[str, list[str]]:
    """The division codes of the places the rules put each firm or body in."""
    codes = {e.iri: e.attributes["code"] for e in extraction.entities if _division_code(e)}
    placed: dict[str, list[str]] = {}
    for r in extraction.relations:
        if r.relation == "located_in" and r.tail in codes:
            placed.setdefault(r.head, []).append(codes[r.tail])
    return placed


def _opening_places(entities: list[Entity]) -> dict[str, str]:
    """The Chinese division each firm's or body's name opens with (安徽省港航集团 → 安徽省), the longest
    named; not the country (中国电信安徽分公司 is in 安徽省)."""
    places = sorted((e for e in entities if e.type == "Region" and _division_code(e)), key=lambda e: -len(e.name))
    opening = {}
    for entity in entities:
        if entity.type in ("Enterprise", "Organization"):
            place = next((p for p in places if entity.name.startswith(p.name)), None)
            if place is not None:
                opening[entity.iri] = place.iri
    return opening


def _division_code(entity: Entity) -> bool:
    code = entity.attributes.get("code")
    return isinstance(code, str) and len(code) == 6 and code.isdigit()


def _elsewhere(codes: Iterable[str], place: Entity) -> bool:
    """Whether the rules put the firm or body in a Chinese division that neither holds ``place`` nor
    lies in it (连云港市 placed by 连云港市集聚了A、B等企业: not also in 浙江省, named a sentence later)."""
    if not codes or not _division_code(place):
        return False
    own = place.attributes["code"].rstrip("0")
    return not any(code.rstrip("0").startswith(own) or own.startswith(code.rstrip("0")) for code in codes)


def _international(entities: list[Entity]) -> set[str]:
    """The document's international organizations (东盟, 二十国集团), looked up once: a place named near one
    is its members' market or the host of its meeting (东盟跃居东莞第一大贸易市场), not where it sits."""
    from kg.reference import load_reference

    reference = load_reference()
    return {e.iri for e in entities if e.type == "Organization" and any(
        getattr(entry, "level", "") == "intl_org" for entry in reference.lookup(e.name, "Organization"))}


@lru_cache(maxsize=4)
def load_relation_model(model_dir: str) -> RelationModel | None:
    """The classifier shipped in ``model_dir``, or None when that folder has none."""
    return RelationModel.load(model_dir)
