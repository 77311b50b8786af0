"""Limits on RDF read from outside (Graph Store bodies, ``kg validate --file``) that pyoxigraph's
parsers do not keep themselves.

Its JSON-LD parser descends once per nested object and overflows the thread's stack, a segfault
that takes the whole process down (a ``kg serve`` with it), somewhere between 3,000 and 10,000
nested objects (pyoxigraph 0.5, 8 MB thread stack); arrays alone it stops at 65,536. Its Turtle,
TriG and RDF/XML parsers took 100,000 nested collections, blank nodes and elements. Real JSON-LD
nests a few levels; the limit keeps a margin of 6× below the first crash seen.
"""
from __future__ import annotations

import re
from itertools import accumulate

from kg.errors import KgError

MAX_JSON_LD_NESTING = 500

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
#: An opening bracket becomes 2 and a closing one 0: one less each is the step in depth.
_STEPS = bytes.maketrans(b"[]{}", b"\x02\x00\x02\x00")


class NestedTooDeep(KgError):
    """A JSON-LD document nested deeper than :data:`MAX_JSON_LD_NESTING`."""


def check_json_ld_nesting(data: bytes, limit: int = MAX_JSON_LD_NESTING) -> None:
    """Raise :class:`NestedTooDeep` if the objects and arrays of ``data`` (JSON-LD) nest deeper
    than ``limit``. Brackets inside strings do not count; malformed JSON is left to the parser."""
    brackets = _STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    if len(brackets) <= limit:
        return
    depth = max(accumulate(step - 1 for step in brackets.translate(_STEPS)))
    if depth > limit:
        raise NestedTooDeep(f"JSON-LD nested {depth} levels deep (at most {limit}: deeper would overflow the parser)")
