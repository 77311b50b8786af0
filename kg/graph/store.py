"""The graph store: one named graph per document, in a backend (kg.graph.backends: the embedded
Oxigraph store, or a remote SPARQL server shared by several processes).

Every write is one Oxigraph transaction, so a reader (a running ``kg serve``, a concurrent query)
sees a document either completely or not at all, and a changed file's old graph disappears in the
same step its new graph appears. A document too large for one transaction is written in chunks
while hidden from readers (:mod:`kg.graph.chunked`), with the same guarantee. A build's new
documents are queued and bulk-loaded several at a time, hidden until all of them are whole; this
process reads its own queued writes (:meth:`GraphStore.queue_document`).
"""
from __future__ import annotations

import shutil
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import chain, islice
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox

from kg.config import (
    REMOTE_UPDATE_QUADS, STORE_BATCH_QUADS, STORE_CHUNK_QUADS, STORE_FLUSH_QUADS, UPDATE_TRIAL_FOLDER,
    is_remote_location,
)
from kg.errors import StoreError
from kg.faults import fault_point
from kg.graph.backends import Backend, open_backend
from kg.graph.chunked import (
    bulk_load_hidden, complete_dataset, delete_hidden, graph_blocks, heal, hidden_graphs, is_complete_graph, reveal,
    visible_quad_count, visible_quads, write_hidden,
)
from kg.graph.derived import CURRENT, mark_all_stale
from kg.graph.facts import (
    NAMING_PREDICATES, SUPPORT_PREDICATES, Naming, Support, facts_of_stream, naming_in_store, support_in_store,
)
from kg.graph.graph_index import GraphIndex
from kg.model import ENTITY_TYPES, RELATION_TYPES
from kg.vocab import CLASS_TYPE, ID, ID_NAMESPACES, KG, RELATION_PROPERTY

#: Prefixes every query the store runs may use without declaring them; `kg query` shows IRIs with
#: them (region:江苏省), so what it prints can be pasted back into a query.
PREFIXES = {
    "kg": str(KG),
    "id": str(ID),
    **ID_NAMESPACES,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
}

_DOCUMENTS = """
SELECT ?doc ?source ?path ?sha256 ?title ?ingested WHERE {
  GRAPH ?doc {
    ?doc a kg:Document ; kg:sha256 ?sha256 ; kg:sourcePath ?path .
    OPTIONAL { ?doc dcterms:source ?source }
    OPTIONAL { ?doc dcterms:title ?title }
    OPTIONAL { ?doc prov:generatedAtTime ?ingested }
  }
} ORDER BY ?path ?doc
"""


