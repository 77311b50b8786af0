"""kg.pipeline.build on real corpus files: what it adds, skips, replaces and reports."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.graph.store import GraphStore
from kg.ingest import read_document
from kg.pipeline import build

pytestmark = pytest.mark.xdist_group("pipeline-build")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
LINK_METHOD = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?m kg:linkMethod ?method } }"


@pytest.fixture(scope="module")
def extractor():
    from kg.extract import Extractor

    return Extractor()


@pytest.fixture
def inputs(tmp_path, corpus_files) -> list[Path]:
    """The two smallest corpus files, copied so tests may change them."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    copies = []
    for source in sorted(corpus_files, key=lambda p: p.stat().st_size)[:2]:
        copies.append(Path(shutil.copy(source, folder / source.name)))
    return copies


def count(store: GraphStore, query: str) -> int:
    return int(next(iter(store.query(query)))["n"].value)


def test_report_of_a_fresh_build(inputs, extractor):
    with GraphStore(None) as store:
        report = build([inputs[0].parent], store, extractor=extractor)
        assert report.ok
        assert report.added == [str(p.resolve()) for p in sorted(inputs)]
        assert report.replaced == report.skipped == []
        assert report.chars == sum(len(read_document(p).text) for p in inputs)
        stats = store.stats()
        assert (report.documents, report.entities, report.relations, report.quads) == (
            2, stats["entities"], stats["relations"], stats["quads"])
        assert report.quads_added == report.quads == store.quad_count() > 0
        assert report.seconds > 0
        assert count(store, LINK_METHOD) == 0  # no linker: extraction's IRIs as they are


def test_rebuilding_skips_unchanged_files(inputs, extractor):
    with GraphStore(None) as store:
        build(inputs, store, extractor=extractor)
        documents = store.documents()
        again = build(inputs, store, extractor=extractor)
        assert again.added == again.replaced == [] and len(again.skipped) == 2
        assert again.quads_added == 0 and again.chars == 0
        assert store.documents() == documents


def test_identical_content_under_two_names_is_stored_once(inputs, extractor):
    twin = inputs[0].parent / "twin.txt"
    shutil.copy(inputs[0], twin)
    with GraphStore(None) as store:
        report = build([inputs[0], twin], store, extractor=extractor)
        assert report.added == [str(inputs[0].resolve())] and report.skipped == [str(twin.resolve())]
        assert report.documents == 1


def test_a_changed_file_is_replaced(inputs, extractor):
    with GraphStore(None) as store:
        build(inputs, store, extractor=extractor)
        old = store.document_for_path(str(inputs[0].resolve()))
        inputs[0].write_text("国家发展改革委印发《关于促进民营经济发展的意见》。", encoding="utf-8")
        report = build(inputs, store, extractor=extractor)
        assert report.replaced == [str(inputs[0].resolve())] and len(report.skipped) == 1
        assert report.quads_added < 0  # a much shorter document
        new = store.document_for_path(str(inputs[0].resolve()))
        assert new != old and not store.has_document(old)
        assert store.documents_for_path(str(inputs[0].resolve())) == [new]


def test_unreadable_inputs_are_reported_and_the_batch_goes_on(inputs, extractor, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    with GraphStore(None) as store:
        report = build([missing, empty, *inputs], store, extractor=extractor)
        assert not report.ok
        assert {f.source for f in report.failed} == {str(missing), str(empty.resolve())}
        assert all(f.reason for f in report.failed)
        assert len(report.added) == 2 and report.documents == 2


def test_a_failing_extraction_is_reported_for_its_file_and_leaves_complete_documents(inputs, extractor):
    class FailsOnSecond:
        def __init__(self) -> None:
            self.calls = 0

        def extract(self, document):
            self.calls += 1
            if self.calls == 2:
                raise RuntimeError("extractor bug")
            return extractor.extract(document)

    first, second = sorted(inputs)
    with GraphStore(None) as alone:
        build([first], alone, extractor=extractor)
        expected = alone.quad_count()
    with GraphStore(None) as store:
        report = build([first, second], store, extractor=FailsOnSecond())
        assert [(f.source, f.reason) for f in report.failed] == [
            (str(second.resolve()), "cannot extract: RuntimeError: extractor bug")]
        assert report.added == [str(first.resolve())]
        assert store.quad_count() == expected
        assert len(store.documents()) == 1


def test_the_linker_rewrites_entities_before_they_are_written(inputs, extractor):
    from kg.link import Linker

    with GraphStore(None) as store:
        build(inputs, store, extractor=extractor, linker=Linker(store))
        mentions = count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?m a kg:Mention } }")
        assert count(store, LINK_METHOD) == mentions > 0


def _dump(store: GraphStore) -> list[str]:
    """The store's sorted N-Quads, ingestion times left out (they differ from build to build)."""
    stamp = re.compile(r'"[^"]*"\^\^<http://www.w3.org/2001/XMLSchema#dateTime>')
    return sorted(stamp.sub('""', line) for line in str(ox.serialize(store.store.raw, format=ox.RdfFormat.N_QUADS),
                                                              "utf-8").splitlines())


def test_documents_loaded_together_make_the_graph_of_documents_loaded_one_by_one(extractor, monkeypatch):
    """The linker links each document against the ones before it whether they are in the store or
    still queued for the next bulk load: the same nodes, labels and quads."""
    from kg.link import Linker

    dumps = []
    for batch in (1, 1_000_000):
        monkeypatch.setattr("kg.graph.store.STORE_BATCH_QUADS", batch)
        with GraphStore(None) as store:
            report = build([EXAMPLES], store, extractor=extractor, linker=Linker(store))
            assert report.ok and len(report.added) == 5
            dumps.append(_dump(store))
    assert dumps[0] == dumps[1]
    assert sum('<http://www.w3.org/2004/02/skos/core#altLabel>' in line for line in dumps[0]) > 0
