"""The facts the graph index (:mod:`kg.graph.graph_index`) keeps per document, read from RDF.

Two kinds, both per document graph, so that a document's write or removal changes exactly its own:

- **support**: each relation the document's evidence nodes state (``rdf:subject`` /
  ``rdf:predicate`` / ``rdf:object`` / ``kg:confidence``), with the best confidence it gives it;
- **naming**: each entity type (``rdf:type`` of an entity class), label (``rdfs:label``) and alias
  (``skos:altLabel``) the document gives a node.

Each is read either from a document's quads (on write, before they reach the store) or from the
store itself (a rebuild, or a refresh after an in-place rewrite), with single-pattern scans: a join
in Oxigraph costs a random disk lookup per row.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from kg.vocab import CLASS_TYPE, KG, PROPERTY_RELATION, RDF, RDFS, SKOS

__all__ = ["ALIAS", "LABEL", "NAMING_PREDICATES", "SUPPORT_PREDICATES", "TYPE", "Naming", "Support",
           "facts_of_stream", "naming_in_store", "naming_of_quads", "support_in_store", "support_of_quads"]

#: Kinds of naming rows.
TYPE, LABEL, ALIAS = 0, 1, 2

_SUBJECT, _PREDICATE, _OBJECT = str(RDF.subject), str(RDF.predicate), str(RDF.object)
_CONFIDENCE = str(KG.confidence)
_EVIDENCE_SLOTS = {_SUBJECT: 0, _PREDICATE: 1, _OBJECT: 2, _CONFIDENCE: 3}
_NAMING_KINDS = {str(RDF.type): TYPE, str(RDFS.label): LABEL, str(SKOS.altLabel): ALIAS}

#: Predicates whose quads change a document's support, and a node's naming.
SUPPORT_PREDICATES = frozenset(_EVIDENCE_SLOTS)
NAMING_PREDICATES = frozenset(_NAMING_KINDS)

#: (document, head, relation, tail) → the best confidence the document gives that relation.
Support = dict[tuple[str, str, str, str], float]
#: (document, node, kind, value): value is the entity type for TYPE rows, else the name.
Naming = set[tuple[str, str, int, str]]


def support_of_quads(quads: Iterable[ox.Quad]) -> Support:
    """The support rows a document's quads carry: one per relation, best confidence over its
    evidence nodes."""
    evidence = _Evidence()
    for quad in quads:
        evidence.add(quad, quad.predicate.value)
    return evidence.support


def naming_of_quads(quads: Iterable[ox.Quad]) -> Naming:
    """The naming rows of these quads (entity types, labels and aliases of named nodes)."""
    return {row for row in (_naming_row(q, q.predicate.value) for q in quads) if row is not None}


def facts_of_stream(quads: Iterable[ox.Quad], support: Support, naming: Naming) -> Iterator[ox.Quad]:
    """``quads`` passed on one by one while their support and naming go into ``support`` and
    ``naming``: a write learns its index facts from what it writes instead of reading its graph
    back (which, for a long document's chunked write, held all its evidence nodes at once). One
    look at each quad's predicate: most quads (mentions, sentences) state neither."""
    evidence = _Evidence(support)
    for quad in quads:
        predicate = quad.predicate.value
        if predicate in _EVIDENCE_SLOTS:
            evidence.add(quad, predicate)
        elif predicate in _NAMING_KINDS:
            row = _naming_row(quad, predicate)
            if row is not None:
                naming.add(row)
        yield quad


class _Evidence:
    """Evidence nodes' slots as their quads come, each node held only until its four slots are
    known (kg.graph.builder gives them together), then folded into :attr:`support`."""

    def __init__(self, support: Support | None = None) -> None:
        self.support: Support = {} if support is None else support
        self._parts: dict[tuple[str, str], list] = {}

    def add(self, quad: ox.Quad, predicate: str) -> None:
        slot = _EVIDENCE_SLOTS.get(predicate)
        if slot is None:
            return
        key = (quad.graph_name.value, quad.subject.value)
        part = self._parts.setdefault(key, [None, None, None, None])
        part[slot] = quad.object.value
        if None in part:
            return  # a node that never gets all four states no relation
        head, prop, tail, confidence = self._parts.pop(key)
        relation = PROPERTY_RELATION.get(prop)
        if relation is None:
            return
        row = (key[0], head, relation, tail)
        try:
            self.support[row] = max(self.support.get(row, 0.0), float(confidence))
        except ValueError:  # a malformed confidence literal: the evidence states no number
            return


def _naming_row(quad: ox.Quad, predicate: str) -> tuple[str, str, int, str] | None:
    kind = _NAMING_KINDS.get(predicate)
    if kind is None or not isinstance(quad.subject, ox.NamedNode) or isinstance(quad.graph_name, ox.DefaultGraph):
        return None
    value = quad.object.value
    if kind == TYPE:
        value = CLASS_TYPE.get(value)
        if value is None:
            return None
    elif not isinstance(quad.object, ox.Literal):
        return None
    return quad.graph_name.value, quad.subject.value, kind, value


#: Every document's support, as Oxigraph computes it in one grouped join (a rebuild).
_SUPPORT_QUERY = f"""
SELECT ?g ?h ?p ?t (MAX(?c) AS ?conf) WHERE {{
  GRAPH ?g {{ ?a <{_SUBJECT}> ?h ; <{_PREDICATE}> ?p ; <{_OBJECT}> ?t ; <{_CONFIDENCE}> ?c }}
}} GROUP BY ?g ?h ?p ?t"""


def support_in_store(store: ox.Store, graphs: Iterable[str] | None = None) -> Support:
    """The support rows of these document graphs (all named graphs when None), from the store:
    one grouped query for the whole store, else a scan of each graph (sorted by subject there,
    so only one graph's evidence is held at a time)."""
    if graphs is None:
        support: Support = {}
        for row in store.query(_SUPPORT_QUERY):
            relation = PROPERTY_RELATION.get(row["p"].value)
            try:
                if relation is not None:
                    support[(row["g"].value, row["h"].value, relation, row["t"].value)] = float(row["conf"].value)
            except ValueError:
                continue
        return support
    support = {}
    for graph in _graph_nodes(graphs):
        support.update(support_of_quads(
            q for p in _EVIDENCE_SLOTS for q in store.quads_for_pattern(None, ox.NamedNode(p), None, graph)))
    return support


def naming_in_store(store: ox.Store, graphs: Iterable[str] | None = None,
                    nodes: Iterable[str] | None = None) -> Naming:
    """The naming rows of these graphs (all named graphs when None), of these nodes only if given.
    Types are scanned per entity class, so the type quads of evidence and mentions are not read."""
    subjects = [None] if nodes is None else [ox.NamedNode(n) for n in dict.fromkeys(nodes)]
    patterns = [(ox.NamedNode(str(RDF.type)), ox.NamedNode(c)) for c in CLASS_TYPE] + [
        (ox.NamedNode(p), None) for p, kind in _NAMING_KINDS.items() if kind != TYPE]
    graph_nodes = [None] if graphs is None else _graph_nodes(graphs)
    return naming_of_quads(q for graph in graph_nodes for subject in subjects for p, o in patterns
                           for q in store.quads_for_pattern(subject, p, o, graph))


def _graph_nodes(graphs: Iterable[str]) -> list[ox.NamedNode]:
    return [ox.NamedNode(g) for g in dict.fromkeys(graphs)]
