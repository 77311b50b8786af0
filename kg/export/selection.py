"""The property graph an export writes, selected from the graph index with memory proportional
to nodes.

Nodes (with their type, label, aliases, document count and degree) come from the graph index
(:mod:`kg.graph.graph_index`), and are held in Python, as are the mention edges of
``--with-documents``. Relation edges never are: they stream from the
index's ``edge`` table, or, for a narrower selection, from a temporary SQLite table where the
filters narrow them and degrees are counted. Everything is read from one snapshot of the index.
Nodes are known by their index id (their *key*) until a writer turns keys into its own ids.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

import pyoxigraph as ox

from kg.config import EXPORT_BATCH
from kg.errors import KgError
from kg.graph.facts import ALIAS, LABEL
from kg.graph.graph_index import Entity, Snapshot
from kg.graph.store import GraphStore
from kg.model import ENTITY_TYPES, RELATION_TYPES
from kg.vocab import ID, RELATION_PROPERTY, TYPE_CLASS, document_iri
from kg.export.filters import ExportFilter
from kg.export.policy_facts import FIGURE_OF, STATED_IN, FigureRow, figures, policy_attributes

_SHA256 = re.compile(r"[0-9a-f]{64}")
DOCUMENT_TYPE = "Document"
MENTION_RELATION = "mentioned_in"

#: (head key, relation, tail key, weight, confidence): weight is the number of supporting
#: documents (mention edges: mentions), confidence the best over the supporting evidence.
EdgeRow = tuple[int, str, int, int, float]


class Node(NamedTuple):
    key: int  # index id of an entity; negative for document nodes
    iri: str
    type: str
    label: str
    aliases: tuple[str, ...]
    documents: int
    degree: int
    attributes: dict[str, str] = {}  # a policy's facts, a figure's indicator/value/unit/year


def _iri(iri: str) -> str:
    return str(ox.NamedNode(iri))


class Selection:
    """Resolve an :class:`ExportFilter` against ``graph_store`` and stream what it selects.

    Reading the edges (:meth:`edge_batches`) to the end, or :meth:`close`, releases the index
    snapshot the selection reads from."""

    def __init__(self, graph_store: GraphStore, flt: ExportFilter, *, batch: int = EXPORT_BATCH):
        self.store = graph_store
        self.filter = flt
        self.batch = batch
        self.graphs: list[str] | None = resolve_documents(graph_store, flt.documents) if flt.documents else None
        self._graph_set = set(self.graphs) if self.graphs is not None else None
        self.properties = [str(RELATION_PROPERTY[r]) for r in (flt.relations or RELATION_TYPES)]
        self._snapshot = graph_store.current_index().snapshot()
        try:
            self._entities: dict[int, Entity] = self._snapshot.entities(list(flt.types or ENTITY_TYPES), self.graphs)
            self._edges = self._snapshot.edges(relations=list(flt.relations) if flt.relations else None,
                                               documents=self.graphs, min_confidence=flt.min_confidence)
            self.degree: dict[int, int] = self._edges.degrees()
            if any(key not in self._entities for key in self.degree):  # some edge ends are not selected
                self._keep(self._entities)
            if flt.around:
                self._keep(self._ego(self._key_of(resolve_entity(graph_store, self._snapshot, flt.around)), flt.hops))
            if flt.min_degree:
                self._keep([key for key in self._entities if self.degree.get(key, 0) >= flt.min_degree])
            if flt.largest_component:
                self._keep(self._largest_component())
        except BaseException:
            self.close()
            raise
        #: entity IRI → type, of every selected entity
        self.types: dict[str, str] = {e.iri: e.type for e in self._entities.values()}
        self.documents = self._documents() if flt.with_documents else []
        self.policy_facts = policy_attributes(graph_store) if "Policy" in self.types.values() else {}
        self.figures: list[FigureRow] = (figures(graph_store, self.graphs, set(self.types))
                                         if flt.with_targets else [])
        self._mention_edges = self._mentions() + self._figure_edges()
        for head, _, tail, _, _ in self._mention_edges:
            for key in (head, tail):
                self.degree[key] = self.degree.get(key, 0) + 1

    # -- what the writers consume ----------------------------------------------------------------

    @property
    def node_count(self) -> int:
        return len(self._entities) + len(self.documents) + len(self.figures)

    def nodes(self) -> Iterator[Node]:
        """Entity nodes (sorted by IRI) with their attributes, then document nodes if asked."""
        for key, entity in sorted(self._entities.items(), key=lambda item: item[1].iri):
            yield Node(key, entity.iri, entity.type, entity.label or entity.iri, entity.aliases,
                       entity.documents, self.degree.get(key, 0), self.policy_facts.get(entity.iri, {}))
        for n, doc in enumerate(self.documents):
            key = _document_key(n)
            yield Node(key, doc["iri"], DOCUMENT_TYPE, doc["title"] or doc["source"] or doc["iri"],
                       tuple(a for a in [doc["source"]] if a and a != doc["title"]), 1, self.degree.get(key, 0))
        for n, figure in enumerate(self.figures):
            key = self._figure_key(n)
            yield Node(key, figure.iri, figure.type, figure.label, (), 1, self.degree.get(key, 0), figure.attributes)

    def edge_batches(self) -> Iterator[list[EdgeRow]]:
        """Relation edges with weight and confidence from the graph index, then mention edges
        (entity → document) and figure edges (figure → subject, figure → policy) if asked, in
        lists of up to ``batch``."""
        try:
            yield from self._edges.batches(self.batch)
        finally:
            self.close()
        for start in range(0, len(self._mention_edges), self.batch):
            yield self._mention_edges[start:start + self.batch]

    def close(self) -> None:
        """Release the index snapshot (idempotent)."""
        edges = self.__dict__.pop("_edges", None)
        if edges is not None:
            edges.close()
        snapshot = self.__dict__.pop("_snapshot", None)
        if snapshot is not None:
            snapshot.close()

    # -- narrowing -------------------------------------------------------------------------------

    def _keep(self, keys) -> None:
        """Narrow the selection to the entities ``keys`` (a subset of it), edges included."""
        self._entities = {key: self._entities[key] for key in keys}
        self._edges.keep_nodes(self._entities)
        self.degree = self._edges.degrees()

    def _key_of(self, iri: str) -> int:
        for key, entity in self._entities.items():
            if entity.iri == iri:
                return key
        raise KgError(f"{self.filter.around}: this entity is outside the selected types/documents")

    def _ego(self, start: int, hops: int) -> set[int]:
        """Nodes within ``hops`` of ``start``, ignoring direction: one pass over the edges per hop."""
        reached, frontier = {start}, {start}
        for _ in range(hops):
            found = set()
            for head, tail in self._edges.pairs():
                if head in frontier and tail not in reached:
                    found.add(tail)
                elif tail in frontier and head not in reached:
                    found.add(head)
            if not found:
                break
            reached |= found
            frontier = found
        return reached

    def _largest_component(self) -> list[int]:
        """Largest weakly connected component (ties: the one holding the smallest IRI)."""
        order = sorted(self._entities, key=lambda key: self._entities[key].iri)
        position = {key: i for i, key in enumerate(order)}
        parent = list(range(len(order)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for head, tail in self._edges.pairs():
            a, b = find(position[head]), find(position[tail])
            if a != b:
                parent[max(a, b)] = min(a, b)
        sizes: dict[int, int] = {}
        for i in range(len(parent)):
            root = find(i)
            sizes[root] = sizes.get(root, 0) + 1
        if not sizes:
            return []
        best = max(sizes, key=lambda r: (sizes[r], -r))
        return [key for key, i in position.items() if find(i) == best]

    # -- documents -------------------------------------------------------------------------------

    def _documents(self) -> list[dict]:
        return [d for d in self.store.documents() if self._graph_set is None or d["iri"] in self._graph_set]

    def _mentions(self) -> list[EdgeRow]:
        """Mention edges (entity → document, weight: its mentions there) of the selected entities,
        document by document, entities in IRI order."""
        keys = {entity.iri: key for key, entity in self._entities.items()} if self.documents else {}
        edges: list[EdgeRow] = []
        for n, doc in enumerate(self.documents):
            query = f"""SELECT ?e (COUNT(DISTINCT ?m) AS ?n) WHERE {{
              GRAPH {_iri(doc["iri"])} {{ ?m kg:mentionOf ?e }} }} GROUP BY ?e ORDER BY ?e"""
            edges += [(keys[row["e"].value], MENTION_RELATION, _document_key(n), int(row["n"].value), 1.0)
                      for row in self.store.query(query) if row["e"].value in keys]
        return edges


    def _figure_key(self, n: int) -> int:
        """Figure nodes are keyed after the document nodes, negative like them."""
        return _document_key(len(self.documents) + n)

    def _figure_edges(self) -> list[EdgeRow]:
        keys = {entity.iri: key for key, entity in self._entities.items()} if self.figures else {}
        edges: list[EdgeRow] = []
        for n, figure in enumerate(self.figures):
            edges.append((self._figure_key(n), FIGURE_OF, keys[figure.subject], 1, 1.0))
            if figure.policy in keys:
                edges.append((self._figure_key(n), STATED_IN, keys[figure.policy], 1, 1.0))
        return edges


def _document_key(n: int) -> int:
    return -1 - n


def resolve_documents(graph_store: GraphStore, targets: tuple[str, ...]) -> list[str]:
    """Document graph IRIs for user-given document IRIs, sha256 digests or source file names."""
    documents = graph_store.documents()
    out: list[str] = []
    for target in targets:
        if _SHA256.fullmatch(target.lower()):
            wanted = [document_iri(target.lower())]
        elif target.startswith(str(ID)):
            wanted = [target]
        else:
            wanted = [d["iri"] for d in documents
                      if target in (d["source"], d["path"]) or (d["path"] or "").endswith("/" + target)]
        found = [w for w in wanted if graph_store.has_document(w)]
        if not found:
            raise KgError(f"{target}: no such document in the store (give its IRI, sha256 or file name)")
        out.extend(found)
    return list(dict.fromkeys(out))


def resolve_entity(graph_store: GraphStore, snapshot: Snapshot, name: str) -> str:
    """The node ``name`` denotes: an entity IRI; else the one node labelled exactly ``name``
    (rdfs:label, looked up in the graph index's ``snapshot``), else the one so aliased
    (skos:altLabel); else whatever ``kg link`` would link the name to (short forms such as 江苏)."""
    if name.startswith(("http://", "https://")):
        classes = " ".join(_iri(c) for c in TYPE_CLASS.values())
        rows = graph_store.query(f"ASK {{ {_iri(name)} a ?cls VALUES ?cls {{ {classes} }} }}")
        if rows:
            return name
        raise KgError(f"{name}: no such entity in the store")
    for kind in (LABEL, ALIAS):
        found = snapshot.named(kind, name)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise KgError(f"{name!r} names {len(found)} entities ({', '.join(found[:3])}…): give an IRI")
    from kg.link.linker import resolve_name

    iri = resolve_name(graph_store, name)
    if iri is None:
        raise KgError(f"{name!r}: no entity with this name in the store")
    return iri
