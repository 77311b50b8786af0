"""Document graphs written and deleted in several transactions, never seen half-written.

Oxigraph holds a transaction's writes in memory (~2 KB a quad: every quad goes to nine indexes),
so the graph of a 20-million-character document (millions of quads) cannot be one transaction.
A graph of more than :data:`kg.config.STORE_CHUNK_QUADS` quads is therefore written in chunks,
*hidden* meanwhile: a marker quad ``<graph> kg:incompleteGraph true`` in the default graph, added
before the first chunk, tells every reader of :func:`hidden_graphs` (the store's queries, its graph
index, the SPARQL endpoint) to leave that graph out. The marker is removed in the one transaction
that reveals the document, which also hides the graphs it replaces; those are deleted chunk by
chunk afterwards. A process that dies on the way leaves its markers: the next writable open
deletes every graph still marked (:func:`heal`), so a document is complete or absent.

Replacing a large graph in place (a Graph Store PUT) cannot be one transaction either: Oxigraph's
removals inside a transaction slow down with its size (10 MB: 36 s as one update, 5 s to add).
:func:`replace_in_chunks` stages the new content in a file beside the store (N-Triples, synced),
then, in one transaction, hides the target with a ``kg:replacedBy`` marker naming that file, and
rolls forward: the target's quads are deleted and the staged ones added, chunk by chunk. Readers
see the old content, then (while the rolling runs) no graph, then the new; a process that dies
after the switch has its replacement finished by :func:`heal`, one that dies before it leaves
the old content.
"""
from __future__ import annotations

import os
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from kg.errors import WriteInterrupted
from kg.faults import fault_point
from kg.graph.backends import Backend
from kg.vocab import INCOMPLETE_GRAPH, REPLACED_BY

#: Files in the store folder holding the new content of a graph being replaced.
STAGED_PREFIX = "kg-staged-graph-"

_MARK = ox.NamedNode(str(INCOMPLETE_GRAPH))
_REPLACED_BY = ox.NamedNode(str(REPLACED_BY))
_TRUE = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))


def hidden_graphs(store: Backend) -> set[str]:
    """The graphs being written or deleted in chunks (or left so by a dead process)."""
    return {q.subject.value for q in store.quads_for_pattern(None, _MARK, None, _marker_graph(store))}


def is_complete_graph(store: Backend, graph: ox.NamedNode) -> bool:
    """Whether the named graph is there and not hidden (being written, replaced or deleted)."""
    return store.contains_named_graph(graph) and \
        next(store.quads_for_pattern(graph, _MARK, None, _marker_graph(store)), None) is None


def visible_quads(store: Backend, subject=None, predicate=None, object=None,
                  graph_name: ox.NamedNode | ox.DefaultGraph | None = None) -> Iterator[ox.Quad]:
    """``store.quads_for_pattern`` as readers are to see it: without the hidden graphs and the
    markers that hide them (nothing is filtered while no graph is hidden).

    The markers are read just before and just after the scan's snapshot is taken: a graph
    half-written or half-deleted in that snapshot was marked at one of the two reads, unless a
    whole chunked write began and ended between them (microseconds apart)."""
    before = hidden_graphs(store)
    quads = store.quads_for_pattern(subject, predicate, object, graph_name)
    hidden = before | hidden_graphs(store)
    if not hidden:
        return quads
    return (q for q in quads if not _bookkeeping(q, hidden))


def visible_quad_count(store: Backend) -> int:
    """How many quads :func:`visible_quads` yields for the whole store."""
    hidden = hidden_graphs(store)
    if not hidden:
        return len(store)
    return sum(1 for _ in visible_quads(store))


def complete_dataset(store: Backend) -> dict:
    """Query options whose default graph is the union of every complete document graph: the whole
    store, unless some graph is hidden (then the other named graphs, listed)."""
    hidden = hidden_graphs(store)
    if not hidden:
        return {"use_default_graph_as_union": True}
    complete = [g for g in store.named_graphs() if g.value not in hidden]
    return {"default_graph": complete, "named_graphs": complete}


