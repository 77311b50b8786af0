"""Limits on RDF read from outside (Graph Store bodies, ``kg validate --file``) that pyoxigraph's
parsers do not keep themselves.

Its JSON-LD parser descends once per nested object and overflows the thread's stack, a segfault
that takes the whole process down (a ``kg serve`` with it), somewhere between 3,000 and 10,000
nested objects (pyoxigraph 0.5, 8 MB thread stack); arrays alone it stops at 65,536. Its Turtle,
TriG and RDF/XML parsers took 100,000 nested collections, blank nodes and elements. Real JSON-LD
nests a few levels; the limit keeps a margin of 6× below the first crash seen.

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

MAX_JSON_LD_NESTING = 500
#: How many times its own size (plus a megabyte) an RDF/XML document's entity references may expand to.
MAX_ENTITY_GROWTH = 10

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
#: An opening bracket becomes 2 and a closing one 0: one less each is the step in depth.
_STEPS = bytes.maketrans(b"[]{}", b"\x02\x00\x02\x00")


class UnsafeRdf(KgError):
    """RDF that pyoxigraph's parser would crash on or blow up to many times its size."""


class NestedTooDeep(UnsafeRdf):
    """A JSON-LD document nested deeper than :data:`MAX_JSON_LD_NESTING`."""


class ExpandsTooMuch(UnsafeRdf):
    """An RDF/XML document whose entity references expand beyond :data:`MAX_ENTITY_GROWTH`."""


def check_rdf_input(data: bytes, rdf_format: ox.RdfFormat) -> None:
    """Raise :class:`UnsafeRdf` if ``data``, to be parsed as ``rdf_format``, is past a limit of this module."""
    if rdf_format == ox.RdfFormat.JSON_LD:
        check_json_ld_nesting(data)
    elif rdf_format == ox.RdfFormat.RDF_XML:
        check_entity_expansion(data)


def check_json_ld_nesting(data: bytes, limit: int = MAX_JSON_LD_NESTING) -> None:
    """Raise :class:`NestedTooDeep` if the objects and arrays of ``data`` (JSON-LD) nest deeper
    than ``limit``. Brackets inside strings do not count; malformed JSON is left to the parser."""
    brackets = _STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    if len(brackets) <= limit:
        return
    depth = max(accumulate(step - 1 for step in brackets.translate(_STEPS)))
    if depth > limit:
        raise NestedTooDeep(f"JSON-LD nested {depth} levels deep (at most {limit}: deeper would overflow the parser)")


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
