"""Link time of one ~10k-character document against stores of 1k, 10k and 100k entities.

The store is synthetic (random Chinese names of all five types, 100 entities per document
graph, each with an alias); the document is the first 10,000 characters of the largest corpus
file, extracted once. Reported per store size: loading the name index (once per process), and
linking the document (median of 5), side by side with a naive peer that scores every entity
against every stored name of its type (rapidfuzz ``extractOne``), which is what linking without
an index costs.
"""
from __future__ import annotations

import copy
import random
import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rapidfuzz import fuzz, process

from kg.graph.store import GraphStore
from kg.link import Linker
from kg.model import ENTITY_TYPES
from kg.vocab import RDF, RDFS, SKOS, TYPE_CLASS, document_iri, entity_iri

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SIZES = (1_000, 10_000, 100_000)
DOC_CHARS = 10_000
PER_GRAPH = 100
RUNS = 5

_CHARS = ("华中国东南西北新兴科技创业信息智能数据网络电子汽车能源材料生物医药金融投资发展建设工业"
          "海天山河江湖城乡星光明宏远博通达盛恒泰安康瑞祥丰源鑫宇航云峰林森")
_SUFFIX = {
    "Region": ("市", "县", "区", "镇", "新区"),
    "Enterprise": ("股份有限公司", "有限公司", "集团", "科技有限公司"),
    "Policy": ("实施方案", "若干措施", "发展规划", "行动计划", "管理办法"),
    "Industry": ("产业", "制造", "服务", "装备"),
    "Organization": ("研究院", "协会", "委员会", "局", "中心"),
}


def synthetic_quads(size: int, rng: random.Random) -> list[ox.Quad]:
    a, label, alt = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(RDFS.label)), ox.NamedNode(str(SKOS.altLabel))
    quads = []
    for i in range(size):
        entity_type = ENTITY_TYPES[i % len(ENTITY_TYPES)]
        stem = "".join(rng.choice(_CHARS) for _ in range(rng.randint(2, 6 if entity_type == "Policy" else 4)))
        name = f"{stem}{rng.choice(_SUFFIX[entity_type])}{i}"
        node = ox.NamedNode(entity_iri(entity_type, name))
        graph = ox.NamedNode(document_iri(f"synthetic{i // PER_GRAPH:08d}"))
        quads += [ox.Quad(node, a, ox.NamedNode(str(TYPE_CLASS[entity_type])), graph),
                  ox.Quad(node, label, ox.Literal(name, language="zh"), graph),
                  ox.Quad(node, alt, ox.Literal(f"{stem}{i}", language="zh"), graph)]
    return quads


def document_extraction(folder: Path):
    from kg.extract import Extractor
    from kg.ingest import read_document

    largest = max(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)
    sample = folder / "sample.txt"
    sample.write_text(largest.read_text(encoding="utf-8")[:DOC_CHARS], encoding="utf-8")
    return Extractor().extract(read_document(sample))


def naive_link(graph_store: GraphStore, extraction) -> None:
    """The peer: every entity scored against every stored name of its type."""
    names: dict[str, list[str]] = {t: [] for t in ENTITY_TYPES}
    class_type = {str(c): t for t, c in TYPE_CLASS.items()}
    for row in graph_store.query("SELECT ?c ?l WHERE { ?e a ?c ; rdfs:label|skos:altLabel ?l }"):
        entity_type = class_type.get(row["c"].value)
        if entity_type:
            names[entity_type].append(row["l"].value)
    for entity in extraction.entities:
        process.extractOne(entity.name, names[entity.type], scorer=fuzz.ratio, score_cutoff=85)


def timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def main() -> None:
    rng = random.Random(4)
    with tempfile.TemporaryDirectory(prefix="kg-bench-link-") as folder:
        extraction = document_extraction(Path(folder))
        print(f"document: {len(extraction.document.text)} chars, {len(extraction.entities)} entities")
        print(f"{'entities':>9} {'index load s':>13} {'link s':>8} {'naive peer s':>13} {'peer/link':>10}")
        for size in SIZES:
            graph_store = GraphStore(Path(folder) / f"store-{size}")
            graph_store.store.bulk_extend(synthetic_quads(size, rng))
            started = time.perf_counter()
            linker = Linker(graph_store, dry_run=True)
            load = time.perf_counter() - started
            # Each run links a fresh copy against the same index state (dry run: nothing written).
            link = statistics.median(
                timed(Linker.link, _fresh(linker, graph_store), copy.deepcopy(extraction)) for _ in range(RUNS)
            )
            peer = statistics.median(timed(naive_link, graph_store, extraction) for _ in range(2))
            print(f"{size:>9} {load:>13.3f} {link:>8.3f} {peer:>13.3f} {peer / link:>9.1f}x", flush=True)
            graph_store.close()


def _fresh(linker: Linker, graph_store: GraphStore) -> Linker:
    """A linker sharing ``linker``'s loaded index state but not what earlier runs added to it."""
    clone = copy.copy(linker)
    clone.index = copy.deepcopy(linker.index)
    return clone


if __name__ == "__main__":
    main()
