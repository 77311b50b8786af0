"""Blueprint ``ui``: the query page at / (our own HTML, CSS and JS served from the package, so it
works offline; no CDN)."""
from __future__ import annotations

from flask import Blueprint, render_template

from kg.server.examples import EXAMPLES

bp = Blueprint("ui", __name__, static_folder="static", static_url_path="/static", template_folder="templates")


@bp.get("/")
def index():
    return render_template("index.html", examples=EXAMPLES)
