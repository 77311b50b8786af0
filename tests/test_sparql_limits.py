"""Operations deep enough to overflow Oxigraph's stack are refused before they reach it (server
and ``kg query``), and operations just inside the limits really run: the margin is real."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.config import QueryLimits
from kg.sparql.limits import QueryTooComplex, check_complexity

LIMITS = QueryLimits()

#: The shapes that crashed the server in issue 12 (segfault, exit 139).
CRASHERS = {
    "3000 nested braces": "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000,
    "3000 unbalanced braces": "SELECT * WHERE " + "{" * 3000,
    "10000 parentheses": "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 10000,
    "3000 chained OPTIONALs": "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o } " * 3000 + "}",
    "10000 UNIONs": "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 10000) + " }",
    "a 10000-term disjunction": "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(["?o"] * 10000) + ") }",
    "an update 3000 braces deep": "INSERT { <http://a> <http://b> 1 } WHERE " + "{" * 3000 + "}" * 3000,
    # SPARQL 1.2, which the bracket count missed: a segfault at 30,000, minutes of parsing at 3,000
    "30000 nested reified triples": "SELECT * WHERE { " + "<< <http://a> <http://b> " * 30000 + "<http://c>"
                                    + " >>" * 30000 + " <http://p> ?o }",
    "30000 nested annotations": "ASK { <http://a> <http://b> <http://c> " + "{| <http://p> <http://o> " * 30000
                                + "|}" * 30000 + " }",
    "an update 30000 reified triples deep": "INSERT DATA { " + "<< <http://a> <http://b> " * 30000 + "<http://c>"
                                            + " >>" * 30000 + " <http://p> <http://o> }",
    # a segfault of the parser (in the server's own process for an update's WHERE), and minutes of
    # planning from 1,000 on
    "20000 triple patterns": "SELECT * WHERE { " + " ".join(f"?s{i} <http://p> ?o{i} ." for i in range(20000)) + " }",
    "20000 objects of one pattern": "SELECT * WHERE { ?s <http://p> " + ", ".join(f"?o{i}" for i in range(20000)) + " }",
    "an update matching 20000 patterns": "DELETE { ?s0 <http://p> ?o0 } WHERE { "
                                         + " ".join(f"?s{i} <http://p> ?o{i} ." for i in range(20000)) + " }",
}

#: The deepest operations of each kind the limits let through.
AT_THE_LIMITS = {
    "nested braces": "SELECT * WHERE " + "{" * (LIMITS.max_nesting - 1) + " ?s ?p ?o " + "}" * (LIMITS.max_nesting - 1),
    "nested parentheses": "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * (LIMITS.max_nesting - 3) + "?o"
                          + ")" * (LIMITS.max_nesting - 3) + ") }",
    "chained OPTIONALs": "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o } " * LIMITS.max_pattern_operators + "}",
    "nested OPTIONALs": "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o " * (LIMITS.max_nesting - 1)
                        + "}" * LIMITS.max_nesting,
    "chained MINUS": "SELECT * WHERE { ?s ?p ?o " + "MINUS { ?x ?y ?z } " * LIMITS.max_pattern_operators + "}",
    "long disjunction in deep groups": "SELECT ?s WHERE " + "{" * (LIMITS.max_nesting - 2) + " ?s ?p ?o FILTER("
        + " || ".join(["?o"] * (LIMITS.max_expression_operators + 1)) + ")" + "}" * (LIMITS.max_nesting - 2),
    "long alternative path": "SELECT ?o WHERE { <http://a> "
                             + "|".join(["<http://p>"] * (LIMITS.max_expression_operators + 1)) + " ?o }",
    "nested reified triples": "SELECT * WHERE { " + "<< <http://a> <http://b> " * (LIMITS.max_nesting - 1)
                              + "<http://c>" + " >>" * (LIMITS.max_nesting - 1) + " <http://p> ?o }",
    "nested annotations": "ASK { <http://a> <http://b> <http://c> " + "{| <http://p> <http://o> " * (LIMITS.max_nesting - 1)
                          + "|}" * (LIMITS.max_nesting - 1) + " }",
    "nested triple terms": "SELECT * WHERE { ?s ?p " + "<<( <http://a> <http://b> " * (LIMITS.max_nesting - 1)
                           + "<http://c>" + " )>>" * (LIMITS.max_nesting - 1) + " }",
    "many triple patterns": "SELECT * WHERE { " + " ".join(f"?s{i} <http://p> ?o{i} ."
                                                           for i in range(LIMITS.max_triple_patterns)) + " }",
}

_RUN_ON_A_THREAD = r'''
import sys, threading, pyoxigraph as ox
store = ox.Store()
store.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://p"), ox.NamedNode("http://b")))
def run():
    result = store.query(sys.stdin.read())
    print(len(list(result)))
thread = threading.Thread(target=run)
thread.start()
thread.join()
'''


@pytest.mark.parametrize("name", CRASHERS)
def test_operations_that_crash_the_engine_are_refused(name):
    with pytest.raises(QueryTooComplex):
        check_complexity(CRASHERS[name])


def test_the_triples_an_update_writes_are_no_patterns():
    """INSERT DATA and DELETE DATA hold triples to write, which the parser reads in a loop (50,000 in
    half a second): only patterns count towards max_triple_patterns."""
    triples = " ".join(f"<http://s{i}> <http://p> <http://o{i}> ." for i in range(10000))
    check_complexity(f"INSERT DATA {{ GRAPH <http://g> {{ {triples} }} }} ; DELETE DATA {{ {triples} }}")
    with pytest.raises(QueryTooComplex, match="more than 256 triple patterns"):
        check_complexity(f"INSERT DATA {{ {triples} }} ; DELETE WHERE {{ {triples.replace('<http://s', '?s')} }}")


def test_length_is_limited():
    with pytest.raises(QueryTooComplex, match="characters exceeds the limit"):
        check_complexity("ASK {}" + " " * LIMITS.max_chars)


@pytest.mark.parametrize("name", AT_THE_LIMITS)
def test_the_engine_survives_operations_at_the_limits(name):
    query = AT_THE_LIMITS[name]
    check_complexity(query)
    result = subprocess.run([sys.executable, "-c", _RUN_ON_A_THREAD], input=query, text=True,
                            capture_output=True, timeout=120)
    assert result.returncode == 0, f"{name}: exit {result.returncode} {result.stderr[-300:]}"


def test_kg_query_refuses_a_crasher_in_one_line(tmp_path):
    from kg.graph.store import GraphStore

    with GraphStore(tmp_path / "store") as store:
        store.store.update("INSERT DATA { GRAPH <http://g> { <http://a> <http://b> 1 } }")
    kg = str(Path(sys.executable).with_name("kg"))
    for name in ("3000 nested braces", "10000 parentheses", "3000 chained OPTIONALs"):
        result = subprocess.run([kg, "query", "--store", str(tmp_path / "store"), "-"], input=CRASHERS[name],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 1, name
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("kg: error: query refused:")
