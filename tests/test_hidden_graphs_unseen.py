"""A document a dead writer left half-written (hidden behind its completeness marker,
kg.graph.chunked) is seen by no reader: not the whole-dataset and default-graph reads of the
Graph Store Protocol, the browse pages, the exports, ``kg stats`` or ``kg validate`` (issue 12).

The half-written document is a real one: ``kg build`` killed between two of its chunks
(``KG_KILL_AT``). Every reader opens that store read-only, so nothing heals it, and must see
exactly what it sees in a copy that a writable open healed (the dead document deleted).
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_interrupted_writes import EXAMPLES, SMALL_CHUNKS, kg, killed

from kg.config import ServerConfig
from kg.graph.chunked import hidden_graphs
from kg.graph.store import GraphStore
from kg.server import create_app

pytestmark = pytest.mark.xdist_group("interrupted-writes")

NQUADS = {"Accept": "application/n-quads"}


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> tuple[Path, Path, str]:
    """(a store whose build died between the chunks of a document, the same store healed, that
    document's IRI)."""
    folder = tmp_path_factory.mktemp("half-written")
    dead, healed = folder / "dead", folder / "healed"
    assert killed(kg("build", EXAMPLES, "--store", dead, kill_at="store-chunk-written:9", **SMALL_CHUNKS))
    shutil.copytree(dead, healed)
    with GraphStore(dead, read_only=True) as reader:
        (hidden,) = hidden_graphs(reader.store)
        assert next(reader.store.quads_for_pattern(None, None, None, ox.NamedNode(hidden)), None) is not None
    with GraphStore(healed):  # a writable open deletes the dead document
        pass
    return dead, healed, hidden


def nquads(body: bytes | str) -> set[str]:
    text = body.decode() if isinstance(body, bytes) else body
    return {line for line in text.splitlines() if line.strip()}


@pytest.mark.parametrize("fmt", ["nquads", "turtle"])
def test_rdf_exports_leave_a_half_written_document_out(stores, tmp_path, fmt):
    dead, healed, _ = stores
    outputs = []
    for store in (dead, healed):
        out = tmp_path / f"{store.name}.{fmt}"
        done = kg("export", fmt, "--store", store, "--out", out)
        assert done.returncode == 0, done.stderr
        outputs.append(nquads(out.read_text(encoding="utf-8")))
    assert outputs[0] == outputs[1]


def test_stats_and_validate_count_without_a_half_written_document(stores):
    dead, healed, _ = stores
    figures = [json.loads(kg("stats", "--json", "--store", store).stdout) for store in (dead, healed)]
    assert figures[0] == figures[1]
    validated = [kg("validate", "--store", store) for store in (dead, healed)]
    counts = [done.stdout.rsplit("(", 1)[-1] for done in validated]
    assert counts[0] == counts[1] and "distinct triples" in counts[0]


@pytest.fixture
def clients(stores):
    """Test clients of the server over the dead store and over the healed one, both read-only."""
    dead, healed, _ = stores
    opened = [GraphStore(store, read_only=True) for store in (dead, healed)]
    yield [create_app(ServerConfig(store=store.path), graph_store=store).test_client() for store in opened]
    for store in opened:
        store.close()


def test_graph_store_reads_of_the_dataset_leave_a_half_written_document_out(stores, clients):
    hidden = stores[2]
    dead, healed = (client.get("/store", headers=NQUADS) for client in clients)
    assert dead.status_code == healed.status_code == 200
    assert nquads(dead.data) == nquads(healed.data)
    assert f"<{hidden}>" not in dead.get_data(as_text=True)
    default = [client.get("/store?default", headers=NQUADS) for client in clients]
    assert nquads(default[0].data) == nquads(default[1].data) == set()
    assert clients[0].get("/store", query_string={"graph": hidden}, headers=NQUADS).status_code == 404


def test_browse_pages_and_exports_of_the_server_leave_a_half_written_document_out(stores, clients):
    hidden = stores[2]
    page = "/id/" + hidden.split("/id/", 1)[1]
    for accept in ("text/html", "text/turtle"):
        assert clients[0].get(page, headers={"Accept": accept}).status_code == 404
    dead, healed = (client.get("/stats").get_json() for client in clients)
    assert dead == healed
    dead, healed = (client.get("/export/nquads").data for client in clients)
    assert nquads(dead) == nquads(healed)
    # an entity the dead document names: its description holds nothing from that document
    with GraphStore(stores[0], read_only=True) as reader:
        entity = next(q.subject.value for q in reader.store.quads_for_pattern(
            None, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), None, ox.NamedNode(hidden))
            if "/id/region/" in q.subject.value)
    described = [client.get("/id/" + entity.split("/id/", 1)[1], headers={"Accept": "application/n-triples"})
                 for client in clients]
    assert described[0].status_code == described[1].status_code
    assert nquads(described[0].data) == nquads(described[1].data)
