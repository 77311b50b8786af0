"""The spaCy pipeline: jieba segmentation plus our recognisers as registered components.

Each component adds character-level candidates to ``doc._.kg_candidates``; the last one,
``kg_resolve``, keeps a consistent set in ``doc._.kg_entities``. Heavy resources (the reference
automaton) are built once per process and shared by every pipeline instance.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import accumulate

import spacy
from spacy.attrs import NORM, PREFIX, SHAPE, SUFFIX
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.candidates import Candidate, resolve
from kg.extract.gazetteer import Gazetteer, GazetteerEntry, candidates_from_matches, curated_enterprises
from kg.extract.industry import (
    recognise_conversions, recognise_developed_materials, recognise_entered_fields, recognise_enumerations,
    recognise_firm_class_sectors, recognise_heading_sectors, recognise_industry_phrases, recognise_list_members,
    taken_positions,
)
from kg.extract.names import (
    TokenIndex, local_body_patterns, recognise_counted_firms, recognise_introduced_firms, recognise_listed_firms,
    recognise_local_bodies, recognise_short_firms, recognise_suffixed_names, recognise_sub_units,
)
from kg.extract.policy import recognise_policies

for _attr in ("kg_candidates", "kg_entities"):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)

#: ``Doc.user_data`` key of the :class:`RegionContext` of the document a piece belongs to.
REGION_CONTEXT = "kg_region_context"

PIPELINE = ("kg_gazetteer", "kg_policies", "kg_names", "kg_industries", "kg_resolve")

#: The lexeme attributes a component reads: the tagger's features (:mod:`kg.extract.ner`, besides
#: the word itself). The others spaCy would compute for each word it meets first (is_punct,
#: like_num, like_url, is_stop…: nineteen functions) nothing here reads.
LEXEME_ATTRIBUTES = frozenset({NORM, PREFIX, SUFFIX, SHAPE})


def _text(doc: Doc) -> str:
    """``doc.text`` rebuilds the string from the tokens on every access: compute it once."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def _tokens(doc: Doc) -> TokenIndex:
    index = doc.user_data.get("kg_tokens")
    if index is None:
        index = TokenIndex([(t.idx, t.idx + len(t.text)) for t in doc])
        doc.user_data["kg_tokens"] = index
    return index


def _candidates(doc: Doc) -> list[Candidate]:
    if doc._.kg_candidates is None:
        doc._.kg_candidates = []
    return doc._.kg_candidates


@lru_cache(maxsize=1)
def shared_gazetteer() -> Gazetteer:
    """The reference surfaces plus the curated company list, in one automaton."""
    from kg.reference import load_reference

    reference = load_reference()
    entries: list[tuple[str, GazetteerEntry]] = []
    for surface, ref, kind in reference.surfaces():
        if kind == "abbreviation" and (len(surface) < 2 or ref.type != "Region"):
            continue  # 1-character forms (沪, 苏) only inside named groupings
        if ref.type == "Industry" and (reference.is_generic_industry_word(surface) or surface.endswith("+")):
            continue  # 产业, 新兴产业; 人工智能+ is a policy slogan, not a sector
        entries.append((surface, GazetteerEntry(ref.type, ref.name, ref.key, kind, ref)))
    for country in reference.lookup("中国", "Region")[:1]:  # the documents' own country
        entries.append(("我国", GazetteerEntry("Region", country.name, country.key, "alias", country)))
    for surface, name in curated_enterprises():
        entries.append((surface, GazetteerEntry("Enterprise", name, "", "name", None)))
    return Gazetteer(entries)


