"""A work report's review heading that names no year (一、工作回顾) dates the figures under it to the year before
the speech is delivered; whether a document is such a speech is asked of its whole text, so it is asked only
for a sentence that reads as such a heading, not for every sentence (0.6 CPU-s of a build of 34 documents)."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from kg.extract import figures as figures_module
from tests.extract_fixtures import extractor, make_document  # noqa: F401 (fixture)

SPEECH = "各位代表：\n现在，我代表市人民政府向大会报告政府工作，请予审议。\n"
BODY = "".join(f"全市第{i}项工作稳步推进。" for i in range(200))


class CountingPattern:
    """A compiled pattern that counts the searches made with it."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.searches = pattern, 0

    def search(self, *args):  # type: ignore[no-untyped-def]
        self.searches += 1
        return self.pattern.search(*args)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.pattern, name)


@pytest.fixture
def speech_searches(monkeypatch: pytest.MonkeyPatch) -> CountingPattern:
    counting = CountingPattern(figures_module._SPEECH)
    monkeypatch.setattr(figures_module, "_SPEECH", counting)
    return counting


def test_a_report_without_a_review_heading_is_not_searched_for_a_speech_per_sentence(extractor, speech_searches):
    extractor.extract(make_document("2025年1月10日\n" + BODY))
    assert speech_searches.searches <= 2  # was one a sentence: 200


def test_an_undated_review_heading_still_dates_a_speechs_figures_to_the_year_before(extractor, speech_searches,
                                                                                    tmp_path):
    from kg.extract import extraction_to_json
    from kg.ingest import read_document

    path = tmp_path / "report.txt"
    head = "绍兴市政府工作报告\n——2025年1月15日在绍兴市第九届人民代表大会第五次会议上\n"
    path.write_text(head + SPEECH + "一、工作回顾\n预计全市地区生产总值7791亿元，增长5.6%。\n", encoding="utf-8")
    found = extraction_to_json(extractor.extract(read_document(path)))["targets"]
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [(Decimal("7791"), 2024, "reported"), (Decimal("5.6"), 2024, "reported")]
    assert speech_searches.searches >= 1
