"""Stores for the export tests and the export benchmark, written exactly as the brief's RDF model says.

``small_store()`` is a hand-made graph with the cases the exporters must get right (parallel edges
between one pair, an edge supported by two documents, labels full of XML specials, emoji and CJK,
isolated nodes, two components, a chain for ``--around``). ``synthetic_nquads(n)`` streams an
N-Quads dataset of ``n`` relations for stores too big to build quad object by quad object.
"""
from __future__ import annotations

import io
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.graph.store import GraphStore
from kg.vocab import (
    CLASS_TYPE, DCTERMS, KG, PROV, RDF, RDFS, RELATION_PROPERTY, SKOS, TYPE_CLASS, XSD,
    assertion_iri, document_iri, entity_iri, mention_iri, sentence_iri,
)


def _nn(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def _zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


@dataclass
class Doc:
    """One synthetic document: its entities (type, key, label, aliases) and relations."""

    sha: str
    source: str
    entities: list[tuple[str, str, str, list[str]]] = field(default_factory=list)
    #: (head type, head key, relation, tail type, tail key, confidence, sentence index)
    relations: list[tuple[str, str, str, str, str, float, int]] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)


def document_quads(doc: Doc) -> list[ox.Quad]:
    """The quads one document contributes, all in its own named graph."""
    d = document_iri(doc.sha)
    g = _nn(d)
    out: list[ox.Quad] = []

    def add(s, p, o) -> None:
        out.append(ox.Quad(_nn(s) if not isinstance(s, ox.NamedNode) else s, _nn(p), o, g))

    add(d, RDF.type, _nn(KG.Document))
    add(d, DCTERMS.title, ox.Literal(f"Document {doc.source}"))
    add(d, DCTERMS.source, ox.Literal(doc.source))
    add(d, KG.sourcePath, ox.Literal(f"/corpus/{doc.source}"))
    add(d, KG.sha256, ox.Literal(doc.sha))
    add(d, PROV.generatedAtTime, ox.Literal("2026-01-01T00:00:00Z", datatype=_nn(XSD.dateTime)))
    for i, text in enumerate(doc.sentences):
        s = sentence_iri(d, i)
        add(s, RDF.type, _nn(KG.Sentence))
        add(s, KG.text, ox.Literal(text))
        add(s, KG["index"], ox.Literal(str(i), datatype=_nn(XSD.integer)))
        add(s, DCTERMS.isPartOf, _nn(d))
    for n, (etype, key, label, aliases) in enumerate(doc.entities):
        e = entity_iri(etype, key)
        add(e, RDF.type, _nn(TYPE_CLASS[etype]))
        add(e, RDFS.label, _zh(label))
        for alias in aliases:
            add(e, SKOS.altLabel, _zh(alias))
        m = mention_iri(d, n * 10, n * 10 + len(label))
        add(m, RDF.type, _nn(KG.Mention))
        add(m, KG.mentionOf, _nn(e))
        add(m, KG.surface, ox.Literal(label))
        add(m, KG.inSentence, _nn(sentence_iri(d, 0)))
    for htype, hkey, rel, ttype, tkey, conf, sentence in doc.relations:
        h, t = entity_iri(htype, hkey), entity_iri(ttype, tkey)
        prop = RELATION_PROPERTY[rel]
        add(h, prop, _nn(t))
        a = assertion_iri(d, h, rel, t, sentence)
        add(a, RDF.type, _nn(KG.Assertion))
        add(a, RDF.subject, _nn(h))
        add(a, RDF.predicate, _nn(prop))
        add(a, RDF.object, _nn(t))
        add(a, KG.confidence, ox.Literal(f"{conf:.2f}", datatype=_nn(XSD.decimal)))
        add(a, KG.method, ox.Literal("fixture"))
        add(a, PROV.wasDerivedFrom, _nn(sentence_iri(d, sentence)))
    return out


#: Labels that break naive XML writers.
NASTY_LABEL = '苏州 & <工业园区> "新区" \'A\' 🚀'
NASTY_ALIAS = "苏州园区|SIP & co"


