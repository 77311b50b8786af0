"""Repair the artefacts PDF extraction leaves in Chinese text, keeping a map back to the source.

What the corpus shows, and what each step undoes:

* letter-spaced runs (``推 进 人 才 培 养``, ``目 前 ， 在``) and stray spaces around Chinese
  punctuation or between Chinese and Latin text: spaces are dropped there, but a space between
  two Latin/digit tokens or between two multi-character Chinese words (``李国正 刘亚杉``) stays;
* bold headings drawn twice (``王王 鹏鹏作作（（新华社发新华社发））``): a line whose every unit
  is doubled is undoubled; real repeats inside running text (``实实在在``) are left alone;
* full-width letters and digits, ``⋯`` for ``…``, half-width ``,;:?!()`` inside Chinese text;
* spaces a web page saved as ``?`` in a wrong encoding (``2022年9月1日????``) are spaces again;
* characters no text shows (controls, bidirectional overrides, non-characters: ``江苏\x01省``) are
  dropped, and U+0085 ends a line as CR and LF do;
* column text broken into short lines: lines are rejoined into paragraphs, while headings,
  bylines and title blocks stay lines of their own.

Every output character remembers the index of the input character it came from, so offsets in
the normalised text can be mapped back to the source (``offset_map``, an array of machine
integers: a list would hold an int object per character, 36 bytes each).
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.charsets import BIDI_CONTROLS, NONCHARACTERS, ZERO_WIDTH
from kg.ingest.headings import NUMBERED_LINE

#: Characters that end a sentence; a line ending in one of them ends its paragraph.
SENTENCE_END = frozenset("。！？；!?;…")
#: Closing quotes and brackets that belong to the sentence before them.
CLOSERS = frozenset("”’）》」』】〕〗］)]\"'")
#: Punctuation inside a sentence; a line carrying none may be a heading or a byline.
SENTENCE_PUNCT = frozenset("，。、；：！？,;:!?")
#: A line ending in one of these continues on the next line.
CONTINUES_AFTER = frozenset("，、：；（《“‘〈「『【—–-/+·&,:(")
#: A line starting with one of these continues the line before it.
CONTINUES_BEFORE = frozenset("，。、；：！？）》”’〉」』】…%‰,.;:!?)")

#: A tilde ending a line after a Chinese character: a chatty page's exclamation (快一起来看看~).
_CHATTY_END = re.compile(r"[\u4e00-\u9fff][~～]+$")
#: A line ending in a web address (//www.example.com/, http://host/path/): its slash closes the address.
_WEB_ADDRESS_END = re.compile(r"(?://|www\.)[\x21-\x7e]*/$")
_WHITESPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
#: Spaces a page lost to a wrong encoding: no-break or ideographic spaces saved as ``?`` (a foot
#: 2022年9月1日???????? , a line holding only ``?``); a question mark is never doubled in Chinese text.
_LOST_SPACES = re.compile(r"\?{2,}|^\s*\?\s*$")
#: Zero-width characters, byte-order marks and the form feeds / vertical tabs of PDF extraction: layout, no text.
_LAYOUT = ZERO_WIDTH + "\x0c\x0b"
#: Characters no text shows, which a document's bytes may still hold (a PDF's glyph codes, a binary
#: field pasted in, a spoofed name): C0 and C1 controls, DEL, bidirectional overrides, embeddings and
#: isolates (比\u202e亚迪 reads backwards on a page), non-characters and lone surrogates. XML 1.0 (GraphML,
#: GEXF) and IRIs cannot hold most of them, and a name holding one is no name a reader can find. They
#: are dropped, unlike layout, with a warning (:func:`unshown_characters`).
_UNSHOWN = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f" + BIDI_CONTROLS + NONCHARACTERS + "\ud800-\udfff"
_UNSHOWN_CHARS = re.compile(f"[{_UNSHOWN}]")
_DROPPED_CHARS = re.compile(f"[{_LAYOUT}{_UNSHOWN}]")
#: Line breaks: CR, LF, CRLF, NEL (U+0085, as EBCDIC and some converters end lines), and the line and
#: paragraph separators.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_PUNCT = re.compile(r"[,;:?!()]")
#: Each vowel of pinyin with its tone marks (``v`` is how pages without ``ü`` type it: 律(lv)).
_TONED_VOWELS = {"a": "aāáǎà", "e": "eēéěè", "i": "iīíǐì", "o": "oōóǒò", "u": "uūúǔù", "ü": "üǖǘǚǜv"}
#: The finals of Mandarin syllables; an initial may stand before each.
_PINYIN_FINALS = (
    "a o e i u ü ai ei ao ou an en ang eng ong er ia ie iao iu ian in iang ing iong "
    "ua uo uai ui uan un uang ueng ue üe üan ün"
).split()
#: The tone-marked vowels: a reading carrying one is pinyin whatever its length.
_TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_TONE_MARKS_OF = {vowel: forms[1:5] for vowel, forms in _TONED_VOWELS.items()}
#: Characters a gloss may follow: Chinese characters (as ``is_cjk``; the rare ones of extension A and
#: the compatibility block are glossed most of all).
_GLOSSED = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\u3007"


def _pinyin_syllable(*, toned: bool) -> str:
    """A pattern of one pinyin syllable: an initial and a final, or a final that stands alone (a, ai,
    er; an i-, u- or ü-final alone is spelled with y or w: yi, wu, yu). ``toned``: one of the final's
    vowels carries a tone mark; else tone marks are optional."""

    def spelled(final: str) -> list[str]:
        if not toned:
            return ["".join(f"[{_TONED_VOWELS[c]}]" if c in _TONED_VOWELS else c for c in final)]
        plain = {"ü": "[üv]"}
        return [
            "".join(f"[{_TONE_MARKS_OF[c]}]" if i == k else plain.get(c, c) for i, c in enumerate(final))
            for k, vowel in enumerate(final)
            if vowel in _TONE_MARKS_OF
        ]

    def finals(names: list[str]) -> str:
        return "|".join(form for final in sorted(names, key=len, reverse=True) for form in spelled(final))

    alone = [final for final in _PINYIN_FINALS if final[0] in "aoe"]
    return f"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])(?:{finals(_PINYIN_FINALS)})|(?:{finals(alone)}))"


#: One reading in a gloss: a syllable with a tone mark, or of two letters or more without (a lone
#: toneless letter is a list's label: 情形(a), 第(i)项, 条件(v)).
_PINYIN_READING = f"(?=[a-zü]*[{_TONE_MARKS}]|[a-zü]{{2}}){_pinyin_syllable(toned=False)}"
_TONED_READING = _pinyin_syllable(toned=True)
#: What a gloss's brackets hold: one reading, a character's several readings between slashes
#: (一(yī / yì /yí)), or a word's toned syllables, spaced or not (呼和浩特(hū hé hào tè); the
#: normaliser drops a space between Latin and a toned letter), eight at most (a run of syllables
#: parses in more than one way, fángān: fán|gān or fáng|ān, so an unbounded one backtracks
#: exponentially); a space a page left before the closing bracket (創(chuàng )造) is part of it.
_GLOSS_INSIDE = (
    rf"[ \t]*(?:{_TONED_READING}(?:[ \t]*{_TONED_READING}){{1,7}}"
    rf"|{_PINYIN_READING}(?:[ \t]*/[ \t]*{_PINYIN_READING})*)[ \t]*"
)
#: Pinyin glosses after a character, as simplified/traditional converters leave them, one or more
#: ((fā), （guān）, (zhi), 環(huan)(huan), brackets of either width mixed: （fang)).
#: (px), (GDP), (G240), (PM2.5), (km/h), (sh), a list's (a) and a name's (Zhang San) after a
#: character stay: capitals, digits, no syllable, or one letter without a tone.
_PINYIN_GLOSS = rf"(?<=[{_GLOSSED}])(?:[(（]{_GLOSS_INSIDE}[)）])+"
#: How every gloss starts: a bracket after a character, then a small or tone-marked letter. A text
#: without one holds no gloss, so the gloss patterns (~0.03 CPU-s each to compile, kg's costliest,
#: in every process) are compiled only once a text may hold one (few do).
_GLOSS_START = re.compile(rf"(?<=[{_GLOSSED}])[(（][ \t]*[a-zü{_TONE_MARKS}]")


@lru_cache(maxsize=1)
def _gloss_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The glosses anywhere, and a gloss closing a token (機構(gòu) |: the space after it is judged
    by the glossed character)."""
    return re.compile(_PINYIN_GLOSS), re.compile(rf"{_PINYIN_GLOSS}\Z")


