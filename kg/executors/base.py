"""What every executor shares: the ordered, bounded window of documents in flight."""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from kg.errors import one_line_reason
from kg.executors.unit import ExtractorLike, Outcome, SourceFile, extract_source


class Pending(Protocol):
    """A submitted document: a ``concurrent.futures.Future``, a Dask future, or a deferred call."""

    def result(self) -> Outcome: ...


class Executor(Protocol):
    def run(self, sources: Iterable[SourceFile]) -> Iterator[tuple[SourceFile, Outcome]]:
        """Extract every source, yielding the outcomes in input order."""
        ...

    def close(self) -> None: ...


def in_order(
    sources: Iterable[SourceFile], submit: Callable[[SourceFile], Pending], window: int
) -> Iterator[tuple[SourceFile, Outcome]]:
    """Submit sources while at most ``window`` are in flight and yield their outcomes in input
    order. ``sources`` is read lazily, so an archive is streamed rather than held in memory; a task
    that failed (an extraction bug, a worker that died) becomes a failure of its file alone."""
    pending: deque[tuple[SourceFile, Pending]] = deque()
    for source in sources:
        pending.append((source, _submitted(submit, source)))
        if len(pending) >= window:
            yield _settled(*pending.popleft())
    while pending:
        yield _settled(*pending.popleft())


def _submitted(submit: Callable[[SourceFile], Pending], source: SourceFile) -> Pending:
    try:
        return submit(source)
    except Exception as err:  # a broken pool refuses new work: the file fails, the build reports it
        return _Failed(err)


def _settled(source: SourceFile, pending: Pending) -> tuple[SourceFile, Outcome]:
    try:
        return source, pending.result()
    except Exception as err:
        return source, Outcome(failure=f"cannot extract: {one_line_reason(err)}")


class _Failed:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def result(self) -> Outcome:
        raise self.error


class _Deferred:
    """A call run when its result is asked for: in-process work stays in step with the writer."""

    def __init__(self, source: SourceFile, extractor: ExtractorLike | None) -> None:
        self.source, self.extractor = source, extractor

    def result(self) -> Outcome:
        return extract_source(self.source, self.extractor)


class InProcess:
    """Extraction in the writer's own process, one document at a time (``--jobs 1``)."""

    def __init__(self, extractor: ExtractorLike | None = None) -> None:
        self.extractor = extractor

    def run(self, sources: Iterable[SourceFile]) -> Iterator[tuple[SourceFile, Outcome]]:
        return in_order(sources, lambda source: _Deferred(source, self.extractor), window=1)

    def close(self) -> None:
        """Nothing to release."""
