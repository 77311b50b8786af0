"""The text the extractor reads: a page in traditional characters is read in simplified ones.

Every recogniser (jieba's dictionary, the gazetteer, the rules' words, the tagger, the learned
decisions) knows simplified words only, so a county bulletin reposted in traditional characters
(秀山土家族苗族自治縣…全縣實現生產總值369.53億元) would yield no county and no figure. Teaching each
recogniser the second script would spread one concern over all of them; instead the extractor reads a
*reading copy* made through the reference's one-for-one map (:meth:`kg.reference.Reference.simplified`):
one character for one, so every offset found on the copy points at the same character of the page, and
the result is put back on the page as printed (mention surfaces, sentences and evidence). Names stay
simplified, as the reference names places, so one entity written in either script is one node.

A page in simplified characters is its own reading copy: it takes exactly the path it always took,
at the cost of one scan counting traditional forms (:meth:`kg.reference.Reference.in_traditional`).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kg.model import Document, Entity, Extraction, Mention

if TYPE_CHECKING:
    from kg.reference import Reference

__all__ = ["ReadingCopy", "as_printed", "reading_copy"]


@dataclass
class ReadingCopy(Document):
    """A page in traditional characters as the extractor reads it, with the page it was made from."""

    printed: Document | None = None


def reading_copy(document: Document, reference: "Reference") -> Document:
    """What the extractor reads of ``document``: itself when it is in simplified characters, else a
    copy whose text and sentences are in simplified ones (offsets, offset map, source all kept)."""
    if isinstance(document, ReadingCopy) or not reference.in_traditional(document.text):
        return document
    text = reference.simplified(document.text)
    sentences = [replace(sentence, text=text[sentence.start:sentence.end]) for sentence in document.sentences]
    fields = {name: getattr(document, name) for name in Document.__dataclass_fields__}
    return ReadingCopy(**{**fields, "text": text, "sentences": sentences}, printed=document)


def as_printed(extraction: Extraction) -> Extraction:
    """``extraction`` of a reading copy put back on the page it was made from: the same entities
    (names in simplified characters), relations, facts and figures, the mentions' surfaces as
    printed; an extraction of any other document as it is."""
    document = extraction.document
    if not isinstance(document, ReadingCopy) or document.printed is None:
        return extraction
    page = document.printed.text
    entities = [_printed_entity(entity, page) for entity in extraction.entities]
    return replace(extraction, document=document.printed, entities=entities)


def _printed_entity(entity: Entity, page: str) -> Entity:
    """``entity`` with its mentions' surfaces read off the printed page."""
    mentions = [Mention(page[m.start:m.end], m.start, m.end, m.sentence) for m in entity.mentions]
    return replace(entity, mentions=mentions)
