"""Incremental add / replace / remove on the corpus through the CLI: linking the same files again
adds nothing, removing and re-adding a document restores the exact quad count, a changed file
replaces its old contribution, and a dry run writes nothing."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.graph.store import GraphStore
from kg.vocab import document_iri


def kg(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def quads(store_dir) -> int:
    with GraphStore(store_dir, read_only=True) as graph_store:
        return graph_store.quad_count()


@pytest.fixture(scope="module")
def built(tmp_path_factory, corpus_files):
    store_dir = tmp_path_factory.mktemp("link-store") / "kg"
    result = kg("build", *map(str, corpus_files), "--store", str(store_dir))
    assert result.exit_code == 0, result.output
    return store_dir


def test_linking_the_corpus_again_adds_nothing_and_remove_readd_restores_the_count(built, corpus_files):
    before = quads(built)
    for _ in range(2):
        result = kg("link", *map(str, corpus_files), "--store", str(built), "--format", "json")
        assert result.exit_code == 0, result.output
        report = json.loads(result.output)
        assert report["documents"] == [] and len(report["unchanged"]) == len(corpus_files)
        assert report["totals"] == {"linked": 0, "new": 0, "relations_added": 0}
    assert quads(built) == before

    target = corpus_files[2]
    removed = kg("remove", str(target), "--store", str(built))
    assert removed.exit_code == 0, removed.output
    assert quads(built) < before
    readded = kg("link", str(target), "--store", str(built), "--format", "json")
    assert readded.exit_code == 0, readded.output
    document = json.loads(readded.output)["documents"][0]
    assert document["source"] == target.name and document["entities"]
    assert {"name", "type", "id", "method", "score", "new"} <= set(document["entities"][0])
    assert quads(built) == before


def test_remove_accepts_a_sha256_or_a_document_iri_and_rejects_unknown_targets(built, corpus_files):
    import hashlib

    before = quads(built)
    sha = hashlib.sha256(corpus_files[3].read_bytes()).hexdigest()
    assert kg("remove", sha, "--store", str(built)).exit_code == 0
    assert kg("link", str(corpus_files[3]), "--store", str(built)).exit_code == 0
    assert kg("remove", document_iri(sha), "--store", str(built)).exit_code == 0
    assert kg("link", str(corpus_files[3]), "--store", str(built)).exit_code == 0
    assert quads(built) == before
    unknown = CliRunner().invoke(cli, ["remove", "0" * 64, "--store", str(built)])
    assert unknown.exit_code == 1 and unknown.output.count("\n") == 1 and "no such document" in unknown.output


def test_dry_run_leaves_the_store_untouched(built, corpus_files, tmp_path):
    changed = tmp_path / corpus_files[2].name
    changed.write_text(corpus_files[2].read_text(encoding="utf-8") + "\n江苏省大力发展生物医药产业。\n",
                       encoding="utf-8")
    before = quads(built)
    result = kg("link", str(changed), "--dry-run", "--store", str(built))
    assert result.exit_code == 0, result.output
    assert "dry run: store untouched" in result.output
    assert quads(built) == before


def test_a_changed_file_replaces_its_previous_contribution(built, corpus_files, tmp_path):
    copy = tmp_path / "changing.txt"
    shutil.copy(corpus_files[2], copy)
    assert kg("link", str(copy), "--store", str(built)).exit_code == 0
    copy.write_text(copy.read_text(encoding="utf-8") + "\n江苏省大力发展生物医药产业。\n", encoding="utf-8")
    result = kg("link", str(copy), "--store", str(built), "--format", "json")
    assert result.exit_code == 0, result.output
    with GraphStore(built, read_only=True) as graph_store:
        assert len(graph_store.documents_for_path(str(copy.resolve()))) == 1
    assert kg("remove", str(copy), "--store", str(built)).exit_code == 0


def test_unmerge_through_the_cli_splits_an_alias_and_the_graph_still_validates(tmp_path, corpus_files):
    store_dir = str(tmp_path / "kg")
    assert kg("build", str(corpus_files[0]), "--store", store_dir).exit_code == 0
    with GraphStore(store_dir, read_only=True) as graph_store:
        rows = list(graph_store.query(
            "SELECT ?e ?label ?alias WHERE { ?m kg:mentionOf ?e ; kg:surface ?alias . ?e a kg:Region ;"
            " rdfs:label ?label FILTER(STR(?alias) != STR(?label)) } ORDER BY ?label ?alias LIMIT 1"))
    node, alias = rows[0]["e"].value, rows[0]["alias"].value
    result = kg("unmerge", alias, "--from", rows[0]["label"].value, "--store", store_dir)
    assert result.exit_code == 0 and f"split {alias!r} off {node}" in result.output
    with GraphStore(store_dir, read_only=True) as graph_store:
        assert graph_store.query(f"ASK {{ ?split owl:differentFrom <{node}> }}",
                                 prefixes={"owl": "http://www.w3.org/2002/07/owl#"})
    assert kg("validate", "--store", store_dir).exit_code == 0
    again = CliRunner().invoke(cli, ["unmerge", alias, "--from", node, "--store", store_dir])
    assert again.exit_code == 1 and "is not a name of" in again.output


def test_a_dry_run_accepts_a_relative_store_path(built, corpus_files, monkeypatch, tmp_path):
    changed = tmp_path / "changed.txt"
    changed.write_text(corpus_files[2].read_text(encoding="utf-8") + "\n江苏省大力发展生物医药产业。\n",
                       encoding="utf-8")
    monkeypatch.chdir(built.parent)
    result = kg("link", str(changed), "--dry-run", "--store", built.name)
    assert result.exit_code == 0, result.output
    assert "dry run: store untouched" in result.output and "changed.txt" in result.output
