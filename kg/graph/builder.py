"""Extraction → the quads of one document graph, following the RDF model of the README.

Everything a document contributes lives in its named graph ``document_iri(sha256)``: its metadata,
the sentences that carry a mention or evidence, the entities it mentions (type and labels), the
mentions, the relation triples and one evidence node per (relation, sentence). Dropping that graph
removes the document without leaving orphans.

The vocabulary is the namespaces of ``kg.vocab``; the quads are emitted directly as
pyoxigraph terms because the store is Oxigraph and converting rdflib graphs would double the cost.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pyoxigraph as ox

from kg.graph.policy_facts import figure_quads, policy_fact_quads
from kg.model import Entity, Extraction, Sentence
from kg.vocab import (
    DCTERMS, KG, PROV, RDF, RDFS, RELATION_PROPERTY, SKOS, TYPE_CLASS, XSD,
    assertion_iri, document_iri, mention_iri, sentence_iri,
)


def _node(term: str) -> ox.NamedNode:
    return ox.NamedNode(str(term))


A = _node(RDF.type)
LABEL, ALT_LABEL = _node(RDFS.label), _node(SKOS.altLabel)
TITLE, SOURCE, FORMAT, IS_PART_OF = (
    _node(DCTERMS.title), _node(DCTERMS.source), _node(DCTERMS.format), _node(DCTERMS.isPartOf)
)
GENERATED_AT, DERIVED_FROM = _node(PROV.generatedAtTime), _node(PROV.wasDerivedFrom)
SUBJECT, PREDICATE, OBJECT = _node(RDF.subject), _node(RDF.predicate), _node(RDF.object)
DOCUMENT, SENTENCE, MENTION, ASSERTION = (
    _node(KG.Document), _node(KG.Sentence), _node(KG.Mention), _node(KG.Assertion)
)
SOURCE_PATH, SHA256, ENCODING = _node(KG.sourcePath), _node(KG.sha256), _node(KG.encoding)
# KG["index"], not KG.index: Namespace is a str, and str.index shadows the term.
TEXT, INDEX, START, END = _node(KG.text), _node(KG["index"]), _node(KG.start), _node(KG.end)
SOURCE_START, SOURCE_END = _node(KG.sourceStart), _node(KG.sourceEnd)
MENTION_OF, SURFACE, IN_SENTENCE = _node(KG.mentionOf), _node(KG.surface), _node(KG.inSentence)
CONFIDENCE, METHOD = _node(KG.confidence), _node(KG.method)
LINK_METHOD, LINK_SCORE = _node(KG.linkMethod), _node(KG.linkScore)
CLASS = {name: _node(cls) for name, cls in TYPE_CLASS.items()}
PROPERTY = {name: _node(prop) for name, prop in RELATION_PROPERTY.items()}
INTEGER, DECIMAL, DATE_TIME = _node(XSD.integer), _node(XSD.decimal), _node(XSD.dateTime)

#: Keys of ``Entity.attributes`` through which linking reports how it resolved an entity; the
#: builder writes them on the entity's mentions in this document.
LINK_METHOD_ATTRIBUTE = "link_method"
LINK_SCORE_ATTRIBUTE = "link_score"


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=INTEGER)


def _decimal(value: float) -> ox.Literal:
    text = f"{float(value):.4f}".rstrip("0")
    return ox.Literal(text + "0" if text.endswith(".") else text, datatype=DECIMAL)


def _zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def extraction_quads(extraction: Extraction, *, ingested_at: datetime) -> list[ox.Quad]:
    """All quads of ``extraction``'s document graph. Deterministic except for ``ingested_at``."""
    return list(iter_extraction_quads(extraction, ingested_at=ingested_at))


