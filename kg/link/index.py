"""An in-memory name index of the entities in the store, so that resolving a name costs a few
dictionary look-ups (and a bigram posting-list intersection for fuzzy matching) however large
the graph is. It is loaded once per process with four SPARQL queries and kept up to date as the
linker links documents.
"""
from __future__ import annotations

import gc
from collections.abc import Mapping
from types import MappingProxyType
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg.graph.store import GraphStore
from kg.link.guard import LONG_TITLE
from kg.link.names import NameForm, bigrams, clean, name_form, skeleton
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

#: Only names this long are fuzzy-matched: for shorter ones the guard admits nothing but
#: differences in weak characters, which the skeleton look-up finds exactly.
FUZZY_MIN_LENGTH = LONG_TITLE
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
    """Look-ups by type: cleaned name → nodes, skeleton of the name core → nodes, and for long
    names bigram → nodes."""

    def __init__(self, places: Mapping[str, str] = MappingProxyType({})) -> None:
        self.places = places  # place name → short form a name may start with (names.name_form)
        self.nodes: dict[str, Node] = {}
        self._by_label: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._by_core: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._by_gram: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._forms: dict[str, dict[str, NameForm]] = defaultdict(dict)  # iri → cleaned → form

    @classmethod
    def from_store(cls, graph_store: GraphStore, places: Mapping[str, str] = MappingProxyType({})) -> NameIndex:
        # Hundreds of thousands of small sets are created here; the cyclic garbage collector
        # would rescan them all again and again (a third of the load time), and there are no
        # cycles to collect.
        enabled = gc.isenabled()
        gc.disable()
        try:
            return cls._load(graph_store, places)
        finally:
            if enabled:
                gc.enable()

    @classmethod
    def _load(cls, graph_store: GraphStore, places: Mapping[str, str]) -> NameIndex:
        index = cls(places)
        labels: dict[str, tuple[str, list[str]]] = {}
        for row in graph_store.query(_LABELS):
            iri = row["e"].value
            found = labels.get(iri)
            if found is None:
                labels[iri] = (_CLASS_TYPE[row["class"].value], [row["label"].value])
            else:
                found[1].append(row["label"].value)
        for iri, (entity_type, names) in labels.items():
            # Graphs agree on a node's label (relabelling is global); if an older store does not,
            # the fullest form wins, as it would for a new document.
            label = max(names, key=lambda n: (len(n), n)) if len(names) > 1 else names[0]
            index.add(iri, entity_type, label, [n for n in names if n != label])
        for row in graph_store.query(_ALT_LABELS):
            node = index.nodes.get(row["e"].value)
            if node is not None:
                index._add_name(node, row["alt"].value)
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
        self._add_name(node, label)
        for name in aliases:
            if name != label:
                self._add_name(node, name)
        return node

    def mark_distinct(self, a: str, b: str) -> None:
        for x, y in ((a, b), (b, a)):
            if x in self.nodes:
                self.nodes[x].distinct.add(y)

    def _add_name(self, node: Node, name: str) -> None:
        if name != node.label:
            node.aliases.add(name)
        cleaned = clean(name)
        forms = self._forms[node.iri]
        if not cleaned or cleaned in forms:
            return
        form = forms[cleaned] = self.form(name, node.type)
        self._by_name[(node.type, cleaned)].add(node.iri)
        self._by_core[(node.type, skeleton(form.core))].add(node.iri)
        if len(form.core) >= FUZZY_MIN_LENGTH:
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
        """Nodes with a name whose core has the same skeleton as ``core``."""
        return self._by_core.get((entity_type, skeleton(core)), set())

    def forms(self, iri: str) -> list[NameForm]:
        return list(self._forms.get(iri, {}).values())

    def fuzzy_candidates(self, entity_type: str, core: str) -> list[str]:
        """Nodes sharing the most bigrams with ``core``, best first, skipping uninformative
        (very frequent) bigrams so the cost does not grow with the store."""
        if len(core) < FUZZY_MIN_LENGTH:
            return []
        counts: Counter[str] = Counter()
        for gram in bigrams(core):
            posting = self._by_gram.get((entity_type, gram))
            if posting and len(posting) <= MAX_POSTING:
                counts.update(posting)
        return [iri for iri, _ in counts.most_common(MAX_CANDIDATES)]

    def __len__(self) -> int:
        return len(self.nodes)
