"""The shipped decisions (kg/extract/model/relations.json) are exactly what ``kg train --data
../shared/train`` trains over the shipped tagger: retrained here (about 15 s) and compared byte
for byte. (The tagger's own determinism is checked on a small setting in tests/test_train_model.py:
its full retrain takes minutes.)"""
from __future__ import annotations

from pathlib import Path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def test_retraining_the_decisions_gives_the_shipped_bytes():
    from kg.config import PACKAGE_DIR
    from kg.extract.relation_model import RELATION_MODEL_FILE
    from kg.train.relations import train_relation_model

    shipped_dir = PACKAGE_DIR / "extract" / "model"
    model = train_relation_model(SHARED / "train", shipped_dir, SHARED / "eval" / "score.py", log=lambda line: None)
    assert model.to_json() == (shipped_dir / RELATION_MODEL_FILE).read_text(encoding="utf-8")


def test_retraining_the_entity_decision_gives_the_shipped_bytes():
    from kg.config import PACKAGE_DIR
    from kg.extract.entity_model import ENTITY_MODEL_FILE
    from kg.train.entities import train_entity_model

    shipped_dir = PACKAGE_DIR / "extract" / "model"
    model = train_entity_model(SHARED / "train", shipped_dir, SHARED / "eval" / "score.py", log=lambda line: None)
    assert model.to_json() == (shipped_dir / ENTITY_MODEL_FILE).read_text(encoding="utf-8")
