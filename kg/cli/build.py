"""CLI commands over the store: build, query, stats, validate."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
import pyoxigraph as ox

from kg.cli.display import echo_table
from kg.config import store_path
from kg.errors import KgError
from kg.graph.store import PREFIXES, GraphStore
from kg.vocab import ID

store_option = click.option(
    "--store", "store", metavar="PATH", default=None,
    help="Graph store directory (default: $KG_STORE or ./kg-data).",
)


def open_store(option: str | None, *, read_only: bool) -> GraphStore:
    return GraphStore(store_path(option), read_only=read_only)


# -- kg build ------------------------------------------------------------------------------------

@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--link/--no-link", default=True, show_default=True,
              help="Resolve entities against those already in the store (one node per real-world entity).")
@click.option("--json", "as_json", is_flag=True, help="Print the build report as JSON.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Extraction processes (default: $KG_JOBS or every core).")
@click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
              help="Extract on the workers of this Dask scheduler (pip install 'kg[dask]').")
def build(paths: tuple[Path, ...], store: str | None, link: bool, as_json: bool, jobs: int | None,
          scheduler: str | None) -> None:
    """Build the graph from files and folders (txt, md, html, pdf; folders recursively).

    Files already stored (same content) are skipped; a changed file replaces its previous graph.
    Extraction runs in --jobs processes or on a Dask cluster; this process links and stores the
    documents in input order, so the graph is the same either way.
    Exits with status 1 if any file could not be read or extracted.
    """
    from kg.config import BUILD_JOBS
    from kg.executors import executor_for
    from kg.pipeline import build as run_build

    if jobs is not None and scheduler is not None:
        raise KgError("--jobs and --scheduler exclude each other (a cluster's workers set its parallelism)")
    executor = executor_for(jobs or BUILD_JOBS, scheduler)
    try:
        with open_store(store, read_only=False) as graph_store:
            linker = _linker(graph_store) if link else None
            report = run_build(paths, graph_store, executor=executor, linker=linker, progress=sys.stderr.isatty())
    finally:
        executor.close()
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_report(report)
    for failure in report.failed:
        click.echo(f"kg: failed: {failure}", err=True)
    if report.failed:
        sys.exit(1)


def _linker(graph_store: GraphStore):
    from kg.link import Linker

    return Linker(graph_store)


def _print_report(report) -> None:
    rate = report.chars / report.seconds if report.seconds else 0.0
    rows = [
        ("documents", f"{len(report.added)} added, {len(report.replaced)} replaced, "
                      f"{len(report.skipped)} unchanged, {len(report.failed)} failed "
                      f"({report.documents} in store)"),
        *_counts("entities", report.entities),
        *_counts("relations", report.relations),
        ("triples", f"{report.quads} ({report.quads_added:+d})"),
        ("seconds", f"{report.seconds:.2f} ({report.chars} chars, {rate:,.0f} chars/s)"),
    ]
    echo_table(None, rows)


def _counts(title: str, counts: dict[str, int]) -> list[tuple[str, str]]:
    rows = [(f"  {name}", str(n)) for name, n in counts.items()]
    return [(title, str(sum(counts.values()))), *rows]


# -- kg query ------------------------------------------------------------------------------------

FORMATS = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
           "tsv": ox.QueryResultsFormat.TSV}


@click.command()
@click.argument("sparql")
@click.option("--format", "fmt", type=click.Choice(["table", *FORMATS]), default="table",
              show_default=True, help="Output format (CONSTRUCT/DESCRIBE print N-Triples).")
@store_option
def query(sparql: str, fmt: str, store: str | None) -> None:
    """Run a SPARQL query over the union of all documents.

    SPARQL is the query text, `-` to read it from stdin, or @FILE to read it from a file.
    The prefixes kg, rdf, rdfs, xsd, skos, dcterms and prov are predeclared.
    """
    text = _query_text(sparql)
    with open_store(store, read_only=True) as graph_store:
        try:
            result = graph_store.query(text)
        except SyntaxError as err:
            raise KgError(f"invalid SPARQL: {_short(str(err))}") from None
        _print_result(result, fmt)


def _short(message: str, limit: int = 160) -> str:
    """The parser's message on one line, without its list of every token it would accept."""
    message = " ".join(message.split())
    head, found, alternatives = message.partition("expected one of ")
    if found:
        first = alternatives.split(", ")[0]
        message = head + (first if first[:1] not in "\"'[" else "unexpected input")
    return message if len(message) <= limit else message[: limit - 1] + "…"


def _query_text(argument: str) -> str:
    if argument == "-":
        return sys.stdin.read()
    if argument.startswith("@"):
        path = Path(argument[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as err:
            raise KgError(f"{path}: cannot read query: {err.strerror or err}") from None
    return argument


def _print_result(result, fmt: str) -> None:
    if isinstance(result, ox.QueryTriples):
        click.echo(result.serialize(format=ox.RdfFormat.N_TRIPLES), nl=False)
    elif fmt != "table":
        click.echo(result.serialize(format=FORMATS[fmt]), nl=fmt == "json")
    elif isinstance(result, ox.QueryBoolean):
        click.echo("true" if bool(result) else "false")
    else:
        header = [v.value for v in result.variables]
        rows = [tuple(_display(term) for term in solution) for solution in result]
        echo_table(header, rows)
        click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


_DISPLAY_PREFIXES = sorted({**PREFIXES, "id": str(ID)}.items(), key=lambda kv: -len(kv[1]))


def _display(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in _DISPLAY_PREFIXES:
            if term.value.startswith(namespace):
                return f"{prefix}:{term.value[len(namespace):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


# -- kg stats ------------------------------------------------------------------------------------

@click.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(store: str | None, as_json: bool) -> None:
    """Documents, entities by type, relations by type and triples in the store."""
    with open_store(store, read_only=True) as graph_store:
        figures = graph_store.stats()
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    echo_table(None, [
        ("documents", str(figures["documents"])),
        *_counts("entities", figures["entities"]),
        *_counts("relations", figures["relations"]),
        ("triples", str(figures["quads"])),
    ])


# -- kg validate ---------------------------------------------------------------------------------

@click.command()
@store_option
@click.option("--file", "file", type=click.Path(path_type=Path), default=None,
              help="Validate an RDF file (Turtle, N-Triples, N-Quads, TriG, ...) instead of the store.")
def validate(store: str | None, file: Path | None) -> None:
    """Check the graph against the SHACL shapes of ontology/shapes.ttl (exit 1 on violations)."""
    from kg.graph.validate import load_file, validate_graph, validate_store

    if file is not None and store is not None:
        raise KgError("validate takes --store or --file, not both")
    if file is not None:
        report = validate_graph(load_file(file))
        where = str(file)
    else:
        with open_store(store, read_only=True) as graph_store:
            report = validate_store(graph_store.store)
            where = str(graph_store.path)
    for violation in report.violations:
        click.echo(f"violation: {violation}")
    if not report.conforms:
        click.echo(f"{where}: {len(report.violations)} violation(s) in {report.triples} triples", err=True)
        sys.exit(1)
    click.echo(f"{where}: conforms ({report.triples} triples)")


COMMANDS: list[click.Command] = [build, query, stats, validate]
