"""Blueprint: ``GET /export/<format>`` — the same exports and filters as ``kg export``, streamed.

Query parameters mirror the CLI options: ``types``, ``relations`` (comma-separated or repeated),
``document`` (repeated), ``min_confidence``, ``around``, ``hops``, ``min_degree``,
``largest_component``, ``with_documents``, ``with_targets`` (``min-confidence`` style names are accepted too);
each but the lists once (:mod:`kg.server.params`).
"""
from __future__ import annotations

from flask import Blueprint, Response, current_app, stream_with_context
from werkzeug.exceptions import BadRequest, NotFound

from kg.errors import KgError, StoreError
from kg.export import FORMATS, export, file_name, make_filter, media_type
from kg.server.params import flag, many, one

bp = Blueprint("export", __name__)


def _arg(name: str) -> str | None:
    return one(name, name.replace("_", "-"))


def _list(name: str) -> list[str]:
    return many(name, name.replace("_", "-"))


def _flag(name: str) -> bool:
    return flag(name, name.replace("_", "-"))


@bp.get("/export/<fmt>")
def export_graph(fmt: str) -> Response:
    if fmt.lower() not in FORMATS:
        raise NotFound(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    graph_store = current_app.extensions["kg.graph_store"]
    try:
        flt = make_filter(
            types=_list("types"), relations=_list("relations"), documents=_list("document"),
            min_confidence=_arg("min_confidence"), around=_arg("around"), hops=_arg("hops"),
            min_degree=_arg("min_degree"), largest_component=_flag("largest_component"),
            with_documents=_flag("with_documents"), with_targets=_flag("with_targets"),
        )
        chunks = export(graph_store, fmt, flt)  # resolves the filter before the response starts
        # Pull the first chunk now, so a bad filter is a 400, not a broken 200 stream.
        first = next(chunks, b"")
    except StoreError:
        raise  # the store failed, not the filter
    except KgError as err:
        raise BadRequest(str(err)) from None

    def body():
        yield first
        yield from chunks

    name = file_name(fmt)
    return Response(
        stream_with_context(body()),
        content_type=f"{media_type(fmt)}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
