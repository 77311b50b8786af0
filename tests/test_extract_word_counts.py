"""kg.extract.word_counts: one automaton pass counts what a scan per word counts, overlapping uses included."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.word_counts import WordCounter

letters = st.text(alphabet="哈江苏省", max_size=12)


@given(st.lists(letters.filter(bool), max_size=5), letters)
def test_each_words_count_is_every_position_it_starts_at(words, text):
    expected = {word: sum(text.startswith(word, i) for i in range(len(text))) for word in words}
    counts = WordCounter(words).counts(text)
    assert {word: counts[word] for word in words} == expected
    assert set(counts) <= set(words)


def test_no_words_count_nothing():
    assert WordCounter([]).counts("江苏省") == {}
    assert WordCounter(["哈哈"]).counts("哈哈哈") == {"哈哈": 2}
