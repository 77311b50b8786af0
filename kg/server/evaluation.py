"""Evaluate one query against a pyoxigraph store and serialise its result: the part of a query
that may run in a separate process (:mod:`kg.server.query_pool`), so everything crossing that
boundary here is plain picklable data."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept

from kg.graph.chunked import complete_dataset
from kg.graph.store import PREFIXES
from kg.server import formats


@dataclass
class QueryJob:
    """A query with its dataset, accepted media types and limits."""

    text: str
    accept: list[tuple[str, float]]
    base_iri: str | None
    max_rows: int
    deadline: float  # time.monotonic(), the same clock in every process
    default_graphs: list[str] | None = None  # None: the query's FROM clauses or the store's default
    named_graphs: list[str] = field(default_factory=list)
    union_default_graph: bool = False
    max_answer_bytes: int | None = None  # a larger serialised answer is refused, never sent


@dataclass
class Answer:
    body: bytes
    content_type: str
    truncated: bool = False


@dataclass
class Refusal:
    """The query cannot be answered: an HTTP status and a one-line reason."""

    status: int
    message: str


#: How RocksDB's errors reach Python as RuntimeError when store files are missing.
_STORAGE_FAILURE = "Corruption"


class QueryTimeout(Exception):
    pass


@dataclass
class OutOfMemory:
    """The evaluation process needed more than the ``limit_mb`` MiB it may allocate
    (``KG_QUERY_MEMORY_MB``): it raised MemoryError or died of it. Never tried again: the same
    work needs the same memory."""

    limit_mb: int

    def reason(self) -> str:
        return f"needed more than {self.limit_mb:,} MiB of memory (KG_QUERY_MEMORY_MB)"


Outcome = Answer | Refusal | QueryTimeout | OutOfMemory


class _RowCap:
    """Row cap and deadline applied while a result streams into its serialisation."""

    def __init__(self, job: QueryJob, cancelled: Callable[[], bool]) -> None:
        self.job = job
        self.cancelled = cancelled
        self.truncated = False

    def take(self, items: Iterable) -> Iterator:
        deadline, max_rows, cancelled = self.job.deadline, self.job.max_rows, self.cancelled
        for count, item in enumerate(items):
            if count >= max_rows:
                self.truncated = True
                return
            if time.monotonic() > deadline or cancelled():
                raise QueryTimeout
            yield item


def evaluate(store: ox.Store, job: QueryJob, cancelled: Callable[[], bool] = lambda: False) -> Outcome:
    """Evaluate and serialise ``job``. Errors come back as values, never raised: pyoxigraph result
    iterators must be dropped on the thread that made them, so no frame may escape with one."""
    if cancelled():
        return QueryTimeout()
    accept = MIMEAccept(job.accept)
    cap = _RowCap(job, cancelled)
    try:
        result = store.query(job.text, base_iri=job.base_iri, prefixes=PREFIXES, **_dataset_options(job, store))
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
            body = formats.serialize_solutions(fmt, variables, (list(s) for s in cap.take(result)))
        else:
            fmt = formats.negotiate(accept, formats.GRAPH_FORMATS)
            if fmt is None:
                return _not_acceptable(formats.GRAPH_FORMATS)
            body = formats.serialize_triples(fmt, cap.take(result), PREFIXES)
        if job.max_answer_bytes is not None and len(body) > job.max_answer_bytes:
            return Refusal(400, f"query refused: its answer takes {len(body) / 2 ** 20:,.1f} MiB, more than the "
                                f"{job.max_answer_bytes / 2 ** 20:,g} MiB an answer may (KG_MAX_ANSWER_MB): "
                                "ask for fewer rows or shorter values")
        return Answer(body, fmt.content_type, cap.truncated)
    except QueryTimeout:
        return QueryTimeout()
    except formats.NotXml as err:
        return Refusal(406, str(err))
    except ValueError as err:
        return Refusal(400, f"invalid graph IRI: {one_line(err)}")
    except (SyntaxError, OSError, RuntimeError) as err:
        return oxigraph_refusal(err, "query", "query evaluation failed")


def oxigraph_refusal(err: SyntaxError | OSError | RuntimeError, operation: str, failure: str) -> Refusal:
    """What an error of Oxigraph's on a query or update is to the client: its syntax (400), its own
    fault (a RuntimeError: an unsupported custom function, an unbound SERVICE variable …; 400), or
    the store's (an OSError, or files compacted away under a read-only view; 500)."""
    if isinstance(err, SyntaxError):
        return Refusal(400, f"{operation} syntax error: {one_line(err)}")
    if isinstance(err, RuntimeError) and _STORAGE_FAILURE not in str(err):
        return Refusal(400, f"{failure}: {one_line(err)}")
    return Refusal(500, f"{failure}: {one_line(err)}")


def _dataset_options(job: QueryJob, store: ox.Store) -> dict:
    """The query's dataset: its own, else every complete document graph (:mod:`kg.graph.chunked`)."""
    if job.default_graphs is not None:
        return {"default_graph": [ox.NamedNode(g) for g in job.default_graphs],
                "named_graphs": [ox.NamedNode(g) for g in job.named_graphs]}
    return complete_dataset(store) if job.union_default_graph else {}


def _not_acceptable(offered: tuple[formats.Format, ...]) -> Refusal:
    return Refusal(406, "none of the acceptable media types can represent this result; offered: "
                   + ", ".join(f.media_type for f in offered))


def one_line(err: BaseException) -> str:
    return " ".join(str(err).split())
