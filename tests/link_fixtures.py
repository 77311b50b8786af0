"""Helpers of the linking tests: small extractions written by hand, a store holding the linking
test set's nodes, and the scoring of links against its annotations."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from kg.graph.builder import extraction_quads
from kg.graph.store import GraphStore
from kg.model import Document, Entity, Extraction, Mention, Relation, Sentence
from kg.vocab import document_iri, entity_iri

CASES = Path(__file__).resolve().parent / "data" / "linking" / "cases.json"
INGESTED = datetime(2025, 1, 1, tzinfo=timezone.utc)


def load_cases() -> dict:
    return json.loads(CASES.read_text(encoding="utf-8"))


def extraction(source: str, entities: list[tuple], relations: list[tuple] = ()) -> Extraction:
    """An extraction of a one-sentence document naming ``entities`` — (type, name[, key[,
    aliases]]) — with ``relations`` (head name, relation, tail name) between them."""
    text = "，".join(e[1] for e in entities) + "。"
    document = Document(
        source=source, path=f"/linking-tests/{source}",
        sha256=hashlib.sha256(f"{source}\n{text}".encode()).hexdigest(), encoding="utf-8",
        media_type="text/plain", title=source, text=text, offset_map=list(range(len(text) + 1)),
        sentences=[Sentence(0, 0, len(text), text)],
    )
    found: list[Entity] = []
    offset = 0
    for entity_type, name, *rest in entities:
        key = rest[0] if rest and rest[0] else name
        aliases = list(rest[1]) if len(rest) > 1 else []
        found.append(Entity(entity_type, name, key, entity_iri(entity_type, key), aliases,
                            [Mention(name, offset, offset + len(name), 0)]))
        offset += len(name) + 1
    by_name = {e.name: e.iri for e in found}
    return Extraction(document, found, [
        Relation(by_name[h], r, by_name[t], 0.9, 0, "test") for h, r, t in relations
    ])


def write(graph_store: GraphStore, ex: Extraction) -> None:
    graph_store.write_document(document_iri(ex.document.sha256),
                               extraction_quads(ex, ingested_at=INGESTED))


def store_of_cases(cases: dict) -> tuple[GraphStore, dict[tuple[str, str], str]]:
    """An in-memory store holding the test set's nodes (one document graph per corpus file),
    and the IRI of each node by (type, name)."""
    graph_store = GraphStore(None)
    by_source: dict[str, list[dict]] = {}
    for node in cases["store"]:
        by_source.setdefault(node["source"] or "reference", []).append(node)
    iris: dict[tuple[str, str], str] = {}
    for source, nodes in by_source.items():
        entities = [(n["type"], n["name"], n.get("key"), n["aliases"]) for n in nodes]
        names = {n["name"] for n in nodes}
        parents = [(n["name"], "part_of", n["part_of"]) for n in nodes if n.get("part_of")]
        for child, _, parent in parents:  # a parent from another file is named here too
            if parent not in names:
                entities.append(("Region", parent))
                names.add(parent)
        ex = extraction(f"linking-store-{source}", entities, parents)
        write(graph_store, ex)
        for entity in ex.entities:
            iris.setdefault((entity.type, entity.name), entity.iri)
    return graph_store, iris


@dataclass
class Score:
    """Links of the test set's queries, judged against the annotations."""

    positives: int = 0  # queries naming an entity the store holds
    correct: int = 0  # linked to the annotated node
    missed: list[str] = field(default_factory=list)  # an existing entity left unlinked
    wrong: list[str] = field(default_factory=list)  # merged into a node it does not denote
    kept_apart: int = 0  # confusables rightly not merged

    @property
    def precision(self) -> float:
        linked = self.correct + len(self.wrong)
        return self.correct / linked if linked else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.positives if self.positives else 1.0


def score_links(linker_factory, cases: dict) -> Score:
    """Link every query (with its context regions) into a store of the test set's nodes, each
    in its own document, and compare the node each lands on with the annotation."""
    score = Score()
    for i, query in enumerate(cases["queries"]):
        graph_store, iris = store_of_cases(cases)
        linker = linker_factory(graph_store)
        entities = [(query["type"], query["name"])] + [("Region", c) for c in query.get("context", [])]
        report = linker.link(extraction(f"query-{i}", entities))
        got = report.entities[0]
        expected = iris[(query["type"], query["expect"])] if query["expect"] else None
        label = (f"{query['type']} {query['name']!r} → {got.id.rsplit('/', 1)[-1]} ({got.method}), "
                 f"expected {query['expect']}")
        score.positives += expected is not None
        if expected is not None and got.id == expected and not got.new:
            score.correct += 1
        elif got.new or got.id not in iris.values():
            if expected is None:
                score.kept_apart += 1
            else:
                score.missed.append(label)
        else:
            score.wrong.append(label)
    return score
