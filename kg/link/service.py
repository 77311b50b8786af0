"""Linking files into a store and removing documents: the operations behind ``kg link``,
``kg remove`` and ``POST /documents``, shared so the CLI and the server report the same JSON."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError, KgError, one_line_reason
from kg.graph.store import GraphStore
from kg.link.linker import DocumentLinks, Linker
from kg.model import Extraction
from kg.paths import resolved
from kg.vocab import ID, document_iri

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class LinkReport:
    """Per-document linking reports, the files that failed, and the totals."""

    documents: list[DocumentLinks] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # files whose content is already stored
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (file, what reading it dropped)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed

    def totals(self) -> dict:
        return {
            "linked": sum(d.linked for d in self.documents),
            "new": sum(d.new for d in self.documents),
            "relations_added": sum(d.relations_added for d in self.documents),
        }

    def to_json(self) -> dict:
        return {
            "documents": [d.to_json() for d in self.documents],
            "totals": self.totals(),
            "unchanged": self.unchanged,
            "failed": [{"source": s, "reason": r} for s, r in self.failed],
            "warnings": [{"source": s, "reason": r} for s, r in self.warnings],
            "dry_run": self.dry_run,
        }


class _Recorder:
    """A linker that keeps the report of every document the pipeline links."""

    def __init__(self, linker: Linker) -> None:
        self.linker = linker
        self.reports: list[DocumentLinks] = []

    def link(self, extraction: Extraction) -> DocumentLinks:
        report = self.linker.link(extraction)
        self.reports.append(report)
        return report


def link_files(paths, graph_store: GraphStore, linker: Linker, *, extractor=None) -> LinkReport:
    """Link and store ``paths`` (files or folders) with the build pipeline; with a dry-run
    linker, read, extract and link only: the store is not written."""
    if linker.dry_run:
        return _dry_run(paths, graph_store, linker, extractor)
    from kg.pipeline import build

    recorder = _Recorder(linker)
    try:
        built = build(paths, graph_store, extractor=extractor, linker=recorder, summary=False)
    finally:  # index the last document too, and forget what replaced or unwritten ones brought
        linker.index.sync()
    stored = {str(Path(p).resolve()) for p in (*built.added, *built.replaced)}
    report = LinkReport(
        documents=[d for d in recorder.reports if d.path in stored],
        unchanged=[Path(p).name for p in built.skipped],
        failed=[(f.source, f.reason) for f in built.failed],
        warnings=[(w.source, w.reason) for w in built.warnings],
    )
    return report


def _dry_run(paths, graph_store: GraphStore, linker: Linker, extractor) -> LinkReport:
    from kg.extract import Extractor
    from kg.ingest import iter_inputs, read_document

    report = LinkReport(dry_run=True)
    extractor = extractor or Extractor()
    for path in paths:
        try:
            files = list(iter_inputs([path], on_skip=lambda link, why: report.warnings.append((str(link), why))))
        except InputError as err:
            report.failed.append((err.source, err.reason))
            continue
        for file in files:
            try:
                document = read_document(file)
            except InputError as err:
                report.failed.append((err.source, err.reason))
                continue
            except OSError as err:
                report.failed.append((str(file), err.strerror or str(err)))
                continue
            if graph_store.has_document(document_iri(document.sha256)):
                report.unchanged.append(document.source)
                continue
            try:
                extraction = extractor.extract(document)
            except Exception as err:  # noqa: BLE001 — one document never stops the others, as in a build
                report.failed.append((document.source, f"cannot extract: {one_line_reason(err)}"))
                continue
            report.documents.append(linker.link(extraction))
            report.warnings += [(document.source, note) for note in document.notes]
    return report


def remove_documents(graph_store: GraphStore, graphs: list[str], linker: Linker | None = None) -> list[int]:
    """Remove these document graphs and all they contributed; returns the quads each removed."""
    linker = linker or Linker(graph_store)
    removed = [graph_store.remove_document(graph) for graph in graphs]
    linker.index.sync()
    return removed


def find_document(graph_store: GraphStore, target: str) -> str:
    """The document graph ``target`` names: a stored file's path, a document IRI or a sha256."""
    if target.startswith(str(ID)):
        iri = target
    elif _SHA256.match(target.lower()):
        iri = document_iri(target.lower())
    else:
        iri = graph_store.document_for_path(str(resolved(Path(target))))
        if iri is None:
            raise KgError(f"{target}: no document stored for this file (give its path as it was "
                          "built, its document IRI or its sha256)")
    if not graph_store.has_document(iri):
        raise KgError(f"{target}: no such document in the store")
    return iri
