"""The local paths of the IRIs we mint: ``https://w3id.org/kgcn/id/…`` is served at ``/id/…``.

An entity IRI is ``{ID}{type slug}/{iri_segment(key)}`` (kg.vocab.entity_iri); the key may hold
characters that IRIs percent-encode, '/' among them, so the path after the slug is one key, decoded
by the server and encoded again here. Any other IRI under ``ID`` maps segment by segment.
"""
from __future__ import annotations

from urllib.parse import quote

from kg.vocab import ID, TYPE_SLUG, iri_segment

_ID = str(ID)
_ENTITY_SLUGS = frozenset(TYPE_SLUG.values())
#: Path prefix the browse blueprint serves the IRIs under.
ID_PATH = "/id/"


def is_local(iri: str) -> bool:
    """Whether ``iri`` is one of ours, served by this app."""
    return iri.startswith(_ID)


def local_path(iri: str) -> str:
    """The URL path (percent-encoded) at which this app serves ``iri``; ``iri`` if not ours."""
    if not is_local(iri):
        return iri
    return ID_PATH + quote(iri[len(_ID):], safe="/%@:!$&'()*+,;=-._~")


def iri_for_path(path: str) -> str:
    """The IRI a decoded path below /id/ (``region/江苏省``) stands for."""
    slug, _, key = path.partition("/")
    if slug in _ENTITY_SLUGS and key:
        return f"{_ID}{slug}/{iri_segment(key)}"
    return _ID + "/".join(iri_segment(part) for part in path.split("/"))
