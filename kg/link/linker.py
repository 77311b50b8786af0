"""Resolve the entities of a new document against the nodes already in the store.

Order of evidence, strongest first, the first that yields a single node wins:
exact (same IRI or same canonical label) → alias (a known skos:altLabel) → abbreviation (an
official short form from the reference data, or the same name once administrative suffixes and
company legal forms are stripped) → fuzzy (chunk keys + edit distance, behind the
near-miss guard) → new. When a step finds several same-named places (朝阳区 of 北京 and of 长春),
the other regions of the document decide (hierarchy); if they cannot, nothing is merged. A policy
title with its issuer in front (江苏省人民政府关于…的实施意见) and one without (《关于…的实施意见》)
are one policy only when the issuer agrees: the other side's issued_by names it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote

from rapidfuzz import fuzz

from kg.graph.builder import LINK_METHOD_ATTRIBUTE, LINK_SCORE_ATTRIBUTE
from kg.graph.store import GraphStore
from kg.link import labels
from kg.link.guard import near_miss
from kg.link.index import Names, Node
from kg.link.names import clean, skeleton
from kg.model import Entity, Extraction
from kg.vocab import ID, TYPE_SLUG, document_iri

#: Scores reported per method (a fuzzy link reports its similarity instead).
METHOD_SCORE = {"exact": 1.0, "alias": 0.98, "abbreviation": 0.95, "hierarchy": 0.9, "new": 1.0}
#: Fuzzy similarity (rapidfuzz ratio of the name cores, 0–1) a candidate needs. Measured on the
#: linking test set (tests/data/linking): its true fuzzy pair (科技创新 → 科创 in a long title)
#: scores 0.94, and every threshold from 0.60 to 0.90 gives the same links with no wrong merge —
#: the near-miss guard, not the threshold, is what keeps look-alikes apart.
FUZZY_THRESHOLD = 0.85
#: Types whose canonical name is the fullest form seen (a fuller name arriving later relabels
#: the node). Industries are canonical *without* 产业/行业, organisations by reference data.
FULLEST_NAME_TYPES = frozenset({"Region", "Enterprise", "Policy"})


@dataclass
class EntityLink:
    """How one extracted entity was resolved."""

    name: str  # as extracted
    type: str
    id: str  # IRI of the node it now belongs to
    method: str  # exact | alias | abbreviation | hierarchy | fuzzy | new
    score: float
    new: bool

    def to_json(self) -> dict:
        return {"name": self.name, "type": self.type, "id": self.id, "method": self.method,
                "score": round(self.score, 4), "new": self.new}


@dataclass
class DocumentLinks:
    """The linking report of one document."""

    source: str
    graph: str
    path: str = ""  # absolute path of the file, the pipeline's key for replacing a document
    entities: list[EntityLink] = field(default_factory=list)
    relations_added: int = 0
    relabelled: list[tuple[str, str, str]] = field(default_factory=list)  # (iri, old, new)

    @property
    def linked(self) -> int:
        return sum(1 for e in self.entities if not e.new)

    @property
    def new(self) -> int:
        return sum(1 for e in self.entities if e.new)

    def to_json(self) -> dict:
        return {"source": self.source, "graph": self.graph,
                "entities": [e.to_json() for e in self.entities],
                "relations_added": self.relations_added}


@dataclass
class _Match:
    iri: str
    method: str
    score: float
    label: str = ""  # the canonical name, when the node is not in the store yet


class Linker:
    """Links extractions into the store's existing nodes. One instance per process (or server):
    it opens the store's name index (:mod:`kg.link.index`) and keeps it current as it links.

    With ``dry_run`` it never writes: relabelling of existing nodes is reported, not applied.
    Otherwise it applies the relabellings a document brings (:mod:`kg.link.labels`) just before
    the document is written, and when it catches up with the store it undoes those of documents
    that have gone since.
    """

    def __init__(self, graph_store: GraphStore, *, reference=None, dry_run: bool = False) -> None:
        if reference is None:
            from kg.reference import load_reference

            reference = load_reference()
        self.graph_store = graph_store
        self.reference = reference
        self.dry_run = dry_run
        self.index = Names(graph_store, _place_names(reference), maintain=not dry_run)
        #: Per document being linked: entity IRI → names of the bodies it says issued it, and
        #: the same for the nodes its entities were attached to so far.
        self._stated_issuers: dict[str, set[str]] = {}
        self._node_issuers: dict[str, set[str]] = {}

    # -- the public step -------------------------------------------------------------------------

    def link(self, extraction: Extraction) -> DocumentLinks:
        """Point every entity of ``extraction`` at its node, rewrite its relations accordingly,
        record method and score on the entity, and return the report."""
        document = extraction.document
        report = DocumentLinks(document.source, document_iri(document.sha256), document.path)
        self.index.catch_up()  # the documents linked before this one have been written since
        with self.index.reading():  # one snapshot of the name index for all its look-ups
            places = {id(e): self._place_iris(e) for e in extraction.entities if e.type == "Region"}
            self._stated_issuers, self._node_issuers = _stated_issuers(extraction), {}
            remap: dict[str, str] = {}
            results: dict[int, EntityLink] = {}
            namings: list[tuple[str, str, bool]] = []  # (node, its label, the document's own choice)
            for entity in extraction.entities:
                # the document's other places tell same-named places apart: only a region needs them
                context = set().union(*(iris for key, iris in places.items() if key != id(entity))) \
                    if entity.type == "Region" else set()
                match = self._resolve(entity, context)
                old_iri = entity.iri
                if match is None:
                    match = _Match(entity.iri, "new", METHOD_SCORE["new"])
                is_new = self.index.node(match.iri) is None
                results[id(entity)] = EntityLink(entity.name, entity.type, match.iri, match.method,
                                                 match.score, is_new)
                remap[old_iri] = match.iri
                self._node_issuers.setdefault(match.iri, set()).update(self._stated_issuers.get(old_iri, ()))
                self._attach(entity, match, report, namings)
            report.entities = [results[id(e)] for e in extraction.entities]
            for entity in extraction.entities:  # every entity of a node carries the node's label
                entity.name = self.index.node(entity.iri).label
            extraction.relations = _remapped_relations(extraction, remap)
            report.relations_added = len({(r.head, r.relation, r.tail) for r in extraction.relations})
            for relation in extraction.relations:
                if relation.relation == "part_of":
                    self.index.add_parent(relation.head, relation.tail)
                elif relation.relation == "issued_by":
                    self.index.add_issuer(relation.head, relation.tail)
        if not self.dry_run:
            self._apply_labels(report, namings)
        return report

    def _apply_labels(self, report: DocumentLinks, namings: list[tuple[str, str, bool]]) -> None:
        """Relabel the nodes this document gives a fuller name (in one update with the records
        that let removing the document undo it)."""
        changes = labels.Changes()
        relabelled: dict[str, tuple[str, str]] = {}
        for iri, old, new in report.relabelled:  # relabelled twice by one document: first → last
            relabelled[iri] = (relabelled.get(iri, (old, new))[0], new)
        for iri, (old, new) in relabelled.items():
            labels.relabel(self.graph_store, iri, old, new, report.graph, changes)
        for iri, label, as_label in namings:
            if iri not in relabelled:
                labels.note_naming(self.graph_store, iri, label, report.graph, as_label=as_label, changes=changes)
        if not changes:
            return
        if relabelled:
            self.index.begin_rewrite()
        changes.apply(self.graph_store)
        if relabelled:
            self.index.refresh_nodes(relabelled)

    # -- resolution ------------------------------------------------------------------------------

    def _resolve(self, entity: Entity, context: set[str]) -> _Match | None:
        own = self.index.node(entity.iri)
        if own is not None and own.type == entity.type:
            return _Match(own.iri, "exact", METHOD_SCORE["exact"])
        surfaces = _surfaces(entity)
        places = self._same_named_places(entity, surfaces)
        if len(places) > 1:  # 朝阳区: only the document's other places can say which one
            return self._place_by_context(places, context)
        steps = (
            ("exact", lambda: self.index.by_label(entity.type, entity.name)),
            ("alias", lambda: set().union(*(self.index.by_name(entity.type, s) for s in surfaces))),
            ("abbreviation", lambda: self._by_reference(entity, surfaces)),
            ("abbreviation", lambda: self._by_core(entity, surfaces)),
        )
        for method, candidates in steps:
            found = self._admissible(entity, candidates())
            if len(found) == 1:
                return _Match(found.pop(), method, METHOD_SCORE[method])
            if len(found) > 1:
                return self._by_hierarchy(entity, found, context)
        return self._fuzzy(entity, surfaces)

    def _admissible(self, entity: Entity, candidates: set[str]) -> set[str]:
        """Drop candidates the entity must not merge with: recorded as distinct (an undone
        merge), or both sides are different entries of the reference data."""
        own_reference = self._is_reference(entity.type, entity.iri)
        keep = set()
        for iri in candidates:
            node = self.index.node(iri)
            if node is None or entity.iri in node.distinct or node.type != entity.type:
                continue
            if own_reference and iri != entity.iri and self._is_reference(node.type, iri):
                continue
            if entity.type == "Policy" and not self._issuer_agrees(entity, node):
                continue
            keep.add(iri)
        return keep

    def _issuer_agrees(self, entity: Entity, node: Node) -> bool:
        """Whether a policy and a node may be one policy as far as the issuer goes: when only one
        of the titles names its issuer, the other side must state that issuer (issued_by)."""
        mine = self.index.form(entity.name, "Policy").issuer
        theirs = self.index.form(node.label, "Policy").issuer
        if mine and theirs:
            return clean(mine) == clean(theirs)
        if mine:
            return _names(mine, self._issuers_of_node(node))
        if theirs:
            return _names(theirs, self._stated_issuers.get(entity.iri, set()))
        return True

    def _issuers_of_node(self, node: Node) -> set[str]:
        """Names of the bodies that issued the policy ``node``: stored, and said by this document
        (from the name index: a query would first write the documents queued for one bulk load)."""
        stored = (self.index.node(body) for body in node.issuers)
        return {name for body in stored if body is not None for name in body.names()} \
            | self._node_issuers.get(node.iri, set())

    def _by_reference(self, entity: Entity, surfaces: list[str]) -> set[str]:
        """Nodes named by any official name or short form of the reference entries the entity's
        surfaces denote (苏 → 江苏省, 长三角 → 长江三角洲地区, 发改委 → 国家发展改革委)."""
        found: set[str] = set()
        for surface in surfaces:
            entries = list(self.reference.lookup(surface, entity.type) or [])
            abbreviated = self.reference.lookup_abbreviation(surface)
            entries += [e for e in (abbreviated or []) if e.type == entity.type]
            for entry in entries:
                if self.index.node(entry.iri) is not None:
                    found.add(entry.iri)
                for name in (entry.name, *entry.aliases, *entry.abbreviations):
                    found |= self.index.by_label(entity.type, name)
        return found

    def _by_core(self, entity: Entity, surfaces: list[str]) -> set[str]:
        """Nodes with the same name once suffixes and legal forms are stripped, whose suffixes
        do not contradict (吉林省 ≠ 吉林市) and whose policy editions agree."""
        found: set[str] = set()
        for surface in surfaces:
            form = self.index.form(surface, entity.type)
            key = skeleton(form.core)
            for iri in self.index.by_core(entity.type, form.core):
                if any(skeleton(f.core) == key and near_miss(form, f) is None for f in self.index.forms(iri)):
                    found.add(iri)
        return found

    def _by_hierarchy(self, entity: Entity, candidates: set[str], context: set[str]) -> _Match | None:
        """The one same-named place whose ancestors include other places of the document."""
        if entity.type != "Region" or not context:
            return None
        scored = {iri: len(self._ancestors(iri) & context) for iri in candidates}
        best = max(scored.values())
        winners = [iri for iri, n in scored.items() if n == best]
        if best == 0 or len(winners) != 1:
            return None
        return _Match(winners[0], "hierarchy", METHOD_SCORE["hierarchy"])

    def _place_iris(self, entity: Entity) -> set[str]:
        """Every node or reference place a region of the document may be: its context for the
        other same-named places of the document."""
        iris = {entity.iri}
        for surface in _surfaces(entity):
            iris |= self.index.by_name("Region", surface)
            iris |= {e.iri for e in self.reference.lookup(surface, "Region") or []}
        return iris

    def _same_named_places(self, entity: Entity, surfaces: list[str]) -> list:
        """Reference places the entity's names denote, when these are several distinct places."""
        if entity.type != "Region":
            return []
        entries = {e.iri: e for s in surfaces for e in (self.reference.lookup(s, "Region") or [])}
        return list(entries.values())

    def _place_by_context(self, places: list, context: set[str]) -> _Match | None:
        scored = {}
        for entry in places:
            ancestors = {a.iri for a in self.reference.ancestors(entry)} | self._ancestors(entry.iri)
            scored[entry.iri] = (len(ancestors & context), entry)
        best = max(n for n, _ in scored.values())
        winners = [entry for n, entry in scored.values() if n == best]
        if best == 0 or len(winners) != 1:
            return None
        return _Match(winners[0].iri, "hierarchy", METHOD_SCORE["hierarchy"], winners[0].name)

    def _ancestors(self, iri: str) -> set[str]:
        """Containing places: from kg:partOf in the store and from the reference hierarchy."""
        seen: set[str] = set()
        todo = [iri]
        while todo:
            node = self.index.node(todo.pop())
            if node is None:
                continue
            for parent in node.parents - seen:
                seen.add(parent)
                todo.append(parent)
        entry = self._reference_entry("Region", iri)
        if entry is not None:
            seen |= {a.iri for a in self.reference.ancestors(entry)}
        return seen

    def _fuzzy(self, entity: Entity, surfaces: list[str]) -> _Match | None:
        best: tuple[float, str] | None = None
        for surface in surfaces:
            form = self.index.form(surface, entity.type)
            if len(form.core) < 2:
                continue
            candidates = self._admissible(entity, set(self.index.fuzzy_candidates(entity.type, form.core)))
            for iri in candidates:
                for other in self.index.forms(iri):
                    score = fuzz.ratio(form.core, other.core) / 100
                    if score < FUZZY_THRESHOLD or near_miss(form, other) is not None:
                        continue
                    if best is None or (score, iri) > best:
                        best = (score, iri)
        return _Match(best[1], "fuzzy", best[0]) if best else None

    # -- applying a match ------------------------------------------------------------------------

    def _attach(self, entity: Entity, match: _Match, report: DocumentLinks,
                namings: list[tuple[str, str, bool]]) -> None:
        """Point ``entity`` at the matched node, keep its forms as aliases, and record them in
        the index (relabelling the node when this document gives a fuller name; noting when it
        names the node by a label an earlier relabelling gave it)."""
        extracted = [entity.name, *entity.aliases]
        names = extracted + [m.text for m in entity.mentions]
        entity.iri = match.iri
        entity.attributes[LINK_METHOD_ATTRIBUTE] = match.method
        entity.attributes[LINK_SCORE_ATTRIBUTE] = f"{match.score:.4f}"
        node = self.index.node(match.iri)
        if node is None:
            label = match.label or entity.name
            self.index.add(report.graph, match.iri, entity.type, label, names)
            entity.aliases = list(dict.fromkeys(n for n in extracted if n != label))
            return
        label = node.label
        if self._fuller(entity, node):
            report.relabelled.append((node.iri, node.label, entity.name))
            label = entity.name
        elif entity.type in FULLEST_NAME_TYPES:
            own_choice = clean(entity.name) == clean(label)
            if own_choice or label in names:
                namings.append((node.iri, label, own_choice))
        self.index.add(report.graph, node.iri, node.type, label, names)
        entity.aliases = list(dict.fromkeys(n for n in extracted if n != label))

    def _fuller(self, entity: Entity, node: Node) -> bool:
        """Whether the entity's name is a fuller form of the node's label (传化集团有限公司 for
        传化集团, 江苏省 for 江苏), so it should become the canonical label."""
        if entity.type not in FULLEST_NAME_TYPES or self._is_reference(node.type, node.iri):
            return False
        new, old = self.index.form(entity.name, entity.type), self.index.form(node.label, node.type)
        return (new.core == old.core and len(new.cleaned) > len(old.cleaned)
                and near_miss(new, old) is None)

    # -- reference data --------------------------------------------------------------------------

    def _reference_entry(self, entity_type: str, iri: str):
        prefix = f"{ID}{TYPE_SLUG[entity_type]}/"
        if not iri.startswith(prefix):
            return None
        return self.reference.get(entity_type, unquote(iri[len(prefix):]))

    def _is_reference(self, entity_type: str, iri: str) -> bool:
        return self._reference_entry(entity_type, iri) is not None


