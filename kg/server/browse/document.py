"""What one document graph holds, for its page: its metadata, the entities it found and the facts
it states with their sentences. A document graph is small (one file's worth), so it is read
with single-pattern scans of that graph alone."""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.graph.chunked import is_complete_graph
from kg.server.browse.entities import first_type
from kg.server.browse.evidence import Evidence, Reader, number
from kg.vocab import CLASS_TYPE, DCTERMS, KG, PROPERTY_RELATION, PROV, RDF, RDFS

_A, _LABEL = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(RDFS.label))
_ASSERTION = ox.NamedNode(str(KG.Assertion))
_FIELDS = {
    "file_name": DCTERMS.source, "title": DCTERMS.title, "sha256": KG.sha256, "path": KG.sourcePath,
    "ingested_at": PROV.generatedAtTime, "media_type": DCTERMS["format"], "encoding": KG.encoding,
}


@dataclass(frozen=True)
class Found:
    """An entity the document names."""

    iri: str
    label: str
    type: str


@dataclass(frozen=True)
class StatedFact:
    head: Found
    relation: str
    tail: Found
    sentence: int  # its index in the document
    evidence: Evidence


@dataclass(frozen=True)
class DocumentView:
    iri: str
    metadata: dict[str, str | None]
    entities: list[Found]
    facts: list[StatedFact]


def document_view(store: ox.Store, iri: str) -> DocumentView | None:
    """The document ``iri`` as its page shows it; None when the store does not hold it."""
    graph = ox.NamedNode(iri)
    if not is_complete_graph(store, graph):
        return None
    reader = Reader(store)
    metadata = {name: reader.value(graph, ox.NamedNode(str(prop)), graph) for name, prop in _FIELDS.items()}
    types: dict[str, list[str]] = {}
    for quad in store.quads_for_pattern(None, _A, None, graph):
        if quad.object.value in CLASS_TYPE:
            types.setdefault(quad.subject.value, []).append(CLASS_TYPE[quad.object.value])
    entities = {node: Found(node, reader.value(ox.NamedNode(node), _LABEL, graph) or node.rsplit("/", 1)[-1],
                            first_type(found)) for node, found in types.items()}
    facts = []
    for quad in store.quads_for_pattern(None, _A, _ASSERTION, graph):
        node = quad.subject
        head, prop, tail = (reader.value(node, ox.NamedNode(str(p)), graph) for p in (RDF.subject, RDF.predicate, RDF.object))
        relation = PROPERTY_RELATION.get(prop or "")
        if relation is None or head not in entities or tail not in entities:
            continue
        roles = {head: "head", tail: "tail"}
        for derived in store.quads_for_pattern(node, ox.NamedNode(str(PROV.wasDerivedFrom)), None, graph):
            evidence = Evidence(reader.document(iri), number(reader.value(node, ox.NamedNode(str(KG.confidence)), graph)),
                                reader.value(node, ox.NamedNode(str(KG.method)), graph),
                                tuple(reader.sentence(derived.object, graph, roles)))
            index = int(derived.object.value.rsplit("/", 1)[-1])
            facts.append(StatedFact(entities[head], relation, entities[tail], index, evidence))
    facts.sort(key=lambda f: (f.sentence, f.head.label, f.relation, f.tail.label))
    return DocumentView(iri, metadata, sorted(entities.values(), key=lambda e: (e.type, e.label)), facts)
