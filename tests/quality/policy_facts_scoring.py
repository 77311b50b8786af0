"""Precision and recall of policy attributes and stated figures against the hand-written gold
tests/quality/data/policy_facts_gold.json (issue 16), on documents of ../shared/train.

- number, date: per document (the document's own number and date, whichever policy carries them).
- kind, level, period: per gold policy, matched by canonical name or alias; only policies the gold
  lists are scored (the documents' own policies).
- targets: a predicted figure is right when subject (one of the gold's names, read against the
  predicted entity's name, aliases and mention surfaces), year, value and unit (magnitude with
  万/亿 prefixes resolved) all agree; one-to-one; optional gold figures count neither way.

    .venv/bin/python -m tests.quality.policy_facts_scoring [dev|heldout|unseen|development|blind|blind2|blind3|all] [--no-misses]
    .venv/bin/python -m tests.quality.policy_facts_scoring --folder TEXTS --gold GOLD.json [--predictions JSONS] [--no-misses]

``development`` is every split but the blind ones (``blind``, ``blind2``, ``blind3``), each scored blind once at the end of a round.

``--folder`` scores number, date, kind and level on texts kept outside the repository (real notices and
non-notices nobody developed on), and the stated figures when its gold lists ``targets``, against a
gold file of the same shape whose number and date may list accepted forms (one gold item: the issuer code as printed or in simplified characters, an order with
or without 中华人民共和国) and ``number_optional``/``date_optional`` forms that count neither way;
``--predictions`` reads saved ``kg extract --format json`` outputs (NAME.json) instead of extracting.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import re

from kg.extract.policy import canonical_policy_name as _canonical
from kg.ingest.normalise import without_pinyin_glosses
from kg.reference import load_reference

GOLD = Path(__file__).resolve().parent / "data" / "policy_facts_gold.json"
TRAIN = Path(__file__).resolve().parents[3] / "shared" / "train"
FIELDS = ("number", "date", "kind", "level", "period", "targets")
_MAGNITUDE = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4))


def canonical_policy_name(name: str) -> str:
    """kg's canonical title, also without the inner title marks 〈〉《》 some texts use."""
    return re.sub(r"[〈〉《》]", "", _canonical(name))


@dataclass
class Count:
    true_positive: int = 0
    predicted: int = 0
    gold: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else 1.0


def load_gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


def files(split: str) -> list[str]:
    parts = load_gold()["split"]
    if split in ("all", "development"):
        return [name for key, part in parts.items() if split == "all" or not key.startswith("blind") for name in part]
    return parts[split]


def folded(text: str) -> str:
    """``text`` in simplified characters (億元 → 亿元, 全縣 → 全县), as kg reads a page in traditional ones:
    a gold file copies a figure's unit and subject as printed, kg gives them in simplified characters."""
    return load_reference().simplified(text)


def magnitude(value: float | str, unit: str) -> tuple[float | str, str]:
    """300 亿元 → (3e10, 元); 4 万个 → (40000, 个); 2 万家 → (20000, 家); 300 億元 as 300 亿元. A value a gold file
    gives as text (a ratio such as "2.9:57.1:40.0") is compared as written."""
    unit = folded(unit)
    if isinstance(value, str):
        return value, unit
    for prefix, factor in _MAGNITUDE:
        if unit.startswith(prefix) and unit != prefix + "分点":
            return round(value * factor, 2), unit[len(prefix):]
    return round(value, 4), unit


def _names(entity: dict) -> set[str]:
    return {folded(canonical_policy_name(n)) for n in
            (entity["name"], *entity.get("aliases", ()), *(m["text"] for m in entity.get("mentions", ())))}


def score(predictions: dict[str, dict], split: str) -> dict[str, Count]:
    """``predictions``: file name → ``kg extract --format json`` output."""
    gold = load_gold()["documents"]
    counts = {name: Count() for name in FIELDS}
    for source in files(split):
        _score_document(gold[source], predictions[source], counts, source)
    return counts


