"""A document graph larger than one transaction is written in hidden chunks (kg.graph.chunked):
the store, its index and every reader end up as with a one-transaction write, and no reader ever
sees the document half-written (issue 12, finding 6)."""
from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from export_fixtures import (
    document_quads, entities_in_index, entities_in_store, relations_in_index, relations_in_store, small_docs,
)

import kg.graph.store
from kg.graph.chunked import hidden_graphs
from kg.graph.derived import CURRENT
from kg.graph.store import GraphStore
from kg.vocab import document_iri

CHUNK = 7


@pytest.fixture
def small_chunks(monkeypatch) -> None:
    monkeypatch.setattr(kg.graph.store, "STORE_CHUNK_QUADS", CHUNK)


def quads_of(graph_store: GraphStore) -> set[ox.Quad]:
    return set(graph_store.store.quads_for_pattern(None, None, None))


def written_at_once(tmp_path) -> GraphStore:
    graph_store = GraphStore(tmp_path / "at-once")
    for doc in small_docs():
        graph_store.write_document(document_iri(doc.sha), document_quads(doc))
    return graph_store


def test_a_document_written_in_chunks_is_stored_and_indexed_as_one_written_at_once(tmp_path, small_chunks):
    first, second = small_docs()[:2]
    assert len(document_quads(first)) > 3 * CHUNK
    with GraphStore(tmp_path / "chunked") as chunked, GraphStore(None) as reference:
        for doc in (first, second):
            chunked.write_document(document_iri(doc.sha), iter(document_quads(doc)))
            reference.write_document(document_iri(doc.sha), document_quads(doc))
        assert quads_of(chunked) == quads_of(reference)
        assert chunked.index.status == CURRENT
        assert relations_in_index(chunked) == relations_in_store(chunked) == relations_in_index(reference)
        assert entities_in_index(chunked) == entities_in_store(chunked) == entities_in_index(reference)


def count_quads(graph_store: GraphStore) -> int:
    return int(next(iter(graph_store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)


def test_readers_never_see_a_document_while_its_chunks_are_written(tmp_path, small_chunks):
    """The quads stream into the store a chunk at a time (never all held), unseen until complete."""
    first, second = small_docs()[:2]
    seen: list[tuple[int, bool]] = []
    stored: list[int] = []
    with GraphStore(tmp_path / "store") as graph_store:
        graph_store.write_document(document_iri(first.sha), document_quads(first))
        before = count_quads(graph_store)

        def watched(quads: list[ox.Quad]) -> Iterator[ox.Quad]:
            for i, quad in enumerate(quads):
                if i and i % CHUNK == 0:  # a chunk is in the store now
                    seen.append((count_quads(graph_store), graph_store.has_document(document_iri(second.sha))))
                    stored.append(len(graph_store.store))
                yield quad

        graph_store.write_document(document_iri(second.sha), watched(document_quads(second)))
        assert len(seen) > 2 and set(seen) == {(before, False)}
        assert stored == sorted(set(stored)) and stored[-1] - stored[0] >= CHUNK * (len(stored) - 2)
        assert graph_store.has_document(document_iri(second.sha))
        assert count_quads(graph_store) == len(quads_of(graph_store)) > before
        assert not hidden_graphs(graph_store.store)


def test_a_chunked_replacement_and_removal_leave_what_one_transaction_leaves(tmp_path, small_chunks):
    first, second = small_docs()[:2]
    with GraphStore(tmp_path / "chunked") as chunked, GraphStore(None) as reference:
        for graph_store in (chunked, reference):
            graph_store.write_document(document_iri(first.sha), document_quads(first))
        for graph_store in (chunked, reference):  # the second document replaces the first
            graph_store.write_document(document_iri(second.sha), document_quads(second),
                                       replaces=[document_iri(first.sha)])
        assert quads_of(chunked) == quads_of(reference)
        assert relations_in_index(chunked) == relations_in_store(chunked) == relations_in_index(reference)
        assert chunked.remove_document(document_iri(second.sha)) == len(document_quads(second))
        assert quads_of(chunked) == set() and not list(chunked.store.named_graphs())
        assert relations_in_index(chunked) == {}


def test_a_chunked_write_that_fails_midway_leaves_no_trace(tmp_path, small_chunks):
    first, second = small_docs()[:2]
    with GraphStore(tmp_path / "store") as graph_store:
        graph_store.write_document(document_iri(first.sha), document_quads(first))
        before = quads_of(graph_store)
        stray = ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.NamedNode("http://e/o"),
                        ox.NamedNode("http://e/elsewhere"))
        with pytest.raises(ValueError, match="outside document graph"):
            graph_store.write_document(document_iri(second.sha), [*document_quads(second), stray])
        assert quads_of(graph_store) == before
        assert not graph_store.has_document(document_iri(second.sha))


class _Loads:
    """A pyoxigraph store that counts how its quads arrive: write transactions or bulk loads."""

    def __init__(self, store: ox.Store) -> None:
        self.store, self.transaction_quads, self.bulk_quads = store, 0, 0

    def extend(self, quads) -> None:
        quads = list(quads)
        self.transaction_quads += len(quads)
        self.store.extend(quads)

    def bulk_extend(self, quads) -> None:
        quads = list(quads)
        self.bulk_quads += len(quads)
        self.store.bulk_extend(quads)

    def __getattr__(self, name):
        return getattr(self.store, name)

    def __contains__(self, quad: ox.Quad) -> bool:
        return quad in self.store


def test_the_chunks_of_a_long_document_go_through_the_bulk_loader(tmp_path, small_chunks):
    """A hidden graph need not appear in one step, so its chunks take the bulk loader (half the
    CPU of a write transaction: 100k quads in 1.0 instead of 2.0 CPU-s), not transactions."""
    from kg.graph.backends.embedded import EmbeddedStore

    first = small_docs()[0]
    with GraphStore(tmp_path / "chunked") as graph_store, GraphStore(None) as reference:
        loads = _Loads(graph_store.store.raw)
        graph_store.store = EmbeddedStore(loads, graph_store.path)
        graph_store.write_document(document_iri(first.sha), iter(document_quads(first)))
        reference.write_document(document_iri(first.sha), document_quads(first))
        assert quads_of(graph_store) == quads_of(reference)
        assert loads.bulk_quads == len(document_quads(first)) and loads.transaction_quads <= 1  # the marker
