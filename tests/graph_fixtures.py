"""Hand-made documents and extractions for the graph tests: small, exact, independent of the
extractor (whose output changes as it improves)."""
from __future__ import annotations

import hashlib

from kg.model import Document, Entity, Extraction, Mention, Relation, Sentence
from kg.vocab import entity_iri

#: Normalised text of the sample; the source had a stray space inside 江 苏 (offset map below).
TEXT = "江苏省人民政府印发《江苏省新能源汽车产业发展规划》。规划提出，苏州市重点发展新能源汽车。"
SOURCE_TEXT = "江 苏省人民政府印发《江苏省新能源汽车产业发展规划》。规划提出，苏州市重点发展新能源汽车。"


def sample_document(text: str = TEXT, path: str = "/data/docs/sample.txt") -> Document:
    source = SOURCE_TEXT if text == TEXT else text
    offset_map = [0] + list(range(2, len(source) + 1)) if text == TEXT else list(range(len(text) + 1))
    end_first = text.index("。") + 1
    return Document(
        source=path.rsplit("/", 1)[-1],
        path=path,
        sha256=hashlib.sha256(source.encode("utf-8")).hexdigest(),
        encoding="utf-8",
        media_type="text/plain",
        title="江苏省新能源汽车产业发展规划",
        text=text,
        offset_map=offset_map,
        sentences=[
            Sentence(0, 0, end_first, text[:end_first]),
            Sentence(1, end_first, len(text), text[end_first:]),
        ],
    )


def _entity(entity_type: str, name: str, document: Document, *surfaces: str, sentence_of=None) -> Entity:
    mentions = []
    for surface in surfaces or (name,):
        start = document.text.index(surface)
        sentence = document.sentence_at(start)
        mentions.append(Mention(surface, start, start + len(surface), sentence.index))
    return Entity(
        type=entity_type, name=name, key=name, iri=entity_iri(entity_type, name),
        aliases=[s for s in surfaces if s != name], mentions=mentions,
    )


def sample_extraction(document: Document | None = None) -> Extraction:
    document = document or sample_document()
    org = _entity("Organization", "江苏省人民政府", document)
    policy = _entity("Policy", "江苏省新能源汽车产业发展规划", document)
    region = _entity("Region", "苏州市", document)
    province = Entity(
        type="Region", name="江苏省", key="江苏省", iri=entity_iri("Region", "江苏省"),
        mentions=[Mention("江苏省", 10, 13, 0)],
    )
    industry = _entity("Industry", "新能源汽车", document)
    relations = [
        Relation(policy.iri, "issued_by", org.iri, 0.9, 0, "pattern:印发"),
        Relation(policy.iri, "targets", industry.iri, 0.8, 0, "title-industry"),
        Relation(policy.iri, "applies_to", province.iri, 0.7, 0, "title-region"),
        Relation(region.iri, "develops", industry.iri, 0.85, 1, "pattern:重点发展"),
        Relation(region.iri, "develops", industry.iri, 0.6, 1, "cooccurrence"),
        Relation(region.iri, "part_of", province.iri, 1.0, 1, "reference"),
    ]
    return Extraction(document, [org, policy, region, province, industry], relations)
