"""What the graph index says about one entity: its card (label, type, aliases, degree) and its
facts in both directions, counted per relation and read a page at a time.

The index holds every relation once, aggregated over documents (``edge``: weight = supporting
documents, best confidence), with both ends indexed, so the first page of a hub with 10k facts
costs a few indexed reads, not a scan of its evidence in Oxigraph.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kg.graph.facts import TYPE
from kg.graph.graph_index import ALIAS_SEPARATOR
from kg.model import ENTITY_TYPES

#: Facts per page on an entity page.
PAGE_SIZE = 50


@dataclass(frozen=True)
class Card:
    """An entity as the browse pages name it."""

    id: int  # row id in the graph index
    iri: str
    label: str
    type: str | None
    aliases: tuple[str, ...]
    degree: int


@dataclass(frozen=True)
class Fact:
    """One relation seen from one of its ends."""

    outgoing: bool  # the entity is the subject
    relation: str
    other: Card
    documents: int  # supporting documents
    confidence: float

    def triple(self, entity_iri: str) -> tuple[str, str, str]:
        """(head, relation, tail) of the fact."""
        return (entity_iri, self.relation, self.other.iri) if self.outgoing else (self.other.iri, self.relation, entity_iri)


@dataclass(frozen=True)
class Group:
    """The facts of one relation in one direction: how many, for the page's table of contents."""

    outgoing: bool
    relation: str
    count: int

    @property
    def key(self) -> str:
        return f"{'out' if self.outgoing else 'in'}:{self.relation}"


def first_type(types: dict[str, int] | list[str]) -> str | None:
    """The type a node with several shows under (ENTITY_TYPES order, as the exports choose)."""
    return min((t for t in types if t in ENTITY_TYPES), key=ENTITY_TYPES.index, default=None)


def cards(db: sqlite3.Connection, ids: list[int]) -> dict[int, Card]:
    """The cards of these node ids (unnamed, untyped nodes included: their IRI is their name)."""
    found: dict[int, Card] = {}
    for start in range(0, len(ids), 500):
        batch = ids[start:start + 500]
        marks = ", ".join("?" * len(batch))
        types: dict[int, list[str]] = {}
        for node, value in db.execute(f"SELECT node, value FROM name WHERE kind = {TYPE} AND node IN ({marks})", batch):
            types.setdefault(node, []).append(value)
        for node, iri, label, aliases, degree in db.execute(
                f"SELECT id, iri, label, aliases, degree FROM node WHERE id IN ({marks})", batch):
            found[node] = Card(node, iri, label or iri.rsplit("/", 1)[-1], first_type(types.get(node, [])),
                               tuple(aliases.split(ALIAS_SEPARATOR)) if aliases else (), degree)
    return found


def card(db: sqlite3.Connection, iri: str) -> Card | None:
    """The card of the entity ``iri``; None when no document types or names it (any more)."""
    row = db.execute("SELECT id FROM node WHERE iri = ?", (iri,)).fetchone()
    if row is None:
        return None
    found = cards(db, [row[0]]).get(row[0])
    return found if found is not None and found.type is not None else None


def groups(db: sqlite3.Connection, node: int) -> list[Group]:
    """The entity's facts counted per (direction, relation), outgoing first."""
    counted = [Group(True, relation, n) for relation, n in db.execute(
        "SELECT relation, COUNT(*) FROM edge WHERE head = ? GROUP BY relation ORDER BY relation", (node,))]
    counted += [Group(False, relation, n) for relation, n in db.execute(
        "SELECT relation, COUNT(*) FROM edge WHERE tail = ? GROUP BY relation ORDER BY relation", (node,))]
    return counted


def facts(db: sqlite3.Connection, node: int, *, group: Group | None = None, page: int = 0,
          size: int = PAGE_SIZE) -> list[Fact]:
    """One page of the entity's facts (of one group, or all), grouped by direction and relation,
    the best supported first."""
    parts, params = [], []
    for outgoing, this_end, other_end in ((True, "head", "tail"), (False, "tail", "head")):
        if group is not None and group.outgoing != outgoing:
            continue
        where = f"{this_end} = ?" + (" AND relation = ?" if group is not None else "")
        parts.append(f"SELECT {int(outgoing)} AS outgoing, relation, {other_end} AS other, weight, confidence "
                     f"FROM edge WHERE {where}")
        params += [node] + ([group.relation] if group is not None else [])
    rows = db.execute(" UNION ALL ".join(parts) + " ORDER BY outgoing DESC, relation, weight DESC, confidence DESC, "
                      "other LIMIT ? OFFSET ?", [*params, size, page * size]).fetchall()
    others = cards(db, sorted({row[2] for row in rows}))
    return [Fact(bool(outgoing), relation, others[other], weight, confidence)
            for outgoing, relation, other, weight, confidence in rows if other in others]
