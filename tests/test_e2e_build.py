"""End to end: `kg build` of the project's documents (examples/ in txt, md and html, and the held-out
documents) into a temporary store, then everything a user relies
on — plausible counts of every type, SHACL conformance, idempotency, replacement of a changed
file, and provenance traceable in SPARQL down to the sentence text and offsets.

The documents are built once for this module (the expensive part); tests that change a store build
their own small one.
"""
from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

from conftest import DOCUMENT_FOLDERS
from kg.cli import cli
from kg.graph.store import GraphStore
from kg.ingest import iter_inputs
from kg.ingest.formats import html_text

#: One worker runs this module under `pytest -n`, so its store is built once (setup.cfg: loadgroup).
pytestmark = pytest.mark.xdist_group("e2e-corpus")

#: The README's provenance example: every relation with the sentence that states it, that
#: sentence's offsets in the normalised text and in the original file, and the file. DISTINCT:
#: Oxigraph's union default graph repeats a triple once per document graph holding it.
PROVENANCE_QUERY = """
PREFIX kg:      <https://w3id.org/kgcn/ontology#>
PREFIX rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov:    <http://www.w3.org/ns/prov#>

SELECT DISTINCT ?head ?relation ?tail ?confidence ?sentence ?start ?end ?sourceStart ?sourceEnd ?file
WHERE {
  ?evidence a kg:Assertion ;
            rdf:subject ?h ; rdf:predicate ?relation ; rdf:object ?t ;
            kg:confidence ?confidence ;
            prov:wasDerivedFrom ?s .
  ?s kg:text ?sentence ; kg:start ?start ; kg:end ?end ;
     kg:sourceStart ?sourceStart ; kg:sourceEnd ?sourceEnd ;
     dcterms:isPartOf ?doc .
  ?doc kg:sourcePath ?file .
  ?h rdfs:label ?head .
  ?t rdfs:label ?tail .
}
ORDER BY ?file ?start ?head ?relation ?tail
"""


def kg(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


#: What `kg build` is given: folders, as a user gives them.
FOLDERS = [str(folder) for folder in DOCUMENT_FOLDERS]


@pytest.fixture(scope="module")
def documents() -> list[Path]:
    return list(iter_inputs(FOLDERS))


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory) -> tuple[Path, Result]:
    store = tmp_path_factory.mktemp("e2e") / "store"
    result = kg("build", *FOLDERS, "--store", str(store))
    return store, result


def stats(store: Path) -> dict:
    result = kg("stats", "--json", "--store", str(store))
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_corpus_builds_every_type_with_plausible_counts(corpus_store, documents):
    store, result = corpus_store
    assert {p.suffix for p in documents} == {".txt", ".md", ".html"}
    assert result.exit_code == 0, result.output
    assert f"{len(documents)} added, 0 replaced, 0 unchanged, 0 failed" in result.output
    figures = stats(store)
    assert figures["documents"] == len(documents)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in documents)
    for entity_type, count in figures["entities"].items():
        assert 1 <= count <= chars // 20, (entity_type, count)
    assert sum(figures["entities"].values()) >= 50
    assert figures["entities"]["Region"] >= 10
    assert sum(figures["relations"].values()) >= 10
    assert sum(1 for n in figures["relations"].values() if n) >= 4
    assert figures["quads"] > 10 * sum(figures["entities"].values())


def test_corpus_graph_conforms_to_the_shapes(corpus_store):
    store, _ = corpus_store
    result = kg("validate", "--store", str(store))
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_building_again_adds_nothing(corpus_store, documents):
    store, _ = corpus_store
    before = stats(store)
    with GraphStore(store, read_only=True) as graph_store:
        documents = graph_store.documents()
    result = kg("build", *FOLDERS, "--store", str(store))
    assert result.exit_code == 0, result.output
    assert f"0 added, 0 replaced, {len(documents)} unchanged, 0 failed" in result.output
    assert "(+0)" in result.output
    assert stats(store) == before
    with GraphStore(store, read_only=True) as graph_store:
        assert graph_store.documents() == documents  # ingested-at unchanged too


def _source_text(path: Path) -> str:
    """The text source offsets count in: the file's text, or an HTML page's visible text."""
    raw = path.read_text(encoding="utf-8-sig")
    return html_text(raw)[0] if path.suffix == ".html" else raw


