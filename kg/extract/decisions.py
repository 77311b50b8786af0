"""What the learned decisions of extraction share: logistic regressions over sparse binary features,
one per decision, with the probability from which each is taken, saved as JSON beside the tagger.

The entity decision (:mod:`kg.extract.entity_model`) and the relation classifier
(:mod:`kg.extract.relation_model`) are both such models; ``kg train`` fits them with
:func:`kg.train.relations.fit` and must give the same bytes for the same data and seed.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable
from itertools import repeat
from pathlib import Path
from typing import ClassVar, TypeVar

Model = TypeVar("Model", bound="LogisticDecisions")


def bucket(value: int, edges: Iterable[int]) -> str:
    """``value`` as the first edge it does not exceed (``+`` past the last): 0, 1, 2, 3-5 … as a feature."""
    last = 0
    for edge in edges:
        if value <= edge:
            return str(edge)
        last = edge
    return f"{last}+"


def logistic(weights: dict[str, float], features: Iterable[str]) -> float:
    """The probability the weights give a set of binary features."""
    score = sum(map(weights.get, set(features), repeat(0.0)))  # a generator's frame per feature costs twice this
    return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))


class LogisticDecisions:
    """Weights per decision, thresholds by name, and what training recorded (``meta``)."""

    #: The model's file name inside the model folder.
    FILE: ClassVar[str]

    def __init__(self, weights: dict[str, dict[str, float]], thresholds: dict[str, float], meta: dict | None = None):
        self.weights = weights
        self.thresholds = thresholds
        self.meta = meta or {}

    def to_json(self) -> str:
        """Sorted keys and rounded weights: the same model always gives the same bytes."""
        data = {"format": 1, "meta": self.meta,
                "thresholds": {r: round(v, 4) for r, v in sorted(self.thresholds.items())},
                "weights": {r: {f: round(w, 5) for f, w in sorted(ws.items())} for r, ws in sorted(self.weights.items())}}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n"

    def save(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / self.FILE
        path.write_text(self.to_json(), encoding="utf-8")
        return path

    @classmethod
    def from_json(cls: type[Model], text: str) -> Model:
        data = json.loads(text)
        return cls(data["weights"], data["thresholds"], data.get("meta"))

    @classmethod
    def load(cls: type[Model], model_dir: str) -> Model | None:
        """The model shipped in ``model_dir``, or None when that folder has none."""
        path = Path(model_dir) / cls.FILE
        return cls.from_json(path.read_text(encoding="utf-8")) if path.is_file() else None
