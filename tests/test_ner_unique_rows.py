"""The tagger's distinct rows of lexical features (kg.extract.ner.unique_rows) are numpy.unique's, in its order,
with the same row for each token: the embedding is computed once per distinct row and handed back by that
index, so the scores stay the same to the bit."""
from __future__ import annotations

import numpy
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.ner import unique_rows

#: Rows of hashed features, few distinct values per column so that rows repeat and share columns.
feature_rows = st.lists(st.lists(st.sampled_from([0, 1, 2, 2**63, 2**64 - 1]), min_size=5, max_size=5), max_size=30)


@given(feature_rows)
def test_the_distinct_rows_and_each_rows_index_are_numpys(rows):
    array = numpy.array(rows, dtype=numpy.uint64).reshape(-1, 5)
    expected_rows, expected_index = numpy.unique(array, axis=0, return_inverse=True)
    found_rows, found_index = unique_rows(array)
    assert numpy.array_equal(found_rows, expected_rows)
    assert numpy.array_equal(found_index, expected_index.reshape(-1))
    assert numpy.array_equal(found_rows[found_index], array)


def test_a_sentences_repeated_words_share_a_row():
    words = ["江苏省", "发展", "新能源", "汽车", "产业", "，", "江苏省", "发展", "新能源"]
    hashes = {word: i for i, word in enumerate(dict.fromkeys(words))}
    array = numpy.array([[hashes[word], len(word), 7, 9, hashes[word]] for word in words], dtype=numpy.uint64)
    rows, index = unique_rows(array)
    assert len(rows) == 6 and list(index[:3]) == list(index[6:])
