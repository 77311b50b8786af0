"""An entity's name (kg.extract.merge._canonical_name) counting each of its forms once is the one counting
each form again per mention chose: the fullest for a policy, a body or a firm, else the most used, ties going to
the form the text uses first (a text may cite one policy thousands of times: that was quadratic)."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.candidates import Candidate
from kg.extract.merge import Placed, _canonical_name

FORMS = ["数字经济促进条例", "江苏省数字经济促进条例", "条例", "南京", "南京市", "金陵"]


def old_canonical_name(etype: str, names: list[str]) -> str:
    """The definition (for mentions resolved to no reference entry): each form counted and found per mention."""
    if etype in ("Policy", "Enterprise", "Organization"):
        return max(names, key=lambda n: (len(n), names.count(n), -names.index(n)))
    return max(names, key=lambda n: (names.count(n), -names.index(n)))


def _placed(etype: str, names: list[str]) -> list[Placed]:
    return [Placed(Candidate(10 * i, 10 * i + len(name), etype, name), 0) for i, name in enumerate(names)]


@given(st.sampled_from(["Policy", "Region", "Organization"]), st.lists(st.sampled_from(FORMS), min_size=1, max_size=12))
def test_the_name_is_the_one_counting_each_form_per_mention_chose(etype, names):
    assert _canonical_name(etype, _placed(etype, names)) == old_canonical_name(etype, names)


def test_a_place_named_as_often_in_two_forms_keeps_the_first_and_a_policy_its_full_title():
    assert _canonical_name("Region", _placed("Region", ["南京", "南京市", "南京市", "南京"])) == "南京"
    assert _canonical_name("Policy", _placed("Policy", ["条例", "江苏省数字经济促进条例", "条例"])) == "江苏省数字经济促进条例"


def test_a_body_named_in_two_forms_as_long_keeps_the_one_used_more():
    assert _canonical_name("Organization", _placed("Organization", ["省发改委", "省经信委", "省经信委"])) == "省经信委"