class GraphStore:
    """A store at ``location``: a folder, a SPARQL query endpoint URL (with ``update_url`` to
    write), or in memory when None (tests).

    ``store`` is the :class:`~kg.graph.backends.Backend` for callers that need more than this API (the
    SPARQL endpoint, the exports); queries through :meth:`query` see the union of all document
    graphs as their default graph. Beside it lives the :class:`~kg.graph.graph_index.GraphIndex`
    that the writes below keep current; :meth:`current_index` is how readers get it.
    """

    def __init__(self, location: str | Path | None, *, read_only: bool = False,
                 update_url: str | None = None) -> None:
        self.store: Backend = open_backend(location, update_url=update_url, read_only=read_only)
        #: The store's folder (None: in memory, or remote, so the derived indexes are this process's own).
        self.path = self.store.path
        self.location = str(location) if location is not None else "(in-memory store)"
        self.remote = is_remote_location(self.location)
        self.read_only = read_only or (self.remote and update_url is None)
        #: Quads per write transaction beyond which a graph is written or deleted in hidden chunks.
        self.chunk_quads = REMOTE_UPDATE_QUADS if self.remote else STORE_CHUNK_QUADS
        self.index = GraphIndex.for_store(self.path, read_only=read_only)
        if not self.read_only:
            # a chunked write died: its graphs are gone again (not over a shared remote store, where
            # a hidden graph may be another live writer's)
            if not self.remote and heal(self.store, self.path, STORE_CHUNK_QUADS):
                self.index.mark_stale()
                if self.path is not None:
                    mark_all_stale(self.path)
            if self.path is not None:  # the edge-only index of earlier versions, superseded by the graph index
                for suffix in ("", "-wal", "-shm"):
                    (self.path / f"kg-edge-index.sqlite3{suffix}").unlink(missing_ok=True)
                # its hard links would keep files the store has compacted away
                shutil.rmtree(self.path / UPDATE_TRIAL_FOLDER, ignore_errors=True)
            if self.store.is_empty():
                self.index.rebuild({}, set())  # an empty store: nothing to derive
        self._writing = threading.RLock()  # one write (store + index) at a time in this process
        self._unflushed = 0  # quads written since RocksDB's buffers were last flushed
        #: New documents waiting for one bulk load (queue_document): graph → its quads, its file's path.
        self._queue: dict[str, tuple[list[ox.Quad], str | None]] = {}
        self._queued_quads = 0
        self._queued_support: Support = {}  # the queued documents' graph-index facts
        self._queued_naming: Naming = set()

    # -- reading ---------------------------------------------------------------------------------

    def query(self, sparql: str, **options):
        """Run a SPARQL query with the union of all complete document graphs as default graph
        (the queued documents written first)."""
        self.write_queued()
        return self._query(sparql, **options)

    def _query(self, sparql: str, **options):
        if not {"use_default_graph_as_union", "default_graph", "named_graphs"} & options.keys():
            options.update(complete_dataset(self.store))
        options.setdefault("prefixes", PREFIXES)
        return self.store.query(sparql, **options)

    def settled(self) -> ox.Store:
        """The raw pyoxigraph store with the queued documents written first: what code reading quads
        directly (the linker's records, the name index) reads, so none of them misses a queued one."""
        self.write_queued()
        return self.store

    def document_for_path(self, source_path: str) -> str | None:
        """IRI of the document currently stored for the file at absolute path ``source_path``."""
        found = self.documents_for_path(source_path)
        return found[0] if found else None

    def source_path(self, doc_iri: str) -> str | None:
        """The file path the stored document ``doc_iri`` was read from (its kg:sourcePath)."""
        document = ox.NamedNode(doc_iri)
        return next((q.object.value for q in visible_quads(self.store, document, _SOURCE_PATH, None, document)), None)

    def documents_for_path(self, source_path: str) -> list[str]:
        """Every document graph recorded for ``source_path`` (normally at most one), queued or stored."""
        path = ox.Literal(str(source_path))
        # a pattern scan rather than a SPARQL query: a build asks this of every document
        stored = [q.graph_name.value for q in visible_quads(self.store, None, _SOURCE_PATH, path)
                  if q.subject == q.graph_name]
        queued = [doc for doc, (_, queued_path) in self._queue.items() if queued_path == path.value]
        return sorted({*stored, *queued})

    def has_document(self, doc_iri: str) -> bool:
        return doc_iri in self._queue or is_complete_graph(self.store, ox.NamedNode(doc_iri))

    def queued_quads(self, doc_iri: str) -> list[ox.Quad] | None:
        """The quads of a document queued and not written yet (None if it is not queued): what this
        process's derived data (the linker's name index) learns it from meanwhile."""
        queued = self._queue.get(doc_iri)
        return queued[0] if queued is not None else None

    def documents(self) -> list[dict]:
        """One dict per stored document: iri, source, path, sha256, title, ingested_at."""
        seen: dict[str, dict] = {}
        for row in self.query(_DOCUMENTS):
            iri = row["doc"].value
            if iri in seen:
                continue
            seen[iri] = {
                "iri": iri,
                "source": _value(row["source"]),
                "path": _value(row["path"]),
                "sha256": _value(row["sha256"]),
                "title": _value(row["title"]),
                "ingested_at": _value(row["ingested"]),
            }
        return list(seen.values())

    def quad_count(self) -> int:
        """The quads of the complete graphs (the store's own count while no graph is hidden)."""
        self.write_queued()
        return visible_quad_count(self.store)

    def stats(self) -> dict:
        """Counts over the union graph: documents, distinct entities by type, distinct relation
        triples by type, and stored quads."""
        entities = {t: 0 for t in ENTITY_TYPES}
        for row in self.query(
            "SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?class } GROUP BY ?class"
        ):
            entity_type = CLASS_TYPE.get(row["class"].value)
            if entity_type:
                entities[entity_type] = int(row["n"].value)
        relations = {r: 0 for r in RELATION_TYPES}
        property_relation = {str(p): r for r, p in RELATION_PROPERTY.items()}
        values = " ".join(f"<{p}>" for p in property_relation)
        for row in self.query(
            "SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?h ?p ?t WHERE {"
            f" VALUES ?p {{ {values} }} ?h ?p ?t }} }} GROUP BY ?p"
        ):
            relations[property_relation[row["p"].value]] = int(row["n"].value)
        documents = next(iter(self.query(
            "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?d a kg:Document } }"
        )))["n"]
        return {
            "documents": int(documents.value),
            "entities": entities,
            "relations": relations,
            "quads": self.quad_count(),
        }

    # -- writing ---------------------------------------------------------------------------------

    def queue_document(self, doc_iri: str, quads: Iterable[ox.Quad], *, replaces: Iterable[str] = ()) -> None:
        """Store a document's quads (all in graph ``doc_iri``) as :meth:`write_document` does, but a
        new graph of the embedded store waits in a queue and goes in with the next ones, in one bulk
        load once they hold :data:`~kg.config.STORE_BATCH_QUADS` quads (or at the next read or other
        write of this store: :meth:`write_queued`). Until then this process sees it as stored
        (:meth:`has_document`, :meth:`documents_for_path`, :meth:`queued_quads`); other processes see
        nothing of it, as of a document being written."""
        self._check_writable()
        old = [iri for iri in dict.fromkeys(replaces) if iri != doc_iri]
        if old or self.remote or not hasattr(self.store, "bulk_extend"):
            self.write_queued()
            self.write_document(doc_iri, quads, replaces=old)
            return
        checked = _in_graph(quads, doc_iri)
        support: Support = {}
        naming: Naming = set()
        first = list(islice(facts_of_stream(checked, support, naming), self.chunk_quads + 1))
        if len(first) > self.chunk_quads:  # a long document: written in chunks, on its own
            self.write_queued()
            self._write_in_chunks(doc_iri, chain(first, checked), [])
            return
        with self._writing:  # a reader thread (the server's) may write the queue meanwhile
            self._queued_support.update(support)
            self._queued_naming |= naming
            self._queue[doc_iri] = (first, _source_path(first, doc_iri))
            self._queued_quads += len(first)
            if self._queued_quads >= STORE_BATCH_QUADS:
                self.write_queued()

    def write_queued(self) -> None:
        """Write the queued documents in one bulk load (:func:`~kg.graph.chunked.bulk_load_hidden`:
        hidden until all are whole) and their index facts in one index transaction. The queue is
        emptied first: documents that fail to load (the store's error is raised) are not retried."""
        if not self._queue:
            return
        with self._writing:
            queue, support, naming = self._queue, self._queued_support, self._queued_naming
            self._queue, self._queued_quads, self._queued_support, self._queued_naming = {}, 0, {}, set()
            graphs = list(queue)
            quads = [quads for quads, _ in queue.values()]
            if not graphs:  # another thread wrote them
                return
            self.index.begin_write()
            fault_point("graph-index-writing")
            try:
                bulk_load_hidden(self.store, graphs, chain.from_iterable(quads), self.chunk_quads)
            except OSError as err:
                raise StoreError(f"cannot write {len(graphs)} documents to {self._where()}: {err}") from None
            fault_point("store-written")
            with self.index.catching_up():
                self.index.replace_documents(graphs, support, naming)

    def write_document(
        self, doc_iri: str, quads: Iterable[ox.Quad], *, replaces: Iterable[str] = ()
    ) -> None:
        """Store a document's quads (all in graph ``doc_iri``) in one transaction, or, beyond
        :attr:`chunk_quads` quads, in hidden chunks (:meth:`_write_in_chunks`); ``quads`` is read
        once, so a generator keeps a long document's quads out of memory.

        Graphs named in ``replaces`` (the file's previous versions) are dropped in that same
        transaction. A new graph goes through the embedded store's bulk loader, hidden until whole
        (:func:`~kg.graph.chunked.bulk_load_hidden`); into a remote store, one ``INSERT DATA``;
        replacing needs a removal too, so it runs as one SPARQL update (``DROP GRAPH …; INSERT
        DATA …``), which Oxigraph applies atomically.
        """
        self._check_writable()
        quads = _in_graph(quads, doc_iri)
        old = [iri for iri in dict.fromkeys(replaces) if iri != doc_iri]
        support: Support = {}
        naming: Naming = set()
        first = list(islice(facts_of_stream(quads, support, naming), self.chunk_quads + 1))
        if len(first) > self.chunk_quads:
            self._write_in_chunks(doc_iri, chain(first, quads), old)
            return
        quads = first
        self.write_queued()
        with self._writing:
            self.index.begin_write()
            fault_point("graph-index-writing")
            try:
                if not old and hasattr(self.store, "bulk_extend"):
                    bulk_load_hidden(self.store, [doc_iri], quads, self.chunk_quads)
                elif not old:
                    self.store.extend(quads)
                    self._flush_every(len(quads))
                else:
                    drops = " ".join(f"DROP SILENT GRAPH <{iri}> ;" for iri in old)
                    body = " .\n".join(str(q.triple) for q in quads)
                    self.store.update(f"{drops} INSERT DATA {{ GRAPH <{doc_iri}> {{\n{body}\n}} }}")
                    self._flush_every(len(quads))
            except OSError as err:
                raise StoreError(f"cannot write {doc_iri} to {self._where()}: {err}") from None
            fault_point("store-written")
            with self.index.catching_up():
                self.index.replace_documents([doc_iri, *old], support, naming)

    def _write_in_chunks(self, doc_iri: str, quads: Iterable[ox.Quad], old: list[str]) -> None:
        """Write a long document hidden, chunk by chunk; reveal it and hide the graphs it replaces
        in one step; then delete those. Its index facts are gathered as its quads pass, so no chunk
        is held longer than its transaction."""
        support: Support = {}
        naming: Naming = set()
        self.write_queued()
        with self._writing:
            self.index.begin_write()
            fault_point("graph-index-writing")
            try:
                write_hidden(self.store, doc_iri, facts_of_stream(quads, support, naming), self.chunk_quads)
                reveal(self.store, [doc_iri], hiding=old)
                fault_point("store-written")
                for iri in old:
                    delete_hidden(self.store, iri, self.chunk_quads)
            except OSError as err:
                raise StoreError(f"cannot write {doc_iri} to {self._where()}: {err}") from None
            with self.index.catching_up():
                self.index.replace_documents([doc_iri, *old], support, naming)

    def _flush_every(self, written: int) -> None:
        """Flush RocksDB's write buffers to disk every ``STORE_FLUSH_QUADS`` quads written in
        transactions: left alone they grow with the build (850 MiB after 900k quads), flushed they
        stay under ~200 MiB. Bulk loads (new graphs, and the chunks of long ones) bypass the
        buffers, so they are not counted: flushing after them only made RocksDB merge more small
        files (~8% of a 480-document build's CPU)."""
        self._unflushed += written
        if self.path is not None and self._unflushed >= STORE_FLUSH_QUADS:
            self.store.flush()
            self._unflushed = 0

    def remove_document(self, doc_iri: str) -> int:
        """Drop a document's graph and everything it contributed; returns the quads removed."""
        self._check_writable()
        self.write_queued()
        graph = ox.NamedNode(doc_iri)
        count = sum(1 for _ in self.store.quads_for_pattern(None, None, None, graph))
        with self._writing:
            self.index.begin_write()
            fault_point("graph-index-writing")
            try:
                if count > self.chunk_quads:
                    delete_hidden(self.store, doc_iri, self.chunk_quads)
                else:
                    self.store.remove_graph(graph)
            except OSError as err:
                raise StoreError(f"cannot remove {doc_iri} from {self._where()}: {err}") from None
            fault_point("store-written")
            with self.index.catching_up():
                self.index.replace_documents([doc_iri], {}, set())
        return count

    def rewrite(self, delete: Iterable[ox.Quad], insert: Iterable[ox.Quad], *, drop: Iterable[str] = ()) -> None:
        """Delete and insert quads across graphs, then drop the graphs ``drop``, in one atomic
        update (a relabelling rewrites every graph labelling a node; an unmerge moves relations),
        and re-derive the index facts the changed quads bear on."""
        self._check_writable()
        delete, insert, drop = list(dict.fromkeys(delete)), list(dict.fromkeys(insert)), list(dict.fromkeys(drop))
        parts = [f"{verb} DATA {{ {graph_blocks(quads)} }}" for verb, quads in (("DELETE", delete), ("INSERT", insert))
                 if quads] + [f"DROP SILENT GRAPH <{graph}>" for graph in drop]
        if not parts:
            return
        self.write_queued()
        changed = delete + insert
        evidence = {q.graph_name.value for q in changed if q.predicate.value in SUPPORT_PREDICATES}
        named = [q for q in changed if q.predicate.value in NAMING_PREDICATES]
        graphs, nodes = {q.graph_name.value for q in named}, {q.subject.value for q in named}
        with self._writing:
            self.index.begin_write()
            fault_point("graph-index-writing")
            try:
                self.store.update(" ;\n".join(parts))
            except OSError as err:
                raise StoreError(f"cannot update {self._where()}: {err}") from None
            fault_point("store-written")
            support, naming = support_in_store(self.store, evidence), naming_in_store(self.store, graphs, nodes)
            with self.index.catching_up():
                self.index.replace_documents(drop, {}, set())
                self.index.replace_facts(evidence, support, graphs, nodes, naming)

    @contextmanager
    def raw_write(self) -> Iterator[Backend]:
        """For writes whose effect the store cannot follow (a SPARQL Update, a Graph Store write):
        every derived index (:mod:`kg.graph.derived`) is marked stale before them, so the next
        reader or writer rebuilds it."""
        self._check_writable()
        self.write_queued()
        with self._writing:
            self.index.mark_stale()
            if self.path is not None:
                mark_all_stale(self.path)
            yield self.store

    def current_index(self) -> GraphIndex:
        """The graph index, brought up to date with the store if it may have missed a write.

        A writable store rebuilds its index in place; a read-only one whose index is missing or out
        of date (another process is writing, or wrote behind the index's back) gets a temporary
        in-memory index derived from the store, valid for this reader. A remote store's index is
        this process's own, rebuilt whenever the store's revision says another process wrote.
        """
        self.write_queued()
        with self._writing:
            revision = self.store.revision()
            if self.index is not None and self.index.status == CURRENT and revision == self.store.known_revision:
                return self.index
            index = self.index if not self.read_only or self.path is None else GraphIndex(None)
            hidden = hidden_graphs(self.store)  # a reader beside a chunked write, or after it died
            support = {key: conf for key, conf in support_in_store(self.store).items() if key[0] not in hidden}
            index.rebuild(support, {row for row in naming_in_store(self.store) if row[0] not in hidden})
            self.store.known_revision = revision
            return index

    # -- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        """Write the queued documents, flush and release the store (and its lock, so another ``kg``
        process may open it)."""
        try:
            if "store" in self.__dict__:
                self.write_queued()
        finally:
            store = self.__dict__.pop("store", None)
            if store is not None and self.path is not None and not self.read_only:
                store.flush()
            if store is not None:
                store.close()
            index = self.__dict__.pop("index", None)
            if index is not None:
                index.close()

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _check_writable(self) -> None:
        if self.read_only:
            hint = " (give --store-update URL, its SPARQL Update endpoint, to write)" if self.remote else ""
            raise StoreError(f"store {self._where()} is open read-only{hint}")

    def _where(self) -> str:
        return self.location


_SOURCE_PATH = ox.NamedNode(str(KG.sourcePath))


def _in_graph(quads: Iterable[ox.Quad], doc_iri: str) -> Iterator[ox.Quad]:
    """``quads``, checked as they pass to lie in the document graph ``doc_iri``."""
    graph = ox.NamedNode(doc_iri)
    for quad in quads:
        if quad.graph_name != graph:
            raise ValueError(f"quad outside document graph {doc_iri}: {quad}")
        yield quad


def _source_path(quads: list[ox.Quad], doc_iri: str) -> str | None:
    """The file path a document's quads record (kg:sourcePath of the document node)."""
    document = ox.NamedNode(doc_iri)
    return next((q.object.value for q in quads if q.predicate == _SOURCE_PATH and q.subject == document), None)


def _value(term) -> str | None:
    return term.value if term is not None else None
