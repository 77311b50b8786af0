"""A live ``kg serve`` for tests that must talk HTTP to the real server (W3C manifests, real
clients, timeouts): started as a subprocess on a free loopback port over a temporary store."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent
TOKEN = "test-token-0123456789"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    def __init__(self, base: str, token: str | None, pid: int) -> None:
        self.base = base
        self.pid = pid
        self.token = token
        self.sparql = base + "/sparql"

    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def update(self, text: str) -> None:
        response = requests.post(self.sparql, data=text.encode("utf-8"), timeout=30,
                                 headers={"Content-Type": "application/sparql-update", **self.auth()})
        assert response.status_code == 204, response.text


@contextmanager
def live_server(store: Path, *extra: str, token: str | None = TOKEN,
                settings: dict[str, str] | None = None) -> Iterator[LiveServer]:
    """Run ``kg serve`` on ``store`` until the block ends, with ``settings`` added to its environment;
    fails if it does not come up. It runs as ``python -m kg.cli`` from this checkout, so a test
    serves the code it tests (the installed ``kg`` script may import another checkout)."""
    port = free_port()
    command = [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", str(port), *extra]
    env = {k: v for k, v in os.environ.items() if k != "KG_UPDATE_TOKEN"} | (settings or {})
    if token:
        command += ["--update-token", token]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                raise AssertionError(f"kg serve exited with {process.returncode}: {output}")
            try:
                if requests.get(base + "/health", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("kg serve did not come up within 30 s")
            time.sleep(0.1)
        yield LiveServer(base, token, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()


def sample_extraction():
    """A small extraction in our model: a policy issued by an organisation, applying to a region
    that develops an industry, each relation with its evidence sentence."""
    from kg.model import Document, Entity, Extraction, Figure, Mention, Relation, Sentence
    from kg.vocab import entity_iri

    text = "江苏省人民政府发布《江苏省新能源汽车产业发展规划》。江苏省大力发展新能源汽车产业。"
    sentences = [Sentence(0, 0, 26, text[:26]), Sentence(1, 26, len(text), text[26:])]
    document = Document(
        source="sample.txt", path="/data/sample.txt", sha256="ab" * 32, encoding="utf-8",
        media_type="text/plain", title="样例", text=text, offset_map=list(range(len(text) + 1)),
        sentences=sentences,
    )

    def entity(kind: str, name: str, start: int, sentence: int, aliases=()) -> Entity:
        return Entity(kind, name, name, entity_iri(kind, name), list(aliases),
                      [Mention(name, start, start + len(name), sentence)])

    organisation = entity("Organization", "江苏省人民政府", 0, 0)
    policy = entity("Policy", "江苏省新能源汽车产业发展规划", 10, 0)
    region = entity("Region", "江苏省", 26, 1, aliases=["江苏"])
    industry = entity("Industry", "新能源汽车", 33, 1)
    relations = [
        Relation(policy.iri, "issued_by", organisation.iri, 0.9, 0, "test"),
        Relation(policy.iri, "applies_to", region.iri, 0.8, 0, "test"),
        Relation(region.iri, "develops", industry.iri, 0.85, 1, "test"),
    ]
    policy.attributes.update({"number": "苏政发〔2021〕9号", "date": "2021-02-01", "kind": "规划", "level": "provincial",
                              "period": {"start": 2021, "end": 2025}})
    # the query page's target example needs a 2025 digital-economy target of a province
    target = Figure(region.iri, "数字经济核心产业增加值占地区生产总值比重", "≥", 10.0, "%", 2025, "target",
                    sentence=1, start=26, policy=policy.iri)
    return Extraction(document, [organisation, policy, region, industry], relations, figures=[target],
                      document_policy=policy.iri)


def sample_graph_store():
    """An in-memory GraphStore holding ``sample_extraction()``'s document graph."""
    from datetime import datetime, timezone

    from kg.graph.builder import extraction_quads
    from kg.graph.store import GraphStore
    from kg.vocab import document_iri

    extraction = sample_extraction()
    store = GraphStore(None)
    store.write_document(document_iri(extraction.document.sha256),
                         extraction_quads(extraction, ingested_at=datetime(2024, 1, 1, tzinfo=timezone.utc)))
    return store
