"""Whether a region's mention lies inside a longer region mention (kg.extract.figures._Spans), which
weighs the place a text speaks for, answers what comparing the mention with every span answers: it is
asked once per mention, and a text may name one place tens of thousands of times."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.figures import _Spans


def inside_a_longer_span(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """The definition: some span covers it and is longer."""
    return any(s <= start and end <= e and e - s > end - start for s, e in spans)


span = st.tuples(st.integers(0, 30), st.integers(1, 6)).map(lambda pair: (pair[0], pair[0] + pair[1]))


@given(st.lists(span, max_size=25), st.lists(span, max_size=10))
def test_a_span_inside_a_longer_one_is_found_as_by_comparing_with_each(spans, asked):
    index = _Spans(spans)
    for start, end in [*spans, *asked]:
        assert index.inside_longer(start, end) == inside_a_longer_span(start, end, spans)


def test_a_place_inside_another_places_name_and_one_standing_alone():
    spans = [(0, 2), (3, 12), (6, 8), (20, 23), (20, 23)]  # 福建 … 中国东南（福建）科学城 … 福建 in it, a twice-found span
    index = _Spans(spans)
    assert [index.inside_longer(*s) for s in spans] == [False, False, True, False, False]
