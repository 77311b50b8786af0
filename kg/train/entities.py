"""Training the entity decision (``kg.extract.entity_model``) on annotated documents.

Each proposal of the generators is labelled by the shared scorer's own name forms: 1 when it names
a gold entity of its type, 0 when it names none; a proposal naming only an optional gold entity
teaches nothing and is left out. The fit is the relation classifier's (``kg.train.relations.fit``:
full-batch Adam on L2-regularised log loss), so the same rows give the same weights.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from kg.extract.entity_model import EDGE_DECISION, EDGE_DROP, EntityModel, propose
from kg.train.corpus import AnnotatedDocument, load_annotated
from kg.train.relations import FitSettings, LabelledPair, fit


@dataclass
class EntitySettings:
    #: The probability from which a type's best proposal is added beside the rules' names, chosen by
    #: 5-fold CV on ../shared/train (entity F1 at 0.25 / 0.3 / 0.4: Region .826/.825/.824,
    #: Organization .835/.824/.830, Enterprise .553/.556/.553, micro .733/.731/.731). The edge decision
    #: keeps a firm's best edges from 0.3 (0.3 / 0.4: Enterprise .581/.581, P .741/.765, operates_in
    #: .179/.168, measured when it dropped the suffix walk's firms too); firms from 0.35 gain Enterprise
    #: F1 (.587) but lose operates_in (.158). With the firm lists, works and branches of the rules
    #: (session 7) Enterprise stays at 0.3 (.25 / .3 / .35: .675 / .679 / .679, located_in .479 / .441 /
    #: .441); Organization from 0.2 would gain .850 -> .856 but adds bodies like 托江西中医药大学 once a
    #: text repeats them (its count feature), so a long text in pieces would differ from it whole.
    #: The tagger's firms go when no edge of theirs reaches 0.25 (0.15 / 0.25: Enterprise .728 / .732,
    #: P .845 / .855 at the same recall, relation micro .588 / .588): a phrase or a brand glued to its
    #: product (另有超硬材料, 徐福记沙琪玛智能) has no edge that probable; Enterprise from 0.25 gains no
    #: F1 (.728) and loses relation micro (.587). With the firm rules of session 12 (precision .912)
    #: Enterprise goes to 0.25 (.2 / .25 / .3: .825 / .823 / .819, located_in .682 / .693 / .693,
    #: operates_in .506 / .494 / .497, relation micro .693 each).
    thresholds: dict[str, float] = field(default_factory=lambda: {
        "Region": 0.25, "Organization": 0.25, "Enterprise": 0.25, EDGE_DECISION: 0.3, EDGE_DROP: 0.25})
    fit: FitSettings = field(default_factory=lambda: FitSettings(l2=1e-3, iterations=300, min_count=2,
                                                                 min_positives=5))


def label_proposals(text: str, rules: list, gold_parts: list[dict], scorer: ModuleType) -> list[LabelledPair]:
    """The generators' proposals for one document, labelled by its gold."""
    gold = scorer.merge(list(gold_parts))
    stated: dict[str, set[str]] = {}
    optional: dict[str, set[str]] = {}
    for entity in gold["entities"]:
        target = optional if entity.get("optional") else stated
        target.setdefault(entity.get("type", ""), set()).update(scorer.entity_keys(entity))
    out = []
    for proposal in propose(text, rules):
        keys = scorer.entity_keys({"type": proposal.type, "name": proposal.name, "aliases": []})
        if keys & stated.get(proposal.type, set()):
            label = 1
        elif keys & optional.get(proposal.type, set()):
            continue
        else:
            label = 0
        out.append(LabelledPair(proposal.weighed_by, tuple(proposal.features), label))
    return out


def labelled_documents(documents: list[AnnotatedDocument], scorer: ModuleType, extractor=None
                       ) -> dict[str, list[LabelledPair]]:
    """Every document's labelled proposals, around the names of rules + tagger (``extractor``), on the
    text the extractor reads (a page in traditional characters: its reading copy, kg.extract.reading)."""
    from kg.extract import Extractor
    from kg.extract.reading import reading_copy
    from kg.ingest import read_document

    extractor = extractor or Extractor(relation_model=False, entity_model=False)
    out = {}
    for annotated in documents:
        text = reading_copy(read_document(annotated.path), extractor.reference).text
        out[annotated.source] = label_proposals(text, extractor.rule_candidates(text), list(annotated.gold), scorer)
    return out


def fit_entity_model(rows: list[LabelledPair], settings: EntitySettings | None = None) -> EntityModel:
    """One logistic regression per type with enough gold names among its proposals."""
    settings = settings or EntitySettings()
    fitted = fit(rows, settings.fit)
    weights = {etype: w for etype, w in fitted.weights.items() if etype in settings.thresholds}
    thresholds = {etype: settings.thresholds[etype] for etype in weights}
    if EDGE_DECISION in weights:
        thresholds[EDGE_DROP] = settings.thresholds[EDGE_DROP]
    return EntityModel(weights, thresholds, {"proposals": fitted.meta["pairs"]})


def train_entity_model(data_dir: Path, model_dir: Path, scorer_path: Path, settings: EntitySettings | None = None,
                       log: Callable[[str], None] = print) -> EntityModel:
    """The entity decision trained on every annotated document of ``data_dir``, around the names
    that rules + the tagger in ``model_dir`` find."""
    from kg.extract import Extractor
    from kg.extract.evaluate import load_scorer

    scorer = load_scorer(scorer_path)
    documents = load_annotated(data_dir)
    extractor = Extractor(relation_model=False, entity_model=False, model_dir=str(model_dir))
    rows = [row for source, labelled in sorted(labelled_documents(documents, scorer, extractor).items())
            for row in labelled]
    log(f"entity decision: {len(rows):,} proposals from {len(documents)} documents")
    model = fit_entity_model(rows, settings)
    model.meta["documents"] = len(documents)
    return model
