"""Documents longer than spaCy takes at once (E088) are extracted in pieces with the same result,
and one document the pipeline fails on never stops the others (issue 12, finding 6)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.config import ServerConfig
from kg.extract import Extractor, extraction_to_json
from kg.extract.pieces import pieces
from kg.graph.store import GraphStore
from kg.ingest import read_document
from kg.pipeline import build
from kg.server import create_app
from tests.extract_fixtures import make_document

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "examples").glob("0*"))


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def long_text(chars: int) -> str:
    """The examples' text repeated up to ``chars`` characters."""
    examples = "\n".join(read_document(p).text for p in EXAMPLES)
    return "\n".join([examples] * (chars // len(examples) + 1))[:chars]


def test_pieces_cover_the_text_cut_at_line_breaks_within_the_limit() -> None:
    text = "江苏省发展新能源汽车。\n" * 50 + "一句很长的句子没有换行。" * 40 + "x" * 700
    found = list(pieces(text, 200))
    assert "".join(piece for _, piece in found) == text
    assert [offset for offset, _ in found] == [sum(len(p) for _, p in found[:i]) for i in range(len(found))]
    assert all(len(piece) <= 200 for _, piece in found)
    line_cuts = [piece for _, piece in found if piece.startswith("江苏省")]
    assert line_cuts and all(piece.endswith("\n") for piece in line_cuts[:-1])
    assert any(piece.endswith("。") for _, piece in found)  # no line break: after a sentence


def extract_with_limit(extractor: Extractor, document, max_length: int) -> dict:
    limit = extractor.nlp.max_length
    extractor.nlp.max_length = max_length  # E088 above this, as above 1,000,000 by default
    try:
        return extraction_to_json(extractor.extract(document))
    finally:
        extractor.nlp.max_length = limit


def test_a_document_over_spacys_limit_gives_what_it_gives_without_the_limit(tmp_path, extractor) -> None:
    path = tmp_path / "long.txt"
    path.write_text(long_text(30_000), encoding="utf-8")
    document = read_document(path)
    assert extract_with_limit(extractor, document, 4_000) == extraction_to_json(extractor.extract(document))


def test_short_place_names_are_read_against_the_whole_document_not_the_piece(extractor) -> None:
    """新建 is 南昌's 新建区 because the document names 南昌, in another piece."""
    document = read_document(REPO / "tests/data/heldout-3/corpus/h5_jiangxi_lithium.txt")
    whole = extraction_to_json(extractor.extract(document))
    assert any(e["name"] == "新建区" for e in whole["entities"])
    assert extract_with_limit(extractor, document, 500) == whole


class FailsOn:
    """The real extractor, except on one file (as a bug or an exhausted machine would); it stands in
    for the server's extraction worker too (its limit per document, ``timeout``, is not enforced)."""

    timeout = 120.0

    def __init__(self, extractor: Extractor, name: str) -> None:
        self.extractor, self.name = extractor, name

    def extract(self, document, timeout: float | None = None):
        if document.source == self.name:
            raise MemoryError("cannot allocate\nmore")
        return self.extractor.extract(document)


def test_one_failing_document_never_stops_the_batch(tmp_path, extractor) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("a.txt", "江苏省发展新能源汽车产业。"), ("b.txt", "浙江省发展集成电路产业。"),
                       ("c.txt", "广东省发展生物医药产业。")):
        (folder / name).write_text(text, encoding="utf-8")
    with GraphStore(tmp_path / "store") as graph_store:
        report = build([folder], graph_store, extractor=FailsOn(extractor, "b.txt"))
        assert [Path(p).name for p in report.added] == ["a.txt", "c.txt"]
        assert [(Path(f.source).name, f.reason) for f in report.failed] == [
            ("b.txt", "cannot extract: MemoryError: cannot allocate more")]
        assert graph_store.current_index().status == "current"
        assert len(graph_store.documents()) == 2


def test_an_upload_the_pipeline_fails_on_is_a_422_and_not_kept(tmp_path, extractor) -> None:
    graph_store = GraphStore(tmp_path / "kg")
    app = create_app(ServerConfig(store=tmp_path / "kg", update_token="t"), graph_store=graph_store)
    app.extensions["kg.extraction"] = FailsOn(extractor, "bad.txt")  # in place of the worker process
    response = app.test_client().post("/documents", query_string={"filename": "bad.txt"},
                                      data="江苏省发展新能源汽车产业。".encode(),
                                      headers={"Authorization": "Bearer t", "Content-Type": "text/plain"})
    assert response.status_code == 422, response.data
    assert response.get_json()["failed"][0]["reason"].startswith("cannot extract: MemoryError")
    assert not (tmp_path / "kg-uploads" / "bad.txt").exists()
    assert graph_store.documents() == []
    graph_store.close()


def steps(function) -> int:
    """Lines of Python ``function`` executes (loops included): work counted, not timed."""
    import sys

    count = 0

    def tracer(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        count += event == "line"
        return tracer

    sys.settrace(tracer)
    try:
        function()
    finally:
        sys.settrace(None)
    return count


def test_short_forms_cost_grows_linearly_with_the_document() -> None:
    """Each short form's matches are checked against the names found: per match, not per name."""
    from kg.extract.candidates import Candidate
    from kg.extract.merge import add_bound_short_forms

    paragraph = "传化集团有限公司（以下简称传化）在杭州市发展物流产业。传化建设了物流平台。\n"

    def run(repeats: int) -> list:
        text = paragraph * repeats
        cands = [Candidate(i * len(paragraph), i * len(paragraph) + 8, "Enterprise", "传化集团有限公司")
                 for i in range(repeats)]
        return add_bound_short_forms(text, cands)

    assert len(run(3)) == 6  # 传化 twice a paragraph (the brand 传化集团 is not in the text)
    small, large = steps(lambda: run(100)), steps(lambda: run(400))
    assert large < 5 * small, (small, large)  # quadratic would be 16 times


def test_relation_rules_cost_grows_linearly_with_the_document() -> None:
    """当地 and 全省 refer back to the last place named: found by look-up, not by a walk over every
    name of the document before it."""
    from kg.extract.candidates import Candidate
    from kg.extract.relations import RelationFinder
    from kg.ingest.sentences import split_sentences
    from kg.model import Document

    paragraph = "江苏省南京市发展集成电路产业。当地发展生物医药产业。全省推进新能源汽车产业。\n"
    names = (("江苏省", "Region"), ("南京市", "Region"), ("集成电路", "Industry"), ("生物医药", "Industry"),
             ("新能源汽车", "Industry"))

    def run(repeats: int) -> list:
        text = paragraph * repeats
        document = Document(source="long.txt", path="/long.txt", sha256="0" * 64, encoding="utf-8",
                            media_type="text/plain", title="", text=text, offset_map=[],
                            sentences=split_sentences(text))
        cands = [Candidate(i * len(paragraph) + paragraph.index(name), i * len(paragraph) + paragraph.index(name)
                           + len(name), entity_type, name) for i in range(repeats) for name, entity_type in names]
        return RelationFinder(document, cands, {id(c): f"urn:{c.type}:{c.name}" for c in cands}, []).run()

    assert {r.method for r in run(2)} >= {"anaphora"}  # 当地 and 全省 are resolved
    small, large = steps(lambda: run(100)), steps(lambda: run(400))
    assert large < 5 * small, (small, large)  # quadratic would be 16 times


def test_a_pieces_first_name_is_weighed_with_the_characters_before_it_as_in_the_whole_text() -> None:
    """The entity decision describes a span by its neighbours: at a piece's first character those
    are the line break before it, not the start of a text (a firm there only read whole, or only in pieces)."""
    from kg.extract.entity_model import EntityModel

    line = "园区内，多家企业正加快建设。\n"
    text = line * 30 + "中环装备表示，项目明年投产。\n" + line * 30
    # a firm before 表示 only after a line break (prevclass:stop), never at a text's start (edge)
    model = EntityModel({"Enterprise": {"bias": -3.0, "gen:subject": 1.0, "clause:True": 1.0, "prevclass:stop": 2.0}},
                        {"Enterprise": 0.5})
    decided = Extractor(entity_model=model, relation_model=False)
    document = make_document(text)
    whole = {e["name"] for e in extraction_to_json(decided.extract(document))["entities"] if e["type"] == "Enterprise"}
    assert "中环装备" in whole
    cut = len(line) * 30  # a piece starts right at the firm's line
    assert extract_with_limit(decided, document, cut) == extraction_to_json(decided.extract(document))


def test_repeated_firm_names_cost_grows_linearly_with_the_document() -> None:
    """Every firm's further occurrences are found in one pass over the text, not one pass per firm
    (a long document names thousands of firms): sixteen times the firms and text, about sixteen
    times the time, not 256."""
    import gc
    import time

    from kg.extract.candidates import Candidate
    from kg.extract.merge import add_repeated_names

    def document(firms: int) -> tuple[str, list[Candidate]]:
        names = [f"{chr(0x4e00 + i // 200)}{chr(0x5000 + i % 200)}科技" for i in range(firms)]
        text, cands = "", []
        for name in names:
            cands.append(Candidate(len(text), len(text) + len(name), "Enterprise", name))
            text += f"{name}等企业发展物流产业。后来，{name}建设了物流平台。\n"
        return text, cands

    def seconds(firms: int) -> float:
        text, cands = document(firms)
        gc.collect()
        gc.disable()  # a collection's cost grows with every object alive, not with this function's work
        try:
            began = time.process_time()  # this process's CPU: other processes on the machine don't count
            found = add_repeated_names(text, cands)
            took = time.process_time() - began
        finally:
            gc.enable()
        assert len(found) == firms  # each firm's second mention
        return took

    small = min(seconds(500) for _ in range(5))
    large = min(seconds(8000) for _ in range(3))
    assert large < 60 * small, (small, large)  # a pass per firm would be 256 times
