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
from multiprocessing.connection import Connection

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

    def extract(self, document: Document) -> Extraction:
        with self._lock:
            connection = self._ready()
            connection.send(document)
            # the deadline runs from here: starting the worker (building its extractor) is not the document's
            if not connection.poll(self.timeout):
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
