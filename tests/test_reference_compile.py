"""The committed reference data is exactly what ``python -m kg.reference.compile`` produces."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.config import ONTOLOGY_DIR
from kg.reference import DATA_FILE
from kg.reference.compile import compile_reference, division_short_form
from kg.reference.outline import parse_outline


def test_compiled_files_are_up_to_date(tmp_path):
    counts = compile_reference(out=tmp_path / "reference.json", ontology_dir=tmp_path)
    assert counts["Region/county"] > 2800 and counts["Region/province"] == 34
    assert (tmp_path / "reference.json").read_bytes() == DATA_FILE.read_bytes(), \
        "run `python -m kg.reference.compile` and commit the result"
    for name in ("regions.ttl", "organizations.ttl", "industries.ttl"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (ONTOLOGY_DIR / name).read_text(encoding="utf-8"), name


@pytest.mark.parametrize("name, level, short", [
    ("江苏省", "province", "江苏"), ("宁夏回族自治区", "province", "宁夏"), ("香港特别行政区", "province", "香港"),
    ("恩施土家族苗族自治州", "city", "恩施"), ("博尔塔拉蒙古自治州", "city", "博尔塔拉"),
    ("东乡族自治县", "county", "东乡"), ("神农架林区", "county", "神农架"), ("忠县", "county", ""),
    ("阿拉善盟", "city", "阿拉善"), ("鄂温克族自治旗", "county", "鄂温克"),
])
def test_division_short_form(name, level, short):
    assert division_short_form(name, level) == short


def test_outline_errors_name_file_and_line(tmp_path: Path):
    bad = tmp_path / "bad.txt"
    bad.write_text("甲 | 乙\n  丙 | 丁 | broader\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.txt:2"):
        parse_outline(bad)
