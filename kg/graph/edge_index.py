"""The edge index: which documents support each relation, and how confidently, beside the store.

An export needs, for every edge, the number of documents that support it and their best
confidence. In Oxigraph that is a join over the evidence nodes of every document graph, and each
term it returns costs a RocksDB lookup: ~30-80 µs per edge on disk. The same figures stream from
this SQLite table at about 1 µs per edge, already grouped.

Oxigraph stays the source of truth and the index is derived data, kept current by the store's own
writes (:class:`kg.graph.store.GraphStore`) and rebuilt from the store whenever it may have missed
one: a write marks the index ``writing`` before it touches the store and ``current`` once the index
has caught up, so an interrupted write, a raw SPARQL or Graph Store update (which marks it
``stale``) or a store from before the index existed all lead to a rebuild instead of a wrong count.
"""
from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.graph.derived import CURRENT, STALE, STATE_TABLE, WRITING, connect, read_state, write_state
from kg.vocab import KG, PROPERTY_RELATION, RDF

__all__ = ["CURRENT", "STALE", "WRITING", "EdgeIndex", "EdgeSet", "support_in_store", "support_of_quads"]

#: File name of the index inside the store folder (RocksDB ignores files it did not create).
INDEX_FILE = "kg-edge-index.sqlite3"


_SUBJECT, _PREDICATE, _OBJECT = str(RDF.subject), str(RDF.predicate), str(RDF.object)
_CONFIDENCE = str(KG.confidence)
_EVIDENCE_PARTS = {_SUBJECT: 0, _PREDICATE: 1, _OBJECT: 2, _CONFIDENCE: 3}

#: (document, head, relation, tail) → the best confidence the document gives that relation.
Support = dict[tuple[str, str, str, str], float]

_SCHEMA = STATE_TABLE + """;
CREATE TABLE IF NOT EXISTS node (id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS document (id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS support (
    head INTEGER NOT NULL, relation TEXT NOT NULL, tail INTEGER NOT NULL,
    document INTEGER NOT NULL, confidence REAL NOT NULL,
    PRIMARY KEY (head, relation, tail, document)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS support_by_document ON support (document);
"""

#: Every document's support, as Oxigraph computes it (the rebuild; ``VALUES ?g`` narrows it).
_SUPPORT_QUERY = f"""
SELECT ?g ?h ?p ?t (MAX(?c) AS ?conf) WHERE {{{{
  {{values}}
  GRAPH ?g {{{{ ?a <{_SUBJECT}> ?h ; <{_PREDICATE}> ?p ; <{_OBJECT}> ?t ; <{_CONFIDENCE}> ?c }}}}
}}}} GROUP BY ?g ?h ?p ?t"""


def support_of_quads(quads: Iterable[ox.Quad]) -> Support:
    """The support rows a document's quads carry: one per relation, best confidence over its
    evidence nodes (``rdf:subject``/``rdf:predicate``/``rdf:object``/``kg:confidence``)."""
    parts: dict[tuple[str, str], list] = {}
    for quad in quads:
        slot = _EVIDENCE_PARTS.get(quad.predicate.value)
        if slot is not None:
            key = (quad.graph_name.value, quad.subject.value)
            parts.setdefault(key, [None, None, None, None])[slot] = quad.object.value
    support: Support = {}
    for (graph, _), (head, prop, tail, confidence) in parts.items():
        relation = PROPERTY_RELATION.get(prop)
        if relation is None or head is None or tail is None or confidence is None:
            continue
        key = (graph, head, relation, tail)
        support[key] = max(support.get(key, 0.0), float(confidence))
    return support


def support_in_store(store: ox.Store, graphs: Iterable[str] | None = None) -> Iterator[
        tuple[tuple[str, str, str, str], float]]:
    """Support rows of the given document graphs (all graphs when None), read from Oxigraph."""
    values = ""
    if graphs is not None:
        graphs = list(graphs)
        if not graphs:
            return
        values = "VALUES ?g { " + " ".join(str(ox.NamedNode(g)) for g in graphs) + " }"
    for row in store.query(_SUPPORT_QUERY.format(values=values)):
        relation = PROPERTY_RELATION.get(row["p"].value)
        if relation is not None:
            yield (row["g"].value, row["h"].value, relation, row["t"].value), float(row["conf"].value)


