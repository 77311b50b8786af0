"""Export filters: each one selects exactly the nodes and edges the small store predicts."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from export_fixtures import small_store
from export_helpers import read_networkx, validate, write
from kg.errors import KgError
from kg.export import make_filter
from kg.vocab import document_iri, entity_iri

E = {
    "js": entity_iri("Region", "江苏省"), "csj": entity_iri("Region", "长江三角洲地区"),
    "sz": entity_iri("Region", "苏州工业园区"), "nev": entity_iri("Industry", "新能源汽车"),
    "px": entity_iri("Policy", "政策X"), "ndrc": entity_iri("Organization", "国家发展改革委"),
    "byd": entity_iri("Enterprise", "比亚迪"), "py": entity_iri("Policy", "政策Y"),
    "miit": entity_iri("Organization", "工业和信息化部"), "lone_e": entity_iri("Enterprise", "孤立企业"),
    "lone_r": entity_iri("Region", "孤立区域"),
}
NAME = {iri: name for name, iri in E.items()}


@pytest.fixture(scope="module")
def store():
    return small_store()


def graph_of(store, tmp_path, **filters):
    """Export GEXF (ids are IRIs) with ``filters``, validate it, and read it back."""
    path = write(store, tmp_path, "gexf", make_filter(**filters))
    validate(path)
    return read_networkx(path)


def nodes(graph) -> set[str]:
    return {NAME.get(n, n) for n in graph.nodes}


def edges(graph) -> set[tuple[str, str, str]]:
    return {(NAME.get(h, h), d["relation"], NAME.get(t, t)) for h, t, d in graph.edges(data=True)}


def test_types_keep_nodes_of_those_types_and_edges_between_them(store, tmp_path):
    graph = graph_of(store, tmp_path, types="Region,Industry")
    assert nodes(graph) == {"js", "csj", "sz", "nev", "lone_r"}
    assert edges(graph) == {("js", "develops", "nev"), ("js", "part_of", "csj"), ("sz", "part_of", "js"),
                            ("sz", "develops", "nev"), ("csj", "part_of", "js")}


def test_relations(store, tmp_path):
    graph = graph_of(store, tmp_path, relations=["develops", "issued_by"])
    assert edges(graph) == {("js", "develops", "nev"), ("sz", "develops", "nev"),
                            ("px", "issued_by", "ndrc"), ("py", "issued_by", "miit")}
    assert graph.number_of_nodes() == 11  # relation filters select edges, not nodes


@pytest.mark.parametrize("target", ["b" * 64, document_iri("b" * 64), "doc2.txt"])
def test_document_by_sha_iri_or_file_name(store, tmp_path, target):
    graph = graph_of(store, tmp_path, documents=[target])
    assert nodes(graph) == {"js", "csj", "sz", "nev", "px", "byd", "py", "miit", "lone_r"}
    assert len(edges(graph)) == 8
    (develops,) = graph.get_edge_data(E["js"], E["nev"]).values()
    assert develops["weight"] == 1.0 and develops["confidence"] == pytest.approx(0.6)
    assert graph.nodes[E["js"]]["documents"] == 1  # of the selected documents (both name it)
    assert graph_of(store, tmp_path).nodes[E["js"]]["documents"] == 2


def test_two_documents_with_special_characters_in_the_name(store, tmp_path):
    graph = graph_of(store, tmp_path, documents=["doc1 & <one>.txt", "doc2.txt"])
    assert graph.number_of_edges() == 12


def test_min_confidence_uses_the_best_evidence(store, tmp_path):
    graph = graph_of(store, tmp_path, min_confidence="0.85")
    assert edges(graph) == {("js", "develops", "nev"), ("px", "applies_to", "js"), ("byd", "located_in", "sz"),
                            ("byd", "operates_in", "nev"), ("py", "issued_by", "miit")}
    assert all(d["confidence"] >= 0.85 for _, _, d in graph.edges(data=True))
    assert graph.nodes[E["nev"]]["degree"] == 2


@pytest.mark.parametrize("start", ["江苏", "江苏省", entity_iri("Region", "江苏省")])
def test_around_by_alias_label_or_iri(store, tmp_path, start):
    graph = graph_of(store, tmp_path, around=start, hops=1)
    assert nodes(graph) == {"js", "nev", "csj", "sz", "px"}
    assert ("px", "targets", "nev") in edges(graph)  # edges among the ego nodes are kept


def test_around_two_hops(store, tmp_path):
    assert nodes(graph_of(store, tmp_path, around="江苏省", hops=2)) == {"js", "nev", "csj", "sz", "px", "byd", "ndrc"}
    assert nodes(graph_of(store, tmp_path, around="工信部", hops=5)) == {"miit", "py"}
    assert nodes(graph_of(store, tmp_path, around="孤立企业", hops=0)) == {"lone_e"}


def test_min_degree_then_degrees_are_recounted(store, tmp_path):
    graph = graph_of(store, tmp_path, min_degree=3)
    # Degrees in the full graph: js 7, nev 4, px 4, sz 4, csj 2, byd 2, others 1 or 0.
    assert nodes(graph) == {"js", "nev", "px", "sz"}
    for node, data in graph.nodes(data=True):
        assert data["degree"] == graph.degree(node)


def test_largest_component(store, tmp_path):
    graph = graph_of(store, tmp_path, largest_component=True)
    assert nodes(graph) == {"js", "nev", "csj", "sz", "px", "ndrc", "byd"}
    assert graph.number_of_edges() == 11  # all but 政策Y issued_by 工信部


def test_combined_filters(store, tmp_path):
    graph = graph_of(store, tmp_path, types=["Region", "Industry", "Enterprise"], min_degree=1,
                     largest_component=True, documents=["doc2.txt"])
    assert nodes(graph) == {"js", "csj", "sz", "nev", "byd"}


def test_with_documents_adds_document_nodes_and_mention_edges(store, tmp_path):
    graph = graph_of(store, tmp_path, with_documents=True)
    documents = [n for n, d in graph.nodes(data=True) if d["type"] == "Document"]
    assert sorted(documents) == [document_iri("a" * 64), document_iri("b" * 64)]
    mentions = [(h, t) for h, t, d in graph.edges(data=True) if d["relation"] == "mentioned_in"]
    assert len(mentions) == 7 + 9
    assert graph.nodes[document_iri("a" * 64)]["degree"] == 7
    graphml = write(store, tmp_path, "graphml", make_filter(with_documents=True))
    validate(graphml)


def test_rdf_export_follows_the_filter(store, tmp_path):
    path = write(store, tmp_path, "nquads", make_filter(types="Region,Industry", min_confidence=0.5), "f.nq")
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    subjects = {q.subject.value for q in quads}
    assert E["px"] not in subjects and E["js"] in subjects
    relation_triples = {(NAME[q.subject.value], q.predicate.value.rsplit("#")[-1], NAME[q.object.value])
                        for q in quads if q.predicate.value.endswith(("develops", "partOf"))}
    # Per document: doc1's develops (0.9) and part_of (0.8, 0.5) pass; doc2's are 0.6, 0.4, 0.2.
    assert relation_triples == {("js", "develops", "nev"), ("js", "partOf", "csj"),
                                ("sz", "partOf", "js")}
    assert {q.graph_name.value for q in quads} == {document_iri("a" * 64), document_iri("b" * 64)}


@pytest.mark.parametrize("filters, message", [
    ({"types": "Country"}, "unknown entity type"),
    ({"relations": "owns"}, "unknown relation"),
    ({"min_confidence": "high"}, "must be a number"),
    ({"min_confidence": 1.5}, "between 0 and 1"),
    ({"hops": 2}, "hops needs around"),
    ({"min_degree": -1}, "0 or more"),
])
def test_bad_filters_are_one_line_errors(filters, message):
    with pytest.raises(KgError, match=message):
        make_filter(**filters)


@pytest.mark.parametrize("filters, message", [
    ({"documents": ["nope.txt"]}, "no such document"),
    ({"around": "不存在的实体"}, "no entity"),
    ({"around": "https://w3id.org/kgcn/id/region/nowhere"}, "no such entity"),
])
def test_unknown_documents_and_entities(store, filters, message):
    from kg.export import export

    with pytest.raises(KgError, match=message):
        export(store, "graphml", make_filter(**filters))
