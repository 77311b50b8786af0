"""The generated Turtle vocabularies parse, agree with the compiled data file, and are complete."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from kg.config import ONTOLOGY_DIR
from kg.reference import load_reference
from kg import vocab
from kg.vocab import entity_iri

KG = Namespace(str(vocab.KG))  # rdflib's terms: looked up in rdflib graphs (kg.vocab's are strings)


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    result = {}
    for name in ("regions", "organizations", "industries"):
        graph = Graph()
        graph.parse(ONTOLOGY_DIR / f"{name}.ttl", format="turtle")
        result[name] = graph
    return result


def test_every_file_parses_and_is_not_empty(graphs):
    for name, graph in graphs.items():
        assert len(graph) > 500, name


def test_industry_concepts_have_labels_and_are_in_the_scheme(graphs):
    graph = graphs["industries"]
    assert (KG.IndustryTaxonomy, RDF.type, SKOS.ConceptScheme) in graph
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) >= 400
    for concept in concepts:
        assert (concept, RDF.type, KG.Industry) in graph
        assert graph.value(concept, SKOS.prefLabel) is not None, concept
        assert (concept, SKOS.inScheme, KG.IndustryTaxonomy) in graph, concept
        for broader in graph.objects(concept, SKOS.broader):
            assert (broader, RDF.type, SKOS.Concept) in graph, (concept, broader)


def test_turtle_agrees_with_compiled_data(graphs):
    ref = load_reference()
    industries = list(ref.entries("Industry"))
    assert {URIRef(e.iri) for e in industries} == set(graphs["industries"].subjects(RDF.type, KG.Industry))
    for entry in industries:
        node = URIRef(entry.iri)
        assert graphs["industries"].value(node, SKOS.prefLabel) == Literal(entry.name, lang="zh")
        labels = {str(o) for o in graphs["industries"].objects(node, SKOS.altLabel)}
        assert set(entry.aliases) <= labels
        assert {URIRef(entity_iri("Industry", p)) for p in entry.parents} == set(
            graphs["industries"].objects(node, SKOS.broader))
    organizations = {URIRef(e.iri) for e in ref.entries("Organization")}
    assert organizations == set(graphs["organizations"].subjects(RDF.type, KG.Organization))


def test_region_groupings_list_members_via_part_of(graphs):
    ref = load_reference()
    yrd = ref.lookup("长三角")[0]
    shanghai = ref.lookup("上海市")[0]
    assert (URIRef(shanghai.iri), KG.partOf, URIRef(yrd.iri)) in graphs["regions"]
    lingang = ref.lookup("临港新片区")[0]
    assert set(graphs["regions"].objects(URIRef(lingang.iri), KG.partOf)) == {
        URIRef(entity_iri("Region", key)) for key in lingang.parents}
