"""Names of the graph: namespaces, ontology terms and the deterministic IRIs we mint.

IRIs are derived from identity only (type + key for entities, content hash for documents), never
from run order, so building the same files twice yields the same graph. They stay readable:
Chinese characters are kept as IRI characters; only characters not allowed in an IRI path segment
are percent-encoded.
"""
from __future__ import annotations

import hashlib
import re

from kg.charsets import BIDI_CONTROLS
from kg.config import BASE_IRI, ONTOLOGY_IRI


class Namespace(str):
    """An IRI prefix whose every public attribute is the IRI under it, as a plain string
    (``KG.Policy``; ``DCTERMS.title`` and ``KG.index`` too, which on a plain str would be its
    methods; ``KG["index"]`` as well). rdflib's namespaces would cost every ``kg build`` rdflib's
    import (~0.12 CPU-s of its start-up) for what the build uses as strings; code that hands a
    term to rdflib wraps it in ``URIRef``."""

    __slots__ = ()

    def __getattribute__(self, name: str) -> str:
        if name.startswith("_"):
            return super().__getattribute__(name)
        return self + name

    def __getitem__(self, name: str) -> str:  # type: ignore[override]
        return self + name


DCTERMS = Namespace("http://purl.org/dc/terms/")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
PROV = Namespace("http://www.w3.org/ns/prov#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
KG = Namespace(ONTOLOGY_IRI)
ID = Namespace(BASE_IRI + "id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")

__all__ = [
    "KG", "ID", "ORG", "SCHEMA", "DCTERMS", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD",
    "TYPE_CLASS", "RELATION_PROPERTY", "PROPERTY_RELATION", "TYPE_SLUG", "ID_NAMESPACES",
    "entity_iri", "document_iri", "sentence_iri", "mention_iri", "assertion_iri", "iri_segment",
    "LINKING_GRAPH", "STORE_STATE_GRAPH", "STORE_REVISION", "relabelling_iri", "POLICY_KINDS", "POLICY_LEVELS",
    "policy_kind_iri", "policy_level_iri", "figure_iri", "FIGURE_KIND_CLASS", "INCOMPLETE_GRAPH", "REPLACED_BY",
]

#: Entity type name → ontology class.
TYPE_CLASS = {
    "Policy": KG.Policy,
    "Region": KG.Region,
    "Enterprise": KG.Enterprise,
    "Industry": KG.Industry,
    "Organization": KG.Organization,
}
#: Entity type name → IRI path segment.
TYPE_SLUG = {t: t.lower() for t in TYPE_CLASS}
#: Prefix → namespace of the entity IRIs of each type and of documents (region: → …/id/region/).
ID_NAMESPACES = {slug: f"{ID}{slug}/" for slug in [*TYPE_SLUG.values(), "document"]}
#: Ontology class IRI → entity type name (reading rdf:type back).
CLASS_TYPE = {str(c): t for t, c in TYPE_CLASS.items()}
#: Relation name (JSON, scorer) → ontology property.
RELATION_PROPERTY = {
    "issued_by": KG.issuedBy,
    "targets": KG.targets,
    "applies_to": KG.appliesTo,
    "located_in": KG.locatedIn,
    "operates_in": KG.operatesIn,
    "develops": KG.develops,
    "part_of": KG.partOf,
}
PROPERTY_RELATION = {str(p): r for r, p in RELATION_PROPERTY.items()}

#: The SKOS scheme of policy kinds (ontology/policy-kinds.ttl): label → (IRI slug, title endings).
#: The endings include the traditional forms pages in traditional characters print (意見, 條例).
POLICY_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "通知": ("notice", ("通知",)), "意见": ("opinion", ("意见", "意見")), "规划": ("plan", ("规划", "規劃")),
    "纲要": ("outline", ("纲要", "綱要")), "方案": ("scheme", ("方案",)), "计划": ("programme", ("计划", "計劃")),
    "办法": ("measures", ("办法", "辦法")), "措施": ("actions", ("措施", "举措", "舉措")),
    "条例": ("regulation", ("条例", "條例")), "规定": ("provisions", ("规定", "規定")),
    "细则": ("rules", ("细则", "細則")), "决定": ("decision", ("决定", "決定")),
    "决议": ("resolution", ("决议", "決議")), "通告": ("circular", ("通告",)), "公告": ("announcement", ("公告",)),
    "批复": ("reply", ("批复", "批復", "批覆")), "政策": ("policies", ("政策",)), "指南": ("guide", ("指南", "指引")),
    "法": ("law", ("法",)),
    "令": ("order", ("禁火令", "禁烧令", "禁渔令", "禁牧令", "禁猎令", "封山令", "动员令", "号令", "號令", "戒严令",
                     "戒嚴令", "禁放令", "禁捕令", "禁令")),
}
#: Administrative levels of an issuer, the second scheme of ontology/policy-kinds.ttl.
POLICY_LEVELS: tuple[str, ...] = ("central", "provincial", "municipal", "county")
#: Figure kind (kg.model.Figure.kind) → ontology class.
FIGURE_KIND_CLASS = {"target": KG.Target, "reported": KG.ReportedFigure}


