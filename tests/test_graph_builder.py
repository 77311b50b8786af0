"""extraction_quads writes exactly the RDF model of the README, deterministically."""
from __future__ import annotations

from datetime import datetime, timezone

import pyoxigraph as ox
import pytest

from graph_fixtures import sample_document, sample_extraction
from kg.graph.builder import LINK_METHOD_ATTRIBUTE, LINK_SCORE_ATTRIBUTE, extraction_quads
from kg import vocab as v
from kg.vocab import KG, assertion_iri, document_iri, entity_iri, mention_iri, sentence_iri

WHEN = datetime(2026, 3, 1, 8, 30, tzinfo=timezone.utc)


def n(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def objects(quads, subject: str, predicate) -> list:
    return [q.object for q in quads if q.subject.value == subject and q.predicate == n(predicate)]


def one(quads, subject: str, predicate):
    found = objects(quads, subject, predicate)
    assert len(found) == 1, (subject, predicate, found)
    return found[0]


def integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=n(v.XSD.integer))


@pytest.fixture(scope="module")
def extraction():
    return sample_extraction()


@pytest.fixture(scope="module")
def quads(extraction):
    return extraction_quads(extraction, ingested_at=WHEN)


@pytest.fixture(scope="module")
def doc(extraction) -> str:
    return document_iri(extraction.document.sha256)


def test_every_quad_is_in_the_document_graph(quads, doc):
    assert quads and {q.graph_name for q in quads} == {ox.NamedNode(doc)}
    assert len(set(quads)) == len(quads)


def test_document_metadata(quads, doc, extraction):
    d = extraction.document
    assert one(quads, doc, v.RDF.type) == n(KG.Document)
    assert one(quads, doc, v.DCTERMS.title) == ox.Literal(d.title)
    assert one(quads, doc, v.DCTERMS.source) == ox.Literal("sample.txt")
    assert one(quads, doc, KG.sourcePath) == ox.Literal("/data/docs/sample.txt")
    assert one(quads, doc, KG.sha256) == ox.Literal(d.sha256)
    assert one(quads, doc, KG.encoding) == ox.Literal("utf-8")
    assert one(quads, doc, v.DCTERMS.format) == ox.Literal("text/plain")
    assert one(quads, doc, v.PROV.generatedAtTime) == ox.Literal(
        "2026-03-01T08:30:00+00:00", datatype=n(v.XSD.dateTime)
    )


def test_sentences_carry_text_and_normalised_and_source_offsets(quads, doc, extraction):
    first, second = extraction.document.sentences
    s0, s1 = sentence_iri(doc, 0), sentence_iri(doc, 1)
    assert one(quads, s0, v.RDF.type) == n(KG.Sentence)
    assert one(quads, s0, KG.text) == ox.Literal(first.text)
    assert one(quads, s0, KG["index"]) == integer(0)
    assert one(quads, s0, v.DCTERMS.isPartOf) == ox.NamedNode(doc)
    # The source file had a stray space inside "江 苏": normalised 0–26 is source 0–27.
    assert (one(quads, s0, KG.start), one(quads, s0, KG.end)) == (integer(0), integer(26))
    assert (one(quads, s0, KG.sourceStart), one(quads, s0, KG.sourceEnd)) == (integer(0), integer(27))
    assert (one(quads, s1, KG.start), one(quads, s1, KG.end)) == (integer(26), integer(second.end))
    assert (one(quads, s1, KG.sourceStart), one(quads, s1, KG.sourceEnd)) == (integer(27), integer(second.end + 1))
    source = "江 苏省人民政府印发《江苏省新能源汽车产业发展规划》。规划提出，苏州市重点发展新能源汽车。"
    assert source[27:second.end + 1] == second.text


