"""RDF exports (N-Quads, Turtle, JSON-LD) of the store or of a filtered part of it.

Unfiltered, every quad is streamed from the store. Filtered, each selected document graph is read
on its own (so memory follows one document, not the store) and keeps: the document node, the
selected entities' descriptions, the selected relations with the evidence nodes that support them
at the confidence asked, the sentences that evidence cites, and mentions of the kept entities.
Oxigraph's serialisers run in a worker thread writing into a bounded queue, so the caller gets
chunks as they are produced (a Flask streamed response, a file).
"""
from __future__ import annotations

import io
import queue
import threading
from collections.abc import Generator, Iterator

import pyoxigraph as ox

from kg.export.selection import Selection
from kg.graph.chunked import visible_quads
from kg.vocab import KG, PROV, RDF, RELATION_PROPERTY

RDF_FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "turtle": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD}
PREFIXES = {"kg": str(KG), "rdf": str(RDF), "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "skos": "http://www.w3.org/2004/02/skos/core#", "prov": str(PROV),
            "dcterms": "http://purl.org/dc/terms/", "xsd": "http://www.w3.org/2001/XMLSchema#"}

_TYPE = ox.NamedNode(str(RDF.type))
_ASSERTION = ox.NamedNode(str(KG.Assertion))
_SUBJECT, _PREDICATE, _OBJECT = (ox.NamedNode(str(p)) for p in (RDF.subject, RDF.predicate, RDF.object))
_CONFIDENCE = ox.NamedNode(str(KG.confidence))
_DERIVED = ox.NamedNode(str(PROV.wasDerivedFrom))
_MENTION_OF = ox.NamedNode(str(KG.mentionOf))
_IN_SENTENCE = ox.NamedNode(str(KG.inSentence))
_RELATIONS = {str(p) for p in RELATION_PROPERTY.values()}


def rdf(selection: Selection | None, store: ox.Store, fmt: str) -> Generator[bytes, None, None]:
    """Serialised chunks of the selection (``None``: the whole store) in ``fmt``."""
    rdf_format = RDF_FORMATS[fmt]
    prefixes = PREFIXES if rdf_format != ox.RdfFormat.N_QUADS else None

    def write(out) -> None:
        # Oxigraph's quad iterators belong to the thread that made them: make them in the writer.
        quads = visible_quads(store) if selection is None else _selected(selection)
        if not rdf_format.supports_datasets:  # Turtle: the union of the document graphs
            quads = (quad.triple for quad in quads)
        ox.serialize(quads, out, rdf_format, prefixes=prefixes)

    return _threaded(write)


def _selected(selection: Selection) -> Iterator[ox.Quad]:
    store = selection.store.store
    graphs = selection.graphs if selection.graphs is not None else [d["iri"] for d in selection.store.documents()]
    nodes = selection.types
    properties = set(selection.properties)
    threshold = selection.filter.min_confidence
    for graph in graphs:
        blocks: dict[str, list[ox.Quad]] = {}
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
            blocks.setdefault(quad.subject.value, []).append(quad)
        kept_edges: set[tuple[str, str, str]] = set()
        cited: set[str] = set()
        keep: list[list[ox.Quad]] = []
        for block in blocks.values():
            facts = {q.predicate.value: q.object for q in block}
            if facts.get(str(RDF.type)) != _ASSERTION:
                continue
            edge = (facts[str(RDF.subject)].value, facts[str(RDF.predicate)].value, facts[str(RDF.object)].value)
            confidence = float(facts[str(KG.confidence)].value) if str(KG.confidence) in facts else 0.0
            if (edge[0] in nodes and edge[2] in nodes and edge[1] in properties
                    and (threshold is None or confidence >= threshold)):
                kept_edges.add(edge)
                keep.append(block)
                if str(PROV.wasDerivedFrom) in facts:
                    cited.add(facts[str(PROV.wasDerivedFrom)].value)
        for subject, block in blocks.items():
            if subject == graph:
                keep.append(block)
            elif subject in nodes:
                keep.append([q for q in block if q.predicate.value not in _RELATIONS
                             or (subject, q.predicate.value, q.object.value) in kept_edges])
            elif any(q.predicate == _MENTION_OF and q.object.value in nodes for q in block):
                keep.append(block)
                cited.update(q.object.value for q in block if q.predicate == _IN_SENTENCE)
        keep.extend(blocks[s] for s in sorted(cited) if s in blocks)
        for block in keep:
            yield from block


class _Cancelled(Exception):
    """The consumer went away (a client closed the download): stop serialising."""


class _QueueWriter(io.RawIOBase):
    def __init__(self, sink: queue.Queue, cancelled: threading.Event) -> None:
        self._sink = sink
        self._cancelled = cancelled

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        chunk = bytes(data)
        while True:
            if self._cancelled.is_set():
                raise _Cancelled
            try:
                self._sink.put(chunk, timeout=0.5)
                return len(chunk)
            except queue.Full:
                continue


_DONE = object()
QUEUE_CHUNKS = 64  # chunks the writer may run ahead of the consumer


def _threaded(write) -> Generator[bytes, None, None]:
    """Run ``write(file)`` in a thread and yield what it writes, 1 MiB at a time (at most
    ``QUEUE_CHUNKS`` ahead of the consumer). Closing the generator early stops the thread."""
    sink: queue.Queue = queue.Queue(maxsize=QUEUE_CHUNKS)
    cancelled = threading.Event()
    failure: list[BaseException] = []

    def work() -> None:
        try:
            with io.BufferedWriter(_QueueWriter(sink, cancelled), 1 << 20) as out:
                write(out)
        except _Cancelled:
            return
        except BaseException as err:  # noqa: BLE001 — re-raised in the consumer
            failure.append(err)
        if not cancelled.is_set():
            sink.put(_DONE)

    thread = threading.Thread(target=work, name="kg-rdf-export", daemon=True)
    thread.start()
    try:
        while (chunk := sink.get()) is not _DONE:
            yield chunk
    finally:
        cancelled.set()
        thread.join()
    if failure:
        raise failure[0]
