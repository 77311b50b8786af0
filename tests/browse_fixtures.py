"""A small store for the browse pages, made up here (no ../shared): the sample document of
server_fixtures, and a second one in which 江苏省 develops many industries (a hub to page and
cap), restating one fact of the first so that it has two supporting documents."""
from __future__ import annotations

from datetime import datetime, timezone

from kg.graph.builder import extraction_quads
from kg.graph.store import GraphStore
from kg.model import Document, Entity, Extraction, Mention, Relation, Sentence
from kg.vocab import document_iri, entity_iri
from tests.server_fixtures import sample_extraction

#: Industries the hub document says 江苏省 develops (besides 新能源汽车).
HUB_INDUSTRIES = 70
HUB_SHA = "cd" * 32


def hub_extraction() -> Extraction:
    lines = ["江苏省大力发展新能源汽车产业。"] + [f"江苏省积极培育测试产业{i:02d}。" for i in range(HUB_INDUSTRIES)]
    text, sentences, offset = "".join(lines), [], 0
    for index, line in enumerate(lines):
        sentences.append(Sentence(index, offset, offset + len(line), line))
        offset += len(line)
    document = Document(source="hub.txt", path="/data/hub.txt", sha256=HUB_SHA, encoding="utf-8",
                        media_type="text/plain", title="江苏产业名单", text=text,
                        offset_map=list(range(len(text) + 1)), sentences=sentences)
    region_mentions = [Mention("江苏省", s.start, s.start + 3, s.index) for s in sentences]
    region = Entity("Region", "江苏省", "江苏省", entity_iri("Region", "江苏省"), ["江苏"], region_mentions)
    industries = [Entity("Industry", "新能源汽车", "新能源汽车", entity_iri("Industry", "新能源汽车"), [],
                         [Mention("新能源汽车", 7, 12, 0)])]
    for s in sentences[1:]:
        name = s.text[7:-1]
        industries.append(Entity("Industry", name, name, entity_iri("Industry", name), [],
                                 [Mention(name, s.start + 7, s.end - 1, s.index)]))
    relations = [Relation(region.iri, "develops", industry.iri, 0.7, index, "test")
                 for index, industry in enumerate(industries)]
    return Extraction(document, [region, *industries], relations)


def browse_store() -> GraphStore:
    """An in-memory store with the sample document and the hub document."""
    store = GraphStore(None)
    for extraction in (sample_extraction(), hub_extraction()):
        store.write_document(document_iri(extraction.document.sha256),
                             extraction_quads(extraction, ingested_at=datetime(2024, 1, 1, tzinfo=timezone.utc)))
    return store
