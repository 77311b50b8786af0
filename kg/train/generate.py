"""Weakly labelled training sentences: templates of policy and news prose, filled with names.

No sentence comes from a document we score on. Places, bodies and the known sectors come from the
reference data; firm names and new sectors are composed (region + trade name + industry word +
legal form; modifier + sector head), so the model sees name *shapes* rather than a list. Slots
carry their labels by construction; names in a template's fixed prose are labelled by the rule
pipeline's own output on the generated text (weak labels), construction winning any overlap.
Everything is drawn from one seeded ``random.Random``: the same seed gives the same data.
"""
from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.train import vocabulary as V

TEMPLATE_FILE = Path(__file__).with_name("templates.txt")
#: Labels the model predicts (BIO over jieba tokens); ``None`` marks text that is never a name.
LABEL_OF_TYPE = {"Enterprise": "ENT", "Industry": "IND", "Organization": "ORG", "Region": "LOC"}
TYPE_OF_LABEL = {v: k for k, v in LABEL_OF_TYPE.items()}
_SLOT = re.compile(r"\{([A-Z]+)\}")
_INDUSTRY_MARKERS = ("产业", "行业")


@dataclass
class Sample:
    """A generated text with labelled character spans ``(start, end, label)``; label ``None``
    protects a span (person, category word) from weak labels."""

    text: str
    spans: list[tuple[int, int, str | None]] = field(default_factory=list)

    def entities(self) -> list[tuple[int, int, str]]:
        return [(s, e, label) for s, e, label in self.spans if label is not None]