def test_sentences_without_mention_or_evidence_are_not_written(doc):
    extraction = sample_extraction()
    extraction.relations = [r for r in extraction.relations if r.sentence == 0]
    for entity in extraction.entities:
        entity.mentions = [m for m in entity.mentions if m.sentence == 0]
    quads = extraction_quads(extraction, ingested_at=WHEN)
    assert objects(quads, sentence_iri(doc, 0), v.RDF.type)
    assert not [q for q in quads if q.subject.value == sentence_iri(doc, 1)]


def test_entities_have_type_zh_label_and_aliases(quads):
    province = entity_iri("Region", "江苏省")
    assert one(quads, province, v.RDF.type) == n(KG.Region)
    assert one(quads, province, v.RDFS.label) == ox.Literal("江苏省", language="zh")
    assert objects(quads, province, v.SKOS.altLabel) == []
    for entity_type, name in [("Policy", "江苏省新能源汽车产业发展规划"), ("Organization", "江苏省人民政府"),
                              ("Industry", "新能源汽车"), ("Region", "苏州市")]:
        iri = entity_iri(entity_type, name)
        assert one(quads, iri, v.RDF.type) == n(KG[entity_type])
        assert one(quads, iri, v.RDFS.label) == ox.Literal(name, language="zh")


def test_aliases_and_other_surface_forms_become_alt_labels():
    extraction = sample_extraction()
    industry = next(e for e in extraction.entities if e.type == "Industry")
    industry.aliases = ["新能源车"]
    industry.mentions[0].text = "新能源汽车产业"
    quads = extraction_quads(extraction, ingested_at=WHEN)
    assert sorted(o.value for o in objects(quads, industry.iri, v.SKOS.altLabel)) == ["新能源汽车产业", "新能源车"]
    assert all(o.language == "zh" for o in objects(quads, industry.iri, v.SKOS.altLabel))


def test_entities_linked_to_one_node_merge_into_one_label():
    extraction = sample_extraction()
    province = next(e for e in extraction.entities if e.name == "江苏省")
    org = next(e for e in extraction.entities if e.type == "Organization")
    duplicate = type(province)(type="Region", name="江苏", key="江苏", iri=province.iri, mentions=[])
    extraction.entities.append(duplicate)
    quads = extraction_quads(extraction, ingested_at=WHEN)
    assert one(quads, province.iri, v.RDFS.label) == ox.Literal("江苏省", language="zh")
    assert one(quads, province.iri, v.SKOS.altLabel) == ox.Literal("江苏", language="zh")
    assert one(quads, org.iri, v.RDF.type) == n(KG.Organization)


def test_mentions(quads, doc):
    mention = mention_iri(doc, 31, 34)
    assert one(quads, mention, v.RDF.type) == n(KG.Mention)
    assert one(quads, mention, KG.mentionOf) == ox.NamedNode(entity_iri("Region", "苏州市"))
    assert one(quads, mention, KG.surface) == ox.Literal("苏州市")
    assert (one(quads, mention, KG.start), one(quads, mention, KG.end)) == (integer(31), integer(34))
    assert one(quads, mention, KG.inSentence) == ox.NamedNode(sentence_iri(doc, 1))
    assert objects(quads, mention, KG.linkMethod) == []
    mentions = {q.subject for q in quads if q.predicate == n(v.RDF.type) and q.object == n(KG.Mention)}
    assert len(mentions) == 5


def test_link_details_are_written_on_mentions(doc):
    extraction = sample_extraction()
    region = next(e for e in extraction.entities if e.name == "苏州市")
    region.attributes[LINK_METHOD_ATTRIBUTE] = "alias"
    region.attributes[LINK_SCORE_ATTRIBUTE] = "0.9800"
    quads = extraction_quads(extraction, ingested_at=WHEN)
    mention = mention_iri(doc, 31, 34)
    assert one(quads, mention, KG.linkMethod) == ox.Literal("alias")
    assert one(quads, mention, KG.linkScore) == ox.Literal("0.98", datatype=n(v.XSD.decimal))


