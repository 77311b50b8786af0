"""People a text names, so that they are not taken for firms (people are no entity of the graph).

A firm's news names its managers, analysts and officials the way it names firms: as the subject
of what they say (王峰表示) and next to a firm's name (浙江圣熙资产基金经理王峰). A name right after
a post (基金经理王峰, 副秘书长阮军) is a person's, and so is the same name alone later in the text
(董事长邵增明 … 邵增明表示); a surname and one or two characters the dictionary does not know,
saying something, are a person too. Posts only firms have tell in turn that the name before
them is a firm's (浙江圣熙资产|基金经理|王峰).
"""
from __future__ import annotations

import re

from kg.extract.candidates import Candidate
from kg.extract.lexicon import (
    ENTERPRISE_SUFFIXES, FIRM_DIVISION, FIRM_POSTS, GENERIC_NAME_WORDS, NAME_BOUNDARY_WORDS, PERSON_TITLES,
    SPEECH_VERBS, SURNAMES,
)
from kg.extract.names import has_proper_part, word_tag
from kg.segmenter import cut_without_hmm

_SURNAME = "(?:" + "|".join(sorted(SURNAMES, key=len, reverse=True)) + ")"
_TITLE = "(?:" + "|".join(sorted(map(re.escape, PERSON_TITLES), key=len, reverse=True)) + ")"
_FIRM_POST = "(?:" + "|".join(sorted(map(re.escape, FIRM_POSTS), key=len, reverse=True)) + ")"
#: What a person named says, after an adverb or to someone (张宇清就表示, 王峰对记者表示).
_SAYS = re.compile(rf"(?:也|则|就|还|均|又|对|向|在)?(?:{SPEECH_VERBS.pattern})")
#: What follows a person's name: what the person says, or a clause mark.
_AFTER_NAME = rf"(?={_SAYS.pattern}|[，。；、（(：:])"
_TITLED_NAME = re.compile(rf"{_TITLE}({_SURNAME}[\u4e00-\u9fff]{{1,2}}?){_AFTER_NAME}")
_FIRM_POST_HOLDER = re.compile(rf"{_FIRM_POST}{_SURNAME}[\u4e00-\u9fff]{{1,2}}?{_AFTER_NAME}")
_NAME_SHAPE = re.compile(rf"{_SURNAME}[\u4e00-\u9fff]{{1,2}}")
_TITLE_BEFORE = re.compile(rf"{_TITLE}$")


def titled_persons(text: str) -> set[str]:
    """The names the text gives right after a post (总经理刘仁告诉, 基金经理王峰表示)."""
    return {match.group(1) for match in _TITLED_NAME.finditer(text)}


def is_person(text: str, start: int, end: int, persons: set[str]) -> bool:
    """Whether ``text[start:end]`` names a person: it ends in the name of one introduced with a
    post (``persons``), or is a name shape the dictionary does not know right after a post or
    saying something."""
    name = text[start:end]
    if name.endswith(tuple(persons)):
        return True  # 邵增明 alone, or a clause's words before the name (同时|阮军表示)
    if not _NAME_SHAPE.fullmatch(name) or word_tag(name) is not None:
        return False
    return bool(_TITLE_BEFORE.search(text, max(0, start - 5), start) or _SAYS.match(text, end))


#: Sources of firm names that read a firm from the text's words, not a span's shape: the company
#: list and the short forms (马钢表示 is the firm, though 马 is a surname); only a name the text
#: introduces with a post outweighs them.
_FIRM_EVIDENCE_SOURCES = ("gazetteer", "firm_short_form")


def drop_persons(text: str, cands: list[Candidate]) -> list[Candidate]:
    """The candidates less the firms that are people the text names."""
    persons = titled_persons(text)

    def names_person(cand: Candidate) -> bool:
        if cand.source.startswith(_FIRM_EVIDENCE_SOURCES):
            return cand.name in persons
        return is_person(text, cand.start, cand.end, persons)

    return [c for c in cands if c.type != "Enterprise" or not names_person(c)]


#: What ends the words before a firm's name: a clause's or a quotation's mark, or a description (…研究的|浙江圣熙资产).
_BEFORE_FIRM = frozenset("，。；：、,;:!?！？\n\r\t “”\"'‘’（）()《》的")
#: The longest name a firm's post is read after.
_POST_HOLDER_LENGTH = 10


def firms_before_posts(text: str, cands: list[Candidate]) -> list[Candidate]:
    """The firm a post only firms have belongs to, named right before it with its holder after it
    (浙江圣熙资产基金经理王峰表示, 宏远集团副总经理覃剑宇建议), past its division (徐福记|制造|总经理),
    back to the clause's start; not a bare 公司 or 集团, nor a name the rules have, and with a firm's
    suffix or a proper part (not 知名|基金经理)."""
    named = bytearray(len(text))  # a place or a sector may be in the firm's name (浙江|圣熙资产, 高工|LED), no body
    for cand in cands:
        if cand.type in ("Enterprise", "Organization"):
            named[cand.start:cand.end] = b"\x01" * cand.length
    whole = {(c.start, c.end) for c in cands}
    out = []
    for match in _FIRM_POST_HOLDER.finditer(text):
        end = match.start()
        division = FIRM_DIVISION.search(text, max(0, end - 8), end)
        if division and division.start() < end:
            end = division.start()
        start = end
        while start > 0 and end - start < _POST_HOLDER_LENGTH and text[start - 1] not in _BEFORE_FIRM:
            start -= 1
        name = text[start:end]
        if (end - start < 2 or start > 0 and text[start - 1] not in _BEFORE_FIRM or name in GENERIC_NAME_WORDS
                or _opens_with_grammar(name) or named.find(1, start, end) >= 0 or (start, end) in whole):
            continue
        if not (name.endswith(ENTERPRISE_SUFFIXES) or has_proper_part(name, name)):
            continue  # 知名|基金经理, 资深证券|分析师: how the text describes the person, no firm
        out.append(Candidate(start, end, "Enterprise", name, source="post_holder", confidence=0.6))
    return out


#: jieba tags of words that open a clause's grammar, not a name: prepositions, conjunctions,
#: adverbs, pronouns, particles (a verb may open a firm's name: 得利|钟表有限公司).
_GRAMMAR_TAGS = frozenset("p c d r u uj ul".split())


def _opens_with_grammar(name: str) -> bool:
    first = cut_without_hmm(name)[0]
    return first in NAME_BOUNDARY_WORDS or word_tag(first) in _GRAMMAR_TAGS
