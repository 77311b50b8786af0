"""A live ``kg serve`` subprocess: real SPARQL clients (SPARQLWrapper, rdflib's SPARQLStore and
SPARQLUpdateStore), the query timeout on a pathological query, and CLI start-up errors."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

from kg.graph.builder import extraction_quads
from kg.graph.store import GraphStore
from kg.vocab import document_iri
from tests.server_fixtures import TOKEN, live_server, sample_extraction

KG = "https://w3id.org/kgcn/ontology#"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from datetime import datetime, timezone

    path = tmp_path_factory.mktemp("live") / "store"
    extraction = sample_extraction()
    with GraphStore(path) as store:
        store.write_document(document_iri(extraction.document.sha256),
                             extraction_quads(extraction, ingested_at=datetime(2024, 1, 1, tzinfo=timezone.utc)))
    with live_server(path) as live:
        yield live


def test_sparqlwrapper_select_ask_construct(server):
    client = SPARQLWrapper(server.sparql)
    client.setReturnFormat(JSON)
    client.setQuery(f"SELECT ?name WHERE {{ ?r <{KG}develops> ?i . ?i <http://www.w3.org/2000/01/rdf-schema#label> ?name }}")
    rows = client.queryAndConvert()["results"]["bindings"]
    assert [r["name"]["value"] for r in rows] == ["新能源汽车"]

    client.setQuery(f"ASK {{ ?p <{KG}issuedBy> ?o }}")
    assert client.queryAndConvert()["boolean"] is True

    client.setMethod(POST)  # form POST, as SPARQLWrapper sends it
    client.setReturnFormat(TURTLE)
    client.setQuery(f"CONSTRUCT WHERE {{ ?r <{KG}develops> ?i }}")
    graph = Graph().parse(data=client.queryAndConvert(), format="turtle")
    assert len(graph) == 1


def test_sparqlwrapper_update_with_bearer_token(server):
    client = SPARQLWrapper(server.sparql)
    client.setMethod(POST)
    client.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    client.setQuery("INSERT DATA { GRAPH <http://example.org/wrapper> { <http://example.org/a> <http://example.org/b> 1 } }")
    assert client.query().response.status == 204
    reader = SPARQLWrapper(server.sparql)
    reader.setReturnFormat(JSON)
    reader.setQuery("ASK { <http://example.org/a> <http://example.org/b> 1 }")
    assert reader.queryAndConvert()["boolean"] is True


def test_rdflib_sparqlstore_reads_and_sparqlupdatestore_writes(server):
    graph = Graph(store=SPARQLStore(server.sparql, returnFormat="json"))
    labels = {str(row.name) for row in graph.query(
        f"SELECT ?name WHERE {{ ?p <{KG}issuedBy> ?o . ?o <http://www.w3.org/2000/01/rdf-schema#label> ?name }}"
    )}
    assert labels == {"江苏省人民政府"}
    assert (None, URIRef(KG + "develops"), None) in graph

    store = SPARQLUpdateStore(server.sparql, server.sparql, headers={"Authorization": f"Bearer {TOKEN}"})
    named = Graph(store=store, identifier=URIRef("http://example.org/rdflib"))
    named.add((URIRef("http://example.org/x"), URIRef("http://example.org/y"), Literal("由 rdflib 写入")))
    response = requests.get(server.base + "/store", params={"graph": "http://example.org/rdflib"},
                            headers={"Accept": "application/n-triples"}, timeout=10)
    assert "由 rdflib 写入" in response.text


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_timeout_stops_a_runaway_cross_join_and_frees_the_worker(tmp_path):
    triples = " ".join(f"<http://example.org/s{i}> <http://example.org/p> {i} ." for i in range(3000))
    with live_server(tmp_path / "store", "--timeout", "1", "--workers", "1", "--max-rows", "100000000") as live:
        live.update(f"INSERT DATA {{ GRAPH <http://example.org/g> {{ {triples} }} }}")
        started = time.monotonic()
        response = requests.get(live.sparql, params={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"}, timeout=60)
        elapsed = time.monotonic() - started
        assert response.status_code == 503 and "1 s time limit" in response.text
        assert elapsed < 5, f"the 9M-row cross join was answered after {elapsed:.1f} s"
        # The single worker is free at once, and the evaluation really stopped: the server burns
        # no CPU once it has answered.
        started = time.monotonic()
        quick = requests.get(live.sparql, params={"query": "ASK { ?s ?p 1 }"}, timeout=10)
        assert quick.status_code == 200 and time.monotonic() - started < 1
        before = _cpu_seconds(live.pid)
        time.sleep(1.0)
        assert _cpu_seconds(live.pid) - before < 0.3


def test_kg_serve_on_a_missing_store_is_one_line_error(tmp_path):
    kg = str(Path(sys.executable).with_name("kg"))
    env = {k: v for k, v in os.environ.items() if k != "KG_UPDATE_TOKEN"}
    result = subprocess.run([kg, "serve", "--store", str(tmp_path / "nothing")], capture_output=True,
                            text=True, timeout=60, env=env)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"kg: error: no graph store at {tmp_path / 'nothing'}: run `kg build` first "
        "(or give --update-token to serve an empty, writable store)"
    ]
