"""Extraction in a pool of local worker processes (``kg build --jobs N``)."""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from kg.config import BUILD_WINDOW_PER_WORKER
from kg.executors.base import in_order
from kg.executors.unit import Outcome, SourceFile, extract_source

#: Imported once by the fork server, so each worker starts with its extractor built.
_PRELOAD = ["kg.ingest", "kg.executors.preload"]


class LocalPool:
    """``jobs`` worker processes forked from a server that built the extractor once.

    Workers come from a fork server rather than by forking the writer: the writer holds the open
    store and its threads, which a forked child must not inherit.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs

    def run(self, sources: Iterable[SourceFile]) -> Iterator[tuple[SourceFile, Outcome]]:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        pool = ProcessPoolExecutor(self.jobs, mp_context=context)
        try:
            yield from in_order(sources, partial(pool.submit, extract_source),
                                window=self.jobs * BUILD_WINDOW_PER_WORKER)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        """Each run shuts its pool down."""
