"""SPARQL evaluation for the endpoint: dataset selection, safety limits and where queries run.

Limits and why they are enforced where they are:

* **Complexity.** An operation nested too deeply overflows Oxigraph's stack and kills the
  process it runs in; :func:`kg.sparql.limits.check_complexity` refuses it (400) first.
* **SERVICE and LOAD.** Refused (403) unless allowed, read from the operation's tokens; behind
  that, ``kg serve`` takes the network away from itself and its query processes
  (:mod:`kg.server.sandbox`), so nothing leaves the machine whatever a query says.
* **Timeout.** Oxigraph cannot cancel a query. Over a store on disk, queries run in a pool of
  processes (:mod:`kg.server.query_pool`) and one past its deadline is killed: 503, and its CPU
  is free at once. Over an in-memory store (tests, embedding) they run on threads that check
  the deadline between solutions; an operator that computes everything before its first
  solution can only be abandoned there.
* **Row cap.** At most ``max_rows`` solutions or triples are serialised; the response then
  carries ``X-KG-Truncated: true``.

Updates run in this process, one transaction each, on the writable store. Oxigraph cannot cancel
one either: an update that does more than write or remove what it spells out is first run whole
on a copy of the store under the same deadline (:mod:`kg.server.update_trial`; 503 past it, the
store untouched); where no copy can be made (a remote store) its WHERE patterns are evaluated as
queries under the deadline first.
"""
from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept
from werkzeug.exceptions import (
    BadRequest, Forbidden, HTTPException, InternalServerError, NotAcceptable, ServiceUnavailable,
)

from kg.config import UPDATE_TRIAL_FOLDER, ServerConfig
from kg.graph.backends.embedded import EmbeddedStore
from kg.server.evaluation import Answer, OutOfMemory, Outcome, QueryJob, QueryTimeout, Refusal, evaluate, one_line
from kg.server.logs import server_logger
from kg.server.query_pool import QueryPool
from kg.server.sparql_text import (
    add_using_clauses,
    has_dataset_clause,
    has_update_dataset_clause,
    keeping_markers,
    needs_a_trial,
    uses_load,
    uses_service,
    where_queries,
)
from kg.server.update_trial import Tried, UpdateTrial, apply_update, try_update
from kg.sparql.limits import QueryTooComplex, check_complexity

log = server_logger(__name__)

SERVICE_REFUSED = (
    "SERVICE and LOAD (requests to other hosts) are disabled on this endpoint; "
    "start kg serve with --allow-service"
)
_REFUSALS: dict[int, type[HTTPException]] = {
    400: BadRequest, 406: NotAcceptable, 500: InternalServerError, 503: ServiceUnavailable,
}


@dataclass
class Dataset:
    """An RDF dataset named by the protocol (``default-graph-uri``/``named-graph-uri`` for
    queries, ``using-graph-uri``/``using-named-graph-uri`` for updates)."""

    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


