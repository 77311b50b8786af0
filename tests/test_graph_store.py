"""GraphStore: per-document atomic writes and replacements, counts, and clear errors."""
from __future__ import annotations

import subprocess
import sys
import threading
from datetime import datetime, timezone

import pyoxigraph as ox
import pytest

from export_fixtures import entities_in_index, entities_in_store, relations_in_index, relations_in_store
from graph_fixtures import sample_document, sample_extraction
from kg.errors import StoreError
from kg.graph.builder import extraction_quads
from kg.graph.store import GraphStore
from kg.vocab import KG, document_iri, entity_iri

WHEN = datetime(2026, 3, 1, tzinfo=timezone.utc)
SECOND_TEXT = "苏州市重点发展新能源汽车。"


def document_quads(text: str | None = None, path: str = "/data/docs/sample.txt"):
    document = sample_document(path=path) if text is None else sample_document(text=text, path=path)
    extraction = sample_extraction(document) if text is None else _second_extraction(document)
    return document_iri(document.sha256), extraction_quads(extraction, ingested_at=WHEN)


def _second_extraction(document):
    from kg.model import Entity, Extraction, Mention, Relation

    region = Entity("Region", "苏州市", "苏州市", entity_iri("Region", "苏州市"), mentions=[Mention("苏州市", 0, 3, 0)])
    industry = Entity("Industry", "新能源汽车", "新能源汽车", entity_iri("Industry", "新能源汽车"),
                      mentions=[Mention("新能源汽车", 7, 12, 0)])
    return Extraction(document, [region, industry], [Relation(region.iri, "develops", industry.iri, 0.9, 0, "p")])


@pytest.fixture
def store():
    with GraphStore(None) as graph_store:
        yield graph_store


def test_write_and_read_back_a_document(store):
    doc, quads = document_quads()
    assert not store.has_document(doc)
    store.write_document(doc, quads)
    assert store.has_document(doc)
    assert store.quad_count() == len(quads)
    assert store.document_for_path("/data/docs/sample.txt") == doc
    assert store.document_for_path("/data/docs/other.txt") is None
    [info] = store.documents()
    assert info == {
        "iri": doc, "source": "sample.txt", "path": "/data/docs/sample.txt",
        "sha256": doc.rsplit("/", 1)[1], "title": "江苏省新能源汽车产业发展规划",
        "ingested_at": "2026-03-01T00:00:00Z",
    }


def test_query_sees_the_union_of_document_graphs(store):
    first, first_quads = document_quads()
    second, second_quads = document_quads(SECOND_TEXT, path="/data/docs/second.txt")
    store.write_document(first, first_quads)
    store.write_document(second, second_quads)
    rows = list(store.query("SELECT DISTINCT ?r WHERE { ?r kg:develops ?i }"))
    assert [row["r"].value for row in rows] == [entity_iri("Region", "苏州市")]
    # Oxigraph's union keeps one copy per graph: counting statements needs DISTINCT.
    count = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s kg:develops ?o }")))["n"]
    assert int(count.value) == 2


def test_stats_count_distinct_entities_and_relations(store):
    for doc, quads in (document_quads(), document_quads(SECOND_TEXT, path="/data/docs/second.txt")):
        store.write_document(doc, quads)
    stats = store.stats()
    assert stats["documents"] == 2
    assert stats["entities"] == {"Policy": 1, "Region": 2, "Enterprise": 0, "Industry": 1, "Organization": 1}
    assert stats["relations"] == {"issued_by": 1, "targets": 1, "applies_to": 1, "located_in": 0,
                                  "operates_in": 0, "develops": 1, "part_of": 1}
    assert stats["quads"] == store.quad_count()


def test_replace_swaps_graphs_and_leaves_others_untouched(store):
    old, old_quads = document_quads()
    other, other_quads = document_quads(SECOND_TEXT, path="/data/docs/second.txt")
    store.write_document(old, old_quads)
    store.write_document(other, other_quads)
    changed = sample_document(text="江苏省人民政府印发《江苏省新能源汽车产业发展规划》。苏州市重点发展新能源汽车。")
    new_quads = extraction_quads(_second_extraction_at(changed), ingested_at=WHEN)
    new = document_iri(changed.sha256)
    store.write_document(new, new_quads, replaces=[old])
    assert not store.has_document(old) and store.has_document(new) and store.has_document(other)
    assert store.quad_count() == len(new_quads) + len(other_quads)
    assert store.document_for_path("/data/docs/sample.txt") == new
    assert sorted(d["iri"] for d in store.documents()) == sorted([new, other])


def _second_extraction_at(document):
    from kg.model import Entity, Extraction, Mention

    start = document.text.index("苏州市")
    region = Entity("Region", "苏州市", "苏州市", entity_iri("Region", "苏州市"),
                    mentions=[Mention("苏州市", start, start + 3, 1)])
    return Extraction(document, [region], [])


