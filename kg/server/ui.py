"""Blueprint ``ui``: the query page at / — a SPARQL editor (CodeMirror, vendored under
static/vendor), results with entity labels linked to their pages, downloads, exports and document
upload. Every asset is served from the package: no CDN, nothing leaves the machine."""
from __future__ import annotations

from flask import Blueprint, render_template

from kg.export import FORMATS
from kg.model import RELATION_TYPES
from kg.server.examples import EXAMPLE_TITLES, EXAMPLES

bp = Blueprint("ui", __name__, static_folder="static", static_url_path="/static", template_folder="templates")


@bp.get("/")
def index():
    return render_template("index.html", examples=EXAMPLES, titles=EXAMPLE_TITLES, export_formats=list(FORMATS),
                           relation_types=RELATION_TYPES)
