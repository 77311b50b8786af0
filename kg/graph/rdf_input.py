"""Limits on RDF read from outside (Graph Store bodies, ``kg validate --file``, what a remote store
answers) that pyoxigraph's parsers do not keep themselves.

Its JSON-LD parser descends once per nested object and overflows the thread's stack, a segfault
that takes the whole process down (a ``kg serve`` with it), somewhere between 3,000 and 10,000
nested objects (pyoxigraph 0.5, 8 MB thread stack); arrays alone it stops at 65,536. Its SPARQL
JSON results parser does the same at 2,500-5,000 nested triple terms, its Turtle-family parsers
(Turtle, TriG, N-Triples, N-Quads) at 10,000-20,000 nested triple terms ``<<( … )>>`` (600 KB),
and freeing a million triple terms nested in XML results overflows it too. Its RDF/XML parser slows
down with the square of the depth or worse (40,000 nested elements: 4 s; 80,000: 26 s), so one
50 MB body would hold a thread for hours. Nested collections, blank nodes and reified triples
``<< … >>`` it took a million deep. Real data nests a few levels; :data:`MAX_NESTING` keeps a
margin of 5× below the first crash seen.

Its RDF/XML parser expands the internal entities a DOCTYPE declares, each time they are used:
nine entities of ten uses each ("billion laughs", a few hundred bytes) made it allocate 10 GB,
which ends the process. OWL files do declare entities, for namespaces (``&xsd;``), which expand
a reference a few times over: a document may grow by :data:`MAX_ENTITY_GROWTH` times its size.
"""
from __future__ import annotations

import re
from itertools import accumulate

import pyoxigraph as ox

from kg.errors import KgError

#: Deepest nesting of JSON objects and arrays, of XML elements and of triple terms read.
MAX_NESTING = 500
#: How many times its own size (plus a megabyte) an RDF/XML document's entity references may expand to.
MAX_ENTITY_GROWTH = 10

_TURTLE_FAMILY = frozenset({ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N_TRIPLES,
                            ox.RdfFormat.N_QUADS, ox.RdfFormat.N3})
_OVERFLOW = "deeper would overflow the parser"

_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_NOT_BRACKETS_OR_QUOTES = bytes(b for b in range(256) if b not in b'[]{}"')
#: An opening bracket becomes 2 and a closing one 0: one less each is the step in depth.
_STEPS = bytes.maketrans(b"[]{}", b"\x02\x00\x02\x00")
#: Every byte but the two steps (2 in, 0 out), deleted once openings and closings are marked.
_NOT_STEPS = bytes(b for b in range(256) if b not in b"\x00\x02")

