"""Whether a policy title holds a sector's name (kg.extract.relations._Titles), which keeps a title's own
sectors out of develops and the sector layouts, answers what comparing the name with every title answers:
it is asked once per sector, and a sentence may cite a policy thousands of times."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.candidates import Candidate
from kg.extract.relations import _Titles

span = st.tuples(st.integers(0, 30), st.integers(1, 8)).map(lambda pair: (pair[0], pair[0] + pair[1]))


def held(start: int, end: int, titles: list[tuple[int, int]]) -> bool:
    """The definition: some title starts at or before the name and ends at or after it."""
    return any(s <= start and end <= e for s, e in titles)


@given(st.lists(span, max_size=12), st.lists(span, max_size=12))
def test_a_name_a_title_holds_is_found_as_by_comparing_with_each(titles, names):
    index = _Titles([Candidate(s, e, "Policy", "《》") for s, e in titles])
    for start, end in [*titles, *names]:
        assert index.hold(Candidate(start, end, "Industry", "产业")) == held(start, end, titles)


def test_a_sector_in_a_cited_title_and_one_after_it():
    text = "《江苏省新能源汽车产业发展规划》提出做强新能源汽车产业"
    titles = _Titles([Candidate(0, 16, "Policy", text[:16])])
    assert titles.hold(Candidate(4, 11, "Industry", "新能源汽车产业"))
    assert not titles.hold(Candidate(20, 27, "Industry", "新能源汽车产业"))
