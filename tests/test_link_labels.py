"""Labels follow the documents: a fuller name relabels a node in every graph, and removing the
document that brought it returns the store to exactly the statements it had before."""
from __future__ import annotations

from pathlib import Path

import pytest
from export_fixtures import entities_in_index, entities_in_store
from link_fixtures import INGESTED, extraction, write

from kg.graph.builder import extraction_quads
from kg.graph.store import GraphStore
from kg.link import Linker
from kg.link.service import find_document, link_files, remove_documents
from kg.vocab import document_iri, entity_iri

CHUANHUA = entity_iri("Enterprise", "传化集团")


def link(graph_store: GraphStore, source: str, *entities):
    ex = extraction(source, list(entities))
    Linker(graph_store).link(ex)
    write(graph_store, ex)
    return ex


def remove(graph_store: GraphStore, ex) -> None:
    remove_documents(graph_store, [document_iri(ex.document.sha256)])


def state(graph_store: GraphStore) -> tuple[list[str], list[str], dict]:
    """Every quad and every named graph of the store, and the nodes exports show: the graph
    index must follow every relabelling and its undoing."""
    entities = entities_in_index(graph_store)
    assert entities == entities_in_store(graph_store)
    return sorted(map(str, graph_store.store)), sorted(g.value for g in graph_store.store.named_graphs()), entities


def labels(graph_store: GraphStore, iri: str = CHUANHUA) -> set[str]:
    return {row["l"].value for row in graph_store.query(f"SELECT ?l WHERE {{ <{iri}> rdfs:label ?l }}")}


def aliases(graph_store: GraphStore, ex, iri: str = CHUANHUA) -> set[str]:
    graph = document_iri(ex.document.sha256)
    return {row["l"].value for row in graph_store.query(
        f"SELECT ?l WHERE {{ GRAPH <{graph}> {{ <{iri}> skos:altLabel ?l }} }}")}


@pytest.fixture
def store() -> GraphStore:
    return GraphStore(None)


def test_removing_the_document_that_relabelled_restores_the_exact_previous_store(store):
    link(store, "a", ("Enterprise", "传化集团"), ("Region", "杭州市"))
    before = state(store)
    fuller = link(store, "b", ("Enterprise", "传化集团有限公司"))
    assert labels(store) == {"传化集团有限公司"}
    assert state(store)[2][CHUANHUA][1:3] == ("传化集团有限公司", ("传化集团",))
    assert store.query(f"ASK {{ ?r kg:relabels <{CHUANHUA}> ; kg:previousLabel ?old }}")
    remove(store, fuller)
    assert state(store) == before


def test_a_previous_alias_comes_back_as_an_alias(store):
    link(store, "a", ("Enterprise", "传化集团", None, ["传化集团有限公司"]))
    before = state(store)
    fuller = link(store, "b", ("Enterprise", "传化集团有限公司"))
    assert labels(store) == {"传化集团有限公司"}
    remove(store, fuller)
    assert state(store) == before


def test_documents_linked_in_between_end_up_as_if_the_removed_one_never_came(store):
    link(store, "a", ("Enterprise", "传化集团"))
    fuller = link(store, "b", ("Enterprise", "传化集团有限公司"))
    short = link(store, "c", ("Enterprise", "传化", None, ["传化集团"]))
    assert labels(store) == {"传化集团有限公司"} and aliases(store, short) == {"传化", "传化集团"}
    remove(store, fuller)

    expected = GraphStore(None)
    link(expected, "a", ("Enterprise", "传化集团"))
    link(expected, "c", ("Enterprise", "传化", None, ["传化集团"]))
    assert state(store) == state(expected)


def test_the_new_label_stays_while_another_document_names_the_node_so(store):
    link(store, "a", ("Enterprise", "传化集团"))
    before = state(store)
    fuller = link(store, "b", ("Enterprise", "传化集团有限公司"))
    again = link(store, "d", ("Enterprise", "传化集团有限公司"))
    remove(store, fuller)
    assert labels(store) == {"传化集团有限公司"}
    remove(store, again)
    assert state(store) == before


def test_a_changed_file_that_drops_the_fuller_name_gives_the_previous_label_back(store):
    link(store, "a", ("Enterprise", "传化集团"))
    before = state(store)
    first = extraction("b", [("Enterprise", "传化集团有限公司")])
    second = extraction("b", [("Region", "杭州市")])  # the same file, edited
    assert first.document.path == second.document.path
    linker = Linker(store)
    linker.link(first)
    write(store, first)
    linker.link(second)
    store.write_document(document_iri(second.document.sha256), extraction_quads(second, ingested_at=INGESTED),
                         replaces=[document_iri(first.document.sha256)])
    linker.index.sync()
    assert labels(store) == {"传化集团"}
    remove(store, second)
    assert state(store) == before


def test_linking_a_corpus_file_twice_and_removing_it_restores_the_exact_store(corpus_files, tmp_path):
    from kg.extract import Extractor

    extractor = Extractor()
    store = GraphStore(None)
    link_files(corpus_files, store, Linker(store), extractor=extractor)
    extra = tmp_path / "extra.txt"  # names a firm the corpus names short by its full legal name
    extra.write_text("华润三九医药股份有限公司在广东省深圳市大力发展中医药产业。\n", encoding="utf-8")
    cases = [(extra, True), *((path, False) for path in corpus_files)]
    for path, is_new in cases:
        if not is_new:
            remove_documents(store, [find_document(store, str(path))])
        before = state(store)
        for _ in range(2):
            report = link_files([path], store, Linker(store), extractor=extractor)
            assert report.ok
        if path == extra:
            assert report.documents == [] and labels(store, entity_iri("Enterprise", "华润三九")) == {"华润三九医药股份有限公司"}
        remove_documents(store, [find_document(store, str(path))])
        assert state(store) == before, Path(path).name
        if not is_new:
            link_files([path], store, Linker(store), extractor=extractor)


def test_a_relabelling_looks_its_quads_up_without_scanning_the_store(tmp_path, monkeypatch):
    """`quad in store` on a backend is one index look-up: without its own __contains__, Python
    falls back to iterating the backend, a scan of every quad stored (seconds per relabelling
    in a build of a few dozen documents)."""
    from kg.graph.backends.embedded import EmbeddedStore

    with GraphStore(tmp_path / "store") as on_disk:
        link(on_disk, "a", ("Enterprise", "传化集团"), ("Region", "杭州市"))

        def no_scan(self):
            raise AssertionError("the whole store was scanned")
        monkeypatch.setattr(EmbeddedStore, "__iter__", no_scan)
        link(on_disk, "b", ("Enterprise", "传化集团有限公司"))
        assert labels(on_disk) == {"传化集团有限公司"}
