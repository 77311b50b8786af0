"""Stated figures' values written with the digits they were stated with.

A figure's value is a :class:`decimal.Decimal` (kg.extract.figures reads it from its text): a float
would turn 12345678901234567890.12亿元 into 12345678901234567000 and 0.10000000000000001 into 0.1. The
writers (``kg extract --format json``, the RDF ``kg:value`` and, through it, the exports) print it with
:func:`decimal_text`; Python's json has no number it writes verbatim, so :func:`json_text` does.
"""
from __future__ import annotations

import json
import re
import secrets
from decimal import Decimal
from typing import Any


def decimal_text(value: Decimal) -> str:
    """The canonical xsd:decimal (and JSON number) form of ``value``, digit for digit: 300 for 300.0 and
    3E+2, 7.8 for 7.80, no exponent. Never through ``normalize()``, which rounds to the context's 28 digits."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def json_text(data: Any, **options: Any) -> str:
    """``json.dumps(data, **options)`` writing each Decimal of ``data`` as a JSON number of its exact digits.

    Each Decimal is first written as a string holding a random token no input can foresee, then that
    quoted string is replaced by the number's digits."""
    numbers: list[str] = []
    token = f"kg-decimal-{secrets.token_hex(16)}-"

    def placeholder(value: Any) -> str:
        if not isinstance(value, Decimal) or not value.is_finite():
            raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
        numbers.append(decimal_text(value))
        return f"{token}{len(numbers) - 1}"

    text = json.dumps(data, default=placeholder, **options)
    return re.sub(f'"{re.escape(token)}([0-9]+)"', lambda match: numbers[int(match.group(1))], text) if numbers else text
