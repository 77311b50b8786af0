"""Named points of a write where a fault-injection test can kill the process.

An interrupted write must leave the store and its derived indexes right (or known to be wrong,
so that they are rebuilt). Tests check that by running a real ``kg`` process with ``KG_KILL_AT``
set (:data:`kg.config.KILL_AT`): the process sends itself SIGKILL, which nothing can catch or
clean up after, the moment it reaches the named point. Unset, a point costs one comparison.
"""
from __future__ import annotations

import os
import signal
from collections import Counter

from kg.config import KILL_AT

_POINT, _, _NTH = KILL_AT.partition(":")
_reached: Counter[str] = Counter()


def fault_point(name: str) -> None:
    """Mark a point of a write; the process dies here if ``KG_KILL_AT`` names it."""
    if name != _POINT:
        return
    _reached[name] += 1
    if _reached[name] == int(_NTH or 1):
        os.kill(os.getpid(), signal.SIGKILL)
