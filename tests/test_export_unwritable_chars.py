"""GraphML/GEXF of labels holding characters XML 1.0 cannot hold (U+0001, U+FFFE): written
``_xHHHH_`` instead of dropped, the file still parses (Gephi opens it), the CLI warns with the
count and the file (so a download too) ends with a comment saying it."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from export_fixtures import Doc, document_quads
from kg.cli import cli
from kg.graph.store import GraphStore
from kg.vocab import document_iri

LABEL = "苏州\x01工业园区\ufffe_x0041_"  # two unwritable characters, and a literal that reads as an escape
ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")


def unescape(value: str) -> str:
    """The README's rule for reading such a value back."""
    return ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), value)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("unwritable") / "store"
    doc = Doc(sha="d" * 64, source="doc.txt", sentences=["苏州。"],
              entities=[("Region", "苏州工业园区", LABEL, []), ("Region", "江苏省", "江苏省", [])],
              relations=[("Region", "苏州工业园区", "part_of", "Region", "江苏省", 0.9, 0)])
    with GraphStore(path) as graph_store:
        graph_store.write_document(document_iri(doc.sha), document_quads(doc))
    return path


def labels(root: ET.Element, fmt: str) -> set[str]:
    if fmt == "gexf":
        return {node.get("label") for node in root.iter("{http://www.gexf.net/1.2draft}node")}
    return {data.text for data in root.iter("{http://graphml.graphdrawing.org/xmlns}data") if data.get("key") == "label"}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_unwritable_characters_are_escaped_reversibly_and_counted(store_path, tmp_path, fmt):
    out = tmp_path / f"kg.{fmt}"
    result = CliRunner().invoke(cli, ["export", fmt, "--store", str(store_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "kg: warning: 2 character(s) XML 1.0 cannot hold written _xHHHH_" in result.output
    data = out.read_text(encoding="utf-8")
    assert "kg: 2 character(s) XML 1.0 cannot hold" in data.rsplit("-->", 1)[0][-200:]
    written = labels(ET.fromstring(data.encode("utf-8")), fmt)
    assert "苏州_x0001_工业园区_xFFFE__x005F_x0041_" in written
    assert {unescape(label) for label in written} == {LABEL, "江苏省"}


def test_server_download_ends_with_the_count(store_path):
    from kg.config import ServerConfig
    from kg.server import create_app

    with GraphStore(store_path, read_only=True) as graph_store:
        client = create_app(ServerConfig(store=store_path), graph_store=graph_store).test_client()
        body = client.get("/export/gexf").get_data(as_text=True)
    assert body.rstrip().endswith("<!-- kg: 2 character(s) XML 1.0 cannot hold are written _xHHHH_ "
                                  "(their code point in hex) -->")


def test_clean_labels_give_no_warning_nor_comment(tmp_path):
    from export_fixtures import small_docs

    path = tmp_path / "store"
    with GraphStore(path) as graph_store:
        for doc in small_docs():
            graph_store.write_document(document_iri(doc.sha), document_quads(doc))
    result = CliRunner().invoke(cli, ["export", "graphml", "--store", str(path), "--out", "-"])
    assert result.exit_code == 0
    assert "warning" not in result.stderr and "<!--" not in result.stdout
