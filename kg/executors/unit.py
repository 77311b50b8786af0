"""The per-document unit of a build: one input file's bytes in, its extraction out.

The in-process build, the local worker pool and the Dask workers all call :func:`extract_source`,
so a document is read, normalised and extracted the same way wherever it runs. Linking and
writing stay with the one writer, which needs the whole store.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kg.errors import InputError
from kg.heap import long_lived
from kg.model import Document, Extraction


class ExtractorLike(Protocol):
    def extract(self, document: Document) -> Extraction: ...


@dataclass(frozen=True)
class SourceFile:
    """An input file as the writer read it: its resolved path, content and content hash."""

    path: str
    data: bytes
    sha256: str


@dataclass(frozen=True)
class Outcome:
    """The extraction of one file, or why the file cannot be read."""

    extraction: Extraction | None = None
    failure: str | None = None


_extractor: ExtractorLike | None = None
_building = threading.Lock()


def process_extractor() -> ExtractorLike:
    """This process's extractor, built on first use: a worker builds it once for all its documents
    (a Dask worker running several threads shares it, hence the lock)."""
    global _extractor
    with _building:
        if _extractor is None:
            _extractor = long_lived(_new_extractor)
    return _extractor


def _new_extractor() -> ExtractorLike:
    from kg.extract import Extractor

    return Extractor()


def warm_up() -> None:
    """Build the extractor as a worker starts rather than inside its first document."""
    process_extractor()


def extract_source(source: SourceFile, extractor: ExtractorLike | None = None) -> Outcome:
    """Read, normalise and extract one file (with ``extractor``, else this process's own).

    A file that cannot be read is an :class:`Outcome` with its reason; any other error propagates,
    so an executor can retry the task or report it for this file.
    """
    from kg.ingest import read_document  # imported late: ingestion pulls in PDF/HTML parsers

    try:
        document = read_document(Path(source.path), data=source.data)
    except InputError as err:
        return Outcome(failure=err.reason)
    return Outcome(extraction=(extractor or process_extractor()).extract(document))
