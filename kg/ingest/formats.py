"""The visible text of HTML, Markdown and PDF files, before normalisation.

Each reader returns the text and a title; the offset map of an HTML or PDF document refers to
this extracted text, that of a Markdown document to the file's text (``markdown_text`` also
returns the map from its output back to the file).
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Iterator

from kg.config import PDF_MAX_CHARS_PER_BYTE
from kg.errors import InputError

# pypdf logs repairs of damaged files as warnings; without a handler of its own Python's
# last-resort handler would print them, and ingestion never prints (errors are InputErrors).
logging.getLogger("pypdf").addHandler(logging.NullHandler())

#: Elements whose content a reader never sees.
_HIDDEN_TAGS = (
    "script", "style", "noscript", "template", "head", "nav", "aside", "footer", "iframe", "svg",
    "canvas", "form", "button", "select", "object", "embed",
)
#: Elements that start a new line of text.
_BLOCK_TAGS = (
    "address", "article", "blockquote", "caption", "dd", "div", "dl", "dt", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul",
)
_INLINE_SPACE = re.compile(r"\s+")


def html_text(markup: str) -> tuple[str, str]:
    """Visible text of an HTML page, one line per block element, and its title.

    The tree is walked once, iteratively, emitting the text as it goes: editing it in place
    (inserting line breaks, asking each string for a ``<pre>`` ancestor) costs time in the depth
    of the tree for every element, quadratic for deeply nested pages.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    title_tag = soup.find("title") or soup.find("h1")
    title = _INLINE_SPACE.sub(" ", title_tag.get_text()).strip() if title_tag else ""
    lines = []
    for line in "".join(_visible_pieces(soup)).split("\n"):
        line = _INLINE_SPACE.sub(" ", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines), title


