"""The build pipeline: files → documents → extractions → [linking] → document graphs in the store.

Each document is stored whole or not at all (new ones several per bulk load, hidden until whole:
:meth:`~kg.graph.store.GraphStore.queue_document`), so an interrupted or failing batch leaves every
document either fully stored or absent. A file whose content (sha256) is already stored is skipped
before it is even normalised, which makes a rebuild of the same files a no-op; a file whose content
changed replaces the graph of its previous version in the same transaction that adds the new one.
A file that cannot be read, or that extraction or linking fails on, is reported and the batch
goes on; an error of the store is an environment problem and stops the batch (documents written so
far stay), unless another client wiped a document's graph under its write (that document fails).
Extraction may run elsewhere (:mod:`kg.executors`: worker processes, a Dask cluster); linking and
writing are always done here, one document after the other in input order.
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol

from tqdm import tqdm

from kg.errors import InputError, WriteInterrupted, one_line_reason
from kg.executors import Executor, InProcess, SourceFile
from kg.executors.unit import ExtractorLike
from kg.graph.builder import iter_extraction_quads
from kg.graph.store import GraphStore
from kg.model import Extraction
from kg.vocab import document_iri


class LinkerLike(Protocol):
    def link(self, extraction: Extraction) -> object: ...


@dataclass(frozen=True)
class Failure:
    """A file and why it failed, or, among a report's warnings, what reading it dropped."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class BuildReport:
    """What one build did. Entity, relation and quad figures describe the whole store after it."""

    added: list[str] = field(default_factory=list)  # paths
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    warnings: list[Failure] = field(default_factory=list)  # of documents stored all the same
    entities: dict[str, int] = field(default_factory=dict)
    relations: dict[str, int] = field(default_factory=dict)
    documents: int = 0  # stored after the build
    quads: int = 0  # stored after the build
    quads_added: int = 0  # net change (negative when replacements shrank documents)
    chars: int = 0  # normalised characters of the documents processed (not skipped)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_json(self) -> dict:
        return {
            "added": self.added, "replaced": self.replaced, "skipped": self.skipped,
            "failed": [{"source": f.source, "reason": f.reason} for f in self.failed],
            "warnings": [{"source": w.source, "reason": w.reason} for w in self.warnings],
            "documents": self.documents, "entities": self.entities, "relations": self.relations,
            "quads": self.quads, "quads_added": self.quads_added, "chars": self.chars,
            "seconds": round(self.seconds, 3),
        }


def build(
    paths: Iterable[str | Path],
    graph_store: GraphStore,
    *,
    extractor: ExtractorLike | None = None,
    executor: Executor | None = None,
    linker: LinkerLike | None = None,
    progress: bool = False,
    summary: bool = True,
) -> BuildReport:
    """Read, extract, optionally link, and store every input file under ``paths``.

    Extraction runs on ``executor`` (default: in this process, with ``extractor``); whichever it
    is, this process links and writes the documents in input order, so the graph is the same.
    Without ``summary`` the report's store-wide figures (documents, entities, relations, quads)
    are left at zero: counting them scans the whole store, which ``kg link`` does not print.
    """
    started = time.perf_counter()
    report = BuildReport()
    quads_before = graph_store.quad_count() if summary else 0
    files = _collect_inputs(paths, report, store_folder=graph_store.path)
    executor = executor or InProcess(extractor)
    with tqdm(total=len(files), desc="kg build", unit="doc", disable=not progress, leave=False) as bar:
        for source, outcome in executor.run(_new_sources(files, graph_store, report, bar)):
            bar.update()
            if outcome.extraction is None:
                report.failed.append(Failure(source.path, outcome.failure or "not extracted"))
                continue
            if graph_store.has_document(document_iri(source.sha256)):  # its twin came earlier in this batch
                report.skipped.append(source.path)
                continue
            extraction = outcome.extraction
            if linker is not None:
                try:
                    linker.link(extraction)
                except Exception as err:  # noqa: BLE001 — one document never stops the others
                    report.failed.append(Failure(source.path, f"cannot link: {one_line_reason(err)}"))
                    continue
            document = extraction.document
            previous = graph_store.documents_for_path(document.path)
            quads = iter_extraction_quads(extraction, ingested_at=_now())  # streamed to the store
            try:
                graph_store.queue_document(document_iri(document.sha256), quads, replaces=previous)
            except WriteInterrupted as err:  # the store works: the other documents go on
                report.failed.append(Failure(source.path, f"cannot store: {err}"))
                continue
            (report.replaced if previous else report.added).append(source.path)
            report.warnings += [Failure(source.path, note) for note in document.notes]
            report.chars += len(document.text)

    graph_store.write_queued()
    graph_store.current_index()  # a store last written behind the index's back is reindexed now
    if summary:
        stats = graph_store.stats()
        report.documents = stats["documents"]
        report.entities = stats["entities"]
        report.relations = stats["relations"]
        report.quads = stats["quads"]
        report.quads_added = report.quads - quads_before
    report.seconds = time.perf_counter() - started
    return report


def _new_sources(files: list[Path], graph_store: GraphStore, report: BuildReport, bar: tqdm) -> Iterator[SourceFile]:
    """The files whose content is not stored yet, read and hashed as the executor asks for them
    (a file already stored is skipped before it is even normalised)."""
    from kg.ingest.inputs import read_input
    for path in files:
        source = str(path)
        try:
            data = read_input(path)
        except InputError as err:
            report.failed.append(Failure(source, err.reason))
            bar.update()
            continue
        sha256 = hashlib.sha256(data).hexdigest()
        if graph_store.has_document(document_iri(sha256)):
            report.skipped.append(source)
            bar.update()
            continue
        yield SourceFile(source, data, sha256)


def _collect_inputs(paths: Iterable[str | Path], report: BuildReport, store_folder: Path | None = None) -> list[Path]:
    """Input files under ``paths``, each once; a path that cannot be read or listed is a failure. The
    files of the store being written are none (`kg build .` beside the default store ./kg-data
    reported each of its .sst and .log files as a failed document, and exited 1, every time)."""
    from kg.ingest import iter_inputs

    inside = store_folder.resolve() if store_folder is not None else None
    files: dict[Path, None] = {}
    for file in iter_inputs(paths, on_skip=lambda link, why: report.warnings.append(Failure(str(link), why)),
                            on_failure=lambda err: report.failed.append(Failure(err.source, err.reason))):
        resolved = Path(file).resolve()
        if inside is None or inside not in resolved.parents:
            files.setdefault(resolved)
    return list(files)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)
