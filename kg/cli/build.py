"""CLI commands over the store: build, query, stats, validate."""
from __future__ import annotations

import codecs
import json
import sys
from pathlib import Path
from typing import BinaryIO

import click
import pyoxigraph as ox

from kg.cli.display import echo_table, one_line, prefixed_name
from kg.cli.memory_limit import run_within_memory
from kg.cli.option_checks import not_empty_path
from kg.cli.query_errors import describe_syntax_error
from kg.cli.store_options import open_store, store_options
from kg.config import MAX_BUILD_JOBS, QUERY_MEMORY_MB, QueryLimits
from kg.errors import KgError
from kg.graph.store import PREFIXES, GraphStore


# -- kg build ------------------------------------------------------------------------------------

@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(), callback=not_empty_path)
@store_options
@click.option("--link/--no-link", default=True, show_default=True,
              help="Resolve entities against those already in the store (one node per real-world entity).")
@click.option("--json", "as_json", is_flag=True, help="Print the build report as JSON.")
@click.option("--jobs", "-j", type=click.IntRange(min=1, max=MAX_BUILD_JOBS), default=None, metavar="N",
              help="Extraction processes (default: $KG_JOBS or every core).")
@click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
              help="Extract on the workers of this Dask scheduler (pip install 'kg[dask]').")
def build(paths: tuple[Path, ...], store: str | None, store_update: str | None, link: bool, as_json: bool,
          jobs: int | None, scheduler: str | None) -> None:
    """Build the graph from files and folders (txt, md, html, pdf; folders recursively).

    Files already stored (same content) are skipped; a changed file replaces its previous graph.
    Extraction runs in --jobs processes or on a Dask cluster; this process links and stores the
    documents in input order, so the graph is the same either way.
    Exits with status 1 if any file could not be read or extracted; when nothing given can be built (missing
    paths, no supported file) it exits 1 before a store is created.
    """
    from kg.config import BUILD_JOBS
    from kg.executors import executor_for
    from kg.heap import settle
    from kg.pipeline import build as run_build

    if jobs is not None and scheduler is not None:
        raise KgError("--jobs and --scheduler exclude each other (a cluster's workers set its parallelism)")
    _require_buildable(paths)
    executor = executor_for(jobs or BUILD_JOBS, scheduler)
    try:
        with open_store(store, store_update, read_only=False) as graph_store:
            linker = _linker(graph_store) if link else None
            settle()  # the writer's long-lived heap: modules, the store, the linker's name index
            report = run_build(paths, graph_store, executor=executor, linker=linker, progress=sys.stderr.isatty())
    finally:
        executor.close()
    for warning in report.warnings:  # per-file warnings and errors first, the summary last
        click.echo(f"kg: warning: {one_line(str(warning))}", err=True)
    for failure in report.failed:
        click.echo(f"kg: failed: {one_line(str(failure))}", err=True)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_report(report)
    if report.failed:
        sys.exit(1)


def _require_buildable(paths: tuple[Path, ...]) -> None:
    """Refuse, before any store is created, inputs of which nothing can be built: every path
    missing or unreadable, or no file of a supported type under them (a path that cannot be read
    among others is reported with the per-file failures instead)."""
    from kg.errors import InputError
    from kg.ingest import MEDIA_TYPES, iter_inputs

    failures: list[InputError] = []
    if any(path.suffix.lower() in MEDIA_TYPES for path in iter_inputs(paths, on_failure=failures.append)):
        return
    failed = {failure.source for failure in failures}
    existing = [str(path) for path in paths if str(path) not in failed]
    if existing:
        kinds = ", ".join(sorted(set(MEDIA_TYPES)))
        raise KgError(f"no file to build in {', '.join(existing)} (supported: {kinds})")
    if len(failures) == 1:
        raise KgError(f"{failures[0].source}: {failures[0].reason}")
    if all(failure.reason == "no such file or directory" for failure in failures):
        raise KgError(f"none of the {len(paths)} paths exists: {', '.join(map(str, paths))}")
    raise KgError(f"none of the {len(paths)} paths can be read: "
                  + "; ".join(f"{failure.source}: {failure.reason}" for failure in failures))


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
        ("quads", f"{report.quads} ({report.quads_added:+d})"),
        ("seconds", f"{report.seconds:.2f} ({report.chars} chars, {rate:,.0f} chars/s)"),
    ]
    echo_table(None, rows)


def _counts(title: str, counts: dict[str, int]) -> list[tuple[str, str]]:
    rows = [(f"  {name}", str(n)) for name, n in counts.items()]
    return [(title, str(sum(counts.values()))), *rows]


# -- kg query ------------------------------------------------------------------------------------

FORMATS = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
           "tsv": ox.QueryResultsFormat.TSV}


_QUERY_HELP = f"""Run a SPARQL query over the union of all documents.

SPARQL is the query text, `-` to read it from stdin, or @FILE to read it from a file.

\b
Predeclared prefixes (the table output writes IRIs with them):
{chr(10).join(f"  {name}: <{namespace}>" for name, namespace in PREFIXES.items())}
"""


@click.command(help=_QUERY_HELP)
@click.argument("sparql")
@click.option("--format", "fmt", type=click.Choice(["table", *FORMATS]), default="table",
              show_default=True, help="Output format (CONSTRUCT/DESCRIBE print N-Triples).")
@store_options
def query(sparql: str, fmt: str, store: str | None, store_update: str | None) -> None:
    from kg.sparql.limits import QueryTooComplex, check_complexity  # its lexer's patterns: not a build's

    text = _query_text(sparql)
    try:
        check_complexity(text)
    except QueryTooComplex as err:
        raise KgError(f"query refused: {err}") from None
    # in a process of its own under the query processes' memory limit, as kg serve runs queries
    run_within_memory(lambda: _run_query(text, fmt, store, store_update), QUERY_MEMORY_MB, "query")