def pinyin_glosses(text: str) -> Iterator[re.Match[str]]:
    """The pinyin glosses of ``text``, each run of them after a character one match."""
    if not _GLOSS_START.search(text):
        return iter(())
    return _gloss_patterns()[0].finditer(text)


def without_pinyin_glosses(text: str) -> str:
    """``text`` without its pinyin glosses."""
    if not _GLOSS_START.search(text):
        return text
    return _gloss_patterns()[0].sub("", text)


def _without_closing_gloss(token: str) -> str:
    if not _GLOSS_START.search(token):
        return token
    return _gloss_patterns()[1].sub("", token)

#: Longest line tested for doubled glyphs: bold headings are short.
_MAX_DOUBLED_LINE = 120
#: A heading is noticeably shorter than the line after it; a broken line is about as wide.
_HEADING_WIDTH_RATIO = 0.75
#: Lines of a title block (title, byline, source) are short.
_MAX_TITLE_LINE_WIDTH = 40.0


def _build_char_table() -> dict[int, str]:
    """One-to-one character repairs: full-width ASCII letters/digits/symbols, ellipsis glyph."""
    table = {code: chr(code - 0xFEE0) for code in range(0xFF10, 0xFF1A)}  # ０-９
    table.update({code: chr(code - 0xFEE0) for code in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
    table.update({code: chr(code - 0xFEE0) for code in range(0xFF41, 0xFF5B)})  # ａ-ｚ
    table.update({ord(c): chr(ord(c) - 0xFEE0) for c in "＃＄％＆＊＋－．／＜＝＞＠＾＿｀｜"})
    table[0x22EF] = "…"  # ⋯ MIDLINE HORIZONTAL ELLIPSIS, as PDF fonts draw ……
    return table


_CHAR_TABLE = _build_char_table()


def is_cjk(char: str) -> bool:
    """A Chinese character (ideograph), not punctuation."""
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF or code == 0x3007


def _is_narrow(char: str) -> bool:
    return char.isascii() and not char.isspace()


def _width(text: str) -> float:
    """Printed width in em: Chinese characters are one em, Latin letters and digits about half."""
    return len(text) - 0.5 * len(text.encode("ascii", "ignore"))


@dataclass
class _Line:
    """One cleaned line of the input: its characters and, for each, its index in the input."""

    text: str
    index: array  # of int
    end: int  # input index just after the line's last non-space character
    indented: bool  # the raw line started with white space: PDF text blocks start that way


def normalise(raw: str, *, rejoin_lines: bool = True) -> tuple[str, array]:
    """Normalised text and its offset map (normalised index → index in ``raw``).

    The map has ``len(text) + 1`` entries: the last maps the end of the text. Paragraphs and
    headings are separated by a single newline. ``rejoin_lines=False`` keeps every input line as
    a paragraph (for formats whose lines are already paragraphs: HTML blocks, Markdown).
    """
    lines = [line for line in _clean_lines(raw) if line.text]
    paragraph_lines = _median_width(lines) > _MAX_TITLE_LINE_WIDTH
    chars: list[str] = []
    index = offset_array()
    block_start = True
    for i, line in enumerate(lines):
        chars.append(line.text)
        index.extend(line.index)
        following = lines[i + 1] if i + 1 < len(lines) else None
        if following is None:
            break
        if rejoin_lines and _continues(line, following, block_start, paragraph_lines):
            if _is_narrow(line.text[-1]) and _is_narrow(following.text[0]):
                chars.append(" ")
                index.append(line.end)
            block_start = False
        else:
            chars.append("\n")
            index.append(line.end)
            block_start = True
    text = "".join(chars)
    index.append(lines[-1].end if lines else len(raw))
    return text, index


def offset_array(offsets: Iterable[int] = ()) -> array:
    """Offsets as an array of unsigned 32-bit integers, 4 bytes each (a 20M-character text's map
    is 80 MB, not 160; a text read whole is far below 2**32 characters)."""
    return array("I", offsets)


def unshown_characters(raw: str) -> Counter[str]:
    """How often ``raw`` holds each character no text shows (controls, bidirectional overrides,
    non-characters), which :func:`normalise` drops: the reader says so once."""
    return Counter(_UNSHOWN_CHARS.findall(raw))


def _median_width(lines: list[_Line]) -> float:
    widths = sorted(_width(line.text) for line in lines)
    return widths[len(widths) // 2] if widths else 0.0


def _clean_lines(raw: str) -> list[_Line]:
    lines = []
    start = 0
    for match in _LINE_BREAK.finditer(raw + "\n"):
        lines.append(_clean_line(raw, start, match.start()))
        start = match.end()
    return lines


def _clean_line(raw: str, start: int, stop: int) -> _Line:
    """Character repairs, undoubling and space repair of ``raw[start:stop]``."""
    segment = _LOST_SPACES.sub(lambda lost: " " * len(lost.group()), raw[start:stop].translate(_CHAR_TABLE))
    indented = bool(segment[:1].isspace())
    # Tokens: maximal runs of non-space characters, with the input index of each character.
    tokens: list[tuple[str, list[int]]] = []
    pos = 0
    for gap in _WHITESPACE.finditer(segment + " "):
        if gap.start() > pos:
            tokens.append(_token(segment, start, pos, gap.start()))
        pos = gap.end()
    tokens = [t for t in tokens if t[0]]
    if not tokens:
        return _Line("", offset_array(), start, indented)
    end = tokens[-1][1][-1] + 1
    undoubled = _undouble("".join(t[0] for t in tokens), [i for t in tokens for i in t[1]])
    if undoubled is not None:
        return _Line(undoubled[0], offset_array(undoubled[1]), end=end, indented=indented)
    text, index = _drop_pinyin_glosses(*_join_tokens(tokens))
    return _Line(_fullwidth_punct_in_chinese(text), offset_array(index), end, indented)


def _token(segment: str, offset: int, begin: int, stop: int) -> tuple[str, list[int]]:
    text = segment[begin:stop]
    if not _DROPPED_CHARS.search(text):
        return text, list(range(offset + begin, offset + stop))
    kept = [(c, offset + i) for i, c in enumerate(text, begin) if not _DROPPED_CHARS.match(c)]
    return "".join(c for c, _ in kept), [i for _, i in kept]


def _join_tokens(tokens: list[tuple[str, list[int]]]) -> tuple[str, list[int]]:
    """Join a line's tokens, keeping a space only where it separates words: a token's closing gloss is
    not looked at (機構(gòu) | keeps no space, as 機構 | does not), so a glossed page reads as its plain copy."""
    text, index = tokens[0][0], list(tokens[0][1])
    for (left, _), (right, right_index) in zip(tokens, tokens[1:]):
        if _keeps_space(_without_closing_gloss(left), right):
            text += " "
            index.append(index[-1] + 1)
        text += right
        index.extend(right_index)
    return text, index


def _keeps_space(left: str, right: str) -> bool:
    a, b = left[-1], right[0]
    if _is_narrow(a) and _is_narrow(b):
        return True  # between Latin words and numbers: "Offshore trade", "3.5 GHz"
    if is_cjk(a) and is_cjk(b):
        # Letter-spaced runs have single characters between the spaces; two words do not.
        return _cjk_run(reversed(left)) > 1 and _cjk_run(right) > 1
    return False  # around Chinese punctuation, and between Chinese and Latin text


def _cjk_run(chars: Iterable[str]) -> int:
    """Length of the run of Chinese characters at the start of ``chars``."""
    count = 0
    for char in chars:
        if not is_cjk(char):
            break
        count += 1
    return count


def _drop_pinyin_glosses(text: str, index: list[int]) -> tuple[str, list[int]]:
    """Text without the pinyin a character converter wrote after characters (發(fā)展, 關(guān)于):
    the glosses split titles, names and document numbers (滬府發(fā)〔2017〕92號)."""
    glosses = list(pinyin_glosses(text))
    if not glosses:
        return text, index
    kept = [True] * len(text)
    for match in glosses:
        kept[match.start():match.end()] = [False] * (match.end() - match.start())
    return "".join(c for c, k in zip(text, kept) if k), [i for i, k in zip(index, kept) if k]


def dropped_glosses(source: str, offset_map: Sequence[int]) -> tuple[array, array]:
    """Normalised offsets of the characters that follow a pinyin gloss the normaliser dropped
    (區(qū)|政府), and each gloss's length: that much of the gap it leaves in the offset map is no line
    break or space of the source; the rest is (機構(gòu) |宜興 drops a space after the gloss too)."""
    positions, lengths = offset_array(), offset_array()
    for gloss in pinyin_glosses(source):
        after = bisect_left(offset_map, gloss.end())
        if 0 < after < len(offset_map) and offset_map[after - 1] < gloss.start():
            positions.append(after)
            lengths.append(gloss.end() - gloss.start())
    return positions, lengths


def _fullwidth_punct_in_chinese(text: str) -> str:
    """Half-width ``,;:?!()`` next to a Chinese character become their full-width forms."""
    return _HALF_PUNCT.sub(_to_fullwidth, text)


def _to_fullwidth(match: re.Match[str]) -> str:
    text, i = match.string, match.start()
    if (i and is_cjk(text[i - 1])) or (i + 1 < len(text) and is_cjk(text[i + 1])):
        return _HALF_TO_FULL[match.group()]
    return match.group()


def _undouble(text: str, index: list[int]) -> tuple[str, list[int]] | None:
    """Undo a line drawn twice (bold headings), or ``None`` if the line is not doubled.

    The whole line must parse as doubled units, each either one glyph twice (``王王``) or a run
    twice (``新华社发新华社发``), with at least two units, so that ``谢谢`` or ``研究研究`` on a
    line of their own and ordinary text with a repeat inside stay as they are.
    """
    n = len(text)
    if n < 4 or n > _MAX_DOUBLED_LINE or n % 2 or not any(is_cjk(c) for c in text):
        return None
    out: list[str] = []
    out_index: list[int] = []
    i = 0
    while i < n:
        if text[i] == text[i + 1]:
            size = 1
        else:
            size = next(
                (k for k in range(2, (n - i) // 2 + 1) if text[i:i + k] == text[i + k:i + 2 * k]),
                0,
            )
            if not size:
                return None
        out.append(text[i:i + size])
        out_index.extend(index[i:i + size])
        i += 2 * size
    if len(out) < 2:
        return None
    return "".join(out), out_index




def ends_sentence(text: str) -> bool:
    """The text ends with sentence-final punctuation, possibly followed by closing quotes, or with the
    tilde a chatty page ends a sentence with (快一起来看看~; a range's tilde follows a digit: 3~)."""
    stripped = text.rstrip("".join(CLOSERS))
    return bool(stripped) and (stripped[-1] in SENTENCE_END or bool(_CHATTY_END.search(stripped)))


def _continues(line: _Line, following: _Line, block_start: bool, paragraph_lines: bool) -> bool:
    """Whether ``following`` continues the paragraph of ``line`` (PDF line break) or starts anew.

    ``paragraph_lines``: the text holds one paragraph per line (typical lines are long), so a
    line break inside a paragraph is rare and a short line is a heading unless it splits a word.
    """
    text, nxt = line.text, following.text
    if ends_sentence(text):
        return False
    if NUMBERED_LINE.match(nxt) and not _open_bracket(text):
        return False  # a numbered heading or item starts anew
    if NUMBERED_LINE.match(text) and _width(text) <= _MAX_TITLE_LINE_WIDTH and not any(c in "，。；！？" for c in text):
        return False  # a numbered heading: 一、基本情况
    if _WEB_ADDRESS_END.search(text) and is_cjk(nxt[0]):
        return False  # a web address's closing slash: Chinese text never goes on with it
    if text[-1] in CONTINUES_AFTER or nxt[0] in CONTINUES_BEFORE:
        return True
    if not block_start or any(c in "。！？；" for c in text):
        return True  # inside a paragraph, or a paragraph's first line (it has a full stop)
    # ``line`` opens a block and has no full stop: a heading, or the first line of a paragraph.
    if _open_bracket(text):
        return True  # inside 《…》, “…” or （…）
    if text[0] == "（" and text[-1] == "）":
        return False  # a source or author note: （中国经济网供稿）
    if following.indented or (line.indented and not _has_sentence_punct(text)):
        return False  # PDF text blocks (titles, new columns) start indented
    if _splits_word(text, nxt):
        return True
    if paragraph_lines:
        return _width(text) > _MAX_TITLE_LINE_WIDTH
    if not _has_sentence_punct(text) and not _has_sentence_punct(nxt) and _width(nxt) <= _MAX_TITLE_LINE_WIDTH:
        return False  # a title block: title, subtitle, byline lines without punctuation
    return _width(text) >= _HEADING_WIDTH_RATIO * _width(nxt)


_PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"))


def _open_bracket(text: str) -> bool:
    return any(text.count(left) > text.count(right) for left, right in _PAIRS)


def _has_sentence_punct(text: str) -> bool:
    return any(c in SENTENCE_PUNCT for c in text)


def _splits_word(left: str, right: str) -> bool:
    """The line break falls inside a word (``组织行|业``): the lines belong together."""
    tail, head = left[-3:], right[:3]
    if not (is_cjk(tail[-1]) and is_cjk(head[0])):
        return False
    return _segmented_inside(tail + head, len(tail))


@lru_cache(maxsize=4096)
def _segmented_inside(window: str, cut: int) -> bool:
    position = 0
    for word in _tokenizer().cut(window, HMM=False):
        if position < cut < position + len(word):
            return True
        position += len(word)
    return False


def _tokenizer():  # type: ignore[no-untyped-def]
    """jieba's shared tokenizer (extraction loads it anyway)."""
    from kg.segmenter import jieba_tokenizer

    return jieba_tokenizer()
