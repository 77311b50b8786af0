"""Undoing a wrong merge: a change to a node that spans document graphs, as one atomic SPARQL
update. (Relabelling, the other such change, is in :mod:`kg.link.labels`.)"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph.store import GraphStore
from kg.vocab import KG, LINKING_GRAPH, OWL, RDF, RDFS, SKOS, TYPE_CLASS, entity_iri

_A, _LABEL, _ALT = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(RDFS.label)), ox.NamedNode(str(SKOS.altLabel))
_MENTION_OF, _SURFACE = ox.NamedNode(str(KG.mentionOf)), ox.NamedNode(str(KG.surface))
_DIFFERENT = ox.NamedNode(str(OWL.differentFrom))
_CLASS_TYPE = {str(c): t for t, c in TYPE_CLASS.items()}


@dataclass
class Unmerge:
    """What ``unmerge`` did."""

    alias: str
    source: str  # the node the alias was taken from
    node: str  # the node the alias now names
    mentions: int  # mentions moved
    graphs: int  # document graphs changed


def unmerge(graph_store: GraphStore, alias: str, source_iri: str) -> Unmerge:
    """Split ``alias`` off node ``source_iri``: its mentions move to a node of their own (the
    IRI extraction would give that name), the alias leaves the source node, and
    ``owl:differentFrom`` in the linking graph keeps the linker from merging them again.

    A document graph whose mentions of the source all use the alias moves entirely (relations
    and evidence too); where the document also uses other names, only the alias' mentions move.
    """
    store = graph_store.store
    source = ox.NamedNode(source_iri)
    entity_type = next((_CLASS_TYPE[q.object.value] for q in store.quads_for_pattern(source, _A, None)
                        if q.object.value in _CLASS_TYPE), None)
    if entity_type is None:
        raise KgError(f"no entity {source_iri} in the store")
    target = ox.NamedNode(entity_iri(entity_type, alias))
    if target == source:
        raise KgError(f"{alias!r} is the name {source_iri} is identified by; nothing to split off")
    literal = ox.Literal(alias, language="zh")
    delete: list[ox.Quad] = []
    insert: list[ox.Quad] = []

    mentions: dict[ox.NamedNode, list[tuple[ox.NamedNode, bool]]] = defaultdict(list)
    for q in store.quads_for_pattern(None, _MENTION_OF, source):
        surface = next(store.quads_for_pattern(q.subject, _SURFACE, None, q.graph_name), None)
        mentions[q.graph_name].append((q.subject, surface is not None and surface.object.value == alias))
    moved = 0
    changed = 0
    for graph, found in mentions.items():
        split = [m for m, is_alias in found if is_alias]
        if not split:
            continue
        changed += 1
        moved += len(split)
        if len(split) == len(found):
            _rename_in_graph(store, graph, source, target, alias, delete, insert)
            continue
        for mention in split:
            delete.append(ox.Quad(mention, _MENTION_OF, source, graph))
            insert.append(ox.Quad(mention, _MENTION_OF, target, graph))
        insert += [ox.Quad(target, _A, ox.NamedNode(str(TYPE_CLASS[entity_type])), graph),
                   ox.Quad(target, _LABEL, literal, graph)]
    delete += [q for q in store.quads_for_pattern(source, _ALT, literal) if q not in delete]
    if not moved and not delete:
        raise KgError(f"{alias!r} is not a name of {source_iri}")
    insert.append(ox.Quad(target, _DIFFERENT, source, ox.NamedNode(LINKING_GRAPH)))
    store.update(f"DELETE DATA {{ {_graph_blocks(delete)} }} ; INSERT DATA {{ {_graph_blocks(insert)} }}")
    return Unmerge(alias, source_iri, target.value, moved, changed)


def _rename_in_graph(store, graph, source, target, alias, delete, insert) -> None:
    """Replace ``source`` by ``target`` in every statement of ``graph``; the target's only
    name there is ``alias`` (the source's labels in this graph go)."""
    literal = ox.Literal(alias, language="zh")
    for q in store.quads_for_pattern(source, None, None, graph):
        delete.append(q)
        if q.predicate not in (_LABEL, _ALT):
            insert.append(ox.Quad(target, q.predicate, q.object, graph))
    insert.append(ox.Quad(target, _LABEL, literal, graph))
    for q in store.quads_for_pattern(None, None, source, graph):
        delete.append(q)
        insert.append(ox.Quad(q.subject, q.predicate, target, graph))


def _graph_blocks(quads: list[ox.Quad]) -> str:
    by_graph: dict[str, list[str]] = defaultdict(list)
    for q in dict.fromkeys(quads):
        by_graph[q.graph_name.value].append(str(q.triple))
    return " ".join(f"GRAPH <{g}> {{ {' . '.join(triples)} }}" for g, triples in by_graph.items())
