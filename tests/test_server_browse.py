"""The browse pages through Flask's test client, on a made-up store (tests/browse_fixtures.py):
search, entity and document pages at /id/… with content negotiation, evidence, paging, the
neighbourhood graph, document removal with the token, and the query page."""
from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest
from rdflib import Graph, Literal, URIRef

from kg.config import ServerConfig
from kg.export.xml import TYPE_COLOR
from kg.server import create_app
from kg.server.browse.entities import PAGE_SIZE
from kg.server.browse.neighbourhood import MAX_FIRST_HOP
from kg.server.examples import EXAMPLES
from kg.vocab import document_iri, entity_iri
from tests.browse_fixtures import HUB_INDUSTRIES, HUB_SHA, browse_store

TOKEN = "browse-token"
JIANGSU = entity_iri("Region", "江苏省")
NEV = entity_iri("Industry", "新能源汽车")
POLICY = entity_iri("Policy", "江苏省新能源汽车产业发展规划")
SAMPLE_SHA = "ab" * 32


@pytest.fixture
def client(tmp_path):
    config = ServerConfig(store=tmp_path / "unused", update_token=TOKEN)
    return create_app(config, graph_store=browse_store()).test_client()


def path_of(iri: str) -> str:
    return "/id/" + quote(iri.removeprefix("https://w3id.org/kgcn/id/"))


def search_json(client, q, **params):
    response = client.get("/search", query_string={"q": q, "format": "json", **params})
    assert response.status_code == 200, response.data
    return response.json


# -- search ------------------------------------------------------------------------------------


def test_search_ranks_exact_then_alias_then_prefix_then_substring(client):
    assert [(r["label"], r["match"]) for r in search_json(client, "江苏省")["results"]] == [
        ("江苏省", "exact"), ("江苏省新能源汽车产业发展规划", "prefix"), ("江苏省人民政府", "prefix")]  # degree 2, then 1
    found = search_json(client, "江苏")
    assert found["results"][0]["label"] == "江苏省" and found["results"][0]["match"] == "alias"
    assert found["results"][0]["url"] == path_of(JIANGSU)
    matches = [r["match"] for r in search_json(client, "新能源汽车")["results"]]
    assert matches[0] == "exact" and "substring" in matches  # the policy's name contains it
    assert matches == sorted(matches, key=["exact", "alias", "prefix", "substring"].index)


def test_search_ranks_by_degree_within_a_kind_and_pages(client):
    found = search_json(client, "测试产业", limit=30)
    assert found["total"] == HUB_INDUSTRIES and len(found["results"]) == 30
    second = search_json(client, "测试产业", limit=30, page=3)
    assert len(second["results"]) == HUB_INDUSTRIES - 60
    assert not {r["iri"] for r in found["results"]} & {r["iri"] for r in second["results"]}


def test_search_filters_by_type_and_accepts_json_by_accept_header(client):
    response = client.get("/search", query_string={"q": "江苏", "type": "Organization"},
                          headers={"Accept": "application/json"})
    assert [r["label"] for r in response.json["results"]] == ["江苏省人民政府"]
    assert "Accept" in response.headers["Vary"]
    assert response.json["results"][0]["type"] == "Organization"


def test_search_html_links_to_entity_pages_and_every_page_has_the_search_box(client):
    html = client.get("/search", query_string={"q": "江苏"}).data.decode()
    assert f'href="{path_of(JIANGSU)}"' in html and "江苏省人民政府" in html
    for page in ("/", "/search", path_of(JIANGSU), path_of(document_iri(SAMPLE_SHA))):
        body = client.get(page).data.decode()
        assert 'role="search"' in body and 'name="q"' in body and 'lang="zh-CN"' in body, page


@pytest.mark.parametrize("params, message", [
    ({"q": "江苏", "type": "Planet"}, "unknown type"),
    ({"q": "江" * 101}, "longer than"),
    ({"q": "江苏", "limit": "0"}, "limit must be"),
    ({"q": "江苏", "page": "x"}, "page must be"),
    # digits to str.isdigit, no number to int(): a 500 ('invalid literal for int()')
    ({"q": "江苏", "page": "²"}, "page must be a whole number from 1 to 10000, got '²'"),
    ({"q": "江苏", "limit": "³"}, "limit must be"),
])
def test_bad_search_requests_are_one_line_400s(client, params, message):
    response = client.get("/search", query_string=params)
    assert response.status_code == 400 and message in response.data.decode()
    assert response.data.decode().count("\n") == 1


