"""Extraction in a pool of local worker processes (``kg build --jobs N``)."""
from __future__ import annotations

import multiprocessing
import os
import select
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from kg.config import BUILD_WINDOW_PER_WORKER, WORKER_PARENT_POLL_SECONDS
from kg.executors.base import in_order
from kg.executors.unit import Outcome, SourceFile, extract_source

#: Imported once by the fork server, so each worker starts with its extractor built.
_PRELOAD = ["kg.ingest", "kg.executors.preload"]


class LocalPool:
    """``jobs`` worker processes forked from a server that built the extractor once.

    Workers come from a fork server rather than by forking the writer: the writer holds the open
    store and its threads, which a forked child must not inherit. A worker that dies (killed, out
    of memory) breaks the pool: a new pool takes over and the documents that were in flight are
    submitted once more, so only a document that kills its worker twice is reported as failed.
    Workers die with the writer, even when it is killed (:func:`die_with_writer`).
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def run(self, sources: Iterable[SourceFile]) -> Iterator[tuple[SourceFile, Outcome]]:
        self._pool = self._start()
        try:
            yield from in_order(sources, lambda source: _Resubmittable(self, source),
                                window=self.jobs * BUILD_WINDOW_PER_WORKER)
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, source: SourceFile) -> Future:
        """Submit to the pool, replacing it first if a dead worker broke it."""
        try:
            return self._pool.submit(extract_source, source)
        except BrokenProcessPool:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._start()
            return self._pool.submit(extract_source, source)

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        return ProcessPoolExecutor(self.jobs, mp_context=context, initializer=die_with_writer,
                                   initargs=(os.getpid(),))

    def close(self) -> None:
        """Each run shuts its pool down."""


def die_with_writer(writer: int) -> None:
    """Worker initializer: the worker exits when the writer process does, even when the writer is
    killed. Nothing else would end it: it waits on a queue whose write end it holds itself, and
    the fork server that is its parent lives as long as any worker does. A daemon thread waits
    on a pidfd of the writer (else polls it) and ends the worker the moment it is gone."""
    threading.Thread(target=_exit_when_gone, args=(writer,), name="die-with-writer", daemon=True).start()


def _exit_when_gone(pid: int) -> None:
    try:
        watched = os.pidfd_open(pid)
    except (AttributeError, OSError):  # no pidfd (not Linux ≥ 5.3), or the writer is gone already
        while _alive(pid):
            time.sleep(WORKER_PARENT_POLL_SECONDS)
    else:
        select.select([watched], [], [])  # readable once the process has exited
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


class _Resubmittable:
    """A document in the pool, submitted a second time if its worker died before it was done."""

    def __init__(self, pool: LocalPool, source: SourceFile) -> None:
        self.pool, self.source = pool, source
        self.future = pool.submit(source)

    def result(self) -> Outcome:
        try:
            return self.future.result()
        except BrokenProcessPool:
            return self.pool.submit(self.source).result()
