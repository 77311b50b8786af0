"""Whether a span holds another (kg.extract.candidates.Covers) answers what comparing it with every span
answers. It is asked once per mention: whether a policy title holds a sector's name (which keeps a title's own
sectors out of develops and the sector layouts), whether a region's mention lies inside a longer region mention
(which weighs the place a text speaks for); and a text may cite one title or name one place thousands of times."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.candidates import Candidate, Covers, Overlaps

title_span = st.tuples(st.integers(0, 30), st.integers(1, 8)).map(lambda pair: (pair[0], pair[0] + pair[1]))
mention_span = st.tuples(st.integers(0, 30), st.integers(1, 6)).map(lambda pair: (pair[0], pair[0] + pair[1]))


def held(start: int, end: int, titles: list[tuple[int, int]]) -> bool:
    """The definition: some title starts at or before the name and ends at or after it."""
    return any(s <= start and end <= e for s, e in titles)


def inside_a_longer_span(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """The definition: some span covers it and is longer."""
    return any(s <= start and end <= e and e - s > end - start for s, e in spans)


@given(st.lists(title_span, max_size=12), st.lists(title_span, max_size=12))
def test_a_name_a_title_holds_is_found_as_by_comparing_with_each(titles, names):
    index = Covers(titles)
    for start, end in [*titles, *names]:
        assert index.holds(start, end) == held(start, end, titles)


def test_a_sector_in_a_cited_title_and_one_after_it():
    text = "《江苏省新能源汽车产业发展规划》提出做强新能源汽车产业"
    titles = Covers([(0, len(text[:16]))])
    assert titles.holds(4, 11)  # 新能源汽车产业 inside the title
    assert not titles.holds(20, 27)  # 新能源汽车产业 after it


@given(st.lists(mention_span, max_size=25), st.lists(mention_span, max_size=10))
def test_a_span_inside_a_longer_one_is_found_as_by_comparing_with_each(spans, asked):
    index = Covers(spans)
    for start, end in [*spans, *asked]:
        assert index.holds_longer(start, end) == inside_a_longer_span(start, end, spans)


def test_a_place_inside_another_places_name_and_one_standing_alone():
    spans = [(0, 2), (3, 12), (6, 8), (20, 23), (20, 23)]  # 福建 … 中国东南（福建）科学城 … 福建 in it, a twice-found span
    index = Covers(spans)
    assert [index.holds_longer(*s) for s in spans] == [False, False, True, False, False]


def overlapping(start: int, end: int, candidates: list[Candidate]) -> list[Candidate]:
    """The definition: the candidates sharing a character with the span, in the order of their starts."""
    return sorted((c for c in candidates if c.start < end and start < c.end and c.end > c.start), key=lambda c: c.start)


@given(st.lists(st.one_of(mention_span, st.tuples(st.integers(0, 5), st.integers(20, 40))), max_size=20),
       st.lists(mention_span, max_size=10))
def test_the_names_a_span_overlaps_are_found_as_by_comparing_with_each(spans, asked):
    """Overlaps begins a look-up at the first name reaching past the span's start; a long title early
    in the text (the second strategy) reaches past many later spans."""
    candidates = [Candidate(s, e, "Region", f"r{i}") for i, (s, e) in enumerate(spans)]
    index = Overlaps(candidates)
    for start, end in [*spans, *asked]:
        assert index.overlapping(start, end) == overlapping(start, end, candidates)


def test_the_names_around_a_mention_after_a_long_cited_title():
    text = "根据《江苏省新能源汽车产业发展规划（2021—2025年）》，南京市发展新能源汽车产业"
    title = Candidate(3, 29, "Policy", text[3:29])
    city, sector = Candidate(31, 34, "Region", "南京市"), Candidate(36, 43, "Industry", "新能源汽车产业")
    index = Overlaps([sector, city, title, Candidate(6, 13, "Industry", "新能源汽车产业")])
    assert index.overlapping(31, 34) == [city]
    assert index.overlapping(28, 32) == [title, city]
    assert index.at(10)[0] is title and index.overlapping(0, 2) == []
