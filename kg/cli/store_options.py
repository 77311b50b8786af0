"""``--store PATH|URL`` and ``--store-update URL``, shared by every command that opens the store:
a folder (the embedded store), or a SPARQL query endpoint and its update endpoint (a remote store
several builders, servers and tools share)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from kg.cli.option_checks import not_empty
from kg.config import store_location, store_update_url
from kg.errors import KgError
from kg.paths import resolved


def store_options(command: Callable) -> Callable:
    """Add ``store`` and ``store_update`` parameters to a command."""
    command = click.option(
        "--store-update", "store_update", metavar="URL", default=None, callback=not_empty,
        help="SPARQL Update endpoint of a remote --store, needed to write to it (default: $KG_STORE_UPDATE).",
    )(command)
    return click.option(
        "--store", "store", metavar="PATH|URL", default=None, callback=not_empty,
        help="Graph store folder, or a SPARQL query endpoint URL such as http://HOST:7878/query "
             "(default: $KG_STORE or ./kg-data).",
    )(command)


def open_store(store: str | None, store_update: str | None = None, *, read_only: bool,
               empty_if_missing: bool = False):
    """The :class:`~kg.graph.store.GraphStore` the options name. ``empty_if_missing``: a folder
    that does not exist yet gives an empty in-memory store (a dry run links against nothing)."""
    from kg.graph.store import GraphStore

    location = store_location(store)
    if isinstance(location, Path):
        location = resolved(location)  # the indexes beside it are opened by file URI
        if empty_if_missing and not location.exists():
            return GraphStore(None)
    update_url = store_update_url(store_update)
    if isinstance(location, str) and not read_only and update_url is None:
        raise KgError(f"writing to the remote store {location} needs its SPARQL Update endpoint: "
                      "give --store-update URL (or set KG_STORE_UPDATE)")
    return GraphStore(location, read_only=read_only, update_url=update_url)