class EdgeIndex:
    """The SQLite table of support rows, at ``path`` (None: in memory)."""

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.db = connect(path, read_only=read_only)
        if not read_only:
            with self.db:
                self.db.executescript(_SCHEMA)

    @classmethod
    def for_store(cls, store_path: Path | None, *, read_only: bool) -> EdgeIndex | None:
        """The index of the store at ``store_path``; None when a read-only store has none."""
        if store_path is None:
            return cls(None)
        path = store_path / INDEX_FILE
        if read_only and not path.exists():
            return None
        return cls(path, read_only=read_only)

    # -- state -----------------------------------------------------------------------------------

    @property
    def status(self) -> str:
        # no status: a new index, empty, not yet derived from the store
        return read_state(self.db, "status") or STALE

    def _set_status(self, status: str) -> None:
        write_state(self.db, "status", status)

    def mark_stale(self) -> None:
        """Something wrote to the store behind the index's back (raw SPARQL or Graph Store)."""
        with self.db:
            self._set_status(STALE)

    def begin_write(self) -> None:
        """Called before a store write: if the write is interrupted the index is known stale."""
        with self.db:
            if self.status == CURRENT:
                self._set_status(WRITING)

    # -- maintenance -----------------------------------------------------------------------------

    def replace_documents(self, documents: Iterable[str], support: Support) -> None:
        """After a store write: drop what ``documents`` supported, add ``support``. An index that
        was current before the write is current again; a stale one stays stale."""
        with self.db:
            ids = [row[0] for doc in dict.fromkeys(documents)
                   for row in self.db.execute("SELECT id FROM document WHERE iri = ?", (doc,))]
            self.db.executemany("DELETE FROM support WHERE document = ?", [(i,) for i in ids])
            self._insert(support.items())
            if self.status == WRITING:
                self._set_status(CURRENT)

    def rebuild(self, rows: Iterable[tuple[tuple[str, str, str, str], float]]) -> None:
        """Replace the whole index with ``rows`` (all the store's support) and mark it current."""
        with self.db:
            self.db.execute("DELETE FROM support")
            self.db.execute("DELETE FROM node")
            self.db.execute("DELETE FROM document")
            self._insert(rows)
            self._set_status(CURRENT)

    def _insert(self, rows: Iterable[tuple[tuple[str, str, str, str], float]]) -> None:
        nodes: dict[str, int] = {}
        documents: dict[str, int] = {}

        def node_id(iri: str, table: str, cache: dict[str, int]) -> int:
            found = cache.get(iri)
            if found is None:
                self.db.execute(f"INSERT OR IGNORE INTO {table} (iri) VALUES (?)", (iri,))
                found = cache[iri] = self.db.execute(f"SELECT id FROM {table} WHERE iri = ?", (iri,)).fetchone()[0]
            return found

        self.db.executemany(
            "INSERT OR REPLACE INTO support VALUES (?, ?, ?, ?, ?)",
            ((node_id(head, "node", nodes), relation, node_id(tail, "node", nodes),
              node_id(doc, "document", documents), confidence)
             for (doc, head, relation, tail), confidence in rows))

    # -- reading ---------------------------------------------------------------------------------

    def documents_touching(self, nodes: Iterable[str]) -> list[str]:
        """Documents supporting a relation with one of ``nodes`` as head or tail."""
        found: set[str] = set()
        for iri in nodes:
            found.update(row[0] for row in self.db.execute(
                "SELECT DISTINCT d.iri FROM node n JOIN support s ON s.head = n.id OR s.tail = n.id "
                "JOIN document d ON d.id = s.document WHERE n.iri = ?", (iri,)))
        return sorted(found)

    def node_iris(self) -> dict[int, str]:
        return dict(self.db.execute("SELECT id, iri FROM node"))

    def select(self, *, relations: Iterable[str] | None = None, documents: Iterable[str] | None = None,
               min_confidence: float | None = None) -> EdgeSet:
        """The distinct relations of ``relations`` (all when None), with the number of supporting
        ``documents`` (all when None) and their best confidence, at least ``min_confidence``."""
        where, params = [], []
        if relations is not None:
            relations = list(relations)
            where.append(f"relation IN ({', '.join('?' * len(relations))})")
            params += relations
        if documents is not None:
            documents = list(documents)
            where.append(f"document IN (SELECT id FROM document WHERE iri IN ({', '.join('?' * len(documents))}))")
            params += documents
        having = ""
        if min_confidence is not None:
            having = "HAVING MAX(confidence) >= ?"
            params.append(min_confidence)
        query = ("SELECT head, relation, tail, COUNT(*) AS weight, MAX(confidence) AS confidence FROM support"
                 + (" WHERE " + " AND ".join(where) if where else "")
                 + f" GROUP BY head, relation, tail {having}")
        # A file-backed index is read through a connection of its own: WAL gives it a snapshot, so
        # a write committed meanwhile (the server linking a document) cannot show half-way.
        reader = self.db if self.path is None else connect(self.path, read_only=True)
        return EdgeSet(reader, query, params, owns_connection=reader is not self.db)

    def close(self) -> None:
        self.db.close()


class EdgeSet:
    """One reader's edges, grouped once into a temporary table (on disk when it outgrows SQLite's
    page cache, so memory stays flat), then narrowed to the selected nodes, counted and streamed
    by SQLite rather than by Python loops over a million rows."""

    def __init__(self, db: sqlite3.Connection, query: str, params: list, *, owns_connection: bool) -> None:
        self.db = db
        self.owns_connection = owns_connection
        self.table = f"temp.edges_{uuid.uuid4().hex}"
        with self.db:
            self.db.execute(f"CREATE TABLE {self.table} AS {query}", params)

    def keep_nodes(self, ids: Iterable[int]) -> None:
        """Drop every edge with an end outside ``ids``."""
        keep = f"temp.keep_{uuid.uuid4().hex}"
        with self.db:
            self.db.execute(f"CREATE TABLE {keep} (id INTEGER PRIMARY KEY)")
            self.db.executemany(f"INSERT INTO {keep} VALUES (?)", ((i,) for i in ids))
            self.db.execute(f"DELETE FROM {self.table} WHERE head NOT IN (SELECT id FROM {keep}) "
                            f"OR tail NOT IN (SELECT id FROM {keep})")
            self.db.execute(f"DROP TABLE {keep}")

    def degrees(self) -> dict[int, int]:
        return dict(self.db.execute(
            f"SELECT id, COUNT(*) FROM (SELECT head AS id FROM {self.table} "
            f"UNION ALL SELECT tail FROM {self.table}) GROUP BY id"))

    def pairs(self) -> Iterator[tuple[int, int]]:
        yield from self.db.execute(f"SELECT head, tail FROM {self.table}")

    def rows(self) -> Iterator[tuple[int, str, int, int, float]]:
        """(head id, relation, tail id, supporting documents, best confidence), in the order
        they were grouped: head, relation, tail."""
        yield from self.db.execute(f"SELECT head, relation, tail, weight, confidence FROM {self.table}")

    def close(self) -> None:
        if self.owns_connection:
            self.db.close()
        else:
            with self.db:
                self.db.execute(f"DROP TABLE IF EXISTS {self.table}")
