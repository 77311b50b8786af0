"""People a text names, so that they are not taken for firms (people are no entity of the graph).

A firm's news names its managers, analysts and officials the way it names firms: as the subject
of what they say (王峰表示) and next to a firm's name (浙江圣熙资产基金经理王峰). A name right after
a post (基金经理王峰, 副秘书长阮军) is a person's, and so is the same name alone later in the text
(董事长邵增明 … 邵增明表示); a surname and one or two characters the dictionary does not know,
saying something, are a person too.
"""
from __future__ import annotations

import re

from kg.extract.candidates import Candidate
from kg.extract.lexicon import PERSON_TITLES, SPEECH_VERBS, SURNAMES
from kg.extract.names import word_tag

_SURNAME = "(?:" + "|".join(sorted(SURNAMES, key=len, reverse=True)) + ")"
_TITLE = "(?:" + "|".join(sorted(map(re.escape, PERSON_TITLES), key=len, reverse=True)) + ")"
#: What a person named says, after an adverb or to someone (张宇清就表示, 王峰对记者表示).
_SAYS = re.compile(rf"(?:也|则|就|还|均|又|对|向|在)?(?:{SPEECH_VERBS.pattern})")
#: What follows a person's name: what the person says, or a clause mark.
_AFTER_NAME = rf"(?={_SAYS.pattern}|[，。；、（(：:])"
_TITLED_NAME = re.compile(rf"{_TITLE}({_SURNAME}[\u4e00-\u9fff]{{1,2}}?){_AFTER_NAME}")
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


def drop_persons(text: str, cands: list[Candidate]) -> list[Candidate]:
    """The candidates less the firms that are people the text names."""
    persons = titled_persons(text)
    return [c for c in cands if c.type != "Enterprise" or not is_person(text, c.start, c.end, persons)]
