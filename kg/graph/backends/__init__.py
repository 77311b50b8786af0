"""Store backends: where the quads live, behind one protocol (in the spirit of rdflib's Store
plugins). :class:`~kg.graph.store.GraphStore` and its callers (linking, exports, the server) use
only :class:`Backend`, so the same code runs over the embedded Oxigraph store
(:mod:`.embedded`) and over any SPARQL 1.1 server shared by several processes (:mod:`.remote`).

The protocol is the part of :class:`pyoxigraph.Store`'s API that kg uses, with pyoxigraph's terms
and result types, plus :meth:`Backend.revision` (how a process learns that someone else wrote).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from kg.config import is_remote_location

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Graph = ox.NamedNode | ox.DefaultGraph


class Backend(Protocol):
    """A quad store holding one named graph per document."""

    #: The store's folder, where its derived indexes live and query processes may open it (None:
    #: in memory or remote; the derived indexes are then the process's own).
    path: Path | None
    #: The :meth:`revision` this process's derived indexes describe.
    known_revision: str | None
    #: Where the store's bookkeeping quads go (kg.graph.chunked's hidden-graph markers): the default
    #: graph, or a named graph of its own where a server's default graph cannot be written to
    #: (Virtuoso's is the union of its graphs).
    marker_graph: Graph

    def query(self, query: str, **options) -> ox.QuerySolutions | ox.QueryBoolean | Iterator[ox.Triple]:
        """Evaluate a query; ``options`` as :meth:`pyoxigraph.Store.query` (``prefixes``, ``base_iri``,
        ``use_default_graph_as_union``, ``default_graph``, ``named_graphs``)."""

    def update(self, update: str, **options) -> None:
        """Apply a SPARQL Update atomically (``prefixes``, ``base_iri``)."""

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads in one transaction. (A backend with a faster loader that is not atomic also
        has ``bulk_extend``, which kg.graph.chunked.bulk_load_hidden uses behind a marker.)"""

    def extend_if(self, condition: ox.Quad, quads: list[ox.Quad]) -> bool:
        """Add quads if ``condition`` is in the store (a chunked write's marker, which hides the
        graph they belong to: they need not appear in one step); whether it still is afterwards.
        A client may wipe a shared store under a write."""

    def add(self, quad: ox.Quad) -> None: ...

    def remove(self, quad: ox.Quad) -> None: ...

    def quads_for_pattern(self, subject: Term | None, predicate: ox.NamedNode | None, object: Term | None,
                          graph_name: Graph | None = None) -> Iterator[ox.Quad]:
        """The quads matching a pattern; None matches anything."""

    def named_graphs(self) -> Iterator[ox.NamedNode]: ...

    def contains_named_graph(self, graph: ox.NamedNode) -> bool: ...

    def add_graph(self, graph: ox.NamedNode) -> None: ...

    def clear_graph(self, graph: Graph) -> None: ...

    def remove_graph(self, graph: ox.NamedNode) -> None: ...

    def is_empty(self) -> bool: ...

    def revision(self) -> str | None:
        """A token that changes with every write by any process; None when only this process
        can write (the embedded store's lock), so nothing else can change it."""

    def flush(self) -> None: ...

    def close(self) -> None: ...

    def __len__(self) -> int: ...

    def __contains__(self, quad: ox.Quad) -> bool:
        """Whether the store holds ``quad``: one index look-up. Every backend defines it, since
        without it ``quad in backend`` falls back to :meth:`__iter__`, a scan of the whole store."""

    def __iter__(self) -> Iterator[ox.Quad]: ...


def open_backend(location: str | Path | None, *, update_url: str | None = None, read_only: bool = False) -> Backend:
    """The backend at ``location``: a SPARQL query endpoint URL (with ``update_url``, its update
    endpoint, for writing), a store folder, or None for a private in-memory store."""
    if location is not None and is_remote_location(location):
        from kg.graph.backends.remote import RemoteStore
        return RemoteStore(str(location), update_url=update_url, read_only=read_only)
    from kg.graph.backends.embedded import EmbeddedStore
    return EmbeddedStore.open(Path(location) if location is not None else None, read_only=read_only)