def test_search_without_matches_says_so(client):
    assert search_json(client, "火星")["results"] == []
    assert "没有名称包含" in client.get("/search?q=火星").data.decode()


# -- entity pages ------------------------------------------------------------------------------


def test_entity_page_shows_card_facts_both_ways_and_evidence_with_marked_mentions(client):
    response = client.get(path_of(POLICY))
    assert response.status_code == 200 and response.content_type.startswith("text/html")
    html = response.data.decode()
    assert "<h1>江苏省新能源汽车产业发展规划" in html and POLICY in html
    assert "发布机构" in html and "适用地区" in html  # outgoing relations, read from the policy
    assert f'href="{path_of(entity_iri("Organization", "江苏省人民政府"))}"' in html
    # the evidence sentence, its mentions marked, its confidence and source file linked
    assert re.search(r'<mark class="head"><a [^>]*>江苏省新能源汽车产业发展规划</a></mark>', html)
    assert re.search(r'<mark class="tail"><a [^>]*>江苏省人民政府</a></mark>', html)
    assert "置信度 0.90" in html
    assert f'href="{path_of(document_iri(SAMPLE_SHA))}"' in html and "sample.txt · 样例" in html

    organisation = client.get(path_of(entity_iri("Organization", "江苏省人民政府"))).data.decode()
    assert "发布的政策" in organisation and f'href="{path_of(POLICY)}"' in organisation  # incoming


def test_entity_page_fact_supported_by_two_documents_shows_both_sentences(client):
    html = client.get(path_of(NEV)).data.decode()
    assert "2 篇文档" in html and "sample.txt" in html and "hub.txt" in html
    assert html.count("大力发展") >= 2


def test_hub_entity_page_is_paged_and_grouped(client):
    first = client.get(path_of(JIANGSU)).data.decode()
    total = HUB_INDUSTRIES + 2  # the industries, and the policy applying to it
    assert f"第 1 / {-(-total // PAGE_SIZE)} 页" in first
    assert first.count('class="fact"') == PAGE_SIZE
    assert "→ 发展产业" in first and "江苏" in first  # alias shown
    last = client.get(path_of(JIANGSU) + "?page=2").data.decode()
    assert last.count('class="fact"') == total - PAGE_SIZE
    assert "← 适用于它的政策" in last
    grouped = client.get(path_of(JIANGSU) + "?group=in:applies_to").data.decode()
    assert grouped.count('class="fact"') == 1 and f'href="{path_of(POLICY)}"' in grouped
    assert client.get(path_of(JIANGSU) + "?page=9").status_code == 400
    assert client.get(path_of(JIANGSU) + "?group=out:nothing").status_code == 404


# -- content negotiation -------------------------------------------------------------------------


@pytest.mark.parametrize("accept, rdflib_format", [
    ("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/n-triples", "nt"),
])
def test_entity_iri_gives_its_description_with_evidence_in_rdf(client, accept, rdflib_format):
    response = client.get(path_of(POLICY), headers={"Accept": accept})
    assert response.status_code == 200 and response.content_type.startswith(accept)
    assert "Accept" in response.headers["Vary"]
    graph = Graph().parse(data=response.data.decode(), format=rdflib_format)
    policy = URIRef(POLICY)
    assert (policy, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("江苏省新能源汽车产业发展规划", lang="zh")) in graph
    assert (policy, URIRef("https://w3id.org/kgcn/ontology#issuedBy"), URIRef(entity_iri("Organization", "江苏省人民政府"))) in graph
    texts = {str(o) for o in graph.objects(None, URIRef("https://w3id.org/kgcn/ontology#text"))}
    assert "江苏省人民政府发布《江苏省新能源汽车产业发展规划》。" in texts
    assert Literal("sample.txt") in set(graph.objects(URIRef(document_iri(SAMPLE_SHA)), None))


def test_incoming_facts_are_in_the_description(client):
    graph = Graph().parse(data=client.get(path_of(NEV), headers={"Accept": "text/turtle"}).data.decode(), format="turtle")
    assert (URIRef(JIANGSU), URIRef("https://w3id.org/kgcn/ontology#develops"), URIRef(NEV)) in graph


