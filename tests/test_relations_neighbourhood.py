"""The places a host is weighed against in located_in (kg.extract.relations._Neighbourhood) are those the
definitions would relate to it: the index answers what comparing the host with every place, and every place
with every other host, answers — a sentence may name a body thousands of times (江苏省发展和改革委员会、…)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.candidates import Candidate
from kg.extract.lexicon import CLAUSE_BREAK, LOCATED_TRIGGERS
from kg.extract.relations import _ADVERB, _GATHERS, _SAYS, _SETTLES, _Neighbourhood

#: Phrases of the sentences that place firms and bodies: H a host, R a place, HR a host opening with a place
#: (江苏省|发展和改革委员会), _ a run of whitespace.
PHRASES = ["R的H", "R H", "RH", "R集聚了H、H和H", "R拥有3家H", "H落户R", "H宣布，_已经在RR", "H公告称：_在R兴建", "H位于RR",
           "H已落户R", "HR、HR", "H", "R", "、", "，", "。", "等企业", "的", "_"]

def old_hosts_listed(text: str, region: Candidate, host: Candidate, hosts: list[Candidate]) -> bool:
    """The definition: the hosts from the place's end to ``host`` follow a gathering verb, joined by 、和与及."""
    members = sorted((h for h in hosts if region.end <= h.start <= host.start), key=lambda h: h.start)
    if not members or not _GATHERS.fullmatch(text, region.end, members[0].start):
        return False
    return all(re.fullmatch(r"[、和与及]", text[a.end:b.start]) for a, b in zip(members, members[1:]))


def old_chain(region: Candidate, regions: list[Candidate]) -> list[Candidate]:
    chain = [region]
    for following in regions:
        if following.start == chain[-1].end and not following.nested:
            chain.append(following)
    return chain


def placed_between(between: str) -> bool:
    """Whether the words between a host and a place may place it (_placed_after, its tests before the chain's)."""
    return bool((len(between) <= 12 and LOCATED_TRIGGERS.search(between) and not CLAUSE_BREAK.search(between))
                or re.fullmatch(_SAYS + _ADVERB + "在", between) or re.fullmatch(_ADVERB + _SETTLES, between))


def may_relate(text: str, host: Candidate, region: Candidate, hosts: list[Candidate]) -> bool:
    """The definition of a place _located_in may relate to ``host``: inside it, before it, or after it."""
    inside = host.start <= region.start and region.end <= host.end
    before = region.end <= host.start and (text[region.end:host.start] in ("", " ", "的")
                                           or old_hosts_listed(text, region, host, hosts))
    after = region.start >= host.end and placed_between(text[host.end:region.start])
    return inside or before or after


@st.composite
def sentences(draw):
    text, hosts, regions = "", [], []
    for phrase in draw(st.lists(st.sampled_from(PHRASES), min_size=1, max_size=12)):
        for piece in re.findall("HR|H|R|_|[^HR_]+", phrase):
            start = len(text)
            if piece == "R":
                text += "上海市"
                regions.append(Candidate(start, len(text), "Region", "上海市"))
            elif piece in ("H", "HR"):
                text += "江苏省发展和改革委员会" if piece == "HR" else "宁德时代"
                hosts.append(Candidate(start, len(text), "Organization", text[start:]))
                if piece == "HR":
                    regions.append(Candidate(start, start + 3, "Region", "江苏省", nested=True))
            else:
                text += " " * draw(st.integers(0, 16)) if piece == "_" else piece
    for start, length, nested in draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(1, 4), st.booleans()),
                                               max_size=4)):  # places anywhere, overlapping the names
        regions.append(Candidate(start, min(start + length, len(text) + 1), "Region", "某地", nested=nested))
    regions.sort(key=lambda c: c.start)
    return text, hosts, regions

@settings(max_examples=300)
@given(sentences())
def test_the_places_near_a_host_are_all_those_the_definitions_relate_to_it(sentence):
    text, hosts, regions = sentence
    neighbourhood = _Neighbourhood(text, hosts, regions)
    for host in hosts:
        near = neighbourhood.near(host)
        assert near == sorted(set(near))
        assert {i for i, region in enumerate(regions) if may_relate(text, host, region, hosts)} <= set(near)
        for region in regions:
            if region.end <= host.start:
                assert neighbourhood.hosts_listed(region, host) == old_hosts_listed(text, region, host, hosts)
            assert neighbourhood.chain(region, regions) == old_chain(region, regions)


@given(st.sampled_from(["", "宣布", "公告称", "发布公告称", "落户"]), st.sampled_from(["", "，", "："]),
       st.text(" \u3000\n", max_size=20), st.sampled_from(["", "正", "已经", "x"]), st.sampled_from(["在", "在在", "x"]))
def test_no_placing_words_reach_past_the_reach(says, mark, spaces, adverb, at):
    text = "宁德时代" + says + mark + spaces + adverb + at + "上海市"
    reach = _Neighbourhood(text, [], []).placing_reach(4)
    assert all(end <= reach for end in range(4, len(text) + 1) if placed_between(text[4:end]))

def test_a_list_a_place_gathers_and_a_body_named_with_its_place():
    text = "连云港市集聚了恒瑞医药、豪森药业等骨干企业，江苏省发展和改革委员会、江苏省发展和改革委员会"
    hosts = [Candidate(m.start(), m.end(), "Enterprise", m.group()) for m in re.finditer("恒瑞医药|豪森药业", text)]
    hosts += [Candidate(m.start(), m.end(), "Organization", m.group()) for m in re.finditer("江苏省发展和改革委员会", text)]
    regions = [Candidate(0, 4, "Region", "连云港市")]
    regions += [Candidate(m.start(), m.end(), "Region", "江苏省", nested=True) for m in re.finditer("江苏省", text)]
    neighbourhood = _Neighbourhood(text, hosts, regions)
    assert [neighbourhood.hosts_listed(regions[0], host) for host in hosts[:2]] == [True, True]
    assert [neighbourhood.near(host) for host in hosts] == [[0, 1], [0, 1], [1, 2], [2]]  # places within reach too
