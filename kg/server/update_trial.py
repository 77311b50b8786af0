"""Applying a SPARQL update, and trying it first on a throwaway copy of the store.

Oxigraph cannot cancel an update. Counting each operation's WHERE first as a query
(:func:`kg.server.sparql_text.where_queries`) does not hold it to the time limit: a later
operation matches what the earlier ones wrote, which no query of the store as it is can see (two
operations that each match quickly over the store may take minutes together), and writing what a
WHERE matched may take many times matching it (a cross join counted in 0.1 s took 22 s and, at 2M
solutions, 3.7 GB of the server's memory). An update that matches a pattern is run whole on a copy first, under the deadline, where it can be stopped: over a store on disk a
RocksDB checkpoint of it (hard links, tens of milliseconds) opened by a query process that is
killed at the deadline; over a store in memory a copy on a thread that is abandoned there.
Only an update that completed on the copy is applied to the store.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.graph.store import PREFIXES
from kg.server.evaluation import QueryTimeout, Refusal, one_line, oxigraph_refusal


@dataclass
class UpdateTrial:
    """An update to run on a copy of the store before the deadline; ``copy`` is the folder of a
    checkpoint to open (None: the copy is given in memory)."""

    text: str
    base_iri: str | None
    deadline: float  # time.monotonic(), the same clock in every process
    copy: str | None = None


@dataclass
class Tried:
    """The update ran to its end on the copy: applied to the store it takes about as long."""


def apply_update(store, text: str, base_iri: str | None) -> Refusal | None:
    """Apply ``text`` to ``store`` (one transaction); why it failed, if it did."""
    try:
        store.update(text, base_iri=base_iri, prefixes=PREFIXES)
    except (SyntaxError, OSError, RuntimeError) as err:
        return oxigraph_refusal(err, "update", "update failed")
    return None


def try_update(copy: ox.Store, trial: UpdateTrial,
               cancelled: Callable[[], bool] = lambda: False) -> Tried | Refusal | QueryTimeout:
    """Run the trial's update on ``copy``."""
    if cancelled():
        return QueryTimeout()
    return apply_update(copy, trial.text, trial.base_iri) or Tried()


def try_update_on_checkpoint(trial: UpdateTrial) -> Tried | Refusal | QueryTimeout:
    """Open the checkpoint ``trial.copy`` and run the update on it; the store is closed on return,
    so the server may delete the folder."""
    try:
        copy = ox.Store(trial.copy)
    except (OSError, RuntimeError) as err:  # the message names the folder: the server logs it
        return Refusal(500, f"cannot open the copy of the store to try the update on: {one_line(err)}")
    try:
        return try_update(copy, trial)
    finally:
        del copy
