"""Finding entities by name: canonical names and aliases, matched exactly, as a prefix or anywhere
inside (case-insensitively), ranked exact label > exact alias > prefix > substring, then by degree
(the better connected first), then the shorter name.

A substring cannot be looked up in a B-tree, and scanning the graph index's name rows in SQLite
takes 40–60 ms at 100k entities. So the names are read from the graph index once into a
:class:`NameList` — every node's names lower-cased and joined into one string — in which
``str.find`` locates every occurrence in a few milliseconds (bench/bench_browse.py). The list
belongs to one state of the index: every write of this process goes through the index's
connection (``kg serve`` holds the store), so its change count tells when to read it again.
"""
from __future__ import annotations

import heapq
import re
import sqlite3
import threading
from bisect import bisect_right
from dataclasses import dataclass

from kg.graph.facts import TYPE
from kg.graph.graph_index import ALIAS_SEPARATOR, GraphIndex
from kg.model import ENTITY_TYPES
from kg.server.browse.entities import Card, cards

#: Results per search page, and at most this many per request.
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
#: Longest query text looked for.
MAX_QUERY_LENGTH = 100

EXACT_LABEL, EXACT_ALIAS, PREFIX, SUBSTRING = range(4)
MATCH_KIND = {EXACT_LABEL: "exact", EXACT_ALIAS: "alias", PREFIX: "prefix", SUBSTRING: "substring"}
#: Separates names in the joined string (a name's own line breaks become spaces there).
_SEPARATOR = "\n"
_NO_MATCH = (len(MATCH_KIND), 0)


@dataclass(frozen=True)
class Hit:
    entity: Card
    match: str  # exact, alias, prefix, substring
    matched_name: str  # the label or alias that matched


@dataclass(frozen=True)
class Results:
    total: int
    hits: list[Hit]


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class NameList:
    """Every typed node's names (label first, then aliases) as one lower-cased string, with the
    node each name belongs to."""

    def __init__(self, db: sqlite3.Connection) -> None:
        type_rank = " ".join(f"WHEN {_sql_text(t)} THEN {i}" for i, t in enumerate(ENTITY_TYPES))
        rows = db.execute(
            f"SELECT n.id, n.label, n.aliases, n.degree, MIN(CASE t.value {type_rank} END) AS rank FROM node n "
            f"JOIN name t ON t.node = n.id AND t.kind = {TYPE} WHERE n.label IS NOT NULL "
            "GROUP BY n.id HAVING rank IS NOT NULL")
        self.nodes: list[int] = []  # per name: its node id
        self.names: list[str] = []  # per name: as stored
        self.is_label: list[bool] = []  # per name
        self.starts: list[int] = []  # per name: where it starts in ``text``
        self.types: dict[int, str] = {}
        self.degrees: dict[int, int] = {}
        at = 0
        for node, label, aliases, degree, rank in rows:
            self.types[node], self.degrees[node] = ENTITY_TYPES[rank], degree
            names = [label, *aliases.split(ALIAS_SEPARATOR)] if aliases else [label]
            self.nodes += [node] * len(names)
            self.names += names
            self.is_label += [True] + [False] * (len(names) - 1)
            for name in names:
                self.starts.append(at)
                at += len(name) + 1
        one_line = [name.replace(_SEPARATOR, " ") for name in self.names]
        joined = _SEPARATOR.join(one_line)
        self.text = joined.lower()
        if len(self.text) != len(joined):  # a character whose lower case is longer: keep offsets
            self.text = _SEPARATOR.join(n.lower() if len(n.lower()) == len(n) else n for n in one_line)
        self.exact: dict[str, list[int]] = {}  # lower-cased name -> its name indexes
        for i, name in enumerate(self.text.split(_SEPARATOR)):
            self.exact.setdefault(name, []).append(i)

    def find(self, text: str, entity_type: str | None) -> dict[int, tuple[int, int]]:
        """Per node with a name containing ``text`` (lower-cased): its best (rank, name index)."""
        starts, nodes = self.starts, self.nodes
        positions = [match.start() for match in re.finditer(re.escape(text), self.text)]
        best: dict[int, tuple[int, int]] = {}
        for at, i in zip(positions, [bisect_right(starts, at) - 1 for at in positions]):
            key = (PREFIX if at == starts[i] else SUBSTRING, i)
            if key < best.get(nodes[i], _NO_MATCH):
                best[nodes[i]] = key
        for i in self.exact.get(text, ()):
            best[nodes[i]] = min(best[nodes[i]], (EXACT_LABEL if self.is_label[i] else EXACT_ALIAS, i))
        if entity_type is not None:
            best = {node: key for node, key in best.items() if self.types[node] == entity_type}
        return best


class Searcher:
    """Search over the graph index, its name list read again whenever the index has changed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state: tuple[int, int] | None = None
        self._names: NameList | None = None

    @staticmethod
    def state(index: GraphIndex) -> tuple[int, int]:
        """Which state the index is in; read it before opening the snapshot searched, so that a
        list is never older than the state it is kept for."""
        return id(index), index.db.total_changes

    def names(self, state: tuple[int, int], db: sqlite3.Connection) -> NameList:
        """The name list of the index in ``state`` (``db``: a read of it, or of a later one)."""
        with self._lock:
            if self._names is None or self._state != state:
                self._names, self._state = NameList(db), state
            return self._names

    def search(self, state: tuple[int, int], db: sqlite3.Connection, text: str, *, entity_type: str | None = None,
               limit: int = DEFAULT_LIMIT, offset: int = 0) -> Results:
        """Entities with a name containing ``text``, best first."""
        text = text.strip().lower()
        if not text or _SEPARATOR in text:
            return Results(0, [])
        names = self.names(state, db)
        best = names.find(text, entity_type)
        page = heapq.nsmallest(offset + limit, best.items(), key=lambda item: (
            item[1][0], -names.degrees[item[0]], len(names.names[item[1][1]]), names.names[item[1][1]], item[0]))[offset:]
        found = cards(db, [node for node, _ in page])
        return Results(len(best), [Hit(found[node], MATCH_KIND[rank], names.names[i])
                                   for node, (rank, i) in page if node in found])
