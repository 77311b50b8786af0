"""The property graph an export writes, selected from the store with memory proportional to nodes.

Only node IRIs (with their type and degree) are held in Python. Edges never are: the edge index
(:mod:`kg.graph.edge_index`) groups the selected ones, with their document count and best
confidence, into a temporary SQLite table where degrees are counted and filters narrow them, and
they stream from there as they are written.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

import pyoxigraph as ox

from kg.config import EXPORT_BATCH
from kg.errors import KgError
from kg.graph.store import GraphStore
from kg.model import ENTITY_TYPES, RELATION_TYPES
from kg.vocab import ID, RELATION_PROPERTY, TYPE_CLASS, document_iri
from kg.export.filters import ExportFilter

_SHA256 = re.compile(r"[0-9a-f]{64}")
_CLASS_TYPE = {str(c): t for t, c in TYPE_CLASS.items()}
DOCUMENT_TYPE = "Document"
MENTION_RELATION = "mentioned_in"


class Node(NamedTuple):
    iri: str
    type: str
    label: str
    aliases: tuple[str, ...]
    documents: int
    degree: int


class Edge(NamedTuple):  # a tuple: a million of them are made per export
    head: str
    relation: str
    tail: str
    weight: int  # supporting documents (mention edges: mentions)
    confidence: float  # best confidence over the supporting evidence


def _iri(iri: str) -> str:
    return str(ox.NamedNode(iri))


def _values(var: str, iris) -> str:
    return f"VALUES ?{var} {{ {' '.join(_iri(i) for i in iris)} }}"


class Selection:
    """Resolve an :class:`ExportFilter` against ``graph_store`` and stream what it selects."""

    def __init__(self, graph_store: GraphStore, flt: ExportFilter, *, batch: int = EXPORT_BATCH):
        self.store = graph_store
        self.filter = flt
        self.batch = batch
        self.graphs: list[str] | None = resolve_documents(graph_store, flt.documents) if flt.documents else None
        self._graph_set = set(self.graphs) if self.graphs is not None else None
        self.properties = [str(RELATION_PROPERTY[r]) for r in (flt.relations or RELATION_TYPES)]
        self.types: dict[str, str] = self._candidates()  # node IRI → entity type
        index = graph_store.current_edge_index()
        indexed = index.node_iris()
        self._iris = {i: iri for i, iri in indexed.items() if iri in self.types}  # index id → IRI
        self._edges = index.select(relations=flt.relations or None, documents=self.graphs,
                                   min_confidence=flt.min_confidence)
        if len(self._iris) < len(indexed):  # some edge ends are not selected
            self._edges.keep_nodes(self._iris)
        if flt.around:
            start = resolve_entity(graph_store, flt.around)
            if start not in self.types:
                raise KgError(f"{flt.around}: this entity is outside the selected types/documents")
            self._keep(self._ego(start, flt.hops))
        if flt.min_degree:
            degree = self._edges.degrees()
            self._keep({iri for i, iri in self._iris.items() if degree.get(i, 0) >= flt.min_degree})
        if flt.largest_component:
            self._keep(self._largest_component())
        self.degree: dict[str, int] = {self._iris[i]: n for i, n in self._edges.degrees().items()}
        self.node_iris = sorted(self.types)
        self.documents = self._documents() if flt.with_documents else []
        if self.documents:
            self._add_mention_degrees()

    # -- what the writers consume ----------------------------------------------------------------

    @property
    def node_count(self) -> int:
        return len(self.node_iris) + len(self.documents)

    def nodes(self) -> Iterator[Node]:
        """Entity nodes (sorted by IRI) with their attributes, then document nodes if asked.

        A selection of more than one batch reads all labels and aliases with one single-pattern
        query each (sequential reads; a join would cost a random disk lookup per node) into a
        per-node table; a small selection (an ego network in a big store) asks per batch.
        """
        if len(self.node_iris) > self.batch:
            yield from self._scanned_nodes()
        else:
            yield from self._queried_nodes()
        for doc in self.documents:
            yield Node(doc["iri"], DOCUMENT_TYPE, doc["title"] or doc["source"] or doc["iri"],
                       tuple(a for a in [doc["source"]] if a and a != doc["title"]), 1,
                       self.degree.get(doc["iri"], 0))

    def _queried_nodes(self) -> Iterator[Node]:
        # COALESCE: one document without aliases must not turn GROUP_CONCAT into an error (unbound).
        graph_filter = self._graph_filter()
        for start in range(0, len(self.node_iris), self.batch):
            chunk = self.node_iris[start:start + self.batch]
            query = f"""
            SELECT ?e (MIN(?l) AS ?label) (GROUP_CONCAT(DISTINCT COALESCE(?alt, ""); separator="\\u001f") AS ?alts)
                   (COUNT(DISTINCT ?g) AS ?docs) WHERE {{
              {_values("e", chunk)}
              GRAPH ?g {{ ?e a ?cls {graph_filter} }}
              OPTIONAL {{ GRAPH ?g {{ ?e rdfs:label ?l }} }}
              OPTIONAL {{ GRAPH ?g {{ ?e skos:altLabel ?alt }} }}
            }} GROUP BY ?e"""
            rows = {row["e"].value: row for row in self.store.query(query)}
            for iri in chunk:
                row = rows.get(iri)
                label = row["label"].value if row is not None and row["label"] is not None else iri
                alts = row["alts"].value.split("\x1f") if row is not None and row["alts"] is not None else []
                yield self._node(iri, label, alts, int(row["docs"].value) if row is not None else 0)

    def _graph_filter(self) -> str:
        if self.graphs is None:
            return ""
        return f"FILTER(?g IN ({', '.join(_iri(g) for g in self.graphs)}))"

    def _scanned_nodes(self) -> Iterator[Node]:
        labels: dict[str, str] = {}
        aliases: dict[str, set[str]] = {}
        for prop, into in (("rdfs:label", None), ("skos:altLabel", aliases)):
            query = f"SELECT DISTINCT ?e ?v WHERE {{ GRAPH ?g {{ ?e {prop} ?v }} {self._graph_filter()} }}"
            for iri, value in self.store.query(query):
                iri = iri.value
                if iri not in self.types:
                    continue
                if into is None:
                    value = value.value
                    if iri not in labels or value < labels[iri]:
                        labels[iri] = value
                else:
                    into.setdefault(iri, set()).add(value.value)
        for iri in self.node_iris:
            yield self._node(iri, labels.get(iri, iri), aliases.get(iri, ()), self._doc_counts.get(iri, 0))

    def _node(self, iri: str, label: str, alts, documents: int) -> Node:
        aliases = tuple(sorted({a for a in alts if a and a != label}))
        return Node(iri, self.types[iri], label, aliases, documents, self.degree.get(iri, 0))

    def edges(self) -> Iterator[Edge]:
        """Relation edges with weight and confidence from the edge index, then mention edges
        (entity → document) if asked."""
        iris = self._iris
        try:
            for head, relation, tail, weight, confidence in self._edges.rows():
                yield Edge(iris[head], relation, iris[tail], weight, confidence)
        finally:
            self._edges.close()
        for doc in self.documents:
            for entity, mentions in self._mentions(doc["iri"]):
                yield Edge(entity, MENTION_RELATION, doc["iri"], mentions, 1.0)

    # -- edges -----------------------------------------------------------------------------------

    def _keep(self, nodes) -> None:
        """Narrow the selection to ``nodes`` (a subset of it), edges included."""
        self.types = {n: self.types[n] for n in nodes}
        self._iris = {i: iri for i, iri in self._iris.items() if iri in self.types}
        self._edges.keep_nodes(self._iris)

    def _pairs(self) -> Iterator[tuple[str, str]]:
        """(head, tail) IRIs of every selected edge."""
        iris = self._iris
        for head, tail in self._edges.pairs():
            yield iris[head], iris[tail]

    def _ego(self, start: str, hops: int) -> set[str]:
        """Nodes within ``hops`` of ``start``, ignoring direction: one pass over the edges per hop."""
        reached, frontier = {start}, {start}
        for _ in range(hops):
            found = set()
            for head, tail in self._pairs():
                if head in frontier and tail not in reached:
                    found.add(tail)
                elif tail in frontier and head not in reached:
                    found.add(head)
            if not found:
                break
            reached |= found
            frontier = found
        return reached

    def _largest_component(self) -> list[str]:
        """Largest weakly connected component (ties: the one holding the smallest IRI)."""
        index = {iri: i for i, iri in enumerate(sorted(self.types))}
        parent = list(range(len(index)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for head, tail in self._pairs():
            a, b = find(index[head]), find(index[tail])
            if a != b:
                parent[max(a, b)] = min(a, b)
        sizes: dict[int, int] = {}
        for i in range(len(parent)):
            root = find(i)
            sizes[root] = sizes.get(root, 0) + 1
        if not sizes:
            return []
        best = max(sizes, key=lambda r: (sizes[r], -r))
        return [iri for iri, i in index.items() if find(i) == best]

    # -- entities and documents ------------------------------------------------------------------

    def _candidates(self) -> dict[str, str]:
        """Entities of the selected types described in the selected documents."""
        types: dict[str, str] = {}
        counts = self._doc_counts = {}  # documents describing the entity (as that type)
        for entity_type in reversed(self.filter.types or ENTITY_TYPES):  # first type wins on conflict
            # One rdf:type quad per (entity, class, document graph): the count is the documents.
            query = f"""SELECT ?e (COUNT(?g) AS ?n) WHERE {{
              GRAPH ?g {{ ?e a {_iri(TYPE_CLASS[entity_type])} }} {self._graph_filter()} }} GROUP BY ?e"""
            for iri, count in self.store.query(query):
                types[iri.value], counts[iri.value] = entity_type, int(count.value)
        return types

    def _documents(self) -> list[dict]:
        documents = [d for d in self.store.documents()
                     if self._graph_set is None or d["iri"] in self._graph_set]
        return documents

    def _mentions(self, doc: str) -> Iterator[tuple[str, int]]:
        query = f"""SELECT ?e (COUNT(DISTINCT ?m) AS ?n) WHERE {{
          GRAPH {_iri(doc)} {{ ?m kg:mentionOf ?e }} }} GROUP BY ?e ORDER BY ?e"""
        for row in self.store.query(query):
            if row["e"].value in self.types:
                yield row["e"].value, int(row["n"].value)

    def _add_mention_degrees(self) -> None:
        for doc in self.documents:
            for entity, _ in self._mentions(doc["iri"]):
                self.degree[entity] = self.degree.get(entity, 0) + 1
                self.degree[doc["iri"]] = self.degree.get(doc["iri"], 0) + 1


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


def resolve_entity(graph_store: GraphStore, name: str) -> str:
    """The node ``name`` denotes: an entity IRI; else an exact rdfs:label, else an exact
    skos:altLabel; else whatever ``kg link`` would link the name to (short forms such as 江苏)."""
    classes = " ".join(_iri(c) for c in TYPE_CLASS.values())
    if name.startswith(("http://", "https://")):
        rows = graph_store.query(f"ASK {{ {_iri(name)} a ?cls VALUES ?cls {{ {classes} }} }}")
        if rows:
            return name
        raise KgError(f"{name}: no such entity in the store")
    literal = str(ox.Literal(name))
    for prop in ("rdfs:label", "skos:altLabel"):
        rows = graph_store.query(f"""SELECT DISTINCT ?e WHERE {{ VALUES ?cls {{ {classes} }}
            ?e a ?cls ; {prop} ?l . FILTER(STR(?l) = {literal}) }} ORDER BY ?e""")
        found = [row["e"].value for row in rows]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise KgError(f"{name!r} names {len(found)} entities ({', '.join(found[:3])}…): give an IRI")
    from kg.link.linker import resolve_name

    iri = resolve_name(graph_store, name)
    if iri is None:
        raise KgError(f"{name!r}: no entity with this name in the store")
    return iri
