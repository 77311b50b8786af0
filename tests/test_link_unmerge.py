"""Undoing a wrong merge moves what the split-off name stands for: its mentions, and the relations
read from sentences that name the node only by it — with their evidence, in the graph index too."""
from __future__ import annotations

import hashlib

import pytest
from export_fixtures import entities_in_index, entities_in_store, relations_in_index
from link_fixtures import INGESTED

from kg.graph.builder import extraction_quads
from kg.graph.store import GraphStore
from kg.link import Linker, unmerge
from kg.model import Document, Entity, Extraction, Mention, Relation, Sentence
from kg.vocab import assertion_iri, document_iri, entity_iri

BANK = entity_iri("Enterprise", "中国银行")
SPLIT = entity_iri("Enterprise", "中国银行股份有限公司")
FINTECH = entity_iri("Industry", "金融科技")
SHANGHAI = entity_iri("Region", "上海市")


def bank_document(sentences: list[str], bank_names: list[str]) -> Extraction:
    """A document whose sentence i names the bank ``bank_names[i]`` first, then the industry
    (金融科技) or the place (上海市) it names; one relation per sentence, wrongly merged into one
    bank entity as extraction would have it."""
    text = "".join(sentences)
    sha = hashlib.sha256(text.encode()).hexdigest()
    document = Document(source=f"{sha[:8]}.txt", path=f"/unmerge-tests/{sha[:8]}.txt", sha256=sha,
                        encoding="utf-8", media_type="text/plain", title="t", text=text,
                        offset_map=list(range(len(text) + 1)))
    bank = Entity("Enterprise", "中国银行", "中国银行", BANK, ["中国银行股份有限公司"])
    fintech = Entity("Industry", "金融科技", "金融科技", FINTECH)
    shanghai = Entity("Region", "上海市", "上海市", SHANGHAI)
    relations = []
    start = 0
    for i, (sentence, name) in enumerate(zip(sentences, bank_names)):
        document.sentences.append(Sentence(i, start, start + len(sentence), sentence))
        bank.mentions.append(Mention(name, start, start + len(name), i))
        other, relation = (fintech, "operates_in") if "金融科技" in sentence else (shanghai, "located_in")
        at = start + sentence.index(other.name)
        other.mentions.append(Mention(other.name, at, at + len(other.name), i))
        relations.append(Relation(BANK, relation, other.iri, 0.9, i, "test"))
        start += len(sentence)
    return Extraction(document, [e for e in (bank, fintech, shanghai) if e.mentions], relations)


def write(graph_store: GraphStore, ex: Extraction) -> str:
    graph = document_iri(ex.document.sha256)
    graph_store.write_document(graph, extraction_quads(ex, ingested_at=INGESTED))
    return graph


def triples(graph_store: GraphStore, graph: str) -> set[tuple[str, str, str]]:
    rows = graph_store.query(f"SELECT ?h ?p ?t WHERE {{ GRAPH <{graph}> {{ ?h ?p ?t FILTER(?p IN "
                             "(kg:operatesIn, kg:locatedIn)) } }")
    return {(r["h"].value, r["p"].value.rsplit("#", 1)[1], r["t"].value) for r in rows}


def evidence(graph_store: GraphStore, graph: str) -> dict[str, str]:
    rows = graph_store.query(f"SELECT ?a ?h WHERE {{ GRAPH <{graph}> {{ ?a a kg:Assertion ; rdf:subject ?h }} }}")
    return {r["a"].value: r["h"].value for r in rows}


def edges(graph_store: GraphStore) -> set[tuple[str, str, str]]:
    """The relations the store's graph index (what exports read) holds; its node descriptions
    must follow the unmerge too."""
    assert entities_in_index(graph_store) == entities_in_store(graph_store)
    return set(relations_in_index(graph_store))


@pytest.fixture
def store() -> GraphStore:
    return GraphStore(None)


def test_relations_read_where_only_the_alias_names_the_node_move_with_it(store):
    ex = bank_document(["中国银行股份有限公司布局金融科技。", "中国银行在上海市设立总部。"],
                       ["中国银行股份有限公司", "中国银行"])
    graph = write(store, ex)
    done = unmerge(store, "中国银行股份有限公司", BANK, linker=Linker(store))
    assert (done.node, done.mentions, done.relations) == (SPLIT, 1, 1)
    assert triples(store, graph) == {(SPLIT, "operatesIn", FINTECH), (BANK, "locatedIn", SHANGHAI)}
    moved = assertion_iri(graph, SPLIT, "operates_in", FINTECH, 0)
    assert evidence(store, graph) == {moved: SPLIT, assertion_iri(graph, BANK, "located_in", SHANGHAI, 1): BANK}
    assert edges(store) == {(SPLIT, "operates_in", FINTECH), (BANK, "located_in", SHANGHAI)}


def test_a_relation_read_where_both_names_stand_stays_with_the_source(store):
    ex = bank_document(["中国银行股份有限公司即中国银行，布局金融科技。", "中国银行在上海市设立总部。"],
                       ["中国银行股份有限公司", "中国银行"])
    ex.entities[0].mentions.append(Mention("中国银行", 11, 15, 0))
    graph = write(store, ex)
    done = unmerge(store, "中国银行股份有限公司", BANK, linker=Linker(store))
    assert done.relations == 0
    assert triples(store, graph) == {(BANK, "operatesIn", FINTECH), (BANK, "locatedIn", SHANGHAI)}


def test_a_document_naming_the_node_only_by_the_alias_moves_entirely(store):
    keep = write(store, bank_document(["中国银行在上海市设立总部。"], ["中国银行"]))
    ex = bank_document(["中国银行股份有限公司布局金融科技。", "中国银行股份有限公司在上海市设立总部。"],
                       ["中国银行股份有限公司", "中国银行股份有限公司"])
    graph = write(store, ex)
    linker = Linker(store)
    done = unmerge(store, "中国银行股份有限公司", BANK, linker=linker)
    assert (done.graphs, done.relations) == (1, 2)
    assert triples(store, graph) == {(SPLIT, "operatesIn", FINTECH), (SPLIT, "locatedIn", SHANGHAI)}
    assert set(evidence(store, graph)) == {assertion_iri(graph, SPLIT, "operates_in", FINTECH, 0),
                                           assertion_iri(graph, SPLIT, "located_in", SHANGHAI, 1)}
    assert triples(store, keep) == {(BANK, "locatedIn", SHANGHAI)}
    assert edges(store) == {(SPLIT, "operates_in", FINTECH), (SPLIT, "located_in", SHANGHAI),
                            (BANK, "located_in", SHANGHAI)}
    assert linker.index.node(SPLIT).label == "中国银行股份有限公司"  # the name index learnt it
    assert "中国银行股份有限公司" not in linker.index.node(BANK).names()


def test_the_linker_that_unmerged_keeps_the_two_nodes_apart_at_once(store):
    """The linker reads the distinct-node records once per document, not per node look-up: one
    it read before an unmerge must see the new record right after it (both directions)."""
    write(store, bank_document(["中国银行在上海市设立总部。"], ["中国银行"]))
    write(store, bank_document(["中国银行股份有限公司布局金融科技。"], ["中国银行股份有限公司"]))
    linker = Linker(store)
    assert linker.index.node(BANK).distinct == set()  # the records are read, none yet
    unmerge(store, "中国银行股份有限公司", BANK, linker=linker)
    assert linker.index.node(SPLIT).distinct == {BANK}
    assert linker.index.node(BANK).distinct == {SPLIT}
