"""Undoing a wrong merge: a change to a node that spans document graphs, as one atomic SPARQL
update. (Relabelling, the other such change, is in :mod:`kg.link.labels`.)"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph.store import GraphStore
from kg.vocab import (
    CLASS_TYPE, KG, LINKING_GRAPH, OWL, PROPERTY_RELATION, PROV, RDF, RDFS, SKOS, TYPE_CLASS, assertion_iri, entity_iri,
)

_A, _LABEL, _ALT = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(RDFS.label)), ox.NamedNode(str(SKOS.altLabel))
_MENTION_OF, _SURFACE = ox.NamedNode(str(KG.mentionOf)), ox.NamedNode(str(KG.surface))
_DIFFERENT = ox.NamedNode(str(OWL.differentFrom))
_IN_SENTENCE, _INDEX = ox.NamedNode(str(KG.inSentence)), ox.NamedNode(str(KG["index"]))
_SUBJECT, _PREDICATE, _OBJECT = (ox.NamedNode(str(RDF.subject)), ox.NamedNode(str(RDF.predicate)),
                                 ox.NamedNode(str(RDF.object)))
_DERIVED_FROM = ox.NamedNode(str(PROV.wasDerivedFrom))


@dataclass
class Unmerge:
    """What ``unmerge`` did."""

    alias: str
    source: str  # the node the alias was taken from
    node: str  # the node the alias now names
    mentions: int  # mentions moved
    graphs: int  # document graphs changed
    relations: int = 0  # relation statements (evidence nodes) moved


def unmerge(graph_store: GraphStore, alias: str, source_iri: str, *, linker=None) -> Unmerge:
    """Split ``alias`` off node ``source_iri``: its mentions move to a node of their own (the
    IRI extraction would give that name), the alias leaves the source node, and
    ``owl:differentFrom`` in the linking graph keeps the linker from merging them again.

    A document graph whose mentions of the source all use the alias moves entirely, relations
    and evidence too. Where the document also uses other names of the source, a relation moves
    with the alias when the sentence it was read from names the source only by the alias; one
    read from a sentence that also uses another name of the source (or none: a subject carried
    over from an earlier sentence) stays with the source, since nothing in the text says which
    of the two it is about. Moved evidence nodes get the IRIs a rebuild would give them, and a
    relation's plain triple moves once no evidence left in the graph states it.

    ``linker`` (one is opened if not given) is the linker whose name index learns the change.
    """
    from kg.link.linker import Linker

    store = graph_store.store
    source = ox.NamedNode(source_iri)
    entity_type = next((CLASS_TYPE[q.object.value] for q in store.quads_for_pattern(source, _A, None)
                        if q.object.value in CLASS_TYPE), None)
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
    done = Unmerge(alias, source_iri, target.value, 0, 0)
    for graph, found in mentions.items():
        split = [m for m, is_alias in found if is_alias]
        if not split:
            continue
        done.graphs += 1
        done.mentions += len(split)
        if len(split) == len(found):
            done.relations += _move_relations(store, graph, source, target, None, delete, insert)
            _rename_in_graph(store, graph, source, target, alias, delete, insert)
            continue
        for mention in split:
            delete.append(ox.Quad(mention, _MENTION_OF, source, graph))
            insert.append(ox.Quad(mention, _MENTION_OF, target, graph))
        insert += [ox.Quad(target, _A, ox.NamedNode(str(TYPE_CLASS[entity_type])), graph),
                   ox.Quad(target, _LABEL, literal, graph)]
        others = {m for m, is_alias in found if not is_alias}
        only_alias = _sentences(store, graph, split) - _sentences(store, graph, others)
        done.relations += _move_relations(store, graph, source, target, only_alias, delete, insert)
    delete += [q for q in store.quads_for_pattern(source, _ALT, literal) if q not in delete]
    if not done.mentions and not delete:
        raise KgError(f"{alias!r} is not a name of {source_iri}")
    insert.append(ox.Quad(target, _DIFFERENT, source, ox.NamedNode(LINKING_GRAPH)))
    names = (linker or Linker(graph_store)).index
    names.begin_rewrite()
    graph_store.rewrite(delete, insert)
    names.refresh_nodes([source_iri, target.value])
    return done


def _sentences(store: ox.Store, graph: ox.NamedNode, mentions) -> set[ox.NamedNode]:
    return {q.object for m in mentions for q in store.quads_for_pattern(m, _IN_SENTENCE, None, graph)}


def _move_relations(store, graph, source, target, sentences, delete, insert) -> int:
    """Point the evidence nodes of ``graph`` about ``source`` that were read from one of
    ``sentences`` (None: all of them) at ``target``, re-minting their IRIs, and move each
    relation's plain triple that no evidence left in the graph states. Returns how many moved."""
    evidence = dict.fromkeys(q.subject for p in (_SUBJECT, _OBJECT)
                             for q in store.quads_for_pattern(None, p, source, graph))
    moved_triples: set[tuple] = set()
    kept_triples: set[tuple] = set()
    moved = 0
    for node in evidence:
        quads = list(store.quads_for_pattern(node, None, None, graph))
        parts = {q.predicate: q.object for q in quads}
        triple = (parts.get(_SUBJECT), parts.get(_PREDICATE), parts.get(_OBJECT))
        sentence = parts.get(_DERIVED_FROM)
        if None in triple or (sentences is not None and sentence not in sentences):
            kept_triples.add(triple)
            continue
        head, predicate, tail = (target if term == source else term for term in triple)
        index = next(store.quads_for_pattern(sentence, _INDEX, None, graph), None) if sentence else None
        renamed = node if index is None else ox.NamedNode(assertion_iri(
            graph.value, head.value, PROPERTY_RELATION[predicate.value], tail.value, int(index.object.value)))
        delete += quads
        insert += [ox.Quad(renamed, q.predicate, target if q.object == source else q.object, graph)
                   for q in quads]
        insert.append(ox.Quad(head, predicate, tail, graph))
        moved_triples.add(triple)
        moved += 1
    delete += [ox.Quad(*triple, graph) for triple in moved_triples - kept_triples]
    if sentences is None:  # the whole graph moves: so does a relation stated without evidence
        for predicate in map(ox.NamedNode, PROPERTY_RELATION):
            for q in (*store.quads_for_pattern(source, predicate, None, graph),
                      *store.quads_for_pattern(None, predicate, source, graph)):
                if q.triple not in {ox.Triple(*t) for t in kept_triples | moved_triples}:
                    delete.append(q)
                    insert.append(ox.Quad(*(target if t == source else t for t in q.triple), graph))
    return moved


def _rename_in_graph(store, graph, source, target, alias, delete, insert) -> None:
    """Replace ``source`` by ``target`` in every other statement of ``graph`` (its relations and
    their evidence are moved by :func:`_move_relations`); the target's only name there is
    ``alias`` (the source's labels in this graph go)."""
    literal = ox.Literal(alias, language="zh")
    relation = {ox.NamedNode(p) for p in PROPERTY_RELATION}
    evidence = {_SUBJECT, _OBJECT}
    for q in store.quads_for_pattern(source, None, None, graph):
        if q.predicate in relation:
            continue
        delete.append(q)
        if q.predicate not in (_LABEL, _ALT):
            insert.append(ox.Quad(target, q.predicate, q.object, graph))
    insert.append(ox.Quad(target, _LABEL, literal, graph))
    for q in store.quads_for_pattern(None, None, source, graph):
        if q.predicate in relation or q.predicate in evidence:
            continue
        delete.append(q)
        insert.append(ox.Quad(q.subject, q.predicate, target, graph))
