"""A client's update through the server never reveals a graph another writer has not finished
(issue 12): clearing or replacing the default graph, where the completeness markers live
(kg.graph.chunked), keeps the markers of the graphs still there; DROP ALL / CLEAR ALL leave an
empty store whose derived indexes say so.

The unfinished graph is a writer's between two chunks (``write_hidden`` without ``reveal``), as a
``kg build`` writing to a shared remote store leaves it while the server runs.
"""
from __future__ import annotations

import pytest
from export_fixtures import document_quads, relations_in_index, small_docs

from kg.config import ServerConfig
from kg.graph.chunked import hidden_graphs, write_hidden
from kg.graph.store import GraphStore
from kg.server import create_app
from kg.vocab import document_iri

TOKEN = "t0ken-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NQUADS = {"Accept": "application/n-quads"}


@pytest.fixture
def served(tmp_path):
    """(test client, graph store, IRI of the unfinished graph): one complete document, and half
    of another written hidden."""
    complete, unfinished = small_docs()[:2]
    graph_store = GraphStore(tmp_path / "store")
    graph_store.write_document(document_iri(complete.sha), document_quads(complete))
    iri = document_iri(unfinished.sha)
    half = document_quads(unfinished)[: len(document_quads(unfinished)) // 2]
    write_hidden(graph_store.store, iri, half, 5)
    app = create_app(ServerConfig(store=tmp_path / "store", update_token=TOKEN), graph_store=graph_store)
    yield app.test_client(), graph_store, iri
    graph_store.close()


def update(client, text: str) -> None:
    response = client.post("/sparql", data=text.encode(), headers={"Content-Type": "application/sparql-update", **AUTH})
    assert response.status_code == 204, response.data


def unseen(client, graph_store: GraphStore, iri: str) -> None:
    """The unfinished graph is still hidden from every kind of reader."""
    assert hidden_graphs(graph_store.store) == {iri}
    assert f"<{iri}>".encode() not in client.get("/store", headers=NQUADS).data
    rows = graph_store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert iri not in {row["g"].value for row in rows}
    assert not graph_store.has_document(iri)


@pytest.mark.parametrize("text", [
    "CLEAR DEFAULT", "DROP DEFAULT", "CLEAR SILENT DEFAULT", "DELETE WHERE { ?s ?p ?o }",
    "INSERT DATA { <http://e/s> <http://e/p> 1 } ; CLEAR DEFAULT ;",
    "PREFIX e: <http://e/> INSERT DATA { e:s e:p e:o } ; DELETE WHERE { ?s ?p ?o }",
    "CLEAR DEFAULT # a comment at the end",
])
def test_a_sparql_update_of_the_default_graph_keeps_an_unfinished_graph_hidden(served, text):
    client, graph_store, iri = served
    update(client, text)
    unseen(client, graph_store, iri)


def test_graph_store_writes_of_the_default_graph_keep_an_unfinished_graph_hidden(served):
    client, graph_store, iri = served
    assert client.delete("/store?default", headers=AUTH).status_code == 204
    unseen(client, graph_store, iri)
    response = client.put("/store?default", data=b"<http://e/s> <http://e/p> <http://e/o> .",
                          headers={"Content-Type": "application/n-triples", **AUTH})
    assert response.status_code in (201, 204)
    unseen(client, graph_store, iri)


def test_graph_store_writes_to_an_unfinished_graph_are_a_conflict(served):
    client, graph_store, iri = served
    for method in ("put", "post", "delete"):
        response = getattr(client, method)("/store", query_string={"graph": iri}, data=b"",
                                           headers={"Content-Type": "application/n-triples", **AUTH})
        assert response.status_code == 409 and b"being written" in response.data
    unseen(client, graph_store, iri)


@pytest.mark.parametrize("text", ["DROP ALL", "CLEAR ALL"])
def test_drop_all_leaves_an_empty_store_and_empty_indexes(served, text):
    client, graph_store, _ = served
    update(client, text)
    assert graph_store.store.is_empty() and not hidden_graphs(graph_store.store)
    assert client.get("/stats").get_json()["quads"] == 0
    assert client.get("/store", headers=NQUADS).data.strip() == b""
    graph_store.current_index()
    assert relations_in_index(graph_store) == {}
    assert client.get("/search?q=江苏&format=json").get_json()["total"] == 0
