"""The name index: which nodes the store holds under which names, so that resolving a name costs
a few indexed look-ups however large the graph is, and a new process need not read every name
of the store before it can link one document.

It is derived data, kept in SQLite beside the store (``kg-name-index.sqlite3`` in the store
folder; in memory for an in-memory store): Oxigraph stays the source of truth. Every document
graph contributes rows — (node, type, name, whether the name is the label there) and the node's
edges that linking weighs (its ``kg:partOf`` parents, the ``kg:issuedBy`` bodies of a policy) —
and :meth:`NameIndex.sync` brings the index up to date by comparing the document graphs it has
rows for with those the store holds. That comparison is enough for documents: a document graph
is named by the hash of its content, so writing, replacing or removing a document only ever adds
or drops whole graphs. The in-place rewrites of linking itself (relabelling, unmerging)
re-derive the rows of the nodes they touch between a ``writing`` and a ``current`` mark, so an
interrupted one leads to a rebuild; so does a change of the matching rules (``kg.link.names``,
the reference places), which the index keeps a fingerprint of.

Fuzzy matching (long names only) looks candidates up by *chunk keys*: a stored name's skeleton is
cut into three pieces, keyed by its length, the piece's position and its text. The near-miss guard
admits at most two inserted or deleted identity characters, which can touch at most two of the
three pieces, so any name the guard could admit shares an intact piece — at a position at most two
characters away — with the name looked up: a bounded number of exact look-ups finds every such
candidate, whatever the size of the store.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import pyoxigraph as ox

from kg.faults import fault_point
from kg.graph.derived import (
    CURRENT, STATE_TABLE, begin_write, connect, finish_write, read_state, write_state, writer_token,
)
from kg.graph.store import GraphStore
from kg.link import names as names_module
from kg.link.guard import LONG_TITLE
from kg.link.names import NameForm, clean, name_form, skeleton
from kg.vocab import CLASS_TYPE, ID, KG, LINKING_GRAPH, OWL, RDF, RDFS, SKOS, TYPE_CLASS

#: File name of the index inside the store folder (RocksDB ignores files it did not create).
INDEX_FILE = "kg-name-index.sqlite3"
#: Bump when the schema or the meaning of the rows changes: a different version rebuilds.
INDEX_VERSION = "2"

#: Only names this long are fuzzy-matched: for shorter ones the guard admits nothing but
#: differences in weak characters, which the skeleton look-up finds exactly.
FUZZY_MIN_LENGTH = LONG_TITLE
#: Identity characters the guard lets a fuzzy match insert or delete (guard.LONG_TITLE_INSERTIONS);
#: the chunk keys are built so that every name within this many edits shares a key.
FUZZY_EDITS = 2
#: At most this many names are read per chunk key (a key as common as a frequent title opening
#: says little), and at most this many candidate nodes are scored per name.
MAX_POSTING = 2_000
MAX_CANDIDATES = 50

_DOCUMENT_PREFIX = f"{ID}document/"
_A, _LABEL, _ALT = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(RDFS.label)), ox.NamedNode(str(SKOS.altLabel))
_DIFFERENT = ox.NamedNode(str(OWL.differentFrom))
#: The edges the index keeps, by the name its rows give them.
_EDGES = {"partOf": ox.NamedNode(str(KG.partOf)), "issuedBy": ox.NamedNode(str(KG.issuedBy))}
_LINKING = ox.NamedNode(LINKING_GRAPH)
_CLASSES = {t: ox.NamedNode(str(c)) for t, c in TYPE_CLASS.items()}
_CLASS_NODES = frozenset(_CLASSES.values())
#: The predicates other than rdf:type whose quads give name and edge rows.
_ROW_PREDICATES = frozenset({_LABEL, _ALT, *_EDGES.values()})

_SCHEMA = STATE_TABLE + """;
CREATE TABLE IF NOT EXISTS document (id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS node (id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE, type TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS form (
    id INTEGER PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL,
    cleaned TEXT NOT NULL, core TEXT NOT NULL, UNIQUE (type, name));
CREATE INDEX IF NOT EXISTS form_cleaned ON form (type, cleaned);
CREATE INDEX IF NOT EXISTS form_core ON form (type, core);
CREATE TABLE IF NOT EXISTS chunk (key TEXT NOT NULL, form INTEGER NOT NULL, PRIMARY KEY (key, form)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS chunk_form ON chunk (form);
-- One row per name statement of a document graph ...
CREATE TABLE IF NOT EXISTS statement (
    document INTEGER NOT NULL, node INTEGER NOT NULL, form INTEGER NOT NULL, label INTEGER NOT NULL,
    PRIMARY KEY (document, node, form, label)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS statement_node ON statement (node);
-- ... and their counts per (node, name), what look-ups read.
CREATE TABLE IF NOT EXISTS naming (
    node INTEGER NOT NULL, form INTEGER NOT NULL, docs INTEGER NOT NULL, labels INTEGER NOT NULL,
    PRIMARY KEY (node, form)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS naming_form ON naming (form);
CREATE TABLE IF NOT EXISTS edge (
    document INTEGER NOT NULL, node INTEGER NOT NULL, predicate TEXT NOT NULL, target TEXT NOT NULL,
    PRIMARY KEY (node, predicate, target, document)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edge_document ON edge (document);
"""

#: (node IRI, type, name, is the label) — what a document graph says about its entities' names.
NameRow = tuple[str, str, str, bool]
#: (node IRI, its type, edge name in _EDGES, target IRI) — its kg:partOf and kg:issuedBy statements.
EdgeRow = tuple[str, str, str, str]


@dataclass
class Node:
    """One entity of the store as linking sees it."""

    iri: str
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    parents: set[str] = field(default_factory=set)  # kg:partOf targets
    issuers: set[str] = field(default_factory=set)  # kg:issuedBy targets (of a policy)
    distinct: set[str] = field(default_factory=set)  # owl:differentFrom, both directions

    def names(self) -> set[str]:
        return {self.label, *self.aliases}


def fullest(names: Iterable[str]) -> str:
    """The fullest of several names (longest, then by code point: deterministic)."""
    return max(names, key=lambda n: (len(n), n))


def is_document_graph(iri: str) -> bool:
    return iri.startswith(_DOCUMENT_PREFIX) and "/" not in iri[len(_DOCUMENT_PREFIX):]


# -- reading rows from the store ---------------------------------------------------------------


def graph_rows(store: ox.Store, graph: str) -> tuple[list[NameRow], list[EdgeRow]]:
    """The name and edge rows of one document graph."""
    g = ox.NamedNode(graph)
    return _rows(lambda predicate, obj=None: store.quads_for_pattern(None, predicate, obj, g))


def queued_graph_rows(quads: list[ox.Quad]) -> tuple[list[NameRow], list[EdgeRow]]:
    """:func:`graph_rows` of a document graph queued to be written (its quads, not yet in the store).
    One pass sorts out the quads of the patterns :func:`_rows` asks for, the type quads by class:
    every mention, sentence and evidence node is typed too, and those were scanned once per class."""
    by_pattern: dict[tuple[ox.NamedNode, ox.NamedNode | None], list[ox.Quad]] = defaultdict(list)
    for quad in quads:
        predicate = quad.predicate
        if predicate == _A:
            cls = quad.object
            if cls in _CLASS_NODES:
                by_pattern[(predicate, cls)].append(quad)
        elif predicate in _ROW_PREDICATES:
            by_pattern[(predicate, None)].append(quad)
    return _rows(lambda predicate, obj=None: by_pattern.get((predicate, obj), ()))


def _rows(pattern: Callable[..., Iterable[ox.Quad]]) -> tuple[list[NameRow], list[EdgeRow]]:
    """The name and edge rows of the graph whose quads ``pattern(predicate, object=None)`` gives."""
    types: dict[ox.NamedNode, str] = {}
    for entity_type, cls in _CLASSES.items():
        for quad in pattern(_A, cls):
            types.setdefault(quad.subject, entity_type)
    rows: list[NameRow] = []
    for predicate, is_label in ((_LABEL, True), (_ALT, False)):
        for quad in pattern(predicate):
            entity_type = types.get(quad.subject)
            if entity_type is not None and isinstance(quad.object, ox.Literal):
                rows.append((quad.subject.value, entity_type, quad.object.value, is_label))
    edges = [(q.subject.value, types[q.subject], name, q.object.value)
             for name, predicate in _EDGES.items() for q in pattern(predicate) if q.subject in types]
    return rows, edges


def node_rows(store: ox.Store, iri: str) -> dict[str, tuple[list[NameRow], list[EdgeRow]]]:
    """The name and edge rows of one node, per document graph."""
    node = ox.NamedNode(iri)
    types: dict[str, str] = {}
    for quad in store.quads_for_pattern(node, _A, None):
        entity_type = CLASS_TYPE.get(quad.object.value)
        if entity_type and is_document_graph(quad.graph_name.value):
            types.setdefault(quad.graph_name.value, entity_type)
    found: dict[str, tuple[list[NameRow], list[EdgeRow]]] = {g: ([], []) for g in types}
    for predicate, is_label in ((_LABEL, True), (_ALT, False)):
        for quad in store.quads_for_pattern(node, predicate, None):
            graph = quad.graph_name.value
            if graph in types and isinstance(quad.object, ox.Literal):
                found[graph][0].append((iri, types[graph], quad.object.value, is_label))
    for name, predicate in _EDGES.items():
        for quad in store.quads_for_pattern(node, predicate, None):
            graph = quad.graph_name.value
            if graph in types:
                found[graph][1].append((iri, types[graph], name, quad.object.value))
    return found


def distinct_pairs(store: ox.Store) -> dict[str, set[str]]:
    """Node → the nodes recorded as different from it (an undone merge), both directions: one
    scan of the few records for all nodes, since linking one document looks up thousands of nodes
    (a scan, or a request to a remote store, per look-up was ~4% of linking a 449-document build)."""
    found: dict[str, set[str]] = defaultdict(set)
    for quad in store.quads_for_pattern(None, _DIFFERENT, None, _LINKING):
        found[quad.subject.value].add(quad.object.value)
        found[quad.object.value].add(quad.subject.value)
    return dict(found)


# -- keys --------------------------------------------------------------------------------------


def _chunks(length: int) -> tuple[tuple[int, int], ...]:
    """Where the three pieces of a skeleton of ``length`` characters start and end."""
    first, second = length // 3, 2 * length // 3
    return (0, first), (first, second), (second, length)


def chunk_keys(entity_type: str, skeleton_text: str) -> set[str]:
    """The keys a stored name of ``entity_type`` is found by in fuzzy matching."""
    n = len(skeleton_text)
    return {f"{entity_type}|{n}|{i}|{skeleton_text[s:e]}" for i, (s, e) in enumerate(_chunks(n)) if e > s}


@lru_cache(maxsize=10_000)
def probe_keys(entity_type: str, skeleton_text: str) -> frozenset[str]:
    """The keys of every stored name within FUZZY_EDITS insertions or deletions of this one.
    Remembered: a fuzzy look-up asks the stored index and the pending names for the same up to 75
    keys, and later documents look the same long titles up again (~0.7% of a build's CPU)."""
    n = len(skeleton_text)
    keys = set()
    for length in range(max(n - FUZZY_EDITS, 1), n + FUZZY_EDITS + 1):
        for i, (s, e) in enumerate(_chunks(length)):
            for shift in range(-FUZZY_EDITS, FUZZY_EDITS + 1):
                if e > s and s + shift >= 0 and e + shift <= n:
                    keys.add(f"{entity_type}|{length}|{i}|{skeleton_text[s + shift:e + shift]}")
    return frozenset(keys)


def fingerprint(places: Mapping[str, str]) -> str:
    """What the stored keys depend on: the index version, the name rules, the reference places."""
    digest = hashlib.sha256(INDEX_VERSION.encode())
    digest.update(Path(names_module.__file__).read_bytes())
    digest.update(json.dumps(sorted(places.items()), ensure_ascii=False).encode())
    digest.update(f"{FUZZY_MIN_LENGTH}|{FUZZY_EDITS}".encode())
    return digest.hexdigest()


# -- the persistent index ----------------------------------------------------------------------


class NameIndex:
    """The SQLite tables of names (see the module docstring). Open it with :meth:`open`."""

    def __init__(self, db: sqlite3.Connection, places: Mapping[str, str], *, writable: bool) -> None:
        self.db = db
        self.places = places
        self.writable = writable
        self.token = writer_token()
        #: Document graphs the store had lost when the index was opened (None: not known).
        self.removed_at_open: list[str] | None = []
        self._forms = lru_cache(maxsize=100_000)(self._form)

    @classmethod
    def open(cls, graph_store: GraphStore, places: Mapping[str, str] = MappingProxyType({})) -> NameIndex:
        """The index of ``graph_store``, up to date with it. A read-only store whose index is
        missing, out of date or of other rules gets a private in-memory copy brought up to date."""
        store = graph_store.settled()  # it compares the store's document graphs with its own
        stamp = fingerprint(places)
        if graph_store.path is None:
            index = cls(connect(None), places, writable=True)
        elif not graph_store.read_only:
            index = cls(connect(graph_store.path / INDEX_FILE), places, writable=True)
        else:
            index = cls._open_read_only(graph_store, places, stamp)
            if index is not None:
                return index
            index = cls(connect(None), places, writable=True)
        with index.db:
            index.db.executescript(_SCHEMA)
        if index._state("fingerprint") != stamp or index._state("status") != CURRENT:
            index.rebuild(store, stamp)
            index.removed_at_open = None  # which documents left since is not known any more
        else:
            index.removed_at_open = index.sync(graph_store)
        return index

    @classmethod
    def _open_read_only(cls, graph_store: GraphStore, places, stamp: str) -> NameIndex | None:
        path = graph_store.path / INDEX_FILE
        if not path.exists():
            return None
        disk = connect(path, read_only=True)
        index = cls(disk, places, writable=False)
        try:
            usable = index._state("fingerprint") == stamp and index._state("status") == CURRENT
        except sqlite3.DatabaseError:
            usable = False
        if not usable:
            disk.close()
            return None
        if not any(index._differences(graph_store.store)):
            return index
        memory = connect(None)
        disk.backup(memory)
        disk.close()
        copy = cls(memory, places, writable=True)
        copy.removed_at_open = copy.sync(graph_store)
        return copy

    # -- state -----------------------------------------------------------------------------------

    def _state(self, key: str) -> str | None:
        return read_state(self.db, key)

    def _set_state(self, key: str, value: str) -> None:
        write_state(self.db, key, value)

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One read transaction around many look-ups (a document's resolution): outside one, each
        SELECT takes and drops SQLite's read lock, a few system calls apiece. Nothing may write
        inside it; a transaction already open is left as it is."""
        if self.db.in_transaction:
            yield
            return
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            self.db.rollback()

    def begin_rewrite(self) -> None:
        """Called before linking rewrites statements inside document graphs: until
        :meth:`refresh_nodes` has caught up, an interruption is detected (and rebuilt from)."""
        if self.writable:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")  # no raw write's stale mark slips in between
                begin_write(self.db, self.token)
            fault_point("name-index-writing")

    # -- keeping up with the store ---------------------------------------------------------------

    def rebuild(self, store: ox.Store, stamp: str) -> None:
        """Derive every row again from the store."""
        with self.db:
            for table in ("document", "node", "form", "chunk", "statement", "naming", "edge"):
                self.db.execute(f"DELETE FROM {table}")
            graphs = [g.value for g in store.named_graphs() if is_document_graph(g.value)]
            self._insert([(self._new_document(g), *graph_rows(store, g)) for g in graphs])
            self._set_state("fingerprint", stamp)
            self._set_state("status", CURRENT)

    def sync(self, graph_store: GraphStore) -> list[str] | None:
        """Add the rows of document graphs the store gained, drop those of graphs it lost (and
        return these; None when a raw write made the index stale and it was rebuilt, so which
        documents left is not known)."""
        store = graph_store.settled()
        if self._state("status") != CURRENT:
            self.rebuild(store, self._state("fingerprint") or fingerprint(self.places))
            return None
        added, removed = self._differences(store)
        if not added and not removed:
            return []
        with self.db:
            for graph in removed:
                self._remove_document(graph)
            self._insert([(self._new_document(g), *graph_rows(store, g)) for g in added])
        return removed

    def add_documents(self, graph_store: GraphStore, graphs: Iterable[str]) -> None:
        """Index these document graphs (just written, or queued to be) if the store holds them."""
        graphs = [g for g in graphs if graph_store.has_document(g) and self._document_id(g) is None]
        with self.db:
            self._insert([(self._new_document(g), *self._rows(graph_store, g)) for g in graphs])

    @staticmethod
    def _rows(graph_store: GraphStore, graph: str) -> tuple[list[NameRow], list[EdgeRow]]:
        queued = graph_store.queued_quads(graph)
        return graph_rows(graph_store.store, graph) if queued is None else queued_graph_rows(queued)

    def refresh_nodes(self, graph_store: GraphStore, iris: Iterable[str]) -> None:
        """Derive the rows of these nodes again, after linking rewrote them in place."""
        store = graph_store.settled()
        with self.db:
            fresh = []
            for iri in dict.fromkeys(iris):
                node = self._node_id(iri)
                if node is not None:
                    self._remove_rows(self.db.execute(
                        "SELECT document, node, form, label FROM statement WHERE node = ?", (node,)).fetchall())
                    self.db.execute("DELETE FROM edge WHERE node = ?", (node,))
                for graph, (rows, edges) in node_rows(store, iri).items():
                    document = self._document_id(graph)
                    if document is not None:  # a graph not indexed yet is indexed whole by sync
                        fresh.append((document, rows, edges))
            self._insert(fresh)
            fault_point("name-index-caught-up")
            finish_write(self.db, self.token)

    def _differences(self, store: ox.Store) -> tuple[list[str], list[str]]:
        stored = {g.value for g in store.named_graphs() if is_document_graph(g.value)}
        indexed = {row[0] for row in self.db.execute("SELECT iri FROM document")}
        return sorted(stored - indexed), sorted(indexed - stored)

    def _new_document(self, graph: str) -> int:
        return self.db.execute("INSERT INTO document (iri) VALUES (?)", (graph,)).lastrowid

    def _insert(self, documents: list[tuple[int, list[NameRow], list[EdgeRow]]]) -> None:
        """Add the rows of these documents (none of which the tables hold yet) in a few bulk
        statements: a rebuild inserts hundreds of thousands."""
        node_types: dict[str, str] = {}
        for _, rows, edge_rows in documents:
            for iri, entity_type, _, _ in (*rows, *edge_rows):
                node_types.setdefault(iri, entity_type)
        nodes = self._ids("SELECT iri, id FROM node WHERE iri IN ({})", list(node_types))
        fresh_nodes = [(iri, t) for iri, t in node_types.items() if iri not in nodes]
        start = self._next_id("node")
        self.db.executemany("INSERT INTO node (id, iri, type) VALUES (?, ?, ?)",
                            [(start + i, iri, t) for i, (iri, t) in enumerate(fresh_nodes)])
        nodes.update((iri, start + i) for i, (iri, _) in enumerate(fresh_nodes))

        names = {(t, name) for _, rows, _ in documents for _, t, name, _ in rows}
        forms: dict[tuple[str, str], int] = {}
        for entity_type in {t for t, _ in names}:
            found = self._ids(f"SELECT name, id FROM form WHERE type = {entity_type!r} AND name IN ({{}})",
                              [name for t, name in names if t == entity_type])
            forms.update(((entity_type, name), i) for name, i in found.items())
        start = self._next_id("form")
        form_rows, chunk_rows = [], []
        for i, (entity_type, name) in enumerate(sorted(names - forms.keys()), start):
            form = self.form(name, entity_type)
            core = skeleton(form.core)
            form_rows.append((i, entity_type, name, form.cleaned, core))
            if len(form.core) >= FUZZY_MIN_LENGTH:
                chunk_rows += [(key, i) for key in chunk_keys(entity_type, core)]
            forms[(entity_type, name)] = i
        self.db.executemany("INSERT INTO form VALUES (?, ?, ?, ?, ?)", form_rows)
        self.db.executemany("INSERT OR IGNORE INTO chunk VALUES (?, ?)", chunk_rows)

        statements = sorted({(document, nodes[iri], forms[(t, name)], int(label))
                             for document, rows, _ in documents for iri, t, name, label in rows})
        counts: dict[tuple[int, int], list[int]] = {}
        for _, node, form, label in statements:
            count = counts.setdefault((node, form), [0, 0])
            count[0] += 1
            count[1] += label
        self.db.executemany("INSERT INTO statement VALUES (?, ?, ?, ?)", statements)
        self.db.executemany(
            "INSERT INTO naming VALUES (?, ?, ?, ?) ON CONFLICT (node, form) DO UPDATE SET "
            "docs = docs + excluded.docs, labels = labels + excluded.labels",
            [(node, form, docs, labels) for (node, form), (docs, labels) in sorted(counts.items())])
        self.db.executemany("INSERT OR IGNORE INTO edge VALUES (?, ?, ?, ?)", sorted(
            {(document, nodes[iri], name, target)
             for document, _, edge_rows in documents for iri, _, name, target in edge_rows}))

    def _ids(self, query: str, keys: list[str]) -> dict[str, int]:
        """(key, id) rows of ``query`` (a ``{}`` in it is the list of ``keys``), in batches."""
        found: dict[str, int] = {}
        if not keys or self._next_id("node") == 1:
            return found  # an empty index (a rebuild): nothing to look up
        for i in range(0, len(keys), 500):
            batch = keys[i:i + 500]
            found.update(self.db.execute(query.format(", ".join("?" * len(batch))), batch))
        return found

    def _next_id(self, table: str) -> int:
        return self.db.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").fetchone()[0]

    def _remove_document(self, graph: str) -> None:
        document = self._document_id(graph)
        if document is None:
            return
        self._remove_rows(self.db.execute(
            "SELECT document, node, form, label FROM statement WHERE document = ?", (document,)).fetchall())
        self.db.execute("DELETE FROM edge WHERE document = ?", (document,))
        self.db.execute("DELETE FROM document WHERE id = ?", (document,))

    def _remove_rows(self, rows: list[tuple[int, int, int, int]]) -> None:
        self.db.executemany("DELETE FROM statement WHERE document = ? AND node = ? AND form = ? AND label = ?", rows)
        pairs = [(label, node, form) for _, node, form, label in rows]
        self.db.executemany("UPDATE naming SET docs = docs - 1, labels = labels - ? WHERE node = ? AND form = ?", pairs)
        self.db.executemany("DELETE FROM naming WHERE node = ? AND form = ? AND docs <= 0",
                            [(node, form) for _, node, form in pairs])
        orphans = [(form, form) for form in {form for _, _, form, _ in rows}]
        self.db.executemany("DELETE FROM chunk WHERE form = ? AND NOT EXISTS "
                            "(SELECT 1 FROM naming WHERE form = ?)", orphans)
        self.db.executemany("DELETE FROM form WHERE id = ? AND NOT EXISTS "
                            "(SELECT 1 FROM naming WHERE form = ?)", orphans)

    def _document_id(self, graph: str) -> int | None:
        row = self.db.execute("SELECT id FROM document WHERE iri = ?", (graph,)).fetchone()
        return row[0] if row else None

    def _node_id(self, iri: str) -> int | None:
        row = self.db.execute("SELECT id FROM node WHERE iri = ?", (iri,)).fetchone()
        return row[0] if row else None

    # -- looking up ------------------------------------------------------------------------------

    def form(self, name: str, entity_type: str) -> NameForm:
        return self._forms(name, entity_type)

    def _form(self, name: str, entity_type: str) -> NameForm:
        return name_form(name, entity_type, self.places)

    def _nodes_where(self, condition: str, params: tuple, labels_only: bool = False) -> set[str]:
        rows = self.db.execute(
            "SELECT DISTINCT n.iri FROM form f JOIN naming m ON m.form = f.id JOIN node n ON n.id = m.node "
            f"WHERE {condition}{' AND m.labels > 0' if labels_only else ''}", params)
        return {row[0] for row in rows}

    def by_label(self, entity_type: str, name: str) -> set[str]:
        """Nodes of ``entity_type`` labelled ``name`` (after cleaning)."""
        return self._nodes_where("f.type = ? AND f.cleaned = ?", (entity_type, clean(name)), True)

    def by_name(self, entity_type: str, name: str) -> set[str]:
        """Nodes of ``entity_type`` having ``name`` as label or alias (after cleaning)."""
        return self._nodes_where("f.type = ? AND f.cleaned = ?", (entity_type, clean(name)))

    def by_core(self, entity_type: str, core: str) -> set[str]:
        """Nodes with a name whose core has the same skeleton as ``core``."""
        return self._nodes_where("f.type = ? AND f.core = ?", (entity_type, skeleton(core)))

    def fuzzy_candidates(self, entity_type: str, core: str) -> Counter[str]:
        """Nodes with a name within FUZZY_EDITS edits of ``core``, with how many keys they share."""
        counts: Counter[str] = Counter()
        if len(core) < FUZZY_MIN_LENGTH:
            return counts
        # One statement for the up to 75 keys rather than one each; of every key only its first
        # MAX_POSTING names count (in form order, as a look-up of the key alone reads them).
        keys = sorted(probe_keys(entity_type, skeleton(core)))
        rows = self.db.execute(
            "SELECT c.key, c.form, n.iri FROM chunk c LEFT JOIN naming m ON m.form = c.form "
            f"LEFT JOIN node n ON n.id = m.node WHERE c.key IN ({', '.join('?' * len(keys))}) "
            "ORDER BY c.key, c.form", keys)
        read: dict[str, set[int]] = defaultdict(set)  # the forms read of each key
        found: set[tuple[str, str]] = set()
        for key, form, iri in rows:
            forms = read[key]
            if form not in forms and len(forms) == MAX_POSTING:
                continue
            forms.add(form)
            if iri is not None:
                found.add((key, iri))
        counts.update(iri for _, iri in found)
        return counts

    def node(self, iri: str) -> tuple[str, list[tuple[str, bool]], set[str], set[str]] | None:
        """(type, [(name, is a label)], parents, issuers) of a stored node, or None."""
        row = self.db.execute("SELECT id, type FROM node WHERE iri = ?", (iri,)).fetchone()
        if row is None:
            return None
        names = [(name, labels > 0) for name, labels in self.db.execute(
            "SELECT f.name, m.labels FROM naming m JOIN form f ON f.id = m.form WHERE m.node = ?", (row[0],))]
        if not names:
            return None
        edges: dict[str, set[str]] = {name: set() for name in _EDGES}
        for name, target in self.db.execute("SELECT DISTINCT predicate, target FROM edge WHERE node = ?", (row[0],)):
            edges[name].add(target)
        return row[1], names, edges["partOf"], edges["issuedBy"]


# -- what linking consults: the stored index and the documents this process linked ------------


class PendingNames:
    """Names of the documents this process linked that the index does not hold yet (a dry run's,
    or one just linked and not yet written): small, in memory."""

    def __init__(self) -> None:
        self.documents: set[str] = set()
        self.nodes: dict[str, Node] = {}
        self._by_key: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # (kind, type, key)
        self._chunks: dict[str, set[str]] = defaultdict(set)

    def add(self, index: NameIndex, iri: str, entity_type: str, label: str, names: Iterable[str]) -> None:
        node = self.nodes.get(iri)
        if node is None:
            node = self.nodes[iri] = Node(iri, entity_type, label)
        elif node.label != label:
            self._by_key[("label", node.type, clean(node.label))].discard(iri)
            node.aliases.add(node.label)
            node.label = label
        node.aliases.discard(label)
        self._by_key[("label", entity_type, clean(label))].add(iri)
        for name in dict.fromkeys((label, *names)):  # a name mentioned often is looked at once
            if name != node.label:
                node.aliases.add(name)
            form = index.form(name, entity_type)
            self._by_key[("name", entity_type, form.cleaned)].add(iri)
            self._by_key[("core", entity_type, skeleton(form.core))].add(iri)
            if len(form.core) >= FUZZY_MIN_LENGTH:
                for key in chunk_keys(entity_type, skeleton(form.core)):
                    self._chunks[key].add(iri)

    def lookup(self, kind: str, entity_type: str, key: str) -> set[str]:
        return self._by_key.get((kind, entity_type, key), set())

    def chunk(self, key: str) -> set[str]:
        return self._chunks.get(key, set())

    def clear(self) -> None:
        self.__init__()


class Names:
    """The name look-ups of the linker: the stored index plus the pending documents' names.

    With ``maintain`` (a linker that writes), catching up with the store also undoes the
    relabellings of documents that have left it (:func:`kg.link.labels.forget`).
    """

    def __init__(self, graph_store: GraphStore, places: Mapping[str, str] = MappingProxyType({}),
                 *, maintain: bool = True) -> None:
        self.graph_store = graph_store
        self.stored = NameIndex.open(graph_store, places)
        self.pending = PendingNames()
        self.maintain = maintain and not graph_store.read_only
        self._cache: dict[str, Node | None] = {}
        #: distinct_pairs of the store, read at the first node look-up after a catch-up or a rewrite.
        self._distinct: dict[str, set[str]] | None = None
        self._forget_gone(self.stored.removed_at_open)

    # -- keeping up ------------------------------------------------------------------------------

    def catch_up(self) -> None:
        """Index the pending documents the store now holds. Once it holds them all, the pending
        names are forgotten; a writing linker also forgets a pending document whose write failed
        (a dry run's documents are never written and stay pending for the rest of the process)."""
        documents = self.pending.documents
        if documents and self.stored.writable and not self.graph_store.read_only:
            self.stored.add_documents(self.graph_store, documents)
            unwritten = [d for d in documents if not self.graph_store.has_document(d)]
            if not unwritten or self.maintain:
                self.pending.clear()
                self._forget_gone(unwritten)
        self._forget_cached()

    def sync(self) -> None:
        """Catch up with everything the store gained or lost, whoever wrote it."""
        self.catch_up()
        if self.stored.writable and not self.graph_store.read_only:
            self._forget_gone(self.stored.sync(self.graph_store))
        self._forget_cached()

    def _forget_cached(self) -> None:
        """Drop what was read of the nodes: the store may have changed since."""
        self._cache.clear()
        self._distinct = None

    def _forget_gone(self, documents: list[str] | None) -> None:
        """Undo the relabellings that only these documents, gone from the store, supported
        (None: look at every document a relabelling refers to)."""
        from kg.link import labels

        if not self.maintain or documents == []:
            return
        gone = labels.missing_documents(self.graph_store, documents)
        if gone:
            self.stored.begin_rewrite()
            self.stored.refresh_nodes(self.graph_store, labels.forget(self.graph_store, gone))

    def reading(self) -> AbstractContextManager[None]:
        """A read transaction of the stored index around a document's look-ups."""
        return self.stored.reading()

    def begin_rewrite(self) -> None:
        self.stored.begin_rewrite()

    def refresh_nodes(self, iris: Iterable[str]) -> None:
        iris = list(iris)
        self.stored.refresh_nodes(self.graph_store, iris)
        for iri in iris:
            self._cache.pop(iri, None)
        self._distinct = None  # an unmerge records two nodes as distinct

    # -- recording a document being linked -------------------------------------------------------

    def add(self, document: str, iri: str, entity_type: str, label: str, names: Iterable[str]) -> None:
        """Record that ``document`` names node ``iri`` (labelled ``label``) with ``names``."""
        self.pending.documents.add(document)
        known = self.node(iri)
        if known is not None and iri not in self.pending.nodes:
            self.pending.add(self.stored, iri, known.type, known.label, known.aliases)
            self.pending.nodes[iri].parents |= known.parents
            self.pending.nodes[iri].issuers |= known.issuers
        self.pending.add(self.stored, iri, entity_type, label, names)
        self._cache.pop(iri, None)

    def add_parent(self, iri: str, parent: str) -> None:
        node = self.pending.nodes.get(iri)
        if node is not None:
            node.parents.add(parent)
            self._cache.pop(iri, None)

    def add_issuer(self, iri: str, body: str) -> None:
        node = self.pending.nodes.get(iri)
        if node is not None:
            node.issuers.add(body)
            self._cache.pop(iri, None)

    # -- looking up ------------------------------------------------------------------------------

    def form(self, name: str, entity_type: str) -> NameForm:
        return self.stored.form(name, entity_type)

    def node(self, iri: str) -> Node | None:
        if iri in self._cache:
            return self._cache[iri]
        node = self.pending.nodes.get(iri)
        if node is not None:
            node = Node(node.iri, node.type, node.label, set(node.aliases), set(node.parents), set(node.issuers))
        else:
            stored = self.stored.node(iri)
            if stored is not None:
                entity_type, names, parents, issuers = stored
                labels = [name for name, is_label in names if is_label]
                # Graphs agree on a node's label (relabelling is global); if an older store does
                # not, the fullest form wins, as it would for a new document.
                label = fullest(labels or [name for name, _ in names])
                node = Node(iri, entity_type, label, {n for n, _ in names if n != label}, parents, issuers)
        if node is not None:
            if self._distinct is None:
                self._distinct = distinct_pairs(self.graph_store.store)
            node.distinct = set(self._distinct.get(iri, ()))
        self._cache[iri] = node
        return node

    def by_label(self, entity_type: str, name: str) -> set[str]:
        found = self.stored.by_label(entity_type, name) | self.pending.lookup("label", entity_type, clean(name))
        # a pending relabel moves the label; the stored rows still show the old one
        return {iri for iri in found if clean(self.node(iri).label) == clean(name)} if found else found

    def by_name(self, entity_type: str, name: str) -> set[str]:
        return self.stored.by_name(entity_type, name) | self.pending.lookup("name", entity_type, clean(name))

    def by_core(self, entity_type: str, core: str) -> set[str]:
        return self.stored.by_core(entity_type, core) | self.pending.lookup("core", entity_type, skeleton(core))

    def forms(self, iri: str) -> list[NameForm]:
        node = self.node(iri)
        return [self.form(name, node.type) for name in node.names()] if node else []

    def fuzzy_candidates(self, entity_type: str, core: str) -> list[str]:
        """Nodes with a name the near-miss guard could admit as a fuzzy match of ``core``, those
        sharing the most keys first."""
        counts = self.stored.fuzzy_candidates(entity_type, core)
        if len(core) >= FUZZY_MIN_LENGTH:
            for key in probe_keys(entity_type, skeleton(core)):
                counts.update(self.pending.chunk(key))
        return [iri for iri, _ in counts.most_common(MAX_CANDIDATES)]
