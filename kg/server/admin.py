"""Blueprint ``admin``: liveness (/health) and graph statistics (/stats) as JSON."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify

bp = Blueprint("admin", __name__)


@bp.get("/health")
def health():
    """Cheap liveness probe: the store answers a trivial query."""
    engine = current_app.extensions["kg.engine"]
    engine.store.query("ASK {}")
    return jsonify(status="ok")


@bp.get("/stats")
def stats():
    """Documents, entities by type, relations by type and quads (``GraphStore.stats()``)."""
    return jsonify(current_app.extensions["kg.graph_store"].stats())
