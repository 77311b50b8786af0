"""Extraction of posted documents (``POST /documents``) in a process of its own, killed past a deadline.

Extraction cannot be interrupted from its thread: a text built to be slow (a body's name repeated
to 60,000 characters: 25 s; longer ones minutes) held a request thread, the upload lock that every
other upload waits on, and a core. Here one worker process keeps the extractor built and extracts
one document at a time; a document that takes longer than the deadline has its worker killed (its
CPU is free at once) and fails in one line, and the next document starts a new worker. The worker
is started by ``spawn``: the server's fork server is the query pool's (kg.server.query_pool), and a
forked copy of the server would carry its threads and its open store.
"""
from __future__ import annotations

import multiprocessing
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import KgError, one_line_reason
from kg.model import Document, Extraction


class ExtractionTimeout(KgError):
    """A posted document took longer to extract than the server's limit."""


class ExtractionWorker:
    """An extractor (``extract(document)``) whose work runs in a worker process under a deadline."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self._context = multiprocessing.get_context("spawn")
        self._process: multiprocessing.process.BaseProcess | None = None
        self._connection: Connection | None = None
        self._lock = threading.Lock()  # one document at a time through the one worker

    def extract(self, document: Document, timeout: float | None = None) -> Extraction:
        """The document's extraction, stopped after ``timeout`` seconds (default: the worker's limit)."""
        with self._lock:
            connection = self._ready()
            connection.send(document)
            # the deadline runs from here: starting the worker (building its extractor) is not the document's
            if not connection.poll(self.timeout if timeout is None else timeout):
                self.close()
                raise ExtractionTimeout(f"extraction took longer than {self.timeout:g} s, "
                                        "the server's limit for a posted document (kg serve --document-timeout)")
            try:
                failure, extraction = connection.recv()
            except EOFError:
                code = self._process.exitcode if self._process else None
                self.close()
                raise KgError(f"the extraction process died (exit {code})") from None
        if failure:
            raise KgError(failure)
        return extraction

    def _ready(self) -> Connection:
        """The worker's end of the pipe, a worker with its extractor built behind it."""
        if self._process is not None and self._process.is_alive() and self._connection is not None:
            return self._connection
        self.close()
        ours, theirs = self._context.Pipe()
        self._process = self._context.Process(target=_serve, args=(theirs,), name="kg-extract", daemon=True)
        self._process.start()
        theirs.close()
        self._connection = ours
        try:
            ours.recv()  # sent once the extractor is built
        except EOFError:
            code = self._process.exitcode
            self.close()
            raise KgError(f"the extraction process died as it started (exit {code})") from None
        return ours

    def close(self) -> None:
        """Kill the worker, if any (its document, if any, is abandoned)."""
        if self._process is not None:
            self._process.kill()
            self._process.join()
            self._process = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class BudgetSpent(KgError):
    """A request's extraction budget ran out before this document was extracted."""


class ExtractionBudget:
    """The extractor of one ``POST /documents`` request: ``worker``'s, for at most ``seconds`` in all.

    The document timeout bounds one file, so a request of 1,000 slow files held the upload lock
    (every other upload waits on it) for 1,000 × that. Past the budget a document is not extracted
    (one running when it ends is stopped) and its file name is kept in ``not_extracted``: the
    request answers which were stored and which to post again."""

    def __init__(self, worker: ExtractionWorker, seconds: float) -> None:
        self.worker = worker
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.not_extracted: list[str] = []

    def extract(self, document: Document) -> Extraction:
        left = self.deadline - time.monotonic()
        if left > 0:
            try:
                return self.worker.extract(document, timeout=min(self.worker.timeout, left))
            except ExtractionTimeout:
                if left >= self.worker.timeout:  # its own limit stopped it: the document fails
                    raise
        self.not_extracted.append(Path(document.path).name)
        raise BudgetSpent(f"not extracted: the request's extraction budget of {self.seconds:g} s was spent "
                          "(kg serve --upload-budget); post it again")


def _serve(connection: Connection) -> None:
    """The worker: extract each document received and send back (its failure's line or None, extraction);
    it ends when the server's end of the pipe closes."""
    from kg.executors.unit import process_extractor

    extractor = process_extractor()
    connection.send("ready")
    while True:
        try:
            document = connection.recv()
        except EOFError:
            return
        try:
            connection.send((None, extractor.extract(document)))
        except Exception as err:  # noqa: BLE001 — reported for this document, as a build does
            connection.send((one_line_reason(err), None))
