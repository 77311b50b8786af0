"""Link time of one ~10k-character document against stores of 1k, 10k and 100k entities.

The store is synthetic (random Chinese names of all five types, 100 entities per document
graph, each with an alias), on disk; the document is the first 10,000 characters of the largest
corpus file. Reported per store size:

- ``index build``: deriving the name index beside the store, once per store (and again only
  when the matching rules change);
- ``open``: what every later process pays before it can link: opening the store and the index
  and checking it is current (median of 5);
- ``link``: linking the extracted document in-process (median of 5, dry run);
- ``kg link``: the whole command as the user runs it, process start to report, writing the
  document (median of 3; each run's document is removed again with ``kg remove``). It includes
  reading and extracting the document, which does not depend on the store;

side by side with a naive peer that scores every entity against every stored name of its type
(rapidfuzz ``extractOne``), which is what linking without an index costs; the ratio is the
peer's time over open + link.
"""
from __future__ import annotations

import copy
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rapidfuzz import fuzz, process

from kg.graph.store import GraphStore
from kg.link import Linker
from kg.model import ENTITY_TYPES
from kg.vocab import CLASS_TYPE, RDF, RDFS, SKOS, TYPE_CLASS, document_iri, entity_iri

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SIZES = (1_000, 10_000, 100_000)
DOC_CHARS = 10_000
PER_GRAPH = 100
RUNS = 5
CLI_RUNS = 3

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


def sample_document(folder: Path) -> Path:
    largest = max(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)
    sample = folder / "sample.txt"
    sample.write_text(largest.read_text(encoding="utf-8")[:DOC_CHARS], encoding="utf-8")
    return sample


def naive_link(graph_store: GraphStore, extraction) -> None:
    """The peer: every entity scored against every stored name of its type."""
    names: dict[str, list[str]] = {t: [] for t in ENTITY_TYPES}
    for row in graph_store.query("SELECT ?c ?l WHERE { ?e a ?c ; rdfs:label|skos:altLabel ?l }"):
        entity_type = CLASS_TYPE.get(row["c"].value)
        if entity_type:
            names[entity_type].append(row["l"].value)
    for entity in extraction.entities:
        process.extractOne(entity.name, names[entity.type], scorer=fuzz.ratio, score_cutoff=85)


def timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def open_linker(store_dir: Path) -> None:
    with GraphStore(store_dir) as graph_store:
        Linker(graph_store)


def link_once(linker: Linker, extraction) -> None:
    """Link a fresh copy against the same index state (dry run: nothing is written)."""
    linker.index.pending.clear()
    linker.link(copy.deepcopy(extraction))


def kg_link(store_dir: Path, sample: Path) -> float:
    """Wall time of ``kg link`` in a new process, its document removed again afterwards."""
    kg = str(Path(sys.executable).parent / "kg")
    started = time.perf_counter()
    subprocess.run([kg, "link", str(sample), "--store", str(store_dir)], check=True, capture_output=True)
    elapsed = time.perf_counter() - started
    subprocess.run([kg, "remove", str(sample), "--store", str(store_dir)], check=True, capture_output=True)
    return elapsed


def main() -> None:
    from kg.extract import Extractor
    from kg.ingest import read_document

    rng = random.Random(4)
    with tempfile.TemporaryDirectory(prefix="kg-bench-link-") as folder:
        sample = sample_document(Path(folder))
        extraction = Extractor().extract(read_document(sample))
        print(f"document: {len(extraction.document.text)} chars, {len(extraction.entities)} entities")
        print(f"{'entities':>9} {'index build s':>14} {'open s':>7} {'link s':>7} {'kg link s':>10}"
              f" {'naive peer s':>13} {'peer/(open+link)':>17}")
        for size in SIZES:
            store_dir = Path(folder) / f"store-{size}"
            with GraphStore(store_dir) as graph_store:
                graph_store.store.raw.bulk_extend(synthetic_quads(size, rng))
            build = timed(open_linker, store_dir)
            opened = statistics.median(timed(open_linker, store_dir) for _ in range(RUNS))
            with GraphStore(store_dir) as graph_store:
                linker = Linker(graph_store, dry_run=True)
                link = statistics.median(timed(link_once, linker, extraction) for _ in range(RUNS))
                peer = statistics.median(timed(naive_link, graph_store, extraction) for _ in range(2))
            command = statistics.median(kg_link(store_dir, sample) for _ in range(CLI_RUNS))
            print(f"{size:>9} {build:>14.3f} {opened:>7.3f} {link:>7.3f} {command:>10.2f}"
                  f" {peer:>13.3f} {peer / (opened + link):>16.1f}x", flush=True)


if __name__ == "__main__":
    main()
