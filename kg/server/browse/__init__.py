"""Browsing the graph in a web browser: search, entity and document pages at the local paths of
their IRIs (with content negotiation for linked-data clients), the evidence behind every fact and
a neighbourhood graph. Read models live one per concern beside the blueprint (:mod:`.views`)."""
from kg.server.browse.views import bp

__all__ = ["bp"]