def _score_document(gold: dict, predicted: dict, counts: dict[str, Count], source: str) -> None:
    policies = [e for e in predicted["entities"] if e["type"] == "Policy"]
    for key in ("number", "date"):
        found = {e["attributes"][key] for e in policies if key in e.get("attributes", {})
                 and (key != "date" or len(e["attributes"][key]) == 10)}
        expected = {p[key] for p in gold["policies"] if key in p}
        _tally(counts[key], found, expected, source)
    for policy in gold["policies"]:
        name = canonical_policy_name(policy["name"])
        match = next((e for e in policies if canonical_policy_name(e["name"]) == name), None) \
            or next((e for e in policies if name in {canonical_policy_name(a) for a in e.get("aliases", ())}), None)
        for key in ("kind", "level", "period"):
            value = (match or {}).get("attributes", {}).get(key)
            _tally(counts[key], {json.dumps(value)} if value else set(),
                   {json.dumps(policy[key])} if key in policy else set(), f"{source} {name}")
    _score_targets(gold["targets"], predicted, counts["targets"], source)


def _tally(count: Count, found: set[str], expected: set[str], where: str) -> None:
    count.predicted += len(found)
    count.gold += len(expected)
    count.true_positive += len(found & expected)
    count.misses += [f"{where}: extra {v}" for v in found - expected] + [f"{where}: missed {v}" for v in expected - found]


def _score_targets(gold: list[dict], predicted: dict, count: Count, source: str) -> None:
    entities = {(e["name"], e["type"]): _names(e) for e in predicted["entities"]}
    unmatched = list(gold)
    for figure in predicted.get("targets", []):
        names = entities.get((figure["subject"], figure["subject_type"]), {folded(figure["subject"])})
        key = (figure["year"], magnitude(figure["value"], figure["unit"]))
        hits = [g for g in unmatched if (g["year"], magnitude(g["value"], g["unit"])) == key
                and names & {folded(canonical_policy_name(s)) for s in g["subject"]}]
        # a required figure before an optional one it equals (a body's 50个 before its headline's)
        hit = next((g for g in hits if not g.get("optional")), hits[0] if hits else None)
        if hit is not None:
            unmatched.remove(hit)
            if not hit.get("optional"):
                count.true_positive += 1
                count.predicted += 1
        else:
            count.predicted += 1
            count.misses.append(f"{source}: extra {figure['subject']} {figure['indicator']} "
                                f"{figure['comparator']}{figure['value']}{figure['unit']} {figure['year']}")
    required = [g for g in gold if not g.get("optional")]
    count.gold += len(required)
    count.misses += [f"{source}: missed {g['subject'][0]} {g['indicator']} {g['value']}{g['unit']} {g['year']}"
                     for g in unmatched if not g.get("optional")]


def printed_extraction(extractor, path: Path) -> dict:
    """``kg extract --format json`` of ``path``, read back as the scorer reads a saved output."""
    from kg.exact_numbers import json_text
    from kg.extract import extraction_to_json
    from kg.ingest import read_document

    return json.loads(json_text(extraction_to_json(extractor.extract(read_document(path)))))


def extract_all(split: str, extractor=None) -> dict[str, dict]:
    from kg.extract import Extractor

    extractor = extractor or Extractor()
    return {source: printed_extraction(extractor, TRAIN / source) for source in files(split)}


#: Spellings of one number that are the same number: the year's brackets (宁政发(2021)12号 too), a traditional 號,
#: and the brackets a page prints an order's or announcement's serial in (…办公室公告（第7号） is …办公室公告第7号,
#: as kg names it).
_NUMBER_SPELLING = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕", "﹝": "〔",
                                  "﹞": "〕", "(": "（", ")": "）", "號": "号"})
_YEAR_IN_ROUND_BRACKETS = re.compile(r"（((?:19|20)\d\d)）(?=第?\d)")
_SERIAL_IN_BRACKETS = re.compile(r"(?<=[令告])（((?:(?:19|20)\d\d年)?第[^（）]{1,6}号)）$")
FOLDER_FIELDS = ("number", "date", "kind", "level")


def _spelling(value: str) -> str:
    """One spelling of a number or title as a gold file may copy it: without the pinyin glosses a converter left
    (滬府發(fā)), which kg reads past, and in the brackets and characters above."""
    unglossed = without_pinyin_glosses(re.sub(r"\s+", "", value))
    spelled = _YEAR_IN_ROUND_BRACKETS.sub(r"〔\1〕", unglossed.translate(_NUMBER_SPELLING))
    return _SERIAL_IN_BRACKETS.sub(r"\1", spelled)