@Language.factory("kg_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> "GazetteerComponent":
    return GazetteerComponent(shared_gazetteer())


class GazetteerComponent:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        matches = self.gazetteer.match(_text(doc))
        context = doc.user_data.get(REGION_CONTEXT)  # a piece of a longer document: the whole one's
        _candidates(doc).extend(candidates_from_matches(_text(doc), _tokens(doc), matches, self.gazetteer.kinds,
                                                        context))
        return doc


@Language.component("kg_policies")
def policies_component(doc: Doc) -> Doc:
    _candidates(doc).extend(recognise_policies(_text(doc)))
    return doc


@Language.factory("kg_names")
def make_names(nlp: Language, name: str) -> "NamesComponent":
    from kg.reference import load_reference

    reference = load_reference()
    patterns = local_body_patterns(reference.local_body_patterns())
    abbreviations = frozenset(surface for surface, entry, kind in reference.surfaces()
                              if kind == "abbreviation" and len(surface) == 1 and entry.type == "Region")
    initials = abbreviations | {surface[0] for surface, entry, kind in reference.surfaces()
                                if kind == "name" and entry.type == "Region" and entry.level in ("province", "city")}
    return NamesComponent(set(shared_gazetteer().industry_surfaces), patterns, abbreviations, initials)


class NamesComponent:
    """Organisation, enterprise and zone names from their suffixes; local government bodies."""

    def __init__(self, industry_words: set[str], patterns: list[tuple[str, str, tuple[str, ...]]],
                 place_abbreviations: frozenset[str], place_initials: frozenset[str]):
        self.industry_words = industry_words
        self.patterns = patterns
        self.place_abbreviations = place_abbreviations
        self.place_initials = place_initials  # first characters of provinces and cities (鞍|钢)

    def __call__(self, doc: Doc) -> Doc:
        cands = _candidates(doc)
        tokens = _tokens(doc)
        regions = [c for c in cands if c.type == "Region"]
        bodies = list(recognise_local_bodies(_text(doc), tokens, regions, self.patterns))
        known = [c for c in cands if c.type in ("Organization", "Enterprise")] + bodies
        cands.extend(bodies)
        cands.extend(recognise_suffixed_names(_text(doc), tokens, regions, known, self.industry_words,
                                              self.place_abbreviations, self.place_initials))
        cands.extend(recognise_sub_units(_text(doc), [c for c in cands if c.type == "Organization"], regions))
        # before the lists: a member opening with a firm's short form is a firm (韶钢|港务、韶峰等物流企业)
        cands.extend(recognise_short_firms(_text(doc), [c for c in cands if c.type != "Policy"], self.place_initials))
        cands.extend(recognise_listed_firms(_text(doc), [c for c in cands if c.type != "Policy"],
                                            self.industry_words))
        cands.extend(recognise_introduced_firms(_text(doc), cands, self.industry_words))
        cands.extend(recognise_counted_firms(_text(doc), cands, self.industry_words))
        return doc


@Language.factory("kg_industries")
def make_industries(nlp: Language, name: str) -> "IndustriesComponent":
    return IndustriesComponent(shared_gazetteer().industry_surfaces)


class IndustriesComponent:
    def __init__(self, known: dict[str, GazetteerEntry]):
        self.known = known

    def __call__(self, doc: Doc) -> Doc:
        cands = _candidates(doc)
        blocked = [c for c in cands if c.type in ("Region", "Organization", "Enterprise")]
        taken = taken_positions(blocked)
        cands.extend(recognise_industry_phrases(_text(doc), _tokens(doc), self.known, taken))
        cands.extend(recognise_conversions(_text(doc), _tokens(doc), self.known, taken))
        cands.extend(recognise_firm_class_sectors(_text(doc), _tokens(doc), self.known, blocked))
        cands.extend(recognise_entered_fields(_text(doc), _tokens(doc), self.known, taken))
        cands.extend(recognise_developed_materials(_text(doc), _tokens(doc), self.known, taken))
        cands.extend(recognise_heading_sectors(_text(doc), _tokens(doc), self.known, taken))
        cands.extend(recognise_enumerations(_text(doc), self.known))
        framed = [c for c in cands if c.type == "Industry" and c.context]
        cands.extend(recognise_list_members(_text(doc), _tokens(doc), framed, taken, self.known))
        return doc


@Language.factory("kg_ner", default_config={"model_dir": None, "types": ["Enterprise", "Industry"],
                                            "min_confidence": None})
def make_ner(nlp: Language, name: str, model_dir: str | None, types: list[str],
             min_confidence: float | None) -> "NerComponent":
    """The trained name tagger (kg.extract.ner); defaults from kg.config."""
    from kg.config import NER_MIN_CONFIDENCE, NER_MODEL_DIR
    from kg.extract.ner import ModelProposals, load_tagger

    model, labels = load_tagger(str(model_dir or NER_MODEL_DIR))
    threshold = NER_MIN_CONFIDENCE if min_confidence is None else min_confidence
    return NerComponent(ModelProposals(model, labels, types, threshold))


class NerComponent:
    def __init__(self, proposals):
        self.proposals = proposals

    def __call__(self, doc: Doc) -> Doc:
        cands = _candidates(doc)
        cands.extend(self.proposals.propose(doc, _text(doc), list(cands)))
        return doc


@Language.component("kg_resolve")
def resolve_component(doc: Doc) -> Doc:
    doc._.kg_entities = resolve(_candidates(doc))
    return doc


class JiebaTokenizer:
    """spaCy's jieba segmentation without its alignment step, by :func:`kg.segmenter.cut`.

    ``spacy.lang.zh.ChineseTokenizer`` realigns jieba's words with the text by slicing the
    remaining text once per word, which is quadratic (3.5 s for a 400k-character document).
    jieba's words always concatenate to the text, so the Doc can be built from them directly:
    whitespace runs stay tokens of their own and character offsets are preserved exactly.
    """

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from kg.segmenter import cut

        words = cut(text)
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        # the components' views of the text and its token offsets, known here without walking the
        # Doc's tokens (a Token object each: an eighth of a build's time)
        ends = list(accumulate(map(len, words)))
        doc.user_data["kg_text"] = text
        doc.user_data["kg_tokens"] = TokenIndex(list(zip([0, *ends[:-1]], ends)))
        return doc


def build_pipeline(ner: bool | None = None, ner_model_dir: str | None = None) -> Language:
    """A blank Chinese pipeline on jieba with our components.

    ``ner`` adds the trained name tagger before resolution (default: ``kg.config.NER_ENABLED``),
    from ``ner_model_dir`` (default: ``kg.config.NER_MODEL_DIR``).
    """
    from kg.config import NER_ENABLED
    from kg.segmenter import jieba_tokenizer

    jieba_tokenizer()  # jieba's dictionary, loaded quietly now rather than in the first document
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})  # replaced just below
    nlp.tokenizer = JiebaTokenizer(nlp.vocab)
    # a word new to the vocabulary gets the attributes read of it only: computing all of them was
    # half of building a Doc of the training texts' words, most of them new to a fresh process
    nlp.vocab.lex_attr_getters = {attr: getter for attr, getter in nlp.vocab.lex_attr_getters.items()
                                  if attr in LEXEME_ATTRIBUTES}
    for component in PIPELINE:
        nlp.add_pipe(component)
    if NER_ENABLED if ner is None else ner:
        nlp.add_pipe("kg_ner", before="kg_resolve", config={"model_dir": ner_model_dir})
    return nlp