def test_remove_document_drops_its_graph_and_reports_quads(store):
    doc, quads = document_quads()
    other, other_quads = document_quads(SECOND_TEXT, path="/data/docs/second.txt")
    store.write_document(doc, quads)
    store.write_document(other, other_quads)
    assert store.remove_document(doc) == len(quads)
    assert not store.has_document(doc)
    assert store.quad_count() == len(other_quads)
    assert store.remove_document(doc) == 0


def test_quads_outside_the_document_graph_are_refused_and_nothing_is_written(store):
    doc, quads = document_quads()
    stray = ox.Quad(quads[0].subject, quads[0].predicate, quads[0].object, ox.NamedNode("https://example.org/g"))
    with pytest.raises(ValueError, match="outside document graph"):
        store.write_document(doc, [*quads, stray])
    assert store.quad_count() == 0


def test_readers_never_see_half_a_replacement(tmp_path):
    """A reader polling while a document is replaced back and forth sees the old or the new
    document in full, never both, neither, or part of one."""
    a, a_quads = document_quads()
    b, b_quads = document_quads(SECOND_TEXT, path="/data/docs/sample.txt")
    with GraphStore(tmp_path / "store") as store:
        store.write_document(a, a_quads)
        states = {len(a_quads), len(b_quads)}
        seen: list[int] = []
        done = threading.Event()

        def read() -> None:
            while not done.is_set():
                seen.append(int(next(iter(store.store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))["n"].value))

        reader = threading.Thread(target=read)
        reader.start()
        current = a
        for _ in range(30):
            nxt, nxt_quads = (b, b_quads) if current == a else (a, a_quads)
            store.write_document(nxt, nxt_quads, replaces=[current])
            current = nxt
        done.set()
        reader.join()
    assert seen and set(seen) <= states


def test_a_store_in_use_by_another_process_is_a_clear_error(tmp_path):
    path = tmp_path / "store"
    with GraphStore(path):
        holder = subprocess.run(
            [sys.executable, "-c", "from kg.graph.store import GraphStore; GraphStore(%r)" % str(path)],
            capture_output=True, text=True,
        )
        assert holder.returncode != 0
        assert "in use by another process" in holder.stderr
        with pytest.raises(StoreError, match="in use"):
            GraphStore(path)
    GraphStore(path).close()  # closing released the lock


@pytest.mark.parametrize("read_only", [False, True])
def test_a_damaged_store_folder_is_a_clear_error(tmp_path, read_only):
    """RocksDB's 'Corruption: …' came as a RuntimeError, which the CLI could only print as
    'RuntimeError: Corruption: … (run with --debug for details)'."""
    path = tmp_path / "store"
    with GraphStore(path) as store:
        store.write_document(*document_quads())
    (path / "CURRENT").write_bytes((path / "CURRENT").read_bytes().rstrip(b"\n"))  # truncated by one byte
    with pytest.raises(StoreError) as caught:
        GraphStore(path, read_only=read_only)
    assert str(caught.value) == (f"store {path} is damaged (Corruption: CURRENT file does not end with newline); "
                                 "restore the folder from a copy, or build the documents again into a new --store")


