"""What the protocol needs to know about an operation's text that pyoxigraph does not expose:
does it reach other hosts (SERVICE, LOAD), does it name its own dataset (FROM, USING, WITH),
where do the protocol's USING clauses go. Answered from the tokens of :mod:`kg.sparql.lexer`,
so strings, IRIs, comments, escapes and names in any script are read as the grammar reads them.
"""
from __future__ import annotations

from collections.abc import Iterator

from kg.graph.backends import Backend
from kg.graph.chunked import markers_restored
from kg.sparql.lexer import Token, tokens

#: Tokens a prologue (PREFIX and BASE declarations) is made of.
_PROLOGUE_KINDS = ("IRI", "PNAME")

def _names_keyword(token: Token, keyword: str) -> bool:
    """Oxigraph's parser matches a keyword without a word boundary (``SERVICEex:x``, or
    ``trueSERVICE`` after an object): any bare word or prefix holding the keyword counts."""
    if token.kind == "WORD":
        return keyword in token.word
    if token.kind == "PNAME":
        return keyword in token.text.partition(":")[0].upper()
    return False


def uses_service(operation: str) -> bool:
    """True when the query or update may contain a SERVICE clause (federated query)."""
    return any(_names_keyword(t, "SERVICE") for t in tokens(operation))


def uses_load(update: str) -> bool:
    """True when an update may fetch a remote document (LOAD)."""
    return any(_names_keyword(t, "LOAD") for t in tokens(update))


def has_dataset_clause(query: str) -> bool:
    """True when a query declares its own dataset (FROM / FROM NAMED)."""
    return any(t.word == "FROM" and t.depth == 0 for t in tokens(query))


def has_update_dataset_clause(update: str) -> bool:
    """True when an update names its dataset itself (USING, USING NAMED or WITH)."""
    return any(t.word in ("USING", "WITH") and t.depth == 0 for t in tokens(update))


def add_using_clauses(update: str, default_graphs: list[str], named_graphs: list[str]) -> str:
    """``update`` with the protocol's ``using-graph-uri``/``using-named-graph-uri`` applied as
    USING / USING NAMED clauses of every DELETE/INSERT … WHERE operation (SPARQL 1.1 Protocol
    §2.2.3; ``DELETE WHERE`` and the data operations take no dataset)."""
    clauses = "".join(f"USING <{g}> " for g in default_graphs)
    clauses += "".join(f"USING NAMED <{g}> " for g in named_graphs)
    if not clauses:
        return update
    significant = list(tokens(update))
    cuts = [
        token.start
        for previous, token in zip([None, *significant], significant)
        if token.word == "WHERE" and token.depth == 0 and not (previous is not None and previous.word == "DELETE")
    ]
    for cut in reversed(cuts):
        update = update[:cut] + clauses + update[cut:]
    return update


def keeping_markers(store: Backend, update: str) -> str:
    """``update`` followed, in the same request (one transaction), by the operation that puts
    back the completeness markers it may remove (:func:`kg.graph.chunked.markers_restored`): a
    client's update never reveals a graph that another writer has not finished."""
    restore = markers_restored(store)
    if restore is None:
        return update
    # ";" separates operations; none is needed (nor allowed) after a final ";" or a bare prologue
    significant = list(tokens(update))
    last = max((i for i, t in enumerate(significant) if t.text == ";" and t.nesting == 0), default=-1)
    bare = all(t.kind in _PROLOGUE_KINDS or t.word in ("PREFIX", "BASE") for t in significant[last + 1:])
    return f"{update}\n{'' if bare else ';'}\n{restore}"



def where_queries(update: str) -> list[str]:
    """One ``SELECT (COUNT(*) …)`` per operation of ``update`` that matches a pattern
    (DELETE/INSERT … WHERE, DELETE WHERE), over the dataset its USING/WITH clauses name: it costs
    what the operation's matching costs, so it can run under the queries' deadline in a process
    that can be killed, before the update itself (which Oxigraph cannot cancel) touches the store."""
    significant = list(tokens(update))
    prologue = "".join(_declarations(update, significant))
    queries = []
    for operation in _operations(significant):
        pattern = _where_pattern(update, operation)
        if pattern is not None:
            queries.append(f"{prologue}SELECT (COUNT(*) AS ?kg_solutions) {_from_clauses(operation)}WHERE {pattern}")
    return queries


#: Operations that write or remove only what their own text spells out: bounded by its length.
_SPELLED_OUT = (("INSERT", "DATA"), ("DELETE", "DATA"), ("CREATE",))


def needs_a_trial(update: str) -> bool:
    """True unless every operation of ``update`` writes or removes only what it spells out
    (INSERT DATA, DELETE DATA, CREATE). Any other costs what the store holds, unknown until it has
    run: a later operation matches what the earlier ones wrote, which :func:`where_queries` over
    the store as it is cannot see; writing what a WHERE matched may take many times matching it (a
    cross join of 1,000 statements: counted in 0.1 s, written in 22 s); and ADD, COPY, MOVE, DROP
    and CLEAR match no pattern but every statement of a graph (MOVE of 300k statements: 25 s)."""
    for operation in _operations(list(tokens(update))):
        words = [token.word for token in _without_prologue(operation)]
        if words and not any(words[:len(kind)] == list(kind) for kind in _SPELLED_OUT):
            return True
    return False


def _without_prologue(operation: list[Token]) -> list[Token]:
    """The operation after its PREFIX and BASE declarations."""
    index = 0
    while index < len(operation) and operation[index].word in ("PREFIX", "BASE"):
        index += 3 if operation[index].word == "PREFIX" else 2
    return operation[index:]


def _declarations(update: str, significant: list[Token]) -> Iterator[str]:
    """Every PREFIX and BASE declaration of ``update`` (each operation may add some)."""
    for index, token in enumerate(significant):
        length = {"PREFIX": 3, "BASE": 2}.get(token.word)
        if length and token.nesting == 0 and index + length <= len(significant):
            last = significant[index + length - 1]
            yield update[token.start:last.start + len(last.text)] + "\n"


def _operations(significant: list[Token]) -> Iterator[list[Token]]:
    operation: list[Token] = []
    for token in significant:
        if token.text == ";" and token.nesting == 0:
            yield operation
            operation = []
        else:
            operation.append(token)
    yield operation


def _where_pattern(update: str, operation: list[Token]) -> str | None:
    """The group pattern after the operation's top-level WHERE, as written."""
    for index, token in enumerate(operation[:-1]):
        if token.word == "WHERE" and token.depth == 0 and operation[index + 1].text == "{":
            opener = operation[index + 1]
            closer = next((t for t in operation[index + 2:] if t.text == "}" and t.depth == opener.depth + 1), None)
            return None if closer is None else update[opener.start:closer.start + 1]
    return None


def _from_clauses(operation: list[Token]) -> str:
    """USING / USING NAMED as FROM / FROM NAMED; without them, WITH's graph as the default graph."""
    using, with_graph = [], []
    for index, token in enumerate(operation[:-1]):
        following = operation[index + 1]
        if token.word == "USING" and token.depth == 0:
            if following.word == "NAMED" and index + 2 < len(operation):
                using.append(f"FROM NAMED {operation[index + 2].text} ")
            else:
                using.append(f"FROM {following.text} ")
        elif token.word == "WITH" and token.depth == 0:
            with_graph.append(f"FROM {following.text} ")
    return "".join(using or with_graph)
