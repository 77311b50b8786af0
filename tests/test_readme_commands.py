"""Every command the README shows runs as written: the `sh` block of kg commands, in order, on a
copy of examples/ (so ./kg-data and ./exports are made where the README says), and every SPARQL
query it prints, on the store that block built."""
from __future__ import annotations

import re
import shlex
import shutil

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, REPO

from kg.cli import cli

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS = [line for block in re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
            for line in block.splitlines() if line.strip()]
QUERIES = re.findall(r"```sparql\n(.*?)```", README, re.DOTALL)


@pytest.fixture(scope="module")
def readme_run(tmp_path_factory):
    """The README's commands run in order in a folder holding a copy of examples/: the folder and
    each command with its result."""
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(EXAMPLES, folder / "examples")
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        results = [(line, runner.invoke(cli, shlex.split(line, comments=True)[1:])) for line in COMMANDS]
    return folder, results


def test_the_readme_shows_kg_commands_and_queries():
    assert len(COMMANDS) >= 10 and len(QUERIES) >= 1
    assert all(line.startswith(".venv/bin/kg ") for line in COMMANDS), COMMANDS


def test_every_readme_command_runs_as_written(readme_run):
    folder, results = readme_run
    for line, result in results:
        assert result.exit_code == 0, f"{line}\n{result.output}"
        assert "error" not in result.stderr, f"{line}\n{result.stderr}"
    assert (folder / "kg-data").is_dir()
    assert (folder / "exports" / "kg.graphml").is_file() and (folder / "exports" / "jiangsu.gexf").is_file()


def test_every_readme_query_runs_on_the_example_store(readme_run, monkeypatch):
    folder, _ = readme_run
    monkeypatch.chdir(folder)
    for query in QUERIES:
        result = CliRunner().invoke(cli, ["query", query])
        assert result.exit_code == 0, result.output
        assert not result.output.endswith("(0 rows)\n"), result.output


def test_the_query_pages_target_example_answers_from_the_examples(readme_run, monkeypatch):
    """2025 digital-economy targets by province, highest first: 湖南省's, from
    examples/05-hunan-digital-economy.txt, highest first within each base unit (元, %)."""
    import csv
    import io

    from kg.server.examples import EXAMPLES as QUERY_PAGE_EXAMPLES

    folder, _ = readme_run
    monkeypatch.chdir(folder)
    query = QUERY_PAGE_EXAMPLES["2025 digital-economy targets by province, highest first"]
    result = CliRunner().invoke(cli, ["query", query, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["province"], r["indicator"], r["comparator"], float(r["value"]), r["unit"]) for r in rows] == [
        ("湖南省", "数字经济核心产业增加值占地区生产总值比重", "≥", 10.0, "%"),
        ("湖南省", "数字经济规模", "≥", 2.0, "万亿元"),  # 2 万亿元 is more than 6000 亿元
        ("湖南省", "数字经济核心产业营业收入", "≥", 6000.0, "亿元"),
    ]
    assert {r["policy"] for r in rows} == {"湖南省数字经济高质量发展行动计划（2023—2025年）"}