class Vocabulary:
    """Samplers for every slot, over the reference data and the composed name classes."""

    def __init__(self, rng: random.Random):
        from kg.reference import load_reference

        self.rng = rng
        reference = load_reference()
        regions = [e for e in reference.entries("Region")]
        self.provinces = _surfaces(e for e in regions if e.level == "province")
        self.cities = _surfaces(e for e in regions if e.level == "city")
        self.counties = _surfaces(e for e in regions if e.level == "county")
        self.areas = _surfaces(e for e in regions if e.level in (
            "grouping", "national_new_area", "ftz", "zone", "park", "port"))
        self.countries = _surfaces(e for e in regions if e.level in ("country", "foreign_city"))
        # short place forms that start firm names (浙江, 苏州): a province's or city's shortest alias
        self.place_prefixes = sorted({min((a for a in (e.name, *e.aliases) if len(a) >= 2), key=len)
                                      for e in regions if e.level in ("province", "city")})
        bodies = [e for e in reference.entries("Organization")]
        self.national_bodies = _surfaces(e for e in bodies if e.level in ("national_body", "party_central"))
        self.other_bodies = _surfaces(e for e in bodies if e.level in (
            "association", "university", "institute", "intl_org", "exchange"))
        self.local_patterns = [p for p in reference.local_body_patterns() if len(p.suffix) >= 2]
        self.division_entries = [e for e in regions if e.level in ("province", "city", "county")]
        self.known_industries = sorted({_strip_marker(s) for e in reference.entries("Industry")
                                        for s in (e.name, *e.aliases)
                                        if 2 <= len(s) <= 10 and "、" not in s
                                        and not reference.is_generic_industry_word(s)})
        self.curated_brands = _curated_brands()
        self.common_chars = list(V.TRADE_NAME_CHARS)
        self.broad_chars = _gb2312_level1()

    # --- places and bodies ---------------------------------------------------------------------
    def region(self) -> str:
        pools = (self.provinces, self.cities, self.counties, self.areas, self.countries)
        return self.rng.choice(self.rng.choices(pools, weights=(4, 5, 3, 1, 1))[0])

    def province(self) -> str:
        return self.rng.choice(self.provinces)

    def city(self) -> str:
        return self.rng.choice(self.cities if self.rng.random() < 0.7 else self.counties)

    def government_body(self) -> str:
        if self.rng.random() < 0.3:
            return self.rng.choice(self.national_bodies)
        entry = self.rng.choice(self.division_entries)
        patterns = [p for p in self.local_patterns if not p.levels or entry.level in p.levels]
        pattern = self.rng.choice(patterns)
        return entry.name + (pattern.canonical_suffix if self.rng.random() < 0.6 else pattern.suffix)

    def research_body(self) -> str:
        roll = self.rng.random()
        if roll < 0.4:
            return self.rng.choice(self.other_bodies)
        place = self.rng.choice(self.place_prefixes)
        if roll < 0.7:
            return place + self.rng.choice(V.UNIVERSITY_KINDS) + "大学"
        return place + self.rng.choice(V.ORG_FIELDS) + self.rng.choice(V.ORG_HEADS)

    def organisation(self) -> str:
        return self.government_body() if self.rng.random() < 0.5 else self.research_body()

    # --- firms -----------------------------------------------------------------------------------
    def trade_name(self) -> str:
        size = self.rng.choices((2, 3, 4), weights=(6, 3, 1))[0]
        pool = self.common_chars if self.rng.random() < 0.7 else self.broad_chars
        return "".join(self.rng.choice(pool) for _ in range(size))

    def company(self) -> str:
        place = self.rng.choice(self.place_prefixes) if self.rng.random() < 0.6 else ""
        industry = self.rng.choice(V.FIRM_INDUSTRY_WORDS) if self.rng.random() < 0.85 else ""
        return place + self.trade_name() + industry + self.rng.choice(V.LEGAL_FORMS)

    def brand(self) -> str:
        roll = self.rng.random()
        if roll < 0.15 and self.curated_brands:
            return self.rng.choice(self.curated_brands)
        if roll < 0.2:
            return "".join(self.rng.choice(V.LATIN_SYLLABLES) for _ in range(2))
        place = self.rng.choice(self.place_prefixes) if roll < 0.35 else ""
        return place + self.trade_name() + self.rng.choice(V.BRAND_TAILS)

    def firm(self) -> str:
        return self.company() if self.rng.random() < 0.5 else self.brand()

    # --- sectors ---------------------------------------------------------------------------------
    def industry(self) -> str:
        if self.rng.random() < 0.4:
            return self.rng.choice(self.known_industries)
        return self.new_industry()

    def new_industry(self) -> str:
        """A modifier and a head of one family (低空 + 物流), or a crop (人参)."""
        if self.rng.random() < 0.15:
            return self.rng.choice(V.CROP_SECTORS)
        modifiers, heads = self.rng.choice(V.SECTOR_FAMILIES)
        return self.rng.choice(modifiers) + self.rng.choice(heads)

    # --- the rest --------------------------------------------------------------------------------
    def person(self) -> str:
        return self.rng.choice(V.SURNAMES) + "".join(
            self.rng.choice(V.GIVEN_NAME_CHARS) for _ in range(self.rng.choice((1, 2, 2))))

    def number(self) -> str:
        return str(self.rng.choice((self.rng.randint(2, 99), self.rng.randint(100, 5000),
                                    self.rng.randint(2, 30), round(self.rng.uniform(1, 50), 1))))

    def year(self) -> str:
        return str(self.rng.randint(2015, 2035))


@dataclass(frozen=True)
class Template:
    """A template split into fixed text and slot names."""

    parts: tuple[str, ...]  # fixed text and slot names alternately: text, slot, text, slot, text

    @classmethod
    def parse(cls, line: str) -> "Template":
        return cls(tuple(_SLOT.split(line)))


def load_templates(path: Path = TEMPLATE_FILE) -> list[Template]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Template.parse(line.strip()) for line in lines if line.strip() and not line.startswith("#")]