def test_relations_are_plain_triples_with_one_evidence_node_per_sentence(quads, doc):
    region, industry = entity_iri("Region", "苏州市"), entity_iri("Industry", "新能源汽车")
    assert one(quads, region, KG.develops) == ox.NamedNode(industry)
    evidence = assertion_iri(doc, region, "develops", industry, 1)
    assert one(quads, evidence, v.RDF.type) == n(KG.Assertion)
    assert one(quads, evidence, v.RDF.subject) == ox.NamedNode(region)
    assert one(quads, evidence, v.RDF.predicate) == n(KG.develops)
    assert one(quads, evidence, v.RDF.object) == ox.NamedNode(industry)
    # two rules found it in the same sentence: one node, best confidence, both methods
    assert one(quads, evidence, KG.confidence) == ox.Literal("0.85", datatype=n(v.XSD.decimal))
    assert sorted(o.value for o in objects(quads, evidence, KG.method)) == ["cooccurrence", "pattern:重点发展"]
    assert one(quads, evidence, v.PROV.wasDerivedFrom) == ox.NamedNode(sentence_iri(doc, 1))
    assertions = {q.subject for q in quads if q.predicate == n(v.RDF.type) and q.object == n(KG.Assertion)}
    assert len(assertions) == 5
    relation_predicates = {str(KG[p]) for p in ("issuedBy", "targets", "appliesTo", "develops", "partOf")}
    assert sorted(q.predicate.value for q in quads if q.predicate.value in relation_predicates) == sorted(relation_predicates)


def test_quads_are_deterministic_and_iris_derive_from_content():
    first = extraction_quads(sample_extraction(), ingested_at=WHEN)
    again = extraction_quads(sample_extraction(), ingested_at=WHEN)
    assert first == again
    later = extraction_quads(sample_extraction(), ingested_at=datetime(2027, 1, 1, tzinfo=timezone.utc))
    assert set(first) ^ set(later) == {q for q in set(first) ^ set(later) if q.predicate == n(v.PROV.generatedAtTime)}
    other = sample_document(text="苏州市重点发展新能源汽车。", path="/data/docs/sample.txt")
    assert document_iri(other.sha256) != document_iri(sample_document().sha256)


def test_naive_ingest_time_is_taken_as_utc(doc):
    quads = extraction_quads(sample_extraction(), ingested_at=datetime(2026, 3, 1, 8, 30))
    assert one(quads, doc, v.PROV.generatedAtTime).value == "2026-03-01T08:30:00+00:00"


def test_relation_to_an_entity_outside_the_extraction_is_refused():
    extraction = sample_extraction()
    extraction.relations[0].tail = entity_iri("Organization", "不存在的机构")
    with pytest.raises(ValueError, match="does not contain"):
        extraction_quads(extraction, ingested_at=WHEN)


@pytest.mark.parametrize("name, segment", [
    ("江苏省", "江苏省"),
    ("A&B(1)", "A&B(1)"),  # sub-delims stand in a path segment
    ('一"二"\\三<四>', "一%22二%22%5C三%3C四%3E"),
    ("比\u202e亚迪\u202c股份有限公司", "比%E2%80%AE亚迪%E2%80%AC股份有限公司"),  # displays reversed: RFC 3987 §4.1 forbids it
    ("华\u2066为\u2069", "华%E2%81%A6为%E2%81%A9"),
    ("苏州\x85市", "苏州%C2%85市"),  # a C1 control: no ucschar
    ("南京\ufffe市", "南京%EF%BF%BE市"),  # a non-character
])
def test_entity_iris_hold_only_characters_an_iri_may(name, segment):
    """A name a hostile file brought: the IRI percent-encodes what RFC 3987 leaves out, and parses as an IRI."""
    iri = entity_iri("Enterprise", name)
    assert iri == f"{v.ID}enterprise/{segment}"
    ox.NamedNode(iri)
    assert ox.parse(f"<{iri}> <{iri}> <{iri}> .".encode(), format=ox.RdfFormat.N_TRIPLES)