def small_docs() -> list[Doc]:
    """Two documents. Component A: 江苏省 hub; component B: a separate pair; plus isolated nodes.

    Edges (distinct head, relation, tail):
      A1  江苏省 develops 新能源汽车          docs 1+2 (weight 2), conf 0.9 / 0.6
      A2  江苏省 part_of 长三角               doc 1, conf 0.8
      A3  苏州(nasty) part_of 江苏省           doc 1, conf 0.5
      A4  政策X applies_to 江苏省             doc 1, conf 0.95
      A5  政策X issued_by 发改委              doc 1, conf 0.3
      A6  政策X targets 新能源汽车            doc 2, conf 0.7
      A7  苏州(nasty) develops 新能源汽车      doc 2, conf 0.4
      A8  比亚迪 located_in 苏州(nasty)        doc 2, conf 0.85
      A9  比亚迪 operates_in 新能源汽车        doc 2, conf 0.9
      A10 长三角 part_of 江苏省                doc 2, conf 0.2 (reverse direction of A2)
      A11 政策X targets 江苏省                doc 2, conf 0.6 (parallel to A4: same pair, other relation)
      B1  工信部 (Org) ... 政策Y issued_by 工信部  doc 2, conf 0.9
    Isolated: 孤立企业 (Enterprise, doc 1), 孤立区域 (Region, doc 2).
    """
    js = ("Region", "江苏省", "江苏省", ["江苏", "苏"])
    csj = ("Region", "长江三角洲地区", "长江三角洲地区", ["长三角"])
    sz = ("Region", "苏州工业园区", NASTY_LABEL, [NASTY_ALIAS])
    nev = ("Industry", "新能源汽车", "新能源汽车", [])
    px = ("Policy", "政策X", "关于推动新能源汽车发展的意见", ["《意见》"])
    ndrc = ("Organization", "国家发展改革委", "国家发展改革委", ["发改委"])
    byd = ("Enterprise", "比亚迪", "比亚迪股份有限公司", ["比亚迪"])
    py_ = ("Policy", "政策Y", "工业稳增长方案", [])
    miit = ("Organization", "工业和信息化部", "工业和信息化部", ["工信部"])
    lone_e = ("Enterprise", "孤立企业", "孤立企业", [])
    lone_r = ("Region", "孤立区域", "孤立区域", [])

    def rel(h, r, t, conf, sentence=0):
        return (h[0], h[1], r, t[0], t[1], conf, sentence)

    doc1 = Doc(
        sha="a" * 64, source="doc1 & <one>.txt",
        entities=[js, csj, sz, nev, px, ndrc, lone_e],
        relations=[
            rel(js, "develops", nev, 0.9), rel(js, "part_of", csj, 0.8, 1), rel(sz, "part_of", js, 0.5),
            rel(px, "applies_to", js, 0.95), rel(px, "issued_by", ndrc, 0.3, 1),
        ],
        sentences=["江苏省发展新能源汽车。", "国家发展改革委印发《意见》。"],
    )
    doc2 = Doc(
        sha="b" * 64, source="doc2.txt",
        entities=[js, csj, sz, nev, px, byd, py_, miit, lone_r],
        relations=[
            rel(js, "develops", nev, 0.6), rel(px, "targets", nev, 0.7), rel(sz, "develops", nev, 0.4),
            rel(byd, "located_in", sz, 0.85, 1), rel(byd, "operates_in", nev, 0.9, 1),
            rel(csj, "part_of", js, 0.2), rel(py_, "issued_by", miit, 0.9, 1),
            # Off-signature on purpose: the writers must keep a second relation between one pair.
            rel(px, "targets", js, 0.6, 1),
        ],
        sentences=["第一句。", "第二句。"],
    )
    return [doc1, doc2]


SMALL_NODES = 11
SMALL_EDGES = 12  # A1..A11 + B1, each distinct (head, relation, tail)


def small_store() -> GraphStore:
    """An in-memory GraphStore holding :func:`small_docs`."""
    store = GraphStore(None)
    for doc in small_docs():
        store.write_document(document_iri(doc.sha), document_quads(doc))
    return store


