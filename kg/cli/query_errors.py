"""A SPARQL syntax error as a person can act on it.

pyoxigraph reports ``error at LINE:COLUMN: expected one of …`` (columns in characters). The CLI
shows that message whole, then the line it points at with a caret under the column; an
undeclared prefix, which the parser words as "Prefix not found" followed by every character a
name may hold, is named instead.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from kg.cli.display import display_width

_POSITION = re.compile(r"^error at (\d+):(\d+): (.*)$", re.DOTALL)
_PREFIXED_NAME_END = re.compile(r"([A-Za-z][\w.-]*)?:[^\s:]*$")


def describe_syntax_error(text: str, message: str, predeclared: Iterable[str] = ()) -> str:
    """``message`` (pyoxigraph's) on one line, then the offending line of ``text`` and a caret."""
    message = " ".join(message.split())
    match = _POSITION.match(message)
    if not match:
        return message
    line_no, column, expectation = int(match[1]), int(match[2]), match[3]
    lines = text.split("\n")
    line = lines[line_no - 1].replace("\t", " ") if 0 < line_no <= len(lines) else ""
    if "Prefix not found" in expectation:
        expectation = _undeclared_prefix(line[:column - 1], predeclared)
    caret = " " * display_width(line[:column - 1]) + "^"
    return f"line {line_no}, column {column}: {expectation}\n  {line}\n  {caret}"


def _undeclared_prefix(before: str, predeclared: Iterable[str]) -> str:
    found = _PREFIXED_NAME_END.search(before)
    name = f"'{found[1] or ''}:'" if found else "a prefix"
    known = ", ".join(sorted(predeclared))
    return f"undeclared prefix {name} (declare it with PREFIX; predeclared: {known})"

