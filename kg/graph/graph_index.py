"""The graph index: the property graph the exports write, kept in SQLite beside the store.

An export needs every entity's type, label, aliases, document count and degree, and every
relation's number of supporting documents and best confidence. In Oxigraph these are joins and
aggregates over every document graph, and each term they return costs a RocksDB lookup (~30 µs
per row on disk). Here they are tables, already aggregated: a million edges stream out at about
1 µs each.

The index holds, per document, the facts of :mod:`kg.graph.facts` (support and naming rows), and
their aggregates over all documents: ``edge`` (weight, best confidence), ``name`` (how many
documents give a node each type, label and alias) and, per node, its label, aliases and degree.
Every write updates the aggregates of the relations and names it touched, names by counting, so
its cost does not grow with the number of documents naming a hub such as 江苏省. An export
narrowed to some documents aggregates their rows instead.

Oxigraph stays the source of truth and the index is derived data, kept current by the store's own
writes (:class:`kg.graph.store.GraphStore`) and rebuilt from the store whenever it may have missed
one (the status protocol of :mod:`kg.graph.derived`): a write marks the index ``writing`` before it
touches the store and ``current`` once the index has caught up, so an interrupted write, a raw
SPARQL or Graph Store update (which marks it ``stale``), a store from before the index or an index
of an older schema all lead to a rebuild instead of a wrong figure.
"""
from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path
from typing import NamedTuple

from kg.graph.derived import (
    CURRENT, STALE, STATE_TABLE, WRITING, begin_write, connect, finish_write, read_state, write_state, writer_token,
)
from kg.faults import fault_point
from kg.graph.facts import ALIAS, LABEL, TYPE, Naming, Support

__all__ = ["CURRENT", "INDEX_FILE", "STALE", "WRITING", "EdgeSet", "Entity", "GraphIndex", "Snapshot"]

#: File name of the index inside the store folder (RocksDB ignores files it did not create).
INDEX_FILE = "kg-graph-index.sqlite3"
#: Bumped whenever the tables change: an index of another schema is rebuilt.
SCHEMA_VERSION = "4"
#: A node's aliases are stored joined by this character (no name contains it).
ALIAS_SEPARATOR = "\x1f"

#: Parameters per statement when a list of ids is spelled out (SQLite allows 32,766).
_BATCH = 10_000
_TABLES = ("node", "document", "support", "edge", "naming", "name")
_SCHEMA = STATE_TABLE + """;
CREATE TABLE IF NOT EXISTS node (
    id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE,
    label TEXT, aliases TEXT NOT NULL DEFAULT '', degree INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS document (id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS support (
    head INTEGER NOT NULL, relation TEXT NOT NULL, tail INTEGER NOT NULL,
    document INTEGER NOT NULL, confidence REAL NOT NULL,
    PRIMARY KEY (head, relation, tail, document)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS support_by_document ON support (document);
CREATE TABLE IF NOT EXISTS edge (
    head INTEGER NOT NULL, relation TEXT NOT NULL, tail INTEGER NOT NULL,
    weight INTEGER NOT NULL, confidence REAL NOT NULL,
    PRIMARY KEY (head, relation, tail)) WITHOUT ROWID;
-- the facts of which a node is the object (entity pages, neighbourhoods)
CREATE INDEX IF NOT EXISTS edge_by_tail ON edge (tail, relation);
CREATE TABLE IF NOT EXISTS naming (
    node INTEGER NOT NULL, kind INTEGER NOT NULL, value TEXT NOT NULL, document INTEGER NOT NULL,
    PRIMARY KEY (node, kind, value, document)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS naming_by_document ON naming (document);
CREATE TABLE IF NOT EXISTS name (
    node INTEGER NOT NULL, kind INTEGER NOT NULL, value TEXT NOT NULL, documents INTEGER NOT NULL,
    PRIMARY KEY (node, kind, value)) WITHOUT ROWID;
"""


class Entity(NamedTuple):
    """A node as the index describes it (over all documents, or over the selected ones)."""

    iri: str
    type: str
    label: str | None  # None: no document labels it
    aliases: tuple[str, ...]
    documents: int  # documents typing it as ``type``


