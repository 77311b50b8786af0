"""Annotated documents for training and cross-validation: a text file beside its gold file(s).

A training folder holds ``X.txt`` and one or more gold files (``*.json`` in the dev-gold format,
``"source": "X.txt"``). Folds are made per document, stratified by the document kind that the file
name's prefix gives (``c-01.txt`` → ``c``), so every fold sees every kind and no document is ever
on both sides.
"""
from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError


@dataclass(frozen=True)
class AnnotatedDocument:
    source: str  # the file name the gold's "source" gives
    path: Path  # the text file
    gold: tuple[dict, ...]  # the gold parts for this source

    @property
    def kind(self) -> str:
        """The stratum: the file name's prefix before ``-`` (the whole stem when it has none)."""
        stem = Path(self.source).stem
        return stem.split("-", 1)[0] if "-" in stem else stem


def load_annotated(folder: Path) -> list[AnnotatedDocument]:
    """Every document of ``folder`` that has gold, sorted by source name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise KgError(f"training folder not found: {folder}")
    parts: dict[str, list[dict]] = defaultdict(list)
    for path in sorted(folder.glob("*.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise KgError(f"unreadable gold file {path}: {err}") from err
        if isinstance(gold, dict) and isinstance(gold.get("source"), str) and gold["source"]:
            parts[gold["source"]].append(gold)
    documents = []
    for source, golds in sorted(parts.items()):
        text = folder / source
        if Path(source).name != source or not text.is_file():  # ../../etc/passwd was read as a document
            raise KgError(f"gold names {source}, which is not in {folder}")
        documents.append(AnnotatedDocument(source, text, tuple(golds)))
    if not documents:
        raise KgError(f"no gold files (*.json with a \"source\") in {folder}")
    return documents


def stratified_folds(documents: list[AnnotatedDocument], k: int, seed: int = 0) -> list[list[AnnotatedDocument]]:
    """``k`` disjoint folds covering ``documents``; each kind is shuffled (by ``seed``) and dealt
    round-robin, continuing where the previous kind stopped so fold sizes stay even."""
    if len(documents) < 2:  # it said '--cv needs 2 <= K <= 1'
        raise KgError(f"--cv needs 2 documents with gold at least, found {len(documents)}")
    if not 2 <= k <= len(documents):
        raise KgError(f"--cv needs 2 <= K <= {len(documents)} (the number of documents), got {k}")
    rng = random.Random(seed)
    by_kind: dict[str, list[AnnotatedDocument]] = defaultdict(list)
    for doc in documents:
        by_kind[doc.kind].append(doc)
    folds: list[list[AnnotatedDocument]] = [[] for _ in range(k)]
    slot = 0
    for kind in sorted(by_kind):
        members = sorted(by_kind[kind], key=lambda d: d.source)
        rng.shuffle(members)
        for doc in members:
            folds[slot % k].append(doc)
            slot += 1
    return folds
