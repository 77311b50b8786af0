"""CLI command: ``kg export`` — GraphML/GEXF for Gephi, or RDF, of the whole graph or a filtered part."""
from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

import click

from kg.cli.option_checks import not_empty
from kg.cli.store_options import open_store, store_options
from kg.config import DEFAULT_EXPORT_DIR
from kg.errors import KgError
from kg.paths import resolved
from kg.export import FORMATS, export, file_name, make_filter


@click.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(list(FORMATS), case_sensitive=False))
@click.option("--out", "out", metavar="PATH", default=None, callback=not_empty,
              help=f"Output file, a folder, or '-' for stdout [default: {DEFAULT_EXPORT_DIR}/kg.<ext>].")
@store_options
@click.option("--types", multiple=True, metavar="TYPE[,TYPE]",
              help="Only entities of these types (Policy, Region, Enterprise, Industry, Organization).")
@click.option("--relations", multiple=True, metavar="REL[,REL]",
              help="Only these relations (issued_by, targets, applies_to, located_in, operates_in, develops, part_of).")
@click.option("--document", "documents", multiple=True, metavar="DOC",
              help="Only what these documents state (document IRI, sha256 or source file name; repeatable).")
@click.option("--min-confidence", type=float, default=None,
              help="Only relations whose best evidence has at least this confidence (0..1).")
@click.option("--around", metavar="ENTITY", default=None,
              help="Only the ego network of ENTITY (an IRI, or a name as `kg link` resolves names).")
@click.option("--hops", type=int, default=None, help="Radius of --around in edges [default: 1].")
@click.option("--min-degree", type=int, default=None, help="Drop nodes with fewer edges than this.")
@click.option("--largest-component", is_flag=True, help="Keep only the largest connected component.")
@click.option("--with-documents", is_flag=True,
              help="Add document nodes and entity→document 'mentioned_in' edges (GraphML/GEXF).")
@click.option("--with-targets", is_flag=True,
              help="Add stated figures (targets, reported values) as nodes with figure_of/stated_in edges (GraphML/GEXF).")
def export_command(fmt: str, out: str | None, store: str | None, store_update: str | None, types, relations, documents,
                   min_confidence, around, hops, min_degree, largest_component, with_documents,
                   with_targets) -> None:
    """Export the graph as FORMAT: graphml or gexf (open in Gephi), turtle, nquads or jsonld.

    Nodes are entities (id = IRI; label, type, aliases, documents, degree, colour r/g/b and size by
    type/degree; policies also number, date, kind, level, period_start, period_end); edges are relations (label, relation, weight = supporting documents, confidence =
    best evidence). The file is written to a temporary name and renamed when complete.
    """
    flt = make_filter(types=types, relations=relations, documents=documents,
                      min_confidence=min_confidence, around=around, hops=hops, min_degree=min_degree,
                      largest_component=largest_component, with_documents=with_documents,
                      with_targets=with_targets)
    target = _target(out, fmt)
    with open_store(store, store_update, read_only=True) as graph_store:
        chunks = export(graph_store, fmt, flt)  # resolves the filter: errors before any write
        if target is None:
            for chunk in chunks:
                sys.stdout.buffer.write(chunk)
            sys.stdout.buffer.flush()
        else:
            written = _write(target, chunks)
    if chunks.unwritable:
        click.echo(f"kg: warning: {chunks.unwritable} character(s) XML 1.0 cannot hold written _xHHHH_ "
                   "(their code point in hex; a comment ends the file)", err=True)
    if target is not None:
        click.echo(f"kg: wrote {target} ({written:,} bytes)", err=True)


def _target(out: str | None, fmt: str) -> Path | None:
    if out == "-":
        return None
    path = Path(out) if out else Path(DEFAULT_EXPORT_DIR)
    if out is None:
        path.mkdir(exist_ok=True)  # the default folder ships with the repository; recreate it if gone
    if out is None or path.is_dir() or out.endswith(os.sep):
        path = path / file_name(fmt)
    if not path.parent.is_dir():
        raise KgError(f"{path.parent}: no such folder for --out")
    if path.is_file() and _read_only(path):
        raise KgError(f"cannot write {path}: Permission denied (a read-only file, mode "
                      f"{stat.S_IMODE(path.stat().st_mode):04o}: make it writable or give another --out)")
    return path


def _read_only(path: Path) -> bool:
    """Whether the file ``path`` (a link: its target) may not be written. The export is renamed
    over it, which needs no right on the file itself: a mode 444 or 000 file was replaced by a
    new one of other permissions. Writing to it is checked instead, and a file whose mode grants
    writing to no one counts as write-protected even for root (as ``rm`` asks before removing one),
    whom ``os.access`` lets write anything."""
    return not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222


def _write(target: Path, chunks) -> int:
    """Write the export to ``target``: a file through a temporary one renamed over it (into the
    file a link names, the link kept); a device or a named pipe (/dev/stdout) as a stream, since a
    rename would replace the node itself."""
    if target.exists() and not target.is_file():
        try:
            with target.open("wb") as handle:
                return sum(handle.write(chunk) for chunk in chunks)
        except OSError as err:
            raise KgError(f"cannot write {target}: {err.strerror or err}") from None
    return _write_atomically(resolved(target) if target.is_symlink() else target, chunks)


def _write_atomically(target: Path, chunks) -> int:
    """Write to ``target`` through a temporary file, so a failed export never leaves half a file."""
    partial = target.with_name(f".{target.name}.partial")
    written = 0
    try:
        with partial.open("wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
                written += len(chunk)
        if target.is_file():  # the file replaced keeps its permissions
            shutil.copymode(target, partial)
        partial.replace(target)
    except OSError as err:
        raise KgError(f"cannot write {target}: {err.strerror or err}") from None
    finally:
        partial.unlink(missing_ok=True)
    return written


COMMANDS: list[click.Command] = [export_command]
