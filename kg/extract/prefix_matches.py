"""The matches of a pattern in every prefix of one text, from one scan of it.

The rules of a stated figure look at the words before it (``text[:value_start]``); a sentence may hold
thousands of values (全市生产总值增长5.6%， repeated), and scanning the words before each anew is quadratic.
"""
from __future__ import annotations

import re
from bisect import bisect_right


class PrefixMatches:
    """The matches of one pattern in ``text[:end]`` for any ``end``, found by scanning ``text`` once.

    Exact for a pattern that neither looks ahead nor anchors at the end, nor matches the empty string: for
    such a pattern a match of the whole text ending by ``end`` is one of the prefix too, and a position where
    the whole text has no match has none in the prefix either; only the first match reaching past ``end``
    may be cut short there (``(?:\\[\\d\\])+`` on [1][2] cut after [1]), so the prefix is scanned again
    from where that match starts, no further back."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self._pattern, self._text = pattern, text
        self._matches = list(pattern.finditer(text))
        self._ends = [m.end() for m in self._matches]

    def last_end(self, end: int, default: int = 0) -> int:
        """Where the last match in ``text[:end]`` ends (``default`` when there is none)."""
        whole = bisect_right(self._ends, end)  # the matches ending by ``end``
        if whole < len(self._matches):
            cut = None
            for cut in self._pattern.finditer(self._text, self._matches[whole].start(), end):
                pass
            if cut is not None:
                return cut.end()
        return self._ends[whole - 1] if whole else default
