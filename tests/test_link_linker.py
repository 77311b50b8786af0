"""Linker behaviour on hand-written extractions: what merges, what stays apart, what is recorded,
and that merges can be undone."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from extract_fixtures import extractor, make_document  # noqa: F401 (fixture)
from link_fixtures import extraction, write

from kg.graph.store import GraphStore
from kg.link import Linker, resolve_name, unmerge
from kg.vocab import LINKING_GRAPH, entity_iri


def link_and_write(graph_store: GraphStore, ex, linker: Linker | None = None):
    report = (linker or Linker(graph_store)).link(ex)
    write(graph_store, ex)
    return report


def labels(graph_store: GraphStore, iri: str, predicate: str = "rdfs:label") -> set[tuple[str, str]]:
    rows = graph_store.query(f"SELECT ?g ?l WHERE {{ GRAPH ?g {{ <{iri}> {predicate} ?l }} }}")
    return {(row["g"].value, row["l"].value) for row in rows}


@pytest.fixture
def store() -> GraphStore:
    return GraphStore(None)


def test_short_forms_link_to_the_existing_node(store):
    link_and_write(store, extraction("a", [("Region", "江苏省"), ("Organization", "国家发展改革委"),
                                           ("Region", "长江三角洲地区")]))
    report = link_and_write(store, extraction("b", [("Region", "江苏"), ("Organization", "发改委"),
                                                    ("Region", "长三角")]))
    got = {e.name: (e.id, e.method, e.new) for e in report.entities}
    assert got["江苏"] == (entity_iri("Region", "江苏省"), got["江苏"][1], False)
    assert got["发改委"][0] == entity_iri("Organization", "国家发展改革委")
    assert got["长三角"][0] == entity_iri("Region", "长江三角洲地区")
    assert {m for _, m, _ in got.values()} <= {"alias", "abbreviation"}
    assert report.linked == 3 and report.new == 0


def test_near_misses_stay_apart(store):
    link_and_write(store, extraction("a", [("Region", "江苏省"), ("Region", "上海市"),
                                           ("Organization", "国家能源局"), ("Region", "浙江省"),
                                           ("Organization", "北海市人工智能行业协会")]))
    report = link_and_write(store, extraction("b", [
        ("Region", "江西省"), ("Region", "上海港"), ("Enterprise", "国家能源集团"), ("Enterprise", "浙商"),
        ("Organization", "国家能源集团"), ("Organization", "海口市人工智能行业协会"),
    ]))
    assert all(e.new for e in report.entities), [e.to_json() for e in report.entities]


def test_same_named_places_are_told_apart_by_the_other_places_of_the_document(store):
    link_and_write(store, extraction("beijing", [("Region", "北京市"), ("Region", "朝阳区")]))
    beijing = resolve_name(store, "朝阳区", "Region")
    changchun = link_and_write(store, extraction("changchun", [("Region", "长春市"), ("Region", "朝阳区")]))
    again = link_and_write(store, extraction("beijing-2", [("Region", "北京"), ("Region", "朝阳区")]))
    assert changchun.entities[1].id != beijing and changchun.entities[1].method == "hierarchy"
    assert again.entities[1].id == beijing and not again.entities[1].new


def test_relations_follow_their_entities_to_the_linked_nodes(store):
    link_and_write(store, extraction("a", [("Region", "江苏省"), ("Industry", "新能源汽车")]))
    ex = extraction("b", [("Region", "江苏"), ("Industry", "新能源汽车产业"), ("Region", "江苏省")],
                    [("江苏", "develops", "新能源汽车产业"), ("江苏", "part_of", "江苏省")])
    report = link_and_write(store, ex)
    assert [(r.head, r.relation, r.tail) for r in ex.relations] == [
        (entity_iri("Region", "江苏省"), "develops", entity_iri("Industry", "新能源汽车"))
    ]  # the part_of became a self-loop once both names were one node, and was dropped
    assert report.relations_added == 1
    assert {e.name for e in ex.entities} == {"江苏省", "新能源汽车"}  # every entity carries the node's label


def test_link_method_and_score_are_recorded_on_the_mentions(store):
    link_and_write(store, extraction("a", [("Region", "江苏省")]))
    ex = extraction("b", [("Region", "江苏")])
    link_and_write(store, ex)
    rows = list(store.query(
        "SELECT ?surface ?method ?score WHERE { ?m kg:mentionOf ?e ; kg:surface ?surface ;"
        f" kg:linkMethod ?method ; kg:linkScore ?score FILTER(?e = <{entity_iri('Region', '江苏省')}>) }}"
    ))
    assert {(r["surface"].value, r["method"].value) for r in rows} >= {("江苏", ex.entities[0].attributes["link_method"])}
    assert all(0 < float(r["score"].value) <= 1 for r in rows)


def test_a_fuller_company_name_relabels_the_node_in_every_graph(store):
    first = extraction("a", [("Enterprise", "传化集团")])
    link_and_write(store, first)
    node = first.entities[0].iri
    report = link_and_write(store, extraction("b", [("Enterprise", "传化集团有限公司")]))
    assert report.entities[0].id == node and report.entities[0].method == "abbreviation"
    assert {label for _, label in labels(store, node)} == {"传化集团有限公司"}
    assert len(labels(store, node)) == 2  # both document graphs, same label
    assert ("传化集团" in {label for _, label in labels(store, node, "skos:altLabel")})
    later = link_and_write(store, extraction("c", [("Enterprise", "传化")]))  # shorter: no relabel
    assert later.entities[0].id == node and not later.relabelled


def test_dry_run_reports_without_writing(store):
    link_and_write(store, extraction("a", [("Enterprise", "传化集团")]))
    before = sorted(map(str, store.store))
    report = Linker(store, dry_run=True).link(extraction("b", [("Enterprise", "传化集团有限公司")]))
    assert report.relabelled and sorted(map(str, store.store)) == before


def test_the_index_follows_documents_linked_by_the_same_linker(store):
    linker = Linker(store)
    link_and_write(store, extraction("a", [("Policy", "新能源汽车产业发展规划（2021—2035年）")]), linker)
    report = link_and_write(store, extraction("b", [("Policy", "《新能源汽车产业发展规划》")]), linker)
    assert report.entities[0].id == entity_iri("Policy", "新能源汽车产业发展规划（2021—2035年）")


def test_unmerge_splits_an_alias_off_and_keeps_it_apart(store):
    link_and_write(store, extraction("a", [("Enterprise", "中国银行")]))
    wrong = extraction("b", [("Enterprise", "中国银行股份有限公司", None, ["中银"])])
    link_and_write(store, wrong)
    bank = entity_iri("Enterprise", "中国银行")
    assert wrong.entities[0].iri == bank
    done = unmerge(store, "中国银行股份有限公司", bank)
    assert done.node == entity_iri("Enterprise", "中国银行股份有限公司") and done.mentions == 1
    assert labels(store, done.node) and labels(store, bank)
    assert "中国银行股份有限公司" not in {l for _, l in labels(store, bank, "skos:altLabel")}
    assert store.store.contains_named_graph(ox.NamedNode(LINKING_GRAPH))
    relinked = link_and_write(store, extraction("c", [("Enterprise", "中国银行股份有限公司")]))
    assert relinked.entities[0].id == done.node  # the split is remembered


def test_resolve_name_finds_nodes_by_any_known_name(store):
    link_and_write(store, extraction("a", [("Region", "江苏省"), ("Organization", "国家发展改革委")]))
    assert resolve_name(store, "江苏") == entity_iri("Region", "江苏省")
    assert resolve_name(store, "国家发展改革委", "Organization") == entity_iri("Organization", "国家发展改革委")
    assert resolve_name(store, "江西") is None


def test_a_place_printed_in_traditional_characters_links_to_the_node_of_its_simplified_name(store, extractor):
    traditional = "2023年，江津區實現地區生產總值1300.5億元，秀山土家族苗族自治縣實現地區生產總值369.53億元。"
    simplified = extractor.reference.simplified(traditional)
    first = link_and_write(store, extractor.extract(make_document(simplified, "simplified.txt")))
    again = link_and_write(store, extractor.extract(make_document(traditional, "traditional.txt")))
    places = {(e.name, e.id) for e in first.entities if e.name in ("江津区", "秀山土家族苗族自治县")}
    assert len(places) == 2 and places == {(e.name, e.id) for e in again.entities}
    assert not any(e.new for e in again.entities)
