"""Shared fixtures of the extraction tests: one pipeline per test session, tiny Documents."""
from __future__ import annotations

import json
import re

import pytest

from kg.model import Document, Sentence


@pytest.fixture(scope="session")
def extractor():
    from kg.extract import Extractor

    return Extractor()


def make_document(text: str, source: str = "snippet.txt") -> Document:
    """A Document of already-normal text, split into sentences at 。！？；."""
    sentences = [Sentence(i, m.start(), m.end(), m.group())
                 for i, m in enumerate(re.finditer(r"[^。！？；]+[。！？；]?", text))]
    return Document(source=source, path=f"/{source}", sha256="0" * 64, encoding="utf-8",
                    media_type="text/plain", title="", text=text, offset_map=list(range(len(text) + 1)),
                    sentences=sentences)


def printed(extraction) -> dict:
    """What ``kg extract --format json`` prints of ``extraction``, read back as a client reads it (a
    figure's value a float)."""
    from kg.exact_numbers import json_text
    from kg.extract import extraction_to_json

    return json.loads(json_text(extraction_to_json(extraction)))


def extract(extractor, text: str) -> dict:
    return printed(extractor.extract(make_document(text)))


def names(result: dict, etype: str) -> set[str]:
    return {e["name"] for e in result["entities"] if e["type"] == etype}


def triples(result: dict) -> set[tuple[str, str, str]]:
    return {(r["head"], r["relation"], r["tail"]) for r in result["relations"]}


@pytest.fixture(scope="module")
def extractors():
    """(rules + the shipped tagger, rules alone): what the tagger adds is their difference."""
    from kg.extract import Extractor

    with_model = Extractor()
    rules_only = Extractor()
    if "kg_ner" in rules_only.nlp.pipe_names:
        rules_only.nlp.remove_pipe("kg_ner")
    return with_model, rules_only
