"""Graph Store writes parsed by pyoxigraph straight into the store (issue 12, 9): what a client
sees must not change with the faster path."""
from __future__ import annotations

import pytest

from kg.config import ServerConfig
from kg.graph.store import GraphStore
from kg.server import create_app

TOKEN = "s3cret"
NT = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/n-triples"}
GRAPH = "http://example.org/g"


@pytest.fixture
def served(tmp_path):
    graph_store = GraphStore(tmp_path / "kg")
    app = create_app(ServerConfig(store=tmp_path / "kg", update_token=TOKEN), graph_store=graph_store)
    yield app.test_client(), graph_store.store
    graph_store.close()


def triples(n: int, start: int = 0) -> bytes:
    return "".join(f'<http://example.org/s{i}> <http://example.org/p> "江苏省 {i}"@zh .\n'
                   for i in range(start, start + n)).encode()


def objects(store) -> set[str]:
    return {q.object.value for q in store.quads_for_pattern(None, None, None, None)}


def test_put_creates_then_replaces_and_post_appends(served):
    client, store = served
    assert client.put(f"/store?graph={GRAPH}", data=triples(500), headers=NT).status_code == 201
    assert len(store) == 500
    assert client.put(f"/store?graph={GRAPH}", data=triples(3, 1000), headers=NT).status_code == 204
    assert objects(store) == {"江苏省 1000", "江苏省 1001", "江苏省 1002"}
    assert client.post(f"/store?graph={GRAPH}", data=triples(2), headers=NT).status_code == 204
    assert len(store) == 5
    assert client.put(f"/store?graph={GRAPH}", data=b"", headers=NT).status_code == 204
    assert len(store) == 0


def test_a_malformed_replacement_loses_nothing(served):
    client, store = served
    client.put(f"/store?graph={GRAPH}", data=triples(10), headers=NT)
    bad = triples(10, 100) + b"<http://example.org/x> <http://example.org/p> .\n"
    assert client.put(f"/store?graph={GRAPH}", data=bad, headers=NT).status_code == 400
    assert client.post(f"/store?graph={GRAPH}", data=bad, headers=NT).status_code == 400
    assert objects(store) == {f"江苏省 {i}" for i in range(10)}


def test_blank_nodes_of_two_bodies_stay_apart(served):
    client, store = served
    body = b'_:b <http://example.org/p> "x" .\n'
    client.post("/store?graph=http://example.org/one", data=body, headers=NT)
    client.post("/store?graph=http://example.org/two", data=body, headers=NT)
    client.put("/store?default", data=body, headers=NT)
    assert len({q.subject for q in store}) == 3