class BackgroundProse:
    """Clauses of common dictionary words (jieba's dictionary, by part of speech and frequency).

    Templates hold a few hundred words of fixed prose; real text holds tens of thousands. These
    clauses show the model the ordinary vocabulary as *not* names; any real name that slips in is
    labelled by the rules like all fixed prose.
    """

    #: Parts of speech of ordinary words (no person, place, organisation or other proper names).
    TAGS = ("n", "v", "vn", "a", "ad", "an", "d", "p", "c", "f", "t", "m", "q", "r", "u", "uj", "l", "i")
    #: Clause shapes as part-of-speech sequences.
    SHAPES = (("d", "v", "n"), ("v", "n", "uj", "n"), ("n", "d", "a"), ("t", "r", "v", "vn"),
              ("p", "n", "v", "n"), ("n", "v", "a", "n"), ("c", "d", "v", "vn", "n"), ("a", "n", "v", "l"),
              ("r", "d", "v", "n", "c", "n"), ("n", "f", "v", "m", "q", "n"), ("v", "vn", "n", "i"),
              ("n", "n", "v", "an"))

    def __init__(self, rng: random.Random, vocabulary_size: int = 60_000):
        from kg.segmenter import jieba_tokenizer, word_tags

        freq = jieba_tokenizer().FREQ
        tags = word_tags()
        ranked = sorted((w for w, t in tags.items() if t in self.TAGS and freq.get(w, 0) > 0
                         and not w.isascii()), key=lambda w: (-freq[w], w))[:vocabulary_size]
        self.rng = rng
        self.words: dict[str, tuple[list[str], list[float]]] = {}
        for tag in self.TAGS:
            words = [w for w in ranked if tags[w] == tag]
            weights, total = [], 0.0
            for w in words:
                total += freq[w] ** 0.5  # flattened: rare words appear too
                weights.append(total)
            self.words[tag] = (words, weights)

    def clause(self) -> str:
        return "".join(self.word(tag) for tag in self.rng.choice(self.SHAPES))

    def word(self, tag: str) -> str:
        words, cumulative = self.words[tag]
        return self.rng.choices(words, cum_weights=cumulative)[0]

    def noun_phrase(self) -> str:
        """An ordinary noun phrase (教育事业, 公共服务水平): what a name slot holds when it holds none."""
        first = self.word(self.rng.choice(("n", "n", "vn", "an")))
        return first + self.word("n") if self.rng.random() < 0.35 else first


