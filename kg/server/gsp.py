"""Blueprint ``gsp``: the SPARQL 1.1 Graph Store HTTP Protocol at /store.

Graphs are identified indirectly (``/store?graph=IRI``, ``/store?default``) or directly (the
request URL ``/store/<path>`` is the graph IRI). ``?default`` addresses the store's own default
graph (what updates write to without GRAPH), not the union view queries see. GET /store without a
graph returns the whole dataset (TriG, N-Quads). POST /store without a graph creates a new graph
and answers 201 with its IRI in Location.

A DELETE, and a PUT over a graph that holds statements, first drops the graph on a copy of the store
under the time limit (:meth:`kg.server.engine.SparqlEngine.remove_in_time`, as a SPARQL DROP is): its
size, which no request bounds, sets what removing it costs; 503 past the limit, nothing changed.
Writes add the parsed quads in one transaction (``Store.extend``; a PUT replacing content drops and
refills the graph in one SPARQL update), so readers never see a half-written graph,
and the body is fully parsed before anything is touched, so a malformed body loses no data.
A PUT replacing a large graph is staged and rolled forward in chunks instead
(:func:`kg.graph.chunked.replace_in_chunks`): a single update's removals grow faster than linearly.
"""
from __future__ import annotations

import uuid
from email import errors
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import HTTP
from itertools import islice

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request
from werkzeug.exceptions import BadRequest, Conflict, NotAcceptable, NotFound, UnsupportedMediaType
from werkzeug.http import parse_options_header

from kg.config import STORE_CHUNK_QUADS
from kg.graph.chunked import hidden_graphs, is_complete_graph, replace_in_chunks, visible_quads
from kg.graph.rdf_input import UnsafeRdf, check_rdf_input
from kg.graph.store import PREFIXES
from kg.server import formats
from kg.server.auth import require_update_token
from kg.server.engine import SparqlEngine
from kg.server.sparql_text import keeping_markers

bp = Blueprint("gsp", __name__)
METHODS = ["GET", "PUT", "POST", "DELETE"]  # HEAD comes with GET
#: Most parts of a multipart body: Python's email parser reads 50,000 tiny parts (2.7 MB) in 20 s.
MAX_PARTS = 1_000


def _store() -> ox.Store:
    return current_app.extensions["kg.engine"].store


@bp.route("/store", methods=METHODS)
@bp.route("/store/<path:_path>", methods=METHODS)
def graph_store(_path: str | None = None) -> Response:
    target = _target(direct=_path is not None)
    if request.method in ("GET", "HEAD"):
        return _get(target)
    return _write(target)


def _target(*, direct: bool) -> ox.NamedNode | ox.DefaultGraph | None:
    """The graph a request addresses; None for the graph store itself."""
    if direct:
        return _graph_iri(request.base_url)
    graphs = request.args.getlist("graph")
    has_default = "default" in request.args
    if len(graphs) > 1 or (graphs and has_default):
        raise BadRequest("name exactly one graph: ?graph=IRI or ?default")
    if has_default:
        return ox.DefaultGraph()
    if graphs:
        return _graph_iri(graphs[0])
    return None


