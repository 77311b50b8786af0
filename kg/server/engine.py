"""SPARQL evaluation for the endpoint: dataset selection, safety limits and serialisation.

Limits and why they are enforced where they are:

* **Timeout.** pyoxigraph releases the GIL while it evaluates but offers no way to cancel a query
  (Oxigraph's Rust CancellationToken is not exposed in pyoxigraph 0.5). Queries therefore run on a
  pool of evaluation threads; the request thread waits at most ``timeout`` seconds and then
  answers 503, so the HTTP worker is free at the deadline. The evaluation itself pulls solutions
  lazily and checks the deadline before each one, so a runaway query that keeps producing
  solutions (a cross join) stops at the deadline. An operator that computes everything before
  its first solution (ORDER BY, GROUP BY over a huge join) can only be abandoned at its next
  solution; its evaluation thread stays busy until then, and the pool bounds how many such
  threads can exist.
* **Row cap.** At most ``max_rows`` solutions or triples are serialised; the response then
  carries ``X-KG-Truncated: true``.
* **SERVICE and LOAD.** Refused unless allowed, so the server cannot be used to reach other hosts.
"""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Iterable, Iterator

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.exceptions import BadRequest, Forbidden, InternalServerError, NotAcceptable, ServiceUnavailable

from kg.config import ServerConfig
from kg.graph.store import PREFIXES
from kg.server import formats
from kg.server.sparql_text import (
    add_using_clauses,
    has_dataset_clause,
    has_update_dataset_clause,
    uses_load,
    uses_service,
)

SERVICE_REFUSED = (
    "SERVICE and LOAD (requests to other hosts) are disabled on this endpoint; "
    "start kg serve with --allow-service"
)


@dataclass
class Dataset:
    """An RDF dataset named by the protocol (``default-graph-uri``/``named-graph-uri`` for
    queries, ``using-graph-uri``/``using-named-graph-uri`` for updates)."""

    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


@dataclass
class Answer:
    body: bytes
    content_type: str
    truncated: bool = False


class QueryTimeout(Exception):
    pass


class _Limits:
    """Deadline, cancellation and row cap shared by one evaluation and its request thread."""

    def __init__(self, timeout: float, max_rows: int) -> None:
        self.deadline = time.monotonic() + timeout
        self.max_rows = max_rows
        self.cancelled = threading.Event()
        self.truncated = False

    def take(self, items: Iterable) -> Iterator:
        """``items`` up to the row cap, raising QueryTimeout past the deadline or on cancel."""
        deadline, cancelled = self.deadline, self.cancelled
        for count, item in enumerate(items):
            if count >= self.max_rows:
                self.truncated = True
                return
            if time.monotonic() > deadline or cancelled.is_set():
                raise QueryTimeout
            yield item


class SparqlEngine:
    """Runs protocol operations against a pyoxigraph store under the server's limits."""

    def __init__(self, store: ox.Store, config: ServerConfig) -> None:
        self.store = store
        self.config = config
        self._pool = ThreadPoolExecutor(max_workers=max(1, config.workers), thread_name_prefix="kg-query")

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    # -- queries ---------------------------------------------------------------------------------

    def query(self, text: str, dataset: Dataset, accept: MIMEAccept, base_iri: str | None) -> Answer:
        if not self.config.allow_service and uses_service(text):
            raise Forbidden(SERVICE_REFUSED)
        options = self._dataset_options(text, dataset)
        limits = _Limits(self.config.timeout, self.config.max_rows)
        future = self._pool.submit(self._evaluate, text, options, accept, base_iri, limits)
        try:
            return future.result(timeout=max(0.0, limits.deadline - time.monotonic()))
        except (FutureTimeout, QueryTimeout):
            limits.cancelled.set()
            future.cancel()
            raise ServiceUnavailable(f"query exceeded the {self.config.timeout:g} s time limit") from None

    def _dataset_options(self, text: str, dataset: Dataset) -> dict:
        if dataset:
            try:
                return {
                    "default_graph": [ox.NamedNode(g) for g in dataset.default_graphs],
                    "named_graphs": [ox.NamedNode(g) for g in dataset.named_graphs],
                }
            except ValueError as err:
                raise BadRequest(f"invalid graph IRI: {err}") from None
        if has_dataset_clause(text):  # the query's own FROM / FROM NAMED decide
            return {}
        return {"use_default_graph_as_union": self.config.union_default_graph}

    def _evaluate(self, text: str, options: dict, accept: MIMEAccept, base_iri: str | None,
                  limits: _Limits) -> Answer:
        outcome = self._run(text, options, accept, base_iri, limits)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def _run(self, text: str, options: dict, accept: MIMEAccept, base_iri: str | None,
             limits: _Limits) -> Answer | Exception:
        """Evaluate and serialise on this (pool) thread. pyoxigraph result iterators must be
        dropped on the thread that created them, so nothing here may leak one to the request
        thread: errors are returned as fresh exceptions, never raised with this frame attached."""
        if limits.cancelled.is_set():
            return QueryTimeout()
        try:
            result = self.store.query(text, base_iri=base_iri, prefixes=PREFIXES, **options)
            if isinstance(result, ox.QueryBoolean):
                fmt = formats.negotiate(accept, formats.BOOLEAN_FORMATS)
                if fmt is None:
                    return _not_acceptable(formats.BOOLEAN_FORMATS)
                return Answer(formats.serialize_boolean(fmt, bool(result)), fmt.content_type)
            if isinstance(result, ox.QuerySolutions):
                fmt = formats.negotiate(accept, formats.SOLUTION_FORMATS)
                if fmt is None:
                    return _not_acceptable(formats.SOLUTION_FORMATS)
                variables = [v.value for v in result.variables]
                body = formats.serialize_solutions(fmt, variables, (list(s) for s in limits.take(result)))
            else:
                fmt = formats.negotiate(accept, formats.GRAPH_FORMATS)
                if fmt is None:
                    return _not_acceptable(formats.GRAPH_FORMATS)
                body = formats.serialize_triples(fmt, limits.take(result), PREFIXES)
            return Answer(body, fmt.content_type, limits.truncated)
        except QueryTimeout:
            return QueryTimeout()
        except SyntaxError as err:
            return BadRequest(f"query syntax error: {_one_line(err)}")
        except OSError as err:
            return InternalServerError(f"query evaluation failed: {_one_line(err)}")

    # -- updates ---------------------------------------------------------------------------------

    def update(self, text: str, dataset: Dataset, base_iri: str | None) -> None:
        """Apply an update (one transaction). The protocol's USING graphs become USING clauses;
        naming them while the update has its own USING/WITH is a conflict (400)."""
        if not self.config.allow_service and (uses_service(text) or uses_load(text)):
            raise Forbidden(SERVICE_REFUSED)
        if dataset:
            if has_update_dataset_clause(text):
                raise BadRequest(
                    "using-graph-uri/using-named-graph-uri conflict with the update's own USING/WITH"
                )
            text = add_using_clauses(text, dataset.default_graphs, dataset.named_graphs)
        try:
            self.store.update(text, base_iri=base_iri, prefixes=PREFIXES)
        except SyntaxError as err:
            raise BadRequest(f"update syntax error: {_one_line(err)}") from None
        except OSError as err:
            raise InternalServerError(f"update failed: {_one_line(err)}") from None


def _not_acceptable(offered: tuple[formats.Format, ...]) -> NotAcceptable:
    return NotAcceptable("none of the acceptable media types can represent this result; offered: "
                         + ", ".join(f.media_type for f in offered))


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())