class SentenceGenerator:
    """Fills templates; ``sample()`` returns a labelled paragraph of one to three sentences."""

    #: Share of sector and firm slots filled with an ordinary noun phrase labelled "no name":
    #: the context alone must not make a name (大力发展 + 社会事业 is no sector).
    NEGATIVE_SLOT_RATE = {"IND": 0.2, "ENT": 0.1}

    def __init__(self, seed: int, templates: Sequence[Template] | None = None):
        self.rng = random.Random(seed)
        self.vocab = Vocabulary(self.rng)
        self.templates = list(templates or load_templates())
        self.background = BackgroundProse(self.rng)
        v = self.vocab
        #: slot → (filler, label); label None marks text that is never an entity
        self.slots: dict[str, tuple[Callable[[], str], str | None]] = {
            "R": (v.region, "LOC"), "RP": (v.province, "LOC"), "RC": (v.city, "LOC"),
            "O": (v.organisation, "ORG"), "OG": (v.government_body, "ORG"), "OU": (v.research_body, "ORG"),
            "E": (v.company, "ENT"), "B": (v.brand, "ENT"), "F": (v.firm, "ENT"), "I": (v.industry, "IND"),
            "PER": (v.person, None), "J": (lambda: self.rng.choice(V.JOB_TITLES), None),
            "N": (v.number, None), "U": (lambda: self.rng.choice(V.MEASURE_UNITS), None), "Y": (v.year, None),
            "G": (lambda: self.rng.choice(V.CATEGORY_WORDS), None),
            "GF": (lambda: self.rng.choice(V.GENERIC_FIRM_WORDS), None),
            "X": (lambda: self.rng.choice(V.PRODUCTS), None),
            "NP": (self.background.noun_phrase, None),
            "V": (lambda: self.background.word("v"), None),
        }

    def sample(self) -> Sample:
        out = Sample("")
        if self.rng.random() < 0.15:  # a paragraph of ordinary prose only
            out.text = "，".join(self.background.clause() for _ in range(self.rng.randint(2, 4))) + "。"
            return out
        for _ in range(self.rng.choices((1, 2, 3), weights=(5, 3, 1))[0]):
            if self.rng.random() < 0.3:
                out.text += self.background.clause() + "，"
            self._fill(self.rng.choice(self.templates), out)
            if self.rng.random() < 0.3:
                out.text = out.text[:-1] + "，" + self.background.clause() + out.text[-1]
            if self.rng.random() < 0.1:
                out.text += "\n"
        if self.rng.random() < 0.08:
            _insert_stray_space(out, self.rng)
        return out

    def _fill(self, template: Template, out: Sample) -> None:
        for i, part in enumerate(template.parts):
            if i % 2 == 0:
                out.text += part
                continue
            if part == "IL" and self.rng.random() < self.NEGATIVE_SLOT_RATE["IND"]:
                self._list(out, self.background.noun_phrase, None, ("、", "、", "和"))  # 教育、医疗、社保
            elif part == "IL":
                self._list(out, self.vocab.industry, "IND", ("、", "、", "和", "及"))
            elif part == "FL":
                self._list(out, self.vocab.brand, "ENT", ("、",))
            elif part == "P":
                self._policy(out)
            else:
                filler, label = self.slots[part]
                if label in ("IND", "ENT") and self.rng.random() < self.NEGATIVE_SLOT_RATE[label]:
                    filler, label = self.background.noun_phrase, None  # a name's place, but no name
                value = filler()
                if label == "IND" and template.parts[i + 1].startswith(_INDUSTRY_MARKERS):
                    value = _strip_marker(value)  # 文化产业 + 产业集群: no doubled 产业
                _append(out, value, label)

    def _list(self, out: Sample, filler: Callable[[], str], label: str | None, joiners: Sequence[str]) -> None:
        count = self.rng.choice((2, 3, 3, 4))
        for k in range(count):
            if k:
                out.text += joiners[-1] if k == count - 1 and len(joiners) > 1 and self.rng.random() < 0.5 \
                    else joiners[0]
            _append(out, filler(), label)

    def _policy(self, out: Sample) -> None:
        """A policy title; the places and sectors in it are labelled like anywhere else."""
        rng, v = self.rng, self.vocab
        shape = rng.randrange(5)
        if shape == 0:
            _append(out, v.region(), "LOC")
            out.text += "关于加快"
            _append(out, _strip_marker(v.industry()), "IND")
            out.text += rng.choice(("产业高质量发展的若干措施", "产业发展的实施意见", "产业创新发展的行动方案"))
        elif shape == 1:
            out.text += "关于促进"
            _append(out, v.industry(), "IND")
            out.text += rng.choice(("高质量发展的指导意见", "健康发展的通知", "传承创新发展的若干措施"))
        elif shape == 2:
            _append(out, v.region(), "LOC")
            _append(out, _strip_marker(v.industry()), "IND")
            out.text += f"产业发展规划（{v.year()}—{v.year()}年）"
        elif shape == 3:
            _append(out, v.region(), "LOC")
            out.text += rng.choice(("支持", "培育", "推动"))
            _append(out, _strip_marker(v.industry()), "IND")
            out.text += rng.choice(("产业发展若干政策", "产业集群建设三年行动计划", "产业链高质量发展实施方案"))
        else:
            out.text += rng.choice(("关于推动未来产业创新发展的实施意见", "关于加快培育新质生产力的意见",
                                    "政府工作报告", "关于进一步优化营商环境的若干措施"))


def _append(out: Sample, value: str, label: str | None) -> None:
    start = len(out.text)
    out.text += value
    out.spans.append((start, len(out.text), label))


def _insert_stray_space(sample: Sample, rng: random.Random) -> None:
    """A PDF artefact: one space inside the text; spans around it stretch or shift."""
    if len(sample.text) < 4:
        return
    pos = rng.randrange(1, len(sample.text) - 1)
    sample.text = sample.text[:pos] + " " + sample.text[pos:]
    sample.spans = [(s + (s >= pos), e + (e > pos), label) for s, e, label in sample.spans]


