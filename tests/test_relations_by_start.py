"""What the policy rules and the list walk of kg.extract.relations look up by bisection (_ByStart, _ending_by)
answers what a pass over every candidate of the sentence answers: a sentence may cite one policy, or list one
place, thousands of times (《江苏省数字经济促进条例》《江苏省数字经济促进条例》…)."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.candidates import Candidate
from kg.extract.relations import _ByStart, _ending_by

TYPES = ("Policy", "Organization", "Region", "Industry")

candidate = st.tuples(st.integers(0, 30), st.integers(1, 8), st.sampled_from(TYPES)).map(
    lambda drawn: Candidate(drawn[0], drawn[0] + drawn[1], drawn[2], f"{drawn[2]}@{drawn[0]}"))
#: A sentence's candidates as RelationFinder keeps them: by start, those of one start in the order found.
by_start = st.lists(candidate, max_size=25).map(lambda cands: sorted(cands, key=lambda c: c.start))


@given(by_start, st.integers(0, 40), st.integers(0, 40))
def test_those_starting_in_a_range_are_those_a_pass_finds(cands, low, high):
    assert _ByStart(cands).starting(low, high) == [c for c in cands if low <= c.start <= high]


@given(by_start, st.sampled_from([("Organization",), ("Region", "Organization")]))
def test_those_ending_before_a_title_are_the_old_outside_list_backwards(cands, types):
    index = _ByStart(cands)
    for policy in cands:
        outside = [c for c in cands if c.type != "Policy" and not (policy.start <= c.start < policy.end)]
        before = [c for c in outside if c.type in types and c.end <= policy.start]
        assert list(index.ending_by(policy.start, types)) == before[::-1]


@given(by_start, st.integers(0, 40))
def test_the_list_walk_sees_the_names_as_sorting_by_descending_start_does(cands, end):
    assert list(_ending_by(cands, end)) == sorted((c for c in cands if c.end <= end), key=lambda c: -c.start)


def test_a_body_and_a_place_before_a_cited_title_and_a_sector_after_it():
    text = "江苏省人民政府印发《江苏省数字经济促进条例》，推动数字经济发展"
    spans = [(0, 7, "Organization"), (0, 3, "Region"), (9, 22, "Policy"), (10, 13, "Region"), (13, 17, "Industry"),
             (25, 29, "Industry")]
    cands = [Candidate(start, end, kind, text[start:end]) for start, end, kind in spans]
    index = _ByStart(cands)
    assert [c.name for c in index.ending_by(9, ("Region", "Organization"))] == ["江苏省", "江苏省人民政府"]
    assert [c.name for c in index.starting(9, 22)] == ["《江苏省数字经济促进条例》", "江苏省", "数字经济"]
    assert [c.name for c in index.starting(22, 22 + 40)] == ["数字经济"]
