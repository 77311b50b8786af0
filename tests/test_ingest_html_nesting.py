"""Reading HTML costs work linear in the page, however deeply its elements nest (issue 12, 9).

The work is counted, not timed: the Python and C function calls ``html_text`` makes, which a
quadratic step (each string asking for its ancestors, each insertion walking to the last
descendant) multiplies with the depth of the tree.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from kg.ingest import read_document
from kg.ingest.formats import html_text

SENTENCE = "江苏省发展新能源汽车产业。"


def nested_divs(depth: int) -> str:
    return "<html><body>" + f"<div>{SENTENCE}" * depth + "</div>" * depth + "</body></html>"


def calls(function: Callable[[], object]) -> int:
    count = 0

    def profile(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        function()
    finally:
        sys.setprofile(None)
    return count


def test_nested_divs_cost_grows_linearly() -> None:
    html_text(nested_divs(10))  # imports and parser set-up outside the count
    small, large = (calls(lambda n=n: html_text(nested_divs(n))) for n in (1_000, 4_000))
    assert large < 4.5 * small, (small, large)  # quadratic would be 16 times


def test_deeply_nested_page_keeps_every_block_as_a_line(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    path.write_text(nested_divs(10_000), encoding="utf-8")
    document = read_document(path)
    assert document.text.split("\n") == [SENTENCE] * 10_000
