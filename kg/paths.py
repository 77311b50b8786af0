"""Paths a user names, resolved to the real one with a one-line error when they cannot be: a loop of
symbolic links (a → b → a) made ``Path.resolve`` raise RuntimeError (OSError from Python 3.13), which
reached the user as an internal error."""
from __future__ import annotations

import errno
from pathlib import Path

from kg.errors import KgError


def resolved(path: Path) -> Path:
    """``path`` made absolute, its symbolic links followed; a :class:`KgError` naming it for a loop
    (or for whatever else the system refused: only ELOOP is called a loop)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError) as err:  # RuntimeError: a loop, before Python 3.13
        loop = isinstance(err, RuntimeError) or err.errno == errno.ELOOP
        reason = "a loop of symbolic links (each links to another of them)" if loop else err.strerror or str(err)
        raise KgError(f"{path}: {reason}") from None