def _strip_marker(name: str) -> str:
    for marker in _INDUSTRY_MARKERS:
        if name.endswith(marker) and len(name) - len(marker) >= 2:
            return name[: -len(marker)]
    return name


def _surfaces(entries) -> list[str]:
    """Names and their aliases (≥ 2 characters): the forms prose uses."""
    return sorted({s for e in entries for s in (e.name, *e.aliases) if len(s) >= 2 and not s.isascii()})


def _curated_brands() -> list[str]:
    from kg.extract.gazetteer import curated_enterprises

    return sorted({surface for surface, _ in curated_enterprises()})


def _gb2312_level1() -> list[str]:
    """The 3,755 most common hanzi (GB2312 level 1): trade names no character list anticipates."""
    chars = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            if high == 0xD7 and low > 0xF9:
                break
            chars.append(bytes((high, low)).decode("gb2312"))
    return chars


class WeakLabeller:
    """Names in a template's fixed prose, as the rule pipeline (without the model) finds them."""

    #: between samples in one batch text: a paragraph break no name crosses
    SEPARATOR = "\n\n"

    def __init__(self) -> None:
        from kg.extract.pipeline import build_pipeline

        self.nlp = build_pipeline(ner=False)  # the rules alone: the model never labels its own data

    def label(self, samples: Sequence[Sample], batch: int = 200) -> None:
        """Add the rules' names that no constructed span overlaps, to every sample in place."""
        for i in range(0, len(samples), batch):
            self._label_batch(samples[i:i + batch])

    def _label_batch(self, samples: Sequence[Sample]) -> None:
        offsets, pos = [], 0
        for sample in samples:
            offsets.append(pos)
            pos += len(sample.text) + len(self.SEPARATOR)
        doc = self.nlp(self.SEPARATOR.join(s.text for s in samples))
        found = [c for c in (doc._.kg_entities or []) if c.type in LABEL_OF_TYPE]
        found.sort(key=lambda c: c.start)
        j = 0
        for sample, base in zip(samples, offsets):
            end = base + len(sample.text)
            taken = [(s, e) for s, e, _ in sample.spans]
            while j < len(found) and found[j].start < base:
                j += 1
            k = j
            while k < len(found) and found[k].start < end:
                cand = found[k]
                k += 1
                start, stop = cand.start - base, cand.end - base
                if cand.type == "Industry":
                    stop -= len(next((m for m in _INDUSTRY_MARKERS if sample.text[start:stop].endswith(m)
                                      and stop - start > len(m) + 1), ""))
                if stop > len(sample.text) or any(s < stop and start < e for s, e in taken):
                    continue
                sample.spans.append((start, stop, LABEL_OF_TYPE[cand.type]))
                taken.append((start, stop))
            sample.spans.sort()


def generate(seed: int, count: int, weak_labels: bool = True) -> list[Sample]:
    """``count`` labelled samples from ``seed`` (weak labels from the rules unless disabled)."""
    generator = SentenceGenerator(seed)
    samples = [generator.sample() for _ in range(count)]
    if weak_labels:
        WeakLabeller().label(samples)
    return samples


def iter_bio(sample: Sample, words: Sequence[str]) -> Iterator[str | None]:
    """BIO tags of ``words`` (which concatenate to ``sample.text``); ``None`` where a name's edge
    falls inside a word (the loss ignores those tokens rather than learn a wrong boundary)."""
    starts, pos = [], 0
    for word in words:
        starts.append(pos)
        pos += len(word)
    ends = [s + len(w) for s, w in zip(starts, words)]
    tags: list[str | None] = ["O"] * len(words)
    start_index = {s: i for i, s in enumerate(starts)}
    end_index = {e: i for i, e in enumerate(ends)}
    for start, end, label in sample.entities():
        first, last = start_index.get(start), end_index.get(end)
        if first is None or last is None:
            for i, (s, e) in enumerate(zip(starts, ends)):
                if s < end and start < e:
                    tags[i] = None
            continue
        tags[first] = f"B-{label}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{label}"
    yield from tags
