"""How often a text uses each of many words, in one pass of an Aho-Corasick automaton over it: a count per
word (``str.count``) rescans the text for each of thousands of firms' or regions' names."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import ahocorasick


class WordCounter:
    """An automaton of ``words``, built once and asked of any number of texts."""

    def __init__(self, words: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for word in words:
            self._automaton.add_word(word, word)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def counts(self, text: str) -> Counter[str]:
        """Every use of each word in ``text``, overlapping ones included (in 哈哈哈, 哈哈 twice)."""
        return Counter() if self._empty else Counter(word for _, word in self._automaton.iter(text))
