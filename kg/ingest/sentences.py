"""Split normalised text into sentences: the unit that carries evidence for a fact."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.config import MAX_SENTENCE_CHARS
from kg.model import Sentence

# A sentence runs up to a full stop (。！？；, or ?!; after Chinese text) with any closing quotes
# and brackets that follow it, or up to the end of its line: headings are sentences of their own.
_SENTENCE = re.compile(
    r"[^\n]*?(?:[。！？；]+|(?<=[\u3400-\u9fff”’）》」』】])[?!;]+)[”’）》」』】〕\"')\]]*"
    r"|[^\n]+"
)
#: Where a sentence over the limit is cut: after a clause's punctuation or a space, the last one
#: in the second half of the limit.
_CLAUSE_END = re.compile(r"[，、：,:\s]")


def split_sentences(text: str, limit: int = MAX_SENTENCE_CHARS) -> list[Sentence]:
    """Sentences of ``text`` with offsets into it, indexed 0..n-1; blank spans are skipped."""
    return sentences_and_cuts(text, limit)[0]


def sentences_and_cuts(text: str, limit: int = MAX_SENTENCE_CHARS) -> tuple[list[Sentence], int]:
    """The sentences of ``text`` and how many over ``limit`` characters were cut at a clause.

    Relations are sought between the names of a sentence, pair by pair: a text with no full stop
    (a 5 MB export of one line of clauses) was one sentence whose extraction would take hours.
    """
    sentences: list[Sentence] = []
    cuts = 0
    for match in _SENTENCE.finditer(text):
        spans = list(_bounded(text, *match.span(), limit))
        cuts += len(spans) > 1
        for start, end in spans:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences, cuts


def _bounded(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` in spans of at most ``limit`` characters, each cut after the last clause
    break of its second half (anywhere if it has none)."""
    while end - start > limit:
        cut = start + limit
        for found in _CLAUSE_END.finditer(text, start + limit // 2, cut):
            cut = found.end()
        yield start, cut
        start = cut
    yield start, end
