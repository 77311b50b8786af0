"""Cutting a long text into pieces the spaCy pipeline takes one at a time.

spaCy refuses a text over ``nlp.max_length`` characters (E088), and a ``Doc`` of a whole
20-million-character file would hold every token at once. The recognisers only look within a
line, so a text cut at line breaks (else after a sentence's final punctuation, else anywhere)
yields the same candidates piece by piece, their offsets shifted back into the whole text.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

#: Where a piece may end, best first: after a line break, after a sentence's final punctuation.
_BOUNDARIES = (re.compile(r"\n"), re.compile(r"[。！？；!?;]"))


def pieces(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """(offset, piece) pairs covering ``text`` in order, each piece at most ``limit`` characters
    and cut at the last boundary of its second half (so that pieces stay large)."""
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for boundary in _BOUNDARIES:
            found = None
            for found in boundary.finditer(text, start + limit // 2, end):
                pass
            if found is not None:
                end = found.end()
                break
        yield start, text[start:end]
        start = end
    yield start, text[start:]
