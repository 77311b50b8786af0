"""The loop of a query evaluation process: open the store read-only, answer jobs from the pipe.

The process is expendable: the server kills it at a query's deadline (Oxigraph cannot cancel a
query, a killed process releases its CPU at once) and if Oxigraph crashes on a query only this
process dies; so does one that needs more memory than it may allocate (``KG_QUERY_MEMORY_MB``,
set as the process's data limit). It reopens the store whenever the server reports a write since its last query, so
it sees every acknowledged write (a read-only RocksDB view is fixed when it is opened)."""
from __future__ import annotations

import resource
import signal
import time
from multiprocessing.connection import Connection

import pyoxigraph as ox

from kg.server.evaluation import OutOfMemory, Outcome, QueryJob, Refusal, evaluate
from kg.server.sandbox import forbid_network
from kg.server.update_trial import UpdateTrial, try_update_on_checkpoint


def serve_queries(connection: Connection, store_path: str, generation: int, allow_network: bool,
                  memory_mb: int) -> None:
    """Answer ``(write generation, QueryJob or UpdateTrial)`` messages with outcomes until the pipe
    closes. The store is opened before the first job arrives, so a ready process answers at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the whole group; the server decides
    if not allow_network:
        forbid_network()
    limit = memory_mb * 1024 * 1024  # malloc's heap and anonymous maps count, the store's mapped files do not
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    view = _View(store_path, generation)
    while True:
        try:
            generation, job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            if isinstance(job, UpdateTrial):  # on a checkpoint of its own, not this read-only view
                outcome = try_update_on_checkpoint(job)
            else:
                outcome = view.evaluate(job, generation)
        except MemoryError:  # Python's own allocations fail so; Oxigraph's abort the process
            outcome = OutOfMemory(memory_mb)
        connection.send(outcome)


class _View:
    """The store read-only, as of the last write the server reported."""

    def __init__(self, store_path: str, generation: int) -> None:
        self._path = store_path
        self._store, self._opened_at = _open(store_path), generation

    def evaluate(self, job: QueryJob, generation: int) -> Outcome:
        if self._store is None or generation != self._opened_at:
            self._store, self._opened_at = _open(self._path), generation
        if self._store is None:
            return Refusal(500, f"cannot open store {self._path}")
        outcome = evaluate(self._store, job)
        if isinstance(outcome, Refusal) and outcome.status == 500:
            # A read-only view may lose files the writer compacted away: reopen and retry once.
            self._store = _open(self._path)
            if self._store is not None:
                outcome = evaluate(self._store, job)
        return outcome


def _open(store_path: str, attempts: int = 20) -> ox.Store | None:
    """The store read-only. Opening races with the writer's compactions (a file listed in the
    manifest is gone a moment later: RocksDB reports corruption); a moment later it succeeds."""
    for attempt in range(attempts):
        try:
            return ox.Store.read_only(store_path)
        except (OSError, RuntimeError):
            time.sleep(0.01 * (attempt + 1))
    return None
