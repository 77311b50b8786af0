"""The remote backend: a SPARQL 1.1 query endpoint and its update endpoint (and the Graph Store
Protocol, where the server offers it, to read whole document graphs), so that several builders,
servers and tools share one database (Oxigraph's server, Virtuoso, …).

Results are parsed by pyoxigraph's own parsers, so callers get the same terms and result types as
from the embedded store. Every update carries a new revision token into the state graph
(:data:`kg.vocab.STORE_STATE_GRAPH`) in the same request; a process compares the token with the
one its derived indexes were built at to learn that another process wrote (:meth:`revision`).
Any failure of the endpoint (down, refusing, answering junk) is one :class:`UpstreamError` line.
"""
from __future__ import annotations

import json
import re
import urllib.parse
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.config import REMOTE_MAX_RESPONSE_BYTES, REMOTE_STORE_TIMEOUT
from kg.errors import StoreError, UpstreamError
from kg.graph.backends import Graph, Term
from kg.graph.backends.http import HttpClient, NotFound, Rejected
from kg.graph.rdf_input import UnsafeRdf, check_rdf_input, check_results_input
from kg.vocab import STORE_REVISION, STORE_STATE_GRAPH

_RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
}
_GRAPHS = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
           "text/turtle": ox.RdfFormat.TURTLE, "application/rdf+xml": ox.RdfFormat.RDF_XML}
_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.5"
_POSITION = re.compile(r"error at (\d+):(\d+)")
_STATE = ox.NamedNode(STORE_STATE_GRAPH)
_DEFAULT = str(ox.DefaultGraph())
_STATE_TRIPLE = f"GRAPH {_STATE} {{ {_STATE} <{STORE_REVISION}> ?revision }}"


