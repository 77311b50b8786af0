"""Document-level K-fold cross-validation of extraction on an annotated folder (``kg eval --cv K``).

Every document is extracted once (the rules, and the rules with the shipped tagger, learn nothing
from the folder); what is learned from the folder — which proposed names to add (the entity
decision), which industry words name sectors, and the relation classifier — is trained on K-1 folds
and applied to the held-out fold (each document is drafted again with its fold's entity decision),
so no document is ever scored by a model that saw it.
All three readings are scored with the shared scorer, side by side.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.train.corpus import load_annotated, stratified_folds
from kg.train.relations import extract_annotated

#: The readings scored, in the order of the table's columns.
#: "learned" is what extraction ships (the rules with the learned decisions' additions), "classifier"
#: the learned decisions alone.
READINGS = ("rules", "rules+tagger", "learned", "classifier")


@dataclass
class CrossValidation:
    folds: list[list[str]]
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)  # reading -> the scorer's report
    #: relation -> (gold relations whose both entities the shipped reading finds, gold relations):
    #: the recall no relation decision can pass without more entities
    ceiling: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: source -> (the draft, the shipped reading's extraction), each by its fold's decisions, when asked for
    #: (``keep_extractions``: to say why an entity was missed or invented, bench.entity_errors)
    extractions: dict[str, tuple[Any, Any]] = field(default_factory=dict)


def cross_validate(data_dir: Path, k: int, seed: int, scorer_path: Path, fit_settings=None,
                   log: Callable[[str], None] = print, entity_settings=None,
                   keep_extractions: bool = False) -> CrossValidation:
    from kg.extract import Extractor, extraction_to_json
    from kg.extract.evaluate import empty_counts, load_scorer
    from kg.ingest import read_document
    from kg.train.entities import fit_entity_model, labelled_documents
    from kg.train.relations import ExtractedDocument, GoldRelations, train_model

    scorer = load_scorer(scorer_path)
    documents = load_annotated(data_dir)
    folds = stratified_folds(documents, k, seed)
    extracted = {d.annotated.source: d for d in extract_annotated(documents, log, entity_model=False)}
    tagged = Extractor(ner=True, relation_model=False, entity_model=False)
    proposals = labelled_documents(documents, scorer, tagged)
    texts = {d.source: read_document(d.path) for d in documents}
    counts = {reading: empty_counts(scorer) for reading in READINGS}
    misses: dict[str, list] = {reading: [] for reading in READINGS}
    kept: dict[str, tuple[Any, Any]] = {}
    reachable, stated = Counter(), Counter()
    for number, fold in enumerate(folds, 1):
        held_out = {d.source for d in fold}
        entities = fit_entity_model([row for source in sorted(proposals) if source not in held_out
                                     for row in proposals[source]], entity_settings)
        drafted = {source: ExtractedDocument(done.annotated, done.rules, tagged.draft(texts[source], entities))
                   for source, done in extracted.items()}
        model = train_model([d for source, d in drafted.items() if source not in held_out], scorer, fit_settings)
        log(f"fold {number}/{k}: {len(fold)} held out ({', '.join(sorted(held_out))})")
        for annotated in fold:
            done = drafted[annotated.source]
            gold = scorer.merge(list(annotated.gold))
            readings = (done.rules, extracted[annotated.source].draft.by_rules(), model.decide(done.draft),
                        model.decide(done.draft, alone=True))
            for reading, extraction in zip(READINGS, readings):
                prediction = scorer.merge([extraction_to_json(extraction)])
                scorer.score_doc(gold, prediction, counts[reading], misses[reading], annotated.source)
            if keep_extractions:
                kept[annotated.source] = (done.draft, readings[READINGS.index("learned")])
            relations = GoldRelations.of(list(annotated.gold), scorer)
            reachable += relations.reachable(readings[READINGS.index("learned")], scorer)
            stated += Counter(relation for _, relation, _ in relations.stated)
    result = CrossValidation([sorted(d.source for d in fold) for fold in folds],
                             ceiling={r: (reachable[r], n) for r, n in sorted(stated.items())}, extractions=kept)
    for reading in READINGS:
        result.reports[reading] = scorer.report(counts[reading])
        result.reports[reading]["misses"] = misses[reading]
    return result


def format_cross_validation(result: CrossValidation, show_misses: bool = False) -> str:
    """Per type and per relation P/R/F1 of each reading, side by side."""
    header = f"{'':9}{'':14}" + "".join(f"{reading:>24}" for reading in READINGS)
    lines = [f"{len(result.folds)}-fold cross-validation by document, folds stratified by file prefix",
             header, f"{'':23}" + "".join(f"{'P':>8}{'R':>7}{'F1':>7}  " for _ in READINGS)]
    first = result.reports[READINGS[0]]
    for section, label in (("entities", "entity"), ("relations", "relation")):
        names = [n for n in first[section] if n != "micro"]
        names += sorted({n for r in result.reports.values() for n in r[section]} - set(names) - {"micro"})
        for name in [*names, "micro"]:
            cells = []
            for reading in READINGS:
                r = result.reports[reading][section].get(name, {"precision": 0.0, "recall": 0.0, "f1": 0.0})
                cells.append(f"{r['precision']:>8.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}  ")
            lines.append(f"{label:<9}{name:<14}" + "".join(cells))
    if result.ceiling:
        reached, total = (sum(counts) for counts in zip(*result.ceiling.values()))
        ceilings = [f"{r} {n / t:.2f}" for r, (n, t) in result.ceiling.items()] + [f"micro {reached / total:.2f}"]
        lines.append("relation recall ceiling (both entities found): " + ", ".join(ceilings))
    if show_misses:
        reading = "learned"
        lines.append(f"misses of the {reading} reading:")
        for m in result.reports[reading]["misses"]:
            lines.append(f"{m['kind']:<9} {m['type']:<13} {m['name']}  [{m['source']}]")
    return "\n".join(lines)
