"""One policy, one node: a title with and without its issuer in front (江苏省人民政府关于…的实施意见 /
《关于…的实施意见》), or with and without its period in brackets, is one policy when the issuer
agrees; a same-worded title from another issuer, or one whose issuer nobody states, stays apart.
Made-up documents, linked into an in-memory store."""
from __future__ import annotations

from pathlib import Path

import pytest
from extract_fixtures import extractor  # noqa: F401 (fixture)

from kg.graph.store import GraphStore
from kg.link import Linker
from kg.link.service import link_files

TITLE = "关于加快发展新能源汽车产业的实施意见"
HEADING = f"江苏省人民政府{TITLE}\n\n"
#: The heading of a document of its own: its number, then its first paragraph.
HEADED_DOCUMENT = HEADING + "苏政发〔2025〕12号\n\n为加快发展新能源汽车产业，现提出如下意见。\n"
JIANGSU_ISSUES = f"江苏省人民政府近日印发《{TITLE}》，支持苏州市发展新能源汽车产业。\n"
ZHEJIANG_ISSUES = f"浙江省人民政府近日印发《{TITLE}》，支持杭州市发展新能源汽车产业。\n"
NOBODY_ISSUES = f"《{TITLE}》提出，苏州市要大力发展新能源汽车产业。\n"


def policies(store: GraphStore) -> dict[str, set[str]]:
    """Policy node → its label and aliases."""
    rows = store.query("SELECT ?p ?name WHERE { ?p a kg:Policy ; rdfs:label|skos:altLabel ?name }")
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["p"].value, set()).add(row["name"].value)
    return found


def link(extractor, tmp_path: Path, *texts: str) -> GraphStore:  # noqa: F811
    store = GraphStore(None)
    for i, text in enumerate(texts):
        path = tmp_path / f"doc{i}.txt"
        path.write_text(text, encoding="utf-8")
        assert link_files([path], store, Linker(store), extractor=extractor).ok
    return store


def test_a_heading_and_a_sentence_of_one_document_give_one_policy(extractor, tmp_path):  # noqa: F811
    found = policies(link(extractor, tmp_path, HEADING + JIANGSU_ISSUES))
    assert len(found) == 1, found
    assert {f"江苏省人民政府{TITLE}", TITLE} <= next(iter(found.values()))


@pytest.mark.parametrize("order", ["heading first", "sentence first"])
def test_the_two_titles_in_two_documents_give_one_policy(extractor, tmp_path, order):  # noqa: F811
    texts = [HEADED_DOCUMENT, JIANGSU_ISSUES]
    found = policies(link(extractor, tmp_path, *(texts if order == "heading first" else reversed(texts))))
    assert len(found) == 1, found
    assert {f"江苏省人民政府{TITLE}", TITLE} <= next(iter(found.values()))


def build_once(extractor, tmp_path: Path, *texts: str) -> GraphStore:  # noqa: F811
    """All ``texts`` linked in one build: each waits, queued, for one bulk load with the next ones."""
    tmp_path.mkdir()
    paths = []
    for i, text in enumerate(texts):
        paths.append(tmp_path / f"doc{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    store = GraphStore(None)
    assert link_files(paths, store, Linker(store), extractor=extractor).ok
    return store


def test_one_build_reads_the_issuer_of_a_document_still_queued(extractor, tmp_path, monkeypatch):  # noqa: F811
    """The issuer check finds what a queued document says (who issued the bare title) in the name
    index, without loading the queue first: the documents still go in in one bulk load."""
    import kg.graph.store as store_module

    loads: list[int] = []
    bulk_load = store_module.bulk_load_hidden
    monkeypatch.setattr(store_module, "bulk_load_hidden",
                        lambda store, graphs, *rest: (loads.append(len(graphs)), bulk_load(store, graphs, *rest))[1])
    found = policies(build_once(extractor, tmp_path / "merged", JIANGSU_ISSUES, HEADED_DOCUMENT))
    assert len(found) == 1, found  # 江苏省人民政府, stated by the queued document, agrees
    loads.clear()
    found = policies(build_once(extractor, tmp_path / "apart", ZHEJIANG_ISSUES, HEADED_DOCUMENT))
    assert len(found) == 2, found  # 浙江省人民政府 does not
    assert loads == [2]


def test_the_same_words_from_another_issuer_are_another_policy(extractor, tmp_path):  # noqa: F811
    found = policies(link(extractor, tmp_path, HEADED_DOCUMENT, JIANGSU_ISSUES, ZHEJIANG_ISSUES))
    names = sorted(len(n) for n in found.values())
    assert len(found) == 2, found
    assert names == [1, 2]  # Zhejiang's own node holds only its own title


def test_a_bare_title_whose_issuer_nobody_states_is_not_merged(extractor, tmp_path):  # noqa: F811
    found = policies(link(extractor, tmp_path, HEADED_DOCUMENT, NOBODY_ISSUES))
    assert len(found) == 2, found


def test_a_title_with_and_without_its_period_is_one_policy(extractor, tmp_path):  # noqa: F811
    store = link(extractor, tmp_path,
                 "江苏省人民政府印发《江苏省新能源汽车产业发展行动方案（2025—2027年）》，支持苏州市发展新能源汽车产业。\n",
                 "江苏省人民政府印发的《江苏省新能源汽车产业发展行动方案》提出，常州市重点发展动力电池产业。\n")
    found = policies(store)
    assert len(found) == 1, found
    assert "江苏省新能源汽车产业发展行动方案（2025—2027年）" in next(iter(found.values()))
