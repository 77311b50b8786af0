"""The protocol every derived index beside the store follows (the graph index, the linker's name
index): a SQLite file ``kg-<name>-index.sqlite3`` in the store folder whose ``state`` table holds a
``status`` row. ``current``: it describes the store. ``writing``: a write to the store and the index
is under way, by the writer whose token the ``writer`` row holds (or was, and was interrupted).
``stale``: something wrote to the store that the index could not follow. Anything but ``current``
makes the next reader or writer rebuild it from the store.

Writes are one at a time (the store's lock admits one writing process, which serialises its
own), so a ``writing`` status found when a write begins is an unfinished write: one whose process
died, or one of this writer that failed before its index caught up. :func:`begin_write` makes it
``stale`` rather than carrying on from it, and :func:`finish_write` only ever finishes the write
its own token began.
"""
from __future__ import annotations

import sqlite3
import uuid
from contextlib import closing
from pathlib import Path

CURRENT, WRITING, STALE = "current", "writing", "stale"
INDEX_FILES = "kg-*-index.sqlite3"
STATE_TABLE = "CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"


def connect(path: Path | None, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection to the index file at ``path`` (None: a private in-memory index). Writers use
    WAL so that readers in other processes see committed rows, each from a snapshot."""
    if path is None:
        return sqlite3.connect(":memory:", check_same_thread=False)
    if read_only:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    db = sqlite3.connect(path, check_same_thread=False)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:  # not a database (truncated, overwritten): derived data, so rebuilt
        db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        db = sqlite3.connect(path, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
    # A commit survives a crash of the process without an fsync of its own (the OS has it); only a
    # power cut can lose the last ones, as it can Oxigraph's own unsynced writes (RocksDB's default).
    # Checkpointing every 40 MB rather than 4 MB copies a page rewritten by many documents (a hub's
    # name counts) once instead of ten times: a third off each document's index commit.
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA wal_autocheckpoint=10000")
    return db


def read_state(db: sqlite3.Connection, key: str) -> str | None:
    """A value of the ``state`` table; None if unset, if the table was never created (a
    read-only open of an index no writer has made yet) or if the file is no database (a damaged
    index, which a reader then replaces by one of its own, as a stale one)."""
    try:
        row = db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def write_state(db: sqlite3.Connection, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (key, value))


def writer_token() -> str:
    """A token naming one writer (an open index) for as long as it lives."""
    return uuid.uuid4().hex


def begin_write(db: sqlite3.Connection, token: str) -> None:
    """Before a write to the store, in a transaction of ``db``: a current index is marked
    ``writing`` by ``token``; an unfinished write's ``writing`` becomes ``stale``."""
    status = read_state(db, "status")
    if status == CURRENT:
        write_state(db, "status", WRITING)
        write_state(db, "writer", token)
    elif status == WRITING:
        write_state(db, "status", STALE)


def finish_write(db: sqlite3.Connection, token: str) -> None:
    """Once the index has caught up with the write ``token`` began: current again."""
    if read_state(db, "status") == WRITING and read_state(db, "writer") == token:
        write_state(db, "status", CURRENT)


def mark_all_stale(store_path: Path) -> None:
    """After a raw write: every derived index in the store folder must be rebuilt."""
    for path in store_path.glob(INDEX_FILES):
        with closing(connect(path)) as db, db:
            db.execute(STATE_TABLE)
            write_state(db, "status", STALE)