def test_document_iri_gives_its_graph_in_rdf_and_format_parameter_works(client):
    response = client.get(path_of(document_iri(SAMPLE_SHA)) + "?format=ntriples")
    assert response.status_code == 200 and response.content_type.startswith("application/n-triples")
    graph = Graph().parse(data=response.data.decode(), format="nt")
    assert (URIRef(document_iri(SAMPLE_SHA)), URIRef("http://purl.org/dc/terms/title"), Literal("样例")) in graph


def test_unknown_iris_are_404_and_unsupported_accept_406(client):
    for path in ("/id/region/火星", "/id/document/" + "ef" * 32, "/id/nothing/here"):
        response = client.get(path, headers={"Accept": "text/turtle"})
        assert response.status_code == 404 and response.data.decode().count("\n") == 1, path
        assert client.get(path).status_code == 404
    response = client.get(path_of(POLICY), headers={"Accept": "image/png"})
    assert response.status_code == 406 and "text/turtle" in response.data.decode()
    assert client.get(path_of(POLICY) + "?format=pdf").status_code == 400


def test_other_resources_of_ours_are_described_too(client):
    sentence = document_iri(SAMPLE_SHA) + "/sentence/1"
    html = client.get(path_of(sentence)).data.decode()
    assert "江苏省大力发展新能源汽车产业。" in html
    turtle = client.get(path_of(sentence), headers={"Accept": "text/turtle"}).data.decode()
    assert "江苏省大力发展新能源汽车产业。" in turtle


# -- document pages and removal -----------------------------------------------------------------


def test_document_page_shows_metadata_entities_and_facts_with_sentences(client):
    html = client.get(path_of(document_iri(SAMPLE_SHA))).data.decode()
    for text in ("sample.txt", "样例", SAMPLE_SHA, "2024-01-01", "/data/sample.txt"):
        assert text in html, text
    for name in ("江苏省人民政府", "江苏省新能源汽车产业发展规划", "江苏省", "新能源汽车"):
        assert f">{name}</a>" in html
    assert html.count("<tr>") == 1 + 3  # header and the three facts
    assert re.search(r'<mark class="head"><a [^>]*>江苏省</a></mark>大力发展<mark class="tail">', html)
    assert 'name="token"' in html


def test_a_file_name_holding_a_bidirectional_override_shows_escaped_on_its_page(tmp_path):
    """A document built from a file named 规划\u202etxt.exe.txt keeps that name (kg:source), but its page prints the
    override as \\u202e: the name cannot read as another."""
    from dataclasses import replace
    from datetime import datetime, timezone

    from kg.graph.builder import extraction_quads
    from kg.graph.store import GraphStore
    from tests.server_fixtures import sample_extraction

    extraction = sample_extraction()
    extraction.document = replace(extraction.document, source="规划\u202etxt.exe.txt", title="")
    store = GraphStore(None)
    store.write_document(document_iri(SAMPLE_SHA), extraction_quads(extraction, ingested_at=datetime(2024, 1, 1,
                                                                                                      tzinfo=timezone.utc)))
    client = create_app(ServerConfig(store=tmp_path / "unused"), graph_store=store).test_client()
    html = client.get(path_of(document_iri(SAMPLE_SHA))).data.decode()
    assert "\u202e" not in html and "<dd>规划\\u202etxt.exe.txt</dd>" in html


def test_document_removal_needs_the_token_and_takes_the_document_out(client):
    remove = path_of(document_iri(HUB_SHA)) + "/remove"
    assert client.post(remove).status_code == 401
    assert client.post(remove, data={"token": "wrong"}).status_code == 401
    response = client.post(remove, data={"token": TOKEN})
    assert response.status_code == 303
    assert "已删除文档" in client.get(response.headers["Location"]).data.decode()
    assert client.get(path_of(document_iri(HUB_SHA))).status_code == 404
    assert search_json(client, "测试产业")["results"] == []
    assert "1 篇文档" in client.get(path_of(NEV)).data.decode()
    assert client.post(remove, data={"token": TOKEN}).status_code == 404


