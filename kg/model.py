"""The records that flow between the stages: document → extraction → graph.

Every stage takes and returns these plain dataclasses, so each can be tested on its own.
Offsets are character offsets into ``Document.text`` (the normalised text) unless a name says
``source``; ``Document.to_source_offset`` maps them back to the original file.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

EntityType = Literal["Policy", "Region", "Enterprise", "Industry", "Organization"]
RelationType = Literal[
    "issued_by", "targets", "applies_to", "located_in", "operates_in", "develops", "part_of"
]
ENTITY_TYPES: tuple[str, ...] = ("Policy", "Region", "Enterprise", "Industry", "Organization")
RELATION_TYPES: tuple[str, ...] = (
    "issued_by", "targets", "applies_to", "located_in", "operates_in", "develops", "part_of",
)
#: Allowed (head type, tail type) pairs per relation, from the annotation guideline.
RELATION_SIGNATURES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "issued_by": (frozenset({"Policy"}), frozenset({"Organization"})),
    "targets": (frozenset({"Policy"}), frozenset({"Industry"})),
    "applies_to": (frozenset({"Policy"}), frozenset({"Region"})),
    "located_in": (frozenset({"Enterprise", "Organization"}), frozenset({"Region"})),
    "operates_in": (frozenset({"Enterprise"}), frozenset({"Industry"})),
    "develops": (frozenset({"Region"}), frozenset({"Industry"})),
    "part_of": (frozenset({"Region"}), frozenset({"Region"})),
}


@dataclass(frozen=True, slots=True)  # a long document holds hundreds of thousands: no __dict__ each
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Document:
    """A read and normalised input file.

    ``offset_map[i]`` is the offset in the original decoded text of normalised character ``i``
    (with one extra entry for the end), so evidence can be located in the source file.
    """

    source: str  # file name as given to the user (no directories)
    path: str  # absolute path of the file read
    sha256: str  # of the raw bytes
    encoding: str  # encoding actually used to decode (utf-8, utf-8-sig, gb18030, pdf, ...)
    media_type: str  # text/plain, text/markdown, text/html, application/pdf
    title: str
    text: str  # normalised text
    offset_map: Sequence[int]  # an array of machine integers when read from a file
    sentences: list[Sentence] = field(default_factory=list)
    #: Normalised offsets right after a pinyin gloss the normaliser dropped (區(qū)), ascending, and each
    #: gloss's length: that much of the offset map's gap there is no break of the source
    #: (kg.ingest.normalise.dropped_glosses).
    dropped_glosses: Sequence[int] = ()
    dropped_gloss_lengths: Sequence[int] = ()
    #: What reading had to drop or replace, one line each (kg build and kg extract print them as warnings).
    notes: list[str] = field(default_factory=list)

    def to_source_offset(self, offset: int) -> int:
        """Offset in the original decoded text of normalised offset ``offset``."""
        if not self.offset_map:
            return offset
        return self.offset_map[min(max(offset, 0), len(self.offset_map) - 1)]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing normalised offset ``offset``."""
        starts = [s.start for s in self.sentences]
        i = bisect_right(starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None


@dataclass(slots=True)  # a long document holds millions
class Mention:
    text: str  # surface form as it stands in the normalised text
    start: int
    end: int
    sentence: int  # Sentence.index


@dataclass
class Entity:
    """One real-world entity as found in one document.

    ``key`` is its identity within its type: the canonical name, or a disambiguated form such as
    ``朝阳区@110105`` for same-named places; the entity IRI is derived from (type, key).
    ``iri`` is set by extraction from the key and may be replaced by linking.
    """

    type: str
    name: str  # canonical name
    key: str
    iri: str = ""
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 1.0
    #: e.g. {"code": "320000"}; a Policy's facts (kg.extract.policy_facts): {"number": "国发〔2021〕29号",
    #: "date": "2021-12-12", "kind": "通知", "level": "central", "period": {"start": 2021, "end": 2025}}
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Relation:
    """A relation between two entities of the same document, with the sentence supporting it."""

    head: str  # Entity.iri
    relation: str
    tail: str  # Entity.iri
    confidence: float
    sentence: int  # Sentence.index of the evidence
    method: str = ""  # which rule or model produced it, for auditing


@dataclass
class Figure:
    """One stated figure (kg.extract.figures): a target (到2025年…达到10%) or a reported value.

    ``value`` and ``unit`` are kept as the text states them (4 with 万个, 300 with 亿元; the value a
    Decimal, to its last digit), so the pair always reads back as written; ``comparator`` is one of ``= ≥ ≤ ≈``.
    """

    subject: str  # Entity.iri of the region, industry, enterprise or policy the figure is about
    indicator: str
    comparator: str
    value: Decimal
    unit: str
    year: int | None
    kind: Literal["target", "reported"]
    sentence: int  # Sentence.index of the evidence
    start: int  # offset of the value in Document.text
    policy: str = ""  # Entity.iri of the policy stating it, when known


@dataclass
class Extraction:
    document: Document
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    #: Entity.iri of the policy the document itself is (title at its head, number under it)
    document_policy: str = ""

    def entity(self, iri: str) -> Entity | None:
        return next((e for e in self.entities if e.iri == iri), None)