def markers_restored(store: Backend | ox.Store) -> str | None:
    """A SPARQL Update operation putting back the markers there are now, for the graphs that still
    hold quads when it runs (None: no marker). Run after a client's update in the same request, so in
    the same transaction, it keeps CLEAR DEFAULT, DROP DEFAULT or a DELETE over the default graph
    from revealing a half-written graph, while DROP ALL or CLEAR ALL still leaves an empty store."""
    marker_graph = _marker_graph(store)
    markers = [*store.quads_for_pattern(None, _MARK, None, marker_graph),
               *store.quads_for_pattern(None, _REPLACED_BY, None, marker_graph)]
    if not markers:
        return None
    rows = " ".join(f"({q.subject} {q.predicate} {q.object})" for q in markers)
    target = "?g ?p ?o" if isinstance(marker_graph, ox.DefaultGraph) else f"GRAPH {marker_graph} {{ ?g ?p ?o }}"
    return f"INSERT {{ {target} }} WHERE {{ VALUES (?g ?p ?o) {{ {rows} }} FILTER EXISTS {{ GRAPH ?g {{ ?s ?x ?y }} }} }}"


def batches(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of at most ``size``."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def write_hidden(store: Backend, graph: str, quads: Iterable[ox.Quad], size: int) -> None:
    """Hide ``graph`` and add ``quads`` to it, ``size`` per transaction. Each chunk goes in only while the marker is there: once another client has
    removed it (a DROP ALL or CLEAR ALL took the chunks so far), going on would reveal a partial
    graph, so the write fails (:class:`~kg.errors.WriteInterrupted`). On any failure the chunks
    written so far are deleted again."""
    marker = _marker(store, graph)
    store.add(marker)
    try:
        for batch in batches(quads, size):
            if not store.extend_if(marker, batch):
                raise WriteInterrupted(f"another client removed {graph} while it was being written (a DROP ALL "
                                       "or CLEAR ALL?): nothing of it is stored")
            fault_point("store-chunk-written")
    except BaseException:
        delete_hidden(store, graph, size)
        raise


def bulk_load_hidden(store: Backend, graphs: list[str], quads: Iterable[ox.Quad], size: int) -> None:
    """Add the new ``graphs`` (``quads`` lie in them) through the store's bulk loader (Oxigraph's
    ``bulk_extend``) in one load: half the CPU of a transaction on document graphs, and several
    documents per load halve it again (fewer files for RocksDB to ingest and compact). The loader
    is not atomic, so each graph is hidden by its marker until all are whole (a process that dies
    meanwhile leaves them hidden, and :func:`heal` deletes them); they are revealed in one
    transaction. On any failure what was loaded is deleted again."""
    store.extend([_marker(store, graph) for graph in graphs])
    try:
        store.bulk_extend(quads)  # type: ignore[attr-defined]
        fault_point("store-bulk-loaded")
    except BaseException:
        for graph in graphs:
            delete_hidden(store, graph, size)
        raise
    reveal(store, graphs)


def reveal(store: Backend, graphs: Iterable[str], *, hiding: Iterable[str] = ()) -> None:
    """Make the hidden ``graphs`` visible and hide the graphs ``hiding``, in one transaction."""
    markers = {"DELETE": [_marker(store, g) for g in graphs], "INSERT": [_marker(store, g) for g in hiding]}
    store.update(" ;\n".join(f"{verb} DATA {{ {graph_blocks(quads)} }}" for verb, quads in markers.items() if quads))


def delete_hidden(store: Backend, graph: str, size: int) -> None:
    """Delete a graph ``size`` quads per transaction (hiding it first if it is not hidden), then
    its marker."""
    store.add(_marker(store, graph))
    _delete_quads(store, ox.NamedNode(graph), size)
    store.remove_graph(ox.NamedNode(graph))
    store.remove(_marker(store, graph))


def replace_in_chunks(store: Backend, folder: Path, target: ox.NamedNode, quads: Iterable[ox.Quad],
                      size: int) -> None:
    """Make ``quads`` (triples, any graph) the whole content of the named graph ``target``, in
    transactions of ``size`` quads; see the module's description."""
    staged = folder / f"{STAGED_PREFIX}{uuid.uuid4().hex}.nt"
    with open(staged.with_suffix(".tmp"), "wb") as file:
        ox.serialize((q.triple for q in quads), file, format=ox.RdfFormat.N_TRIPLES)
        file.flush()
        os.fsync(file.fileno())
    staged.with_suffix(".tmp").rename(staged)
    store.extend([_marker(store, target.value), ox.Quad(target, _REPLACED_BY, ox.Literal(staged.name), _marker_graph(store))])
    fault_point("graph-replacement-staged")
    _roll_forward(store, folder, target, staged.name, size)


def heal(store: Backend, folder: Path | None, size: int) -> list[str]:
    """Finish every replacement a dead process switched to, then delete every graph it left
    hidden (and every staged file no replacement names); returns the graphs deleted."""
    replacements = list(store.quads_for_pattern(None, _REPLACED_BY, None, _marker_graph(store)))
    for marker in replacements:
        _roll_forward(store, folder, marker.subject, marker.object.value, size)
    if folder is not None:
        for stray in folder.glob(f"{STAGED_PREFIX}*"):
            stray.unlink(missing_ok=True)
    hidden = sorted(hidden_graphs(store))
    for graph in hidden:
        delete_hidden(store, graph, size)
    return hidden


def _roll_forward(store: Backend, folder: Path | None, target: ox.NamedNode, staged: str, size: int) -> None:
    """target := the staged file's triples (target hidden meanwhile), chunk by chunk; repeatable
    until the markers go, in the transaction that shows the new content."""
    _delete_quads(store, target, size)
    path = (folder or Path()) / staged
    with open(path, "rb") as file:
        triples = ox.parse(file, format=ox.RdfFormat.N_TRIPLES)
        for batch in batches((ox.Quad(t.subject, t.predicate, t.object, target) for t in triples), size):
            store.extend(batch)
            fault_point("store-chunk-written")
    store.add_graph(target)
    done = [_marker(store, target.value), ox.Quad(target, _REPLACED_BY, ox.Literal(staged), _marker_graph(store))]
    store.update(f"DELETE DATA {{ {graph_blocks(done)} }}")  # the new content shows
    path.unlink()


def _delete_quads(store: Backend, graph: ox.NamedNode, size: int) -> None:
    """Delete a graph's quads, ``size`` per transaction. The scan is one snapshot, so each quad
    is read once."""
    for batch in batches(store.quads_for_pattern(None, None, None, graph), size):
        plain = [q for q in batch if not _has_blank_node(q)]  # DELETE DATA takes no blank node
        if plain:
            store.update(f"DELETE DATA {{ {graph_blocks(plain)} }}")
        for quad in batch:
            if _has_blank_node(quad):
                store.remove(quad)
        fault_point("store-chunk-deleted")


def graph_blocks(quads: list[ox.Quad]) -> str:
    """Quads as the ``GRAPH <g> { … }`` blocks (default-graph quads as plain triples) of a DELETE
    DATA or INSERT DATA."""
    by_graph: dict[ox.NamedNode | ox.DefaultGraph, list[str]] = defaultdict(list)
    for q in quads:
        by_graph[q.graph_name].append(str(q.triple))
    return " ".join(" . ".join(triples) + " ." if isinstance(g, ox.DefaultGraph) else f"GRAPH {g} {{ {' . '.join(triples)} }}"
                    for g, triples in by_graph.items())


def _marker(store: Backend, graph: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(graph), _MARK, _TRUE, _marker_graph(store))


def _marker_graph(store: Backend | ox.Store) -> ox.NamedNode | ox.DefaultGraph:
    """The backend's graph for markers; a bare pyoxigraph Store (the server's query processes, the
    Graph Store Protocol's writes) is an embedded store: its default graph."""
    return getattr(store, "marker_graph", ox.DefaultGraph())


def _bookkeeping(quad: ox.Quad, hidden: set[str]) -> bool:
    """Whether ``quad`` lies in a hidden graph or is a marker of this module."""
    if quad.predicate in (_MARK, _REPLACED_BY):
        return True
    return not isinstance(quad.graph_name, ox.DefaultGraph) and quad.graph_name.value in hidden


def _has_blank_node(quad: ox.Quad) -> bool:
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)
