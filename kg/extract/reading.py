"""The text the extractor reads: a page in traditional characters is read in simplified ones.

Every recogniser (jieba's dictionary, the gazetteer, the rules' words, the tagger, the learned
decisions) knows simplified words only, so a county bulletin reposted in traditional characters
(秀山土家族苗族自治縣…全縣實現生產總值369.53億元) would yield no county and no figure. Teaching each
recogniser the second script would spread one concern over all of them; instead the extractor reads a
*reading copy* made through the reference's one-for-one map (:meth:`kg.reference.Reference.simplified`):
one character for one, so every offset found on the copy points at the same character of the page, and
the result is put back on the page as printed (mention surfaces, sentences and evidence). Names stay
simplified, as the reference names places, so one entity written in either script is one node; a document's
number (文号) is an identifier to look the document up by, not a name: it is given as the page prints it
(新政辦〔2020〕23号, its serial's 號 spelled 号 as on every page), as a mention's surface is.

A page in simplified characters is its own reading copy: it takes exactly the path it always took,
at the cost of one scan counting traditional forms (:meth:`kg.reference.Reference.in_traditional`).
"""
from __future__ import annotations

import re
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
    for entity in entities:
        if "number" in entity.attributes:
            entity.attributes["number"] = printed_number(entity.attributes["number"], document.text, page)
    return replace(extraction, document=document.printed, entities=entities)


#: The issuer code opening a number (宁政办发 of 宁政办发〔2018〕47号), which finds where the page prints it.
_NUMBER_CODE = re.compile(r"[\u4e00-\u9fff]+")
#: How much further than the number itself its printing may run (spaces, a serial's 第, pinyin glosses).
_NUMBER_SLACK = 12


def printed_number(number: str, copy: str, page: str) -> str:
    """``number`` as read on the reading ``copy``, with the characters ``page`` prints for it: each character of the
    number that the copy holds where the number is printed (its first issuer code on) is read off the page
    (宁政办发〔2018〕47号 → 寧政辦發〔2018〕47号); brackets, digits and the serial's 号 stay as the number was
    normalised (number_in_head spells a page's 號 so). A number the copy does not print so is left as it is."""
    code = _NUMBER_CODE.match(number)
    at = copy.find(code.group()) if code else -1
    if at < 0:
        return number
    end = min(len(copy), at + len(number) + _NUMBER_SLACK)
    printed = []
    for char in number:
        found = copy.find(char, at, end)
        if found < 0:
            printed.append(char)
            continue
        printed.append(char if char == "号" else page[found])
        at = found + 1
    return "".join(printed)


def _printed_entity(entity: Entity, page: str) -> Entity:
    """``entity`` with its mentions' surfaces read off the printed page."""
    mentions = [Mention(page[m.start:m.end], m.start, m.end, m.sentence) for m in entity.mentions]
    return replace(entity, mentions=mentions)
