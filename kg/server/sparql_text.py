"""Light lexical analysis of SPARQL text that the protocol needs but pyoxigraph does not expose.

pyoxigraph parses and evaluates a query in one call, so the endpoint cannot ask it "does this
query use SERVICE?", "has it a FROM clause?" or "where do USING clauses go?". Those questions
only concern keywords outside strings, IRIs and comments, and (for FROM/WITH/USING) outside any
group pattern, so a masking scanner answers them reliably without a second SPARQL parser.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_KEYWORD = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


@dataclass(frozen=True)
class Token:
    word: str  # upper-cased keyword
    start: int  # offset in the original text
    depth: int  # brace depth: 0 = outside every group pattern


def keywords(text: str) -> list[Token]:
    """Bare words of ``text`` (upper-cased) with their offset and brace depth.

    Strings, IRIs, comments, variables (``?x``/``$x``), prefixed names (``ex:SERVICE``) and
    language tags are skipped, so a word here is a keyword or a function name.
    """
    tokens: list[Token] = []
    i, n, depth = 0, len(text), 0
    while i < n:
        ch = text[i]
        if ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif ch in "\"'":
            i = _skip_string(text, i)
        elif ch == "<" and _looks_like_iri(text, i):
            end = text.find(">", i + 1)
            i = n if end < 0 else end + 1
        elif ch in "?$@":
            match = _KEYWORD.match(text, i + 1)
            i = match.end() if match else i + 1
        elif ch == "{":
            depth += 1
            i += 1
        elif ch == "}":
            depth = max(0, depth - 1)
            i += 1
        elif ch.isalpha() or ch == "_":
            match = _KEYWORD.match(text, i)
            assert match is not None
            end = match.end()
            prefixed = end < n and text[end] == ":" or (i > 0 and text[i - 1] == ":")
            if not prefixed:
                tokens.append(Token(match.group().upper(), i, depth))
            i = end
        else:
            i += 1
    return tokens


def _skip_string(text: str, i: int) -> int:
    quote = text[i]
    long = text.startswith(quote * 3, i)
    delimiter = quote * 3 if long else quote
    j = i + len(delimiter)
    while j < len(text):
        if text[j] == "\\":
            j += 2
            continue
        if text.startswith(delimiter, j):
            return j + len(delimiter)
        if not long and text[j] == "\n":
            return j
        j += 1
    return j


def _looks_like_iri(text: str, i: int) -> bool:
    """``<`` opens an IRI unless it is the less-than operator (followed by space, ``=`` or a
    variable, or with a whitespace or ``>`` before the closing bracket)."""
    end = text.find(">", i + 1)
    if end < 0:
        return False
    body = text[i + 1:end]
    return not any(c in body for c in ' \t\r\n<"{}|^`\\') and not body.startswith(("=", "?", "$"))


def uses_service(query: str) -> bool:
    """True when the operation contains a SERVICE clause (federated query)."""
    return any(t.word == "SERVICE" for t in keywords(query))


def uses_load(update: str) -> bool:
    """True when an update fetches a remote document (LOAD)."""
    return any(t.word == "LOAD" and t.depth == 0 for t in keywords(update))


def has_dataset_clause(query: str) -> bool:
    """True when a query declares its own dataset (FROM / FROM NAMED)."""
    return any(t.word == "FROM" and t.depth == 0 for t in keywords(query))


def has_update_dataset_clause(update: str) -> bool:
    """True when an update names its dataset itself (USING, USING NAMED or WITH)."""
    return any(t.word in ("USING", "WITH") and t.depth == 0 for t in keywords(update))


def add_using_clauses(update: str, default_graphs: list[str], named_graphs: list[str]) -> str:
    """``update`` with the protocol's ``using-graph-uri``/``using-named-graph-uri`` applied as
    USING / USING NAMED clauses of every DELETE/INSERT … WHERE operation (SPARQL 1.1 Protocol
    §2.2.3; ``DELETE WHERE`` and the data operations take no dataset)."""
    clauses = "".join(f"USING <{g}> " for g in default_graphs)
    clauses += "".join(f"USING NAMED <{g}> " for g in named_graphs)
    if not clauses:
        return update
    tokens = keywords(update)
    cuts = [
        tok.start
        for prev, tok in zip([None, *tokens], tokens)
        if tok.word == "WHERE" and tok.depth == 0 and not _is_delete_where(update, prev, tok)
    ]
    for cut in reversed(cuts):
        update = update[:cut] + clauses + update[cut:]
    return update


def _is_delete_where(text: str, prev: Token | None, where: Token) -> bool:
    return prev is not None and prev.word == "DELETE" and not text[prev.start + 6:where.start].strip()
