"""Why the shipped reading misses or invents entities, within document-level cross-validation.

``python -m bench.entity_errors [--data ../shared/train] [--seed N] [--list TYPE]`` runs ``kg eval --cv 5``'s
folds (each document drafted and decided by its fold's learned decisions) and sorts every gold entity the
"learned" reading misses, and every entity it adds that the gold does not hold, by type and by why:

- missed: ``unproposed`` (no rule nor the tagger proposes a name over it), ``boundary`` (one of its type
  overlaps it, cut elsewhere), ``type`` (its name proposed as another type), ``dropped`` (proposed, lost
  to overlap resolution or the learned entity decision), ``decided low`` (in the draft, left out by the
  learned sector decision), ``not as named`` (the gold's name and aliases stand nowhere in the text);
- invented: ``boundary`` (a gold entity of its type overlaps its name), ``type`` (the gold holds the name
  as another type), ``no gold entity``; each with the recognisers that proposed it.

Proposals are the rules' and the tagger's (``Extractor.rule_candidates``), before the learned entity
decision, whose own proposals count as unproposed.
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@dataclass(frozen=True)
class Error:
    kind: str  # "missed" or "invented"
    type: str
    why: str
    name: str
    source: str
    sources: str = ""  # the recognisers behind an invented name


def _occurrences(text: str, names: list[str]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for name in names if name for m in re.finditer(re.escape(name), text)]


def why_missed(gold: dict, text: str, draft_entities: list, candidates: list, scorer: ModuleType) -> str:
    """The earliest stage that lost a gold entity (``gold`` in the scorer's shape)."""
    etype, keys = gold["type"], scorer.entity_keys(gold)
    if any(e.type == etype and scorer.entity_keys({"type": etype, "name": e.name, "aliases": list(e.aliases)}) & keys
           for e in draft_entities):
        return "decided low"
    any_type = _forms_any(gold, scorer)
    named = [c for c in candidates if (scorer.forms(c.name, c.type) | scorer.forms(text[c.start:c.end], c.type))
             & any_type]
    if any(c.type == etype for c in named):
        return "dropped"
    if named:
        return "type"
    spans = _occurrences(text, [gold["name"], *gold.get("aliases", [])])
    if not spans:
        return "not as named"
    overlapping = any(c.type == etype and c.start < end and start < c.end for start, end in spans for c in candidates)
    return "boundary" if overlapping else "unproposed"


def why_invented(entity: dict, gold_entities: list[dict], scorer: ModuleType) -> str:
    """Why a predicted entity (``entity`` in the scorer's shape) matches no gold entity."""
    keys = scorer.entity_keys(entity)
    if any(g["type"] != entity["type"] and scorer.entity_keys({**g, "type": entity["type"]}) & keys
           for g in gold_entities):
        return "type"
    name = scorer._base(entity["name"])
    if any(g["type"] == entity["type"] and (name in (gold := scorer._base(g["name"])) or gold in name)
           for g in gold_entities):
        return "boundary"
    return "no gold entity"


def _forms_any(entity: dict, scorer: ModuleType) -> set[str]:
    """A gold entity's forms under every type: its name proposed as another type is still its name."""
    names = [entity["name"], *entity.get("aliases", [])]
    return {form for name in names for etype in scorer.TYPES for form in scorer.forms(name, etype)}


def analyse(data: Path, scorer_path: Path, seed: int = 0, k: int = 5) -> list[Error]:
    from kg.extract import Extractor, extraction_to_json
    from kg.extract.evaluate import load_scorer
    from kg.train.corpus import load_annotated
    from kg.train.cv import cross_validate

    scorer = load_scorer(scorer_path)
    result = cross_validate(data, k, seed, scorer_path, log=lambda line: None, keep_extractions=True)
    proposer = Extractor(relation_model=False, entity_model=False)
    errors: list[Error] = []
    for annotated in load_annotated(data):
        draft, extraction = result.extractions[annotated.source]
        text = extraction.document.text
        gold = [g for g in scorer.merge(list(annotated.gold))["entities"] if g.get("type") in scorer.TYPES]
        predicted = [p for p in extraction_to_json(extraction)["entities"] if p["type"] in scorer.TYPES]
        matched = scorer.match_entities(gold, predicted)
        candidates = proposer.rule_candidates(text)
        for gi, g in enumerate(gold):
            if gi not in matched.values() and not g.get("optional"):
                why = why_missed(g, text, draft.extraction.entities, candidates, scorer)
                errors.append(Error("missed", g["type"], why, g["name"], annotated.source))
        for pi, p in enumerate(predicted):
            if pi in matched:
                continue
            spans = {(m["start"], m["end"]) for m in p["mentions"]}
            sources = sorted({c.source.split(":")[0] for c in candidates if (c.start, c.end) in spans
                              and c.type == p["type"]}) or ["later"]
            errors.append(Error("invented", p["type"], why_invented(p, gold, scorer), p["name"], annotated.source,
                                ",".join(sources)))
    return errors


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "train")
    parser.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--list", metavar="TYPE", help="also list the errors of one entity type")
    args = parser.parse_args(argv)
    errors = analyse(args.data, args.scorer, args.seed)
    tally = Counter((e.type, e.kind, e.why) for e in errors)
    invented_by = Counter((e.type, source) for e in errors if e.kind == "invented" for source in e.sources.split(","))
    for etype in sorted({e.type for e in errors}):
        for kind in ("missed", "invented"):
            whys = [f"{why} {n}" for (t, k, why), n in sorted(tally.items(), key=lambda kv: -kv[1]) if (t, k) == (etype, kind)]
            print(f"{etype:<13} {kind:<9} " + ", ".join(whys))
        by = [f"{source} {n}" for (t, source), n in invented_by.most_common() if t == etype]
        print(f"{etype:<13} {'invented by':<9} " + ", ".join(by))
    for e in errors:
        if e.type == args.list:
            print(f"{e.kind:<9} {e.why:<14} {e.name}  [{e.source}] {e.sources}")


if __name__ == "__main__":
    main()
