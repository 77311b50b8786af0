"""Blueprint ``sparql``: the SPARQL 1.1 Protocol (query and update at one URL, /sparql) and the
service description returned by a GET without a query."""
from __future__ import annotations

from urllib.parse import parse_qsl

from flask import Blueprint, Response, current_app, g, redirect, request, url_for
from werkzeug.exceptions import BadRequest, NotAcceptable, UnsupportedMediaType

from kg.server import formats
from kg.server.auth import check_update_token
from kg.server.engine import Dataset, SparqlEngine
from kg.server.params import url_parameters
from kg.server.service_description import SD_PREFIXES, service_description

bp = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"


@bp.route("/sparql", methods=["GET", "POST"])
@bp.route("/sparql/", methods=["GET", "POST"])
def endpoint() -> Response:
    params = _operation_parameters()
    queries, updates = params.get("query", []), params.get("update", [])
    if queries and updates:
        raise BadRequest("a request carries either a query or an update, not both")
    if len(queries) > 1 or len(updates) > 1:
        raise BadRequest("exactly one query or update per request")
    engine: SparqlEngine = current_app.extensions["kg.engine"]
    if updates:
        if request.method != "POST":
            raise BadRequest("updates must be sent with POST")
        check_update_token()
        dataset = Dataset(params.get("using-graph-uri", []), params.get("using-named-graph-uri", []))
        with current_app.extensions["kg.graph_store"].raw_write():
            engine.update(updates[0], dataset, base_iri=request.base_url)
        return Response(status=204)
    if not queries:
        if request.method == "POST":
            raise BadRequest("missing 'query' or 'update' parameter")
        return _service_description()
    g.kg_read_only = True  # a query, even when POSTed, writes nothing
    dataset = Dataset(params.get("default-graph-uri", []), params.get("named-graph-uri", []))
    answer = engine.query(queries[0], dataset, request.accept_mimetypes, base_iri=request.base_url)
    response = Response(answer.body, content_type=answer.content_type)
    response.vary.add("Accept")
    if answer.truncated:
        response.headers["X-KG-Truncated"] = "true"
        response.headers["Warning"] = f'199 kg "result truncated at {engine.config.max_rows} rows"'
    return response


def _operation_parameters() -> dict[str, list[str]]:
    """Protocol parameters from the URL and, by Content-Type, the body.

    Direct POSTs put the operation in the body and may carry dataset parameters in the URL; a
    form POST carries everything in the body (dataset parameters may also be in the URL).
    """
    params = url_parameters()
    if request.method in ("GET", "HEAD"):  # HEAD: a GET's headers (Flask routes it here), no body to read
        return params
    media = request.mimetype
    if not media:
        raise UnsupportedMediaType(
            f"POST to /sparql needs a Content-Type: {FORM}, {SPARQL_QUERY} or {SPARQL_UPDATE}"
        )
    if media not in (FORM, SPARQL_QUERY, SPARQL_UPDATE):
        raise UnsupportedMediaType(
            f"unsupported Content-Type {media}; use {FORM}, {SPARQL_QUERY} or {SPARQL_UPDATE}"
        )
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise UnsupportedMediaType(f"unsupported charset {charset}: SPARQL requests are UTF-8")
    body = _utf8(request.get_data(cache=False))
    if media == FORM:
        if "query" in params or "update" in params:
            raise BadRequest("a form POST carries the query or update in its body, not in the URL")
        try:
            pairs = parse_qsl(body, keep_blank_values=True, encoding="utf-8", errors="strict")
        except UnicodeDecodeError:
            raise BadRequest("the request body is not UTF-8") from None
        for key, value in pairs:
            params.setdefault(key, []).append(value)
        return params
    if "query" in params or "update" in params:
        raise BadRequest(f"a {media} POST carries the operation in its body, not in the URL")
    params["query" if media == SPARQL_QUERY else "update"] = [body]
    return params


def _utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("the request body is not UTF-8") from None


def _service_description() -> Response:
    accept = request.accept_mimetypes
    html = accept.best_match(["text/html", *(f.media_type for f in formats.GRAPH_FORMATS)])
    if accept and html == "text/html":  # a browser opened /sparql: show the query page
        return redirect(url_for("ui.index"))
    fmt = formats.negotiate(accept, formats.GRAPH_FORMATS)
    if fmt is None:
        raise NotAcceptable("the service description is available as " +
                            ", ".join(f.media_type for f in formats.GRAPH_FORMATS))
    triples = service_description(request.base_url, current_app.config["KG"])
    body = formats.serialize_triples(fmt, triples, SD_PREFIXES)
    response = Response(body, content_type=fmt.content_type)
    response.vary.add("Accept")
    return response
