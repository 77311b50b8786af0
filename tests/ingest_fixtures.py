"""Helpers for the ingestion tests: how an offset map is checked against its source."""
from __future__ import annotations

import re

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


def normalised_files(paths) -> list[tuple[str, str, list[int]]]:  # type: ignore[no-untyped-def]
    """(raw text, normalised text, offset map) of each UTF-8 file."""
    from kg.ingest import normalise

    out = []
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        out.append((raw, *normalise(raw)))
    return out


#: Policy titles and names with a typical suffix: spans whose source slice must squash to them.
MENTION_LIKE = re.compile(r"《[^》\n]{2,40}》|[\u4e00-\u9fff]{2,8}(?:省|市|集团|有限公司|委员会|产业)")


def count_round_tripped_mentions(normalised: list[tuple[str, str, list[int]]]) -> int:
    """Assert every mention-like span maps back to the same characters in its source; count them."""
    checked = 0
    for raw, text, offset_map in normalised:
        for match in MENTION_LIKE.finditer(text):
            start, end = match.span()
            source = raw[offset_map[start]:offset_map[end]]
            assert squash(source) == squash(match.group()), (match.group(), source)
            checked += 1
    return checked