def _graph_iri(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError as err:
        raise BadRequest(f"invalid graph IRI {iri!r}: {err}") from None


def _exists(graph: ox.NamedNode | ox.DefaultGraph) -> bool:
    """Whether the graph is there, complete (kg.graph.chunked)."""
    return isinstance(graph, ox.DefaultGraph) or is_complete_graph(_store(), graph)


def _get(target) -> Response:
    store = _store()
    if target is None:
        fmt = _negotiate(formats.DATASET_FORMATS)
        body = formats.serialize_quads(fmt, visible_quads(store), PREFIXES)
    else:
        if not _exists(target):
            raise NotFound(f"no graph {target}")
        fmt = _negotiate(formats.GRAPH_FORMATS)
        body = formats.serialize_quads(fmt, visible_quads(store, None, None, None, target), PREFIXES)
    response = Response(body, content_type=fmt.content_type)
    response.vary.add("Accept")
    return response


def _negotiate(offered) -> formats.Format:
    fmt = formats.negotiate(request.accept_mimetypes, offered)
    if fmt is None:
        raise NotAcceptable("acceptable here: " + ", ".join(f.media_type for f in offered))
    return fmt


@require_update_token
def _write(target) -> Response:
    with current_app.extensions["kg.graph_store"].raw_write():
        return _apply_write(target, _store())


def _apply_write(target, store: ox.Store) -> Response:
    if isinstance(target, ox.NamedNode) and target.value in hidden_graphs(store):
        raise Conflict(f"graph {target} is being written or deleted by another writer; try again later")
    engine: SparqlEngine = current_app.extensions["kg.engine"]
    if request.method == "DELETE":
        if target is None:
            raise BadRequest("DELETE needs ?graph=IRI or ?default")
        if isinstance(target, ox.NamedNode) and not store.contains_named_graph(target):
            raise NotFound(f"no graph {target}")
        engine.remove_in_time(_drop(target), f"DELETE of {_named(target)}")
        if isinstance(target, ox.DefaultGraph):
            store.update(keeping_markers(store, _drop(target)))
        else:
            store.remove_graph(target)
        return Response(status=204)

    created_location = None
    if target is None:
        if request.method == "PUT":
            raise BadRequest("PUT needs ?graph=IRI or ?default")
        created_location = f"{request.host_url}store/{uuid.uuid4().hex}"
        target = _graph_iri(created_location)
    existed = _exists(target) and created_location is None
    quads = _parse_body(target)
    folder = current_app.extensions["kg.graph_store"].path
    if request.method == "PUT" and _has_quads(store, target):
        engine.remove_in_time(_drop(target), f"PUT of {_named(target)}")
        if folder is not None and isinstance(target, ox.NamedNode) and _large(store, target, quads):
            replace_in_chunks(store, folder, target, quads, STORE_CHUNK_QUADS)  # linear where one update is not
        else:
            _replace(store, target, quads)
    else:
        store.extend(quads)  # one transaction
    if isinstance(target, ox.NamedNode):
        store.add_graph(target)  # an empty PUT still creates the graph
    response = Response(status=204 if existed else 201)
    if created_location:
        response.headers["Location"] = created_location
    return response


def _drop(graph: ox.NamedNode | ox.DefaultGraph) -> str:
    """The SPARQL update removing ``graph``."""
    return "DROP SILENT DEFAULT" if isinstance(graph, ox.DefaultGraph) else f"DROP SILENT GRAPH {graph}"


def _named(graph: ox.NamedNode | ox.DefaultGraph) -> str:
    """``graph`` as a refusal names it."""
    return "the default graph" if isinstance(graph, ox.DefaultGraph) else f"graph {graph}"


def _has_quads(store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph) -> bool:
    return next(store.quads_for_pattern(None, None, None, graph), None) is not None


def _large(store: ox.Store, target: ox.NamedNode, quads: list[ox.Quad]) -> bool:
    """Whether the new or the old content of ``target`` is more than one write's chunk."""
    return len(quads) > STORE_CHUNK_QUADS or \
        sum(1 for _ in islice(store.quads_for_pattern(None, None, None, target), STORE_CHUNK_QUADS + 1)) > STORE_CHUNK_QUADS


def _replace(store: ox.Store, target: ox.NamedNode | ox.DefaultGraph, quads: list[ox.Quad]) -> None:
    """Drop and refill a graph in one update, so that readers see the old content or the new,
    and the default graph's completeness markers survive it (:func:`keeping_markers`).
    (Oxigraph has no transaction spanning a removal and ``Store.extend``; staging the quads in a
    graph of their own and moving it costs twice this.)"""
    drop = _drop(target)
    if not quads:
        store.update(keeping_markers(store, drop))
        return
    data = " .\n".join(str(q.triple) for q in quads)
    block = f"{{\n{data}\n}}" if isinstance(target, ox.DefaultGraph) else f"{{ GRAPH {target} {{\n{data}\n}} }}"
    store.update(keeping_markers(store, f"{drop} ;\nINSERT DATA {block}"))


def _parse_body(graph: ox.NamedNode | ox.DefaultGraph) -> list[ox.Quad]:
    """All triples of the request body (multipart/form-data: of every part), as quads of ``graph``."""
    media = request.mimetype
    data = request.get_data(cache=False)
    if media == "multipart/form-data":
        boundary = request.mimetype_params.get("boundary", "").encode("latin-1", "replace")
        if boundary and data.count(b"--" + boundary) > MAX_PARTS + 1:
            raise BadRequest(f"a multipart body of more than {MAX_PARTS:,} parts")
        try:
            message = BytesParser(policy=HTTP).parsebytes(
                f"Content-Type: {request.content_type}\r\n\r\n".encode() + data
            )
        except RecursionError:  # it descends once per multipart nested in a part: 2,000 was a 500
            raise BadRequest("a multipart body nested too deeply (each part must be an RDF document)") from None
        quads: list[ox.Quad] = []
        for part in message.iter_parts():
            # the part's whole Content-Type, so that its charset is checked as a request's is
            content_type = part.get("Content-Type") or part.get_content_type()
            quads += _parse(str(content_type), part.get_payload(decode=True) or b"", graph)
        _check_framing(message)  # after the parts: a part's own fault (its charset) is the one to name
        return quads
    return _parse(request.content_type, data, graph)


#: What the email parser notes, and reads on past, in a body that is no well-formed multipart.
_FRAMING_DEFECTS = {
    errors.NoBoundaryInMultipartDefect: "its Content-Type names no boundary",
    errors.StartBoundaryNotFoundDefect: "its boundary never occurs in it (or it holds no part)",
    errors.CloseBoundaryNotFoundDefect: "it ends before its closing boundary (cut off?)",
}


def _check_framing(message: EmailMessage) -> None:
    """Refuse a multipart body the parser could only read in part: without its boundary, or with
    one that never occurs, it reads no part at all (a PUT of it emptied the graph with a 204), and
    a body cut before its closing boundary would be stored as far as it went."""
    for defect in message.defects:
        if (problem := _FRAMING_DEFECTS.get(type(defect))) is not None:
            raise BadRequest(f"malformed multipart body: {problem}; nothing was stored")


def _parse(content_type: str | None, data: bytes, graph: ox.NamedNode | ox.DefaultGraph) -> list[ox.Quad]:
    rdf_format = formats.parse_rdf_format(content_type)
    if rdf_format is None:
        raise UnsupportedMediaType(
            f"unsupported RDF media type {content_type!r}; use one of "
            + ", ".join(f.media_type for f in formats.GRAPH_FORMATS)
        )
    charset = parse_options_header(content_type)[1].get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):  # read as UTF-8, a Latin-1 "Ã©" would be stored as "é"
        raise UnsupportedMediaType(f"unsupported charset {charset}: RDF bodies are UTF-8")
    try:
        check_rdf_input(data, rdf_format)
        # fresh blank nodes, as INSERT DATA makes them: a body's _:b is no other body's _:b
        parsed = ox.parse(data, format=rdf_format, base_iri=request.base_url, rename_blank_nodes=True)
        return [ox.Quad(q.subject, q.predicate, q.object, graph) for q in parsed]
    except (SyntaxError, UnsafeRdf) as err:
        raise BadRequest(f"cannot parse the {rdf_format.name} body: {' '.join(str(err).split())}") from None