class GraphIndex:
    """The index at ``path`` (None: a private one in memory)."""

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.token = writer_token()
        self.db = connect(path, read_only=read_only)
        self.db.isolation_level = None  # transactions are explicit (_transaction), snapshots too
        if not read_only:
            with self._transaction():
                fresh = read_state(self.db, "schema") != SCHEMA_VERSION
                if fresh:  # new, or of another schema: empty tables, to be derived from the store
                    for table in _TABLES:
                        self.db.execute(f"DROP TABLE IF EXISTS {table}")
                for statement in _SCHEMA.split(";"):  # not executescript: it would commit midway
                    self.db.execute(statement)
                if fresh:
                    write_state(self.db, "schema", SCHEMA_VERSION)
                    write_state(self.db, "status", STALE)

    @classmethod
    def for_store(cls, store_path: Path | None, *, read_only: bool) -> GraphIndex | None:
        """The index of the store at ``store_path``; None when a read-only store has none."""
        if store_path is None:
            return cls(None)
        path = store_path / INDEX_FILE
        if read_only and not path.exists():
            return None
        return cls(path, read_only=read_only)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE" if self.path is not None else "BEGIN")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- state -----------------------------------------------------------------------------------

    @property
    def status(self) -> str:
        # no status: a new index, empty, not yet derived from the store; another schema: rebuild
        if read_state(self.db, "schema") != SCHEMA_VERSION:
            return STALE
        return read_state(self.db, "status") or STALE

    def mark_stale(self) -> None:
        """Something wrote to the store behind the index's back (raw SPARQL or Graph Store)."""
        with self._transaction():
            write_state(self.db, "status", STALE)

    def begin_write(self) -> None:
        """Called before a store write: if the write is interrupted the index is known stale."""
        with self._transaction():
            begin_write(self.db, self.token)

    @contextmanager
    def catching_up(self) -> Iterator[None]:
        """The transaction in which the index takes in a store write (:meth:`replace_documents`,
        :meth:`replace_facts`). At its end an index this writer found current is current again;
        a stale one, or one another writer left ``writing``, stays to be rebuilt."""
        with self._transaction():
            yield
            fault_point("graph-index-caught-up")
            finish_write(self.db, self.token)

    # -- maintenance -----------------------------------------------------------------------------

    def replace_documents(self, documents: Iterable[str], support: Support, naming: Naming) -> None:
        """After a store write: drop every fact of ``documents``, add ``support`` and ``naming``."""
        documents = list(documents)
        self._replace_support(documents, support)
        self._replace_naming(documents, None, naming)

    def replace_facts(self, support_of: Iterable[str], support: Support,
                      naming_of: Iterable[str], nodes: Iterable[str], naming: Naming) -> None:
        """After an in-place rewrite: the support of the documents ``support_of`` becomes
        ``support``; the naming of ``nodes`` in the documents ``naming_of`` becomes ``naming``."""
        self._replace_support(list(support_of), support)
        self._replace_naming(list(naming_of), list(nodes), naming)

    def rebuild(self, support: Support, naming: Naming) -> None:
        """Replace the whole index with the store's facts and mark it current."""
        with self._transaction():
            for table in _TABLES:
                self.db.execute(f"DELETE FROM {table}")
            self._insert_support(support)
            self._insert_naming(naming)
            self.db.execute("INSERT INTO edge SELECT head, relation, tail, COUNT(*), MAX(confidence) "
                            "FROM support GROUP BY head, relation, tail")
            self.db.executemany("UPDATE node SET degree = ? WHERE id = ?", (
                (n, i) for i, n in self.db.execute(
                    "SELECT id, COUNT(*) FROM (SELECT head AS id FROM edge UNION ALL SELECT tail FROM edge) "
                    "GROUP BY id").fetchall()))
            self.db.execute("INSERT INTO name SELECT node, kind, value, COUNT(*) FROM naming GROUP BY node, kind, value")
            self._store_names()
            write_state(self.db, "status", CURRENT)

    def _replace_support(self, documents: list[str], support: Support) -> None:
        keys: set[tuple[int, str, int]] = set()
        for doc in self._existing("document", documents):
            keys.update(self.db.execute("SELECT head, relation, tail FROM support WHERE document = ?", (doc,)))
            self.db.execute("DELETE FROM support WHERE document = ?", (doc,))
        keys.update(self._insert_support(support))
        degree_changes: list[tuple[int, int]] = []
        for key in keys:
            weight, confidence, existed = self.db.execute(
                "SELECT COUNT(*), MAX(confidence), EXISTS (SELECT 1 FROM edge WHERE head = ?1 AND relation = ?2 "
                "AND tail = ?3) FROM support WHERE head = ?1 AND relation = ?2 AND tail = ?3", key).fetchone()
            if weight:
                self.db.execute("INSERT OR REPLACE INTO edge VALUES (?, ?, ?, ?, ?)", (*key, weight, confidence))
            elif existed:
                self.db.execute("DELETE FROM edge WHERE head = ? AND relation = ? AND tail = ?", key)
            change = (weight > 0) - existed
            if change:  # both ends; a loop counts twice, as the rebuild's UNION ALL does
                degree_changes += [(change, key[0]), (change, key[2])]
        self.db.executemany("UPDATE node SET degree = degree + ? WHERE id = ?", degree_changes)

    def _replace_naming(self, documents: list[str], nodes: list[str] | None, naming: Naming) -> None:
        node_ids = None if nodes is None else self._existing("node", nodes)
        gone: list[tuple[int, int, str]] = []
        for doc in self._existing("document", documents):
            if node_ids is None:
                gone += self.db.execute("SELECT node, kind, value FROM naming WHERE document = ?", (doc,))
                self.db.execute("DELETE FROM naming WHERE document = ?", (doc,))
            else:
                for node in node_ids:
                    gone += self.db.execute("SELECT node, kind, value FROM naming WHERE node = ? AND document = ?",
                                            (node, doc))
                    self.db.execute("DELETE FROM naming WHERE node = ? AND document = ?", (node, doc))
        self.db.executemany("UPDATE name SET documents = documents - 1 WHERE node = ? AND kind = ? AND value = ?", gone)
        self.db.executemany("DELETE FROM name WHERE node = ? AND kind = ? AND value = ? AND documents <= 0", gone)
        added = self._insert_naming(naming)
        self.db.executemany("INSERT INTO name VALUES (?, ?, ?, 1) ON CONFLICT DO UPDATE SET documents = documents + 1",
                            added)
        self._store_names(sorted({row[0] for row in gone} | {row[0] for row in added}))

    def _store_names(self, nodes: list[int] | None = None) -> None:
        """Keep the label and aliases of these nodes (all when None) as their name counts give them."""
        if nodes is None:
            described = list(_described(self.db.execute("SELECT node, kind, value, documents FROM name")))
        else:
            described = [d for start in range(0, len(nodes), _BATCH) for d in _described(self.db.execute(
                f"SELECT node, kind, value, documents FROM name WHERE node IN "
                f"({', '.join('?' * len(nodes[start:start + _BATCH]))}) ORDER BY node", nodes[start:start + _BATCH]))]
            unnamed = set(nodes) - {d[0] for d in described}  # its last document left
            described += [(node, {}, None, (), ()) for node in unnamed]
        self.db.executemany("UPDATE node SET label = ?, aliases = ? WHERE id = ?", [
            (label, ALIAS_SEPARATOR.join(aliases), node) for node, _, label, aliases, _ in described])

    def _insert_support(self, support: Support) -> set[tuple[int, str, int]]:
        nodes = self._ids("node", {iri for _, head, _, tail in support for iri in (head, tail)})
        documents = self._ids("document", {key[0] for key in support})
        rows = sorted((nodes[head], relation, nodes[tail], documents[doc], confidence)  # key order: no page splits
                      for (doc, head, relation, tail), confidence in support.items())
        self.db.executemany("INSERT OR REPLACE INTO support VALUES (?, ?, ?, ?, ?)", rows)
        return {(head, relation, tail) for head, relation, tail, _, _ in rows}

    def _insert_naming(self, naming: Naming) -> list[tuple[int, int, str]]:
        """Insert naming rows (new to their documents); returns their (node, kind, value)."""
        nodes = self._ids("node", {row[1] for row in naming})
        documents = self._ids("document", {row[0] for row in naming})
        rows = sorted((nodes[node], kind, value, documents[doc]) for doc, node, kind, value in naming)
        self.db.executemany("INSERT INTO naming VALUES (?, ?, ?, ?)", rows)
        return [row[:3] for row in rows]

    def _ids(self, table: str, iris: set[str]) -> dict[str, int]:
        """Row ids of these node or document IRIs, created for those not seen before."""
        self.db.executemany(f"INSERT OR IGNORE INTO {table} (iri) VALUES (?)", ((iri,) for iri in iris))
        if len(iris) > 1000:  # a bulk insert: one scan beats a look-up each
            return {iri: i for i, iri in self.db.execute(f"SELECT id, iri FROM {table}") if iri in iris}
        return {iri: self.db.execute(f"SELECT id FROM {table} WHERE iri = ?", (iri,)).fetchone()[0] for iri in iris}

    def _existing(self, table: str, iris: Iterable[str]) -> list[int]:
        return [row[0] for iri in dict.fromkeys(iris)
                for row in self.db.execute(f"SELECT id FROM {table} WHERE iri = ?", (iri,))]

    # -- reading ---------------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """A consistent view of the index for one export. A file-backed index is read through a
        connection of its own, in one read transaction: WAL gives it a snapshot, so a write
        committed meanwhile (the server linking a document) cannot show half-way."""
        if self.path is None:
            return Snapshot(self.db, owns_connection=False)
        db = connect(self.path, read_only=True)
        db.isolation_level = None
        return Snapshot(db, owns_connection=True)

    def close(self) -> None:
        self.db.close()


def _described(rows: Iterable[tuple]) -> Iterator[tuple[int, dict[str, int], str | None, tuple[str, ...], tuple]]:
    """Per node, from (node, kind, value, documents, *rest) rows sorted by node: the node, its
    types, label and aliases (:func:`describe`), and the rest of its first row."""
    for node, group in groupby(rows, key=lambda row: row[0]):
        group = list(group)
        yield (node, *describe(row[1:4] for row in group), group[0][4:])


def describe(rows: Iterable[tuple[int, str, int]]) -> tuple[dict[str, int], str | None, tuple[str, ...]]:
    """Aggregate a node's naming (kind, value, documents) rows: its types with their document
    counts, its label (the least of its labels, None if it has none) and its aliases (its other
    names, sorted)."""
    types: dict[str, int] = {}
    labels: list[str] = []
    aliases: set[str] = set()
    for kind, value, count in rows:
        if kind == TYPE:
            types[value] = types.get(value, 0) + count
        elif kind == LABEL:
            labels.append(value)
        elif kind == ALIAS:
            aliases.add(value)
    label = min(labels) if labels else None
    aliases.discard(label)
    aliases.discard("")
    return types, label, tuple(sorted(aliases))


class Snapshot:
    """One export's reads of the index, all from the same state of it."""

    def __init__(self, db: sqlite3.Connection, *, owns_connection: bool) -> None:
        self.db = db
        self.owns_connection = owns_connection
        if owns_connection:
            db.execute("BEGIN")  # the read transaction pins the snapshot

    def entities(self, types: list[str], documents: list[str] | None = None) -> dict[int, Entity]:
        """The nodes with one of ``types`` (in ``documents`` when given), by index id. A node with
        several types gets the first of ``types`` it has."""
        rank = {t: i for i, t in enumerate(types)}

        def first_type(typed: dict[str, int]) -> str | None:
            return min((t for t in typed if t in rank), key=rank.__getitem__, default=None)

        found: dict[int, Entity] = {}
        if documents is None:  # the kept aggregates: one pass over the type counts, one over nodes
            typed: dict[int, dict[str, int]] = {}
            for node, value, count in self.db.execute(f"SELECT node, value, documents FROM name WHERE kind = {TYPE}"):
                typed.setdefault(node, {})[value] = count
            chosen = {node: first_type(counts) for node, counts in typed.items()}
            for node, iri, label, aliases in self.db.execute("SELECT id, iri, label, aliases FROM node"):
                entity_type = chosen.get(node)
                if entity_type is not None:
                    found[node] = Entity(iri, entity_type, label, tuple(aliases.split(ALIAS_SEPARATOR)) if aliases else (),
                                         typed[node][entity_type])
            return found
        rows = self.db.execute(
            f"SELECT c.node, c.kind, c.value, c.documents, n.iri FROM (SELECT node, kind, value, COUNT(*) AS documents "
            f"FROM naming WHERE document IN (SELECT id FROM document WHERE iri IN ({', '.join('?' * len(documents))})) "
            f"GROUP BY node, kind, value) c JOIN node n ON n.id = c.node ORDER BY c.node", documents)
        for node, counts, label, aliases, (iri,) in _described(rows):
            entity_type = first_type(counts)
            if entity_type is not None:
                found[node] = Entity(iri, entity_type, label, aliases, counts[entity_type])
        return found

    def named(self, kind: int, name: str) -> list[str]:
        """The IRIs, sorted, of the typed nodes some document names ``name`` as ``kind`` (LABEL or
        ALIAS): one scan of the name table, where a SPARQL filter on every label of the union graph
        took seconds on a thousand documents."""
        return [iri for (iri,) in self.db.execute(
            f"SELECT DISTINCT n.iri FROM name m JOIN node n ON n.id = m.node WHERE m.kind = ? AND m.value = ? "
            f"AND EXISTS (SELECT 1 FROM name t WHERE t.node = m.node AND t.kind = {TYPE}) ORDER BY n.iri",
            (kind, name))]

    def edges(self, *, relations: list[str] | None = None, documents: list[str] | None = None,
              min_confidence: float | None = None) -> EdgeSet:
        """The distinct relations of ``relations`` (all when None), with the number of supporting
        ``documents`` (all when None) and their best confidence, at least ``min_confidence``."""
        if relations is None and documents is None and min_confidence is None:
            return EdgeSet(self.db, None)
        where, params = [], []
        if relations is not None:
            where.append(f"relation IN ({', '.join('?' * len(relations))})")
            params += relations
        if documents is None:
            if min_confidence is not None:
                where.append("confidence >= ?")
                params.append(min_confidence)
            query = "SELECT head, relation, tail, weight, confidence FROM edge"
            query += " WHERE " + " AND ".join(where) if where else ""
            return EdgeSet(self.db, query, params)
        where.append(f"document IN (SELECT id FROM document WHERE iri IN ({', '.join('?' * len(documents))}))")
        params += documents
        having = ""
        if min_confidence is not None:
            having = " HAVING MAX(confidence) >= ?"
            params.append(min_confidence)
        query = ("SELECT head, relation, tail, COUNT(*) AS weight, MAX(confidence) AS confidence FROM support"
                 " WHERE " + " AND ".join(where) + " GROUP BY head, relation, tail" + having)
        return EdgeSet(self.db, query, params)

    def close(self) -> None:
        if self.owns_connection:
            self.db.execute("ROLLBACK")
            self.db.close()


