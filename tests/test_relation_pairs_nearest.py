"""The nearest mentions of a pair (kg.extract.relation_model._closest), which looks only into the
nearest sentences of the entity with fewer mentions, pick what comparing every head mention with
every tail mention picks, ties included (the first head mention's first tail mention)."""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.extract.relation_model import _closest, _DocumentView
from kg.model import Entity, Extraction, Mention
from tests.extract_fixtures import make_document

#: Twelve sentences of ten characters: short names at chosen places, often at equal distances.
SENTENCE = "江苏省发展新能源产业。"
TEXT = SENTENCE * 12


def every_pair(heads: list[Mention], tails: list[Mention]) -> tuple[Mention, Mention] | None:
    """The definition: the least (sentence distance, character gap) over all pairs, first found."""
    best, best_key = None, None
    for h in sorted(heads, key=lambda m: m.start):
        for t in sorted(tails, key=lambda m: m.start):
            gap = t.start - h.end if h.start <= t.start else h.start - t.end
            key = (abs(h.sentence - t.sentence), max(gap, 0))
            if best_key is None or key < best_key:
                best, best_key = (h, t), key
    return best


places = st.lists(st.tuples(st.integers(0, 11), st.integers(0, 8), st.integers(1, 2)), max_size=12)


def mentions(chosen: list[tuple[int, int, int]]) -> list[Mention]:
    found = []
    for sentence, at, length in dict.fromkeys(chosen):
        start = sentence * len(SENTENCE) + at
        found.append(Mention(TEXT[start:start + length], start, start + length, sentence))
    return found


@settings(max_examples=120, deadline=None)
@given(places, places)
def test_the_nearest_mentions_are_those_of_the_exhaustive_comparison(head_places, tail_places):
    head = Entity("Region", "甲", "甲", iri="urn:head", mentions=mentions(head_places))
    tail = Entity("Industry", "乙", "乙", iri="urn:tail", mentions=mentions(tail_places))
    view = _DocumentView(Extraction(make_document(TEXT), [head, tail], []))
    assert _closest(head, tail, view) == every_pair(head.mentions, tail.mentions)


crowded = st.lists(st.tuples(st.integers(0, 1), st.integers(0, 8), st.integers(1, 6)), max_size=12)


@settings(max_examples=400, deadline=None)
@given(crowded, crowded)
@example([(0, 1, 4), (0, 2, 1)], [(0, 7, 1)])  # a longer name further left (its end rises no more) stands nearer
def test_in_a_sentence_naming_both_many_times_the_nearest_are_those_of_the_exhaustive_comparison(head_places,
                                                                                                   tail_places):
    """Many mentions of each in two sentences, touching, overlapping or apart: the bisected look-up
    (_SentenceMentions) keeps every mention that may be nearest."""
    head = Entity("Organization", "甲", "甲", iri="urn:head", mentions=mentions(head_places))
    tail = Entity("Region", "乙", "乙", iri="urn:tail", mentions=mentions(tail_places))
    view = _DocumentView(Extraction(make_document(TEXT), [head, tail], []))
    assert _closest(head, tail, view) == every_pair(head.mentions, tail.mentions)
