"""The grammar-aware SPARQL lexer and what the endpoint asks of it: names in any script,
escapes, comments ending at CR, ``<`` as operator or IRI, and no way to hide SERVICE or LOAD."""
from __future__ import annotations

import pytest

from kg.server.sparql_text import (
    add_using_clauses, has_dataset_clause, has_update_dataset_clause, uses_load, uses_service,
)
from kg.sparql.lexer import tokens

EVIL = "<http://127.0.0.1:5099/sparql>"


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in tokens(text)]


def test_chinese_variables_and_prefixed_names_are_single_tokens():
    text = "PREFIX r: <https://w3id.org/kgcn/id/region/> SELECT ?地区 WHERE { r:江苏省 ?p ?地区 }"
    assert kinds(text) == [
        ("WORD", "PREFIX"), ("PNAME", "r:"), ("IRI", "<https://w3id.org/kgcn/id/region/>"),
        ("WORD", "SELECT"), ("VAR", "?地区"), ("WORD", "WHERE"), ("PUNCT", "{"),
        ("PNAME", "r:江苏省"), ("VAR", "?p"), ("VAR", "?地区"), ("PUNCT", "}"),
    ]


def test_escapes_in_prefixed_names_iris_and_strings_are_not_comments():
    assert ("PNAME", r"ex:a\#") in kinds(r"SELECT * WHERE { ?s ?p ex:a\# . ?s ?p ?o }")
    assert ("IRI", r"<http://e/\u0041#>") in kinds(r"SELECT * WHERE { ?s ?p <http://e/\u0041#> }")
    assert ("STRING", r'"a\"#b"') in kinds(r'SELECT * WHERE { ?s ?p "a\"#b" }')
    assert ("STRING", "'''x\n#y'''") in kinds("SELECT * WHERE { ?s ?p '''x\n#y''' }")


def test_comments_end_at_carriage_return():
    assert ("WORD", "SERVICE") in kinds("SELECT * WHERE { ?s ?p ?o # note\rSERVICE <http://x/> {} }")


def test_less_than_is_an_operator_after_an_operand_inside_an_expression():
    assert ("PUNCT", "<") in kinds("SELECT * WHERE { ?s ?p ?o FILTER(?o<3&&?o>1) }")
    assert ("IRI", "<http://x/>") in kinds("SELECT * WHERE { ?s ?p ?o FILTER(?o = <http://x/>) }")
    assert ("IRI", "<http://y/#>") in kinds("SELECT * WHERE { ?s ?p (1 <http://y/#>) }")
    assert ("IRI", "<y#>") in kinds("SELECT * WHERE { VALUES (?a ?b) { (<x> <y#>) } }")


@pytest.mark.parametrize("query", [
    f"PREFIX ex: <http://e/> SELECT ?s WHERE {{ {{ ?x ?y ex:a\\# }} UNION {{ SERVICE {EVIL} {{ ?s ?p ?o }} }} }}",
    f"SELECT ?s WHERE {{ ?x ?y <http://e/\\u0041#> . SERVICE {EVIL} {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ ?s ?p ?o # c\rSERVICE {EVIL} {{ ?s ?p ?o }} }}",
    f"select * where {{ ?s ?p ?o service silent {EVIL} {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ ?s ?p ?o FILTER(?o<1)BIND({EVIL} AS ?v)SERVICE?v#>\n{{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ VALUES (?a ?b) {{ (<x> <y#>) }} SERVICE {EVIL} {{ ?s ?p ?o }} }}",
    "PREFIX : <http://127.0.0.1:5099/> SELECT * WHERE { ?s ?p ?o SERVICE:x { ?s ?p ?o } }",
    "PREFIX ex: <http://127.0.0.1:5099/> SELECT * WHERE { ?s ?p ?o SERVICEex:x { ?s ?p ?o } }",
    f"SELECT * WHERE {{ ?s ?p trueSERVICE{EVIL}{{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ ?s ?p '''a\\''' SERVICE {EVIL} {{ ?s ?p ?o }} }}",
    f'SELECT * WHERE {{ ?s ?p "a\\\\" SERVICE {EVIL} {{ ?s ?p ?o }} }}',
])
def test_service_is_found_however_it_is_written(query):
    assert uses_service(query)


@pytest.mark.parametrize("update", [
    f"LOAD {EVIL}",
    f"load silent {EVIL} into graph <http://g>",
    f"INSERT DATA {{ <http://a> <http://b> 'x\\'#' }} ; LOAD {EVIL}",
    "PREFIX : <http://127.0.0.1:5099/> LOAD:a",
    "PREFIX ex: <http://127.0.0.1:5099/> LOADex:a",
    f"CLEAR ALL # c\rLOAD {EVIL}",
])
def test_load_is_found_however_it_is_written(update):
    assert uses_load(update)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?service ?p 'SERVICE' }",
    "SELECT * WHERE { ?s ?p <http://example.org/SERVICE> } # SERVICE",
    "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:SERVICE ?o }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o<3 && ?o>1) }",
])
def test_no_service_where_there_is_none(query):
    assert not uses_service(query)


def test_dataset_clauses_and_using_insertion():
    assert has_dataset_clause("SELECT * FROM <http://g> WHERE { ?s ?p ?o }")
    assert not has_dataset_clause("SELECT * WHERE { ?s ?p 'FROM' }")
    assert not has_dataset_clause("SELECT * WHERE { { SELECT * WHERE { ?s ?p ?地区 } } }")
    assert has_update_dataset_clause("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    update = "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o } ; DELETE WHERE { ?a ?b ?c }"
    assert add_using_clauses(update, ["http://g"], []) == (
        "DELETE { ?s ?p ?o } USING <http://g> WHERE { ?s ?p ?o } ; DELETE WHERE { ?a ?b ?c }"
    )


def test_any_text_lexes_into_tokens_that_cover_it():
    for text in ["\\", "<", "'unterminated", '"""', "?", "@", "_:", "\x00\ud7ff\U0010ffff", "{" * 50, "<a"]:
        assert "".join(t.text for t in tokens(text)) == text
