"""A lexer for SPARQL 1.1 (and the SPARQL 1.2 punctuation Oxigraph accepts), after the terminals
of the grammar (https://www.w3.org/TR/sparql11-query/#grammar): IRIs with ``\\u`` escapes,
prefixed names with ``\\``-escapes and percent-encoding, the four kinds of string, comments
ending at CR or LF, variables and prefixed names in the full PN_CHARS ranges (``?地区``,
``r:江苏省``).

pyoxigraph parses and evaluates in one call, so the endpoint lexes a query itself to ask what it
contains (SERVICE, LOAD, FROM, USING) and how deeply it nests. A plain lexer cannot tell
whether ``<`` opens an IRI or is the less-than operator; like the grammar, this one decides
from the context: inside an expression, after an operand, ``<`` is an operator.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_BASE = (
    "A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
    "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF"
)
_U = _BASE + "_"
_CHARS = _U + "\\-0-9\u00B7\u0300-\u036F\u203F-\u2040"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_PREFIX = f"[{_BASE}](?:[{_CHARS}.]*[{_CHARS}])?"
_LOCAL = f"(?:[{_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"
_UCHAR = r"(?:\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})"
_ESCAPE = rf"(?:\\[tbnrf\\\"']|{_UCHAR})"

_TERMINALS = [
    ("WS", r"[ \t\r\n]+"),
    ("COMMENT", r"#[^\r\n]*"),
    ("STRING", rf"'''(?:(?:'|'')?(?:[^'\\]|{_ESCAPE}))*'''"),
    ("STRING", rf'"""(?:(?:"|"")?(?:[^"\\]|{_ESCAPE}))*"""'),
    ("STRING", rf"'(?:[^'\\\r\n]|{_ESCAPE})*'"),
    ("STRING", rf'"(?:[^"\\\r\n]|{_ESCAPE})*"'),
    ("IRI", rf"<(?:[^<>\"{{}}|^`\\\x00-\x20]|{_UCHAR})*>"),
    ("VAR", f"[?$][{_U}0-9][{_U}0-9\u00B7\u0300-\u036F\u203F-\u2040]*"),
    ("BNODE", f"_:[{_U}0-9](?:[{_CHARS}.]*[{_CHARS}])?"),
    ("PNAME", f"(?:{_PREFIX})?:(?:{_LOCAL})?"),
    ("LANGTAG", r"@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*(?:--[a-zA-Z]+)?"),
    ("NUMBER", r"(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"),
    ("WORD", r"[A-Za-z_][A-Za-z0-9_]*"),
    ("PUNCT", r"<<|>>|\{\||\|\}|\^\^|&&|\|\||<=|>=|!=|."),
]
_LEXER = re.compile("|".join(f"(?P<{kind}{i}>{pattern})" for i, (kind, pattern) in enumerate(_TERMINALS)),
                    re.DOTALL)
_KIND = {f"{kind}{i}": kind for i, (kind, _) in enumerate(_TERMINALS)}
_IRI_ONLY = re.compile(_TERMINALS[6][1])

#: Tokens after which, inside an expression, ``<`` compares rather than opens an IRI.
_OPERAND_ENDS = {"VAR", "STRING", "NUMBER", "IRI", "PNAME", "LANGTAG", "BNODE"}
#: Words after which ``(`` opens an expression even inside a group pattern.
_EXPRESSION_HEADS = {"FILTER", "BIND", "HAVING", "BY", "ASC", "DESC"}
_OPENERS = frozenset("{([")
#: SPARQL 1.2's reified triples and annotations nest too: 30,000 of them overflowed Oxigraph's stack
#: (a segfault), 3,000 took it minutes to parse.
_REIFIER_OPENERS, _REIFIER_CLOSERS = frozenset({"<<", "{|"}), frozenset({">>", "|}"})
#: Every PUNCT token that opens a level of ``Token.nesting``.
BRACKETS = _OPENERS | _REIFIER_OPENERS


@dataclass(frozen=True)
class Token:
    kind: str  # WORD, IRI, PNAME, VAR, BNODE, STRING, NUMBER, LANGTAG or PUNCT
    text: str
    start: int  # offset in the original text
    depth: int  # brace depth: 0 = outside every group pattern
    nesting: int  # depth of brackets of any kind ({, (, [, << and {|) the token is inside

    @property
    def word(self) -> str:
        """A bare word upper-cased (keywords are case-insensitive); "" for other tokens."""
        return self.text.upper() if self.kind == "WORD" else ""


def tokens(text: str) -> Iterator[Token]:
    """The significant tokens of ``text`` (whitespace and comments dropped). Never fails: a
    character no terminal matches is a one-character PUNCT token for the engine to reject."""
    contexts: list[str] = []  # "group", "expr", "data" or "node" per open bracket
    braces = 0
    reifiers = 0  # open << … >> (reified triples) and {| … |} (annotations): no context of their own
    previous: Token | None = None
    before_previous: Token | None = None
    select_clause = False  # between SELECT and its WHERE: "(" opens a projected expression
    values_pending = False  # between VALUES and its data block
    position, end = 0, len(text)
    while position < end:
        match = _LEXER.match(text, position)
        assert match is not None  # PUNCT matches any character
        kind = _KIND[match.lastgroup]
        value = match.group()
        if kind in ("WS", "COMMENT"):
            position = match.end()
            continue
        if kind == "IRI" and _is_less_than(contexts, previous):
            kind, value = "PUNCT", "<="[: 2 if text.startswith("<=", position) else 1]
        elif kind == "PUNCT" and value == "<<" and _is_less_than(contexts, previous):
            value = "<"
        token = Token(kind, value, position, braces, len(contexts) + reifiers)
        position += len(value)
        if kind == "PUNCT" and value in _REIFIER_OPENERS and not text.startswith("<<(", token.start):
            reifiers += 1  # <<( is a triple term: its ( counts
        elif kind == "PUNCT" and value in _REIFIER_CLOSERS and not text.startswith(")>>", token.start - 1):
            reifiers = max(0, reifiers - 1)
        elif kind == "PUNCT" and value in _OPENERS:
            if values_pending:
                context = "data"
                values_pending = value == "("  # the variable list; the data block follows
            else:
                context = _opened_context(value, contexts, previous, before_previous, select_clause)
            contexts.append(context)
            if value == "{":
                braces += 1
                select_clause = False
        elif kind == "PUNCT" and value in ("}", ")", "]"):
            if contexts:
                contexts.pop()
            if value == "}":
                braces = max(0, braces - 1)
        elif token.word == "SELECT":
            select_clause = True
        elif token.word == "VALUES":
            values_pending = True
        elif token.word in ("WHERE", "FROM"):
            select_clause = False
        yield token
        before_previous, previous = previous, token


def _is_less_than(contexts: list[str], previous: Token | None) -> bool:
    if not contexts or contexts[-1] != "expr" or previous is None:
        return False
    if previous.kind in _OPERAND_ENDS:
        return True
    return previous.kind == "PUNCT" and previous.text in (")", "]") or previous.word in ("TRUE", "FALSE")


def _opened_context(bracket: str, contexts: list[str], previous: Token | None,
                    before_previous: Token | None, select_clause: bool) -> str:
    """What a new bracket holds: a group pattern, an expression, VALUES data or RDF nodes
    (collections, blank-node property lists, property paths)."""
    outer = contexts[-1] if contexts else "group"
    if bracket == "{":
        return "data" if outer == "data" else "group"
    if bracket == "[":
        return "data" if outer == "data" else "node"
    if outer in ("expr", "data"):
        return outer
    if previous is None:
        return "node"
    if select_clause or previous.word in _EXPRESSION_HEADS:
        return "expr"
    if previous.kind == "WORD" and previous.word not in ("A", "TRUE", "FALSE"):
        return "expr"  # a built-in call such as regex(…) or STR(…)
    if previous.kind in ("IRI", "PNAME") and before_previous is not None \
            and before_previous.word in _EXPRESSION_HEADS:
        return "expr"  # FILTER <function>(…)
    return "node"


def is_iri(text: str) -> bool:
    """True when ``text`` is one IRIREF token (``<…>``)."""
    return _IRI_ONLY.fullmatch(text) is not None