def _comparable(text: str) -> str:
    """Text as the normaliser sees it, for comparing a source slice with a sentence."""
    text = unicodedata.normalize("NFKC", text).replace("⋯", "...")
    return "".join(ch for ch in text if not ch.isspace())


def test_every_relation_traces_to_its_sentence_text_and_offsets(corpus_store):
    from kg.ingest import read_document

    store, _ = corpus_store
    result = kg("query", PROVENANCE_QUERY, "--format", "json", "--store", str(store))
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["results"]["bindings"]
    assert len(rows) >= 10
    documents = {}
    exact = 0
    for row in rows:
        path = row["file"]["value"]
        if path not in documents:
            documents[path] = (read_document(Path(path)), _source_text(Path(path)))
        document, source = documents[path]
        start, end = int(row["start"]["value"]), int(row["end"]["value"])
        sentence = row["sentence"]["value"]
        assert document.text[start:end] == sentence
        original = _comparable(source[int(row["sourceStart"]["value"]):int(row["sourceEnd"]["value"])])
        wanted = _comparable(sentence)
        assert original[:1] == wanted[:1] and original[-1:] == wanted[-1:], (original, wanted)
        exact += original == wanted
        assert 0 < float(row["confidence"]["value"]) <= 1
        assert row["relation"]["value"].startswith("https://w3id.org/kgcn/ontology#")
    # Only PDF artefacts the normaliser repairs (doubled bold glyphs) may differ.
    assert exact >= 0.95 * len(rows)


def test_table_output_of_the_provenance_query(corpus_store):
    store, _ = corpus_store
    result = kg("query", PROVENANCE_QUERY, "--store", str(store))
    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[0].split()
    assert header == ["head", "relation", "tail", "confidence", "sentence", "start", "end",
                      "sourceStart", "sourceEnd", "file"]
    assert "kg:" in result.output  # IRIs shown with their prefix


def _graph_quads(store: Path, doc: str) -> set[str]:
    with GraphStore(store, read_only=True) as graph_store:
        return {str(q) for q in graph_store.store.quads_for_pattern(None, None, None, ox.NamedNode(doc))}


def test_a_changed_file_replaces_its_graph_and_nothing_else(tmp_path, corpus_files):
    small = sorted(corpus_files, key=lambda p: p.stat().st_size)[:2]
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    changing, stable = inputs / "changing.txt", inputs / "stable.txt"
    shutil.copy(small[0], changing)
    shutil.copy(small[1], stable)
    store = tmp_path / "store"
    assert kg("build", str(inputs), "--store", str(store)).exit_code == 0
    with GraphStore(store, read_only=True) as graph_store:
        old = graph_store.document_for_path(str(changing.resolve()))
        other = graph_store.document_for_path(str(stable.resolve()))
    assert old and other
    other_quads = _graph_quads(store, other)

    with changing.open("a", encoding="utf-8") as stream:
        stream.write("\n江苏省苏州市重点发展集成电路产业。\n")
    result = kg("build", str(inputs), "--store", str(store))
    assert result.exit_code == 0, result.output
    assert "0 added, 1 replaced, 1 unchanged, 0 failed" in result.output

    with GraphStore(store, read_only=True) as graph_store:
        new = graph_store.document_for_path(str(changing.resolve()))
        assert new and new != old
        assert not graph_store.has_document(old)
        assert sorted(d["iri"] for d in graph_store.documents()) == sorted([new, other])
        assert bool(graph_store.query('ASK { ?s kg:text ?t FILTER(CONTAINS(?t, "重点发展集成电路产业")) }'))
    assert _graph_quads(store, other) == other_quads
    assert not _graph_quads(store, old)


def test_unreadable_files_are_reported_and_the_rest_is_built(tmp_path, corpus_files):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    good = inputs / "good.txt"
    shutil.copy(min(corpus_files, key=lambda p: p.stat().st_size), good)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "blob.bin").write_bytes(bytes(range(256)) * 4)
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["build", str(inputs), str(tmp_path / "missing.txt"), "--store", str(store)])
    assert result.exit_code == 1
    failures = [line for line in result.stderr.splitlines() if line.startswith("kg: failed: ")]
    assert len(failures) == 3, result.stderr
    assert any("empty.txt" in line for line in failures)
    assert any("blob.bin" in line for line in failures)
    assert any("missing.txt" in line for line in failures)
    assert "Traceback" not in result.output
    with GraphStore(store, read_only=True) as graph_store:
        assert [d["source"] for d in graph_store.documents()] == ["good.txt"]
