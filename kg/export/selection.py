"""The property graph an export writes, selected from the store with memory proportional to nodes.

Only node IRIs (with their type and degree) are held in Python. Edges are never collected: they
are streamed twice, cheaply as (head, tail) pairs from Oxigraph's predicate index to count
degrees and apply structural filters, then with their attributes from SPARQL aggregates over the
evidence nodes, one batch of tail nodes at a time so Oxigraph's grouping stays bounded too.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from kg.config import EXPORT_BATCH
from kg.errors import KgError
from kg.graph.store import GraphStore
from kg.model import ENTITY_TYPES, RELATION_TYPES
from kg.vocab import ID, PROPERTY_RELATION, RDF, RDFS, RELATION_PROPERTY, SKOS, TYPE_CLASS, document_iri
from kg.export.filters import ExportFilter

_SHA256 = re.compile(r"[0-9a-f]{64}")
_CLASS_TYPE = {str(c): t for t, c in TYPE_CLASS.items()}
DOCUMENT_TYPE = "Document"
MENTION_RELATION = "mentioned_in"


@dataclass(frozen=True)
class Node:
    iri: str
    type: str
    label: str
    aliases: tuple[str, ...]
    documents: int
    degree: int


@dataclass(frozen=True)
class Edge:
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
        self._property_set = set(self.properties)
        self.types: dict[str, str] = self._candidates()  # node IRI → entity type
        if flt.around:
            start = resolve_entity(graph_store, flt.around)
            if start not in self.types:
                raise KgError(f"{flt.around}: this entity is outside the selected types/documents")
            self.types = {n: self.types[n] for n in self._ego(start, flt.hops)}
        self.degree = self._degrees()
        if flt.min_degree:
            self.types = {n: t for n, t in self.types.items() if self.degree.get(n, 0) >= flt.min_degree}
            self.degree = self._degrees()
        if flt.largest_component:
            self.types = {n: self.types[n] for n in self._largest_component()}
            self.degree = self._degrees()
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

        A selection of more than one batch reads labels and aliases by scanning the predicate
        index once (sequential reads, ~10x faster than Oxigraph's per-node lookups on disk) into a
        per-node table; a small selection (an ego network in a big store) asks SPARQL per batch.
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

    def _scanned_nodes(self) -> Iterator[Node]:
        labels: dict[str, str] = {}
        aliases: dict[str, set[str]] = {}
        graphs = self._graph_set
        for prop, into in ((RDFS.label, None), (SKOS.altLabel, aliases)):
            for quad in self.store.store.quads_for_pattern(None, ox.NamedNode(str(prop)), None, None):
                iri = quad.subject.value
                if iri not in self.types or (graphs is not None and quad.graph_name.value not in graphs):
                    continue
                if into is None:
                    value = quad.object.value
                    if iri not in labels or value < labels[iri]:
                        labels[iri] = value
                else:
                    into.setdefault(iri, set()).add(quad.object.value)
        for iri in self.node_iris:
            yield self._node(iri, labels.get(iri, iri), aliases.get(iri, ()), self._doc_counts.get(iri, 0))

    def _node(self, iri: str, label: str, alts, documents: int) -> Node:
        aliases = tuple(sorted({a for a in alts if a and a != label}))
        return Node(iri, self.types[iri], label, aliases, documents, self.degree.get(iri, 0))

    def edges(self) -> Iterator[Edge]:
        """Relation edges with weight and confidence, batch by batch of tail nodes, then mention
        edges (entity → document) if asked."""
        for start in range(0, len(self.node_iris), self.batch):
            chunk = self.node_iris[start:start + self.batch]
            rows = [e for e in self._edge_rows(chunk) if e.head in self.types]
            rows.sort(key=lambda e: (e.tail, e.head, e.relation))
            yield from rows
        for doc in self.documents:
            for entity, mentions in self._mentions(doc["iri"]):
                yield Edge(entity, MENTION_RELATION, doc["iri"], mentions, 1.0)

    # -- edges -----------------------------------------------------------------------------------

    def _edge_rows(self, tails: list[str]) -> Iterator[Edge]:
        # Relations are filtered here, not with VALUES ?p: Oxigraph then joins the evidence
        # patterns once per listed predicate, 40x slower (measured on 100k relations).
        having = (f"HAVING (MAX(?c) >= {self.filter.min_confidence!r})"
                  if self.filter.min_confidence is not None else "")
        query = f"""
        SELECT ?h ?p ?t (COUNT(DISTINCT ?g) AS ?w) (MAX(?c) AS ?conf) WHERE {{
          {_values("t", tails)}
          GRAPH ?g {{ ?a rdf:object ?t ; rdf:predicate ?p ; rdf:subject ?h ; kg:confidence ?c
                      {self._graph_filter()} }}
        }} GROUP BY ?h ?p ?t {having}"""
        wanted = self._property_set
        for row in self.store.query(query):
            prop = row["p"].value
            if prop in wanted:
                yield Edge(row["h"].value, PROPERTY_RELATION[prop], row["t"].value,
                           int(row["w"].value), float(row["conf"].value))

    def _graph_filter(self) -> str:
        if self.graphs is None:
            return ""
        return f"FILTER(?g IN ({', '.join(_iri(g) for g in self.graphs)}))"

    def _pairs(self, nodes: dict[str, str] | set[str]) -> Iterator[tuple[str, str]]:
        """(head, tail) of every selected relation between two of ``nodes``.

        Without a confidence threshold this reads the relation triples straight from the
        predicate index (ordered by object, subject, graph, so one triple stated in several
        documents comes out consecutively and is counted once).
        """
        if self.filter.min_confidence is not None:
            ordered = sorted(nodes)
            for start in range(0, len(ordered), self.batch):
                for edge in self._edge_rows(ordered[start:start + self.batch]):
                    if edge.head in nodes:
                        yield edge.head, edge.tail
            return
        graphs = self._graph_set
        for prop in self.properties:
            last = None
            for quad in self.store.store.quads_for_pattern(None, ox.NamedNode(prop), None, None):
                if graphs is not None and quad.graph_name.value not in graphs:
                    continue
                key = (quad.subject.value, quad.object.value)
                if key == last:
                    continue
                last = key
                if key[0] in nodes and key[1] in nodes:
                    yield key

    def _degrees(self) -> dict[str, int]:
        degree: dict[str, int] = {}
        for head, tail in self._pairs(self.types):
            degree[head] = degree.get(head, 0) + 1
            degree[tail] = degree.get(tail, 0) + 1
        return degree

    def _ego(self, start: str, hops: int) -> set[str]:
        """Nodes within ``hops`` of ``start``, ignoring direction: one pass over the edges per hop."""
        reached, frontier = {start}, {start}
        for _ in range(hops):
            found = set()
            for head, tail in self._pairs(self.types):
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

        for head, tail in self._pairs(self.types):
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
        graphs = self._graph_set
        for entity_type in reversed(self.filter.types or ENTITY_TYPES):  # first type wins on conflict
            rdf_type, cls = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(TYPE_CLASS[entity_type]))
            for quad in self.store.store.quads_for_pattern(None, rdf_type, cls, None):
                if graphs is None or quad.graph_name.value in graphs:
                    iri = quad.subject.value
                    if types.get(iri) != entity_type:
                        types[iri], counts[iri] = entity_type, 0
                    counts[iri] += 1  # one rdf:type quad per (entity, class, document graph)
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
