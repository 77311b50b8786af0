"""SHACL validation of the graph against ``ontology/shapes.ttl`` with pySHACL.

The union of all document graphs is validated as one rdflib graph: that is the graph queries see,
and an entity described by several documents is judged on its merged description.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import SH

from kg.config import ONTOLOGY_DIR
from kg.errors import KgError
from kg.graph.chunked import visible_quads
from kg.graph.rdf_input import UnsafeRdf, check_rdf_input

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    shape: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.focus}{where}: {self.message}"


@dataclass
class ValidationReport:
    conforms: bool
    triples: int
    violations: list[Violation] = field(default_factory=list)


def union_graph(store: ox.Store) -> Graph:
    """All triples of all complete graphs of ``store`` as one rdflib graph (duplicates merged)."""
    # Dropping graph names turns the quads into N-Triples, which rdflib parses line by line.
    return Graph().parse(data="".join(f"{_rdf_1_1(quad.triple)} .\n" for quad in visible_quads(store)), format="nt")


def _rdf_1_1(triple: ox.Triple) -> ox.Triple:
    """``triple``, or a KgError if it holds what RDF 1.2 added (a triple term, a literal's base
    direction): rdflib, which pySHACL validates with, reads neither, and failed on such a file or
    store as 'ParserError: Invalid line: …' after a warning of its own."""
    for term in (triple.subject, triple.object):
        if isinstance(term, ox.Triple) or isinstance(term, ox.Literal) and term.direction is not None:
            raise KgError(f"cannot validate {triple}: triple terms and base directions (RDF 1.2) are beyond "
                          "the SHACL validator (rdflib)")
    return triple


def load_file(path: str | Path) -> Graph:
    """An RDF file (format guessed from its extension; the graphs of a dataset are merged)."""
    path = Path(path)
    if path.is_dir():
        raise KgError(f"{path}: is a folder; --file takes one RDF file (validate a store with --store)")
    if path.exists() and not path.is_file():  # read to its end: /dev/zero never has one
        raise KgError(f"{path}: not a regular file (a device or a pipe); --file takes one RDF file")
    if not path.is_file():
        raise KgError(f"{path}: no such file")
    store = ox.Store()
    try:
        rdf_format = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
        if rdf_format is not None:
            check_rdf_input(path.read_bytes(), rdf_format)
        store.load(path=str(path))
    except (SyntaxError, ValueError, OSError, UnsafeRdf) as err:
        raise KgError(f"{path}: cannot read RDF: {err}") from None
    return union_graph(store)


def shapes_graph(path: Path = SHAPES_FILE) -> Graph:
    return Graph().parse(path, format="turtle")


def validate_graph(data: Graph, *, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``data`` against our shapes (no inference: the builder writes explicit types)."""
    conforms, results, _text = shacl_validate(
        data,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    violations = sorted(
        {
            Violation(
                focus=str(results.value(result, SH.focusNode)),
                path=str(results.value(result, SH.resultPath) or ""),
                message=str(results.value(result, SH.resultMessage) or ""),
                shape=str(results.value(result, SH.sourceShape) or ""),
            )
            for result in results.subjects(SH.resultSeverity, SH.Violation)
        },
        key=lambda v: (v.focus, v.path, v.message),
    )
    return ValidationReport(conforms=bool(conforms), triples=len(data), violations=violations)


def validate_store(store: ox.Store) -> ValidationReport:
    return validate_graph(union_graph(store))
