"""Train the name tagger: a small spaCy Tagger over jieba words predicting BIO name labels.

Why a tagger and not spaCy's transition-based ``ner``: on our hardware the ``ner`` head alone
halves extraction throughput, while a softmax over a narrow CNN's token vectors costs a few
microseconds per character and keeps the pipeline above its speed target. The model reads the
same jieba words the pipeline's Doc holds, so it runs on that Doc with no copy.
"""
from __future__ import annotations

import json
import random
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kg.train.generate import Sample, generate, iter_bio

#: The component's name inside the saved model.
TAGGER = "tagger"


@dataclass
class TrainSettings:
    seed: int = 0
    sentences: int = 12_000  # generated training paragraphs
    dev_sentences: int = 1_000  # generated paragraphs scored after each epoch (another seed)
    epochs: int = 4
    width: int = 32
    depth: int = 1
    rows: tuple[int, ...] = (5000, 2000, 2000, 100, 500)  # hash rows: NORM PREFIX SUFFIX SHAPE LEXCLASS
    dropout: float = 0.1
    batch_start: int = 16
    batch_end: int = 64


@dataclass
class TrainReport:
    settings: TrainSettings
    seconds: float
    train_tokens: int
    dev_scores: list[dict[str, float]] = field(default_factory=list)  # per epoch: span P/R/F1 by label
    size_bytes: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def model_config(settings: TrainSettings) -> dict[str, Any]:
    return {
        "@architectures": "spacy.Tagger.v2",
        "nO": None,
        "normalize": False,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {"@architectures": "kg.NameEmbed.v1", "width": settings.width, "rows": list(settings.rows)},
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": settings.width,
                "depth": settings.depth,
                "window_size": 1,
                "maxout_pieces": 3,
            },
        },
    }


def segment(text: str) -> list[str]:
    """jieba's words exactly as the extraction pipeline's tokenizer produces them."""
    import jieba

    return [w for w in jieba.cut(text, cut_all=False) if w]


def to_examples(nlp, samples: Sequence[Sample]) -> list:
    from spacy.tokens import Doc
    from spacy.training import Example

    examples = []
    for sample in samples:
        words = segment(sample.text)
        tags = [tag or "" for tag in iter_bio(sample, words)]  # "" = unknown, ignored by the loss
        spaces = [False] * len(words)
        examples.append(Example(Doc(nlp.vocab, words=words, spaces=spaces),
                                Doc(nlp.vocab, words=words, spaces=spaces, tags=tags)))
    return examples


def train(out: Path, settings: TrainSettings | None = None, log=print) -> TrainReport:
    """Generate data, train, score on generated dev data each epoch, and save to ``out``."""
    import spacy
    from spacy.util import compounding, fix_random_seed, minibatch

    import kg.extract.ner  # noqa: F401 — registers the kg.NameEmbed.v1 architecture

    settings = settings or TrainSettings()
    began = time.perf_counter()
    fix_random_seed(settings.seed)
    log(f"generating {settings.sentences:,} + {settings.dev_sentences:,} labelled paragraphs (seed {settings.seed})")
    samples = generate(settings.seed, settings.sentences + settings.dev_sentences)
    train_samples, dev_samples = samples[:settings.sentences], samples[settings.sentences:]
    nlp = spacy.blank("zh")
    nlp.add_pipe("tagger", name=TAGGER, config={"model": model_config(settings)})
    train_examples = to_examples(nlp, train_samples)
    dev_examples = to_examples(nlp, dev_samples)
    optimizer = nlp.initialize(lambda: train_examples[:2000])
    rng = random.Random(settings.seed)
    report = TrainReport(settings, 0.0, sum(len(eg.reference) for eg in train_examples))
    log(f"training on {report.train_tokens:,} tokens, {settings.epochs} epochs")
    for epoch in range(settings.epochs):
        rng.shuffle(train_examples)
        losses: dict[str, float] = {}
        for batch in minibatch(train_examples, size=compounding(settings.batch_start, settings.batch_end, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=settings.dropout, losses=losses)
        scores = span_scores(nlp, dev_examples)
        report.dev_scores.append(scores)
        log(f"epoch {epoch + 1}: loss {losses.get(TAGGER, 0.0):,.0f}  dev span F1 "
            + "  ".join(f"{label} {s['f1']:.3f}" for label, s in scores.items()))
    report.seconds = round(time.perf_counter() - began, 1)
    save(nlp, out, report)
    report.size_bytes = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    log(f"saved to {out} ({report.size_bytes / 1e6:.1f} MB) in {report.seconds:.0f} s")
    return report


def save(nlp, out: Path, report: TrainReport) -> None:
    """Write only what prediction needs: the config and the tagger's weights and labels.

    The training vocabulary (every generated word) is not needed — features are hashes — so
    a fresh pipeline from the same config takes the weights, keeping the model small.
    """
    import spacy

    fresh = spacy.util.load_model_from_config(nlp.config, auto_fill=True)
    fresh.get_pipe(TAGGER).from_bytes(nlp.get_pipe(TAGGER).to_bytes(exclude=["vocab"]), exclude=["vocab"])
    fresh.meta.update({"name": "kg_ner", "version": "1.0.0",
                       "description": "BIO name tagger over jieba words, trained by `kg train` "
                                      "on generated weakly labelled sentences",
                       # no timing: the same data, code and seed give the same bytes
                       "kg_training": {k: v for k, v in report.as_dict().items() if k != "seconds"}})
    out.mkdir(parents=True, exist_ok=True)
    fresh.to_disk(out)


def span_scores(nlp, examples: Sequence) -> dict[str, dict[str, float]]:
    """Exact-span precision/recall/F1 per label of the tagger on ``examples``."""
    from kg.extract.ner import decode

    tagger = nlp.get_pipe(TAGGER)
    counts: dict[str, list[int]] = {}
    docs = [eg.predicted for eg in examples]
    for eg, scores in zip(examples, tagger.model.predict(docs)):
        gold = set(_gold_spans(eg.reference))
        found = {(s, e, label) for s, e, label, _ in decode(scores, tagger.labels)}
        for label in {x[2] for x in gold | found}:
            c = counts.setdefault(label, [0, 0, 0])
            c[0] += len({x for x in found & gold if x[2] == label})
            c[1] += len({x for x in found - gold if x[2] == label})
            c[2] += len({x for x in gold - found if x[2] == label})
    out = {}
    for label, (tp, fp, fn) in sorted(counts.items()):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[label] = {"precision": round(p, 4), "recall": round(r, 4),
                      "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
    return out


def _gold_spans(doc) -> list[tuple[int, int, str]]:
    spans, start, label = [], None, None
    for i, token in enumerate(list(doc) + [None]):
        tag = token.tag_ if token is not None else "O"
        if start is not None and not (tag.startswith("I-") and tag[2:] == label):
            spans.append((start, i, label))
            start = None
        if tag.startswith("B-") or tag.startswith("I-") and start is None:
            start, label = i, tag[2:]
    return spans


def write_report(report: TrainReport, path: Path) -> None:
    path.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
