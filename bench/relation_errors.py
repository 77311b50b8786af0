"""Why the shipped reading misses or invents relations, within document-level cross-validation.

``python -m bench.relation_errors [--data ../shared/train] [--cache FILE] [--list RELATION]``
runs the same folds as ``kg eval --cv 5`` and sorts every stated gold relation the "learned"
reading misses by why, and every relation it adds that the gold does not state:

- missed: ``entity`` (an endpoint is not found), ``unproposed`` (no candidate pair),
  ``scored low`` (a candidate the classifier scored under its bar), ``reversed`` (the pair is
  related the other way round);
- spurious: ``no gold entity`` (an endpoint matches none), ``other relation`` (the gold relates
  the two otherwise), ``unrelated`` (two gold entities the gold does not relate).

``--cache`` keeps the extracted documents (the slow part) between runs of an experiment.
"""
from __future__ import annotations

import argparse
import pickle
from collections import Counter, defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _extracted(data: Path, cache: Path | None) -> list:
    from kg.train.corpus import load_annotated
    from kg.train.relations import extract_annotated

    if cache is not None and cache.is_file():
        return pickle.loads(cache.read_bytes())
    done = extract_annotated(load_annotated(data), log=lambda line: None, with_rules=False)
    if cache is not None:
        cache.write_bytes(pickle.dumps(done))
    return done


def analyse(data: Path, scorer_path: Path, cache: Path | None, k: int = 5) -> tuple[Counter, list]:
    """Per (relation, kind, why) how many relations, and the examples behind each count."""
    from kg.extract.evaluate import load_scorer
    from kg.extract.relation_model import pair_candidates
    from kg.train.corpus import stratified_folds
    from kg.train.relations import GoldRelations, train_model

    scorer = load_scorer(scorer_path)
    extracted = _extracted(data, cache)
    by_source = {d.annotated.source: d for d in extracted}
    tally: Counter = Counter()
    examples: list[tuple[str, str, str, str, str]] = []
    for fold in stratified_folds([d.annotated for d in extracted], k):
        held_out = {a.source for a in fold}
        model = train_model([d for d in extracted if d.annotated.source not in held_out], scorer)
        for annotated in fold:
            done = by_source[annotated.source]
            extraction = model.decide(done.draft)
            gold = GoldRelations.of(list(annotated.gold), scorer)
            matched = gold.matched(extraction, scorer)  # extraction index -> gold index
            iri_of_gold = {gi: extraction.entities[pi].iri for pi, gi in matched.items()}
            gold_of_iri = {iri: gi for gi, iri in iri_of_gold.items()}
            name = {gi: e["name"] for gi, e in enumerate(gold.entities)}
            predicted = {(gold_of_iri.get(r.head), r.relation, gold_of_iri.get(r.tail)): r
                         for r in extraction.relations}
            kept = model.keeping_sectors(done.draft)
            scores = {(c.head.iri, c.relation, c.tail.iri): model.probability(c)
                      for c in pair_candidates(kept) if c.relation in model.weights}
            for head, relation, tail in sorted(gold.stated):
                if (head, relation, tail) in predicted:
                    continue
                if head not in iri_of_gold or tail not in iri_of_gold:
                    why = "entity"
                elif (tail, relation, head) in predicted:
                    why = "reversed"
                elif (key := (iri_of_gold[head], relation, iri_of_gold[tail])) in scores:
                    why = "scored low" if relation in model.weights else "rules only"
                else:
                    why = "unproposed"
                tally[relation, "missed", why] += 1
                examples.append((relation, "missed", why, f"{name[head]} -> {name[tail]}", annotated.source))
            for (head, relation, tail), r in sorted(predicted.items(), key=lambda kv: kv[1].sentence):
                if head is None or tail is None:
                    why = "no gold entity"
                elif (head, relation, tail) in gold.stated or (head, relation, tail) in gold.unsure \
                        or {head, tail} & gold.optional:
                    continue
                elif any((head, other, tail) in gold.stated for other in {x[1] for x in gold.stated}):
                    why = "other relation"
                else:
                    why = "unrelated"
                sentence = next((s.text for s in extraction.document.sentences if s.index == r.sentence), "")
                examples.append((relation, "spurious", why, f"{r.head.rsplit('/', 1)[-1]} -> "
                                 f"{r.tail.rsplit('/', 1)[-1]} [{r.method}] {sentence[:80]}", annotated.source))
                tally[relation, "spurious", why] += 1
    return tally, examples


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "train")
    parser.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--list", metavar="RELATION", help="also list the examples of one relation")
    args = parser.parse_args(argv)
    tally, examples = analyse(args.data, args.scorer, args.cache)
    rows: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (relation, kind, why), n in sorted(tally.items()):
        rows[relation, kind].append(f"{why} {n}")
    for (relation, kind), whys in sorted(rows.items()):
        print(f"{relation:<12} {kind:<9} " + ", ".join(whys))
    for relation, kind, why, what, source in examples:
        if relation == args.list:
            print(f"{kind:<9} {why:<15} {what}  [{source}]")


if __name__ == "__main__":
    main()
