"""jieba, the word segmenter that normalising, extraction and training share.

Loaded once and quietly: jieba writes "Building prefix dict… Loading model cost 1.3 seconds" to
stderr at its first use, which no command may print. Every stage initialises it through here.

jieba reads its dictionary twice over: the prefix dictionary (from its own cache, unpickled by
``marshal.load`` from a file object, ~0.6 s) and, on importing ``jieba.posseg``, the word-tag table
(parsed again from dict.txt, ~0.25 s). Both come instead from one cache of ours (~0.2 s), in the
per-user cache directory (:func:`kg.config.cache_dir`), keyed by jieba's version and the digest of
its dictionary, and written atomically; a missing, stale or unreadable cache is rebuilt from jieba's
own loaders, so the tables are exactly jieba's.

:func:`cut` is jieba's default segmentation (``jieba.cut(text)``) with its two pure-Python passes
over each run of Chinese (the word graph, then the best route through it) made one, in about two
thirds of jieba's CPU time: the segmentation every extraction stage reads starts here.
:func:`cut_without_hmm` is ``jieba.lcut(text, HMM=False)`` on the same route.
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
from math import log
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


def cut(text: str) -> list[str]:
    """jieba's words of ``text``, exactly ``list(jieba.cut(text))`` (HMM on for unknown words)."""
    return _cut(text, hmm=True)


def cut_without_hmm(text: str) -> list[str]:
    """jieba's words of ``text`` without its HMM, exactly ``jieba.lcut(text, HMM=False)``: how the
    rules read a short name (its words, its stem's), in about half of jieba's own call."""
    return _cut(text, hmm=False)


def _cut(text: str, hmm: bool) -> list[str]:
    import jieba

    tokenizer = jieba_tokenizer()
    words: list[str] = []
    han, skip = jieba.re_han_default, jieba.re_skip_default
    for block in han.split(text):
        if not block:
            continue
        if han.match(block):
            ends = _route(block, tokenizer.FREQ, log(tokenizer.total))
            if hmm:
                _walk(block, ends, tokenizer.FREQ, words)
            else:
                _walk_without_hmm(block, ends, words)
            continue
        for part in skip.split(block):
            if skip.match(part):
                words.append(part)
            else:
                words.extend(part)  # jieba yields the other characters one by one
    return words


def _route(run: str, freq: dict[str, int], log_total: float) -> list[int]:
    """Where the word starting at each character of a run of Chinese, letters and digits ends on
    jieba's most probable route through the dictionary's words, computed right to left as jieba's
    ``calc`` does (same float operations, same tie-break on the later end), but looking the words
    up as it goes instead of building jieba's word graph first."""
    n = len(run)
    score = [0.0] * (n + 1)
    end = [0] * (n + 1)
    single = log(1) - log_total  # a character the dictionary has no word for
    for start in range(n - 1, -1, -1):
        best, best_end, found = 0.0, start + 1, False
        stop, fragment = start + 1, run[start]
        while (count := freq.get(fragment)) is not None:  # a word or a prefix of one
            if count:
                value = log(count) - log_total + score[stop]
                if not found or value >= best:
                    best, best_end, found = value, stop, True
            if stop >= n:
                break
            stop += 1
            fragment = run[start:stop]
        score[start], end[start] = (best if found else single + score[start + 1]), best_end
    return end


def _walk(run: str, end: list[int], freq: dict[str, int], words: list[str]) -> None:
    """jieba's ``__cut_DAG`` along the route: runs of single characters go to jieba's HMM."""
    at, pending, n = 0, "", len(run)
    while at < n:
        stop = end[at]
        if stop - at == 1:
            pending += run[at]
        else:
            if pending:
                _unknown(pending, freq, words)
                pending = ""
            words.append(run[at:stop])
        at = stop
    if pending:
        _unknown(pending, freq, words)


def _walk_without_hmm(run: str, end: list[int], words: list[str]) -> None:
    """jieba's ``__cut_DAG_NO_HMM`` along the route: single characters stay words, but consecutive
    single Latin letters and digits are joined (jieba's ``re_eng``)."""
    from jieba import re_eng

    at, pending, n = 0, "", len(run)
    while at < n:
        stop = end[at]
        word = run[at:stop]
        if stop - at == 1 and re_eng.match(word):
            pending += word
        else:
            if pending:
                words.append(pending)
                pending = ""
            words.append(word)
        at = stop
    if pending:
        words.append(pending)


def _unknown(chars: str, freq: dict[str, int], words: list[str]) -> None:
    """Consecutive single characters of the route: jieba's HMM joins them unless they form a word."""
    if len(chars) == 1:
        words.append(chars)
    elif not freq.get(chars):
        words.extend(_hmm_words(chars))
    else:
        words.extend(chars)


@lru_cache(maxsize=1 << 16)
def _hmm_words(chars: str) -> tuple[str, ...]:
    """jieba's HMM words (``jieba.finalseg.cut``) of characters its dictionary leaves single: texts
    repeat them (a firm's or a person's name the dictionary lacks: two in five runs of an archive are
    repeats), and the HMM's Viterbi decoding is pure Python, a quarter of the segmentation's time."""
    from jieba import finalseg

    return tuple(finalseg.cut(chars))


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
