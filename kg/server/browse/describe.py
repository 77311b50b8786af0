"""The RDF description served for an IRI of ours (``/id/…`` with an RDF Accept header), as
Pubby/LodView serve one: the resource's own triples and, for an entity, the facts pointing at it
and the evidence of the facts it takes part in — each evidence node, its sentence and that
sentence's document (title, file name), up to MAX_EVIDENCE of them (``X-KG-Truncated`` says when
more were left out). A document is described by its whole graph."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

import pyoxigraph as ox

from kg.graph.chunked import visible_quads
from kg.graph.store import PREFIXES
from kg.vocab import DCTERMS, ID, KG, PROV, RDF, RELATION_PROPERTY

#: Prefixes of the Turtle we write.
DESCRIPTION_PREFIXES = {**PREFIXES, "id": str(ID), "owl": "http://www.w3.org/2002/07/owl#"}

_SUBJECT, _OBJECT = ox.NamedNode(str(RDF.subject)), ox.NamedNode(str(RDF.object))
_DERIVED_FROM = ox.NamedNode(str(PROV.wasDerivedFrom))
_SENTENCE_PREDICATES = [ox.NamedNode(str(p)) for p in (RDF.type, KG.text, KG.start, KG.end, KG["index"], DCTERMS.isPartOf)]
_DOCUMENT_PREDICATES = [ox.NamedNode(str(p)) for p in (DCTERMS.title, DCTERMS.source)]
_RELATIONS = {str(p) for p in RELATION_PROPERTY.values()}
#: Evidence nodes described at most per resource (a hub's 10k take ~10 s to read one by one).
MAX_EVIDENCE = 1_000


def describe_document(store: ox.Store, iri: str) -> list[ox.Triple]:
    """Every triple of the document's graph (none while it is hidden: being written or deleted)."""
    return [quad.triple for quad in visible_quads(store, None, None, None, ox.NamedNode(iri))]


@dataclass
class Description:
    triples: list[ox.Triple]
    truncated: bool  # evidence left out: more than MAX_EVIDENCE nodes


def describe_resource(store: ox.Store, iri: str) -> Description:
    """An entity's (or any other resource's) description; no triples when the store knows nothing
    of it. A hub's evidence is cut at MAX_EVIDENCE nodes (its facts themselves are all there)."""
    node = ox.NamedNode(iri)
    triples = dict.fromkeys(quad.triple for quad in visible_quads(store, node, None, None))
    triples.update(dict.fromkeys(quad.triple for quad in visible_quads(store, None, None, node)
                                 if quad.predicate.value in _RELATIONS))
    evidence = _evidence_nodes(store, node)
    for quad in islice(evidence, MAX_EVIDENCE):
        assertion, graph = quad.subject, quad.graph_name
        triples.update(dict.fromkeys(q.triple for q in store.quads_for_pattern(assertion, None, None, graph)))
        for derived in store.quads_for_pattern(assertion, _DERIVED_FROM, None, graph):
            for predicate in _SENTENCE_PREDICATES:
                triples.update(dict.fromkeys(q.triple for q in store.quads_for_pattern(derived.object, predicate, None, graph)))
        for predicate in _DOCUMENT_PREDICATES:
            triples.update(dict.fromkeys(q.triple for q in store.quads_for_pattern(graph, predicate, None, graph)))
    return Description(list(triples), next(evidence, None) is not None)


def _evidence_nodes(store: ox.Store, node: ox.NamedNode) -> Iterator[ox.Quad]:
    yield from visible_quads(store, None, _SUBJECT, node)
    yield from visible_quads(store, None, _OBJECT, node)