#: Levels of places whose names start other names (浙江省跨境电商产业带, 合肥国轩高科).
_PLACE_LEVELS = frozenset({"province", "city", "county"})


def _place_names(reference) -> dict[str, str]:
    """Place name or short form → the short form names may start with instead; a short form
    naming several places (吉林: province and city) maps to nothing shorter than itself."""
    places: dict[str, str] = {}
    for entry in reference.entries("Region"):
        if entry.level not in _PLACE_LEVELS:
            continue
        shorts = [a for a in entry.aliases if len(a) >= 2 and entry.name.startswith(a)]
        short = min(shorts, key=len) if shorts else entry.name
        if len({e.iri for e in reference.lookup(short, "Region")}) > 1:
            short = entry.name
        for name in (entry.name, *entry.aliases):
            places.setdefault(name, short if name in (entry.name, short) else name)
    return places


def _stated_issuers(extraction: Extraction) -> dict[str, set[str]]:
    """Entity IRI → names (and aliases) of the bodies the document says issued it."""
    by_iri = {e.iri: e for e in extraction.entities}
    issuers: dict[str, set[str]] = {}
    for relation in extraction.relations:
        body = by_iri.get(relation.tail)
        if relation.relation == "issued_by" and body is not None:
            issuers.setdefault(relation.head, set()).update((body.name, *body.aliases))
    return issuers