def test_delete_documents_endpoint_uses_the_bearer_token(client):
    assert client.delete(f"/documents/{SAMPLE_SHA}").status_code == 401
    response = client.delete(f"/documents/{SAMPLE_SHA}", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200 and response.json["removed_statements"] > 0
    assert client.delete("/documents/not<a>hash", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 404


def test_removal_is_refused_when_writes_are_disabled(tmp_path):
    client = create_app(ServerConfig(store=tmp_path / "unused", update_token=None), graph_store=browse_store()).test_client()
    assert client.post(path_of(document_iri(SAMPLE_SHA)) + "/remove", data={"token": "x"}).status_code == 403


# -- neighbourhood graph and labels -------------------------------------------------------------


def test_neighbourhood_is_coloured_by_type_and_capped_for_hubs(client):
    response = client.get("/graph/neighbourhood", query_string={"iri": NEV, "hops": 2})
    data = response.json
    nodes = {n["iri"]: n for n in data["nodes"]}
    assert {NEV, JIANGSU} <= set(nodes) and nodes[NEV]["hop"] == 0 and nodes[JIANGSU]["hop"] == 1
    assert nodes[JIANGSU]["color"] == "#%02x%02x%02x" % TYPE_COLOR["Region"]
    assert nodes[JIANGSU]["url"] == path_of(JIANGSU)
    assert any(n["hop"] == 2 for n in data["nodes"])
    keys = {n["key"] for n in data["nodes"]}
    assert all(e["source"] in keys and e["target"] in keys for e in data["edges"])
    hub = client.get("/graph/neighbourhood", query_string={"iri": JIANGSU}).json
    assert hub["truncated"] and len(hub["nodes"]) == 1 + MAX_FIRST_HOP


@pytest.mark.parametrize("params, status", [({"iri": "https://w3id.org/kgcn/id/region/火星"}, 404),
                                            ({"iri": JIANGSU, "hops": "3"}, 400), ({"iri": JIANGSU, "hops": "²"}, 400),
                                            ({}, 404)])
def test_neighbourhood_errors(client, params, status):
    assert client.get("/graph/neighbourhood", query_string=params).status_code == status


def test_labels_for_the_query_page(client):
    response = client.post("/graph/labels", json={"iris": [JIANGSU, document_iri(SAMPLE_SHA), "http://example.org/x"]})
    assert response.json == {
        JIANGSU: {"label": "江苏省", "type": "Region", "url": path_of(JIANGSU)},
        document_iri(SAMPLE_SHA): {"label": "sample.txt", "type": "Document", "url": path_of(document_iri(SAMPLE_SHA))},
    }
    assert client.post("/graph/labels", data="nope").status_code == 400
    assert client.post("/graph/labels", json={"iris": [1]}).status_code == 400
    # half a surrogate pair, which JSON may escape: 'UnicodeEncodeError … surrogates not allowed' in SQLite, a 500
    lone = client.post("/graph/labels", data='{"iris": ["\\ud800"]}', content_type="application/json")
    assert (lone.status_code, lone.get_data(as_text=True)) == (
        400, "400 Bad Request: an IRI holds a lone surrogate (such as \\ud800): no IRI does\n")


# -- query page ---------------------------------------------------------------------------------


def test_query_page_has_a_vendored_sparql_editor_and_no_inline_code(client):
    html = client.get("/").data.decode()
    assert "codemirror.min.js" in html and "sparql.min.js" in html
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert not re.search(r"<script(?![^>]*\b(src=|type=\"application/json\"))", html), "no inline script"
    assert not re.search(r"<style|\son[a-z]+=|\sstyle=", html), "no inline style or event handler"
    for asset in re.findall(r"""(?:src|href)="(/(?:static|browse)/[^"]+)""", html):
        assert client.get(asset).status_code == 200, asset


def test_vendored_assets_ship_with_their_licences(client):
    for library, licence in (("sigma", "LICENSE.txt"), ("graphology", "LICENSE.txt"), ("codemirror", "LICENSE")):
        assert client.get(f"/static/vendor/{library}/{licence}").status_code == 200


def test_examples_return_no_duplicate_rows(client):
    for name, query in EXAMPLES.items():
        response = client.post("/sparql", data=query.encode(), content_type="application/sparql-query")
        rows = [json.dumps(row, sort_keys=True) for row in response.json["results"]["bindings"]]
        assert rows and len(rows) == len(set(rows)), name


@pytest.mark.parametrize("method, path, kwargs", [
    ("get", "/id/region/%00%3C%3E", {}),
    ("get", "/id/document/<script>", {"headers": {"Accept": "text/turtle"}}),
    ("get", "/id/document/a b/remove", {}),
    ("get", "/id/", {}),
    ("get", "/graph/neighbourhood?iri=%3Cbad%20iri%3E", {}),
    ("post", "/graph/labels", {"json": {"iris": ["https://w3id.org/kgcn/id/document/a b<>"]}}),
    ("post", "/id/document/<x>/remove", {"data": {"token": TOKEN}}),
    ("get", "/search?q=%0A", {}),
])
def test_hostile_requests_get_clear_4xx_or_empty_answers(client, method, path, kwargs):
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code < 500, response.data
    if response.status_code >= 400:
        assert response.data.decode().count("\n") == 1


def test_search_is_case_insensitive_for_latin_names(client):
    from datetime import datetime, timezone

    from kg.graph.builder import extraction_quads
    from kg.model import Document, Entity, Extraction, Mention, Sentence

    text = "比亚迪（BYD）在江苏省设厂。"
    document = Document(source="byd.txt", path="/data/byd.txt", sha256="ef" * 32, encoding="utf-8",
                        media_type="text/plain", title="BYD", text=text, offset_map=list(range(len(text) + 1)),
                        sentences=[Sentence(0, 0, len(text), text)])
    firm = Entity("Enterprise", "比亚迪股份有限公司", "比亚迪股份有限公司", entity_iri("Enterprise", "比亚迪股份有限公司"),
                  ["BYD"], [Mention("BYD", 4, 7, 0)])
    graph_store = client.application.extensions["kg.graph_store"]
    assert search_json(client, "byd")["results"] == []  # the name list is read before the write ...
    graph_store.write_document(document_iri(document.sha256), extraction_quads(
        Extraction(document, [firm], []), ingested_at=datetime(2024, 1, 1, tzinfo=timezone.utc)))
    found = search_json(client, "byd")["results"]  # ... and again after it
    assert [(r["label"], r["match"], r["matched_name"]) for r in found] == [("比亚迪股份有限公司", "alias", "BYD")]


@pytest.mark.parametrize("entity_type, key", [
    ("Region", "江苏省"), ("Region", "朝阳区@110105"), ("Industry", "A/B 测试产业"), ("Enterprise", "100%控股#公司?"),
])
def test_local_paths_of_iris_round_trip_through_the_server_decoding(entity_type, key):
    from urllib.parse import unquote

    from kg.server.browse.links import iri_for_path, local_path

    iri = entity_iri(entity_type, key)
    path = local_path(iri)
    assert path.startswith("/id/") and path.isascii()
    assert iri_for_path(unquote(path[len("/id/"):])) == iri  # what Flask hands the view
    assert local_path("http://example.org/x") == "http://example.org/x"


def test_a_hub_description_cuts_its_evidence_and_says_so(client, monkeypatch):
    from kg.server.browse import describe

    full = client.get(path_of(JIANGSU), headers={"Accept": "application/n-triples"})
    assert "X-KG-Truncated" not in full.headers
    monkeypatch.setattr(describe, "MAX_EVIDENCE", 10)
    cut = client.get(path_of(JIANGSU), headers={"Accept": "application/n-triples"})
    assert cut.headers["X-KG-Truncated"] == "true"
    facts = f"<{JIANGSU}> <https://w3id.org/kgcn/ontology#develops>"
    assert full.data.decode().count(facts) == cut.data.decode().count(facts) == HUB_INDUSTRIES + 1
    assert len(cut.data) < len(full.data) / 3


@pytest.mark.parametrize("path, iri", [
    ("/id/%FF", "id/%EF%BF%BD"), ("/id/document/%FF", "id/document/%EF%BF%BD"),
    ("/id/region/%EF%BF%BF?format=turtle", "id/region/%EF%BF%BF")])
def test_a_resource_path_no_iri_can_end_in_is_a_404(client, path, iri):
    """/id/%FF decodes to U+FFFD, which pyoxigraph takes in no IRI: 'ValueError: Invalid IRI code
    point' from the describer or the document page, a 500 with a traceback in the log. The path maps
    to the IRI we would mint for it, the code point percent-encoded (kg.vocab.iri_segment), which
    names nothing."""
    response = client.get(path)
    assert response.status_code == 404
    assert f" https://w3id.org/kgcn/{iri}" in response.get_data(as_text=True)
