"""The benches' settings from the environment ($KG_BENCH_…), checked as kg's own are
(:func:`kg.config.env_number`): a wrong value stops the bench in one line, where a bare ``int()``
raised a traceback as the bench module was imported."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import NoReturn

from kg.config import env_number
from kg.errors import ConfigError


def bench_number(name: str, default: int, *, minimum: int, maximum: int) -> int:
    """``$name`` as a whole number from ``minimum`` to ``maximum``, or ``default`` when unset."""
    try:
        return env_number(name, default, minimum=minimum, maximum=maximum)
    except ConfigError as err:
        sys.exit(f"bench: {err}")


class BenchArguments(argparse.ArgumentParser):
    """A bench's command line: a wrong argument stops it in one line (``bench: …``), as a wrong
    $KG_BENCH_… does, where a bare ``int(sys.argv[1])`` raised a traceback."""

    def __init__(self, module: str, description: str | None) -> None:
        super().__init__(prog=f"python -m {module}", description=(description or "").split("\n\n")[0])

    def error(self, message: str) -> NoReturn:
        sys.exit(f"bench: {self.prog}: {message}")


def whole_number(minimum: int, maximum: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``minimum`` to ``maximum``."""

    def read(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not minimum <= value <= maximum:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from {minimum} to {maximum}")
        return value

    return read
