"""From which probability the classifier relates a pair when it decides alone, chosen by inner
cross-validation on the training documents only.

The classifier fits the documents it was trained on far better than unseen ones, so its
probabilities on them say nothing about where to cut. The training documents are split again into
folds; the classifier is fitted on all but one and scores the candidates of the one left out, and
per relation the threshold with the best F1 over those out-of-fold scores is kept. ``kg eval --cv``
runs this inside each outer training side, so the held-out fold never chooses its own threshold.

(What extraction ships beside the rules keeps the fixed, higher bars of ``FitSettings.beside_rules``:
thresholds chosen this way for the shipped reading raised the cross-validated relation F1 to 0.43
but cost the project's held-out texts up to 0.1 relation F1 — ../shared/train rewards recall on
pairs the rules' prose does not annotate. ``FitSettings.shipped_min_precision`` may only raise
those bars, to a precision floor measured the same way out of fold: :func:`raise_to_floor`.)
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kg.extract.relation_model import ALONE, RelationModel, pair_candidates
from kg.model import RELATION_SIGNATURES

#: Probabilities tried as thresholds.
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 20))


@dataclass(frozen=True)
class ScoredPair:
    relation: str
    probability: float
    label: int  # 1: the gold states it


def scored_pairs(model: RelationModel, documents: Sequence, scorer, labelled_candidates: Callable
                 ) -> tuple[list[ScoredPair], Counter]:
    """The classifier's probability and the gold's label of every candidate of ``documents``, and
    how many relations of each kind their gold states (the recall's denominator)."""
    rows: list[ScoredPair] = []
    stated: Counter = Counter()
    for done in documents:
        extraction = model.keeping_sectors(done.draft)
        candidates = [c for c in pair_candidates(extraction) if c.relation in model.weights]
        labelled, counts = labelled_candidates(extraction, candidates, list(done.annotated.gold), scorer)
        stated.update(counts)
        rows += [ScoredPair(pair.relation, model.probability(candidate), pair.label) for candidate, pair in labelled]
    return rows, stated


def best_threshold(rows: Sequence[ScoredPair], stated: int, default: float, min_precision: float = 0.0) -> float:
    """The threshold with the best F1 over out-of-fold scores of one relation among those whose
    precision is at least ``min_precision`` (the higher one on a tie); ``default`` when none
    relates a right pair."""
    best, best_f1 = default, 0.0
    for threshold in sorted(THRESHOLDS, reverse=True):
        selected = [r for r in rows if r.probability >= threshold]
        right = sum(r.label for r in selected)
        f1 = 2 * right / (len(selected) + stated) if selected and right >= min_precision * len(selected) else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = threshold, f1
    return best


def calibrate_alone(model: RelationModel, rows: Sequence[ScoredPair], stated: Counter, default: float,
                    min_precision: float) -> None:
    """Set ``model``'s thresholds for deciding alone from out-of-fold ``rows``."""
    for relation in sorted(r for r in model.weights if r in RELATION_SIGNATURES):
        mine = [row for row in rows if row.relation == relation]
        model.thresholds[relation + ALONE] = best_threshold(mine, stated[relation], default, min_precision)


@dataclass(frozen=True)
class ShippedPair:
    """A pair the shipped reading relates when its bars are at their lowest: a rule's (``veto``: the
    bar it must pass to stay) or the classifier's addition (``veto`` None)."""

    relation: str
    probability: float
    veto: float | None
    label: int  # 1: the gold states it, 0: it does not (an endpoint no gold entity included)


def shipped_pairs(model: RelationModel, documents: Sequence, scorer) -> tuple[list[ShippedPair], Counter]:
    """What ``model`` relates beside the rules in ``documents`` with no veto and its additions' bars
    at the lowest threshold tried, each pair with its probability and the gold's label, and how many
    relations of each kind their gold states."""
    from kg.extract.relation_model import VETO, pair_candidates
    from kg.train.relations import GoldRelations

    lowered = RelationModel(model.weights, {**model.thresholds, **{
        key: (0.0 if VETO in key else min(THRESHOLDS)) for key in model.thresholds
        if VETO in key or key in RELATION_SIGNATURES}}, model.meta)
    rows: list[ShippedPair] = []
    stated: Counter = Counter()
    for done in documents:
        extraction = lowered.keeping_sectors(done.draft)
        found = {(r.head, r.relation, r.tail): r for r in extraction.relations}
        rule_probability = {(c.head.iri, c.relation, c.tail.iri): model.probability(c) for c in pair_candidates(
            extraction, sorted(r for r in model.weights if r in RELATION_SIGNATURES),
            lambda head, relation, tail: (head.iri, relation, tail.iri) in found)}
        gold = GoldRelations.of(list(done.annotated.gold), scorer)
        stated.update(relation for _, relation, _ in gold.stated)
        extraction.relations = lowered.relations(extraction)
        matched = gold.matched(extraction, scorer)
        index_of = {entity.iri: i for i, entity in enumerate(extraction.entities)}
        for r in extraction.relations:
            head, tail = matched.get(index_of[r.head]), matched.get(index_of[r.tail])
            triple = (head, r.relation, tail)
            if head is not None and tail is not None and ({head, tail} & gold.optional or triple in gold.unsure):
                continue  # the scorer counts it neither way
            key = (r.head, r.relation, r.tail)
            if key in found:
                veto = model.veto_bar(found[key]) if r.relation + VETO in model.thresholds else 0.0
                rows.append(ShippedPair(r.relation, rule_probability.get(key, 1.0), veto, int(triple in gold.stated)))
            else:
                rows.append(ShippedPair(r.relation, r.confidence, None, int(triple in gold.stated)))
    return rows, stated


def raise_to_floor(model: RelationModel, rows: Sequence[ShippedPair], stated: Counter, floor: float) -> None:
    """Raise ``model``'s bars beside the rules (what it adds, and under what it drops a rule's pair)
    per relation to the lowest pair with the best out-of-fold F1 among those whose precision reaches
    ``floor``; a relation no such pair reaches keeps its bars. Bars only rise: the configured ones
    were chosen for the project's held-out texts too."""
    from kg.extract.relation_model import VETO

    for relation in sorted(r for r in model.weights if r in RELATION_SIGNATURES):
        mine = [row for row in rows if row.relation == relation]
        added_bar = model.thresholds.get(relation, math.inf)
        best, best_f1 = None, -1.0
        for veto in (0.0, *(t for t in THRESHOLDS if t <= 0.5)):
            for bar in sorted({added_bar, *(t for t in THRESHOLDS if t > added_bar)}):
                selected = [r for r in mine if (r.probability >= max(r.veto, veto) if r.veto is not None
                                                else r.probability >= bar)]
                right = sum(r.label for r in selected)
                f1 = 2 * right / (len(selected) + stated[relation]) if selected else 0.0
                if right >= floor * len(selected) and f1 > best_f1 + 1e-9:
                    best, best_f1 = (veto, bar), f1
        if best is None:
            continue
        veto, bar = best
        if bar <= 1.0:
            model.thresholds[relation] = bar
        if veto > model.thresholds.get(relation + VETO, 0.0):
            model.thresholds[relation + VETO] = veto
            for key in [k for k in model.thresholds if k.startswith(relation + VETO + ":")]:
                model.thresholds[key] = max(model.thresholds[key], veto)
