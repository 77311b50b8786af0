"""Checks of option and argument values click's types let through, as click callbacks (a usage error, one line)."""
from __future__ import annotations

import math
from pathlib import Path
from typing import TypeVar

import click

Value = TypeVar("Value", str, tuple[str, ...], None)


def finite(ctx: click.Context, param: click.Parameter, value: float) -> float:
    """FloatRange lets nan through (no comparison is true of it): a timeout of nan stopped no query."""
    if not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a number of seconds", ctx, param)
    return value


def not_empty(ctx: click.Context, param: click.Parameter, value: Value) -> Value:
    """An empty value (``--store "$STORE"`` with the variable unset) is refused, not read as the
    option left out: ``--store ''`` built into ./kg-data, ``kg export --out ''`` wrote exports/."""
    if value == "" or (isinstance(value, tuple) and "" in value):
        default = ", or leave the option out for its default" if isinstance(param, click.Option) else ""
        raise click.BadParameter(f"it is empty: give a value{default}", ctx, param)
    return value


def not_empty_path(ctx: click.Context, param: click.Parameter,
                   value: str | tuple[str, ...] | None) -> Path | tuple[Path, ...] | None:
    """:func:`not_empty` for paths, made Paths here: click.Path makes '' the current folder (``kg build ''``
    built it, ``kg train --out ''`` wrote the model there)."""
    given = not_empty(ctx, param, value)
    if given is None:
        return None
    return tuple(Path(v) for v in given) if isinstance(given, tuple) else Path(given)