def _visible_pieces(soup) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The text a reader sees, in document order: strings (white space collapsed outside
    ``<pre>``), a line break for ``<br>`` and around every block element."""
    from bs4.element import NavigableString, PreformattedString, Tag

    # the stack holds the children still to visit of each open element, and what closes it
    stack: list[tuple[Iterator, str, bool]] = [(iter(soup.contents), "", False)]
    in_pre = 0
    while stack:
        children, closing, is_pre = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
            in_pre -= is_pre
            yield closing
        elif isinstance(node, Tag):
            if node.name in _HIDDEN_TAGS or _is_hidden(node):
                continue
            if node.name == "br":
                yield "\n"
                continue
            block = node.name in _BLOCK_TAGS
            if block:
                yield "\n"
            in_pre += node.name == "pre"
            stack.append((iter(node.contents), "\n" if block else "", node.name == "pre"))
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            yield str(node) if in_pre else _INLINE_SPACE.sub(_collapse_space, str(node))


def _collapse_space(match: re.Match[str]) -> str:
    """White space in HTML source renders as one space, but a line break between two Chinese
    characters renders as nothing (CSS segment-break transformation)."""
    space, text = match.group(), match.string
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if "\n" in space and before and after and not before.isascii() and not after.isascii():
        return ""
    return " "


def _is_hidden(tag) -> bool:  # type: ignore[no-untyped-def]
    if tag.attrs is None:
        return False
    style = tag.get("style", "").replace(" ", "").lower()
    return (
        tag.has_attr("hidden")
        or tag.get("aria-hidden") == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+")
_MD_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_MD_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+|^[ \t]*>[ \t]?")
_MD_FENCE = re.compile(r" {0,3}(```|~~~)")
_MD_RULE = re.compile(r" {0,3}([-*_=])( *\1){2,} *")
#: Where inline markup may start: a link or an image (``[`` or ``![``), emphasis, code.
_MD_INLINE_START = re.compile(r"!?\[|\*\*|__|\*|`")


def markdown_text(source: str) -> tuple[str, list[int], str]:
    """Markdown without its markup, one line per paragraph, heading and list item.

    Returns the text, a map from its offsets to ``source`` (``len + 1`` entries) and the first
    heading as title. The lines of one paragraph are joined, as Markdown renders them.
    """
    blocks: list[list[tuple[str, int]]] = []
    title = ""
    paragraph_open = in_code = False
    position = 0
    for raw_line in source.splitlines(keepends=True):
        line_start = position
        position += len(raw_line)
        line = raw_line.rstrip("\r\n")
        if _MD_FENCE.match(line):
            in_code = not in_code  # fenced code is not prose
            paragraph_open = False
            continue
        if in_code or not line.strip() or _MD_RULE.fullmatch(line):
            paragraph_open = False
            continue
        heading = _MD_HEADING.match(line)
        kept = _md_visible(line, line_start)
        if not kept:
            continue
        if heading or _MD_LIST.match(line) or not paragraph_open:
            blocks.append(kept)
        else:
            if blocks[-1][-1][0].isascii() and kept[0][0].isascii():
                blocks[-1].append((" ", line_start))
            blocks[-1].extend(kept)
        if heading and not title:
            title = "".join(c for c, _ in kept).strip()
        paragraph_open = not heading
    chars: list[str] = []
    index: list[int] = []
    for block in blocks:
        if chars:
            chars.append("\n")
            index.append(index[-1] + 1)
        chars.extend(c for c, _ in block)
        index.extend(i for _, i in block)
    index.append(len(source))
    return "".join(chars), index, title


def _md_visible(line: str, offset: int) -> list[tuple[str, int]]:
    """Characters of a Markdown line that a reader sees, with their offsets in the file."""
    heading = _MD_HEADING.match(line)
    cut = heading or _MD_LIST.match(line)
    begin = cut.end() if cut else 0
    closing = _MD_HEADING_CLOSE.search(line) if heading else None
    stop = closing.start() if closing else len(line)
    kept: list[tuple[str, int]] = []
    pos = begin
    for start, end, text in _md_inline(line, begin, stop):
        kept.extend((c, offset + i) for i, c in enumerate(line[pos:start], pos))
        if text is not None:  # a link or an image: keep its text
            kept.extend((c, offset + i) for i, c in enumerate(line[text[0]:text[1]], text[0]))
        pos = end
    kept.extend((c, offset + i) for i, c in enumerate(line[pos:stop], pos))
    return kept


def _md_inline(line: str, begin: int, stop: int) -> Iterator[tuple[int, int, tuple[int, int] | None]]:
    """The inline markup of ``line[begin:stop]``, left to right: (start, end, the span of a link's
    or an image's text, else None). A link is ``[text](destination)``, its text up to the first
    ``]``, its destination up to the first ``)``; emphasis is ``**``, ``__`` or ``*``; code a
    backtick. A regular expression found these before, but looked for a ``]`` from every ``[`` of
    the line: a line of ``[`` (100 KB) took 42 s, quadratic. Here the first ``]`` and ``)`` after
    a point are looked up among their positions, with the same results."""
    closes = [m.start() for m in re.finditer(r"\]", line[:stop])]
    parens = [m.start() for m in re.finditer(r"\)", line[:stop])]
    pos = begin
    while found := _MD_INLINE_START.search(line, pos, stop):
        start = found.start()
        if found[0][-1] != "[":  # emphasis or code
            yield start, found.end(), None
            pos = found.end()
            continue
        bracket = found.end() - 1
        close = _first_after(closes, bracket)
        paren = _first_after(parens, close + 1) if close is not None and line[close + 1:close + 2] == "(" else None
        if paren is None:  # no link here: the characters stay text
            pos = start + 1
            continue
        yield start, paren + 1, (bracket + 1, close)
        pos = paren + 1


def _first_after(positions: list[int], after: int) -> int | None:
    """The first of the sorted ``positions`` greater than ``after``."""
    index = bisect_right(positions, after)
    return positions[index] if index < len(positions) else None


def _page_texts(reader, size: int, source: str) -> Iterator[str]:
    """The text of each page, refused as soon as they hold more than ``PDF_MAX_CHARS_PER_BYTE``
    characters per byte of the file: a compression bomb, one stream shown on page after page."""
    budget, held = PDF_MAX_CHARS_PER_BYTE * size, 0
    for page in reader.pages:
        text = page.extract_text() or ""
        held += len(text)
        if held > budget:
            raise InputError(source, f"its text layer holds more than {PDF_MAX_CHARS_PER_BYTE} characters per byte "
                                     f"of the file ({size:,} bytes): a compression bomb? Refused")
        yield text


def pdf_text(data: bytes, source: str) -> tuple[str, str]:
    """The text layer of a PDF (the file's bytes), page after page, and its metadata title."""
    from io import BytesIO

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(source, "encrypted PDF (password required)")
        pages = list(_page_texts(reader, len(data), source))
        metadata = reader.metadata
        title = str(metadata.title or "") if metadata else ""
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as err:
        raise InputError(source, f"unreadable PDF ({type(err).__name__}: {err})") from None
    except Exception as err:  # pypdf raises many kinds on damaged files
        if "crypt" in str(err).lower():
            raise InputError(source, "encrypted PDF (password required)") from None
        raise InputError(source, f"unreadable PDF ({type(err).__name__})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise InputError(source, "no text layer (scanned PDF?)")
    return text, title.strip()
