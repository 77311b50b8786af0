"""Split normalised text into sentences: the unit that carries evidence for a fact."""
from __future__ import annotations

import re

from kg.model import Sentence

# A sentence runs up to a full stop (。！？；, or ?!; after Chinese text) with any closing quotes
# and brackets that follow it, or up to the end of its line: headings are sentences of their own.
_SENTENCE = re.compile(
    r"[^\n]*?(?:[。！？；]+|(?<=[\u3400-\u9fff”’）》」』】])[?!;]+)[”’）》」』】〕\"')\]]*"
    r"|[^\n]+"
)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with offsets into it, indexed 0..n-1; blank spans are skipped."""
    sentences: list[Sentence] = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences
