"""The endpoint through Flask's test client: protocol edge cases, content negotiation, safety
(auth, SERVICE/LOAD, row cap, body limit, CORS, error messages), admin and the query page."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace

import pytest
from rdflib import Graph

from kg.config import ServerConfig
from kg.graph.store import GraphStore
from kg.server import create_app
from kg.server.examples import EXAMPLES
from tests.server_fixtures import sample_graph_store

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
KG = "https://w3id.org/kgcn/ontology#"


def make_client(tmp_path, graph_store=None, **settings):
    config = ServerConfig(store=tmp_path / "unused", update_token=TOKEN, **settings)
    return create_app(config, graph_store=graph_store or sample_graph_store()).test_client()


@pytest.fixture
def client(tmp_path):
    return make_client(tmp_path)


def select(client, query, accept="application/sparql-results+json"):
    return client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})


# -- queries and the union default graph -----------------------------------------------------------


def test_plain_query_sees_the_union_of_document_graphs(client):
    response = select(client, f"SELECT ?r WHERE {{ ?r <{KG}develops> ?i }}")
    assert response.status_code == 200
    rows = response.json["results"]["bindings"]
    assert [r["r"]["value"] for r in rows] == ["https://w3id.org/kgcn/id/region/江苏省"]


def test_union_default_graph_can_be_switched_off(tmp_path):
    client = make_client(tmp_path, union_default_graph=False)
    rows = select(client, f"SELECT ?r WHERE {{ ?r <{KG}develops> ?i }}").json["results"]["bindings"]
    assert rows == []
    rows = select(client, f"SELECT ?r WHERE {{ GRAPH ?g {{ ?r <{KG}develops> ?i }} }}").json["results"]["bindings"]
    assert len(rows) == 1


def test_query_from_clause_is_respected_over_the_union(client):
    response = select(client, f"SELECT ?r FROM <http://example.org/empty> WHERE {{ ?r <{KG}develops> ?i }}")
    assert response.json["results"]["bindings"] == []


def test_examples_on_the_query_page_return_rows_on_our_model(client):
    for name, query in EXAMPLES.items():
        response = client.post("/sparql", data=query.encode(), content_type="application/sparql-query")
        assert response.status_code == 200, (name, response.data)
        assert response.json["results"]["bindings"], f"example {name!r} found nothing"
    evidence = client.post("/sparql", data=EXAMPLES["Evidence sentence of each fact"].encode(),
                           content_type="application/sparql-query").json["results"]["bindings"]
    assert {"江苏省大力发展新能源汽车产业。"} <= {row["sentence"]["value"] for row in evidence}


# -- content negotiation ---------------------------------------------------------------------------


def test_select_in_every_result_format_with_utf8_charset(client):
    query = f"SELECT ?name WHERE {{ ?r a <{KG}Region> ; <http://www.w3.org/2000/01/rdf-schema#label> ?name }}"
    json_body = select(client, query, "application/sparql-results+json")
    assert json_body.headers["Content-Type"] == "application/sparql-results+json; charset=utf-8"
    assert json_body.json["results"]["bindings"][0]["name"] == {"type": "literal", "value": "江苏省", "xml:lang": "zh"}
    xml = select(client, query, "application/sparql-results+xml")
    assert xml.headers["Content-Type"].startswith("application/sparql-results+xml")
    assert '<literal xml:lang="zh">江苏省</literal>' in xml.data.decode("utf-8")
    csv_body = select(client, query, "text/csv")
    assert list(csv.reader(io.StringIO(csv_body.data.decode("utf-8")))) == [["name"], ["江苏省"]]
    tsv = select(client, query, "text/tab-separated-values")
    assert tsv.data.decode("utf-8").splitlines() == ["?name", '"江苏省"@zh']


def test_accept_q_values_choose_the_format(client):
    response = select(client, "SELECT (1 AS ?x) {}", "text/csv;q=0.5, application/sparql-results+xml;q=0.9")
    assert response.headers["Content-Type"].startswith("application/sparql-results+xml")
    assert response.headers["Vary"] == "Accept"


def test_nothing_acceptable_is_406(client):
    assert select(client, "SELECT (1 AS ?x) {}", "image/png").status_code == 406
    assert select(client, "ASK {}", "text/csv").status_code == 406
    assert select(client, "CONSTRUCT WHERE { ?s ?p ?o }", "application/sparql-results+json").status_code == 406


@pytest.mark.parametrize("media, rdflib_format", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/rdf+xml", "xml"),
    ("application/ld+json", "json-ld"), ("application/n-quads", "nquads"), ("application/trig", "trig"),
])
def test_construct_in_every_graph_format(client, media, rdflib_format):
    query = f"CONSTRUCT {{ ?r <{KG}develops> ?i }} WHERE {{ ?r <{KG}develops> ?i }}"
    response = select(client, query, media)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == f"{media}; charset=utf-8"
    graph = Graph().parse(data=response.data.decode("utf-8"), format=rdflib_format)
    assert len(graph) == 1


def test_describe_defaults_to_turtle(client):
    response = client.get("/sparql", query_string={"query": "DESCRIBE <https://w3id.org/kgcn/id/region/江苏省>"})
    assert response.headers["Content-Type"].startswith("text/turtle")
    assert len(Graph().parse(data=response.data.decode(), format="turtle")) >= 3


# -- protocol errors -------------------------------------------------------------------------------


def test_syntax_error_is_400_with_the_parser_message(client):
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"})
    assert response.status_code == 400
    body = response.data.decode()
    assert body.startswith("400 Bad Request: query syntax error: error at 1:") and body.count("\n") == 1


@pytest.mark.parametrize("kwargs, status", [
    ({"method": "PUT", "query_string": {"query": "ASK {}"}}, 405),
    ({"method": "POST", "data": "ASK {}"}, 415),  # no Content-Type
    ({"method": "POST", "data": "ASK {}", "content_type": "text/plain"}, 415),
    ({"method": "POST", "data": "ASK {}".encode("utf-16"), "content_type": "application/sparql-query; charset=UTF-16"}, 415),
    ({"method": "POST", "data": b"ASK { FILTER(\"\xff\") }", "content_type": "application/sparql-query"}, 400),
    ({"method": "POST", "data": "query=%FF", "content_type": "application/x-www-form-urlencoded"}, 400),
    ({"method": "GET", "query_string": [("query", "ASK {}"), ("query", "ASK {}")]}, 400),
    ({"method": "POST", "data": "query=ASK+%7B%7D&update=CLEAR+ALL", "content_type": "application/x-www-form-urlencoded"}, 400),
    ({"method": "GET", "query_string": {"update": "CLEAR ALL"}}, 400),
    ({"method": "POST", "data": "format=json", "content_type": "application/x-www-form-urlencoded"}, 400),
])
def test_protocol_errors(client, kwargs, status):
    method = kwargs.pop("method")
    response = client.open("/sparql", method=method, headers=AUTH, **kwargs)
    assert response.status_code == status, response.data
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert "Traceback" not in response.data.decode()


def test_head_answers_with_the_headers_of_the_get(client):
    """HEAD took the POST branch: '415 … POST to /sparql needs a Content-Type', with a query or without."""
    for query_string in ({"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"}, {}):
        got, head = client.get("/sparql", query_string=query_string), client.head("/sparql", query_string=query_string)
        assert (head.status_code, head.data) == (200, b"")
        assert head.headers["Content-Type"] == got.headers["Content-Type"]
    assert client.head("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"}).status_code == 400

def test_a_query_in_the_url_that_is_not_utf8_is_400_not_run_altered(client):
    """request.args made %FF a U+FFFD: the query ran with a character the client never sent (as a
    POSTed body that is not UTF-8 is refused)."""
    response = client.get("/sparql?query=SELECT%20*%20WHERE%20%7B%20%3Fs%20%3Fp%20%22%FF%22%20%7D")
    assert (response.status_code, response.data) == (400, b"400 Bad Request: the URL's parameters are not UTF-8\n")
    assert client.get("/sparql?query=ASK%20%7B%20FILTER(%22%E6%B1%9F%22%20%3D%20%22%E6%B1%9F%22)%20%7D").json == \
        {"head": {}, "boolean": True}

def test_invalid_dataset_iri_is_400(client):
    response = client.get("/sparql", query_string={"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert response.status_code == 400


# -- updates and authentication --------------------------------------------------------------------


def test_update_with_token_writes_and_is_seen_by_queries(client):
    response = client.post("/sparql", data={"update": "INSERT DATA { GRAPH <http://g> { <http://a> <http://b> \"ü\" } }"},
                           headers=AUTH)
    assert response.status_code == 204
    assert select(client, "ASK { <http://a> <http://b> \"ü\" }").json["boolean"] is True


def test_update_using_graph_uri_conflicts_with_with_clause(client):
    update = "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"
    response = client.post("/sparql?using-graph-uri=http://h", data=update.encode(),
                           content_type="application/sparql-update", headers=AUTH)
    assert response.status_code == 400 and "conflict" in response.data.decode()


def test_update_without_token_is_401_with_bearer_challenge(client):
    response = client.post("/sparql", data="CLEAR ALL", content_type="application/sparql-update")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert select(client, "ASK { ?s ?p ?o }").json["boolean"] is True  # nothing was cleared


def test_update_with_wrong_token_is_401_invalid_token(client):
    response = client.post("/sparql", data="CLEAR ALL", content_type="application/sparql-update",
                           headers={"Authorization": "Bearer wrong"})
    assert response.status_code == 401
    assert "invalid_token" in response.headers["WWW-Authenticate"]


def test_writes_are_403_when_no_token_is_configured(tmp_path):
    app = create_app(ServerConfig(store=tmp_path / "unused", update_token=None), graph_store=sample_graph_store())
    client = app.test_client()
    assert client.post("/sparql", data="CLEAR ALL", content_type="application/sparql-update",
                       headers=AUTH).status_code == 403
    assert client.put("/store?graph=http://x", data="<http://a> <http://b> <http://c> .",
                      content_type="text/turtle", headers=AUTH).status_code == 403
    assert client.delete("/store?default", headers=AUTH).status_code == 403
    assert select(client, "ASK { ?s ?p ?o }").json["boolean"] is True


def test_service_description_reflects_configuration(tmp_path):
    app = create_app(ServerConfig(store=tmp_path / "u", update_token=None, allow_service=True),
                     graph_store=sample_graph_store())
    body = app.test_client().get("/sparql", headers={"Accept": "text/turtle"}).data.decode()
    assert "sd:SPARQL11Query" in body and "SPARQL11Update" not in body and "sd:BasicFederatedQuery" in body


def test_browser_opening_sparql_is_sent_to_the_query_page(client):
    response = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/")


# -- safety ----------------------------------------------------------------------------------------


def test_service_is_refused_by_default(client):
    response = select(client, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
    assert response.status_code == 403 and "--allow-service" in response.data.decode()
    load = client.post("/sparql", data="LOAD <http://127.0.0.1:1/data.ttl>",
                       content_type="application/sparql-update", headers=AUTH)
    assert load.status_code == 403


def test_service_keyword_inside_strings_or_names_is_not_refused(client):
    response = select(client, 'SELECT ?service WHERE { BIND("SERVICE <x> {}" AS ?service) }')
    assert response.status_code == 200


def test_allowed_service_is_evaluated(tmp_path):
    client = make_client(tmp_path, allow_service=True)
    response = select(client, "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert response.status_code == 200  # SILENT: the unreachable service yields no error


def test_row_cap_truncates_and_says_so(tmp_path):
    client = make_client(tmp_path, max_rows=5)
    response = select(client, "SELECT * WHERE { ?s ?p ?o }")
    assert response.status_code == 200
    assert len(response.json["results"]["bindings"]) == 5
    assert response.headers["X-KG-Truncated"] == "true"
    assert "truncated at 5 rows" in response.headers["Warning"]
    construct = select(client, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
    assert len(construct.data.decode().strip().splitlines()) == 5 and construct.headers["X-KG-Truncated"] == "true"
    small = select(client, "SELECT * WHERE { ?s a ?o } LIMIT 2")
    assert "X-KG-Truncated" not in small.headers


def test_body_larger_than_the_limit_is_413(tmp_path):
    client = make_client(tmp_path, max_body_bytes=1000)
    response = client.post("/sparql", data="ASK {}" + " " * 2000, content_type="application/sparql-query")
    assert response.status_code == 413


def test_cors_only_for_configured_origins(tmp_path):
    client = make_client(tmp_path, cors_origins=("https://yasgui.example",))
    allowed = select(client, "ASK {}")
    assert "Access-Control-Allow-Origin" not in allowed.headers  # no Origin header: not a CORS request
    allowed = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Origin": "https://yasgui.example"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://yasgui.example"
    other = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    preflight = client.options("/sparql", headers={"Origin": "https://yasgui.example",
                                                   "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 200
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]


def test_cors_is_off_by_default(client):
    response = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Origin": "https://a.example"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_unexpected_errors_give_one_line_without_traceback(tmp_path, monkeypatch):
    client = make_client(tmp_path)
    engine = client.application.extensions["kg.engine"]
    monkeypatch.setattr(engine, "update", lambda *a, **k: 1 / 0)
    response = client.post("/sparql", data="CLEAR ALL", content_type="application/sparql-update", headers=AUTH)
    assert response.status_code == 500
    assert response.data.decode() == "500 Internal Server Error: internal server error (see the server log)\n"


# -- graph store protocol extras, admin, page ------------------------------------------------------


def test_gsp_whole_dataset_and_bad_bodies(client):
    dataset = client.get("/store", headers={"Accept": "application/n-quads"})
    # 81 quads of entities, relations and evidence + 16 of policy facts and one target (issue 16)
    assert dataset.status_code == 200 and dataset.data.decode().count("\n") == 97
    bad = client.put("/store?graph=http://x", data="<http://a> <http://b> .", content_type="text/turtle", headers=AUTH)
    assert bad.status_code == 400 and "cannot parse" in bad.data.decode()
    assert client.get("/store?graph=http://x").status_code == 404  # nothing half-written
    unknown = client.put("/store?graph=http://x", data="x", content_type="application/pdf", headers=AUTH)
    assert unknown.status_code == 415
    both = client.get("/store?graph=http://x&default")
    assert both.status_code == 400


def test_gsp_json_ld_round_trip(client):
    body = json.dumps([{"@id": "http://a", "http://b": [{"@value": "中文", "@language": "zh"}]}])
    assert client.put("/store?graph=http://j", data=body, content_type="application/ld+json", headers=AUTH).status_code == 201
    got = client.get("/store?graph=http://j", headers={"Accept": "application/ld+json"})
    assert json.loads(got.data)[0]["http://b"][0]["@value"] == "中文"


def test_health_and_stats(client):
    assert client.get("/health").json == {"status": "ok"}
    stats = client.get("/stats").json
    assert stats["documents"] == 1 and stats["entities"]["Region"] == 1 and stats["relations"]["develops"] == 1
    assert stats["quads"] == 97


def test_query_page_is_self_contained(client):
    page = client.get("/")
    assert page.status_code == 200
    html = page.data.decode()
    assert "Policies by issuer" in html and "Industries a region develops" in html
    assert not re.search(r"""(src|href)=["']https?://""", html), "no CDN or remote asset"
    for asset in re.findall(r"""(?:src|href)="(/static/[^"]+)""", html):
        assert client.get(asset).status_code == 200


def test_create_app_refuses_a_missing_store_without_token(tmp_path):
    from kg.errors import StoreError

    with pytest.raises(StoreError, match="run `kg build` first"):
        create_app(ServerConfig(store=tmp_path / "missing", update_token=None))


def test_create_app_opens_the_store_from_config(tmp_path):
    with GraphStore(tmp_path / "store") as store:
        store.store.update("INSERT DATA { GRAPH <http://g> { <http://a> <http://b> <http://c> } }")
    app = create_app(replace(ServerConfig(), store=tmp_path / "store", update_token=None))
    try:
        assert select(app.test_client(), "ASK { <http://a> ?p ?o }").json["boolean"] is True
    finally:
        app.extensions["kg.engine"].close()
        app.extensions["kg.graph_store"].close()
