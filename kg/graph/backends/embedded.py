"""The embedded backend: a pyoxigraph store in a folder (one writing process at a time: RocksDB's
lock) or in memory."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError


#: The :class:`~kg.graph.backends.Backend` methods that are pyoxigraph's own.
_DELEGATED = ("query", "update", "extend", "bulk_extend", "add", "remove", "quads_for_pattern", "named_graphs",
              "contains_named_graph", "add_graph", "clear_graph", "remove_graph", "flush")


class EmbeddedStore:
    """A :class:`pyoxigraph.Store` seen through the :class:`~kg.graph.backends.Backend` protocol."""

    marker_graph = ox.DefaultGraph()

    def __init__(self, store: ox.Store, path: Path | None) -> None:
        self.raw = store
        self.path = path
        self.known_revision = None  # see revision()
        for name in _DELEGATED:  # the hot reads go straight to pyoxigraph, with no Python frame of ours between
            setattr(self, name, getattr(store, name))

    @classmethod
    def open(cls, path: Path | None, *, read_only: bool = False) -> EmbeddedStore:
        try:
            if path is None:
                return cls(ox.Store(), None)
            if path.exists() and not path.is_dir():  # read-only it was 'no graph store … (run kg build first)'
                raise StoreError(f"{path} is a file, not a graph store: give --store a folder")
            if read_only:
                if not (path / "CURRENT").exists():
                    raise StoreError(f"no graph store at {path} (run `kg build` first)")
                return cls(ox.Store.read_only(str(path)), path)
            if path.is_dir() and not (path / "CURRENT").exists() and any(path.iterdir()):
                raise StoreError(f"{path} holds other files and no graph store; give --store a new or empty folder")
            return cls(ox.Store(str(path)), path)
        except (OSError, RuntimeError) as err:  # RuntimeError: RocksDB found the folder's files damaged
            raise StoreError(_open_error(path, err)) from None

    def is_empty(self) -> bool:
        return next(self.raw.quads_for_pattern(None, None, None), None) is None

    def extend_if(self, condition: ox.Quad, quads: list[ox.Quad]) -> bool:
        """Only this process writes (RocksDB's lock), under the store's write lock: asking first is
        enough. The chunk goes through the bulk loader (less than half a transaction's CPU): it is
        part of a graph hidden by ``condition``, so it need not appear at once, and a process dying
        halfway leaves a hidden graph that the next writable open deletes."""
        if condition not in self.raw:
            return False
        self.raw.bulk_extend(quads)
        return True

    def revision(self) -> None:
        return None  # only this process writes: nothing changes behind its back

    def close(self) -> None:
        """Nothing to do: RocksDB releases the store when the last reference goes."""

    def __len__(self) -> int:
        return len(self.raw)

    def __contains__(self, quad: ox.Quad) -> bool:
        return quad in self.raw

    def __iter__(self) -> Iterator[ox.Quad]:
        return iter(self.raw)


def _open_error(path: Path | None, err: Exception) -> str:
    message = " ".join(str(err).split())
    if "lock" in message.lower():
        return (
            f"store {path} is in use by another process (a running `kg serve` or `kg build`?); "
            "stop it or use another --store"
        )
    if message.startswith("Corruption:"):
        return (f"store {path} is damaged ({message}); restore the folder from a copy, or build "
                "the documents again into a new --store")
    return f"cannot open store {path}: {message}"


__all__ = ["EmbeddedStore"]
