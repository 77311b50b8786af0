"""What no client is to see of the server: where its store lies on its disk.

A store error (a full disk, a read-only folder) says which store it concerns for the log and the
CLI; a client's answer says ``the store`` instead (the server's layout is not its business).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.graph.store import GraphStore

STORE_NAME = "the store"


def without_store_location(text: str, graph_store: GraphStore) -> str:
    """``text`` with the embedded store's folder (as given and resolved) written ``the store``. A
    remote store's URL stays: a gateway error names the server that failed."""
    if graph_store.remote or graph_store.path is None:
        return text
    for folder in sorted({str(graph_store.path.resolve()), graph_store.location}, key=len, reverse=True):
        text = text.replace(folder, STORE_NAME)
    return text

