"""An in-memory name index of the entities in the store, so that resolving a name costs a few
dictionary look-ups (and a bigram posting-list intersection for fuzzy matching) however large
the graph is. It is loaded once per process with four SPARQL queries and kept up to date as the
linker links documents.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg.graph.store import GraphStore
from kg.link.names import NameForm, bigrams, clean, name_form
from kg.vocab import KG, OWL, TYPE_CLASS

_CLASS_TYPE = {str(c): t for t, c in TYPE_CLASS.items()}
_CLASSES = " ".join(f"<{c}>" for c in TYPE_CLASS.values())

_LABELS = f"""
SELECT ?e ?class ?label WHERE {{ VALUES ?class {{ {_CLASSES} }} ?e a ?class ; rdfs:label ?label }}
"""
_ALT_LABELS = f"""
SELECT DISTINCT ?e ?alt WHERE {{ VALUES ?class {{ {_CLASSES} }} ?e a ?class ; skos:altLabel ?alt }}
"""
_PART_OF = f"SELECT DISTINCT ?a ?b WHERE {{ ?a <{KG.partOf}> ?b }}"
_DISTINCT = f"SELECT DISTINCT ?a ?b WHERE {{ ?a <{OWL.differentFrom}> ?b }}"

#: Posting lists longer than this are skipped when gathering fuzzy candidates (a bigram as
#: common as 有限 or 发展 says nothing about identity and would make the cost grow with the store).
MAX_POSTING = 2_000
#: At most this many fuzzy candidates are scored per name.
MAX_CANDIDATES = 50


@dataclass
class Node:
    """One entity of the store as linking sees it."""

    iri: str
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    parents: set[str] = field(default_factory=set)  # kg:partOf targets
    distinct: set[str] = field(default_factory=set)  # owl:differentFrom, both directions

    def names(self) -> set[str]:
        return {self.label, *self.aliases}


class NameIndex:
    """Look-ups by type: cleaned name → nodes, name core → nodes, bigram → nodes."""

    def __init__(self, places: frozenset[str] = frozenset()) -> None:
        self.places = places  # place names company names may start with (see names.name_form)
        self.nodes: dict[str, Node] = {}
        self._by_label: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._by_core: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._by_gram: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._forms: dict[str, dict[str, NameForm]] = defaultdict(dict)  # iri → cleaned → form

    @classmethod
    def from_store(cls, graph_store: GraphStore, places: frozenset[str] = frozenset()) -> NameIndex:
        index = cls(places)
        labels: dict[str, tuple[str, list[str]]] = {}
        for row in graph_store.query(_LABELS):
            iri, entity_type = row["e"].value, _CLASS_TYPE[row["class"].value]
            labels.setdefault(iri, (entity_type, []))[1].append(row["label"].value)
        for iri, (entity_type, names) in labels.items():
            # Graphs agree on a node's label (relabelling is global); if an older store does not,
            # the fullest form wins, as it would for a new document.
            label = max(names, key=lambda n: (len(n), n))
            index.add(iri, entity_type, label, [n for n in names if n != label])
        for row in graph_store.query(_ALT_LABELS):
            node = index.nodes.get(row["e"].value)
            if node is not None:
                index.add(node.iri, node.type, node.label, [row["alt"].value])
        for row in graph_store.query(_PART_OF):
            node = index.nodes.get(row["a"].value)
            if node is not None:
                node.parents.add(row["b"].value)
        for row in graph_store.query(_DISTINCT):
            index.mark_distinct(row["a"].value, row["b"].value)
        return index

    # -- updating --------------------------------------------------------------------------------

    def add(self, iri: str, entity_type: str, label: str, aliases=()) -> Node:
        """Add a node or more names of it; a different ``label`` relabels it."""
        node = self.nodes.get(iri)
        if node is None:
            node = self.nodes[iri] = Node(iri, entity_type, label)
        elif node.label != label:
            self._by_label[(node.type, clean(node.label))].discard(iri)
            node.aliases.add(node.label)
            node.label = label
        self._by_label[(entity_type, clean(label))].add(iri)
        node.aliases.discard(label)
        for name in (label, *aliases):
            if name != label:
                node.aliases.add(name)
            self._index_name(node, name)
        return node

    def mark_distinct(self, a: str, b: str) -> None:
        for x, y in ((a, b), (b, a)):
            if x in self.nodes:
                self.nodes[x].distinct.add(y)

    def _index_name(self, node: Node, name: str) -> None:
        cleaned = clean(name)
        if not cleaned or cleaned in self._forms[node.iri]:
            return
        form = self.form(name, node.type)
        self._forms[node.iri][cleaned] = form
        self._by_name[(node.type, cleaned)].add(node.iri)
        self._by_core[(node.type, form.core)].add(node.iri)
        for gram in bigrams(form.core):
            self._by_gram[(node.type, gram)].add(node.iri)

    # -- looking up ------------------------------------------------------------------------------

    def form(self, name: str, entity_type: str) -> NameForm:
        return name_form(name, entity_type, self.places)

    def by_label(self, entity_type: str, name: str) -> set[str]:
        return self._by_label.get((entity_type, clean(name)), set())

    def by_name(self, entity_type: str, name: str) -> set[str]:
        """Nodes of ``entity_type`` having ``name`` as label or alias (after cleaning)."""
        return self._by_name.get((entity_type, clean(name)), set())

    def by_core(self, entity_type: str, core: str) -> set[str]:
        return self._by_core.get((entity_type, core), set())

    def forms(self, iri: str) -> list[NameForm]:
        return list(self._forms.get(iri, {}).values())

    def fuzzy_candidates(self, entity_type: str, core: str) -> list[str]:
        """Nodes sharing the most bigrams with ``core``, best first, skipping uninformative
        (very frequent) bigrams so the cost does not grow with the store."""
        counts: Counter[str] = Counter()
        for gram in bigrams(core):
            posting = self._by_gram.get((entity_type, gram))
            if posting and len(posting) <= MAX_POSTING:
                counts.update(posting)
        return [iri for iri, _ in counts.most_common(MAX_CANDIDATES)]

    def __len__(self) -> int:
        return len(self.nodes)
