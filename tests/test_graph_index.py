"""The graph index beside the store: kept current by the store's writes, rebuilt whenever it may
have missed one, and always equal to what the evidence nodes and the entity descriptions in
Oxigraph say."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from export_fixtures import (
    document_quads, entities_in_index, entities_in_store, relations_in_index, relations_in_store, small_docs,
)
from kg.errors import StoreError
from kg.graph.graph_index import CURRENT, INDEX_FILE, STALE, WRITING
from kg.graph.store import GraphStore
from kg.vocab import KG, RDF, RDFS, TYPE_CLASS, document_iri, entity_iri

def assert_index_follows_store(graph_store: GraphStore) -> None:
    assert relations_in_index(graph_store) == relations_in_store(graph_store)
    assert entities_in_index(graph_store) == entities_in_store(graph_store)


def write_small(graph_store: GraphStore) -> None:
    for doc in small_docs():
        graph_store.write_document(document_iri(doc.sha), document_quads(doc))


def test_writes_keep_the_index_equal_to_the_evidence():
    with GraphStore(None) as graph_store:
        write_small(graph_store)
        assert graph_store.index.status == CURRENT
        expected = relations_in_store(graph_store)
        assert len(expected) == 12
        assert relations_in_index(graph_store) == expected
        develops = (entity_iri("Region", "江苏省"), "develops", entity_iri("Industry", "新能源汽车"))
        assert expected[develops] == (2, 0.9)  # two documents, best confidence of the two

        first, second = small_docs()
        graph_store.remove_document(document_iri(first.sha))
        assert_index_follows_store(graph_store)
        assert relations_in_index(graph_store)[develops] == (1, 0.6)
        graph_store.remove_document(document_iri(second.sha))
        assert relations_in_index(graph_store) == {}


def test_a_replaced_document_takes_its_support_with_it():
    with GraphStore(None) as graph_store:
        write_small(graph_store)
        first, second = small_docs()
        second.sha = "c" * 64
        second.relations = second.relations[:1]  # the new version states one relation only
        graph_store.write_document(document_iri(second.sha), document_quads(second),
                                   replaces=[document_iri("b" * 64)])
        assert_index_follows_store(graph_store)
        assert len(relations_in_index(graph_store)) == 5  # doc 1's five, one of them also stated by doc 2
        assert relations_in_index(graph_store)[(entity_iri("Region", "江苏省"), "develops",
                                        entity_iri("Industry", "新能源汽车"))] == (2, 0.9)


def test_a_raw_update_makes_the_index_stale_and_the_next_reader_rebuilds_it():
    with GraphStore(None) as graph_store:
        write_small(graph_store)
        graph = f"<{document_iri('a' * 64)}>"
        with graph_store.raw_write() as store:
            store.update(f"""INSERT DATA {{ GRAPH {graph} {{
              <urn:x:a> <{RDF.subject}> <urn:x:h> ; <{RDF.predicate}> <{KG.develops}> ;
                        <{RDF.object}> <urn:x:t> ; <{KG.confidence}> 0.5 }} }}""")
        assert graph_store.index.status == STALE
        assert relations_in_index(graph_store)[("urn:x:h", "develops", "urn:x:t")] == (1, 0.5)
        assert graph_store.index.status == CURRENT


def test_an_interrupted_write_leaves_the_index_to_be_rebuilt(tmp_path):
    path = tmp_path / "store"
    first, second = small_docs()
    with GraphStore(path) as graph_store:
        graph_store.write_document(document_iri(first.sha), document_quads(first))

        class FullDisk:
            def extend(self, _quads):
                raise OSError("disk full")

        store = graph_store.store
        graph_store.store = FullDisk()
        with pytest.raises(StoreError, match="disk full"):
            graph_store.write_document(document_iri(second.sha), document_quads(second))
        graph_store.store = store
        del store  # the store's lock goes with its last reference
        assert graph_store.index.status == WRITING
    with GraphStore(path) as graph_store:
        assert graph_store.index.status == WRITING
        assert_index_follows_store(graph_store)
        assert graph_store.index.status == CURRENT


def test_a_read_only_reader_of_a_stale_index_derives_its_own(tmp_path):
    path = tmp_path / "store"
    with GraphStore(path) as graph_store:
        write_small(graph_store)
        with graph_store.raw_write():
            pass
    with GraphStore(path, read_only=True) as graph_store:
        assert graph_store.index.status == STALE
        assert_index_follows_store(graph_store)
        assert graph_store.index.status == STALE  # the file is not written by a reader


def test_a_store_without_an_index_is_indexed_by_the_next_build(tmp_path, corpus_files):
    from kg.pipeline import build

    path = tmp_path / "store"
    with GraphStore(path) as graph_store:
        write_small(graph_store)
    (path / INDEX_FILE).unlink()  # as written by a kg from before the index
    with GraphStore(path, read_only=True) as graph_store:
        assert graph_store.index is None
        assert_index_follows_store(graph_store)
    with GraphStore(path) as graph_store:
        build([], graph_store)
        assert graph_store.index.status == CURRENT
        assert_index_follows_store(graph_store)


def test_a_rewrite_across_graphs_is_followed_by_the_index():
    """What an unmerge and a relabelling do: move relations to another node, rename a node in a
    graph the rewrite does not own, retype a node, drop a graph."""
    with GraphStore(None) as graph_store:
        write_small(graph_store)
        old, new = entity_iri("Region", "江苏省"), entity_iri("Region", "江苏")
        first = ox.NamedNode(document_iri("a" * 64))
        store = graph_store.store
        moved = list(store.quads_for_pattern(None, None, ox.NamedNode(old), first))
        graph_store.rewrite(moved, [ox.Quad(q.subject, q.predicate, ox.NamedNode(new), first) for q in moved]
                            + [ox.Quad(ox.NamedNode(new), ox.NamedNode(str(RDF.type)),
                                       ox.NamedNode(str(TYPE_CLASS["Region"])), first)])
        assert any(t == new for _, _, t in relations_in_index(graph_store))
        assert_index_follows_store(graph_store)

        byd = ox.NamedNode(entity_iri("Enterprise", "比亚迪"))
        label = next(store.quads_for_pattern(byd, ox.NamedNode(str(RDFS.label)), None))
        renamed = ox.Quad(byd, label.predicate, ox.Literal("比亚迪汽车", language="zh"), label.graph_name)
        retyped = ox.Quad(byd, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(TYPE_CLASS["Organization"])), first)
        graph_store.rewrite([label], [renamed, retyped])
        assert entities_in_index(graph_store)[byd.value][:2] == ("Enterprise", "比亚迪汽车")
        assert_index_follows_store(graph_store)

        graph_store.rewrite([], [], drop=[first.value])
        assert_index_follows_store(graph_store)
        assert graph_store.index.status == CURRENT


def assert_read_around_then_rebuilt(path) -> None:
    """A reader finds the index stale and answers from the store; the next writer rebuilds it."""
    with GraphStore(path, read_only=True) as graph_store:
        assert graph_store.index.status == STALE
        assert_index_follows_store(graph_store)
    with GraphStore(path) as graph_store:
        assert graph_store.index.status == STALE
        assert_index_follows_store(graph_store)
        assert graph_store.index.status == CURRENT


def test_an_index_of_another_schema_is_rebuilt(tmp_path):
    import sqlite3

    path = tmp_path / "store"
    with GraphStore(path) as graph_store:
        write_small(graph_store)
    with sqlite3.connect(path / INDEX_FILE) as db:
        db.execute("UPDATE state SET value = '1' WHERE key = 'schema'")
        db.execute("DELETE FROM edge")
    assert_read_around_then_rebuilt(path)


@pytest.mark.parametrize("damage", [b"SQLite format 3\x00" + b"\x00" * 84, b"\xde\xad" * 5000])
def test_a_damaged_index_file_is_rebuilt_by_a_writer_and_bypassed_by_a_reader(tmp_path, damage):
    """An index file truncated or overwritten (not a database) is derived data like a stale one:
    before, a writable open failed with 'DatabaseError: database disk image is malformed' (or 'file
    is not a database'), and a reader's export with the same line."""
    path = tmp_path / "store"
    with GraphStore(path) as graph_store:
        write_small(graph_store)
    (path / INDEX_FILE).write_bytes(damage)
    assert_read_around_then_rebuilt(path)


def sparql_named(graph_store: GraphStore, prop: str, name: str) -> list[str]:
    """The definition the index's name look-up stands in for: typed nodes whose label (or alias)
    is ``name``, over the union of the documents' graphs."""
    classes = " ".join(f"<{c}>" for c in TYPE_CLASS.values())
    rows = graph_store.query(f"""SELECT DISTINCT ?e WHERE {{ VALUES ?cls {{ {classes} }}
        ?e a ?cls ; {prop} ?l . FILTER(STR(?l) = {ox.Literal(name)}) }} ORDER BY ?e""")
    return [row["e"].value for row in rows]


def test_nodes_named_in_the_index_are_those_the_store_names():
    from kg.graph.facts import ALIAS, LABEL

    with GraphStore(None) as graph_store:
        write_small(graph_store)
        names = {row["l"].value for row in graph_store.query(
            "SELECT DISTINCT ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label>|"
            "<http://www.w3.org/2004/02/skos/core#altLabel> ?l }")}
        assert {"江苏省", "江苏", "工信部"} <= names
        snapshot = graph_store.current_index().snapshot()
        for name in sorted(names) + ["不存在"]:
            assert snapshot.named(LABEL, name) == sparql_named(graph_store, "rdfs:label", name), name
            assert snapshot.named(ALIAS, name) == sparql_named(graph_store, "skos:altLabel", name), name
        assert snapshot.named(ALIAS, "江苏") == [entity_iri("Region", "江苏省")]
        snapshot.close()
