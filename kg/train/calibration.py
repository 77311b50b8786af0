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
pairs the rules' prose does not annotate.)
"""
from __future__ import annotations

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
