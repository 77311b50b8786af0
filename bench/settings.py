"""The benches' settings from the environment ($KG_BENCH_…), checked as kg's own are
(:func:`kg.config.env_number`): a wrong value stops the bench in one line, where a bare ``int()``
raised a traceback as the bench module was imported."""
from __future__ import annotations

import sys

from kg.config import env_number
from kg.errors import ConfigError


def bench_number(name: str, default: int, *, minimum: int, maximum: int) -> int:
    """``$name`` as a whole number from ``minimum`` to ``maximum``, or ``default`` when unset."""
    try:
        return env_number(name, default, minimum=minimum, maximum=maximum)
    except ConfigError as err:
        sys.exit(f"bench: {err}")
