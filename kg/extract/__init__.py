"""Entity and relation extraction with a spaCy pipeline built on jieba segmentation.

    from kg.extract import Extractor, extraction_to_json
    extraction = Extractor().extract(document)      # kg.model.Document -> kg.model.Extraction
    extraction_to_json(extraction)                  # the `kg extract --format json` shape
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import replace
from functools import lru_cache, reduce
from operator import or_
from typing import TYPE_CHECKING, Any

from kg.config import EXTRACT_PIECE_CHARS
from kg.extract.spacy_cli import defer_spacy_cli

defer_spacy_cli()  # before any module of this package imports spaCy

from kg.extract.merge import (
    add_bare_local_bodies, add_bare_local_firms, add_bound_short_forms, add_document_sectors, add_listed_local_bodies,
    add_repeated_names, build_entities, drop_unnamed, spread_sector_context, supported, trim_glued_words,
    trim_holding_verbs,
)
from kg.extract.candidates import Candidate, resolve
from kg.extract.entity_model import is_edged, recognise_item_firms, span_counts
from kg.extract.figures import find_figures, figures_to_json
from kg.extract.gazetteer import RegionContext
from kg.extract.industry import drop_unframed_categories, frame_exemplified_sectors
from kg.extract.names import (
    recognise_digest_firms, recognise_joined_brands, recognise_latin_owners, recognise_listed_firms,
    recognise_placed_brands, recognise_project_firms, recognise_related_firms, recognise_reported_firms,
)
from kg.extract.persons import drop_persons, firms_before_posts
from kg.extract.pieces import pieces
from kg.extract.places import (
    add_administered_zones, add_bracketed_zones, add_foreign_divisions, add_shared_head_zones, add_towns,
    drop_counted_zone_kinds, trim_zone_prefixes,
)
from kg.extract.policy_facts import add_policy_facts
from kg.extract.reading import as_printed, reading_copy
from kg.extract.relations import RelationFinder
from kg.model import Document, Extraction

if TYPE_CHECKING:
    from kg.extract.entity_model import EntityModel
    from kg.extract.relation_model import Draft, RelationModel

__all__ = ["Extractor", "extraction_to_json"]


#: The characters on each side of a piece that the entity decision's descriptions read (entity_model._span_features).
_MARGIN = 2


class Extractor:
    """Loads the pipeline once; ``extract`` is then safe to call for many documents."""

    def __init__(self, ner: bool | None = None, relation_model: "RelationModel | None | bool" = True,
                 model_dir: str | None = None, entity_model: "EntityModel | None | bool" = True) -> None:
        """``ner``: run the trained tagger (default: ``kg.config.NER_ENABLED``). ``relation_model``:
        True for the classifier of the model folder (when ``kg.config.RELATION_MODEL_ENABLED``),
        False for the rules' relations alone, or a model of one's own; ``entity_model`` likewise for
        the learned entity decision (``kg.config.ENTITY_MODEL_ENABLED``). ``model_dir``: the folder
        of the tagger and classifiers (default: ``kg.config.NER_MODEL_DIR``)."""
        from kg.config import ENTITY_MODEL_ENABLED, NER_MODEL_DIR, RELATION_MODEL_ENABLED
        from kg.extract.entity_model import load_entity_model
        from kg.extract.pipeline import build_pipeline
        from kg.extract.relation_model import load_relation_model
        from kg.reference import load_reference

        model_dir = str(model_dir or NER_MODEL_DIR)
        self.nlp = build_pipeline(ner, model_dir)
        self.reference = load_reference()
        if relation_model is True:
            relation_model = load_relation_model(model_dir) if RELATION_MODEL_ENABLED else None
        self.relation_model = relation_model or None
        if entity_model is True:
            entity_model = load_entity_model(model_dir) if ENTITY_MODEL_ENABLED else None
        self.entity_model = entity_model or None
        # load jieba's dictionary and tag table now, not inside the first document's timing
        self.nlp("江苏省南京市人民政府发展新能源汽车产业")

    def extract(self, document: Document) -> Extraction:
        return self.finish(self.draft(document))

    def draft(self, document: Document, entity_model: "EntityModel | None | bool" = True) -> "Draft":
        """Every entity found and the rules' relations, before the last decisions (which sectors
        the document names as sectors, which pairs are related). ``entity_model``: the learned
        entity decision that adds names to the rules' (default: this extractor's; None: none). A page
        in traditional characters is drafted on its reading copy (:mod:`kg.extract.reading`), which
        ``finish`` puts back on the page as printed."""
        from kg.extract.relation_model import Draft, sector_features

        document = reading_copy(document, self.reference)
        cands = self.rule_candidates(document.text)
        entity_model = self.entity_model if entity_model is True else entity_model or None
        if entity_model is not None:
            added, dropped = self._learned_names(entity_model, document.text, cands)
            cands = [c for c in cands if (c.start, c.end) not in dropped or not is_edged(c)] + added
        cands = drop_persons(document.text, drop_unframed_categories(document.text, cands))
        cands = drop_counted_zone_kinds(document.text, cands)
        cands = trim_glued_words(document.text, drop_unnamed(resolve(trim_zone_prefixes(document.text, cands))))
        cands = trim_holding_verbs(document.text, cands)
        cands = sorted(cands + add_repeated_names(document.text, cands), key=lambda c: c.start)
        frame_exemplified_sectors(document.text, cands)
        spread_sector_context(document.text, cands)
        cands = sorted(cands + add_document_sectors(document.text, cands), key=lambda c: c.start)
        entities, iri_of = build_entities(document, cands)
        relations = RelationFinder(document, cands, iri_of, entities, self.reference).run()
        # an industry the rules relate with some confidence is framed as a sector by that relation
        used: dict[str, set[str]] = {}
        for r in relations:
            if r.confidence >= 0.6:
                used.setdefault(r.tail, set()).add(r.relation)
        by_entity: dict[str, list] = {}
        for cand in cands:
            by_entity.setdefault(iri_of.get(id(cand), ""), []).append(cand)
        sectors = {e.iri: supported(by_entity.get(e.iri, []), e.iri in used) for e in entities if e.type == "Industry"}
        features = {e.iri: sector_features(e, by_entity.get(e.iri, []), used.get(e.iri, set()), sectors[e.iri], document.text)
                    for e in entities if e.type == "Industry"}
        return Draft(Extraction(document=document, entities=entities, relations=relations), sectors, features)

    def rule_candidates(self, text: str) -> list[Candidate]:
        """The names the rules (and the tagger) propose, before the learned entity decision and
        the last resolution: what :mod:`kg.extract.entity_model` proposes around and labels against."""
        cands = self._candidates(text)
        cands += add_bound_short_forms(text, cands)
        cands += add_bare_local_bodies(text, cands)
        cands += add_bare_local_firms(text, cands)
        cands += add_listed_local_bodies(text, cands)
        cands += add_foreign_divisions(text, cands)
        cands += add_shared_head_zones(text, cands)
        cands += add_towns(text, cands)
        cands += add_administered_zones(text, cands)
        cands += add_bracketed_zones(text, cands)
        cands += firms_before_posts(text, cands)
        cands += list(recognise_related_firms(text, cands))
        cands += list(recognise_placed_brands(text, cands))
        cands += list(recognise_joined_brands(text, cands))
        cands += list(recognise_project_firms(text, cands))
        cands += list(recognise_digest_firms(text, cands))
        cands += list(recognise_reported_firms(text, cands))
        cands += list(recognise_latin_owners(text, cands))
        cands += recognise_item_firms(text, cands)
        # the lists again, now that the tagger's firms and the brands above are known
        # (先健科技、安科、西门子迈迪特、稳健等: two firms only now)
        cands += list(recognise_listed_firms(text, [c for c in cands if c.type != "Policy"], _industry_words()))
        return cands

    def finish(self, draft: "Draft", model: "RelationModel | None | bool" = True) -> Extraction:
        """The draft's final entities and relations: by ``model`` (default: this extractor's), or
        by the rules where it has no say; the mentions of a page in traditional characters as printed."""
        model = self.relation_model if model is True else model or None
        extraction = model.decide(draft) if model is not None else draft.by_rules()
        add_policy_facts(extraction, self.reference)
        extraction.figures = find_figures(extraction, self.reference)
        return as_printed(extraction)

    def _learned_names(self, entity_model: "EntityModel", text: str, cands: list[Candidate]
                       ) -> tuple[list[Candidate], set[tuple[int, int]]]:
        """The entity decision's names and the spans of the rules' firm names it drops, piece by
        piece as the pipeline runs: its index of the rules' names holds an entry per character they
        cover, too much for a whole 20M-character text (5M characters: +430 MiB). Its proposals
        stay inside a clause, so no piece boundary cuts one, and how often a proposal's name
        occurs (one of its features) is counted over the whole text, so a piece reads as the whole."""
        limit = min(EXTRACT_PIECE_CHARS, self.nlp.max_length)
        if len(text) <= limit:
            return entity_model.decide(text, cands)
        by_start = sorted(cands, key=lambda c: c.start)
        starts = [c.start for c in by_start]
        added: list[Candidate] = []
        dropped: set[tuple[int, int]] = set()
        parts = []
        for offset, piece in pieces(text, limit):
            end = offset + len(piece)
            parts.append((offset, piece, self._inside(by_start, starts, offset, end)))
        counts = sum((span_counts(piece, inside) for _, piece, inside in parts), Counter())  # the whole's
        for offset, piece, _ in parts:
            # the piece with the characters around it that a name's description reads (its two
            # neighbours on each side), so that its first and last names read as in the whole text
            first, last = max(0, offset - _MARGIN), min(len(text), offset + len(piece) + _MARGIN)
            names, spans = entity_model.decide(text[first:last], self._inside(by_start, starts, first, last), counts)
            inside = range(offset - first, offset - first + len(piece) + 1)
            added += [replace(c, start=c.start + first, end=c.end + first) for c in names
                      if c.start in inside and c.end in inside]
            dropped |= {(start + first, stop + first) for start, stop in spans if start in inside and stop in inside}
        return added, dropped

    @staticmethod
    def _inside(by_start: list[Candidate], starts: list[int], first: int, last: int) -> list[Candidate]:
        """The candidates within ``first:last``, their offsets made the window's."""
        return [replace(c, start=c.start - first, end=c.end - first)
                for c in by_start[bisect_left(starts, first):bisect_left(starts, last)] if c.end <= last]

    def _candidates(self, text: str) -> list[Candidate]:
        """The pipeline's resolved candidates for ``text``. A text longer than a piece
        (:data:`kg.config.EXTRACT_PIECE_CHARS`, and spaCy's ``max_length``) goes through the
        pipeline piece by piece (:mod:`kg.extract.pieces`); resolution only weighs overlapping
        names, so each piece is resolved on its own and only what it keeps is kept."""
        from kg.extract.pipeline import REGION_CONTEXT, shared_gazetteer

        limit = min(EXTRACT_PIECE_CHARS, self.nlp.max_length)
        if len(text) <= limit:
            return list(self.nlp(text)._.kg_entities or [])
        gazetteer = shared_gazetteer()
        context = reduce(or_, (RegionContext.of(gazetteer.match(piece)) for _, piece in pieces(text, limit)))
        found: list[Candidate] = []
        for offset, piece in pieces(text, limit):
            doc = self.nlp.make_doc(piece)
            doc.user_data[REGION_CONTEXT] = context
            for cand in self.nlp(doc)._.kg_entities or []:
                found.append(replace(cand, start=cand.start + offset, end=cand.end + offset))
        return found


