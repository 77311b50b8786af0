"""The loop of a query evaluation process: open the store read-only, answer jobs from the pipe.

The process is expendable: the server kills it at a query's deadline (Oxigraph cannot cancel a
query, a killed process releases its CPU at once) and if Oxigraph crashes on a query only this
process dies. It reopens the store whenever the server reports a write since its last query, so
it sees every acknowledged write (a read-only RocksDB view is fixed when it is opened)."""
from __future__ import annotations

import signal
import time
from multiprocessing.connection import Connection

import pyoxigraph as ox

from kg.server.evaluation import Refusal, evaluate
from kg.server.sandbox import forbid_network
from kg.server.update_trial import UpdateTrial, try_update_on_checkpoint


def serve_queries(connection: Connection, store_path: str, generation: int, allow_network: bool) -> None:
    """Answer ``(write generation, QueryJob or UpdateTrial)`` messages with outcomes until the pipe
    closes. The store is opened before the first job arrives, so a ready process answers at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the whole group; the server decides
    if not allow_network:
        forbid_network()
    store, opened_at = _open(store_path), generation
    while True:
        try:
            generation, job = connection.recv()
        except (EOFError, OSError):
            return
        if isinstance(job, UpdateTrial):  # on a checkpoint of its own, not this read-only view
            connection.send(try_update_on_checkpoint(job))
            continue
        if store is None or generation != opened_at:
            store, opened_at = _open(store_path), generation
        outcome = evaluate(store, job) if store is not None else Refusal(500, f"cannot open store {store_path}")
        if isinstance(outcome, Refusal) and outcome.status == 500:
            # A read-only view may lose files the writer compacted away: reopen and retry once.
            store = _open(store_path)
            if store is not None:
                outcome = evaluate(store, job)
        connection.send(outcome)


def _open(store_path: str, attempts: int = 20) -> ox.Store | None:
    """The store read-only. Opening races with the writer's compactions (a file listed in the
    manifest is gone a moment later: RocksDB reports corruption); a moment later it succeeds."""
    for attempt in range(attempts):
        try:
            return ox.Store.read_only(store_path)
        except (OSError, RuntimeError):
            time.sleep(0.01 * (attempt + 1))
    return None
