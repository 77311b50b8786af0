"""SPARQL endpoint benchmark: ``kg serve`` vs ``oxigraph serve-read-only`` vs rdflib-endpoint.

One run builds a synthetic graph shaped like ours (≥ 1M quads: one named graph per document with
document metadata, policies, regions, industries, enterprises, organisations, mentions, the seven
relations and their evidence assertions with sentences), loads it once into an Oxigraph store
(copied for the Oxigraph server, dumped to N-Quads for rdflib-endpoint), then runs the same query
mix against each server with 8 concurrent clients and prints p50/p99 latency, throughput and the
ratios (targets: kg ≥ 0.5× Oxigraph, ≥ 10× rdflib-endpoint).

    python -m bench.bench_sparql [--documents 7000] [--seconds 30] [--rdflib-seconds 30] [--clients 8]

rdflib-endpoint needs a minute or two to parse the data into memory and answers the aggregate
queries slowly; it gets the same time budget, so it completes far fewer queries.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import requests

from kg.vocab import (
    KG, RELATION_PROPERTY, TYPE_CLASS, assertion_iri, document_iri, entity_iri, mention_iri, sentence_iri,
)

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
PREFIXES = (f"PREFIX kg: <{KG}>\nPREFIX rdf: <{RDF}>\nPREFIX rdfs: <{RDFS}>\n"
            f"PREFIX prov: <{PROV}>\nPREFIX dcterms: <{DCTERMS}>\n")

POOL = {"Region": 3000, "Industry": 500, "Organization": 2000, "Enterprise": 20000}
NAME = {"Region": "区域{}市", "Industry": "产业{}", "Organization": "机构{}委员会", "Enterprise": "企业{}有限公司"}


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_n(XSD + "integer"))


A = _n(RDF + "type")
LABEL = _n(RDFS + "label")


# -- synthetic data -------------------------------------------------------------------------------


@dataclass
class Synthetic:
    documents: int
    seed: int = 7
    develops: list[tuple[str, str]] = field(default_factory=list)  # (region, industry) pairs

    def quads(self) -> Iterator[ox.Quad]:
        rng = random.Random(self.seed)
        for d in range(self.documents):
            yield from self._document(d, rng)

    def _document(self, d: int, rng: random.Random) -> Iterator[ox.Quad]:
        doc_iri = document_iri(hashlib.sha256(f"doc{d}".encode()).hexdigest())
        doc = graph = _n(doc_iri)

        def q(s, p, o):
            return ox.Quad(s, p, o, graph)

        yield q(doc, A, _n(KG + "Document"))
        yield q(doc, _n(DCTERMS + "title"), ox.Literal(f"关于推动产业发展的通知（第{d}号）"))
        yield q(doc, _n(DCTERMS + "source"), ox.Literal(f"doc{d}.txt"))
        yield q(doc, _n(KG + "sourcePath"), ox.Literal(f"/corpus/doc{d}.txt"))
        yield q(doc, _n(KG + "sha256"), ox.Literal(doc_iri.rsplit("/", 1)[1]))
        yield q(doc, _n(KG + "encoding"), ox.Literal("utf-8"))
        yield q(doc, _n(DCTERMS + "format"), ox.Literal("text/plain"))
        yield q(doc, _n(PROV + "generatedAtTime"), ox.Literal("2024-01-01T00:00:00+00:00", datatype=_n(XSD + "dateTime")))

        pick = {kind: [rng.randrange(size) for _ in range(2)] for kind, size in POOL.items()}
        entities = {
            "policy": ("Policy", f"产业发展政策{d}号"),
            "org": ("Organization", NAME["Organization"].format(pick["Organization"][0])),
            "region1": ("Region", NAME["Region"].format(pick["Region"][0])),
            "region2": ("Region", NAME["Region"].format(pick["Region"][1])),
            "industry1": ("Industry", NAME["Industry"].format(pick["Industry"][0])),
            "industry2": ("Industry", NAME["Industry"].format(pick["Industry"][1])),
            "enterprise": ("Enterprise", NAME["Enterprise"].format(pick["Enterprise"][0])),
        }
        iri = {k: entity_iri(t, name) for k, (t, name) in entities.items()}
        sentences = [f"第{i}句：{entities['region1'][1]}发展{entities['industry1'][1]}。" for i in range(4)]
        offset = 0
        for i, text in enumerate(sentences):
            s = _n(sentence_iri(doc_iri, i))
            yield q(s, A, _n(KG + "Sentence"))
            yield q(s, _n(KG + "text"), ox.Literal(text))
            yield q(s, _n(KG + "index"), _int(i))
            yield q(s, _n(KG + "start"), _int(offset))
            yield q(s, _n(KG + "end"), _int(offset + len(text)))
            yield q(s, _n(KG + "sourceStart"), _int(offset))
            yield q(s, _n(KG + "sourceEnd"), _int(offset + len(text)))
            yield q(s, _n(DCTERMS + "isPartOf"), doc)
            offset += len(text)
        for n, (key, (kind, name)) in enumerate(entities.items()):
            entity = _n(iri[key])
            yield q(entity, A, _n(str(TYPE_CLASS[kind])))
            yield q(entity, LABEL, ox.Literal(name, language="zh"))
            if kind == "Region":
                yield q(entity, _n("http://www.w3.org/2004/02/skos/core#altLabel"), ox.Literal(name[:-1], language="zh"))
            start = 10 * n
            mention = _n(mention_iri(doc_iri, start, start + len(name)))
            yield q(mention, A, _n(KG + "Mention"))
            yield q(mention, _n(KG + "mentionOf"), entity)
            yield q(mention, _n(KG + "surface"), ox.Literal(name))
            yield q(mention, _n(KG + "start"), _int(start))
            yield q(mention, _n(KG + "end"), _int(start + len(name)))
            yield q(mention, _n(KG + "inSentence"), _n(sentence_iri(doc_iri, n % 4)))
        relations = [
            ("policy", "issued_by", "org"), ("policy", "targets", "industry1"),
            ("policy", "targets", "industry2"), ("policy", "applies_to", "region1"),
            ("region1", "develops", "industry1"), ("region2", "develops", "industry2"),
            ("enterprise", "located_in", "region1"), ("enterprise", "operates_in", "industry1"),
            ("region2", "part_of", "region1"),
        ]
        for n, (head, relation, tail) in enumerate(relations):
            predicate = _n(str(RELATION_PROPERTY[relation]))
            yield q(_n(iri[head]), predicate, _n(iri[tail]))
            evidence = _n(assertion_iri(doc_iri, iri[head], relation, iri[tail], n % 4))
            yield q(evidence, A, _n(KG + "Assertion"))
            yield q(evidence, _n(RDF + "subject"), _n(iri[head]))
            yield q(evidence, _n(RDF + "predicate"), predicate)
            yield q(evidence, _n(RDF + "object"), _n(iri[tail]))
            yield q(evidence, _n(KG + "confidence"), ox.Literal("0.8", datatype=_n(XSD + "decimal")))
            yield q(evidence, _n(KG + "method"), ox.Literal("rule"))
            yield q(evidence, _n(PROV + "wasDerivedFrom"), _n(sentence_iri(doc_iri, n % 4)))
            if relation == "develops" and len(self.develops) < 2000:
                self.develops.append((iri[head], iri[tail]))


# -- the query mix --------------------------------------------------------------------------------


def query_mix(rng: random.Random, develops: list[tuple[str, str]]) -> tuple[str, str]:
    """One (kind, query) of the mix, with random parameters so no server answers from a cache."""
    kind = rng.choice(["point", "neighbourhood", "two_hop", "aggregate", "evidence"])
    if kind == "point":
        name = NAME["Enterprise"].format(rng.randrange(POOL["Enterprise"]))
        return kind, PREFIXES + f'SELECT ?e WHERE {{ ?e rdfs:label "{name}"@zh }}'
    if kind == "neighbourhood":
        region = entity_iri("Region", NAME["Region"].format(rng.randrange(POOL["Region"])))
        return kind, PREFIXES + (f"SELECT DISTINCT ?p ?o WHERE {{ {{ <{region}> ?p ?o }} "
                                 f"UNION {{ ?o ?p <{region}> }} }} LIMIT 1000")
    if kind == "two_hop":
        org = entity_iri("Organization", NAME["Organization"].format(rng.randrange(POOL["Organization"])))
        return kind, PREFIXES + (f"SELECT ?region (COUNT(DISTINCT ?policy) AS ?policies) WHERE {{ "
                                 f"?policy kg:issuedBy <{org}> ; kg:targets ?industry . "
                                 f"?region kg:develops ?industry }} GROUP BY ?region")
    if kind == "aggregate":
        return kind, PREFIXES + ("SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?type . "
                                 "VALUES ?type { kg:Policy kg:Region kg:Enterprise kg:Industry kg:Organization } } "
                                 "GROUP BY ?type")
    region, industry = rng.choice(develops)
    return kind, PREFIXES + (f"SELECT ?text ?doc WHERE {{ ?a a kg:Assertion ; rdf:subject <{region}> ; "
                             f"rdf:predicate kg:develops ; rdf:object <{industry}> ; prov:wasDerivedFrom ?s . "
                             f"?s kg:text ?text ; dcterms:isPartOf ?doc }}")


@dataclass
class Result:
    name: str
    seconds: float
    latencies: dict[str, list[float]]
    errors: int

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    @property
    def throughput(self) -> float:
        return self.count / self.seconds

    def percentile(self, p: float, kind: str | None = None) -> float:
        values = sorted(self.latencies[kind] if kind else [x for v in self.latencies.values() for x in v])
        if not values:
            return float("nan")
        return values[min(len(values) - 1, int(p / 100 * len(values)))] * 1000


def load(endpoint: str, develops, clients: int, seconds: float) -> Result:
    """``clients`` threads sending the mix for ``seconds`` (in-flight queries then complete)."""
    latencies: dict[str, list[float]] = defaultdict(list)
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(seed: int) -> None:
        rng = random.Random(seed)
        session = requests.Session()
        while time.monotonic() < stop_at:
            kind, query = query_mix(rng, develops)
            started = time.perf_counter()
            try:
                response = session.get(endpoint, params={"query": query}, timeout=600,
                                       headers={"Accept": "application/sparql-results+json"})
                ok = response.status_code == 200 and "results" in response.json()
            except (requests.RequestException, ValueError):
                ok = False
            elapsed = time.perf_counter() - started
            with lock:
                if ok:
                    latencies[kind].append(elapsed)
                else:
                    errors[0] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Result("", time.monotonic() - started, dict(latencies), errors[0])


def row_counts(endpoint: str, develops) -> list[int]:
    """Rows each of a fixed sample of queries returns: all servers must agree."""
    rng = random.Random(99)
    counts = []
    for _ in range(10):
        _, query = query_mix(rng, develops)
        response = requests.get(endpoint, params={"query": query}, timeout=600,
                                headers={"Accept": "application/sparql-results+json"})
        response.raise_for_status()
        counts.append(len(response.json()["results"]["bindings"]))
    return counts


# -- servers --------------------------------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(command: list[str], endpoint: str, wait: float) -> subprocess.Popen:
    # The log goes to a file: a server logging every request would block on a full pipe.
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command, stdout=log, stderr=log)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"{command[0]} exited: {log.read().decode()[-2000:]}")
        try:
            if requests.get(endpoint, params={"query": "ASK {}"}, timeout=5,
                            headers={"Accept": "application/sparql-results+json"}).status_code == 200:
                return process
        except requests.RequestException:
            pass
        time.sleep(0.5)
    stop(process)
    raise RuntimeError(f"{command[0]} did not answer within {wait:.0f} s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def run_server(name: str, command: list[str], endpoint: str, develops, args, seconds: float,
               wait: float = 120) -> tuple[Result, list[int], float]:
    started = time.monotonic()
    process = start(command, endpoint, wait)
    startup = time.monotonic() - started
    try:
        counts = row_counts(endpoint, develops)
        load(endpoint, develops, args.clients, min(3.0, seconds / 5))  # warm-up
        result = load(endpoint, develops, args.clients, seconds)
        result.name = name
        return result, counts, startup
    finally:
        stop(process)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_sparql", description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=7000, help="synthetic documents (~161 quads each)")
    parser.add_argument("--seconds", type=float, default=30, help="measured seconds per server")
    parser.add_argument("--rdflib-seconds", type=float, default=30, help="measured seconds for rdflib-endpoint")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--skip-rdflib", action="store_true")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:] if __name__ == "__main__" else [])

    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory(prefix="kg-bench-sparql-") as tmp:
        tmp_path = Path(tmp)
        t0 = time.monotonic()
        data = Synthetic(args.documents)
        store = ox.Store(str(tmp_path / "kg"))
        store.bulk_extend(data.quads())
        store.flush()
        quads = len(store)
        store.dump(str(tmp_path / "data.nq"), format=ox.RdfFormat.N_QUADS)
        del store
        shutil.copytree(tmp_path / "kg", tmp_path / "oxigraph")
        print(f"synthetic graph: {args.documents} documents, {quads:,} quads, "
              f"generated and loaded in {time.monotonic() - t0:.1f} s", flush=True)

        port = _free_port()
        results = []
        kg = run_server(
            "kg serve", [str(bin_dir / "kg"), "serve", "--store", str(tmp_path / "kg"), "--port", str(port),
                         "--workers", str(args.clients)],
            f"http://127.0.0.1:{port}/sparql", data.develops, args, args.seconds)
        results.append(kg)
        port = _free_port()
        results.append(run_server(
            "oxigraph serve-read-only",
            [str(bin_dir / "oxigraph"), "serve-read-only", "--location", str(tmp_path / "oxigraph"),
             "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
            f"http://127.0.0.1:{port}/query", data.develops, args, args.seconds))
        if not args.skip_rdflib:
            port = _free_port()
            results.append(run_server(
                "rdflib-endpoint",
                [str(bin_dir / "rdflib-endpoint"), "serve", str(tmp_path / "data.nq"), "--host", "127.0.0.1",
                 "--port", str(port)],
                f"http://127.0.0.1:{port}/", data.develops, args, args.rdflib_seconds, wait=900))
    report(results, args)


def report(results, args) -> None:
    kinds = ["point", "neighbourhood", "two_hop", "aggregate", "evidence"]
    print(f"\n{args.clients} concurrent clients; latency in ms (p50/p99); start-up includes loading")
    header = f"{'server':26} {'start s':>8} {'queries':>8} {'errors':>6} {'q/s':>8} {'p50':>8} {'p99':>8}  " + \
             "  ".join(f"{k:>17}" for k in kinds)
    print(header)
    for result, counts, startup in results:
        per_kind = "  ".join(f"{result.percentile(50, k):8.1f}/{result.percentile(99, k):8.1f}" for k in kinds)
        print(f"{result.name:26} {startup:8.1f} {result.count:8d} {result.errors:6d} {result.throughput:8.1f} "
              f"{result.percentile(50):8.1f} {result.percentile(99):8.1f}  {per_kind}")
    reference = results[0][1]
    for result, counts, _ in results[1:]:
        agree = "same rows" if counts == reference else f"ROW COUNTS DIFFER {counts} vs {reference}"
        print(f"check {result.name}: {agree}")
    kg = results[0][0]
    for result, _, _ in results[1:]:
        ratio = kg.throughput / result.throughput if result.throughput else float("inf")
        target = 0.5 if "oxigraph" in result.name else 10
        verdict = "meets" if ratio >= target else "MISSES"
        print(f"throughput kg / {result.name}: {ratio:.2f}x (target >= {target}x: {verdict})")
    print("median latency kg vs oxigraph per kind: " + ", ".join(
        f"{k} {kg.percentile(50, k) / results[1][0].percentile(50, k):.2f}x" for k in kinds))


if __name__ == "__main__":
    main()
