"""Policy facts and figures in RDF (issue 16): Dublin Core number/date/kind, level and period,
kg:Target nodes with typed literals, SHACL shapes that accept them and reject broken ones, the
SKOS scheme of kinds agreeing with kg.vocab, and the README's SPARQL example answering."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from kg.config import ONTOLOGY_DIR
from kg.graph.builder import extraction_quads
from kg.graph.validate import validate_graph
from kg import vocab
from kg.vocab import POLICY_KINDS, POLICY_LEVELS, document_iri, policy_kind_iri, policy_level_iri
from tests.extract_fixtures import extractor  # noqa: F401 (fixture)

KG = Namespace(str(vocab.KG))  # rdflib's terms: looked up in rdflib graphs (kg.vocab's are strings)

NOTICE = Path(__file__).resolve().parent / "data" / "policy-facts" / "jiangsu-digital-economy-notice.txt"
PREFIXES = """PREFIX kg: <https://w3id.org/kgcn/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@pytest.fixture(scope="module")
def extraction(extractor):
    from kg.ingest import read_document

    return extractor.extract(read_document(NOTICE))


@pytest.fixture(scope="module")
def store(extraction) -> ox.Store:
    store = ox.Store()
    store.extend(extraction_quads(extraction, ingested_at=datetime(2026, 1, 1, tzinfo=timezone.utc)))
    return store


def rows(store: ox.Store, query: str) -> list[tuple]:
    return [tuple(solution[i].value if solution[i] is not None else None for i in range(len(solution)))
            for solution in store.query(PREFIXES + query, use_default_graph_as_union=True)]


def test_policy_number_date_kind_level_and_period(store):
    found = rows(store, """SELECT ?title ?number ?issued ?kind ?level ?start ?end WHERE {
        ?p a kg:Policy ; rdfs:label ?title ; dcterms:type ?kind ; kg:level ?level .
        OPTIONAL { ?p dcterms:identifier ?number } OPTIONAL { ?p dcterms:issued ?issued }
        OPTIONAL { ?p kg:periodStart ?start ; kg:periodEnd ?end } } ORDER BY ?title""")
    assert found == [
        ("江苏省人民政府关于印发江苏省数字经济发展行动计划（2024—2026年）的通知", "苏政发〔2024〕15号", "2024-03-05",
         policy_kind_iri("通知"), policy_level_iri("provincial"), None, None),
        ("江苏省数字经济发展行动计划（2024—2026年）", None, None,
         policy_kind_iri("计划"), policy_level_iri("provincial"), "2024", "2026"),
    ]
    assert rows(store, "SELECT (DATATYPE(?d) AS ?t) WHERE { ?p dcterms:issued ?d }") == [
        ("http://www.w3.org/2001/XMLSchema#date",)]


def test_the_document_is_the_text_of_its_policy(store, extraction):
    assert rows(store, "SELECT ?doc ?title WHERE { ?doc kg:isTextOf ?p . ?p rdfs:label ?title }") == [
        (document_iri(extraction.document.sha256), "江苏省人民政府关于印发江苏省数字经济发展行动计划（2024—2026年）的通知")]


def test_targets_by_region_highest_first_with_typed_literals(store):
    found = rows(store, """SELECT ?region ?value ?unit ?cmp (DATATYPE(?value) AS ?vt) (DATATYPE(?year) AS ?yt) ?policy
        WHERE { ?t a kg:Target ; kg:figureOf ?r ; kg:year ?year ; kg:value ?value ; kg:unit ?unit ;
                   kg:comparator ?cmp ; kg:statedIn/rdfs:label ?policy .
                ?r a kg:Region ; rdfs:label ?region .
                FILTER(?year = "2026"^^xsd:gYear && ?unit = "家") } ORDER BY DESC(?value)""")
    decimal, g_year = "http://www.w3.org/2001/XMLSchema#decimal", "http://www.w3.org/2001/XMLSchema#gYear"
    assert found == [("江苏省", "500", "家", "≤", decimal, g_year, "江苏省数字经济发展行动计划（2024—2026年）"),
                     ("江苏省", "100", "家", "≥", decimal, g_year, "江苏省数字经济发展行动计划（2024—2026年）")]


def test_every_figure_keeps_its_evidence_sentence(store, extraction):
    sentences = rows(store, "SELECT ?text WHERE { ?f kg:figureOf ?s ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?x . "
                            "?x kg:text ?text }")
    assert len(sentences) == len(extraction.figures)
    assert ("2023年，全省集成电路产业营业收入达到3200亿元，同比增长12.5%。",) in sentences


