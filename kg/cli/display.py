"""Terminal output shared by the commands: columns that line up with Chinese text, and IRIs
written as SPARQL prefixed names that can be pasted back into a query."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import click


def one_line(text: str) -> str:
    """``text`` with every character a terminal would not print as itself escaped as Python writes it
    (``\\n``, ``\\x1b``, ``\\u202e``): a file named ``a\\nkg: failed: b.txt`` or holding an escape
    sequence stays on the one line its message is, and cannot forge another."""
    return "".join(c if c.isprintable() or unicodedata.category(c) == "Zs" else c.encode("unicode_escape").decode("ascii")
                   for c in text)


def display_width(text: str) -> int:
    """Columns a terminal uses for ``text``: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def echo_table(header: list[str] | None, rows: list[tuple[str, ...]], indent: int = 0) -> None:
    """Rows in aligned columns (CJK characters count double, as terminals draw them), each line
    ``indent`` spaces in."""
    all_rows = ([tuple(header)] if header else []) + rows
    if not all_rows:
        return
    widths = [max(display_width(row[i]) for row in all_rows) for i in range(len(all_rows[0]))]

    margin = " " * indent

    def line(row: tuple[str, ...]) -> str:
        return margin + "  ".join(cell + " " * (w - display_width(cell)) for cell, w in zip(row, widths)).rstrip()

    if header:
        click.echo(line(tuple(header)))
        click.echo(margin + "  ".join("-" * w for w in widths))
    for row in rows:
        click.echo(line(row))


#: Characters a prefixed name's local part may hold only escaped (SPARQL 1.1 PN_LOCAL_ESC).
_LOCAL_ESCAPES = frozenset("_~.-!$&'()*+,;=/?#@%")
#: SPARQL 1.1 PN_CHARS_BASE ranges (plus PN_CHARS' extras below).
_NAME_CHAR_RANGES = (
    (0x41, 0x5A), (0x61, 0x7A), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x2FF), (0x370, 0x37D),
    (0x37F, 0x1FFF), (0x200C, 0x200D), (0x2070, 0x218F), (0x2C00, 0x2FEF), (0x3001, 0xD7FF),
    (0xF900, 0xFDCF), (0xFDF0, 0xFFFD), (0x10000, 0xEFFFF),
    (0x30, 0x39), (0xB7, 0xB7), (0x300, 0x36F), (0x203F, 0x2040),  # digits and combining marks
)


def _is_name_char(ch: str) -> bool:
    code = ord(ch)
    return ch == ":" or any(low <= code <= high for low, high in _NAME_CHAR_RANGES)


@lru_cache(maxsize=1)
def _display_prefixes() -> list[tuple[str, str]]:
    """The prefixes every query may use (kg.graph.store.PREFIXES), longest namespace first so an
    IRI gets its most specific prefix (region: before id:)."""
    from kg.graph.store import PREFIXES

    return sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def prefixed_name(iri: str) -> str:
    """``iri`` as ``prefix:local`` (local escaped as SPARQL requires) with a predeclared prefix,
    or as ``<iri>`` when none fits or the local part cannot be written as a prefixed name."""
    for prefix, namespace in _display_prefixes():
        if iri.startswith(namespace):
            local = iri[len(namespace):]
            if local and all(ch in _LOCAL_ESCAPES or _is_name_char(ch) for ch in local):
                escaped = "".join(f"\\{ch}" if ch in _LOCAL_ESCAPES and ch != "_" else ch for ch in local)
                return f"{prefix}:{escaped}"
    return f"<{iri}>"