class RemoteStore:
    """A store behind SPARQL endpoints, seen through the :class:`~kg.graph.backends.Backend` protocol."""

    path: Path | None = None  # no folder: queries run here, not in processes opening the store
    #: Markers go to the state graph, hidden from readers like the revision: Virtuoso takes no
    #: INSERT DATA into its default graph (SP031), the union of all its graphs.
    marker_graph = _STATE

    def __init__(self, query_url: str, *, update_url: str | None = None, read_only: bool = False,
                 timeout: float = REMOTE_STORE_TIMEOUT, max_bytes: int = REMOTE_MAX_RESPONSE_BYTES) -> None:
        self.query_url = _endpoint(query_url)
        self.update_url = None if read_only or update_url is None else _endpoint(update_url)
        self.http = HttpClient(timeout, max_bytes)
        self._graph_store_url = _graph_store_url(query_url)
        #: The revision this process's derived indexes describe (read at open, which fails now,
        #: in one line, if nothing answers there; kept by its own writes; None once another
        #: process's write is noticed).
        self.known_revision: str | None = self.revision()

    # -- reading ---------------------------------------------------------------------------------

    def query(self, query: str, *, prefixes: dict[str, str] | None = None, base_iri: str | None = None,
              use_default_graph_as_union: bool = False, default_graph=None, named_graphs=None):
        """Run ``query`` at the endpoint: SELECT and ASK give pyoxigraph's QuerySolutions and
        QueryBoolean, CONSTRUCT and DESCRIBE an iterator of triples."""
        params: list[tuple[str, str]] = []
        if default_graph is not None:
            graphs = default_graph if isinstance(default_graph, list) else [default_graph]
            params += [("default-graph-uri", g.value) for g in graphs]
        if named_graphs is not None:
            params += [("named-graph-uri", g.value) for g in named_graphs]
        if use_default_graph_as_union and default_graph is None:
            params.append(("union-default-graph", ""))  # Oxigraph's; Virtuoso's default graph is the union anyway
        # form-encoded, the one way every server takes (Virtuoso ignores a direct application/sparql-query POST)
        prologue = _prologue(prefixes, base_iri)
        body = urllib.parse.urlencode([("query", prologue + query), *params])
        try:
            content_type, data = self._post(self.query_url, body, "application/x-www-form-urlencoded", _ACCEPT)
        except Rejected as err:  # the query's own fault, as pyoxigraph reports it: a client error
            raise SyntaxError(_in_text(err.detail or str(err), prologue)) from None
        try:
            if content_type in _RESULTS:
                return _query_results(data, _RESULTS[content_type])
            if content_type in _GRAPHS:
                return iter([q.triple for q in _quads(data, _GRAPHS[content_type])])
        except (SyntaxError, ValueError, UnsafeRdf) as err:
            raise UpstreamError(f"{self.query_url} answered a query with junk: {_one_line(err)}") from None
        raise UpstreamError(f"{self.query_url} answered a query with {content_type or 'no content type'}, "
                         "not SPARQL results or RDF: is it a SPARQL query endpoint?")

    def select(self, query: str) -> ox.QuerySolutions:
        result = self.query(query)
        if not isinstance(result, ox.QuerySolutions):
            raise UpstreamError(f"{self.query_url} did not answer a SELECT with solutions")
        return result

    def ask(self, query: str) -> bool:
        result = self.query(query)
        if not isinstance(result, ox.QueryBoolean):
            raise UpstreamError(f"{self.query_url} did not answer an ASK with a boolean")
        return bool(result)

    def quads_for_pattern(self, subject: Term | None, predicate: ox.NamedNode | None, object: Term | None,
                          graph_name: Graph | None = None) -> Iterator[ox.Quad]:
        """The matching quads of the named graphs (or of ``graph_name``), the state graph aside.
        A whole named graph comes through the Graph Store Protocol where the server has it."""
        if isinstance(graph_name, ox.NamedNode) and subject is predicate is object is None and self._graph_store_url:
            return self._read_graph(graph_name)
        terms = [t if t is not None else ox.Variable(v) for t, v in ((subject, "s"), (predicate, "p"), (object, "o"))]
        pattern = " ".join(str(t) for t in terms)
        if isinstance(graph_name, ox.DefaultGraph):
            where, graph = f"{{ {pattern} }}", graph_name
        else:
            target = graph_name if graph_name is not None else ox.Variable("g")
            hide_state = f" FILTER({target} != {_STATE})" if graph_name is None else ""
            where = f"{{ GRAPH {target} {{ {pattern} }}{hide_state} }}"
            graph = graph_name
        rows = self.select(f"SELECT * WHERE {where}")
        return (ox.Quad(row["s"] if subject is None else subject, row["p"] if predicate is None else predicate,
                        row["o"] if object is None else object, row["g"] if graph is None else graph)
                for row in rows)

    def _read_graph(self, graph: ox.NamedNode) -> Iterator[ox.Quad]:
        url = f"{self._graph_store_url}?{urllib.parse.urlencode({'graph': graph.value})}"
        try:
            content_type, data = self.http.request("GET", url, headers={"Accept": "application/n-triples"})
        except NotFound:
            return iter(())
        if content_type not in _GRAPHS:
            raise UpstreamError(f"{url} answered with {content_type or 'no content type'}, not RDF")
        try:
            return iter([ox.Quad(q.subject, q.predicate, q.object, graph) for q in _quads(data, _GRAPHS[content_type])])
        except (SyntaxError, UnsafeRdf) as err:
            raise UpstreamError(f"{url} answered with junk: {_one_line(err)}") from None

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        # a pattern, not `GRAPH ?g {}`, which Virtuoso answers for every graph it can name
        rows = self.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {_STATE}) }}")
        return (row["g"] for row in rows)

    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        return self.ask(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}")

    def is_empty(self) -> bool:
        return not self.ask(f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {_STATE}) }}")

    def __len__(self) -> int:
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {_STATE}) }}")
        return int(next(iter(rows))["n"].value)

    def __contains__(self, quad: ox.Quad) -> bool:
        return next(self.quads_for_pattern(quad.subject, quad.predicate, quad.object, quad.graph_name), None) is not None

    def __iter__(self) -> Iterator[ox.Quad]:
        return self.quads_for_pattern(None, None, None)

    def revision(self) -> str | None:
        """The store's revision token now (None: no kg process has written to it yet)."""
        rows = self.select(f"SELECT ?revision WHERE {{ {_STATE_TRIPLE} }}")
        return next((row["revision"].value for row in rows), None)

    # -- writing ---------------------------------------------------------------------------------

    def update(self, update: str, *, prefixes: dict[str, str] | None = None, base_iri: str | None = None) -> None:
        """Apply ``update`` and move the revision on, in one request (one transaction where the
        server applies a request atomically, as Oxigraph and Virtuoso do). If the revision was not
        the one this process knew, someone else wrote meanwhile: the revision is moved on again so
        that nobody's derived indexes take the store for unchanged, and :attr:`known_revision`
        becomes None (this process's indexes must be rebuilt)."""
        if self.update_url is None:
            raise StoreError(f"store {self.query_url} is open read-only (give --store-update URL to write)")
        new = uuid.uuid4().hex
        known = self.known_revision
        condition = (f"{{ {_STATE_TRIPLE} FILTER(?revision = {_literal(known)}) }}" if known is not None
                     else f"{{ FILTER NOT EXISTS {{ {_STATE_TRIPLE} }} }}")
        prologue = _prologue(prefixes, base_iri)
        try:
            self._update(f"{prologue}{update} ;\n{_set_revision(new, condition)}")
        except Rejected as err:
            raise SyntaxError(_in_text(err.detail or str(err), prologue)) from None
        if self.revision() == new:
            self.known_revision = new
        else:
            self._update(_set_revision(uuid.uuid4().hex, f"{{ OPTIONAL {{ {_STATE_TRIPLE} }} }}"))
            self.known_revision = None

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads in one INSERT DATA (one transaction, with the revision)."""
        blocks = _blocks(quads)
        if blocks:
            self.update(f"INSERT DATA {{ {blocks} }}")

    def extend_if(self, condition: ox.Quad, quads: list[ox.Quad]) -> bool:
        """One ``INSERT … WHERE`` that adds nothing once ``condition`` is gone (another client's DROP
        ALL may come between two requests), then an ASK: whether it is still there."""
        self.update(f"INSERT {{ {_blocks(quads)} }} WHERE {{ {_blocks([condition])} }}")
        return self.ask(f"ASK {{ {_blocks([condition])} }}")

    def add(self, quad: ox.Quad) -> None:
        self.extend([quad])

    def remove(self, quad: ox.Quad) -> None:
        """Remove one quad (a blank node in it matches any: DELETE DATA takes none)."""
        if isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode):
            terms = [f"?{t.value}" if isinstance(t, ox.BlankNode) else str(t) for t in quad.triple]
            pattern = " ".join(terms)
            graph = "" if isinstance(quad.graph_name, ox.DefaultGraph) else f"GRAPH {quad.graph_name} "
            self.update(f"DELETE WHERE {{ {graph}{{ {pattern} }} }}")
            return
        graph_block = (str(quad.triple) if isinstance(quad.graph_name, ox.DefaultGraph)
                       else f"GRAPH {quad.graph_name} {{ {quad.triple} }}")
        self.update(f"DELETE DATA {{ {graph_block} }}")

    def add_graph(self, graph: ox.NamedNode) -> None:
        self.update(f"CREATE SILENT GRAPH {graph}")

    def clear_graph(self, graph: Graph) -> None:
        self.update("CLEAR SILENT DEFAULT" if isinstance(graph, ox.DefaultGraph) else f"CLEAR SILENT GRAPH {graph}")

    def remove_graph(self, graph: ox.NamedNode) -> None:
        self.update(f"DROP SILENT GRAPH {graph}")

    def flush(self) -> None:
        """Nothing to do: the server persists each request."""

    def close(self) -> None:
        self.http.close()

    # -- HTTP ------------------------------------------------------------------------------------

    def _update(self, text: str) -> None:
        self._post(self.update_url, text, "application/sparql-update", "*/*")

    def _post(self, url: str, text: str, content_type: str, accept: str) -> tuple[str, bytes]:
        """POST a request body: updates go directly (an update carries a whole document, which form
        encoding would cost more to quote than the server takes to store)."""
        headers = {"Content-Type": f"{content_type}; charset=utf-8", "Accept": accept}
        try:
            return self.http.request("POST", url, text.encode("utf-8"), headers)
        except NotFound:
            raise UpstreamError(f"{url} answered 404 Not Found: is it a SPARQL endpoint?") from None


def _query_results(data: bytes, results_format: ox.QueryResultsFormat) -> ox.QuerySolutions | ox.QueryBoolean:
    """pyoxigraph's results of ``data``, read through once here: its parser reads solutions as they
    are asked for, so a junk row would otherwise surface in the caller, taken for its own fault (a
    query syntax error), and nesting past the parser's stack would crash the process."""
    check_results_input(data, results_format)
    _read_through(ox.parse_query_results(data, format=results_format))
    return ox.parse_query_results(data, format=results_format)


