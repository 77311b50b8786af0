"""Policy facts and stated figures → quads of the document graph (see kg.extract.policy_facts
and kg.extract.figures for how they are found).

A policy's number, date of issue and kind are Dublin Core (dcterms:identifier, dcterms:issued,
dcterms:type pointing into the SKOS scheme of ontology/policy-kinds.ttl); level and period are kg
terms. Each figure is a node of its own (kg:Target or kg:ReportedFigure) with typed literals, the
entity it is about, the policy stating it and the sentence it comes from.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import pyoxigraph as ox

from kg.exact_numbers import decimal_text
from kg.model import Extraction
from kg.vocab import (
    DCTERMS, FIGURE_KIND_CLASS, KG, PROV, RDF, XSD, document_iri, figure_iri, policy_kind_iri,
    policy_level_iri, sentence_iri,
)

A = ox.NamedNode(str(RDF.type))
IDENTIFIER, ISSUED, KIND = (ox.NamedNode(str(t)) for t in (DCTERMS.identifier, DCTERMS.issued, DCTERMS.type))
LEVEL, PERIOD_START, PERIOD_END, TEXT_OF = (
    ox.NamedNode(str(t)) for t in (KG.level, KG.periodStart, KG.periodEnd, KG.isTextOf))
FIGURE_OF, INDICATOR, COMPARATOR, VALUE, UNIT, YEAR, STATED_IN = (
    ox.NamedNode(str(KG[name])) for name in ("figureOf", "indicator", "comparator", "value", "unit", "year", "statedIn"))
DERIVED_FROM = ox.NamedNode(str(PROV.wasDerivedFrom))
DATE, DECIMAL, G_YEAR = (ox.NamedNode(str(t)) for t in (XSD.date, XSD.decimal, XSD.gYear))
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")


def _year(value: int) -> ox.Literal:
    return ox.Literal(f"{int(value):04d}", datatype=G_YEAR)


def decimal_literal(value: Decimal) -> ox.Literal:
    """xsd:decimal in its canonical lexical form (300.0 → 300, 7.80 → 7.8), every digit stated kept."""
    return ox.Literal(decimal_text(value), datatype=DECIMAL)


def policy_fact_quads(extraction: Extraction, graph: ox.NamedNode) -> list[ox.Quad]:
    """Number, date, kind, level and period of the document's policies, and which one it is."""
    quads: list[ox.Quad] = []
    for policy in (e for e in extraction.entities if e.type == "Policy" and e.attributes):
        node, facts = ox.NamedNode(policy.iri), policy.attributes
        if facts.get("number"):
            quads.append(ox.Quad(node, IDENTIFIER, ox.Literal(facts["number"]), graph))
        if _ISO_DATE.match(str(facts.get("date", ""))):
            quads.append(ox.Quad(node, ISSUED, ox.Literal(facts["date"], datatype=DATE), graph))
        if facts.get("kind"):
            quads.append(ox.Quad(node, KIND, ox.NamedNode(policy_kind_iri(facts["kind"])), graph))
        if facts.get("level"):
            quads.append(ox.Quad(node, LEVEL, ox.NamedNode(policy_level_iri(facts["level"])), graph))
        period = facts.get("period") or {}
        if period.get("start"):
            quads.append(ox.Quad(node, PERIOD_START, _year(period["start"]), graph))
        if period.get("end"):
            quads.append(ox.Quad(node, PERIOD_END, _year(period["end"]), graph))
    if extraction.document_policy:
        doc = ox.NamedNode(document_iri(extraction.document.sha256))
        quads.append(ox.Quad(doc, TEXT_OF, ox.NamedNode(extraction.document_policy), graph))
    return quads


def figure_quads(extraction: Extraction, graph: ox.NamedNode, entities: set[str]) -> list[ox.Quad]:
    """One node per figure whose subject is an entity of the document."""
    doc_iri = document_iri(extraction.document.sha256)
    quads: list[ox.Quad] = []
    sharing: Counter[int] = Counter()  # value offset -> the figures stated by it so far
    for figure in extraction.figures:
        if figure.subject not in entities:
            continue
        sharing[figure.start] += 1
        node = ox.NamedNode(figure_iri(doc_iri, figure.start, sharing[figure.start]))
        quads += [
            ox.Quad(node, A, ox.NamedNode(str(FIGURE_KIND_CLASS[figure.kind])), graph),
            ox.Quad(node, FIGURE_OF, ox.NamedNode(figure.subject), graph),
            ox.Quad(node, INDICATOR, ox.Literal(figure.indicator, language="zh"), graph),
            ox.Quad(node, COMPARATOR, ox.Literal(figure.comparator), graph),
            ox.Quad(node, VALUE, decimal_literal(figure.value), graph),
            ox.Quad(node, UNIT, ox.Literal(figure.unit), graph),
            ox.Quad(node, DERIVED_FROM, ox.NamedNode(sentence_iri(doc_iri, figure.sentence)), graph),
        ]
        if figure.year is not None:
            quads.append(ox.Quad(node, YEAR, _year(figure.year), graph))
        if figure.policy in entities:
            quads.append(ox.Quad(node, STATED_IN, ox.NamedNode(figure.policy), graph))
    return quads
