"""Dev-gold evaluation: extract the corpus files that have gold and score them with the shared
scorer (``eval/score.py``, loaded from its path so the scoring logic stays the annotators' own)."""
from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from kg.errors import KgError


@dataclass
class EvalResult:
    report: dict[str, Any]  # the scorer's report: entities/relations → P/R/F1 (+ misses)
    chars: int
    seconds: float

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0


def load_scorer(path: Path) -> ModuleType:
    """The scorer at ``path`` as a module, read as Python source whatever its file name; a file that is
    not a Python scorer (a stray text file, a syntax error) is one line, not a traceback."""
    if not path.is_file():
        raise KgError(f"scorer not found: {path}")
    loader = importlib.machinery.SourceFileLoader("kg_shared_score", str(path))
    spec = importlib.util.spec_from_loader("kg_shared_score", loader)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    try:
        loader.exec_module(module)
    except (Exception, SystemExit) as err:  # the scorer's own code: anything it raises is its file's fault
        raise KgError(f"cannot load the scorer {path}: {type(err).__name__}: {err}") from None
    return module


def evaluate(gold_dir: Path, corpus_dir: Path, scorer_path: Path | None = None, extractor=None) -> EvalResult:
    """Score extraction of every corpus file named by a gold file's ``source``."""
    from kg.extract import Extractor, extraction_to_json
    from kg.ingest import read_document

    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise KgError(f"no gold files (*.json) in {gold_dir}")
    scorer = load_scorer(scorer_path or gold_dir.parent / "score.py")
    golds: dict[str, list[dict]] = {}
    for path in gold_files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        golds.setdefault(gold.get("source", ""), []).append(gold)
    extractor = extractor or Extractor()
    counts = empty_counts(scorer)
    misses: list = []
    chars, seconds = 0, 0.0
    for source, parts in sorted(golds.items()):
        path = corpus_dir / source
        if not path.is_file():
            raise KgError(f"gold names {source}, which is not in {corpus_dir}")
        document = read_document(path)
        began = time.perf_counter()
        prediction = extraction_to_json(extractor.extract(document))
        seconds += time.perf_counter() - began
        chars += len(document.text)
        scorer.score_doc(scorer.merge(parts), scorer.merge([prediction]), counts, misses, source)
    report = scorer.report(counts)
    report["misses"] = misses
    return EvalResult(report, chars, seconds)


def empty_counts(scorer: ModuleType) -> dict[str, Any]:
    """The tallies ``scorer.score_doc`` adds to and ``scorer.report`` reads."""
    from collections import defaultdict

    counts: dict[str, Any] = {"entities": defaultdict(lambda: defaultdict(int)),
                              "relations": defaultdict(lambda: defaultdict(int)), "relations_unresolved": 0}
    for etype in scorer.TYPES:
        counts["entities"][etype]
    return counts


def format_report(result: EvalResult, show_misses: bool = False) -> str:
    lines = [f"{'':9}{'':14}{'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn"]
    for section, label in (("entities", "entity"), ("relations", "relation")):
        for name, r in result.report[section].items():
            lines.append(f"{label:<9}{name:<14}{r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}"
                         f"  {r['tp']:>3} {r['fp']:>3} {r['fn']:>3}")
    lines.append(f"speed    {result.chars_per_second:,.0f} chars/s ({result.chars:,} chars in {result.seconds:.2f} s)")
    if show_misses:
        for m in result.report["misses"]:
            lines.append(f"{m['kind']:<9} {m['type']:<13} {m['name']}  [{m['source']}]")
    return "\n".join(lines)
