"""Refuse SPARQL operations too long or too deeply nested for the engine, before they reach it
(Oxigraph would overflow its stack and take the whole process down)."""
from __future__ import annotations

from kg.config import QueryLimits
from kg.errors import KgError
from kg.sparql.lexer import BRACKETS, tokens

_PATTERN_OPERATORS = {"OPTIONAL", "MINUS", "UNION", "BIND", "FILTER", "GRAPH", "SERVICE", "VALUES",
                      "EXISTS", "SELECT"}
_EXPRESSION_OPERATORS = {"+", "-", "*", "/", "|", "||", "&&", "=", "!=", "<", ">", "<=", ">=", "!"}
#: What ends or continues a triple pattern (and separates a function's arguments, counted alike).
_PATTERN_JOINS = {".", ";", ","}


class QueryTooComplex(KgError):
    """An operation over one of the :class:`~kg.config.QueryLimits`."""


def check_complexity(operation: str, limits: QueryLimits = QueryLimits()) -> None:
    """Raise :class:`QueryTooComplex`, saying which limit, when ``operation`` exceeds one."""
    if len(operation) > limits.max_chars:
        raise QueryTooComplex(f"SPARQL text of {len(operation):,} characters exceeds the limit of "
                              f"{limits.max_chars:,}")
    nesting = patterns = expressions = joins = 0
    data_depth, after_data = 0, False  # inside INSERT DATA / DELETE DATA: triples to write, no patterns
    for token in tokens(operation):
        if token.kind == "PUNCT" and token.text == "{" and after_data:
            data_depth, after_data = token.depth + 1, False
        elif token.kind == "PUNCT" and token.text == "}" and token.depth == data_depth:
            data_depth = 0
        if token.kind == "PUNCT":
            if token.text in _PATTERN_JOINS and token.depth > 0 and not data_depth:
                joins += 1
                if joins > limits.max_triple_patterns:
                    raise QueryTooComplex(f"more than {limits.max_triple_patterns} triple patterns")
            elif token.text in BRACKETS:
                nesting = max(nesting, token.nesting + 1)
                if nesting > limits.max_nesting:
                    raise QueryTooComplex(f"brackets nested more than {limits.max_nesting} deep")
            elif token.text in _EXPRESSION_OPERATORS:
                expressions += 1
                if expressions > limits.max_expression_operators:
                    raise QueryTooComplex(f"more than {limits.max_expression_operators} expression "
                                          "and path operators")
        elif token.word == "DATA":
            after_data = True
        elif token.word in _PATTERN_OPERATORS and (token.word != "SELECT" or token.depth > 0):
            patterns += 1
            if patterns > limits.max_pattern_operators:
                raise QueryTooComplex(f"more than {limits.max_pattern_operators} graph-pattern operators "
                                      "(OPTIONAL, UNION, MINUS, BIND, FILTER, GRAPH, VALUES, EXISTS, sub-SELECT)")
