"""An entity's 1–2 hop neighbourhood as a small graph for the browser (sigma.js + graphology):
nodes coloured by type as in the exports, placed on rings around the entity, capped for hubs.

Capping keeps the best connected neighbours (most supporting documents, then degree), so a hub
shows its strongest ties rather than a random sample, and says how many it left out.
"""
from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass, field

from kg.export.xml import TYPE_COLOR
from kg.server.browse.entities import Card, cards
from kg.server.browse.links import local_path

#: At most this many neighbours of the centre, and of each first-hop node on the second hop.
MAX_FIRST_HOP = 60
MAX_SECOND_HOP = 8
#: At most this many nodes in all.
MAX_NODES = 200
MAX_HOPS = 2


@dataclass
class Neighbourhood:
    centre: Card
    hops: int
    nodes: dict[int, Card] = field(default_factory=dict)
    rings: dict[int, int] = field(default_factory=dict)  # node → hop
    parents: dict[int, int] = field(default_factory=dict)  # node → the node it was reached from
    edges: set[tuple[int, str, int]] = field(default_factory=set)
    truncated: bool = False

    def to_json(self) -> dict:
        """Nodes with positions, colours and links; edges with their relation."""
        positions = self._layout()
        return {
            "centre": self.centre.iri,
            "hops": self.hops,
            "truncated": self.truncated,
            "nodes": [{
                "key": str(node), "label": card.label, "type": card.type, "iri": card.iri,
                "url": local_path(card.iri), "color": "#%02x%02x%02x" % TYPE_COLOR.get(card.type, (150, 150, 150)),
                "size": 14 if node == self.centre.id else max(4, 10 - 3 * self.rings[node]) + min(4, math.log1p(card.degree)),
                "x": positions[node][0], "y": positions[node][1], "hop": self.rings[node],
            } for node, card in self.nodes.items()],
            "edges": [{"key": f"{h}-{relation}-{t}", "source": str(h), "target": str(t), "relation": relation}
                      for h, relation, t in sorted(self.edges)],
        }

    def _layout(self) -> dict[int, tuple[float, float]]:
        """The centre at the origin, the first hop on a circle, each second-hop node near its parent."""
        positions = {self.centre.id: (0.0, 0.0)}
        first = [n for n, hop in self.rings.items() if hop == 1]
        angles = {n: 2 * math.pi * i / max(1, len(first)) for i, n in enumerate(first)}
        for node, angle in angles.items():
            positions[node] = (math.cos(angle), math.sin(angle))
        children: dict[int, list[int]] = {}
        for node, hop in self.rings.items():
            if hop == 2:
                children.setdefault(self.parents[node], []).append(node)
        spread = math.pi / max(1, len(first))
        for parent, kids in children.items():
            for i, node in enumerate(kids):
                angle = angles[parent] + spread * ((i + 0.5) / len(kids) - 0.5)
                positions[node] = (2 * math.cos(angle), 2 * math.sin(angle))
        return positions


def neighbourhood(db: sqlite3.Connection, centre: Card, hops: int = 1) -> Neighbourhood:
    """``centre`` and what lies within ``hops`` (1 or 2) relations of it, capped."""
    graph = Neighbourhood(centre, hops, {centre.id: centre}, {centre.id: 0})
    frontier = [centre.id]
    for hop in range(1, hops + 1):
        cap = MAX_FIRST_HOP if hop == 1 else MAX_SECOND_HOP
        reached: list[int] = []
        for node in frontier:
            rows = db.execute(
                "SELECT head, relation, tail, weight FROM edge WHERE head = ?1 UNION ALL "
                "SELECT head, relation, tail, weight FROM edge WHERE tail = ?1 ORDER BY weight DESC LIMIT ?2",
                (node, cap + 1)).fetchall()
            graph.truncated |= len(rows) > cap
            for head, relation, tail, _ in rows[:cap]:
                other = tail if head == node else head
                if other not in graph.rings:
                    if len(graph.rings) >= MAX_NODES:
                        graph.truncated = True
                        continue
                    graph.rings[other] = hop
                    graph.parents[other] = node
                    reached.append(other)
                graph.edges.add((head, relation, tail))
        frontier = reached
    graph.nodes.update(cards(db, [n for n in graph.rings if n != centre.id]))
    graph.rings = {n: hop for n, hop in graph.rings.items() if n in graph.nodes}
    graph.edges = {(h, r, t) for h, r, t in graph.edges if h in graph.nodes and t in graph.nodes}
    return graph
