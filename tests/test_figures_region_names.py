"""The region a text names most (figures' _most_named, which weighs the place a text speaks for) from one pass
of an automaton over the text (_RegionNames) is the one counting each of the thousands of names with str.count
found: the same count (uses that do not overlap, also of a name that may overlap itself), the same first region
of those named as often, the same first region of the level when the text names none."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.figures import _levels, _most_named, _region_names
from kg.reference import RefEntry


class _Reference:
    """The regions of a reference, in its order (what _RegionNames reads of kg.reference.Reference)."""

    def __init__(self, entries: list[RefEntry]) -> None:
        self._entries = entries

    def entries(self, type: str | None = None):
        return (entry for entry in self._entries if type is None or entry.type == type)


def _region(name: str, level: str, *aliases: str) -> RefEntry:
    return RefEntry("Region", name, name, f"region:{name}", aliases, level=level)


#: 阿阿 and 乌鲁乌 may overlap themselves (阿阿阿 holds 阿阿 once for str.count); 上海市 is a province that is a city.
REFERENCE = _Reference([_region("北京市", "province", "北京"), _region("上海市", "province", "上海"),
                        _region("江苏省", "province", "江苏"), _region("南京市", "city", "南京"),
                        _region("阿阿市", "city", "阿阿"), _region("乌鲁乌市", "city", "乌鲁乌"),
                        _region("苏州市", "city", "苏州"), _region("京口区", "county", "京口")])
PIECES = ["北京", "市", "上海", "江苏", "省", "南京", "阿", "乌鲁", "苏州", "京口", "区", "，", "发展"]


def old_most_named(text: str, reference, level: str):
    """The definition: every region of the level, counted by str.count, the first of the most named."""
    chars = frozenset(text)
    return max(((max(text.count(name) if name[:1] in chars else 0 for name in [entry.name, *entry.aliases]), entry)
                for entry in reference.entries("Region") if level in _levels(entry)),
               key=lambda pair: pair[0], default=None)


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join), st.sampled_from(["province", "city", "county"]))
def test_the_region_named_most_is_the_one_counting_every_name_finds(text, level):
    assert _most_named(text, REFERENCE, level) == old_most_named(text, REFERENCE, level)


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_each_name_is_counted_as_str_count_counts_it(text):
    counts = _region_names(REFERENCE, "city").times_named(text)
    for name in ["北京市", "北京", "上海市", "南京", "阿阿", "乌鲁乌", "苏州"]:
        assert counts.get(name, 0) == text.count(name)


def test_a_report_naming_its_city_most_and_one_naming_none():
    report = "南京市2023年地区生产总值增长4.6%，南京全市规模以上工业增加值增长6.7%，苏州市增长5.1%"
    assert _most_named(report, REFERENCE, "city")[1].name == "南京市"
    assert _most_named(report, REFERENCE, "city")[0] == 2
    assert _most_named("全市生产总值增长5.6%", REFERENCE, "city") == (0, REFERENCE._entries[0])  # 北京市: a city too


def test_a_name_that_may_overlap_itself_is_counted_once_where_two_uses_share_a_character():
    counts = _region_names(REFERENCE, "city").times_named("阿阿阿市，乌鲁乌鲁乌")
    assert (counts["阿阿"], counts["乌鲁乌"]) == (1, 1)