# -- synthetic stores for the benchmark -------------------------------------------------------------

_TYPE_FOR = {
    "issued_by": ("Policy", "Organization"), "targets": ("Policy", "Industry"),
    "applies_to": ("Policy", "Region"), "located_in": ("Enterprise", "Region"),
    "operates_in": ("Enterprise", "Industry"), "develops": ("Region", "Industry"),
    "part_of": ("Region", "Region"),
}


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def synthetic_nquads(n_edges: int, *, nodes_per_type: int | None = None, n_docs: int | None = None,
                     seed: int = 7) -> Iterator[bytes]:
    """N-Quads lines (as byte chunks) for a store of ``n_edges`` distinct relations.

    Roughly one entity per 10 relations of each type; about one relation in five is stated by a
    second document, so weights vary. Entity descriptions go to the document of the entity's first
    relation.
    """
    rng = random.Random(seed)
    per_type = nodes_per_type or max(10, n_edges // 50)
    n_docs = n_docs or max(1, n_edges // 100)
    rels = list(_TYPE_FOR)
    seen: set[tuple[int, int, int]] = set()
    described: set[tuple[str, int]] = set()
    conf_dt = f"^^<{XSD.decimal}>"
    buf: list[str] = []
    made = 0
    while made < n_edges:
        r = rng.randrange(len(rels))
        h, t = rng.randrange(per_type), rng.randrange(per_type)
        if (r, h, t) in seen:
            continue
        seen.add((r, h, t))
        made += 1
        rel = rels[r]
        htype, ttype = _TYPE_FOR[rel]
        hi, ti = entity_iri(htype, f"{htype}{h}"), entity_iri(ttype, f"{ttype}{t}")
        prop = RELATION_PROPERTY[rel]
        docs = [rng.randrange(n_docs)] + ([rng.randrange(n_docs)] if rng.random() < 0.2 else [])
        for d in dict.fromkeys(docs):
            doc = document_iri(f"{d:064x}")
            g = f"<{doc}>"
            for etype, n, iri in ((htype, h, hi), (ttype, t, ti)):
                if (etype, n) not in described:
                    described.add((etype, n))
                    buf.append(f"<{iri}> <{RDF.type}> <{TYPE_CLASS[etype]}> {g} .\n"
                               f"<{iri}> <{RDFS.label}> {_lit(f'{etype}实体{n}')}@zh {g} .\n")
            sentence = sentence_iri(doc, made % 50)
            a = assertion_iri(doc, hi, rel, ti, made % 50)
            buf.append(
                f"<{hi}> <{prop}> <{ti}> {g} .\n"
                f"<{a}> <{RDF.type}> <{KG.Assertion}> {g} .\n"
                f"<{a}> <{RDF.subject}> <{hi}> {g} .\n"
                f"<{a}> <{RDF.predicate}> <{prop}> {g} .\n"
                f"<{a}> <{RDF.object}> <{ti}> {g} .\n"
                f"<{a}> <{KG.confidence}> \"{rng.randrange(30, 100) / 100:.2f}\"{conf_dt} {g} .\n"
                f"<{a}> <{PROV.wasDerivedFrom}> <{sentence}> {g} .\n"
            )
        if len(buf) >= 5000:
            yield "".join(buf).encode("utf-8")
            buf.clear()
    for d in range(n_docs):
        doc = document_iri(f"{d:064x}")
        buf.append(f"<{doc}> <{RDF.type}> <{KG.Document}> <{doc}> .\n"
                   f"<{doc}> <{DCTERMS.source}> \"doc{d}.txt\" <{doc}> .\n")
    yield "".join(buf).encode("utf-8")


class _ChunkReader(io.RawIOBase):
    """A readable binary stream over an iterator of byte chunks (for ``Store.bulk_load``)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = iter(chunks)
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            try:
                self._pending = next(self._chunks)
            except StopIteration:
                return 0
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def synthetic_store(n_edges: int, path=None, **options) -> GraphStore:
    """A GraphStore (in memory, or on disk at ``path``) with ``n_edges`` synthetic relations."""
    store = GraphStore(path)
    reader = io.BufferedReader(_ChunkReader(synthetic_nquads(n_edges, **options)), 1 << 20)
    with store.raw_write() as raw:  # bulk loading bypasses the writes that keep the graph index current
        raw.raw.bulk_load(reader, ox.RdfFormat.N_QUADS)  # pyoxigraph's own: the embedded backend's
    store.current_index()
    return store


# -- the graph index against the store ----------------------------------------------------------------

#: (head, relation, tail) → (supporting documents, best confidence)
Relations = dict[tuple[str, str, str], tuple[int, float]]
#: entity IRI → (type, label, aliases, documents typing it, degree)
Entities = dict[str, tuple[str, str | None, tuple[str, ...], int, int]]

_EVIDENCE = """SELECT ?h ?p ?t (COUNT(DISTINCT ?g) AS ?w) (MAX(?c) AS ?conf) WHERE {
  GRAPH ?g { ?a rdf:subject ?h ; rdf:predicate ?p ; rdf:object ?t ; kg:confidence ?c } } GROUP BY ?h ?p ?t"""


def relations_in_store(graph_store: GraphStore) -> Relations:
    """The oracle: the join over evidence nodes the index saves exports from."""
    from kg.vocab import PROPERTY_RELATION

    return {(r["h"].value, PROPERTY_RELATION[r["p"].value], r["t"].value): (int(r["w"].value), float(r["conf"].value))
            for r in graph_store.query(_EVIDENCE)}


def entities_in_store(graph_store: GraphStore) -> Entities:
    """The oracle for nodes: types, labels and aliases as SPARQL over every document graph reads
    them (first type in ENTITY_TYPES order; least label; the other names, sorted)."""
    from kg.model import ENTITY_TYPES

    relations = relations_in_store(graph_store)
    degree: dict[str, int] = {}
    for head, _, tail in relations:
        degree[head] = degree.get(head, 0) + 1
        degree[tail] = degree.get(tail, 0) + 1
    typed: dict[str, dict[str, int]] = {}
    for row in graph_store.query("SELECT ?e ?c (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?e a ?c } } GROUP BY ?e ?c"):
        if row["c"].value in CLASS_TYPE:
            typed.setdefault(row["e"].value, {})[CLASS_TYPE[row["c"].value]] = int(row["n"].value)
    names: dict[str, tuple[set, set]] = {}
    for prop, slot in (("rdfs:label", 0), ("skos:altLabel", 1)):
        for row in graph_store.query(f"SELECT DISTINCT ?e ?v WHERE {{ GRAPH ?g {{ ?e {prop} ?v }} }}"):
            names.setdefault(row["e"].value, (set(), set()))[slot].add(row["v"].value)
    out: Entities = {}
    for iri, types in typed.items():
        entity_type = min(types, key=ENTITY_TYPES.index)
        labels, aliases = names.get(iri, (set(), set()))
        label = min(labels) if labels else None
        out[iri] = (entity_type, label, tuple(sorted(aliases - {label, ""})), types[entity_type], degree.get(iri, 0))
    return out


def relations_in_index(graph_store: GraphStore) -> Relations:
    """Every relation the graph index holds, read from one snapshot of it."""
    snapshot = graph_store.current_index().snapshot()
    try:
        return {(h, r, t): (w, c) for h, r, t, w, c in snapshot.db.execute(
            "SELECT h.iri, e.relation, t.iri, e.weight, e.confidence FROM edge e "
            "JOIN node h ON h.id = e.head JOIN node t ON t.id = e.tail")}
    finally:
        snapshot.close()


def entities_in_index(graph_store: GraphStore) -> Entities:
    """Every entity the graph index holds, with its kept degree."""
    from kg.model import ENTITY_TYPES

    snapshot = graph_store.current_index().snapshot()
    try:
        degree = dict(snapshot.db.execute("SELECT id, degree FROM node"))
        return {e.iri: (e.type, e.label, e.aliases, e.documents, degree[key])
                for key, e in snapshot.entities(list(ENTITY_TYPES)).items()}
    finally:
        snapshot.close()
