"""Policy facts and stated figures for the property-graph exports (GraphML, GEXF).

Policy nodes carry number, date, kind, level and period (read with one query from the store,
where kg.graph.policy_facts wrote them); ``--with-targets`` adds one node per stated figure with a
``figure_of`` edge to what it is about and a ``stated_in`` edge to the policy stating it.
"""
from __future__ import annotations

from typing import NamedTuple

import pyoxigraph as ox

from kg.graph.store import GraphStore
from kg.vocab import FIGURE_KIND_CLASS, POLICY_KINDS, policy_kind_iri, policy_level_iri

#: Node attributes of a policy, in the order the writers declare them.
POLICY_ATTRIBUTES = ("number", "date", "kind", "level", "period_start", "period_end")
#: Node attributes of a figure.
FIGURE_ATTRIBUTES = ("indicator", "comparator", "value", "unit", "year")
FIGURE_TYPE = {"target": "Target", "reported": "ReportedFigure"}
FIGURE_OF, STATED_IN = "figure_of", "stated_in"
_KIND_LABEL = {policy_kind_iri(label): label for label in POLICY_KINDS}
_LEVEL = {policy_level_iri(level): level for level in ("central", "provincial", "municipal", "county")}


class FigureRow(NamedTuple):
    iri: str
    type: str  # Target | ReportedFigure
    subject: str  # entity IRI
    policy: str  # policy IRI or ""
    attributes: dict[str, str]

    @property
    def label(self) -> str:
        a = self.attributes
        year = f" ({a['year']})" if a.get("year") else ""
        return f"{a.get('indicator', '')} {a.get('comparator', '')}{a.get('value', '')}{a.get('unit', '')}{year}".strip()


def _values(solution: ox.QuerySolution, names: tuple[str, ...]) -> dict[str, str]:
    return {name: solution[name].value for name in names if solution[name] is not None}


def policy_attributes(graph_store: GraphStore) -> dict[str, dict[str, str]]:
    """Policy IRI → its facts (kind as its Chinese label, level as central/provincial/…)."""
    query = """SELECT ?p (SAMPLE(?n) AS ?number) (SAMPLE(?d) AS ?date) (SAMPLE(?k) AS ?kind) (SAMPLE(?l) AS ?level)
                      (SAMPLE(?s) AS ?period_start) (SAMPLE(?e) AS ?period_end) WHERE {
        ?p a kg:Policy .
        { ?p dcterms:identifier ?n } UNION { ?p dcterms:issued ?d } UNION { ?p dcterms:type ?k }
        UNION { ?p kg:level ?l } UNION { ?p kg:periodStart ?s } UNION { ?p kg:periodEnd ?e }
    } GROUP BY ?p"""
    facts: dict[str, dict[str, str]] = {}
    for row in graph_store.query(query):
        values = _values(row, POLICY_ATTRIBUTES)
        if "kind" in values:
            values["kind"] = _KIND_LABEL.get(values["kind"], values["kind"])
        if "level" in values:
            values["level"] = _LEVEL.get(values["level"], values["level"])
        facts[row["p"].value] = values
    return facts


def figures(graph_store: GraphStore, graphs: list[str] | None, entities: set[str]) -> list[FigureRow]:
    """The figures of the documents ``graphs`` (None: all) about one of ``entities``, by IRI."""
    scope = "" if graphs is None else "VALUES ?g { " + " ".join(str(ox.NamedNode(g)) for g in graphs) + " }"
    kinds = {str(cls): FIGURE_TYPE[kind] for kind, cls in FIGURE_KIND_CLASS.items()}
    query = f"""SELECT ?f ?class ?subject ?policy ?indicator ?comparator ?value ?unit ?year WHERE {{
        {scope}
        GRAPH ?g {{ ?f a ?class ; kg:figureOf ?subject ; kg:comparator ?comparator ; kg:value ?value ; kg:unit ?unit .
                   OPTIONAL {{ ?f kg:indicator ?indicator }} OPTIONAL {{ ?f kg:year ?year }}
                   OPTIONAL {{ ?f kg:statedIn ?policy }} }}
        VALUES ?class {{ {" ".join(str(ox.NamedNode(c)) for c in kinds)} }}
    }} ORDER BY ?f"""
    return [FigureRow(row["f"].value, kinds[row["class"].value], row["subject"].value,
                      row["policy"].value if row["policy"] is not None else "",
                      _values(row, FIGURE_ATTRIBUTES))
            for row in graph_store.query(query) if row["subject"].value in entities]
