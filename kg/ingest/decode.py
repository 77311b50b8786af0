"""Turn the bytes of a text file into text, recording which encoding was used, never guessing silently."""
from __future__ import annotations

import codecs

from kg.errors import InputError

#: How much of a file is inspected to tell text from binary.
_SNIFF_BYTES = 8192
#: Share of control characters above which a file is binary, not text.
_MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x0b\x1b")
_TEXT_CONTROL_CHARS = frozenset(chr(byte) for byte in _TEXT_CONTROLS)


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """``(text, encoding)`` of a text file's bytes.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded strictly; bytes that look binary
    may be UTF-16 without a BOM (:func:`_utf16_without_bom`); otherwise GB18030 (a superset of GBK
    and GB2312) strictly, accepted only if the result reads as Chinese; charset-normalizer is asked
    last. Raises ``InputError`` for binary or undecodable bytes.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig", source), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", source), "utf-16"
    if is_binary(data):
        found = _utf16_without_bom(data)
        if found is None:
            raise InputError(source, "binary file, not text")
        return found
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _reads_as_chinese(text):
        return text, "gb18030"
    return _detected(data, source)


def is_binary(data: bytes) -> bool:
    """NUL bytes or many control characters near the start: not a text file."""
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    return bool(head) and controls / len(head) > _MAX_CONTROL_SHARE


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` of UTF-16 saved without a byte-order mark (as some Windows tools do):
    the NUL half of each ASCII character (line breaks, digits) is what made it look binary. One
    byte order must decode it strictly to text that reads as Chinese, with no more control characters
    than a text file's bytes may hold (a stray one is dropped as the text is normalised, as in UTF-8);
    binary data does neither."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in text if ord(c) < 32 and c not in _TEXT_CONTROL_CHARS)
        if controls <= _MAX_CONTROL_SHARE * len(text) and _reads_as_chinese(text):
            return text, encoding
    return None


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(source, f"undecodable text: invalid {encoding} at byte {err.start}") from None


def _reads_as_chinese(text: str) -> bool:
    """GB18030 decodes many byte strings; real Chinese text is mostly common ideographs."""
    wide = [c for c in text if not c.isascii()]
    if not wide:
        return True
    common = sum(
        1
        for c in wide
        if "\u4e00" <= c <= "\u9fa5"  # CJK ideographs
        or "\u3000" <= c <= "\u303f"  # CJK punctuation
        or "\uff00" <= c <= "\uffef"  # full-width forms
        or "\u2010" <= c <= "\u206f"  # general punctuation: “” — …
    )
    return common / len(wide) >= 0.9


def _detected(data: bytes, source: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.chaos > 0.2:
        raise InputError(source, "undecodable text: neither UTF-8 nor GB18030")
    return str(best), best.encoding
