"""Exports of the graph: GraphML and GEXF for Gephi, and RDF serialisations (N-Quads, Turtle,
JSON-LD), all streamed as byte chunks and all honouring the same :class:`ExportFilter`.

    from kg.export import export, make_filter
    for chunk in export(graph_store, "graphml", make_filter(types=["Region"])):
        out.write(chunk)
"""
from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING

from kg.export.filters import FORMATS, ExportFilter, check_format, make_filter
from kg.export.selection import Selection, resolve_documents, resolve_entity
from kg.graph.store import GraphStore

if TYPE_CHECKING:
    from kg.export.xml import XmlEscaper

__all__ = ["FORMATS", "ExportChunks", "ExportFilter", "Selection", "check_format", "export", "file_name",
           "make_filter", "media_type", "resolve_documents", "resolve_entity"]


def file_name(fmt: str) -> str:
    """The default file name of an export: ``kg.<extension>``."""
    return f"kg.{FORMATS[check_format(fmt)][0]}"


def media_type(fmt: str) -> str:
    return FORMATS[check_format(fmt)][1]


def export(graph_store: GraphStore, fmt: str, flt: ExportFilter | None = None) -> ExportChunks:
    """The export of ``graph_store`` in ``fmt``, as UTF-8 byte chunks.

    The selection (documents, the ``--around`` entity, node set and degrees) is resolved before the
    first chunk is produced, so a bad filter raises :class:`~kg.errors.KgError` here, before any
    output is written.
    """
    from kg.export import rdf, xml

    fmt = check_format(fmt)
    flt = flt or ExportFilter()
    if fmt in rdf.RDF_FORMATS:
        selection = None if flt.is_empty else Selection(graph_store, flt)
        if selection is not None:
            selection.close()  # the RDF writer reads the store, given the selected nodes
        return ExportChunks(rdf.rdf(selection, graph_store.store, fmt))
    selection = Selection(graph_store, flt)
    writer = xml.graphml if fmt == "graphml" else xml.gexf
    escaper = xml.XmlEscaper()
    return ExportChunks((chunk.encode("utf-8") for chunk in writer(selection, escaper)), escaper)


class ExportChunks(Iterator[bytes]):
    """An export's byte chunks, and once they are all read, how many characters XML 1.0 cannot
    hold were written ``_xHHHH_`` (for the CLI's warning; the file itself ends with a comment)."""

    def __init__(self, chunks: Generator[bytes, None, None], escaper: XmlEscaper | None = None) -> None:
        self._chunks = chunks
        self._escaper = escaper

    @property
    def unwritable(self) -> int:
        return self._escaper.unwritable if self._escaper else 0

    def __next__(self) -> bytes:
        return next(self._chunks)

    def close(self) -> None:
        """Stop early (a client gone mid-download): the writer releases what it holds."""
        self._chunks.close()
