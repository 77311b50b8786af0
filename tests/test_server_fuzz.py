"""A bounded grammar-aware fuzz of a live ``kg serve``: queries and updates generated from the
SPARQL grammar's pieces (keywords in any case, names in any script, escapes, comments, deep
and unbalanced brackets, remote calls) must never get a 5xx other than a 503 timeout, and the
server must survive them all."""
from __future__ import annotations

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.graph.store import GraphStore
from tests.server_fixtures import live_server

EX = "http://example.org/"

names = st.text(alphabet=st.sampled_from("abcxyz江苏省地区_0123456789"), min_size=1, max_size=6).filter(
    lambda n: not n[0].isdigit())
variables = names.map(lambda n: "?" + n)
iris = st.one_of(
    names.map(lambda n: f"<{EX}{n}>"),
    st.sampled_from([f"<{EX}\\u0041#>", f"<{EX}a#b>", "<http://127.0.0.1:9/sparql>", "<>", "<#x>"]),
)
prefixed = st.one_of(names.map(lambda n: "ex:" + n), st.sampled_from(["ex:a\\#", "ex:%41", "ex:", ":x", "r:江苏省"]))
literals = st.one_of(
    st.integers(-5, 5).map(str),
    st.sampled_from(['"a"', "'b'@zh", '"""x\n#y"""', "'''\\''''", '"\\u0022"', '"1"^^xsd:integer', "true"]),
    st.text(max_size=8).map(lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                            .replace("\r", "\\r") + '"'),
)
terms = st.one_of(variables, iris, prefixed, literals)
noise = st.sampled_from(["", " ", "\n", "\r", "# c\n", "# c\r", "\t", "/* */"])


def case(word: str):
    return st.sampled_from([word, word.lower(), word.capitalize()])


@st.composite
def patterns(draw, depth: int = 0) -> str:
    triple = f"{draw(terms)} {draw(st.one_of(variables, iris, prefixed, st.just('a')))} {draw(terms)}"
    if depth >= 2:
        return triple
    inner = draw(patterns(depth + 1))
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return f"{triple} . {draw(case('OPTIONAL'))} {{ {inner} }}"
    if kind == 1:
        return f"{{ {triple} }} {draw(case('UNION'))} {{ {inner} }}"
    if kind == 2:
        return f"{triple} {draw(case('FILTER'))}({draw(terms)} {draw(st.sampled_from(['<', '>', '=', '!=', '&&']))} {draw(terms)})"
    if kind == 3:
        return f"{draw(case('GRAPH'))} {draw(st.one_of(variables, iris))} {{ {inner} }}"
    if kind == 4:
        return f"{draw(case('SERVICE'))} {draw(st.sampled_from(['', 'SILENT ']))}<http://127.0.0.1:9/sparql> {{ {inner} }}"
    if kind == 5:
        return f"{triple} {draw(case('BIND'))}({draw(terms)} AS {draw(variables)})"
    if kind == 6:
        return f"{draw(case('VALUES'))} {draw(variables)} {{ {draw(terms)} }} {inner}"
    if kind == 7:
        n = draw(st.integers(1, 3000))
        return draw(st.sampled_from(["{" * n + inner + "}" * n, "(" * n, "{" * n, inner + " OPTIONAL { ?s ?p ?o }" * n]))
    return f"{triple} {draw(noise)}. {inner}"


@st.composite
def queries(draw) -> str:
    form = draw(st.sampled_from(["SELECT * WHERE", "SELECT ?地区 WHERE", "ASK", "CONSTRUCT WHERE",
                                 "SELECT (COUNT(*) AS ?n) WHERE", "DESCRIBE ?s WHERE", "select distinct * where"]))
    prologue = draw(st.sampled_from(["", f"PREFIX ex: <{EX}> ", "PREFIX r: <https://w3id.org/kgcn/id/region/> ",
                                     f"BASE <{EX}> PREFIX ex: <{EX}> "]))
    tail = draw(st.sampled_from(["", " LIMIT 5", " ORDER BY ?s", " OFFSET 1", " GROUP BY ?s"]))
    return f"{prologue}{form}{draw(noise)} {{ {draw(patterns())} }}{tail}"


@st.composite
def updates(draw) -> str:
    graph = draw(st.one_of(iris, prefixed))
    pattern = draw(patterns())
    operation = draw(st.sampled_from([
        f"INSERT DATA {{ GRAPH {graph} {{ <{EX}s> <{EX}p> {draw(literals)} }} }}",
        f"DELETE {{ ?s ?p ?o }} WHERE {{ {pattern} }}",
        f"INSERT {{ GRAPH <{EX}fuzz> {{ ?s ?p ?o }} }} WHERE {{ {pattern} }}",
        "LOAD <http://127.0.0.1:9/data.ttl>",
        f"load silent <http://127.0.0.1:9/x> into graph {graph}",
        f"CLEAR SILENT GRAPH {graph}",
        f"WITH {graph} DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
    ]))
    return f"PREFIX ex: <{EX}> {operation}"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "store"
    with GraphStore(path) as store:
        store.store.update(f"INSERT DATA {{ GRAPH <{EX}g> {{ "
                           + " ".join(f"<{EX}s{i}> <{EX}p> {i} ." for i in range(200)) + " } }")
    with live_server(path, "--timeout", "2") as live:
        yield live


def _check(response: requests.Response, text: str) -> None:
    assert response.status_code < 500 or response.status_code == 503, f"{response.status_code} for {text!r}: {response.text}"
    assert response.text.count("\n") <= 1 or response.status_code < 400, response.text


SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SETTINGS
@given(text=queries())
def test_fuzzed_queries_never_get_a_server_error(server, text):
    response = requests.post(server.sparql, data=text.encode("utf-8"), timeout=30,
                             headers={"Content-Type": "application/sparql-query"})
    _check(response, text)


@SETTINGS
@given(text=updates())
def test_fuzzed_updates_never_get_a_server_error(server, text):
    response = requests.post(server.sparql, data=text.encode("utf-8"), timeout=30,
                             headers={"Content-Type": "application/sparql-update", **server.auth()})
    _check(response, text)


def test_the_server_survived_the_fuzz(server):
    assert requests.get(server.base + "/health", timeout=10).status_code == 200
    response = requests.get(server.sparql, params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
    assert response.status_code == 200
