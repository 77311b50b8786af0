"""The guard against near-miss merges: names that look alike but name different things.

Fuzzy similarity alone cannot tell 江苏 from 江西 (one character apart, like 江苏 and 江苏省), so a
fuzzy candidate must also pass these checks: the same administrative level, no substituted
character (a substitution changes the distinctive part: 苏/西, 江/商, 四/五; identity characters
that only one side has, on both sides, are one too: 海口市… / 北海市…), and insertions only
of characters that carry no identity (的, 和, punctuation), except a few inside long titles.
"""
from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from kg.link.names import WEAK_CHARACTERS, NameForm
#: Titles at least this long tolerate this many inserted identity-carrying characters
#: (关于加快推进X发展的意见 / 关于加快X发展的意见) as long as the head (last two characters) agrees.
LONG_TITLE = 10
LONG_TITLE_INSERTIONS = 2


def near_miss(a: NameForm, b: NameForm) -> str | None:
    """Why ``a`` and ``b`` must not be merged, or None when nothing forbids it."""
    if a.level and b.level and a.level != b.level:
        return f"different administrative level ({a.suffix} / {b.suffix})"
    if a.qualifier and b.qualifier and a.qualifier != b.qualifier:
        return f"different edition ({a.qualifier} / {b.qualifier})"
    if a.issuer and b.issuer and a.issuer != b.issuer:
        return f"different issuers ({a.issuer} / {b.issuer})"
    x, y = a.core, b.core
    if x == y:
        return None
    only_a = only_b = ""
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(x, y):
        if tag == "replace":
            return f"differing characters {x[i1:i2]!r} / {y[j1:j2]!r}"
        if tag == "delete":
            only_a += "".join(ch for ch in x[i1:i2] if ch not in WEAK_CHARACTERS)
        elif tag == "insert":
            only_b += "".join(ch for ch in y[j1:j2] if ch not in WEAK_CHARACTERS)
    if only_a and only_b:  # 海口市… / 北海市…: an insertion and a deletion are a substitution
        return f"differing characters {only_a!r} / {only_b!r}"
    inserted = len(only_a) + len(only_b)
    if inserted == 0:
        return None
    if min(len(x), len(y)) >= LONG_TITLE and inserted <= LONG_TITLE_INSERTIONS and x[-2:] == y[-2:]:
        return None
    return f"distinctive characters differ ({x} / {y})"
