"""The protocol every derived index beside the store follows (the edge index, the linker's name
index): a SQLite file ``kg-<name>-index.sqlite3`` in the store folder whose ``state`` table holds a
``status`` row. ``current``: it describes the store. ``writing``: a write to the store and the index
is under way (left behind by an interrupted one). ``stale``: something wrote to the store that the
index could not follow. Anything but ``current`` makes the next writer rebuild it from the store.
"""
from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

CURRENT, WRITING, STALE = "current", "writing", "stale"
INDEX_FILES = "kg-*-index.sqlite3"
STATE_TABLE = "CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"


def mark_all_stale(store_path: Path) -> None:
    """After a raw write: every derived index in the store folder must be rebuilt."""
    for path in store_path.glob(INDEX_FILES):
        with closing(sqlite3.connect(path)) as db, db:
            db.execute(STATE_TABLE)
            db.execute("INSERT OR REPLACE INTO state VALUES ('status', ?)", (STALE,))