#: What a Turtle-family tokenizer reads as one token that opens no triple term: strings (long ones
#: first), comments, IRIs and the escaped characters of prefixed names (``ex:a\#b`` starts no comment).
_TURTLE_OPAQUE = re.compile(
    rb'"""(?:[^"\\]|\\.|"(?!""))*"""' rb"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    rb'|"(?:[^"\\\n\r]|\\.)*"' rb"|'(?:[^'\\\n\r]|\\.)*'"
    rb"|#[^\n\r]*" rb'|<[^<>"{}|^`\\\x00-\x20]*>' rb"|\\.",
    re.DOTALL)
#: What holds no element of an XML document: comments, CDATA sections, processing instructions, the DOCTYPE.
_XML_OPAQUE = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.DOTALL)
#: An empty-element tag, its attribute values read whole (they may hold "/>" but no "<").
_XML_EMPTY = re.compile(rb"""<[^/!?<>"'\s][^<>"']*(?:(?:"[^"]*"|'[^']*')[^<>"']*)*(?<=/)>""")


class UnsafeRdf(KgError):
    """RDF that pyoxigraph's parser would crash on, blow up to many times its size or take hours over."""


class NestedTooDeep(UnsafeRdf):
    """A document nested deeper than :data:`MAX_NESTING`."""


class ExpandsTooMuch(UnsafeRdf):
    """An RDF/XML document whose entity references expand beyond :data:`MAX_ENTITY_GROWTH`."""


def check_rdf_input(data: bytes, rdf_format: ox.RdfFormat) -> None:
    """Raise :class:`UnsafeRdf` if ``data``, to be parsed as ``rdf_format``, is past a limit of this module."""
    if rdf_format == ox.RdfFormat.JSON_LD:
        check_json_nesting(data, "JSON-LD")
    elif rdf_format == ox.RdfFormat.RDF_XML:
        check_entity_expansion(data)
        check_xml_nesting(data, "RDF/XML elements", "the parser slows down with the square of the depth")
    elif rdf_format in _TURTLE_FAMILY:
        check_triple_term_nesting(data)


def check_results_input(data: bytes, results_format: ox.QueryResultsFormat) -> None:
    """Raise :class:`UnsafeRdf` if SPARQL query results ``data`` (a remote store's) are past a limit."""
    if results_format == ox.QueryResultsFormat.JSON:
        check_json_nesting(data, "SPARQL JSON results")
    elif results_format == ox.QueryResultsFormat.XML:
        check_xml_nesting(data, "SPARQL XML results", _OVERFLOW)
    elif results_format == ox.QueryResultsFormat.TSV:
        check_triple_term_nesting(data)


def check_json_nesting(data: bytes, what: str, limit: int = MAX_NESTING) -> None:
    """Raise :class:`NestedTooDeep` if the objects and arrays of ``data`` (JSON: ``what``) nest deeper
    than ``limit``. Brackets inside strings do not count; malformed JSON is left to the parser."""
    if b"\\" in data:  # an escaped quote (\") ends no string
        data = _ESCAPE.sub(b"", data)
    # The quotes left open and close strings in turn: every other piece is outside them. Two quotes
    # side by side (a string without brackets) change that turn for no other byte: dropped first.
    marks = data.translate(None, _NOT_BRACKETS_OR_QUOTES).replace(b'""', b"")
    brackets = b"".join(marks.split(b'"')[::2])
    if len(brackets) > limit:
        _check_steps(brackets.translate(_STEPS), what, limit, _OVERFLOW)


def check_triple_term_nesting(data: bytes, limit: int = MAX_NESTING) -> None:
    """Raise :class:`NestedTooDeep` if the triple terms ``<<( … )>>`` of ``data`` (Turtle, TriG,
    N-Triples, N-Quads, SPARQL TSV results) nest deeper than ``limit``; those inside strings,
    comments and IRIs do not count."""
    if data.count(b"<<(") <= limit:
        return
    tokens = _TURTLE_OPAQUE.sub(b" ", data).translate(None, b"\x00\x02")
    _check_steps(tokens.replace(b"<<(", b"\x02").replace(b")>>", b"\x00").translate(None, _NOT_STEPS),
                 "triple terms", limit, _OVERFLOW)


def check_xml_nesting(data: bytes, what: str, why: str, limit: int = MAX_NESTING) -> None:
    """Raise :class:`NestedTooDeep` if the elements of XML ``data`` nest deeper than ``limit``.
    Tags inside comments and CDATA sections do not count. Elsewhere a "<" opens markup (text and
    attribute values escape it): once empty-element tags are gone, each is a start or an end tag."""
    if data.count(b"<") <= limit:
        return
    tags = _XML_EMPTY.sub(b"", _XML_OPAQUE.sub(b"", data).translate(None, b"\x00\x02"))
    _check_steps(tags.replace(b"</", b"\x00").replace(b"<", b"\x02").translate(None, _NOT_STEPS), what, limit, why)


def _check_steps(steps: bytes, what: str, limit: int, why: str) -> None:
    """``steps`` holds 2 for each opening and 0 for each closing, in order: raise
    :class:`NestedTooDeep` if the depth they reach is past ``limit``."""
    if len(steps) <= limit:
        return
    depth = max(accumulate(step - 1 for step in steps))
    if depth > limit:
        raise NestedTooDeep(f"{what} nested {depth} levels deep (at most {limit}: {why})")


_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*\[(.*?)\]\s*>", re.DOTALL)
_ENTITY = re.compile(rb"""<!ENTITY\s+([^\s%"']+)\s+(?:"([^"]*)"|'([^']*)')\s*>""")
_REFERENCE = re.compile(rb"&([^\s&;#]+);")


def check_entity_expansion(data: bytes, growth: int = MAX_ENTITY_GROWTH) -> None:
    """Raise :class:`ExpandsTooMuch` if the references to the internal entities ``data``'s DOCTYPE
    declares (XML, RDF/XML) would expand to more than ``growth`` times its size plus a megabyte."""
    doctype = _DOCTYPE.search(data)
    if doctype is None:
        return
    values = {m[1]: m[2] if m[2] is not None else m[3] for m in _ENTITY.finditer(doctype[1])}
    limit = growth * len(data) + 1_000_000
    sizes: dict[bytes, int] = {}

    def size(name: bytes, depth: int = 0) -> int:
        """Expanded length of entity ``name``; a chain too long or a cycle counts as past the limit."""
        if name not in sizes:
            if depth > len(values):
                return limit + 1
            value = values[name]
            sizes[name] = len(value) + sum(size(ref, depth + 1) - len(ref) - 2
                                           for ref in _REFERENCE.findall(value) if ref in values)
        return sizes[name]

    expanded = sum(size(ref) for ref in _REFERENCE.findall(data, doctype.end()) if ref in values)
    if expanded > limit:
        raise ExpandsTooMuch(f"its entity references expand to {expanded:,} characters (at most {limit:,} "
                             f"for {len(data):,} bytes)")
