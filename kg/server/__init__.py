"""The Flask SPARQL 1.1 endpoint: app factory wiring one blueprint per concern.

``create_app(config, graph_store=...)`` builds the app; ``kg serve`` runs it on waitress.
Blueprints: ``sparql`` (/sparql protocol + service description), ``gsp`` (/store Graph Store
Protocol), ``admin`` (/health, /stats), ``ui`` (/ query page), ``export``, ``documents`` and
``browse`` (search, entity and document pages at /id/…, the neighbourhood graph).
"""
from __future__ import annotations

import re
from pathlib import Path

from flask import Flask, Response, g, request
from flask.json.provider import DefaultJSONProvider
from markupsafe import Markup
from werkzeug.exceptions import (
    BadGateway, GatewayTimeout, HTTPException, InternalServerError, NotAcceptable, UnsupportedMediaType,
)

from kg.config import MAX_ERROR_CHARS, ServerConfig
from kg.errors import StoreError, UpstreamError, UpstreamTimeout
from kg.server import formats, logs
from kg.server.private import without_store_location

log = logs.server_logger(__name__)

__all__ = ["create_app"]


def create_app(config: ServerConfig | None = None, *, graph_store=None) -> Flask:
    """The endpoint app over ``graph_store`` (a ``kg.graph.store.GraphStore``), or over the store
    at ``config.store`` opened here (it must exist unless updates are enabled)."""
    from kg.graph.store import GraphStore
    from kg.server import admin, browse, documents, export, gsp, sparql, ui
    from kg.server.engine import SparqlEngine

    config = config or ServerConfig()
    if graph_store is None:
        if (not config.update_token and isinstance(config.store, Path) and not config.store.is_file()
                and not (config.store / "CURRENT").exists()):  # a file: the store says what it is
            raise StoreError(
                f"no graph store at {config.store}: run `kg build` first "
                "(or give --update-token to serve an empty, writable store)"
            )
        graph_store = GraphStore(config.store, update_url=config.store_update)

    app = Flask(__name__, static_folder=None)
    app.config["KG"] = config
    app.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    app.json = _JsonProvider(app)
    app.json.ensure_ascii = False
    app.jinja_env.finalize = _shown
    app.extensions["kg.graph_store"] = graph_store
    app.extensions["kg.engine"] = SparqlEngine(graph_store.store, config, store_path=graph_store.path)

    for blueprint in (sparql.bp, gsp.bp, admin.bp, ui.bp, export.bp, documents.bp, browse.bp):
        app.register_blueprint(blueprint)
    _install_error_handlers(app)
    _install_request_checks(app)
    _install_response_hooks(app)
    if config.cors_origins:
        _install_cors(app, config.cors_origins)
    return app


_INVISIBLE = re.compile(f"[{logs.INVISIBLE}]")


def _shown(value: object) -> object:
    """Every value a template prints, those characters written as escapes (``\\u202e``): a name the store
    holds (a file's name, a label loaded over the Graph Store Protocol) cannot make a page show another.
    Markup the templates build (``tojson``) is theirs and passes."""
    if isinstance(value, str) and not isinstance(value, Markup) and _INVISIBLE.search(value):
        return logs.escaped(value, _INVISIBLE)
    return value


class _JsonProvider(DefaultJSONProvider):
    """Flask's JSON, but a posted body nested deeper than the interpreter's stack ([[[[…]]]]) is
    malformed JSON, a ValueError (so a 400 from ``request.get_json``), not a RecursionError that
    ended the request as a 500."""

    def loads(self, s: str | bytes, **kwargs):
        try:
            return super().loads(s, **kwargs)
        except RecursionError:
            raise ValueError("JSON nested too deeply") from None


def _install_error_handlers(app: Flask) -> None:
    """Every error is a one-line text/plain message; tracebacks only go to the server log."""

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        """The message echoes what the client sent (a path segment, an IRI's parse error) with its line
        breaks and controls written as escapes: one line, whatever was sent."""
        response = error.get_response()
        response.set_data(f"{error.code} {error.name}: {_clipped(logs.escaped(str(error.description)))}\n")
        response.content_type = "text/plain; charset=utf-8"
        return response

    @app.errorhandler(UpstreamError)
    def upstream_error(error: UpstreamError) -> Response:
        """The remote store failed, not this server: a gateway's 504 or 502, and no traceback."""
        log.warning("%s %s: %s", request.method, request.path, error)
        gateway = GatewayTimeout if isinstance(error, UpstreamTimeout) else BadGateway
        return http_error(gateway(str(error)))

    @app.errorhandler(formats.NotXml)
    def not_xml(error: formats.NotXml) -> Response:
        """A graph (a page's RDF/XML, a Graph Store's) XML cannot hold: what to ask for instead."""
        return http_error(NotAcceptable(str(error)))

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception) -> Response:
        if isinstance(error, HTTPException):
            return http_error(error)
        log.exception("unhandled error on %s %s", request.method, request.path)
        if isinstance(error, StoreError):
            message = without_store_location(str(error), app.extensions["kg.graph_store"])
        else:
            message = "internal server error (see the server log)"
        return http_error(InternalServerError(message))


def _clipped(message: str) -> str:
    """``message`` cut in the middle past :data:`MAX_ERROR_CHARS`, saying how much is left out: a 404
    echoing a 200,000-character IRI was a 200 KB line."""
    if len(message) <= MAX_ERROR_CHARS:
        return message
    half = (MAX_ERROR_CHARS - 40) // 2
    return f"{message[:half]}…[{len(message) - 2 * half:,} characters left out]…{message[-half:]}"


#: Pages may load scripts, styles, images and fonts from this server only (no CDN is used).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
_WRITE_METHODS = frozenset({"POST", "PUT", "DELETE", "PATCH"})


def _install_request_checks(app: Flask) -> None:
    """Refuse (415, RFC 9110 §8.4) a body in a content coding: no view decodes one, so a
    gzip-compressed query was 'not UTF-8', an RDF body a syntax error and a document a 'binary
    file' failure, none naming the cause."""

    @app.before_request
    def refuse_coded_body() -> None:
        coding = request.headers.get("Content-Encoding", "").strip().lower()
        if coding not in ("", "identity"):
            raise UnsupportedMediaType(f"Content-Encoding {coding!r} is not supported: send the body uncompressed")


def _install_response_hooks(app: Flask) -> None:
    """Headers every response carries, and the write notice query processes depend on."""

    @app.after_request
    def after_request(response: Response) -> Response:
        response.headers["X-Content-Type-Options"] = "nosniff"
        if response.mimetype == "text/html":
            response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        # Before the client hears of a write, queries are told to read the store afresh.
        if request.method in _WRITE_METHODS and response.status_code < 400 and not g.get("kg_read_only"):
            app.extensions["kg.engine"].note_write()
        return response


def _install_cors(app: Flask, origins: tuple[str, ...]) -> None:
    """Cross-origin access for the configured origins ("*" for any), with preflight support."""
    allowed = set(origins)

    @app.after_request
    def add_cors_headers(response: Response) -> Response:
        origin = request.headers.get("Origin")
        if not origin or not ("*" in allowed or origin in allowed):
            return response
        response.headers["Access-Control-Allow-Origin"] = "*" if "*" in allowed else origin
        if "*" not in allowed:
            response.vary.add("Origin")
        response.headers["Access-Control-Expose-Headers"] = "X-KG-Truncated, Location"
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, POST, PUT, DELETE, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "Accept, Authorization, Content-Type"
            response.headers["Access-Control-Max-Age"] = "600"
        return response
