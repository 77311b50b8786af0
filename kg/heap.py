"""The garbage collector in a build's processes: a build holds a large heap that lives as long as
the process (modules, the pipeline, jieba's dictionaries, the linker's caches) and allocates
millions of short-lived objects that reference counting frees. Python's collector, left at its
defaults, walks the long-lived heap again on every full collection and runs a young collection
every 700 net allocations: ~10% of a ``kg build --jobs 1``'s CPU and of the writer's in ``--jobs N``.
"""
from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TypeVar

from kg.config import GC_YOUNG_THRESHOLD

T = TypeVar("T")


def long_lived(build: Callable[[], T]) -> T:
    """``build()`` with the collector paused (building makes long-lived objects and few cycles:
    collecting meanwhile only walks them over and over), then :func:`settle`."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        built = build()
    finally:
        if enabled:
            gc.enable()
    settle()
    return built


def settle() -> None:
    """Move everything alive now out of the collector's sight and let it run less often: a full
    collection no longer walks the long-lived heap, and a process forked after this (a fork
    server's workers) shares those pages instead of copying them as the collector touches them."""
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, older, oldest)
