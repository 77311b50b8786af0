"""The SHACL shapes accept what the builder writes and reject what breaks the model."""
from __future__ import annotations

from datetime import datetime, timezone

import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDFS

from graph_fixtures import sample_extraction
from kg.graph.builder import extraction_quads
from kg.graph.validate import shapes_graph, union_graph, validate_graph
from kg import vocab
from kg.vocab import assertion_iri, document_iri, entity_iri, sentence_iri

KG = Namespace(str(vocab.KG))  # rdflib's terms: looked up in rdflib graphs (kg.vocab's are strings)

WHEN = datetime(2026, 3, 1, tzinfo=timezone.utc)
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return shapes_graph()


def built_store(extraction=None) -> ox.Store:
    extraction = extraction or sample_extraction()
    store = ox.Store()
    store.extend(extraction_quads(extraction, ingested_at=WHEN))
    return store


def violations_of(store: ox.Store, shapes: Graph) -> list[str]:
    report = validate_graph(union_graph(store), shapes=shapes)
    assert report.conforms == (not report.violations)
    return [str(v) for v in report.violations]


def graph_of() -> ox.NamedNode:
    return ox.NamedNode(document_iri(sample_extraction().document.sha256))


def test_the_ontology_and_shapes_parse():
    from kg.config import ONTOLOGY_DIR

    ontology = Graph().parse(ONTOLOGY_DIR / "kg.ttl")
    for name in ("Policy", "Region", "Enterprise", "Industry", "Organization", "Document",
                 "Sentence", "Mention", "Assertion"):
        assert (KG[name], None, None) in ontology, name
    assert len(shapes_graph()) > 100


def test_the_ontology_declares_every_term_the_builder_writes():
    from kg.config import ONTOLOGY_DIR

    ontology = Graph().parse(ONTOLOGY_DIR / "kg.ttl")
    declared = {str(s) for s in ontology.subjects() if str(s).startswith(str(KG))}
    used = set()
    for quad in extraction_quads(sample_extraction(), ingested_at=WHEN):
        used.add(quad.predicate.value)
        if quad.predicate == RDF_TYPE:
            used.add(quad.object.value)
    used = {term for term in used if term.startswith(str(KG))}
    assert used and used <= declared, used - declared
    for term in used:
        labels = {label.language for label in ontology.objects(URIRef(term), RDFS.label)}
        assert labels == {"zh", "en"}, term


def test_built_graph_conforms(shapes):
    assert violations_of(built_store(), shapes) == []


def test_the_same_entity_from_two_documents_conforms(shapes):
    store = built_store()
    other = sample_extraction()
    other.document.sha256 = "f" * 64
    other.document.path = "/data/docs/copy.txt"
    store.extend(extraction_quads(other, ingested_at=WHEN))
    assert violations_of(store, shapes) == []


def test_a_second_label_is_a_violation(shapes):
    store = built_store()
    province = ox.NamedNode(entity_iri("Region", "江苏省"))
    store.add(ox.Quad(province, LABEL, ox.Literal("江苏", language="zh"), graph_of()))
    assert any("exactly one non-empty rdfs:label@zh" in v and "江苏省" in v for v in violations_of(store, shapes))


def test_a_label_without_chinese_language_tag_is_a_violation(shapes):
    store = built_store()
    province = ox.NamedNode(entity_iri("Region", "江苏省"))
    store.remove(ox.Quad(province, LABEL, ox.Literal("江苏省", language="zh"), graph_of()))
    store.add(ox.Quad(province, LABEL, ox.Literal("江苏省"), graph_of()))
    found = violations_of(store, shapes)
    assert any(v.startswith(province.value) for v in found), found