@lru_cache(maxsize=1)
def _industry_words() -> frozenset[str]:
    """The gazetteer's sector words, which no firm list holds (kg.extract.names._other_kind)."""
    from kg.extract.pipeline import shared_gazetteer

    return frozenset(shared_gazetteer().industry_surfaces)


def extraction_to_json(extraction: Extraction) -> dict[str, Any]:
    """The JSON document ``kg extract --format json`` prints (and the scorer reads)."""
    doc = extraction.document
    by_iri = {e.iri: e for e in extraction.entities}
    sentences = {s.index: s.text for s in doc.sentences}
    return {
        "source": doc.source,
        "entities": [
            {
                "id": e.iri,
                "type": e.type,
                "name": e.name,
                "aliases": list(e.aliases),
                "mentions": [{"text": m.text, "start": m.start, "end": m.end, "sentence": m.sentence}
                             for m in e.mentions],
                "confidence": round(e.confidence, 2),
                **({"attributes": dict(e.attributes)} if e.attributes else {}),
            }
            for e in extraction.entities
        ],
        "relations": [
            {
                "head": by_iri[r.head].name,
                "relation": r.relation,
                "tail": by_iri[r.tail].name,
                "confidence": r.confidence,
                "evidence": sentences.get(r.sentence, ""),
                "sentence": r.sentence,
                "method": r.method,
            }
            for r in extraction.relations
            if r.head in by_iri and r.tail in by_iri
        ],
        "targets": figures_to_json(extraction),
    }
