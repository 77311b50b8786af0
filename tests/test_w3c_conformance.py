"""W3C SPARQL 1.1 conformance of a live ``kg serve``: the Protocol manifest (all 34 tests), the
Graph Store Protocol manifests and the Service Description tests."""
from __future__ import annotations

import pytest
import requests
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from tests.conftest import SPARQL11
from tests.server_fixtures import live_server
from tests.w3c_runner import Runner, load_manifest

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("w3c") / "store") as live:
        yield live


def _run_manifest(server, manifest, path_map):
    graph, tests = load_manifest(manifest)
    runner = Runner(graph, server.base, server.token, path_map)
    outcomes = [runner.run(test) for test in tests]
    failed = [f"{o.test.iri.split('#')[-1]}: {'; '.join(o.failures)}" for o in outcomes if not o.passed]
    return tests, outcomes, failed


def test_protocol_manifest_all_34_pass(server):
    tests, outcomes, failed = _run_manifest(server, SPARQL11 / "protocol" / "manifest.ttl", {"/sparql": "/sparql"})
    assert len(tests) == 34 and len(outcomes) == 34, "the runner must find and run all 34 tests"
    assert not failed, "\n".join(failed)


def test_graph_store_protocol_manifests_pass(server):
    tests, outcomes, failed = _run_manifest(
        server, SPARQL11 / "graph-store-protocol" / "manifest.ttl", {"/gsp": "/store"}
    )
    names = {t.iri.split("#")[-1] for t in tests}
    assert len(tests) == 13 and {"put_get_default", "post_get_new_graph", "head_existing_direct"} <= names
    assert not failed, "\n".join(failed)


def _service_description(server, accept: str = "text/turtle") -> tuple[requests.Response, Graph]:
    response = requests.get(server.sparql, headers={"Accept": accept}, timeout=10)
    assert response.status_code == 200, response.text
    media = response.headers["Content-Type"].split(";")[0]
    fmt = {"text/turtle": "turtle", "application/rdf+xml": "xml", "application/ld+json": "json-ld",
           "application/n-triples": "nt"}[media]
    return response, Graph().parse(data=response.text, format=fmt)


def test_service_description_returns_rdf_in_every_negotiated_format(server):
    manifest = Graph().parse(SPARQL11 / "service-description" / "manifest.ttl")
    assert len(set(manifest.subjects(RDF.type, URIRef("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#ServiceDescriptionTest")))) == 3
    sizes = set()
    for accept in ("text/turtle", "application/rdf+xml", "application/ld+json", "application/n-triples"):
        response, graph = _service_description(server, accept)
        assert response.headers["Content-Type"].startswith(accept)
        sizes.add(len(graph))
    assert len(sizes) == 1 and sizes.pop() > 10


def test_service_description_has_matching_endpoint_triple(server):
    _, graph = _service_description(server)
    services = list(graph.subjects(RDF.type, SD.Service))
    assert len(services) == 1
    assert (services[0], SD.endpoint, URIRef(server.sparql)) in graph


def test_service_description_conforms_to_sd_schema(server):
    """Every sd: term used is defined by the SD vocabulary, with the ranges it declares."""
    _, graph = _service_description(server)
    service = next(graph.subjects(RDF.type, SD.Service))
    languages = set(graph.objects(service, SD.supportedLanguage))
    assert languages == {SD.SPARQL11Query, SD.SPARQL11Update}  # the test server has a token
    assert set(graph.objects(service, SD.feature)) <= {
        SD.DereferencesURIs, SD.UnionDefaultGraph, SD.RequiresDataset, SD.EmptyGraphs, SD.BasicFederatedQuery
    }
    assert SD.UnionDefaultGraph in set(graph.objects(service, SD.feature))
    for fmt in graph.objects(service, SD.resultFormat):
        assert str(fmt).startswith("http://www.w3.org/ns/formats/")
    dataset = graph.value(service, SD.defaultDataset)
    assert (dataset, RDF.type, SD.Dataset) in graph
    assert (graph.value(dataset, SD.defaultGraph), RDF.type, SD.Graph) in graph
    used = {p for p in graph.predicates() if str(p).startswith(str(SD))}
    used |= {o for o in graph.objects() if isinstance(o, URIRef) and str(o).startswith(str(SD))}
    known = {SD[n] for n in (
        "endpoint supportedLanguage feature defaultDataset defaultGraph resultFormat inputFormat "
        "Service Dataset Graph SPARQL11Query SPARQL11Update UnionDefaultGraph BasicFederatedQuery"
    ).split()}
    assert used <= known
