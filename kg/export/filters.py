"""What part of the graph an export holds: the filters shared by ``kg export`` and ``GET /export``.

Both front ends pass raw user input to :func:`make_filter`, so a bad value gets the same one-line
error from the CLI and the server.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg.errors import KgError
from kg.model import ENTITY_TYPES, RELATION_TYPES

FORMATS: dict[str, tuple[str, str]] = {
    # format name → (file extension, media type)
    "graphml": ("graphml", "application/graphml+xml"),
    "gexf": ("gexf", "application/gexf+xml"),
    "turtle": ("ttl", "text/turtle"),
    "nquads": ("nq", "application/n-quads"),
    "jsonld": ("jsonld", "application/ld+json"),
}


@dataclass(frozen=True)
class ExportFilter:
    """The selection an export writes. Empty tuples and None mean "no restriction".

    Nodes are the entities of ``types`` described in ``documents``; edges are the relations of
    ``relations`` between two such nodes supported by evidence in ``documents`` whose best
    confidence is at least ``min_confidence``. Then, in this order: ``around`` keeps the nodes
    within ``hops`` of that entity, ``min_degree`` drops nodes with fewer edges, and
    ``largest_component`` keeps the largest weakly connected component.
    """

    types: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()  # as given: document IRIs, sha256 or source file names
    min_confidence: float | None = None
    around: str | None = None  # entity IRI or name
    hops: int = 1
    min_degree: int | None = None
    largest_component: bool = False
    with_documents: bool = False
    with_targets: bool = False  # stated figures as nodes (kg.export.policy_facts)

    @property
    def is_structural(self) -> bool:
        """Whether the node set depends on the edges (needs passes over the edges)."""
        return bool(self.around) or bool(self.min_degree) or self.largest_component

    @property
    def is_empty(self) -> bool:
        return self == ExportFilter(hops=self.hops)


def _names(values: Iterable[str] | str | None, *, split: bool = True) -> tuple[str, ...]:
    """Accept repeated options and (unless ``split`` is off: file names may hold commas)
    comma-separated lists alike."""
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    parts = (v for value in values for v in (value.split(",") if split else [value]))
    return tuple(dict.fromkeys(v.strip() for v in parts if v.strip()))


def _check_not_blank(given: Iterable[str] | str | None, what: str) -> None:
    """A filter given with nothing in it is an error, not the absence of the filter: ``--around
    "$ENTITY"`` with the variable unset (or ``?around=``) wrote the whole graph."""
    values = [given] if isinstance(given, str) else list(given or ())
    if any(not value.replace(",", "").strip() for value in values):
        raise KgError(f"{what} is empty: give a value or leave the filter out")


def _choice(values: tuple[str, ...], allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    folded = {a.lower(): a for a in allowed}
    out = []
    for value in values:
        if value.lower() not in folded:
            raise KgError(f"unknown {what} {value!r} (choose from {', '.join(allowed)})")
        out.append(folded[value.lower()])
    return tuple(out)


def _number(value, kind, what: str):
    if value is None or value == "":
        return None
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise KgError(f"{what} must be {'an integer' if kind is int else 'a number'}, got {value!r}") from None


def check_format(fmt: str) -> str:
    name = (fmt or "").lower()
    if name not in FORMATS:
        raise KgError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    return name


def make_filter(
    *,
    types: Iterable[str] | str | None = None,
    relations: Iterable[str] | str | None = None,
    documents: Iterable[str] | str | None = None,
    min_confidence: float | str | None = None,
    around: str | None = None,
    hops: int | str | None = None,
    min_degree: int | str | None = None,
    largest_component: bool = False,
    with_documents: bool = False,
    with_targets: bool = False,
) -> ExportFilter:
    """An :class:`ExportFilter` from user input, or a :class:`KgError` naming the bad value."""
    for what, given in (("types", types), ("relations", relations), ("document", documents), ("around", around)):
        _check_not_blank(given, what)
    confidence = _number(min_confidence, float, "min-confidence")
    if confidence is not None and not 0.0 <= confidence <= 1.0:
        raise KgError(f"min-confidence must be between 0 and 1, got {confidence}")
    hop_count = _number(hops, int, "hops")
    if hop_count is not None and hop_count < 0:
        raise KgError(f"hops must be 0 or more, got {hop_count}")
    if hop_count is not None and not around:
        raise KgError("hops needs around (the entity to start from)")
    degree = _number(min_degree, int, "min-degree")
    if degree is not None and degree < 0:
        raise KgError(f"min-degree must be 0 or more, got {degree}")
    return ExportFilter(
        types=_choice(_names(types), ENTITY_TYPES, "entity type"),
        relations=_choice(_names(relations), RELATION_TYPES, "relation"),
        documents=_names(documents, split=False),
        min_confidence=confidence,
        around=(around or "").strip() or None,
        hops=1 if hop_count is None else hop_count,
        min_degree=degree,
        largest_component=bool(largest_component),
        with_documents=bool(with_documents),
        with_targets=bool(with_targets),
    )