class SparqlEngine:
    """Runs protocol operations against a pyoxigraph store under the server's limits;
    ``store_path`` (the store on disk) lets queries run in killable processes."""

    def __init__(self, store: ox.Store, config: ServerConfig, store_path: Path | None = None) -> None:
        self.store = store
        self.config = config
        self._store_path = store_path
        self._pool = None if store_path is None else QueryPool(
            store_path, max_processes=config.workers, warm=config.warm_query_processes,
            renice_after=config.renice_query_after, allow_network=config.allow_service,
            memory_mb=config.query_memory_mb,
        )
        self._threads = None if self._pool else ThreadPoolExecutor(
            max_workers=max(1, config.workers), thread_name_prefix="kg-query")

    def close(self) -> None:
        if self._pool:
            self._pool.close()
        if self._threads:
            self._threads.shutdown(wait=False, cancel_futures=True)

    def note_write(self) -> None:
        """The store was written: queries from now on must see it."""
        if self._pool:
            self._pool.note_write()

    # -- queries ---------------------------------------------------------------------------------

    def query(self, text: str, dataset: Dataset, accept: MIMEAccept, base_iri: str | None) -> Answer:
        self._check(text, remote=uses_service)
        job = QueryJob(text, list(accept), base_iri, self.config.max_rows, time.monotonic() + self.config.timeout,
                       max_answer_bytes=self.config.max_answer_mb * 2 ** 20)
        if dataset:
            _check_iris(dataset)
            job.default_graphs, job.named_graphs = dataset.default_graphs, dataset.named_graphs
        elif not has_dataset_clause(text):  # else the query's own FROM / FROM NAMED decide
            job.union_default_graph = self.config.union_default_graph
        outcome = self._evaluate(job)
        if isinstance(outcome, Answer):
            return outcome
        if isinstance(outcome, QueryTimeout):
            raise ServiceUnavailable(f"query exceeded the {self.config.timeout:g} s time limit")
        if isinstance(outcome, OutOfMemory):
            raise BadRequest(f"query refused: evaluating it {outcome.reason()}")
        raise _REFUSALS.get(outcome.status, InternalServerError)(outcome.message)

    def _evaluate(self, job: QueryJob) -> Outcome:
        """``job``'s outcome, evaluated where queries run (a killable process over a store on disk)."""
        if self._pool:
            return self._pool.run(job)
        return self._run_on_thread(partial(evaluate, self.store, job), job.deadline)

    def _run_on_thread(self, work: Callable[[Callable[[], bool]], Outcome | Tried], deadline: float) -> Outcome | Tried:
        """``work(cancelled)`` on a thread of the pool, abandoned (``cancelled`` then says so) at the deadline."""
        cancelled = threading.Event()
        future = self._threads.submit(work, cancelled.is_set)
        try:
            return future.result(timeout=max(0.0, deadline - time.monotonic()))
        except FutureTimeout:
            cancelled.set()
            future.cancel()
            return QueryTimeout()

    def _check(self, text: str, remote) -> None:
        try:
            check_complexity(text, self.config.query_limits)
        except QueryTooComplex as err:
            raise BadRequest(f"operation refused: {err}") from None
        if not self.config.allow_service and remote(text):
            raise Forbidden(SERVICE_REFUSED)

    # -- updates ---------------------------------------------------------------------------------

    def update(self, text: str, dataset: Dataset, base_iri: str | None) -> None:
        """Apply an update (one transaction) once it is known to finish in time: tried whole on a copy
        of the store unless it only writes or removes what it spells out (only probed where no copy
        can be made: a remote store, which applies it itself). The protocol's USING graphs become
        USING clauses; naming them while the update has its own USING/WITH is a conflict (400). The
        markers of graphs being written survive it (:func:`keeping_markers`)."""
        self._check(text, remote=lambda t: uses_service(t) or uses_load(t))
        if dataset:
            _check_iris(dataset)
            if has_update_dataset_clause(text):
                raise BadRequest(
                    "using-graph-uri/using-named-graph-uri conflict with the update's own USING/WITH"
                )
            text = add_using_clauses(text, dataset.default_graphs, dataset.named_graphs)
        kept = keeping_markers(self.store, text)
        if needs_a_trial(text) and self._can_copy():
            self._try_in_time(kept, base_iri, "update")
        else:
            self._match_in_time(text, base_iri)
        refusal = apply_update(self.store, kept, base_iri)
        if refusal is not None:
            raise _REFUSALS[refusal.status](refusal.message)

    def _match_in_time(self, update: str, base_iri: str | None) -> None:
        """Refuse (503) an update whose patterns cannot be matched within the time limit, before
        it writes anything: Oxigraph cannot cancel an update, so each operation's WHERE is first
        evaluated as a query (:func:`where_queries`) where queries run, under their deadline. A
        probe the engine refuses is left for the update itself to report."""
        deadline = time.monotonic() + self.config.timeout
        for probe in where_queries(update):
            job = QueryJob(probe, [("application/sparql-results+json", 1.0)], base_iri, 1, deadline)
            outcome = self._evaluate(job)
            if isinstance(outcome, QueryTimeout):
                raise self._update_timeout()
            if isinstance(outcome, OutOfMemory):  # the update itself would run out of it in the server
                raise _update_out_of_memory(outcome)

    def remove_in_time(self, removal: str, what: str) -> None:
        """Refuse (503) a Graph Store write whose ``removal`` (the DROP of the graph it deletes or
        replaces) does not run to its end on a copy of the store within the time limit, before it
        writes anything: the graph's size, which no request bounds, sets its cost (a DELETE of 300k
        statements took 15 s). ``what`` names the write in the refusal. A remote store removes it itself."""
        if self._can_copy():
            self._try_in_time(removal, None, what)

    def _can_copy(self) -> bool:
        """Whether an update can be tried on a copy of the store: not on a remote store."""
        return isinstance(self.store, EmbeddedStore)

    def _try_in_time(self, update: str, base_iri: str | None, what: str) -> None:
        """Refuse (503) an update (``what`` in the refusal) that does not run to its end on a copy of the
        store within the time limit, or the error it ends in there, before it writes anything
        (:mod:`kg.server.update_trial`)."""
        if self._pool is None:
            copy = ox.Store()
            copy.extend(self.store)
            trial = UpdateTrial(update, base_iri, time.monotonic() + self.config.timeout)
            outcome = self._run_on_thread(partial(try_update, copy, trial), trial.deadline)
        else:
            folder = self._store_path / UPDATE_TRIAL_FOLDER
            try:
                self.store.raw.backup(str(folder))  # under the write lock: the store the update will meet
                # the clock starts once the copy is made: its fsyncs (seconds on a busy disk) are not the update's work
                trial = UpdateTrial(update, base_iri, time.monotonic() + self.config.timeout, str(folder))
                outcome = self._pool.run(trial)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
        if isinstance(outcome, QueryTimeout):
            raise self._update_timeout(what)
        if isinstance(outcome, OutOfMemory):
            raise _update_out_of_memory(outcome, what)
        if isinstance(outcome, Refusal):
            if outcome.status == 500:  # the copy failed, not the update: the message may name the store's folder
                log.error("trying an update on a copy of the store failed: %s", outcome.message)
                raise InternalServerError("update failed: it could not be tried on a copy of the store "
                                          "(see the server log)")
            raise _REFUSALS[outcome.status](outcome.message)

    def _update_timeout(self, what: str = "update") -> ServiceUnavailable:
        return ServiceUnavailable(f"{what} exceeded the {self.config.timeout:g} s time limit: nothing of it "
                                  "was applied")


def _update_out_of_memory(outcome: OutOfMemory, what: str = "update") -> BadRequest:
    return BadRequest(f"{what} refused: it {outcome.reason()}: nothing of it was applied")


def _check_iris(dataset: Dataset) -> None:
    try:
        for iri in (*dataset.default_graphs, *dataset.named_graphs):
            ox.NamedNode(iri)
    except ValueError as err:
        raise BadRequest(f"invalid graph IRI: {one_line(err)}") from None