def iter_extraction_quads(extraction: Extraction, *, ingested_at: datetime) -> Iterator[ox.Quad]:
    """The quads of :func:`extraction_quads` one by one, each once, so that a long document's
    millions of mention, evidence and sentence quads are never all held (kg.graph.chunked). Those
    are unique by their subject's IRI; only the rest (entities, relation triples, policy facts,
    figures: as many as the document's distinct facts) is remembered to emit each once."""
    document = extraction.document
    doc_iri = document_iri(document.sha256)
    doc = graph = ox.NamedNode(doc_iri)  # the document node names its own graph
    seen: set[ox.Quad] = set()

    def once(subject: ox.NamedNode, predicate: ox.NamedNode, obj) -> Iterator[ox.Quad]:
        quad = ox.Quad(subject, predicate, obj, graph)
        if quad not in seen:
            seen.add(quad)
            yield quad

    def unique(subject: ox.NamedNode, predicate: ox.NamedNode, obj) -> ox.Quad:
        return ox.Quad(subject, predicate, obj, graph)

    if ingested_at.tzinfo is None:
        ingested_at = ingested_at.replace(tzinfo=timezone.utc)
    yield from once(doc, A, DOCUMENT)
    yield from once(doc, TITLE, ox.Literal(document.title or document.source))
    yield from once(doc, SOURCE, ox.Literal(document.source))
    yield from once(doc, SOURCE_PATH, ox.Literal(document.path))
    yield from once(doc, SHA256, ox.Literal(document.sha256))
    yield from once(doc, ENCODING, ox.Literal(document.encoding))
    yield from once(doc, FORMAT, ox.Literal(document.media_type))
    yield from once(doc, GENERATED_AT, ox.Literal(ingested_at.isoformat(), datatype=DATE_TIME))

    sentences = {s.index: s for s in document.sentences}
    used_sentences: set[int] = set()

    entities = _merge_by_iri(extraction.entities)
    for iri, (label, types, aliases) in entities.items():
        entity = ox.NamedNode(iri)
        for entity_type in types:
            yield from once(entity, A, CLASS[entity_type])
        yield from once(entity, LABEL, _zh(label))
        for alias in aliases:
            yield from once(entity, ALT_LABEL, _zh(alias))

    seen_mentions: set[int] = set()  # start << 32 | end: one int each, not a tuple of two (millions)
    for source_entity in extraction.entities:
        link = _link_details(source_entity)
        entity = ox.NamedNode(source_entity.iri)
        for m in source_entity.mentions:
            span = m.start << 32 | m.end
            if span in seen_mentions:
                continue
            seen_mentions.add(span)
            mention = ox.NamedNode(mention_iri(doc_iri, m.start, m.end))
            yield unique(mention, A, MENTION)
            yield unique(mention, MENTION_OF, entity)
            yield unique(mention, SURFACE, ox.Literal(m.text))
            yield unique(mention, START, _integer(m.start))
            yield unique(mention, END, _integer(m.end))
            if m.sentence in sentences:
                yield unique(mention, IN_SENTENCE, ox.NamedNode(sentence_iri(doc_iri, m.sentence)))
                used_sentences.add(m.sentence)
            if link is not None:
                yield unique(mention, LINK_METHOD, ox.Literal(link[0]))
                if link[1] is not None:
                    yield unique(mention, LINK_SCORE, _decimal(link[1]))

    for (head_iri, relation, tail_iri, index), (confidence, methods) in _merge_relations(extraction).items():
        for iri in (head_iri, tail_iri):
            if iri not in entities:
                raise ValueError(
                    f"{document.source}: relation {relation} refers to {iri}, "
                    "an entity the extraction does not contain"
                )
        head, tail, predicate = ox.NamedNode(head_iri), ox.NamedNode(tail_iri), PROPERTY[relation]
        yield from once(head, predicate, tail)
        evidence = ox.NamedNode(assertion_iri(doc_iri, head_iri, relation, tail_iri, index))
        yield unique(evidence, A, ASSERTION)
        yield unique(evidence, SUBJECT, head)
        yield unique(evidence, PREDICATE, predicate)
        yield unique(evidence, OBJECT, tail)
        yield unique(evidence, CONFIDENCE, _decimal(confidence))
        for method in methods:
            yield unique(evidence, METHOD, ox.Literal(method))
        if index in sentences:
            yield unique(evidence, DERIVED_FROM, ox.NamedNode(sentence_iri(doc_iri, index)))
            used_sentences.add(index)

    for quad in (*policy_fact_quads(extraction, graph), *figure_quads(extraction, graph, set(entities))):
        if quad not in seen:
            seen.add(quad)
            yield quad
    used_sentences.update(f.sentence for f in extraction.figures if f.subject in entities and f.sentence in sentences)

    for index in sorted(used_sentences):
        yield from _sentence_quads(document, doc, sentences[index], doc_iri)


def _sentence_quads(document, doc: ox.NamedNode, sentence: Sentence, doc_iri: str) -> Iterator[ox.Quad]:
    node = ox.NamedNode(sentence_iri(doc_iri, sentence.index))
    source_start = document.to_source_offset(sentence.start)
    source_end = (
        document.to_source_offset(sentence.end - 1) + 1 if sentence.end > sentence.start else source_start
    )
    for predicate, obj in ((A, SENTENCE), (TEXT, ox.Literal(sentence.text)), (INDEX, _integer(sentence.index)),
                           (START, _integer(sentence.start)), (END, _integer(sentence.end)),
                           (SOURCE_START, _integer(source_start)), (SOURCE_END, _integer(source_end)),
                           (IS_PART_OF, doc)):
        yield ox.Quad(node, predicate, obj, doc)


def _merge_by_iri(entities: list[Entity]) -> dict[str, tuple[str, list[str], list[str]]]:
    """Entities of one document that share an IRI (linking may map two to one node) as one:
    the first name is the label, every other name and surface form an alias."""
    merged: dict[str, tuple[str, list[str], dict[str, None]]] = {}
    for e in entities:
        if not e.iri:
            raise ValueError(f"entity {e.name!r} ({e.type}) has no IRI")
        label, types, aliases = merged.setdefault(e.iri, (e.name, [], {}))
        if e.type not in types:
            types.append(e.type)
        for name in (e.name, *e.aliases, *(m.text for m in e.mentions)):
            if name and name != label:
                aliases.setdefault(name)
    return {iri: (label, types, list(aliases)) for iri, (label, types, aliases) in merged.items()}


def _merge_relations(extraction: Extraction) -> dict[tuple[str, str, str, int], tuple[float, list[str]]]:
    """One evidence node per (relation, sentence): several rules finding the same relation in
    the same sentence give one assertion with the highest confidence and every method."""
    merged: dict[tuple[str, str, str, int], tuple[float, list[str]]] = {}
    for r in extraction.relations:
        key = (r.head, r.relation, r.tail, r.sentence)
        confidence, methods = merged.get(key, (0.0, []))
        if r.method and r.method not in methods:
            methods.append(r.method)
        merged[key] = (max(confidence, r.confidence), methods)
    return merged


def _link_details(entity: Entity) -> tuple[str, float | None] | None:
    method = entity.attributes.get(LINK_METHOD_ATTRIBUTE)
    if not method:
        return None
    score = entity.attributes.get(LINK_SCORE_ATTRIBUTE)
    return method, float(score) if score not in (None, "") else None
