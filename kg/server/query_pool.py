"""A pool of query evaluation processes (:mod:`kg.server.query_worker`) for a store on disk.

Why processes: Oxigraph offers no way to cancel a query, and a query past its deadline would
keep a core busy for minutes; a process can be killed, which stops it at once. Each request
thread borrows one process for one query (or one update's trial: :mod:`kg.server.update_trial`).
A query still running after ``renice_after`` seconds is lowered to the lowest CPU priority, so it
cannot slow the server or newer queries, and its process is retired after it (a priority cannot be
raised again). Processes are forked from a forkserver that preloaded the modules, so a replacement
is ready in milliseconds.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from kg.server.evaluation import OutOfMemory, Outcome, QueryJob, QueryTimeout, Refusal
from kg.server.update_trial import Tried, UpdateTrial
from kg.server.logs import server_logger

log = server_logger(__name__)

_LOWEST_PRIORITY = 19


@dataclass(eq=False)
class _Process:
    process: multiprocessing.process.BaseProcess
    connection: Connection
    lowered: bool = False  # reniced during a long query: retired after it

    def kill(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


class QueryPool:
    """Evaluate queries in up to ``max_processes`` processes, ``warm`` of them kept ready."""

    def __init__(self, store_path: Path, *, max_processes: int, warm: int, renice_after: float,
                 allow_network: bool, memory_mb: int) -> None:
        self._store_path = str(store_path)
        self._allow_network = allow_network
        self._memory_mb = memory_mb
        self._max_processes = max(1, max_processes)
        self._warm = min(max(0, warm), self._max_processes)
        self._renice_after = renice_after
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["kg.server.query_worker"])
        self._idle: list[_Process] = []
        self._running = 0  # processes alive or starting, idle or busy
        self._starting = 0  # processes being started in the background
        self._started: set[_Process] = set()  # every live process, for close()
        self._available = threading.Condition()
        self._generation = 0
        self._closed = False
        for _ in range(self._warm):
            self._idle.append(self._start())
            self._running += 1

    def note_write(self) -> None:
        """The store changed: every process reopens it before its next query."""
        with self._available:
            self._generation += 1

    def run(self, job: QueryJob | UpdateTrial) -> Outcome | Tried:
        """The outcome of ``job``, or QueryTimeout at its deadline (the process is then killed).
        A process that dies under a query is replaced and the query tried once more, unless it died
        of an allocation its memory limit refused (Oxigraph then aborts): that is OutOfMemory."""
        for _ in range(2):
            worker = self._acquire(job.deadline)
            if worker is None:
                return QueryTimeout()
            reusable = False
            try:
                worker.connection.send((self._generation, job))
                outcome = self._wait(worker, job.deadline)
                reusable = not isinstance(outcome, QueryTimeout) and not worker.lowered
                return outcome
            except (EOFError, OSError):
                if self._closed:
                    return Refusal(503, "the server is shutting down")
                worker.process.join(timeout=1)
                if worker.process.exitcode == -signal.SIGABRT:
                    log.warning("a query evaluation process ran out of its %s MiB (aborted) on: %.200s",
                                self._memory_mb, job.text)
                    return OutOfMemory(self._memory_mb)
                log.error("a query evaluation process died (exit %s) on: %.200s", worker.process.exitcode, job.text)
            finally:
                self._release(worker, reusable)
        return Refusal(400, "the query engine failed on this query (its evaluation process crashed twice)")

    def close(self) -> None:
        """Kill every process (idle or busy): used at shutdown, when no answer is awaited."""
        with self._available:
            self._closed = True
            self._idle = []
            self._available.notify_all()
            started = list(self._started)
        for worker in started:
            worker.process.kill()  # busy ones' request threads then see EOF, answer 503 and release
        for worker in started:
            worker.process.join(timeout=5)

    # -- internals -------------------------------------------------------------------------------

    def _start(self) -> _Process:
        from kg.server.query_worker import serve_queries

        ours, theirs = self._context.Pipe()
        process = self._context.Process(
            target=serve_queries, args=(theirs, self._store_path, self._generation, self._allow_network,
                                        self._memory_mb),
            name="kg-query", daemon=True)
        process.start()
        theirs.close()
        worker = _Process(process, ours)
        with self._available:
            self._started.add(worker)
        return worker

    def _acquire(self, deadline: float) -> _Process | None:
        with self._available:
            while not self._closed:
                if self._idle:
                    worker = self._idle.pop()
                    self._top_up()
                    return worker
                if self._running < self._max_processes:
                    self._running += 1
                    break
                if not self._available.wait(timeout=max(0.0, deadline - time.monotonic())):
                    return None
            else:
                return None
        try:
            return self._start()
        except Exception:
            with self._available:
                self._running -= 1
            raise

    def _wait(self, worker: _Process, deadline: float) -> Outcome | Tried:
        lower_at = time.monotonic() + self._renice_after
        while True:
            now = time.monotonic()
            if now >= deadline:
                return QueryTimeout()
            wait = deadline - now if worker.lowered else min(deadline, lower_at) - now
            if worker.connection.poll(max(0.0, wait)):
                return worker.connection.recv()
            if not worker.lowered and time.monotonic() >= lower_at:
                worker.lowered = True
                try:
                    os.setpriority(os.PRIO_PROCESS, worker.process.pid, _LOWEST_PRIORITY)
                except OSError:
                    pass  # it has just exited

    def _release(self, worker: _Process, reusable: bool) -> None:
        with self._available:
            if reusable and not self._closed:
                self._idle.append(worker)
                self._available.notify()
                return
            self._running -= 1
            self._started.discard(worker)
            self._available.notify()
            self._top_up()
        worker.kill()

    def _top_up(self) -> None:
        """Start processes in the background until ``warm`` are idle (caller holds the lock), so
        the next query never waits for one to start, even while others run long."""
        missing = min(self._warm - len(self._idle) - self._starting, self._max_processes - self._running)
        for _ in range(max(0, missing) if not self._closed else 0):
            self._running += 1
            self._starting += 1
            threading.Thread(target=self._start_idle, name="kg-query-start", daemon=True).start()

    def _start_idle(self) -> None:
        try:
            worker = self._start()
        except Exception:  # noqa: BLE001 — the next query starts one itself
            log.exception("cannot start a query evaluation process")
            with self._available:
                self._running -= 1
                self._starting -= 1
            return
        with self._available:
            self._starting -= 1
        self._release(worker, reusable=True)
