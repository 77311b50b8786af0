"""A query evaluation process may allocate at most ``KG_QUERY_MEMORY_MB``: a query of a kilobyte
that doubles a string in chained BINDs asked for 2^n bytes within seconds, long before its
deadline (32 of them: 8 GiB, the machine's memory), in the query process or, for an update's
WHERE, in the server itself. Run against a real ``kg serve`` on 127.0.0.1 with a 512 MiB limit."""
from __future__ import annotations

import pytest
import requests

from tests.server_fixtures import live_server

LIMIT_MB = 512


def doubling(times: int) -> str:
    """BINDs from ?v0 = "a" to ?v{times}, each twice the one before: 2^times characters."""
    return 'BIND("a" AS ?v0) ' + " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(times))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(tmp_path_factory.mktemp("memory") / "kg", "--timeout", "60",
                     settings={"KG_QUERY_MEMORY_MB": str(LIMIT_MB)}) as live:
        live.update("INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }")
        yield live


def ask(server, query: str) -> requests.Response:
    return requests.post(server.sparql, data=query.encode(), timeout=120,
                         headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})


def count(server) -> int:
    answer = ask(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def test_a_query_past_the_memory_limit_is_refused_in_one_line(server):
    answer = ask(server, f"SELECT (STRLEN(?v30) AS ?n) WHERE {{ {doubling(30)} }}")  # 1 GiB, and the half before it
    assert answer.status_code == 400, answer.text
    assert answer.text == (f"400 Bad Request: query refused: evaluating it needed more than {LIMIT_MB} MiB "
                           "of memory (KG_QUERY_MEMORY_MB)\n")
    fine = ask(server, f"SELECT (STRLEN(?v20) AS ?n) WHERE {{ {doubling(20)} }}")  # 1 MiB: well within it
    assert fine.status_code == 200
    assert fine.json()["results"]["bindings"][0]["n"]["value"] == str(2 ** 20)


@pytest.mark.parametrize("before_it", ["", "INSERT DATA { <http://example.org/a> <http://example.org/p> 2 } ;\n"],
                         ids=["its WHERE probed", "tried whole on a copy"])
def test_an_update_matching_past_the_memory_limit_is_refused_and_applies_nothing(server, before_it):
    """Its WHERE was probed in a query process, but a probe that failed was left for the update to
    report, and the update ran in the server's own process."""
    before = count(server)
    response = requests.post(server.sparql, timeout=120, headers={
        "Content-Type": "application/sparql-update", **server.auth()}, data=(
        before_it + f"INSERT {{ <http://example.org/s> <http://example.org/big> ?v30 }} WHERE {{ {doubling(30)} }}"
    ).encode())
    assert response.status_code == 400, response.text
    assert response.text.startswith("400 Bad Request: update refused: it needed more than "
                                    f"{LIMIT_MB} MiB of memory (KG_QUERY_MEMORY_MB): nothing of it was applied")
    assert count(server) == before
    assert requests.get(server.base + "/health", timeout=10).status_code == 200


def test_an_answer_larger_than_the_answer_limit_is_refused_in_its_query_process(tmp_path):
    """The query process sent the server an answer of any size, which the server held twice while it
    was sent: 512 MiB of one doubled string took it to 1.1 GB."""
    with live_server(tmp_path / "kg", settings={"KG_MAX_ANSWER_MB": "16"}) as live:
        answer = ask(live, f"SELECT ?v25 WHERE {{ {doubling(25)} }}")  # 32 MiB
        assert answer.status_code == 400, answer.text[:200]
        assert answer.text == ("400 Bad Request: query refused: its answer takes 32.0 MiB, more than the 16 MiB an "
                               "answer may (KG_MAX_ANSWER_MB): ask for fewer rows or shorter values\n")
        fine = ask(live, f"SELECT ?v23 WHERE {{ {doubling(23)} }}")  # 8 MiB
        assert fine.status_code == 200
        assert len(fine.json()["results"]["bindings"][0]["v23"]["value"]) == 2 ** 23
