"""Exports of the graph built from the project's documents (examples/ and the held-out texts): valid, and every reader sees what SPARQL counts."""
from __future__ import annotations

import pytest

from export_helpers import (
    count_edges, count_nodes, read_graphology, read_igraph, read_networkx, validate, write,
)
from kg.export import make_filter
from kg.export.xml import graphml_id
from kg.graph.store import GraphStore


@pytest.fixture(scope="module")
def corpus_store(corpus_files):
    from kg.link import Linker
    from kg.pipeline import build

    graph_store = GraphStore(None)
    report = build(corpus_files, graph_store, linker=Linker(graph_store))
    assert report.ok
    return graph_store


@pytest.fixture(scope="module")
def exported(corpus_store, tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus-export")
    return {fmt: write(corpus_store, folder, fmt) for fmt in ("graphml", "gexf")}


def test_corpus_graph_is_not_trivial(corpus_store):
    assert count_nodes(corpus_store) > 100 and count_edges(corpus_store) > 100


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_corpus_exports_validate_and_read_back_in_networkx(corpus_store, exported, fmt):
    validate(exported[fmt])
    graph = read_networkx(exported[fmt])
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (count_nodes(corpus_store), count_edges(corpus_store))


def test_corpus_graphml_reads_in_igraph_and_graphology(corpus_store, exported):
    expected = (count_nodes(corpus_store), count_edges(corpus_store))
    graph = read_igraph(exported["graphml"])
    assert (graph.vcount(), graph.ecount()) == expected
    shape = read_graphology(exported["graphml"])
    assert (shape["order"], shape["size"]) == expected


def test_corpus_ego_network_of_the_best_connected_region(corpus_store, tmp_path):
    graph = read_networkx(write(corpus_store, tmp_path, "graphml"))
    regions = [(d["degree"], n) for n, d in graph.nodes(data=True) if d["type"] == "Region"]
    degree, hub = max(regions)
    label = graph.nodes[hub]["label"]
    ego = read_networkx(write(corpus_store, tmp_path, "graphml", make_filter(around=label, hops=1), "ego.graphml"))
    assert hub in ego and ego.number_of_nodes() == len(set(graph.predecessors(hub)) | set(graph.successors(hub))) + 1
    assert graphml_id(graph.nodes[hub]["iri"]) == hub


def test_corpus_batching_and_node_scan_do_not_change_the_output(corpus_store):
    from kg.export.selection import Selection
    from kg.export.xml import graphml

    assert "".join(graphml(Selection(corpus_store, make_filter(), batch=37))) == \
        "".join(graphml(Selection(corpus_store, make_filter(), batch=100_000)))
