"""The sentences behind facts, read from the document graphs in Oxigraph: each evidence node
(``kg:Assertion``) with its confidence and method, its sentence with the entity mentions in it
marked, and the document it comes from.

Evidence is looked up from the end of a fact with fewer relations (``rdf:subject`` or
``rdf:object`` scans, no joins), so a fact of a hub costs what its other end costs.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.graph.chunked import visible_quads
from kg.vocab import DCTERMS, KG, PROV, RDF, RELATION_PROPERTY

_SUBJECT, _PREDICATE, _OBJECT = (ox.NamedNode(str(p)) for p in (RDF.subject, RDF.predicate, RDF.object))
_CONFIDENCE, _METHOD = ox.NamedNode(str(KG.confidence)), ox.NamedNode(str(KG.method))
_DERIVED_FROM = ox.NamedNode(str(PROV.wasDerivedFrom))
_TEXT, _START, _END = ox.NamedNode(str(KG.text)), ox.NamedNode(str(KG.start)), ox.NamedNode(str(KG.end))
_IN_SENTENCE, _MENTION_OF = ox.NamedNode(str(KG.inSentence)), ox.NamedNode(str(KG.mentionOf))
_SOURCE, _TITLE = ox.NamedNode(str(DCTERMS.source)), ox.NamedNode(str(DCTERMS.title))

#: (head, relation, tail) of a fact.
Triple = tuple[str, str, str]


@dataclass(frozen=True)
class Segment:
    """A run of a sentence's text; ``role`` is "head", "tail" or "other" for an entity mention."""

    text: str
    role: str | None = None
    entity: str | None = None


@dataclass(frozen=True)
class DocumentRef:
    iri: str
    file_name: str
    title: str | None


@dataclass(frozen=True)
class Evidence:
    """One sentence stating a fact."""

    document: DocumentRef
    confidence: float | None
    method: str | None
    segments: tuple[Segment, ...]


@dataclass
class Reader:
    """Evidence reads of one request over one store (documents and sentences read once)."""

    store: ox.Store
    _documents: dict[str, DocumentRef] = field(default_factory=dict)

    def evidence(self, fact: Triple, by_object: bool) -> list[Evidence]:
        """The evidence of ``fact``, found from its object (``by_object``) or its subject."""
        head, relation, tail = fact
        prop = ox.NamedNode(str(RELATION_PROPERTY[relation]))
        h, t = ox.NamedNode(head), ox.NamedNode(tail)
        scan = (None, _OBJECT, t) if by_object else (None, _SUBJECT, h)
        check = (_SUBJECT, h) if by_object else (_OBJECT, t)
        found = []
        for quad in visible_quads(self.store, *scan):
            node, graph = quad.subject, quad.graph_name
            if not (self.has(node, _PREDICATE, prop, graph) and self.has(node, *check, graph)):
                continue
            for derived in self.store.quads_for_pattern(node, _DERIVED_FROM, None, graph):
                found.append(Evidence(self.document(graph.value), number(self.value(node, _CONFIDENCE, graph)),
                                      self.value(node, _METHOD, graph),
                                      tuple(self.sentence(derived.object, graph, {head: "head", tail: "tail"}))))
        found.sort(key=lambda e: (-(e.confidence or 0), e.document.file_name))
        return found

    def sentence(self, sentence: ox.NamedNode, graph: ox.NamedNode, roles: dict[str, str]) -> list[Segment]:
        """The sentence's text cut at its entity mentions; ``roles`` marks the fact's ends."""
        text = self.value(sentence, _TEXT, graph) or ""
        offset = int(self.value(sentence, _START, graph) or 0)
        spans = []
        for quad in self.store.quads_for_pattern(None, _IN_SENTENCE, sentence, graph):
            mention = quad.subject
            start, end = self.value(mention, _START, graph), self.value(mention, _END, graph)
            entity = next(self.store.quads_for_pattern(mention, _MENTION_OF, None, graph), None)
            if start is None or end is None or entity is None:
                continue
            spans.append((int(start) - offset, int(end) - offset, entity.object.value))
        return cut(text, spans, roles)

    def document(self, iri: str) -> DocumentRef:
        if iri not in self._documents:
            graph = ox.NamedNode(iri)
            self._documents[iri] = DocumentRef(iri, self.value(graph, _SOURCE, graph) or iri.rsplit("/", 1)[-1],
                                               self.value(graph, _TITLE, graph))
        return self._documents[iri]

    def has(self, subject, predicate, obj, graph) -> bool:
        return next(self.store.quads_for_pattern(subject, predicate, obj, graph), None) is not None

    def value(self, subject, predicate, graph) -> str | None:
        quad = next(self.store.quads_for_pattern(subject, predicate, None, graph), None)
        return quad.object.value if quad is not None else None


def cut(text: str, spans: Iterable[tuple[int, int, str]], roles: dict[str, str]) -> list[Segment]:
    """``text`` as plain and mention segments; overlapping mentions keep the first (longest)."""
    segments, at = [], 0
    for start, end, entity in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < at or start < 0 or end > len(text) or start >= end:
            continue
        if start > at:
            segments.append(Segment(text[at:start]))
        segments.append(Segment(text[start:end], roles.get(entity, "other"), entity))
        at = end
    if at < len(text):
        segments.append(Segment(text[at:]))
    return segments


def number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
