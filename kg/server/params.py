"""Query parameters read strictly: a parameter that takes one value given twice (``?q=a&q=b``,
``?filename=a.txt&filename=b.txt``) is a 400 rather than its first value taken silently, and a flag
is true or false, never a typo read as false (``?dry_run=ture`` stored the upload)."""
from __future__ import annotations

from flask import request
from werkzeug.exceptions import BadRequest

_TRUE = frozenset({"", "1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def many(*spellings: str) -> list[str]:
    """Every value of the parameter spelt any of ``spellings`` (``min_degree``, ``min-degree``)."""
    return [value for name in dict.fromkeys(spellings) for value in request.args.getlist(name)]


def one(*spellings: str) -> str | None:
    """The value of the parameter spelt any of ``spellings``, or None."""
    values = many(*spellings)
    if len(values) > 1:
        raise BadRequest(f"give the parameter {spellings[0]} once, not {len(values)} times")
    return values[0] if values else None


def flag(*spellings: str) -> bool:
    """A true/false parameter; absent, false."""
    value = one(*spellings)
    if value is None or value.lower() in _FALSE:
        return False
    if value.lower() in _TRUE:
        return True
    raise BadRequest(f"{spellings[0]} must be true or false, got {value!r}")
