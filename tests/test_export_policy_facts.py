"""Exports of policy facts and figures (issue 16): Policy nodes carry number, date, kind, level
and period; ``--with-targets`` adds the figures as nodes linked to their subjects and policies.
The files stay valid GraphML/GEXF and read back with networkx."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from export_helpers import read_networkx, validate
from kg.cli import cli

NOTICES = Path(__file__).resolve().parent / "data" / "policy-facts"
NOTICE_TITLE = "江苏省人民政府关于印发江苏省数字经济发展行动计划（2024—2026年）的通知"
PLAN_TITLE = "江苏省数字经济发展行动计划（2024—2026年）"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("policy-facts") / "store"
    result = CliRunner().invoke(cli, ["build", "--store", str(path), str(NOTICES)])
    assert result.exit_code == 0, result.output
    return path


def export(store: Path, tmp_path: Path, fmt: str, *options: str):
    out = tmp_path / f"kg.{fmt}"
    result = CliRunner().invoke(cli, ["export", fmt, "--store", str(store), "--out", str(out), *options])
    assert result.exit_code == 0, result.output
    validate(out)
    graph = read_networkx(out)
    return {data["label"]: data for _, data in graph.nodes(data=True)}, graph


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_policy_nodes_carry_number_date_kind_level_and_period(store, tmp_path, fmt):
    nodes, _ = export(store, tmp_path, fmt)
    notice, plan = nodes[NOTICE_TITLE], nodes[PLAN_TITLE]
    assert (notice["number"], notice["date"], notice["kind"], notice["level"]) == (
        "苏政发〔2024〕15号", "2024-03-05", "通知", "provincial")
    assert (plan["kind"], plan["level"], plan["period_start"], plan["period_end"]) == ("计划", "provincial", 2024, 2026)
    assert not any(n.get("type") in ("Target", "ReportedFigure") for n in nodes.values())  # only when asked


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_with_targets_adds_figures_linked_to_subject_and_policy(store, tmp_path, fmt):
    nodes, graph = export(store, tmp_path, fmt, "--with-targets")
    by_id = dict(graph.nodes(data=True))
    figures = {node: data for node, data in by_id.items() if data.get("type") in ("Target", "ReportedFigure")}
    assert len(figures) == 8
    target = next(d for d in figures.values() if d.get("unit") == "万个")
    assert (float(target["value"]), target["comparator"], target["year"], target["type"]) == (10.0, "≥", 2027, "Target")
    relations = {(by_id[v]["label"], d.get("relation") or d.get("label")) for u, v, d in graph.edges(data=True)
                 if u in figures}
    assert ("江苏省", "figure_of") in relations and ("集成电路", "figure_of") in relations
    assert (PLAN_TITLE, "stated_in") in relations


def test_the_server_exports_the_cli_bytes_with_targets(store, tmp_path):
    from kg.config import ServerConfig
    from kg.graph.store import GraphStore
    from kg.server import create_app

    out = tmp_path / "kg.gexf"
    result = CliRunner().invoke(cli, ["export", "gexf", "--store", str(store), "--out", str(out), "--with-targets"])
    assert result.exit_code == 0, result.output
    graph_store = GraphStore(store, read_only=True)
    try:
        client = create_app(ServerConfig(store=store), graph_store=graph_store).test_client()
        response = client.get("/export/gexf?with_targets=true")
        assert response.status_code == 200 and response.data == out.read_bytes()
        assert client.get("/export/gexf?with_targets=maybe").status_code == 400
    finally:
        graph_store.close()


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_a_figures_value_is_exported_with_every_digit_stated(tmp_path, fmt):
    """The value of a figure node is the store's exact kg:value, not a float's 17 digits of it."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plan.txt").write_text("江苏省数字经济发展规划\n\n到2025年，全省数字经济规模达到12345678901234567890.12亿元，"
                                     "全省数字经济核心产业增加值占比达到0.10000000000000001%。\n", encoding="utf-8")
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["build", "--store", str(store), str(folder)])
    assert result.exit_code == 0, result.output
    out = tmp_path / f"kg.{fmt}"
    result = CliRunner().invoke(cli, ["export", fmt, "--store", str(store), "--out", str(out), "--with-targets"])
    assert result.exit_code == 0, result.output
    validate(out)
    text = out.read_text(encoding="utf-8")
    written = {"graphml": '<data key="value">{}</data>', "gexf": '<attvalue for="value" value="{}"/>'}[fmt]
    assert written.format("12345678901234567890.12") in text and written.format("0.10000000000000001") in text


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_years_and_counts_read_back_as_integers_and_a_value_as_stated(tmp_path, fmt):
    """Every number was a double or a string: networkx read a figure's 780 as 780.0, its
    12345678901234567890.12 as 1.2345678901234567e+19 and its year as the string '2025'."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plan.txt").write_text(
        "江苏省数字经济发展行动计划（2024—2026年）\n\n到2025年，全省数字经济规模达到12345678901234567890.12亿元，"
        "开行中欧班列780列。\n", encoding="utf-8")
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["build", "--store", str(store), str(folder)])
    assert result.exit_code == 0, result.output
    nodes, graph = export(store, tmp_path, fmt, "--with-targets")
    figures = {data["value_exact"]: data for data in nodes.values() if data.get("type") == "Target"}
    assert set(figures) == {"12345678901234567890.12", "780"}
    big = figures["12345678901234567890.12"]
    assert (big["year"], type(big["year"]), big["value"]) == (2025, int, 1.2345678901234567e19)
    plan = nodes["江苏省数字经济发展行动计划（2024—2026年）"]
    assert (plan["period_start"], plan["period_end"]) == (2024, 2026)
    assert all(type(data["documents"]) is int for data in nodes.values())
    if fmt == "graphml":  # GEXF's weight is the edge's XML attribute, a float by its schema
        assert {type(data["weight"]) for _, _, data in graph.edges(data=True)} == {int}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_a_year_or_value_a_raw_update_made_no_number_leaves_the_file_readable(tmp_path, fmt):
    """A reader converts each attribute to its declared type: a value 'lots' written as a double
    stopped networkx's read_graphml/read_gexf with a ValueError (the whole file unreadable)."""
    from kg.graph.store import GraphStore
    from kg.vocab import KG

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plan.txt").write_text("江苏省数字经济发展规划\n\n到2025年，全省数字经济规模达到780亿元。\n", encoding="utf-8")
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["build", "--store", str(store), str(folder)])
    assert result.exit_code == 0, result.output
    graph_store = GraphStore(store)
    graph_store.store.update(f"""DELETE {{ GRAPH ?g {{ ?f <{KG.value}> ?v ; <{KG.year}> ?y }} }}
        INSERT {{ GRAPH ?g {{ ?f <{KG.value}> "lots"^^<http://www.w3.org/2001/XMLSchema#decimal> ; <{KG.year}> "MMXXV" }} }}
        WHERE {{ GRAPH ?g {{ ?f <{KG.value}> ?v ; <{KG.year}> ?y }} }}""")
    graph_store.close()
    nodes, _ = export(store, tmp_path, fmt, "--with-targets")
    (figure,) = (data for data in nodes.values() if data.get("type") == "Target")
    assert figure["value_exact"] == "lots" and "value" not in figure and "year" not in figure