def test_one_value_stating_two_figures_gives_two_nodes_each_with_its_indicator(extractor, tmp_path):
    from kg.ingest import read_document

    path = tmp_path / "report.txt"
    path.write_text("2011年铜川市政府工作报告\n各位代表：\n今年经济社会发展的主要预期目标是：生产总值增长13.5%，"
                    "财政总收入和地方财政收入增长18%，城镇居民人均可支配收入增长16%。\n", encoding="utf-8")
    extraction = extractor.extract(read_document(path))
    store = ox.Store()
    store.extend(extraction_quads(extraction, ingested_at=datetime(2026, 1, 1, tzinfo=timezone.utc)))
    found = rows(store, "SELECT ?indicator WHERE { ?f kg:value ?v ; kg:indicator ?indicator . "
                        "FILTER(?v = 18) } ORDER BY ?indicator")
    nodes = rows(store, "SELECT DISTINCT ?f WHERE { ?f kg:value ?v . FILTER(?v = 18) }")
    assert found == [("地方财政收入",), ("财政总收入",)] and len(nodes) == 2  # not one node holding both
    data = Graph().parse(data="".join(f"{quad.triple} .\n" for quad in store), format="nt")
    assert validate_graph(data).conforms


def test_shapes_accept_the_graph(store):
    data = Graph().parse(data="".join(f"{quad.triple} .\n" for quad in store), format="nt")
    report = validate_graph(data)
    assert report.conforms, [str(v) for v in report.violations]


@pytest.mark.parametrize("breakage", [
    "kg:value", "kg:year", "kg:comparator", "kg:level", "dcterms:issued",
])
def test_shapes_reject_wrongly_typed_facts(store, breakage):
    data = Graph().parse(data="".join(f"{quad.triple} .\n" for quad in store), format="nt")
    kg, dcterms = Namespace(str(KG)), Namespace("http://purl.org/dc/terms/")
    predicate = {"kg:value": kg.value, "kg:year": kg.year, "kg:comparator": kg.comparator,
                 "kg:level": kg.level, "dcterms:issued": dcterms.issued}[breakage]
    subject = next(data.subjects(predicate, None))
    data.remove((subject, predicate, None))
    data.add((subject, predicate, Literal("大约三百") if breakage != "kg:level" else URIRef(str(KG.nowhere))))
    assert not validate_graph(data).conforms


def test_the_skos_schemes_hold_the_kinds_and_levels_the_extractor_uses():
    scheme = Graph().parse(ONTOLOGY_DIR / "policy-kinds.ttl", format="turtle")
    kinds = {str(s): str(o) for s, o in scheme.subject_objects(SKOS.prefLabel) if o.language == "zh"
             and (s, SKOS.inScheme, KG.PolicyKinds) in scheme}
    assert kinds == {policy_kind_iri(label): label for label in POLICY_KINDS}
    levels = {str(s) for s in scheme.subjects(SKOS.inScheme, KG.AdministrativeLevels)}
    assert levels == {policy_level_iri(level) for level in POLICY_LEVELS}


def test_kg_value_is_the_stated_decimal_to_its_last_digit(extractor, tmp_path):
    """kg:value went through a float: 12345678901234567890.12 became 12345678901234567168 and
    0.10000000000000001 became 0.1. The literal is the stated value's exact xsd:decimal form (7.80 as 7.8),
    also past the 28 digits Decimal.normalize() rounds to."""
    from kg.ingest import read_document

    path = tmp_path / "plan.txt"
    path.write_text("江苏省数字经济发展规划\n\n到2025年，全省数字经济规模达到12345678901234567890.12亿元，"
                    "全省数字经济核心产业增加值占比达到0.10000000000000001%，全省软件业务收入达到1234567890123456789012345678901.50亿元，"
                    "全省集成电路产业规模达到7.80万亿元。\n", encoding="utf-8")
    quads = extraction_quads(extractor.extract(read_document(path)), ingested_at=datetime(2026, 1, 1, tzinfo=timezone.utc))
    values = sorted(str(q.object) for q in quads if q.predicate.value == str(KG.value))
    decimal = "^^<http://www.w3.org/2001/XMLSchema#decimal>"
    assert values == sorted(f'"{v}"{decimal}' for v in (
        "12345678901234567890.12", "0.10000000000000001", "1234567890123456789012345678901.5", "7.8"))
