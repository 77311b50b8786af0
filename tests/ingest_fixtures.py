"""Helpers for the ingestion tests: how an offset map is checked against its source."""
from __future__ import annotations

from kg.ingest.normalise import _CHAR_TABLE, _HALF_TO_FULL

#: Normalised characters that do not come from one source character (separators).
SEPARATORS = frozenset(" \n")


def fold(char: str) -> str:
    """The normalised form of one source character (half-width punctuation as in Chinese text)."""
    char = char.translate(_CHAR_TABLE)
    return _HALF_TO_FULL.get(char, char)


def forms(char: str) -> set[str]:
    """The forms one source character may take in normalised text."""
    folded = char.translate(_CHAR_TABLE)
    return {folded, _HALF_TO_FULL.get(folded, folded)}


def assert_offsets_exact(raw: str, text: str, offset_map: list[int]) -> None:
    """Each normalised character maps to the source character it came from, in order."""
    assert len(offset_map) == len(text) + 1
    assert offset_map[-1] <= len(raw)
    assert all(a <= b for a, b in zip(offset_map, offset_map[1:])), "offset map goes backwards"
    for i, char in enumerate(text):
        if char not in SEPARATORS:
            assert char in forms(raw[offset_map[i]]), (i, char, raw[offset_map[i]])


def squash(text: str) -> str:
    """A span without white space: what a source span and its normalised span share."""
    return "".join(fold(c) for c in text if not c.isspace())


def undouble_pairs(text: str) -> str:
    """``王王鹏鹏`` → ``王鹏``: per-glyph doubling removed (for comparing doubled spans)."""
    return "".join(text[i] for i in range(0, len(text), 2))
