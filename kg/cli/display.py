"""Terminal output shared by the commands: columns that line up with Chinese text."""
from __future__ import annotations

import unicodedata

import click


def display_width(text: str) -> int:
    """Columns a terminal uses for ``text``: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def echo_table(header: list[str] | None, rows: list[tuple[str, ...]]) -> None:
    """Rows in aligned columns (CJK characters count double, as terminals draw them)."""
    all_rows = ([tuple(header)] if header else []) + rows
    if not all_rows:
        return
    widths = [max(display_width(row[i]) for row in all_rows) for i in range(len(all_rows[0]))]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(cell + " " * (w - display_width(cell)) for cell, w in zip(row, widths)).rstrip()

    if header:
        click.echo(line(tuple(header)))
        click.echo("  ".join("-" * w for w in widths))
    for row in rows:
        click.echo(line(row))
