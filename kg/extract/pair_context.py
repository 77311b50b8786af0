"""Where two names stand in the document's structure, for the relation classifier's pair features.

Annotators relate what a sentence's grammar links, and the rules' triggers see one sentence at a
time. Three things the sentence alone does not show decide many of the annotated pairs:

- **lists**: names joined by 、/和/及/与 share what the sentence says of any of them
  (湖州、嘉兴、衢州、台州、丽水跨境电商综试区), so a rule found for one member speaks for its siblings;
- **nearness among rivals**: the region a sector belongs to is the nearest one before it, not any
  region of the paragraph; the rank of a name among the candidates of its type says so;
- **the paragraph's subject**: a paragraph that opens with a zone or firm (宜宾高新技术产业园区位于……，
  以发展汽车零部件、新材料……) speaks of it to its end, across sentences.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict

from kg.extract.relations import LIST_JOINT
from kg.model import Entity, Extraction, Mention

#: How many sentences back the rank among rivals looks.
_RIVAL_REACH = 2
#: Verbs whose object is a means a plan relies on (依托|合肥、芜湖等地的产业基础, 发挥|上海的龙头作用).
_MEANS_BEFORE = re.compile(r"(?:依托|发挥|借助|依靠|利用)$")


class DocumentStructure:
    """Lists, paragraphs and the order of mentions of one extraction."""

    def __init__(self, extraction: Extraction):
        text = extraction.document.text
        self._breaks = [i for i, ch in enumerate(text) if ch == "\n"]
        self._by_sentence: dict[int, list[tuple[Mention, Entity]]] = defaultdict(list)
        for entity in extraction.entities:
            for m in entity.mentions:
                self._by_sentence[m.sentence].append((m, entity))
        for found in self._by_sentence.values():
            found.sort(key=lambda pair: (pair[0].start, -pair[0].end))
        self.siblings: dict[str, set[str]] = defaultdict(set)  # entity -> entities listed with it
        for found in self._by_sentence.values():
            self._link_lists(text, found)
        self._paragraph_subject: dict[tuple[int, str], str] = {}
        for found in sorted(self._by_sentence.values(), key=lambda f: f[0][0].start):
            for m, entity in found:
                self._paragraph_subject.setdefault((self.paragraph(m.start), entity.type), entity.iri)

    def _link_lists(self, text: str, found: list[tuple[Mention, Entity]]) -> None:
        """Neighbouring names of one type with only a list joint between them are siblings,
        and so is every member of the same run."""
        run: list[str] = []
        previous: tuple[Mention, Entity] | None = None
        for m, entity in found:
            joined = (previous is not None and previous[1].type == entity.type and previous[0].end <= m.start
                      and LIST_JOINT.fullmatch(text[previous[0].end:m.start]) is not None)
            if joined:
                run.append(entity.iri)
            else:
                self._close(run)
                run = [entity.iri]
            previous = (m, entity)
        self._close(run)

    def _close(self, run: list[str]) -> None:
        members = set(run)
        if len(members) > 1:
            for iri in members:
                self.siblings[iri] |= members - {iri}

    def sentence_subject(self, mention: Mention, etype: str) -> str | None:
        """The first entity of ``etype`` that the mention's sentence names (or, when it names
        none, the previous sentence): what the sentence speaks of."""
        for sentence in (mention.sentence, mention.sentence - 1):
            for m, entity in self._by_sentence.get(sentence, ()):
                if entity.type == etype:
                    return entity.iri
        return None

    def relied_on(self, text: str, mention: Mention) -> bool:
        """Whether the mention (or the list it opens) is the object of a means verb: 依托合肥、芜湖…,
        发挥上海的龙头作用 — a place the sentence relies on, not the one acting."""
        first = mention
        for m, _ in reversed(self._by_sentence.get(mention.sentence, ())):
            if m.end <= first.start and LIST_JOINT.fullmatch(text[m.end:first.start]):
                first = m
        return _MEANS_BEFORE.search(text, max(0, first.start - 2), first.start) is not None

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_left(self._breaks, offset)

    def paragraph_subject(self, mention: Mention, etype: str) -> str | None:
        """The first entity of ``etype`` that the mention's paragraph names."""
        return self._paragraph_subject.get((self.paragraph(mention.start), etype))

    def rank_among_rivals(self, anchor: Mention, other: Mention, other_entity: Entity, types: frozenset[str]) -> int:
        """How many other names of ``types`` stand nearer ``anchor`` than ``other`` does (by
        sentences, then characters; a name before the anchor counts nearer than one after at the
        same distance), looking back up to two sentences and within the anchor's sentence."""
        def distance(m: Mention) -> tuple[int, int, int]:
            chars = anchor.start - m.end if m.start <= anchor.start else m.start - anchor.end
            return (abs(anchor.sentence - m.sentence), max(chars, 0), 0 if m.start <= anchor.start else 1)

        own = distance(other)
        nearer = set()
        for sentence in range(anchor.sentence - _RIVAL_REACH, anchor.sentence + 1):
            for m, entity in self._by_sentence.get(sentence, ()):
                if entity.type in types and entity.iri != other_entity.iri and distance(m) < own:
                    nearer.add(entity.iri)
        return len(nearer)