def _forms(value: str | list[str] | None) -> list[str]:
    return [value] if isinstance(value, str) else list(value or ())


def score_folder(predictions: dict[str, dict], gold_path: Path) -> dict[str, Count]:
    """Number, date, kind and level of ``predictions`` (file name → ``kg extract --format json``)
    against a folder's gold file (see the module docstring), and the stated figures where its
    documents list ``targets``."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["documents"]
    with_targets = any("targets" in document for document in gold.values())
    counts = {name: Count() for name in FOLDER_FIELDS + (("targets",) if with_targets else ())}
    for source, document in sorted(gold.items()):
        predicted = predictions[source]
        policies = [e for e in predicted["entities"] if e["type"] == "Policy"]
        for key in ("number", "date"):
            found = {_spelling(e["attributes"][key]) for e in policies if key in e.get("attributes", {})
                     and (key != "date" or len(e["attributes"][key]) == 10)}
            items = [{_spelling(v) for v in _forms(p[key])} for p in document["policies"] if key in p]
            optional = {_spelling(v) for p in document["policies"] for v in _forms(p.get(f"{key}_optional"))}
            _tally_forms(counts[key], found - optional, items, source)
        for policy in document["policies"]:
            name = _spelling(folded(canonical_policy_name(policy["name"])))
            match = next((e for e in policies if name in {_spelling(n) for n in _names(e)}), None)
            for key in ("kind", "level"):
                value = (match or {}).get("attributes", {}).get(key)
                _tally(counts[key], {value} if value else set(), {policy[key]} if key in policy else set(),
                       f"{source} {name}")
        if with_targets:
            _score_targets(document.get("targets", []), predicted, counts["targets"], source)
    return counts


def _tally_forms(count: Count, found: set[str], items: list[set[str]], where: str) -> None:
    """Like _tally, a gold item being any one of its accepted forms."""
    hits = [item for item in items if item & found]
    count.predicted += len(found)
    count.gold += len(items)
    count.true_positive += len(hits)
    accepted = set().union(*items) if items else set()
    count.misses += [f"{where}: extra {v}" for v in sorted(found - accepted)]
    count.misses += [f"{where}: missed {sorted(item)[0] if len(item) == 1 else '|'.join(sorted(item))}"
                     for item in items if not item & found]


def extract_folder(folder: Path, saved: Path | None = None) -> dict[str, dict]:
    """``kg extract --format json`` of every text in ``folder``, or its saved outputs in ``saved``."""
    if saved is not None:
        return {path.with_suffix(".txt").name: json.loads(path.read_text(encoding="utf-8"))
                for path in sorted(saved.glob("*.json"))}
    from kg.extract import Extractor

    extractor = Extractor()
    return {path.name: printed_extraction(extractor, path) for path in sorted(folder.glob("*.txt"))}


def _print(counts: dict[str, Count], header: str, options: tuple[str, ...]) -> None:
    print(f"{'field':8} {'P':>6} {'R':>6}  tp/pred/gold   ({header})")
    for name, count in counts.items():
        print(f"{name:8} {count.precision:6.3f} {count.recall:6.3f}  {count.true_positive}/{count.predicted}/{count.gold}")
    for name, count in counts.items():
        for miss in count.misses if "--no-misses" not in options else ():
            print(f"  {name}: {miss}")


def main(*arguments: str) -> None:
    named = {key: value for key, value in zip(arguments, arguments[1:]) if key in ("--folder", "--gold", "--predictions")}
    options = tuple(a for a in arguments if a.startswith("--") and a not in named)
    if "--folder" in named:
        folder, gold = Path(named["--folder"]), Path(named["--gold"])
        saved = Path(named["--predictions"]) if "--predictions" in named else None
        _print(score_folder(extract_folder(folder, saved), gold), f"{folder} against {gold}", options)
        return
    split = next((a for a in arguments if not a.startswith("--")), "all")
    _print(score(extract_all(split), split), f"{split}: {', '.join(files(split))}", options)


if __name__ == "__main__":
    main(*sys.argv[1:])