def policy_kind_iri(label: str) -> str:
    return f"{ID}policy-kind/{POLICY_KINDS[label][0]}"


def policy_level_iri(level: str) -> str:
    return f"{ID}level/{level}"


def figure_iri(doc_iri: str, start: int, share: int = 1) -> str:
    """A stated figure, by the offset of its value in the document's text, and, when one value states
    several figures (财政总收入和地方财政收入增长18%: two indicators), by its place among them from the
    second on: each figure stays one node with one indicator."""
    return f"{doc_iri}/figure/{start}" if share == 1 else f"{doc_iri}/figure/{start}-{share}"


#: Characters that may not stand unescaped in an IRI path segment: ASCII controls, space and delimiters
#: ('/', '?', '#', '%' among them), and what RFC 3987 leaves out of its ``ucschar``: C1 controls,
#: surrogates, private use, non-characters, and the bidirectional formatting characters it forbids
#: (§4.1; the isolates of Unicode 6.3 alike), which would make an IRI display as another.
_UNSAFE = re.compile(
    "[\x00-\x20\"<>\\\\^`{|}/?#%\\[\\]\x7f-\x9f" + BIDI_CONTROLS +
    "\ud800-\uf8ff\ufdd0-\ufdef\ufff0-\uffff"
    + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0x10000, 0xF0000, 0x10000))
    + "\U000F0000-\U0010FFFF]"
)


def iri_segment(text: str) -> str:
    """``text`` as one readable IRI path segment: CJK kept, unsafe characters percent-encoded."""
    return _UNSAFE.sub(_percent_encoded, text)


def _percent_encoded(match: re.Match[str]) -> str:
    return "".join(f"%{b:02X}" for b in match.group().encode("utf-8", "surrogatepass"))


def entity_iri(entity_type: str, key: str) -> str:
    """The IRI of the entity of ``entity_type`` identified by ``key`` (see ``kg.model.Entity``)."""
    return f"{ID}{TYPE_SLUG[entity_type]}/{iri_segment(key)}"


def document_iri(sha256: str) -> str:
    """A document's IRI, which is also the name of the graph holding its assertions."""
    return f"{ID}document/{sha256}"


#: The graph of linking decisions that belong to no document (an undone merge's
#: owl:differentFrom, the records of relabellings), so removing a document never forgets them.
LINKING_GRAPH = f"{ID}graph/linking"
#: ``<graph> kg:incompleteGraph "<writer>"`` in the default graph: a document graph being written or
#: deleted in several transactions, hidden from readers until it is complete (kg.graph.chunked).
INCOMPLETE_GRAPH = KG.incompleteGraph
#: ``<graph> kg:replacedBy "file"``: a hidden graph whose content is being replaced by a staged file's.
REPLACED_BY = KG.replacedBy

#: The graph of a remote store's bookkeeping: its revision, a token every write through kg
#: replaces, so that each process sharing the store can tell whether its derived indexes still
#: describe it (kg.graph.backends.remote). It is hidden from the store's quads, graphs and size.
STORE_STATE_GRAPH = f"{ID}graph/store-state"
#: Property of the state graph's node holding the revision token.
STORE_REVISION = KG.storeRevision


def relabelling_iri(entity: str, label: str) -> str:
    """The linking graph's record that ``entity`` was given the canonical label ``label`` (so
    that removing the documents that brought it can give the previous one back)."""
    digest = hashlib.sha1(f"{entity}\n{label}".encode("utf-8")).hexdigest()[:16]
    return f"{ID}relabelling/{digest}"


def sentence_iri(doc_iri: str, index: int) -> str:
    return f"{doc_iri}/sentence/{index}"


def mention_iri(doc_iri: str, start: int, end: int) -> str:
    return f"{doc_iri}/mention/{start}-{end}"


def assertion_iri(doc_iri: str, head: str, relation: str, tail: str, sentence: int) -> str:
    """Evidence node of one relation as stated in one sentence; stable across rebuilds."""
    digest = hashlib.sha1(f"{head}\n{relation}\n{tail}\n{sentence}".encode("utf-8")).hexdigest()[:16]
    return f"{doc_iri}/assertion/{digest}"
