"""Browse-page speed at 100k entities: search (name index in SQLite) and the first page of a hub
with 10k facts (graph index + evidence from Oxigraph), server time through the Flask app,
against the same answers as SPARQL over the same Oxigraph store, in one run, as a ratio.

The synthetic store (cached in $KG_BENCH_DIR, default /tmp/kg-bench-browse) has 100k named
entities (a third with an alias), 60k random relations and a hub region, 江苏省, with 10k facts
(5k industries it develops, 5k firms located in it), every relation with an evidence node, its
sentence and both entities' mentions, spread over 1,000 documents.

    python -m bench browse            # or: python bench/bench_browse.py
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from kg.graph.store import GraphStore  # noqa: E402
from kg.vocab import (  # noqa: E402
    DCTERMS, KG, PROV, RDF, RDFS, RELATION_PROPERTY, SKOS, TYPE_CLASS, XSD, assertion_iri, document_iri, entity_iri,
    mention_iri, sentence_iri,
)

ENTITIES = 100_000
RANDOM_RELATIONS = 60_000
HUB_FACTS = 10_000
DOCUMENTS = 1_000
CACHE = Path(os.environ.get("KG_BENCH_DIR", "/tmp/kg-bench-browse")) / f"store-{ENTITIES}-{HUB_FACTS}"
REPEAT = 7

_CHARS = ("江苏浙安徽广东山西河南湖北南京杭州合肥深圳新华长海中国天明光大成宏远通达恒信德泰康盛金银丰元博"
          "智能源汽车电子材料生物医药装备制造信息数据云计算芯片半导体航空海洋绿色低碳化工纺织食品物流港口")
_SUFFIX = {"Region": ("市", "县", "区"), "Enterprise": ("有限公司", "集团", "股份有限公司"), "Industry": ("产业", "制造"),
           "Organization": ("局", "委员会", "研究院"), "Policy": ("规划", "实施意见", "行动方案")}
_TYPES = tuple(_SUFFIX)
HUB = entity_iri("Region", "江苏省")


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _nquads(seed: int = 13) -> Iterator[str]:
    """The store as N-Quads lines, in chunks."""
    rng = random.Random(seed)
    names: dict[str, list[tuple[str, str]]] = {t: [] for t in _TYPES}  # type -> [(iri, label)]
    used: set[str] = {"江苏省"}
    buf: list[str] = []
    docs = [document_iri(f"{d:064x}") for d in range(DOCUMENTS)]
    while sum(len(v) for v in names.values()) < ENTITIES:
        entity_type = _TYPES[len(used) % len(_TYPES)]
        core = "".join(rng.choice(_CHARS) for _ in range(rng.randint(2, 4)))
        label = core + rng.choice(_SUFFIX[entity_type])
        if label in used:
            continue
        used.add(label)
        iri = entity_iri(entity_type, label)
        names[entity_type].append((iri, label))
        g = f"<{rng.choice(docs)}>"
        buf.append(f"<{iri}> <{RDF.type}> <{TYPE_CLASS[entity_type]}> {g} .\n<{iri}> <{RDFS.label}> {_lit(label)}@zh {g} .\n")
        if rng.random() < 0.33:
            buf.append(f"<{iri}> <{SKOS.altLabel}> {_lit(core)}@zh {g} .\n")
        if len(buf) > 5000:
            yield "".join(buf)
            buf.clear()
    hub_doc = f"<{docs[0]}>"
    buf.append(f"<{HUB}> <{RDF.type}> <{KG.Region}> {hub_doc} .\n<{HUB}> <{RDFS.label}> \"江苏省\"@zh {hub_doc} .\n"
               f"<{HUB}> <{SKOS.altLabel}> \"江苏\"@zh {hub_doc} .\n")
    names["Region"].append((HUB, "江苏省"))
    facts = [(HUB, "江苏省", "develops", iri, label) for iri, label in names["Industry"][:HUB_FACTS // 2]]
    facts += [(iri, label, "located_in", HUB, "江苏省") for iri, label in names["Enterprise"][:HUB_FACTS // 2]]
    signature = {"develops": ("Region", "Industry"), "located_in": ("Enterprise", "Region"),
                 "operates_in": ("Enterprise", "Industry"), "issued_by": ("Policy", "Organization"),
                 "applies_to": ("Policy", "Region"), "part_of": ("Region", "Region")}
    while len(facts) < HUB_FACTS + RANDOM_RELATIONS:
        relation = rng.choice(list(signature))
        head_type, tail_type = signature[relation]
        (h, hl), (t, tl) = rng.choice(names[head_type]), rng.choice(names[tail_type])
        if h != t:
            facts.append((h, hl, relation, t, tl))
    for n, (h, hl, relation, t, tl) in enumerate(facts):
        doc = rng.choice(docs)
        g, index = f"<{doc}>", n % 200
        text = f"{hl}与{tl}的合作不断深化。"
        sentence, a = sentence_iri(doc, index), assertion_iri(doc, h, relation, t, index)
        start = index * 100
        buf.append(
            f"<{h}> <{RELATION_PROPERTY[relation]}> <{t}> {g} .\n"
            f"<{a}> <{RDF.type}> <{KG.Assertion}> {g} .\n<{a}> <{RDF.subject}> <{h}> {g} .\n"
            f"<{a}> <{RDF.predicate}> <{RELATION_PROPERTY[relation]}> {g} .\n<{a}> <{RDF.object}> <{t}> {g} .\n"
            f"<{a}> <{KG.confidence}> \"{rng.randrange(30, 100) / 100:.2f}\"^^<{XSD.decimal}> {g} .\n"
            f"<{a}> <{PROV.wasDerivedFrom}> <{sentence}> {g} .\n"
            f"<{sentence}> <{RDF.type}> <{KG.Sentence}> {g} .\n<{sentence}> <{KG.text}> {_lit(text)} {g} .\n"
            f"<{sentence}> <{KG.start}> \"{start}\"^^<{XSD.integer}> {g} .\n<{sentence}> <{DCTERMS.isPartOf}> {g} {g} .\n")
        for entity, offset, name in ((h, 0, hl), (t, len(hl) + 1, tl)):
            m = mention_iri(doc, start + offset, start + offset + len(name))
            buf.append(f"<{m}> <{KG.mentionOf}> <{entity}> {g} .\n<{m}> <{KG.inSentence}> <{sentence}> {g} .\n"
                       f"<{m}> <{KG.start}> \"{start + offset}\"^^<{XSD.integer}> {g} .\n"
                       f"<{m}> <{KG.end}> \"{start + offset + len(name)}\"^^<{XSD.integer}> {g} .\n")
        if len(buf) > 5000:
            yield "".join(buf)
            buf.clear()
    for d, doc in enumerate(docs):
        buf.append(f"<{doc}> <{RDF.type}> <{KG.Document}> <{doc}> .\n<{doc}> <{DCTERMS.source}> \"doc{d}.txt\" <{doc}> .\n"
                   f"<{doc}> <{DCTERMS.title}> \"文档{d}\" <{doc}> .\n")
    yield "".join(buf)


def store_path() -> Path:
    """The cached synthetic store, built on first use."""
    if not (CACHE / ".complete").exists():
        import shutil

        import pyoxigraph as ox

        shutil.rmtree(CACHE, ignore_errors=True)  # an interrupted build
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        with GraphStore(CACHE) as graph_store:
            with graph_store.raw_write() as raw:
                raw.raw.bulk_load("".join(_nquads()).encode("utf-8"), ox.RdfFormat.N_QUADS)  # pyoxigraph's own
            graph_store.current_index()
        (CACHE / ".complete").touch()
        print(f"  built the store in {time.perf_counter() - started:.0f} s: {CACHE}", flush=True)
    return CACHE


def timed(call: Callable[[], object]) -> float:
    """Median milliseconds of REPEAT calls (after one warm-up)."""
    call()
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _get(client, url: str, **headers) -> Callable[[], object]:
    def call():
        response = client.get(url, headers=headers)
        assert response.status_code == 200, (url, response.status_code, response.data[:200])
        return response.data
    return call


def _sparql(graph_store: GraphStore, query: str) -> Callable[[], object]:
    return lambda: list(graph_store.query(query))


def _search_peer(text: str) -> str:
    """Search as SPARQL: names containing the text, exact before prefix before substring."""
    q = _lit(text)
    return (f"SELECT DISTINCT ?e ?name WHERE {{ {{ ?e rdfs:label ?name }} UNION {{ ?e skos:altLabel ?name }} "
            f"FILTER(CONTAINS(LCASE(STR(?name)), {q})) }} "
            f"ORDER BY (STR(?name) != {q}) (!STRSTARTS(STR(?name), {q})) ?name LIMIT 20")


_HUB_PAGE_PEER = f"""SELECT ?p ?other ?text ?file WHERE {{
  {{ ?a rdf:subject <{HUB}> ; rdf:object ?other }} UNION {{ ?a rdf:object <{HUB}> ; rdf:subject ?other }}
  ?a rdf:predicate ?p ; prov:wasDerivedFrom ?s . ?s kg:text ?text ; dcterms:isPartOf ?d . ?d dcterms:source ?file .
}} ORDER BY ?p ?other LIMIT 50"""


def main(argv: list[str] | None = None) -> None:
    from kg.config import ServerConfig
    from kg.server import create_app
    from kg.server.browse.search import NameList

    path = store_path()
    with GraphStore(path) as graph_store:
        client = create_app(ServerConfig(store=path), graph_store=graph_store).test_client()
        print(f"{ENTITIES:,} entities, {RANDOM_RELATIONS + HUB_FACTS:,} relations, hub with {HUB_FACTS:,} facts; "
              f"median of {REPEAT}, server time in-process (Flask test client)")
        print(f"{'request':<44} {'kg ms':>8} {'SPARQL ms':>10} {'ratio':>7}")
        searches = [("江苏", {}), ("智能", {}), ("江苏省", {"type": "Region"}), ("有限公司", {})]
        for text, extra in searches:
            url = f"/search?q={quote(text)}&format=json" + "".join(f"&{k}={v}" for k, v in extra.items())
            ours, peer = timed(_get(client, url)), timed(_sparql(graph_store, _search_peer(text)))
            label = f"search {text} {' '.join(f'{k}={v}' for k, v in extra.items())}({client.get(url).json['total']:,} hits)"
            print(f"{label:<44} {ours:>8.1f} {peer:>10.1f} {peer / ours:>6.1f}x", flush=True)
        snapshot = graph_store.current_index().snapshot()
        try:
            rebuild = timed(lambda: NameList(snapshot.db))
        finally:
            snapshot.close()
        print(f"{'(reading the name list after a write)':<44} {rebuild:>8.1f}")
        hub = "/id/region/" + quote("江苏省")
        ours, peer = timed(_get(client, hub)), timed(_sparql(graph_store, _HUB_PAGE_PEER))
        print(f"{'hub entity page 1 (HTML, 50 facts + evidence)':<44} {ours:>8.1f} {peer:>10.1f} {peer / ours:>6.1f}x")
        ours = timed(_get(client, hub + "?page=150"))
        print(f"{'hub entity page 150':<44} {ours:>8.1f}")
        ours = timed(_get(client, hub, Accept="text/turtle"))
        print(f"{'hub description as Turtle (10k facts + evidence)':<44} {ours:>8.1f}")
        ours = timed(_get(client, f"/graph/neighbourhood?iri={quote(HUB)}&hops=2"))
        print(f"{'hub neighbourhood, 2 hops (capped)':<44} {ours:>8.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