def test_a_folder_of_other_files_is_no_store_to_write_into(tmp_path):
    """--store pointed at the user's own folder (kg build docs --store docs) wrote RocksDB's files among theirs."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notice.txt").write_text("江苏省人民政府关于印发……的通知", encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        GraphStore(docs)
    assert str(caught.value) == f"{docs} holds other files and no graph store; give --store a new or empty folder"
    assert [p.name for p in docs.iterdir()] == ["notice.txt"]
    (tmp_path / "empty").mkdir()
    for folder in (tmp_path / "empty", tmp_path / "new"):  # an empty or a new folder becomes a store
        with GraphStore(folder) as store:
            store.write_document(*document_quads())
        GraphStore(folder).close()  # and opens again as one


def test_read_only_store(tmp_path):
    path = tmp_path / "store"
    with pytest.raises(StoreError, match="no graph store"):
        GraphStore(path, read_only=True)
    assert not path.exists()
    doc, quads = document_quads()
    with GraphStore(path) as store:
        store.write_document(doc, quads)
    with GraphStore(path, read_only=True) as reader:
        assert reader.has_document(doc) and reader.quad_count() == len(quads)
        with pytest.raises(StoreError, match="read-only"):
            reader.remove_document(doc)


def test_data_persists_on_disk(tmp_path):
    doc, quads = document_quads()
    with GraphStore(tmp_path / "store") as store:
        store.write_document(doc, quads)
    with GraphStore(tmp_path / "store") as store:
        assert store.quad_count() == len(quads)
        assert store.document_for_path("/data/docs/sample.txt") == doc


def test_replacement_keeps_every_literal_exactly(store):
    """Replacing goes through SPARQL text: quotes, backslashes, newlines and tabs survive it."""
    old, old_quads = document_quads()
    store.write_document(old, old_quads)
    graph = ox.NamedNode(document_iri("e" * 64))
    tricky = ox.Literal('他说："见\\n附件"\n\t第二行 \\ 结束', language="zh")
    quads = [ox.Quad(graph, ox.NamedNode("https://example.org/p"), tricky, graph),
             ox.Quad(graph, ox.NamedNode("https://example.org/q"), ox.Literal("1.50", datatype=ox.NamedNode(
                 "http://www.w3.org/2001/XMLSchema#decimal")), graph)]
    store.write_document(graph.value, quads, replaces=[old])
    added = ox.Store()
    added.extend(quads)  # the plain-add path (Oxigraph canonicalises 1.50 to 1.5 on both)
    assert set(store.store) == set(added) and len(added) == 2


def test_queued_documents_are_this_process_s_until_one_load_writes_them_all(tmp_path):
    doc, quads = document_quads()
    other, other_quads = document_quads(SECOND_TEXT, path="/data/docs/second.txt")
    with GraphStore(tmp_path / "store") as store:
        store.queue_document(doc, quads)
        store.queue_document(other, other_quads)
        assert store.has_document(doc) and store.has_document(other)
        assert store.documents_for_path("/data/docs/second.txt") == [other]
        assert store.queued_quads(other) == other_quads
        assert store.store.is_empty()  # nothing in the store yet
        assert store.quad_count() == len(quads) + len(other_quads)  # a read writes the queue first
        assert store.queued_quads(other) is None
        assert {d["iri"] for d in store.documents()} == {doc, other}
        assert store.current_index() is store.index  # current: the load's facts went in with it
        assert relations_in_index(store) == relations_in_store(store) != {}
        assert entities_in_index(store) == entities_in_store(store)


def test_the_queue_goes_in_once_it_holds_a_batch_of_quads(tmp_path, monkeypatch):
    monkeypatch.setattr("kg.graph.store.STORE_BATCH_QUADS", 120)
    doc, quads = document_quads()
    other, other_quads = document_quads(SECOND_TEXT, path="/data/docs/second.txt")
    assert len(quads) < 120 <= len(quads) + len(other_quads)
    with GraphStore(tmp_path / "store") as store:
        store.queue_document(doc, quads)
        assert store.store.is_empty()
        store.queue_document(other, other_quads)
        assert {g.value for g in store.store.named_graphs()} == {doc, other}
        assert store.queued_quads(doc) is None and len(store.store) == len(quads) + len(other_quads)


def test_closing_the_store_writes_its_queue(tmp_path):
    doc, quads = document_quads()
    with GraphStore(tmp_path / "store") as store:
        store.queue_document(doc, quads)
    with GraphStore(tmp_path / "store", read_only=True) as store:
        assert store.has_document(doc) and store.quad_count() == len(quads)


def test_a_queued_document_outside_its_graph_is_refused_and_not_queued(store):
    doc, quads = document_quads()
    stray = ox.Quad(quads[0].subject, quads[0].predicate, quads[0].object, ox.NamedNode("https://example.org/g"))
    with pytest.raises(ValueError, match="outside document graph"):
        store.queue_document(doc, [*quads, stray])
    assert not store.has_document(doc) and store.quad_count() == 0


def test_a_failed_load_leaves_nothing_of_its_documents_and_the_next_goes_in(tmp_path, monkeypatch):
    doc, quads = document_quads()
    other, other_quads = document_quads(SECOND_TEXT, path="/data/docs/second.txt")
    with GraphStore(tmp_path / "store") as store:
        store.queue_document(doc, quads)
        store.queue_document(other, other_quads)
        real = store.store.bulk_extend

        def half_then_fail(batch):
            real(list(batch)[:10])
            raise OSError("No space left on device")

        monkeypatch.setattr(store.store, "bulk_extend", half_then_fail)
        with pytest.raises(StoreError, match="cannot write 2 documents to .*No space left on device"):
            store.write_queued()
        monkeypatch.undo()
        assert store.store.is_empty() and not store.has_document(doc) and not store.has_document(other)
        store.queue_document(other, other_quads)
        assert store.quad_count() == len(other_quads) and store.documents_for_path("/data/docs/second.txt") == [other]


def test_the_documents_of_a_path_are_the_complete_graphs_whose_document_node_records_it(store):
    """Neither a graph still hidden (being written in chunks) nor a path some other node of a
    graph records is a document of the path; a path with quotes and backslashes is matched as written."""
    from kg.graph.chunked import _marker, reveal

    path = '/data/docs/"报告"\\2024.txt'
    doc, quads = document_quads(path=path)
    store.store.add(_marker(store.store, doc))  # hidden, as while a chunked write is under way
    store.store.extend(quads)
    other = ox.NamedNode(f"{doc}x")
    source_path = ox.NamedNode(str(KG.sourcePath))
    store.store.add(ox.Quad(ox.NamedNode(f"{doc}#note"), source_path, ox.Literal(path), other))
    assert store.documents_for_path(path) == []
    reveal(store.store, [doc])
    assert store.documents_for_path(path) == [doc]
