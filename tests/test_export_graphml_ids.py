"""GraphML node ids are xs:NMTOKENs for libxml2 (lxml, xmllint), which checks them against the
XML 1.0 fourth-edition name characters: 、（）— and the like are escaped, ideographs stay."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import SCHEMAS
from lxml import etree

from kg.cli import cli
from kg.export.xml import graphml_id
from kg.export.xml_names import NAME_CHAR_RANGES, escape_non_name_chars

GRAPHML = "http://graphml.graphdrawing.org/xmlns"

#: Made-up text whose names hold characters that are no XML 1.0 fourth-edition name characters.
TEXT = (
    "江苏省人民政府印发《江苏省新能源汽车产业高质量发展行动方案（2022—2025年）》，"
    "支持苏州市大力发展新能源汽车产业。\n"
    "《南京市文化、体育和娱乐业高质量发展三年行动计划（2024—2026年）》提出，南京市重点发展文化、体育和娱乐业。\n"
)


@pytest.fixture(scope="module")
def libxml2_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "graphml.xsd")))


def graphml_with_ids(ids: list[str]) -> etree._ElementTree:
    nodes = "".join(f'<node id="{node_id}"/>' for node_id in ids)
    return etree.ElementTree(etree.fromstring(
        f'<graphml xmlns="{GRAPHML}"><graph edgedefault="directed">{nodes}</graph></graphml>'.encode()))


def test_every_character_an_id_keeps_is_a_name_character_for_libxml2(libxml2_schema):
    kept = "".join(chr(c) for first, last in NAME_CHAR_RANGES for c in range(first, last + 1))
    assert escape_non_name_chars(kept) == kept
    ids = [f"a{kept[i:i + 500]}" for i in range(0, len(kept), 500)]
    assert libxml2_schema.validate(graphml_with_ids(ids)), libxml2_schema.error_log


@pytest.mark.parametrize("char", ["、", "（", "）", "—", "《", "，", "@", "_", "\u9fa6", "\u3400", "\uff21"])
def test_characters_outside_the_tables_are_escaped_and_the_escape_validates(libxml2_schema, char):
    assert not libxml2_schema.validate(graphml_with_ids([f"a{char}b"])) or char == "_"
    escaped = escape_non_name_chars(f"a{char}b")
    assert escaped == f"a_x{ord(char):04X}_b"
    assert libxml2_schema.validate(graphml_with_ids([escaped])), libxml2_schema.error_log


def test_ids_stay_readable_and_one_to_one():
    assert graphml_id("https://w3id.org/kgcn/id/industry/文化、体育和娱乐业") == "industry:文化_x3001_体育和娱乐业"
    assert graphml_id("https://w3id.org/kgcn/id/region/江苏省") == "region:江苏省"
    assert graphml_id("https://w3id.org/kgcn/id/region/a_x3001_") != graphml_id("https://w3id.org/kgcn/id/region/a、")


def test_an_export_of_such_names_validates_with_libxml2(tmp_path, libxml2_schema):
    source = tmp_path / "names.txt"
    source.write_text(TEXT, encoding="utf-8")
    store, out = tmp_path / "store", tmp_path / "kg.graphml"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(source), "--store", str(store)]).exit_code == 0
    result = runner.invoke(cli, ["export", "graphml", "--out", str(out), "--store", str(store)])
    assert result.exit_code == 0, result.output
    document = etree.parse(str(out))
    assert libxml2_schema.validate(document), libxml2_schema.error_log
    iris = [d.text for d in document.iter(f"{{{GRAPHML}}}data") if d.text and d.text.startswith("https://w3id.org/")]
    assert any(ch in iri for iri in iris for ch in "、（—"), iris  # the names did hold such characters
    ids = {n.get("id") for n in document.iter(f"{{{GRAPHML}}}node")}
    assert "region:南京市" in ids and any("_x3001_" in i or "_xFF08_" in i for i in ids)

