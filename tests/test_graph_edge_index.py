"""The edge index beside the store: kept current by the store's writes, rebuilt whenever it may
have missed one, and always equal to what the evidence nodes in Oxigraph say."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from export_fixtures import document_quads, small_docs
from kg.errors import StoreError
from kg.graph.edge_index import CURRENT, INDEX_FILE, STALE, WRITING
from kg.graph.store import GraphStore
from kg.vocab import KG, RDF, document_iri, entity_iri

EVIDENCE = """SELECT ?h ?p ?t (COUNT(DISTINCT ?g) AS ?w) (MAX(?c) AS ?conf) WHERE {
  GRAPH ?g { ?a rdf:subject ?h ; rdf:predicate ?p ; rdf:object ?t ; kg:confidence ?c } } GROUP BY ?h ?p ?t"""


def from_evidence(graph_store: GraphStore) -> dict[tuple[str, str, str], tuple[int, float]]:
    """The oracle: the join over evidence nodes the index saves exports from."""
    from kg.vocab import PROPERTY_RELATION

    return {(r["h"].value, PROPERTY_RELATION[r["p"].value], r["t"].value): (int(r["w"].value), float(r["conf"].value))
            for r in graph_store.query(EVIDENCE)}


def from_index(graph_store: GraphStore) -> dict[tuple[str, str, str], tuple[int, float]]:
    index = graph_store.current_edge_index()
    iris = index.node_iris()
    edges = index.select()
    try:
        return {(iris[h], rel, iris[t]): (w, c) for h, rel, t, w, c in edges.rows()}
    finally:
        edges.close()


def write_small(graph_store: GraphStore) -> None:
    for doc in small_docs():
        graph_store.write_document(document_iri(doc.sha), document_quads(doc))


def test_writes_keep_the_index_equal_to_the_evidence():
    with GraphStore(None) as graph_store:
        write_small(graph_store)
        assert graph_store.edge_index.status == CURRENT
        expected = from_evidence(graph_store)
        assert len(expected) == 12
        assert from_index(graph_store) == expected
        develops = (entity_iri("Region", "江苏省"), "develops", entity_iri("Industry", "新能源汽车"))
        assert expected[develops] == (2, 0.9)  # two documents, best confidence of the two

        first, second = small_docs()
        graph_store.remove_document(document_iri(first.sha))
        assert from_index(graph_store) == from_evidence(graph_store)
        assert from_index(graph_store)[develops] == (1, 0.6)
        graph_store.remove_document(document_iri(second.sha))
        assert from_index(graph_store) == {}


def test_a_replaced_document_takes_its_support_with_it():
    with GraphStore(None) as graph_store:
        write_small(graph_store)
        first, second = small_docs()
        second.sha = "c" * 64
        second.relations = second.relations[:1]  # the new version states one relation only
        graph_store.write_document(document_iri(second.sha), document_quads(second),
                                   replaces=[document_iri("b" * 64)])
        assert from_index(graph_store) == from_evidence(graph_store)
        assert len(from_index(graph_store)) == 5  # doc 1's five, one of them also stated by doc 2
        assert from_index(graph_store)[(entity_iri("Region", "江苏省"), "develops",
                                        entity_iri("Industry", "新能源汽车"))] == (2, 0.9)


def test_a_raw_update_makes_the_index_stale_and_the_next_reader_rebuilds_it():
    with GraphStore(None) as graph_store:
        write_small(graph_store)
        graph = f"<{document_iri('a' * 64)}>"
        with graph_store.raw_write() as store:
            store.update(f"""INSERT DATA {{ GRAPH {graph} {{
              <urn:x:a> <{RDF.subject}> <urn:x:h> ; <{RDF.predicate}> <{KG.develops}> ;
                        <{RDF.object}> <urn:x:t> ; <{KG.confidence}> 0.5 }} }}""")
        assert graph_store.edge_index.status == STALE
        assert from_index(graph_store)[("urn:x:h", "develops", "urn:x:t")] == (1, 0.5)
        assert graph_store.edge_index.status == CURRENT


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
        assert graph_store.edge_index.status == WRITING
    with GraphStore(path) as graph_store:
        assert graph_store.edge_index.status == WRITING
        assert from_index(graph_store) == from_evidence(graph_store)
        assert graph_store.edge_index.status == CURRENT


def test_a_read_only_reader_of_a_stale_index_derives_its_own(tmp_path):
    path = tmp_path / "store"
    with GraphStore(path) as graph_store:
        write_small(graph_store)
        with graph_store.raw_write():
            pass
    with GraphStore(path, read_only=True) as graph_store:
        assert graph_store.edge_index.status == STALE
        assert from_index(graph_store) == from_evidence(graph_store)
        assert graph_store.edge_index.status == STALE  # the file is not written by a reader


def test_a_store_without_an_index_is_indexed_by_the_next_build(tmp_path, corpus_files):
    from kg.pipeline import build

    path = tmp_path / "store"
    with GraphStore(path) as graph_store:
        write_small(graph_store)
    (path / INDEX_FILE).unlink()  # as written by a kg from before the index
    with GraphStore(path, read_only=True) as graph_store:
        assert graph_store.edge_index is None
        assert from_index(graph_store) == from_evidence(graph_store)
    with GraphStore(path) as graph_store:
        build([], graph_store)
        assert graph_store.edge_index.status == CURRENT
        assert from_index(graph_store) == from_evidence(graph_store)


def test_refresh_edges_follows_an_in_place_rewrite():
    with GraphStore(None) as graph_store:
        write_small(graph_store)
        old, new = entity_iri("Region", "江苏省"), entity_iri("Region", "江苏")
        graph = ox.NamedNode(document_iri("a" * 64))
        store = graph_store.store
        moved = [q for q in store.quads_for_pattern(None, None, ox.NamedNode(old), graph)]
        for q in moved:
            store.remove(q)
            store.add(ox.Quad(q.subject, q.predicate, ox.NamedNode(new), graph))
        graph_store.refresh_edges({old, new})
        assert from_index(graph_store) == from_evidence(graph_store)
        assert any(t == new for _, _, t in from_index(graph_store))
