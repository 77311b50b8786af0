"""Name forms used for matching: what of a Chinese name identifies the entity and what is
decoration (spaces, quotes, brackets, administrative and legal-form suffixes, year spans).

Every function here is pure and cheap; the index calls them once per stored name.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from kg.extract.lexicon import TITLE_ISSUER_END

# Longest first: the first suffix that matches is the one stripped.
ADMIN_SUFFIXES: tuple[str, ...] = (
    "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县",
    "新片区", "新区", "地区", "省", "市", "区", "县", "盟", "旗",
)
#: Administrative suffixes that mark a *level*: two names with different ones are different places
#: (吉林省 / 吉林市) even when their stems agree.
_LEVEL = {
    "特别行政区": "province", "维吾尔自治区": "province", "壮族自治区": "province",
    "回族自治区": "province", "自治区": "province", "省": "province", "市": "city",
    "自治州": "city", "盟": "city", "区": "district", "县": "county", "自治县": "county",
    "旗": "county", "地区": "area", "新区": "new_area", "新片区": "zone",
}
# Legal forms of companies, longest first; stripped repeatedly (…集团股份有限公司).
LEGAL_FORMS: tuple[str, ...] = (
    "集团股份有限公司", "集团有限责任公司", "股份有限公司", "集团有限公司", "有限责任公司",
    "控股有限公司", "有限公司", "股份公司", "集团公司", "控股集团", "集团", "公司",
    "co.,ltd.", "co.,ltd", "co.ltd", "ltd.", "ltd", "inc.", "inc", "corp.", "corp", "group",
)
# Trade words a brand carries before its legal form (华为技术有限公司 → 华为,
# 合肥国轩高科动力能源有限公司 → 国轩高科); stripped from the end, repeatedly.
_TRADE_WORDS: tuple[str, ...] = (
    "新能源", "科技", "技术", "实业", "控股", "股份", "动力", "能源", "工业", "汽车", "电子",
    "信息", "网络", "软件", "智能", "生物", "医药", "材料", "电池",
)
_NO_PLACES: Mapping[str, str] = MappingProxyType({})
_LONGEST_PLACE = 8  # characters of the longest place name looked for at the start of a name
#: A brand left after stripping a place prefix must be this long (国轩高科; not 汽车 of 北京汽车).
MIN_BRAND = 3
# Industry names are canonical without a trailing 产业/行业 (guideline).
_INDUSTRY_SUFFIXES: tuple[str, ...] = ("产业", "行业")

_SPACE = re.compile(r"\s+")
_QUOTES = re.compile(r"[《》〈〉“”\"'‘’「」『』【】]")
_BRACKETED = re.compile(r"[（(]([^（）()]*)[)）]")
_YEAR_SPAN = re.compile(r"^\s*(\d{4})\s*(?:[—\-–~至到]+\s*(\d{4}))?\s*年?\s*$")
_TRIAL = {"试行", "暂行", "草案", "征求意见稿", "修订"}


def clean(name: str) -> str:
    """A name as written, minus layout: NFKC (full-width → half-width), no whitespace, no
    quotes or book-title marks, lower-case Latin letters."""
    text = unicodedata.normalize("NFKC", name)
    text = _QUOTES.sub("", _SPACE.sub("", text))
    return text.lower()


class NameForm(NamedTuple):
    """The parts of a name that matching compares.

    ``core`` identifies the entity within its type once decoration is gone; ``suffix`` is the
    stripped administrative suffix or legal form (kept so 吉林省 and 吉林市 stay apart);
    ``qualifier`` is a bracketed year span or status of a policy title (2021—2035, 试行);
    ``issuer`` the issuing body a policy title names before 关于 (江苏省人民政府关于…的实施意见).
    """

    cleaned: str
    core: str
    suffix: str = ""
    qualifier: str = ""
    issuer: str = ""

    @property
    def level(self) -> str:
        return _LEVEL.get(self.suffix, "")


def name_form(name: str, entity_type: str, places: Mapping[str, str] = _NO_PLACES) -> NameForm:
    """Split ``name`` of an entity of ``entity_type`` into the parts matching compares.

    ``places`` maps place names to the short form a name may start with instead (浙江省 → 浙江:
    浙江省跨境电商产业带 = 浙江跨境电商产业带; ambiguous short forms such as 吉林 are not
    offered). Company names may also drop a leading place (合肥国轩高科 → 国轩高科) if the brand
    left is still distinctive (北京汽车 keeps its place: 汽车 is no brand).
    """
    cleaned = clean(name)
    if entity_type == "Region":
        core, suffix = _strip_one(cleaned, ADMIN_SUFFIXES)
        return NameForm(cleaned, _short_place_prefix(core, places), suffix)
    if entity_type == "Enterprise":
        core, suffix = cleaned, ""
        while True:
            stripped, legal = _strip_one(core, LEGAL_FORMS)
            if not legal:
                break
            core, suffix = stripped, legal + suffix
        if suffix:  # 华为技术有限公司 → 华为, but 小米科技 alone is a brand as written
            while True:
                stripped, word = _strip_one(core, _TRADE_WORDS)
                if not word or stripped in places:
                    break
                core = stripped
        for size in (3, 2):
            if core[:size] in places and len(core) - size >= MIN_BRAND:
                core = core[size:]
                break
        return NameForm(cleaned, _short_place_prefix(core, places), suffix)
    if entity_type == "Industry":
        core, suffix = _strip_one(cleaned, _INDUSTRY_SUFFIXES)
        return NameForm(cleaned, core, suffix)
    if entity_type == "Policy":
        qualifiers = [q for q in _BRACKETED.findall(cleaned) if _is_qualifier(q)]
        core = _BRACKETED.sub(lambda m: "" if _is_qualifier(m.group(1)) else m.group(0), cleaned)
        issuer, core = split_issuer(core)
        return NameForm(cleaned, _short_place_prefix(core, places), "",
                        "|".join(_canonical_qualifier(q) for q in qualifiers), issuer)
    return NameForm(cleaned, _short_place_prefix(cleaned, places))


def split_issuer(title: str) -> tuple[str, str]:
    """(issuing body, rest) of a policy title that names its issuer before 关于
    (江苏省人民政府关于加快…的实施意见 → 江苏省人民政府, 关于加快…的实施意见); ("", title) otherwise."""
    at = title.find("关于")
    if at > 1 and TITLE_ISSUER_END.search(title[:at]):
        return title[:at], title[at:]
    return "", title


def _short_place_prefix(core: str, places: Mapping[str, str]) -> str:
    """``core`` with a leading place name in its short form (浙江省元宇宙… → 浙江元宇宙…)."""
    for size in range(min(len(core) - 1, _LONGEST_PLACE), 1, -1):
        short = places.get(core[:size])
        if short is not None:
            return short + core[size:]
    return core


def _strip_one(text: str, suffixes: tuple[str, ...], min_core: int = 2) -> tuple[str, str]:
    if not text.endswith(suffixes):
        return text, ""
    for suffix in suffixes:
        if text.endswith(suffix) and len(text) - len(suffix) >= min_core:
            return text[: -len(suffix)], suffix
    return text, ""


def _is_qualifier(text: str) -> bool:
    return bool(_YEAR_SPAN.match(text)) or text in _TRIAL


def _canonical_qualifier(text: str) -> str:
    years = _YEAR_SPAN.match(text)
    if years:
        return "-".join(y for y in years.groups() if y)
    return text


#: Characters whose insertion or deletion does not change what a name denotes.
WEAK_CHARACTERS = frozenset("的和与及之、,，·-—–_.:：;；()（）年")
_DROP_WEAK = {ord(ch): None for ch in WEAK_CHARACTERS}


def skeleton(core: str) -> str:
    """``core`` without the characters that carry no identity: names whose skeletons agree
    differ only in 的/和/punctuation (关于加快X发展的意见 / 关于加快X发展意见)."""
    return core.translate(_DROP_WEAK)
