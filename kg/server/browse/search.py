"""Finding entities by name in the graph index: canonical names and aliases, matched exactly, as
a prefix or anywhere inside, ranked exact label > exact alias > prefix > substring, then by
degree (the better connected first).

One SQL statement over the ``name`` table (every label and alias each node is given), grouped per
node, ranked and cut by SQLite: a substring match cannot use a B-tree, but the scan is of short
strings in one table (~20 ms at 100k entities, bench/bench_browse.py).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kg.graph.facts import ALIAS, LABEL, TYPE
from kg.server.browse.entities import Card, cards

#: Results per search page, and at most this many per request.
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
#: Longest query text looked for.
MAX_QUERY_LENGTH = 100

EXACT_LABEL, EXACT_ALIAS, PREFIX, SUBSTRING = range(4)
MATCH_KIND = {EXACT_LABEL: "exact", EXACT_ALIAS: "alias", PREFIX: "prefix", SUBSTRING: "substring"}


@dataclass(frozen=True)
class Hit:
    entity: Card
    match: str  # exact, alias, prefix, substring
    matched_name: str  # the label or alias that matched


@dataclass(frozen=True)
class Results:
    total: int
    hits: list[Hit]


def search(db: sqlite3.Connection, text: str, *, entity_type: str | None = None, limit: int = DEFAULT_LIMIT,
           offset: int = 0) -> Results:
    """Entities with a name containing ``text`` (case-insensitively), best first."""
    text = text.strip().lower()
    if not text:
        return Results(0, [])
    type_filter = (f" AND EXISTS (SELECT 1 FROM name t WHERE t.node = name.node AND t.kind = {TYPE} AND t.value = :type)"
                   if entity_type else "")
    rows = db.execute(
        "SELECT m.node, m.rank, m.value, COUNT(*) OVER () FROM ("
        "  SELECT node, value, MIN(CASE WHEN lower(value) = :q THEN kind - :label"
        f"   WHEN substr(lower(value), 1, length(:q)) = :q THEN {PREFIX} ELSE {SUBSTRING} END) AS rank"
        f"  FROM name WHERE kind IN ({LABEL}, {ALIAS}) AND instr(lower(value), :q) > 0{type_filter}"
        "  GROUP BY node) m JOIN node n ON n.id = m.node "
        "ORDER BY m.rank, n.degree DESC, length(n.label), n.label LIMIT :limit OFFSET :offset",
        {"q": text, "label": LABEL, "type": entity_type, "limit": limit, "offset": offset}).fetchall()
    found = cards(db, [row[0] for row in rows])
    hits = [Hit(found[node], MATCH_KIND[rank], value) for node, rank, value, _ in rows
            if node in found and found[node].type is not None]
    return Results(rows[0][3] if rows else 0, hits)
