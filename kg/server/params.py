"""Query parameters read strictly: what is not UTF-8 (``%FF``) is a 400, where ``request.args`` reads
U+FFFD and goes on; a parameter that takes one value given twice (``?q=a&q=b``,
``?filename=a.txt&filename=b.txt``) is a 400 rather than its first value taken silently; and a flag
is true or false, never a typo read as false (``?dry_run=ture`` stored the upload)."""
from __future__ import annotations

from urllib.parse import parse_qsl

from flask import request
from werkzeug.exceptions import BadRequest

_TRUE = frozenset({"", "1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def url_parameters() -> dict[str, list[str]]:
    """The URL's parameters, decoded strictly: a SPARQL query read "%FF" as "\ufffd" and ran so altered."""
    try:
        pairs = parse_qsl(request.query_string.decode("utf-8"), keep_blank_values=True, encoding="utf-8",
                          errors="strict")
    except UnicodeDecodeError:
        raise BadRequest("the URL's parameters are not UTF-8") from None
    params: dict[str, list[str]] = {}
    for key, value in pairs:
        params.setdefault(key, []).append(value)
    return params


def many(*spellings: str) -> list[str]:
    """Every value of the parameter spelt any of ``spellings`` (``min_degree``, ``min-degree``)."""
    params = url_parameters()
    return [value for name in dict.fromkeys(spellings) for value in params.get(name, [])]


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
