"""Extraction in a pool of local worker processes (``kg build --jobs N``)."""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from kg.config import BUILD_WINDOW_PER_WORKER
from kg.executors.base import in_order
from kg.executors.unit import Outcome, SourceFile, extract_source, warm_up

#: Imported once by the fork server, so each worker starts with spaCy, jieba and kg loaded.
_PRELOAD = ["kg.executors.unit", "kg.extract", "kg.ingest"]


class LocalPool:
    """``jobs`` worker processes, each building its extractor once as it starts.

    Workers come from a fork server rather than by forking the writer: the writer holds the open
    store and its threads, which a forked child must not inherit.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs

    def run(self, sources: Iterable[SourceFile]) -> Iterator[tuple[SourceFile, Outcome]]:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        pool = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=warm_up)
        try:
            yield from in_order(sources, partial(pool.submit, extract_source),
                                window=self.jobs * BUILD_WINDOW_PER_WORKER)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        """Each run shuts its pool down."""
