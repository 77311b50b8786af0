"""GraphML and GEXF exports: schema-valid, read back cleanly by networkx, igraph and graphology with
the store's counts, parallel edges kept, attributes right, XML specials escaped; RDF round-trips."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest

from export_fixtures import NASTY_ALIAS, NASTY_LABEL, SMALL_EDGES, SMALL_NODES, small_store
from export_helpers import (
    count_edges, count_nodes, read_graphology, read_igraph, read_networkx, validate, write,
)
from kg.export.xml import TYPE_COLOR, graphml_id
from kg.vocab import entity_iri

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://www.gexf.net/1.2draft}"
VIZ = "{http://www.gexf.net/1.2draft/viz}"

JIANGSU = entity_iri("Region", "江苏省")
POLICY_X = entity_iri("Policy", "政策X")
NEV = entity_iri("Industry", "新能源汽车")
SUZHOU = entity_iri("Region", "苏州工业园区")


@pytest.fixture(scope="module")
def store():
    return small_store()


@pytest.fixture(scope="module")
def files(store, tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    return {fmt: write(store, folder, fmt) for fmt in ("graphml", "gexf")}


def test_counts_match_sparql_over_the_store(store):
    assert (count_nodes(store), count_edges(store)) == (SMALL_NODES, SMALL_EDGES)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_valid_against_the_schema(files, fmt):
    validate(files[fmt])


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_networkx_reads_same_counts_and_parallel_edges(store, files, fmt):
    graph = read_networkx(files[fmt])
    assert graph.number_of_nodes() == count_nodes(store)
    assert graph.number_of_edges() == count_edges(store)
    policy, jiangsu = (graphml_id(i) for i in (POLICY_X, JIANGSU)) if fmt == "graphml" else (POLICY_X, JIANGSU)
    # Two relations between one pair are two edges (networkx#4347 would collapse them in Gephi).
    relations = sorted(d["relation"] for d in graph.get_edge_data(policy, jiangsu).values())
    assert relations == ["applies_to", "targets"]


def test_igraph_reads_graphml_with_same_counts(store, files):
    graph = read_igraph(files["graphml"])
    assert (graph.vcount(), graph.ecount()) == (count_nodes(store), count_edges(store))
    assert graph.is_directed()
    assert sorted(graph.es["relation"]).count("part_of") == 3


def test_graphology_reads_graphml_with_same_counts(store, files):
    graph = read_graphology(files["graphml"])
    assert (graph["order"], graph["size"]) == (count_nodes(store), count_edges(store))
    jiangsu = graph["nodes"][graphml_id(JIANGSU)]
    assert (jiangsu["label"], jiangsu["type"], jiangsu["iri"]) == ("江苏省", "Region", JIANGSU)
    pair = [e[1] for e in graph["edges"] if e[0] == graphml_id(POLICY_X) and e[2] == graphml_id(JIANGSU)]
    assert sorted(pair) == ["applies_to", "targets"]


def test_graphml_node_and_edge_attributes(files):
    graph = read_networkx(files["graphml"])
    jiangsu = graph.nodes[graphml_id(JIANGSU)]
    assert jiangsu["label"] == "江苏省" and jiangsu["type"] == "Region" and jiangsu["iri"] == JIANGSU
    assert jiangsu["aliases"] == "江苏|苏"
    assert jiangsu["documents"] == 2
    assert (jiangsu["r"], jiangsu["g"], jiangsu["b"]) == TYPE_COLOR["Region"]
    assert all(isinstance(jiangsu[k], int) for k in ("r", "g", "b", "degree", "documents"))
    for node, data in graph.nodes(data=True):  # degree attribute = edges in the file
        assert data["degree"] == graph.in_degree(node) + graph.out_degree(node)
        assert data["size"] >= 10.0
    develops = [d for d in graph.get_edge_data(graphml_id(JIANGSU), graphml_id(NEV)).values()]
    assert len(develops) == 1
    # Stated by both documents (0.9 and 0.6): weight counts documents, confidence is the best.
    assert develops[0]["weight"] == 2.0 and develops[0]["confidence"] == pytest.approx(0.9)
    assert develops[0]["label"] == "develops"


def test_graphml_declares_each_key_once_with_types(files):
    root = ET.parse(files["graphml"]).getroot()
    keys = root.findall(f"{GRAPHML}key")
    assert len({k.get("id") for k in keys}) == len(keys)
    assert len({(k.get("for"), k.get("attr.name")) for k in keys}) == len(keys)
    types = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in keys}
    assert types[("node", "r")] == types[("node", "degree")] == "int"
    assert types[("edge", "weight")] == "int" and types[("edge", "confidence")] == "double"
    edge_ids = [e.get("id") for e in root.iter(f"{GRAPHML}edge")]
    assert len(set(edge_ids)) == len(edge_ids) == SMALL_EDGES
    # Only entities are nodes: no literals, evidence, mentions or documents.
    assert all(n.get("id").split(":")[0] in {"region", "industry", "policy", "enterprise", "organization"}
               for n in root.iter(f"{GRAPHML}node"))


def test_gexf_colour_size_typed_attributes_and_no_graph_name(files):
    root = ET.parse(files["gexf"]).getroot()
    graph = root.find(f"{GEXF}graph")
    assert "name" not in graph.attrib and graph.get("defaultedgetype") == "directed"
    declared = {(a.get("class"), x.get("id")): x.get("type")
                for a in graph.findall(f"{GEXF}attributes") for x in a.findall(f"{GEXF}attribute")}
    assert declared[("node", "degree")] == "integer" and declared[("edge", "confidence")] == "double"
    node = next(n for n in graph.iter(f"{GEXF}node") if n.get("id") == JIANGSU)
    # Colour and size belong to the viz namespace (the GEXF primer, Gephi), never to GEXF's own.
    assert node.find(f"{GEXF}color") is None and node.find(f"{GEXF}size") is None
    color = node.find(f"{VIZ}color")
    assert tuple(int(color.get(c)) for c in "rgb") == TYPE_COLOR["Region"]
    assert float(node.find(f"{VIZ}size").get("value")) > 10.0
    assert node.find(f"{VIZ}position") is None  # layout-free


def test_networkx_reads_gexf_colours_and_sizes(files):
    graph = read_networkx(files["gexf"])
    for node, data in graph.nodes(data=True):
        color = data["viz"]["color"]
        assert (color["r"], color["g"], color["b"]) == TYPE_COLOR[data["type"]], node
        assert data["viz"]["size"] >= 10.0


def test_graphology_reads_gexf_with_colours_sizes_and_counts(store, files):
    graph = read_graphology(files["gexf"])
    assert (graph["order"], graph["size"]) == (count_nodes(store), count_edges(store))
    jiangsu = graph["nodes"][JIANGSU]
    assert (jiangsu["label"], jiangsu["type"]) == ("江苏省", "Region")
    assert jiangsu["color"] == "rgb({},{},{})".format(*TYPE_COLOR["Region"])
    assert jiangsu["size"] > 10.0
    pair = [e[1] for e in graph["edges"] if e[0] == POLICY_X and e[2] == JIANGSU]
    assert sorted(pair) == ["applies_to", "targets"]


def test_special_characters_escaped_and_round_trip(files):
    raw = files["graphml"].read_text("utf-8")
    assert "&amp;" in raw and "&lt;工业园区&gt;" in raw
    for fmt in ("graphml", "gexf"):
        graph = read_networkx(files[fmt])
        node = graph.nodes[graphml_id(SUZHOU) if fmt == "graphml" else SUZHOU]
        assert node["label"] == NASTY_LABEL
        assert node["aliases"] == NASTY_ALIAS
    graphology = read_graphology(files["graphml"])
    assert graphology["nodes"][graphml_id(SUZHOU)]["label"] == NASTY_LABEL


def test_graphml_ids_are_nmtokens_and_one_to_one():
    iris = [entity_iri("Region", "朝阳区@110105"), entity_iri("Region", "朝阳区_110105"),
            entity_iri("Enterprise", "A/B 公司"), entity_iri("Policy", "《规划》（2021—2025年）🚀")]
    ids = [graphml_id(i) for i in iris]
    assert len(set(ids)) == len(ids)
    assert ids[0] == "region:朝阳区_x0040_110105" and ids[1] == "region:朝阳区_x005F_110105"


def test_nquads_keep_every_quad_and_graph(store, tmp_path):
    path = write(store, tmp_path, "nquads", name="kg.nq")
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    assert set(quads) == set(store.store.quads_for_pattern(None, None, None, None))


def test_turtle_is_the_union_graph(store, tmp_path):
    path = write(store, tmp_path, "turtle", name="kg.ttl")
    triples = {t.triple for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)}
    assert triples == {q.triple for q in store.store.quads_for_pattern(None, None, None, None)}


def test_jsonld_parses_back_to_the_same_dataset(store, tmp_path):
    path = write(store, tmp_path, "jsonld", name="kg.jsonld")
    quads = set(ox.parse(path=str(path), format=ox.RdfFormat.JSON_LD))
    assert quads == set(store.store.quads_for_pattern(None, None, None, None))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_empty_store_gives_a_valid_empty_graph(tmp_path, fmt):
    from kg.graph.store import GraphStore

    path = write(GraphStore(None), tmp_path, fmt)
    validate(path)
    graph = read_networkx(path)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (0, 0)


def test_abandoned_rdf_download_stops_its_writer_thread(monkeypatch):
    import threading

    from export_fixtures import synthetic_store
    from kg.export import export, rdf

    monkeypatch.setattr(rdf, "QUEUE_CHUNKS", 1)  # the writer must block: ~6 MiB of N-Quads
    big = synthetic_store(3000)
    chunks = export(big, "nquads")
    next(chunks)
    assert any(t.name == "kg-rdf-export" for t in threading.enumerate())
    chunks.close()  # what Flask does when the client goes away
    assert not any(t.name == "kg-rdf-export" for t in threading.enumerate())


@pytest.mark.parametrize("filters", [{}, {"documents": ["doc2.txt"]}, {"with_documents": True, "types": "Region"}])
def test_batching_does_not_change_the_output(store, filters):
    """Edges stream batch by batch (mention edges too); the bytes must equal those of one batch."""
    from kg.export import make_filter
    from kg.export.selection import Selection
    from kg.export.xml import gexf, graphml

    flt = make_filter(**filters)
    for writer in (graphml, gexf):
        one_batch = "".join(writer(Selection(store, flt, batch=100_000)))
        many_batches = "".join(writer(Selection(store, flt, batch=2)))
        assert many_batches == one_batch


def test_an_export_reads_one_snapshot_while_documents_are_written(tmp_path):
    """The server links documents while a download streams: the export shows the store as it
    was when the export began, not a mix."""
    from export_fixtures import Doc, document_quads, small_docs
    from kg.export import make_filter
    from kg.export.selection import Selection
    from kg.export.xml import graphml
    from kg.graph.store import GraphStore
    from kg.vocab import document_iri

    with GraphStore(tmp_path / "store") as graph_store:
        for doc in small_docs():
            graph_store.write_document(document_iri(doc.sha), document_quads(doc))
        before = "".join(graphml(Selection(graph_store, make_filter())))
        selection = Selection(graph_store, make_filter())
        chunks = graphml(selection)
        first = next(chunks)
        extra = Doc(sha="c" * 64, source="doc3.txt", entities=[("Region", "无锡市", "无锡市", [])],
                    relations=[("Region", "无锡市", "part_of", "Region", "江苏省", 0.9, 0)], sentences=["无锡。"])
        graph_store.write_document(document_iri(extra.sha), document_quads(extra))
        assert first + "".join(chunks) == before
        assert "".join(graphml(Selection(graph_store, make_filter()))) != before
