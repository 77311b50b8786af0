"""jieba, the word segmenter that normalising, extraction and training share.

Loaded once and quietly: jieba writes "Building prefix dict… Loading model cost 1.3 seconds" to
stderr at its first use, which no command may print. Every stage initialises it through here.

jieba reads its dictionary twice over: the prefix dictionary (from its own cache, unpickled by
``marshal.load`` from a file object, ~0.6 s) and, on importing ``jieba.posseg``, the word-tag table
(parsed again from dict.txt, ~0.25 s). Both come instead from one cache of ours (~0.2 s), in the
per-user cache directory (:func:`kg.config.cache_dir`), keyed by jieba's version and the digest of
its dictionary, and written atomically; a missing, stale or unreadable cache is rebuilt from jieba's
own loaders, so the tables are exactly jieba's.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: Bumped when the cached tables change shape.
_CACHE_FORMAT = 1


@dataclass(frozen=True)
class DictionaryTables:
    """jieba's prefix dictionary (word and every prefix → frequency), its total, and word → tag."""

    freq: dict[str, int]
    total: int
    tags: dict[str, str]


@lru_cache(maxsize=1)
def jieba_tokenizer():  # type: ignore[no-untyped-def]
    """jieba's default tokenizer with its dictionary loaded, its start-up messages silenced."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.dt
    with tokenizer.lock:
        if not tokenizer.initialized and tokenizer.dictionary == jieba.DEFAULT_DICT:
            tables = dictionary_tables()
            tokenizer.FREQ, tokenizer.total = tables.freq, tables.total
            tokenizer.initialized = True
    tokenizer.check_initialized()  # a dictionary of the user's own: jieba loads it itself
    return tokenizer


def word_tags() -> dict[str, str]:
    """jieba's part-of-speech tag of every word of its dictionary (``jieba.posseg``'s table)."""
    return dictionary_tables().tags


@lru_cache(maxsize=1)
def dictionary_tables() -> DictionaryTables:
    """jieba's default dictionary tables, from our cache when it is current, else built and cached."""
    import jieba

    from kg.config import cache_dir

    with jieba.dt.get_dict_file() as source:
        digest = hashlib.sha256(source.read()).hexdigest()[:16]
    path = cache_dir() / f"jieba-{jieba.__version__}-{digest}-{_CACHE_FORMAT}.pickle"
    try:
        tables = pickle.loads(path.read_bytes())
        if isinstance(tables, DictionaryTables):
            return tables
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        pass  # absent or unreadable: rebuilt below
    tables = _build_tables()
    _write_atomically(path, pickle.dumps(tables, protocol=pickle.HIGHEST_PROTOCOL))
    return tables


def _build_tables() -> DictionaryTables:
    """The tables as jieba builds them (its prefix dictionary, posseg's tag table), the tag table's
    words sharing the prefix dictionary's strings so the cache stores each word once."""
    import jieba
    import jieba.posseg

    freq, total = jieba.dt.gen_pfdict(jieba.dt.get_dict_file())
    words = {word: word for word in freq}
    tags = {words.get(word, word): sys.intern(tag) for word, tag in jieba.posseg.dt.word_tag_tab.items()}
    return DictionaryTables(freq, total, tags)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed over it: a reader sees the old
    file or the whole new one. A cache that cannot be written is only slower next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
