"""Canonical labels that follow the documents: a document bringing a fuller name (传化集团有限公司
for 传化集团) makes it the node's label in every graph, and removing that document again puts the
previous label back, so the store returns to exactly the statements it had before.

Every graph that mentions a node carries its label (the union must show one), so a relabelling
rewrites graphs the document does not own. What undoing it needs is recorded in the linking graph,
one record per relabelling, as ordinary statements anyone can query::

    <record> a kg:Relabelling ; kg:relabels <node> ;
             kg:previousLabel "传化集团"@zh ; kg:newLabel "传化集团有限公司"@zh ;
             prov:wasDerivedFrom <document> ;   # documents naming the node so (several)
             kg:aliasIn <graph> .               # graphs that have the new label as an alias

The rewrite is exact and invertible because a graph never lists its label among its aliases: a
relabelling turns the old label into an alias and drops the new one from the aliases (recording
the graphs where it was one); undoing it turns the alias back into the label and restores the
recorded aliases. Documents linked later that name the node by the new label support the record
(``prov:wasDerivedFrom``): the new label stays as long as one of its documents does. Later
documents that only mention the new label among other names are recorded with ``kg:aliasIn``.

Records are forgotten when their documents leave the store, however they leave (``kg remove``, a
changed file replacing its graph, a Graph Store delete): :func:`forget` runs whenever the linker
catches up with the store. A record whose label a later document relabelled further is
folded into that later record; the intermediate name then stays an alias of the node.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.graph.store import GraphStore
from kg.vocab import KG, LINKING_GRAPH, PROV, RDF, RDFS, SKOS, relabelling_iri

_A, _LABEL, _ALT = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(RDFS.label)), ox.NamedNode(str(SKOS.altLabel))
_RELABELLING, _RELABELS = ox.NamedNode(str(KG.Relabelling)), ox.NamedNode(str(KG.relabels))
_PREVIOUS, _NEW = ox.NamedNode(str(KG.previousLabel)), ox.NamedNode(str(KG.newLabel))
_DERIVED_FROM, _ALIAS_IN = ox.NamedNode(str(PROV.wasDerivedFrom)), ox.NamedNode(str(KG.aliasIn))
_LINKING = ox.NamedNode(LINKING_GRAPH)


def _zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


@dataclass
class Changes:
    """Quads to delete and insert in one atomic update."""

    delete: list[ox.Quad] = field(default_factory=list)
    insert: list[ox.Quad] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.delete or self.insert)

    def apply(self, graph_store: GraphStore) -> None:
        deleting, inserting = set(self.delete), set(self.insert)
        delete = list(dict.fromkeys(q for q in self.delete if q not in inserting))
        insert = list(dict.fromkeys(q for q in self.insert if q not in deleting))
        emptied = _linking_graph_emptied(graph_store.store, delete, insert)
        # an emptied linking graph goes, as it was before the first record
        graph_store.rewrite(delete, insert, drop=[LINKING_GRAPH] if emptied else [])


@dataclass
class Record:
    iri: ox.NamedNode
    node: ox.NamedNode
    previous: str
    new: str
    documents: set[ox.NamedNode]
    alias_in: set[ox.NamedNode]

    def quads(self) -> list[ox.Quad]:
        g = _LINKING
        return [ox.Quad(self.iri, _A, _RELABELLING, g), ox.Quad(self.iri, _RELABELS, self.node, g),
                ox.Quad(self.iri, _PREVIOUS, _zh(self.previous), g), ox.Quad(self.iri, _NEW, _zh(self.new), g),
                *(ox.Quad(self.iri, _DERIVED_FROM, d, g) for d in sorted(self.documents, key=str)),
                *(ox.Quad(self.iri, _ALIAS_IN, d, g) for d in sorted(self.alias_in, key=str))]


def relabel(graph_store: GraphStore, iri: str, old: str, new: str, document: str, changes: Changes) -> None:
    """Make ``new`` (a name ``document`` gives node ``iri``) its label in every graph that labels
    it ``old``, and record how to undo it. ``document`` is not written yet: it carries ``new``
    itself. The quads go into ``changes``."""
    store, node = graph_store.settled(), ox.NamedNode(iri)  # a queued document may label it too
    old_literal, new_literal = _zh(old), _zh(new)
    record = Record(ox.NamedNode(relabelling_iri(iri, new)), node, old, new, {ox.NamedNode(document)}, set())
    for quad in store.quads_for_pattern(node, _LABEL, old_literal):
        graph = quad.graph_name
        changes.delete.append(quad)
        changes.insert += [ox.Quad(node, _LABEL, new_literal, graph), ox.Quad(node, _ALT, old_literal, graph)]
        alias = ox.Quad(node, _ALT, new_literal, graph)
        if alias in store:
            changes.delete.append(alias)
            record.alias_in.add(graph)
    changes.insert += record.quads()


def note_naming(graph_store: GraphStore, iri: str, label: str, document: str, *, as_label: bool,
                changes: Changes) -> None:
    """Record that ``document`` (about to be written) names node ``iri`` by its current label,
    ``label``, which a relabelling gave it: as its own choice of name (``as_label``: the label
    stays while the document does) or only among its other names (undoing gives it back as an
    alias there)."""
    for record in _records(graph_store.store, ox.NamedNode(iri)):
        if record.new == label:
            predicate = _DERIVED_FROM if as_label else _ALIAS_IN
            changes.insert.append(ox.Quad(record.iri, predicate, ox.NamedNode(document), _LINKING))


def missing_documents(graph_store: GraphStore, candidates: Iterable[str] | None = None) -> set[ox.NamedNode]:
    """Documents records refer to that the store does not hold, among ``candidates`` (documents
    that left the store or were never written), or among all documents records refer to."""
    store = graph_store.settled()  # a queued document is not missing
    if candidates is None:
        referred = {q.object for predicate in (_DERIVED_FROM, _ALIAS_IN)
                    for q in store.quads_for_pattern(None, predicate, None, _LINKING)}
    else:
        referred = {d for d in map(ox.NamedNode, candidates)
                    if any(next(store.quads_for_pattern(None, p, d, _LINKING), None) for p in (_DERIVED_FROM, _ALIAS_IN))}
    return {d for d in referred if not store.contains_named_graph(d)}


def forget(graph_store: GraphStore, missing: set[ox.NamedNode]) -> set[str]:
    """Forget these documents (gone from the store) in every record, undoing the relabellings
    no document supports any more; returns the nodes whose labels changed."""
    store = graph_store.settled()  # undoing rewrites every graph labelling the node
    changes = Changes()
    touched: dict[ox.NamedNode, list[Record]] = defaultdict(list)
    for document in missing:
        for predicate in (_DERIVED_FROM, _ALIAS_IN):
            for quad in store.quads_for_pattern(None, predicate, document, _LINKING):
                changes.delete.append(quad)
                record = _record(store, quad.subject)
                if record is not None and record not in touched[record.node]:
                    touched[record.node].append(record)
    changed = set()
    for node, records in touched.items():
        for record in records:
            record.documents -= missing
            record.alias_in -= missing
            if not record.documents:
                _undo(store, record, changes)
                changed.add(node.value)
    changes.apply(graph_store)
    return changed


def _undo(store: ox.Store, record: Record, changes: Changes) -> None:
    node = record.node
    old, new = _zh(record.previous), _zh(record.new)
    changes.delete += record.quads()
    later = next((r for r in _records(store, node) if r.previous == record.new), None)
    if later is not None:  # relabelled further since: the later record now starts from our label
        changes.delete.append(ox.Quad(later.iri, _PREVIOUS, new, _LINKING))
        changes.insert.append(ox.Quad(later.iri, _PREVIOUS, old, _LINKING))
        return
    for quad in store.quads_for_pattern(node, _LABEL, new):
        graph = quad.graph_name
        if graph == _LINKING:
            continue
        changes.delete += [quad, ox.Quad(node, _ALT, old, graph)]
        changes.insert.append(ox.Quad(node, _LABEL, old, graph))
        if graph in record.alias_in:
            changes.insert.append(ox.Quad(node, _ALT, new, graph))


def _records(store: ox.Store, node: ox.NamedNode) -> Iterable[Record]:
    for quad in store.quads_for_pattern(None, _RELABELS, node, _LINKING):
        record = _record(store, quad.subject)
        if record is not None:
            yield record


def _record(store: ox.Store, iri: ox.NamedNode) -> Record | None:
    values: dict[ox.NamedNode, list] = defaultdict(list)
    for quad in store.quads_for_pattern(iri, None, None, _LINKING):
        values[quad.predicate].append(quad.object)
    if not values[_RELABELS] or not values[_PREVIOUS] or not values[_NEW]:
        return None
    return Record(iri, values[_RELABELS][0], values[_PREVIOUS][0].value, values[_NEW][0].value,
                  set(values[_DERIVED_FROM]), set(values[_ALIAS_IN]))


def _linking_graph_emptied(store: ox.Store, delete: list[ox.Quad], insert: list[ox.Quad]) -> bool:
    if any(q.graph_name == _LINKING for q in insert) or not any(q.graph_name == _LINKING for q in delete):
        return False
    deleted = {q for q in delete if q.graph_name == _LINKING}
    return all(q in deleted for q in store.quads_for_pattern(None, None, None, _LINKING))
