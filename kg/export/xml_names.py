"""XML 1.0 (fourth edition) name characters, for GraphML node ids (``xs:NMTOKEN``).

libxml2 (xmllint, lxml) checks NMTOKENs against the fourth edition's Appendix B tables, which
follow Unicode 2.0: ``、``, ``（``, ``）``, ``—`` or an ideograph after U+9FA5 are not name
characters there, though the fifth edition allows them. The ranges below are the parts of those
tables our names draw on (Latin, Greek, Cyrillic, kana, bopomofo, Hangul, the unified ideographs
and their extenders); every other character is escaped, so an id never holds a character the
tables lack. ``_`` is escaped too, which keeps the escaping reversible.
"""
from __future__ import annotations

import re

#: (first, last) code points kept as they are: a subset of Letter | Digit | Extender | '.' | '-' | ':'.
NAME_CHAR_RANGES: tuple[tuple[int, int], ...] = (
    (0x2D, 0x2E), (0x30, 0x3A), (0x41, 0x5A), (0x61, 0x7A),  # - . 0-9 : A-Z a-z
    (0xB7, 0xB7),  # extender ·
    (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0xFF), (0x100, 0x131), (0x134, 0x13E), (0x141, 0x148),
    (0x14A, 0x17E),  # Latin-1 and Latin Extended-A letters
    (0x388, 0x38A), (0x38C, 0x38C), (0x38E, 0x3A1), (0x3A3, 0x3CE),  # Greek
    (0x401, 0x40C), (0x40E, 0x44F), (0x451, 0x45C), (0x45E, 0x481),  # Cyrillic
    (0x3005, 0x3005), (0x3007, 0x3007), (0x3021, 0x3029), (0x3031, 0x3035),  # 々 〇 〡-〩 〱-〵
    (0x3041, 0x3094), (0x309D, 0x309E), (0x30A1, 0x30FA), (0x30FC, 0x30FE),  # kana
    (0x3105, 0x312C),  # bopomofo
    (0x4E00, 0x9FA5),  # CJK unified ideographs of Unicode 2.0
    (0xAC00, 0xD7A3),  # Hangul syllables
)

_NOT_NAME_CHAR = re.compile(
    "[^" + "".join(f"\\u{first:04x}-\\u{last:04x}" for first, last in NAME_CHAR_RANGES) + "]"
)


def escape_non_name_chars(text: str) -> str:
    """``text`` with every character outside :data:`NAME_CHAR_RANGES` written ``_xHHHH_`` (the
    XmlConvert.EncodeName convention; ``_xHHHHHH_`` beyond the BMP)."""
    return _NOT_NAME_CHAR.sub(_encode, text)


def _encode(match: re.Match) -> str:
    return f"_x{ord(match.group()):04X}_"
