"""Where extraction runs during a build: in the writer's process, in a pool of local worker
processes, or on a Dask cluster.

Every executor runs the same per-document unit (:func:`kg.executors.unit.extract_source`) and
hands the outcomes back in input order, so the one writer links and stores them exactly as a
one-process build does: the stored graph is the same whichever executor extracted it.
"""
from __future__ import annotations

from kg.executors.base import Executor, InProcess
from kg.executors.unit import Outcome, SourceFile, extract_source

__all__ = ["Executor", "InProcess", "Outcome", "SourceFile", "executor_for", "extract_source"]


def executor_for(jobs: int = 1, scheduler: str | None = None) -> Executor:
    """The executor of ``kg build --jobs N`` or ``--scheduler tcp://HOST:PORT``."""
    if scheduler:
        from kg.executors.cluster import DaskCluster

        return DaskCluster(scheduler)
    if jobs > 1:
        from kg.executors.local import LocalPool

        return LocalPool(jobs)
    return InProcess()
