"""Read one input file into a normalised ``Document``: the entry point of the pipeline."""
from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from kg.config import MAX_SENTENCE_CHARS
from kg.errors import InputError
from kg.ingest.decode import decode_text
from kg.ingest.formats import html_text, markdown_text, pdf_text
from kg.ingest.inputs import read_input
from kg.ingest.normalise import (
    dropped_glosses,
    ends_sentence,
    normalise,
    offset_array,
    pinyin_glosses,
    unshown_characters,
)
from kg.ingest.sentences import sentences_and_cuts
from kg.model import Document

#: Media type of each supported extension.
MEDIA_TYPES: dict[str, str] = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
}
#: Code points a warning names at most.
_NAMED_CODES = 5
#: A title is a short first line.
_MAX_TITLE_CHARS = 60
#: Glossed characters a document's note on its dropped glosses shows.
_GLOSS_EXAMPLES = 3


def read_document(path: Path, data: bytes | None = None) -> Document:
    """Read, decode, extract and normalise ``path``; ``InputError`` says why a file cannot be.

    ``data`` is the file's content when the caller read it already (a build hashes every file
    before extracting it, and a cluster worker may not see the caller's file system).
    """
    path = Path(path)
    source = path.name
    suffix = path.suffix.lower()
    media_type = MEDIA_TYPES.get(suffix)
    if media_type is None:
        kind = f"'{suffix}'" if suffix else "without extension"
        raise InputError(source, f"unsupported file type {kind} (expected .txt, .md, .html, .pdf)")
    if data is None:
        if path.is_dir():
            raise InputError(source, "is a directory")
        try:  # a regular file only: /dev/zero behind a .txt name was read until memory ran out
            data = read_input(path)
        except InputError as err:
            raise InputError(source, f"cannot read: {err.reason}") from None
    if not data.strip():
        raise InputError(source, "empty file")

    title = ""
    source_map: list[int] | None = None
    if media_type == "application/pdf":
        extracted, title = pdf_text(data, source)
        encoding, rejoin = "pdf", True
    else:
        extracted, encoding = decode_text(data, source)
        rejoin = media_type == "text/plain"
        if media_type == "text/html":
            extracted, title = html_text(extracted)
        elif media_type == "text/markdown":
            extracted, source_map, title = markdown_text(extracted)

    notes = [note] if (note := _unshown_note(extracted, title)) else []
    text, offset_map = normalise(extracted, rejoin_lines=rejoin)
    glosses, gloss_lengths = dropped_glosses(extracted, offset_map)
    if note := _gloss_note(extracted):
        notes.append(note)
    if source_map is not None:
        offset_map = offset_array(source_map[i] for i in offset_map)
    if not text:
        raise InputError(source, "no text after normalising (only white space or markup)")
    title = normalise(title, rejoin_lines=False)[0] if title else ""
    sentences, cuts = sentences_and_cuts(text)
    if cuts:
        notes.append(f"cut {cuts} sentence{'s' if cuts > 1 else ''} of over {MAX_SENTENCE_CHARS:,} characters "
                     "at a clause break (KG_MAX_SENTENCE_CHARS)")
    return Document(
        source=source,
        path=str(path.resolve()),
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        media_type=media_type,
        title=title.replace("\n", " ") or first_heading(text) or _file_title(path),
        text=text,
        offset_map=offset_map,
        dropped_glosses=glosses,
        dropped_gloss_lengths=gloss_lengths,
        sentences=sentences,
        notes=notes,
    )


def _unshown_note(*texts: str) -> str:
    """The warning for the characters no text shows that normalising ``texts`` drops, or ``""``."""
    found = sum((unshown_characters(text) for text in texts), Counter())
    if not found:
        return ""
    total = sum(found.values())
    codes = ", ".join(f"U+{ord(c):04X}" for c, _ in found.most_common(_NAMED_CODES))
    more = ", …" if len(found) > _NAMED_CODES else ""
    return (f"dropped {total} invisible character{'s' if total > 1 else ''} ({codes}{more}): "
            "control, bidirectional-override or non-characters no text shows")


def _file_title(path: Path) -> str:
    """The file's name without its extension, normalised as text is (a name may hold a line break or
    a bidirectional override, which would make the title display as another); ``source`` keeps it exact."""
    return normalise(path.stem, rejoin_lines=False)[0].replace("\n", " ")


def _gloss_note(extracted: str) -> str:
    """The note that pinyin glosses were dropped, how many and which, or ``""``: the text read differs
    from the page there, and a reader comparing the two should know why."""
    glosses = [extracted[match.start() - 1:match.end()] for match in pinyin_glosses(extracted)]
    if not glosses:
        return ""
    examples = ", ".join(list(dict.fromkeys(glosses))[:_GLOSS_EXAMPLES])
    return f"dropped {len(glosses)} pinyin gloss{'es' if len(glosses) > 1 else ''} after characters ({examples})"


def first_heading(text: str) -> str:
    """The first line of ``text`` if it reads as a heading: short, without a final full stop."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            if len(line) <= _MAX_TITLE_CHARS and not ends_sentence(line):
                return line
            return ""
    return ""
