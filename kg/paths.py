"""Paths a user names, resolved to the real one with a one-line error when they cannot be: a loop of
symbolic links (a → b → a) made ``Path.resolve`` raise RuntimeError (OSError from Python 3.13), which
reached the user as an internal error."""
from __future__ import annotations

from pathlib import Path

from kg.errors import KgError


def resolved(path: Path) -> Path:
    """``path`` made absolute, its symbolic links followed; a :class:`KgError` naming it for a loop."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        raise KgError(f"{path}: a loop of symbolic links (each links to another of them)") from None