def _names(name: str, names: set[str]) -> bool:
    """Whether ``name`` is one of ``names`` as written (layout aside)."""
    return clean(name) in {clean(n) for n in names}


def _surfaces(entity: Entity) -> list[str]:
    """Every form the document uses for the entity, canonical name first, each once."""
    forms = [entity.name, *entity.aliases, *(m.text for m in entity.mentions)]
    seen: dict[str, str] = {}
    for form in forms:
        cleaned = clean(form)
        if cleaned:
            seen.setdefault(cleaned, form)
    return list(seen.values())


def _remapped_relations(extraction: Extraction, remap: dict[str, str]):
    """Relations pointed at the linked nodes; duplicates and self-loops that merging creates
    (江苏 part_of 江苏省) are dropped."""
    seen: set[tuple[str, str, str, int]] = set()
    relations = []
    for relation in extraction.relations:
        relation.head = remap.get(relation.head, relation.head)
        relation.tail = remap.get(relation.tail, relation.tail)
        key = (relation.head, relation.relation, relation.tail, relation.sentence)
        if relation.head == relation.tail or key in seen:
            continue
        seen.add(key)
        relations.append(relation)
    return relations


def resolve_name(graph_store: GraphStore, name: str, type: str | None = None, *,
                 linker: Linker | None = None) -> str | None:
    """IRI of the node ``name`` denotes in the store (the exports' ``--around NAME``), or None."""
    from kg.model import ENTITY_TYPES

    linker = linker or Linker(graph_store, dry_run=True)
    types = [type] if type else list(ENTITY_TYPES)
    for entity_type in types:
        match = linker._resolve(Entity(type=entity_type, name=name, key=name, iri=""), set())
        if match is not None and linker.index.node(match.iri) is not None:
            return match.iri
    # Without a document's context, same-named places stay ambiguous for linking; a query
    # still means the one such node the graph holds.
    named = set().union(*(linker.index.by_name(t, name) for t in types))
    return named.pop() if len(named) == 1 else None
