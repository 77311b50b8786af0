"""CLI commands: ``kg link`` (add documents to the graph, reporting how each entity was linked),
``kg remove`` (take a document's contribution out again) and ``kg unmerge`` (undo a wrong merge)."""
from __future__ import annotations

import json

import click

from kg.cli.display import echo_table, one_line, prefixed_name
from kg.cli.option_checks import not_empty
from kg.cli.store_options import open_store, store_options
from kg.errors import KgError

@click.command("link")
@click.argument("files", nargs=-1, required=True, type=click.Path(), callback=not_empty)
@click.option("--dry-run", is_flag=True, help="Report how the files would link; write nothing.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format of the linking report.")
@store_options
def link_command(files: tuple[str, ...], dry_run: bool, fmt: str, store: str | None, store_update: str | None) -> None:
    """Add FILES to the graph, linking their entities to the nodes already there.

    Prints, per document, every extracted entity with the node it now belongs to, how it was
    linked (exact, alias, abbreviation, hierarchy, fuzzy, new) and a score; then totals.
    """
    from kg.link import Linker
    from kg.link.service import link_files

    with open_store(store, store_update, read_only=dry_run, empty_if_missing=dry_run) as graph_store:
        linker = Linker(graph_store, dry_run=dry_run)
        report = link_files(files, graph_store, linker)
    if fmt == "json":
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        _print_table(report)
    for source, reason in report.warnings:
        click.echo(f"kg: warning: {one_line(source)}: {reason}", err=True)
    for source, reason in report.failed:
        click.echo(f"kg: error: {one_line(f'{source}: {reason}')}", err=True)
    if not report.ok:
        raise click.exceptions.Exit(1)


def _print_table(report) -> None:
    """Per document, its entities in columns aligned by display width (CJK names count double)."""
    for document in report.documents:
        click.echo(f"{document.source}  {document.graph}")
        rows = [(e.name, e.type, e.method, f"{e.score:.2f}", ("new " if e.new else "") + prefixed_name(e.id))
                for e in document.entities]
        echo_table(["entity", "type", "linked by", "score", "node"], rows, indent=2)
        click.echo(f"  relations added: {document.relations_added}")
    for source in report.unchanged:
        click.echo(f"{source}  unchanged (already in the store)")
    totals = report.totals()
    prefix = "would link" if report.dry_run else "linked"
    click.echo(f"{prefix}: {totals['linked']} to existing nodes, {totals['new']} new, "
               f"{totals['relations_added']} relations added"
               f"{' (dry run: store untouched)' if report.dry_run else ''}")


@click.command("remove")
@click.argument("targets", nargs=-1, required=True)
@store_options
def remove_command(targets: tuple[str, ...], store: str | None, store_update: str | None) -> None:
    """Remove documents (by FILE path, document IRI or SHA256) and all they contributed."""
    from kg.link.service import find_document, remove_documents

    with open_store(store, store_update, read_only=False) as graph_store:
        graphs = [find_document(graph_store, target) for target in targets]  # all or nothing
        for target, graph, removed in zip(targets, graphs, remove_documents(graph_store, graphs)):
            click.echo(f"removed {target}: {removed} statements ({graph})")


@click.command("unmerge")
@click.argument("alias")
@click.option("--from", "entity", required=True,
              help="The node the alias was wrongly merged into: its IRI or its name.")
@store_options
def unmerge_command(alias: str, entity: str, store: str | None, store_update: str | None) -> None:
    """Split ALIAS off a node it was wrongly merged into, and keep them apart from now on."""
    from kg.link import Linker, resolve_name, unmerge

    with open_store(store, store_update, read_only=False) as graph_store:
        linker = Linker(graph_store)
        iri = entity if "://" in entity else resolve_name(graph_store, entity, linker=linker)
        if iri is None:
            raise KgError(f"no node named {entity!r} in the store")
        done = unmerge(graph_store, alias, iri, linker=linker)
    click.echo(f"split {alias!r} off {done.source}: now {done.node} ({done.mentions} mentions, "
               f"{done.relations} relation statements in {done.graphs} documents moved)")


COMMANDS: list[click.Command] = [link_command, remove_command, unmerge_command]
