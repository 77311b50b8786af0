"""SHACL validation of the graph against ``ontology/shapes.ttl`` with pySHACL, and a check of its literals.

The union of all document graphs is validated as one rdflib graph: that is the graph queries see,
and an entity described by several documents is judged on its merged description. Literals are
checked by SPARQL queries the store answers (:func:`literal_findings`): a store built by an older kg
may hold an ill-typed literal, which SHACL only sees where a shape names the datatype.
"""
from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import SH

from kg.config import ONTOLOGY_DIR
from kg.errors import KgError
from kg.graph.chunked import complete_dataset, visible_quads
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


@dataclass(frozen=True)
class LiteralFinding:
    """How many literals of the graph have one problem, and a few of their triples."""
    problem: str
    count: int
    examples: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.count} literal(s) {self.problem}"


@dataclass
class ValidationReport:
    conforms: bool
    triples: int
    violations: list[Violation] = field(default_factory=list)
    literals: list[LiteralFinding] = field(default_factory=list)


def union_graph(store: ox.Store) -> Graph:
    """All triples of all complete graphs of ``store`` as one rdflib graph (duplicates merged)."""
    # Dropping graph names turns the quads into N-Triples, which rdflib parses line by line.
    data = "".join(f"{_rdf_1_1(quad.triple)} .\n" for quad in visible_quads(store))
    with _quiet_literal_conversions():
        return Graph().parse(data=data, format="nt")


@contextmanager
def _quiet_literal_conversions() -> Iterator[None]:
    """rdflib logs a traceback for each literal it cannot give a Python value ("2021-13-45"^^xsd:date)
    and warns of a boolean neither true nor false: :func:`literal_findings` reports those literals, a
    line each, so while rdflib parses its conversion logger only speaks of errors."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=UserWarning, module="rdflib.term")
            yield
    finally:
        logger.setLevel(level)


def _rdf_1_1(triple: ox.Triple) -> ox.Triple:
    """``triple``, or a KgError if it holds what RDF 1.2 added (a triple term, a literal's base
    direction): rdflib, which pySHACL validates with, reads neither, and failed on such a file or
    store as 'ParserError: Invalid line: …' after a warning of its own."""
    for term in (triple.subject, triple.object):
        if isinstance(term, ox.Triple) or isinstance(term, ox.Literal) and term.direction is not None:
            raise KgError(f"cannot validate {triple}: triple terms and base directions (RDF 1.2) are beyond "
                          "the SHACL validator (rdflib)")
    return triple


def load_file(path: str | Path) -> ox.Store:
    """An RDF file in a store in memory (format guessed from its extension)."""
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
    return store


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
    """The SHACL report on the union of the store's graphs, with the findings on its literals."""
    report = validate_graph(union_graph(store))
    report.literals = literal_findings(store)
    report.conforms = report.conforms and not report.literals
    return report


_XSD = "http://www.w3.org/2001/XMLSchema#"
#: The datatypes kg writes (and xsd:double, a number an update may add), each with what its text must
#: be besides a value of its type, said and checked: a year kg states has four digits (a longer one,
#: valid in XML Schema, is a misread number). The value is Oxigraph's cast: it keeps the text of a
#: literal that holds no value as given ("Infinity"^^xsd:decimal from a float's overflow,
#: "2021-13-45"^^xsd:date), which every comparison, sort and cast then fails on; its integers are
#: 64-bit, its decimals within ±1.7e20 to 18 places, so a decimal is also valid by its text: kg writes a
#: figure's value with every digit stated (12345678901234567890123.5亿元), which Oxigraph keeps as text.
TYPED_LITERALS = {
    "decimal": ("", r'&& !REGEX(STR(?o), "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$")'), "integer": ("", ""), "date": ("", ""), "dateTime": ("", ""), "double": ("", ""),
    "boolean": ("", ""), "gYear": (" of four digits", r'|| !REGEX(STR(?o), "^-?[0-9]{4}(Z|[+-][0-9]{2}:[0-9]{2})?$")'),
}
#: Controls no text shows, but tab and line breaks (the normaliser drops them from text since): XML
#: 1.0 holds none of C0's, so an RDF/XML or GraphML export of such a literal is no XML.
_CONTROL = r"[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x84\\x86-\\x9F]"
EXAMPLES = 3
_EXAMPLE_CHARS = 200


def literal_findings(store: ox.Store) -> list[LiteralFinding]:
    """The ill-typed literals of ``store``'s complete graphs, datatype by datatype, and those holding a
    control character: one query each, its solutions counted as they stream (the store is never read
    into Python whole)."""
    options = complete_dataset(store)
    checks = [(f"of xsd:{name} holding no valid xsd:{name}{what}",
               f"FILTER(isLiteral(?o) && DATATYPE(?o) = <{_XSD}{name}>) "
               f"BIND(<{_XSD}{name}>(STR(?o)) AS ?value) FILTER(!BOUND(?value) {extra})")
              for name, (what, extra) in TYPED_LITERALS.items()]
    checks.append(("holding a control character", f'FILTER(isLiteral(?o) && REGEX(STR(?o), "{_CONTROL}"))'))
    findings = []
    for problem, condition in checks:
        count, examples = 0, []
        for solution in store.query(f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o {condition} }}", **options):
            count += 1
            if len(examples) < EXAMPLES:
                example = str(ox.Triple(solution["s"], solution["p"], solution["o"]))
                examples.append(example if len(example) <= _EXAMPLE_CHARS else example[:_EXAMPLE_CHARS] + "…")
        if count:
            findings.append(LiteralFinding(problem, count, tuple(examples)))
    return findings