def _run_query(text: str, fmt: str, store: str | None, store_update: str | None) -> None:
    with open_store(store, store_update, read_only=True) as graph_store:
        try:
            result = graph_store.query(text)
            _print_result(result, fmt)  # solutions are evaluated as they are printed
        except SyntaxError as err:
            raise KgError(f"invalid SPARQL at {describe_syntax_error(text, str(err), PREFIXES)}") from None
        except BrokenPipeError:
            raise  # `kg query … | head`: click ends quietly
        except OSError as err:  # pyoxigraph's evaluation errors: a SERVICE it could not reach, …
            raise KgError(f"query failed: {' '.join(str(err).split())}") from None


def _query_text(argument: str) -> str:
    if argument == "-":
        return _read_query(sys.stdin.buffer, "stdin")
    if argument.startswith("@"):
        if argument == "@":
            raise KgError("give the query's file after the @ (@FILE reads the query from FILE)")
        path = Path(argument[1:])
        try:
            with path.open("rb") as stream:
                return _read_query(stream, str(path))
        except OSError as err:
            raise KgError(f"{path}: cannot read query: {err.strerror or err}") from None
    return argument


def _read_query(stream: BinaryIO, where: str) -> str:
    """The query ``stream`` holds, read no further than the longest query kg runs: @/dev/zero was
    read until the memory ran out (the process killed), a 50 MB stdin whole before it was refused."""
    longest = QueryLimits().max_chars
    most = 4 * longest + len(codecs.BOM_UTF8)  # UTF-8 takes up to 4 bytes a character
    data = stream.read(most + 1)
    if len(data) > most:
        raise KgError(f"query refused: {where} holds more than {most:,} bytes; a SPARQL text has at most "
                      f"{longest:,} characters")
    return _decoded(data, where)


def _decoded(data: bytes, where: str) -> str:
    """A query file's or stdin's bytes as text: SPARQL is UTF-8; the byte-order mark an editor may
    put first is no part of the query (it read as a syntax error at an invisible character)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise KgError(f"{where}: cannot read query: not UTF-8 text (byte {err.start} is "
                      f"0x{data[err.start]:02x})") from None


def _print_result(result, fmt: str) -> None:
    if not isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):  # triples: local or parsed from a server
        click.echo((ox.serialize(result, format=ox.RdfFormat.N_TRIPLES) or b"").decode(), nl=False)
    elif fmt != "table":
        click.echo(result.serialize(format=FORMATS[fmt]), nl=fmt == "json")
    elif isinstance(result, ox.QueryBoolean):
        click.echo("true" if bool(result) else "false")
    else:
        header = [v.value for v in result.variables]
        rows = [tuple(_display(term) for term in solution) for solution in result]
        echo_table(header, rows)
        click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


def _display(term) -> str:
    """A term as a table cell: escaped onto one line, since a label may hold a line break or a
    terminal's escape sequence (\\x1b[2J) from whatever wrote the store (the JSON, CSV and TSV
    formats keep every character)."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return one_line(prefixed_name(term.value))
    if isinstance(term, ox.Literal):
        return one_line(term.value)
    return one_line(str(term))


# -- kg stats ------------------------------------------------------------------------------------

@click.command()
@store_options
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(store: str | None, store_update: str | None, as_json: bool) -> None:
    """Documents, entities by type, relations by type and quads in the store.

    \b
    entities   distinct nodes of each type
    relations  distinct (head, relation, tail) triples of each relation
    quads      statements stored, counted once per graph holding them (a fact stated by
               three documents counts three times); `kg validate` counts distinct triples
    """
    with open_store(store, store_update, read_only=True) as graph_store:
        figures = graph_store.stats()
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    echo_table(None, [
        ("documents", str(figures["documents"])),
        *_counts("entities", figures["entities"]),
        *_counts("relations", figures["relations"]),
        ("quads", str(figures["quads"])),
    ])


# -- kg validate ---------------------------------------------------------------------------------

@click.command()
@store_options
@click.option("--file", "file", type=click.Path(), default=None, callback=not_empty_path,
              help="Validate an RDF file (Turtle, N-Triples, N-Quads, TriG, ...) instead of the store.")
def validate(store: str | None, store_update: str | None, file: Path | None) -> None:
    """Check the graph against the SHACL shapes of ontology/shapes.ttl, and that every literal of the
    datatypes kg writes holds a valid value and none a control character (exit 1 on a finding).

    The store's graphs are validated merged into one: the count printed is of distinct triples
    (`kg stats` counts quads, once per graph holding a statement).
    """
    from kg.graph.validate import load_file, validate_store

    if file is not None and store is not None:
        raise KgError("validate takes --store or --file, not both")
    if file is not None:
        report = validate_store(load_file(file))
        where = str(file)
    else:
        with open_store(store, store_update, read_only=True) as graph_store:
            report = validate_store(graph_store.store)
            where = graph_store.location
    for violation in report.violations:
        click.echo(f"violation: {violation}")
    for finding in report.literals:
        click.echo(f"literal: {finding}, e.g.:")
        for example in finding.examples:
            click.echo(f"  {example}")
    if not report.conforms:
        ill_typed = sum(finding.count for finding in report.literals)
        click.echo(f"{where}: {len(report.violations)} violation(s) and {ill_typed} bad literal(s) in "
                   f"{report.triples} distinct triples", err=True)
        sys.exit(1)
    click.echo(f"{where}: conforms ({report.triples} distinct triples)")


COMMANDS: list[click.Command] = [build, query, stats, validate]
