"""All configuration in one place: defaults, environment variables and namespaces.

Command-line options override environment variables, which override these defaults.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

#: Base of every IRI the builder mints (entities, documents, sentences, evidence).
BASE_IRI = os.environ.get("KG_BASE_IRI", "https://w3id.org/kgcn/")
#: Namespace of our ontology (ontology/kg.ttl).
ONTOLOGY_IRI = BASE_IRI + "ontology#"

PACKAGE_DIR = Path(__file__).resolve().parent
#: The Turtle files of ontology/ ship with the repository; reference data ships inside the package.
ONTOLOGY_DIR = Path(os.environ.get("KG_ONTOLOGY_DIR", PACKAGE_DIR.parent / "ontology"))
REFERENCE_DIR = PACKAGE_DIR / "reference" / "data"

#: The name tagger trained by ``kg train`` (shipped in the package) and whether extraction runs it.
NER_MODEL_DIR = Path(os.environ.get("KG_NER_MODEL", PACKAGE_DIR / "extract" / "model"))
NER_ENABLED = os.environ.get("KG_NER", "1").lower() not in ("0", "false", "no", "off")
#: Lowest per-token probability over a proposed name for the tagger's proposal to count.
NER_MIN_CONFIDENCE = float(os.environ.get("KG_NER_MIN_CONFIDENCE", "0.6"))

#: Fault injection for tests of interrupted writes (kg.faults): ``POINT`` or ``POINT:N`` makes the
#: process kill itself (SIGKILL) the N-th time (default: the first) it reaches that named point.
KILL_AT = os.environ.get("KG_KILL_AT", "")

#: Longer texts go through the spaCy pipeline in pieces of at most this many characters, cut at
#: line breaks (kg.extract.pieces): memory stays bounded however long the document.
EXTRACT_PIECE_CHARS = int(os.environ.get("KG_EXTRACT_PIECE_CHARS", "200000"))

DEFAULT_STORE = "kg-data"
DEFAULT_EXPORT_DIR = "exports"
#: Edges per batch when exports stream them from the graph index.
EXPORT_BATCH = int(os.environ.get("KG_EXPORT_BATCH", "2000"))


def store_path(option: str | os.PathLike[str] | None = None) -> Path:
    """The store location: ``--store``, else ``KG_STORE``, else ``./kg-data``."""
    return Path(option or os.environ.get("KG_STORE") or DEFAULT_STORE)


@dataclass
class ServerConfig:
    """Settings of ``kg serve`` / ``kg.server.create_app``."""

    store: Path = field(default_factory=store_path)
    host: str = "127.0.0.1"
    port: int = 5000
    update_token: str | None = field(default_factory=lambda: os.environ.get("KG_UPDATE_TOKEN") or None)
    timeout: float = 30.0
    max_rows: int = 100_000
    workers: int = 4
    allow_service: bool = False
    union_default_graph: bool = True
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = 50 * 1024 * 1024