def test_a_relation_with_the_wrong_types_is_a_violation(shapes):
    store = built_store()
    region = ox.NamedNode(entity_iri("Region", "苏州市"))
    province = ox.NamedNode(entity_iri("Region", "江苏省"))
    store.add(ox.Quad(region, ox.NamedNode(str(KG.issuedBy)), province, graph_of()))
    found = violations_of(store, shapes)
    assert any("kg:Policy" in v or "Policy" in v for v in found)
    assert any("issuedBy" in v and "Organization" in v for v in found)


def test_an_entity_with_two_types_is_a_violation(shapes):
    store = built_store()
    region = ox.NamedNode(entity_iri("Region", "苏州市"))
    store.add(ox.Quad(region, RDF_TYPE, ox.NamedNode(str(KG.Industry)), graph_of()))
    assert any("exactly one of the types" in v for v in violations_of(store, shapes))


def test_missing_sentence_text_and_document_metadata_are_violations(shapes):
    store = built_store()
    doc = graph_of()
    sentence = ox.NamedNode(sentence_iri(doc.value, 0))
    for predicate in (str(KG.text), str(KG.sha256)):
        for quad in list(store.quads_for_pattern(None, ox.NamedNode(predicate), None)):
            store.remove(quad)
    found = violations_of(store, shapes)
    assert any(v.startswith(f"{sentence.value} {KG.text}") for v in found)
    assert any(v.startswith(f"{doc.value} {KG.sha256}") for v in found)


def test_evidence_must_point_to_a_sentence_and_a_stated_triple(shapes):
    extraction = sample_extraction()
    store = built_store(extraction)
    relation = extraction.relations[0]
    doc = graph_of()
    evidence = ox.NamedNode(assertion_iri(doc.value, relation.head, relation.relation, relation.tail, relation.sentence))
    for quad in list(store.quads_for_pattern(evidence, ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), None)):
        store.remove(quad)
    store.remove(ox.Quad(ox.NamedNode(relation.head), ox.NamedNode(str(KG.issuedBy)), ox.NamedNode(relation.tail), doc))
    found = [v for v in violations_of(store, shapes) if evidence.value in v]
    assert any(v.startswith(evidence.value) and "wasDerivedFrom" in v for v in found)
    assert any("reifies a relation triple that is not stated" in v for v in found)


def test_a_region_part_of_itself_is_a_violation(shapes):
    store = built_store()
    region = ox.NamedNode(entity_iri("Region", "苏州市"))
    store.add(ox.Quad(region, ox.NamedNode(str(KG.partOf)), region, graph_of()))
    assert any("is part of itself" in v and region.value in v for v in violations_of(store, shapes))


def test_a_mention_of_an_untyped_node_is_a_violation(shapes):
    store = built_store()
    industry = ox.NamedNode(entity_iri("Industry", "新能源汽车"))
    store.remove(ox.Quad(industry, RDF_TYPE, ox.NamedNode(str(KG.Industry)), graph_of()))
    assert any(v.startswith(industry.value) and "not a Policy, Region" in v for v in violations_of(store, shapes))


@pytest.mark.parametrize("term", [
    ox.Triple(ox.NamedNode("http://example.org/a"), LABEL, ox.Literal("江苏省", language="zh")),
    ox.Literal("江苏省", language="zh", direction=ox.BaseDirection.LTR),
], ids=["triple-term", "base-direction"])
def test_rdf_1_2_terms_the_validator_cannot_read_are_one_error_naming_the_triple(term):
    """A Graph Store client may write them; rdflib failed on them as 'ParserError: Invalid line: …'
    (kg validate's last-resort line), after a warning of its own on stderr."""
    from kg.errors import KgError

    store = built_store()
    triple = ox.Triple(ox.NamedNode("http://example.org/s"), LABEL, term)
    store.add(ox.Quad(triple.subject, triple.predicate, triple.object, ox.NamedNode("http://example.org/g")))
    with pytest.raises(KgError) as refused:
        union_graph(store)
    assert str(refused.value) == (f"cannot validate {triple}: triple terms and base directions (RDF 1.2) are "
                                  "beyond the SHACL validator (rdflib)")