class EdgeSet:
    """The selected edges of one snapshot. All of them are read straight from the ``edge`` table
    (degrees too, kept in ``node``); a narrower selection is grouped once into a temporary table
    (on disk when it outgrows SQLite's page cache, so memory stays flat), then narrowed to the
    selected nodes, counted and streamed by SQLite rather than by Python loops over a million rows."""

    def __init__(self, db: sqlite3.Connection, query: str | None, params: Iterable = ()) -> None:
        self.db = db
        self.table = "main.edge"
        self.temporary: list[str] = []
        if query is not None:
            self._materialise(query, params)

    def _materialise(self, query: str, params: Iterable = ()) -> None:
        table = f"temp.edges_{uuid.uuid4().hex}"
        self.db.execute(f"CREATE TABLE {table} AS {query}", list(params))
        self.temporary.append(table)
        self.table = table

    def keep_nodes(self, ids: Iterable[int]) -> None:
        """Drop every edge with an end outside ``ids``."""
        keep = f"temp.keep_{uuid.uuid4().hex}"
        self.db.execute(f"CREATE TABLE {keep} (id INTEGER PRIMARY KEY)")
        self.temporary.append(keep)
        self.db.executemany(f"INSERT INTO {keep} VALUES (?)", ((i,) for i in ids))
        outside = f"head NOT IN (SELECT id FROM {keep}) OR tail NOT IN (SELECT id FROM {keep})"
        if self.table == "main.edge":
            self._materialise(f"SELECT * FROM main.edge WHERE NOT ({outside})")
        else:
            self.db.execute(f"DELETE FROM {self.table} WHERE {outside}")

    def degrees(self) -> dict[int, int]:
        if self.table == "main.edge":
            return dict(self.db.execute("SELECT id, degree FROM node WHERE degree > 0"))
        return dict(self.db.execute(
            f"SELECT id, COUNT(*) FROM (SELECT head AS id FROM {self.table} "
            f"UNION ALL SELECT tail FROM {self.table}) GROUP BY id"))

    def pairs(self) -> Iterator[tuple[int, int]]:
        yield from self.db.execute(f"SELECT head, tail FROM {self.table}")

    def batches(self, size: int) -> Iterator[list[tuple[int, str, int, int, float]]]:
        """Lists of (head id, relation, tail id, supporting documents, best confidence), in the
        order they were grouped: head, relation, tail."""
        cursor = self.db.execute(f"SELECT head, relation, tail, weight, confidence FROM {self.table}")
        while batch := cursor.fetchmany(size):
            yield batch

    def close(self) -> None:
        for table in self.temporary:
            self.db.execute(f"DROP TABLE IF EXISTS {table}")
        self.temporary.clear()