def _read_through(results: ox.QuerySolutions | ox.QueryBoolean) -> None:
    """Read every solution of ``results``, which is gone when this returns or raises: no frame of
    an error's traceback may keep it, pyoxigraph's solutions must be dropped on the thread that made them."""
    try:
        if isinstance(results, ox.QuerySolutions):
            for _ in results:
                pass
    finally:
        del results


def _quads(data: bytes, rdf_format: ox.RdfFormat) -> list[ox.Quad]:
    check_rdf_input(data, rdf_format)
    return list(ox.parse(data, format=rdf_format))


def _blocks(quads: Iterable[ox.Quad]) -> str:
    """Quads as the triples and ``GRAPH`` blocks of an INSERT DATA or of a pattern."""
    by_graph: dict[str, list[str]] = {}
    for quad in quads:
        by_graph.setdefault(str(quad.graph_name), []).append(str(quad.triple))
    return " ".join((" .\n".join(triples) + " .") if g == _DEFAULT else f"GRAPH {g} {{\n" + " .\n".join(triples) + "\n}"
                    for g, triples in by_graph.items())


def _endpoint(url: str) -> str:
    """``url`` if it can name an HTTP endpoint, else one StoreError line: urllib and http.client
    would fail on it deep inside the first request, with a bare ValueError ('Invalid IPv6 URL',
    'Port out of range') or AttributeError (no host: http://)."""
    try:
        parts = urllib.parse.urlsplit(url)
        _ = parts.port  # parsed on access: a port that is no number in 0-65535 raises here
    except ValueError as err:
        raise StoreError(f"invalid store URL {url!r}: {err}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"invalid store URL {url!r}: expected http(s)://HOST[:PORT]/PATH")
    if any(c.isspace() or not c.isprintable() for c in url):
        raise StoreError(f"invalid store URL {url!r}: white space or control characters")
    return url


def _graph_store_url(query_url: str) -> str | None:
    """Where Oxigraph's server keeps the Graph Store Protocol beside its ``/query`` endpoint."""
    parts = urllib.parse.urlsplit(query_url)
    if not parts.path.endswith("/query") or parts.query:
        return None
    return urllib.parse.urlunsplit(parts._replace(path=parts.path[: -len("query")] + "store"))


def _prologue(prefixes: dict[str, str] | None, base_iri: str | None) -> str:
    lines = [f"BASE <{base_iri}>"] if base_iri else []
    lines += [f"PREFIX {name}: <{iri}>" for name, iri in (prefixes or {}).items()]
    return "".join(line + "\n" for line in lines)


def _in_text(message: str, prologue: str) -> str:
    """A server's ``error at LINE:COLUMN`` counted in the caller's text, not after our prologue."""
    lines = prologue.count("\n")
    return _POSITION.sub(lambda m: f"error at {int(m[1]) - lines}:{m[2]}", message, count=1) if lines else message


def _set_revision(token: str, where: str) -> str:
    state = _STATE_TRIPLE.replace("?revision", _literal(token))
    return f"DELETE {{ {_STATE_TRIPLE} }} INSERT {{ {state} }} WHERE {where}"


def _literal(value: str) -> str:
    return json.dumps(value)  # a hex token: a plain double-quoted string


def _one_line(value: object) -> str:
    return " ".join(str(value).split())
