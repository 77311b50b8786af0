"""RDF graph building, the Oxigraph store and SHACL validation."""
from kg.graph.store import GraphStore

__all__ = ["GraphStore"]
