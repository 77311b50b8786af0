"""Shared fixtures and paths of the default suite. Everything here is in the repository, so the
suite runs on a fresh clone; tests that need ../shared live in tests/quality/."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
EXAMPLES = REPO / "examples"
#: GraphML (graphml.xsd + xlink.xsd) and GEXF 1.2 (gexf.xsd + viz.xsd) schemas, with their licences.
SCHEMAS = DATA / "schemas"
#: W3C SPARQL 1.1 test manifests (protocol, graph store protocol, service description).
SPARQL11 = DATA / "conformance" / "sparql11"
#: Folders of real documents written for this project: the examples `make run` builds and the
#: held-out documents (plain text, some with PDF-style artefacts).
DOCUMENT_FOLDERS = (EXAMPLES, DATA / "heldout" / "corpus", DATA / "heldout-3" / "corpus",
                    DATA / "heldout-tcm" / "corpus")


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    """The project's own plain-text documents (examples/*.txt and the held-out corpora), sorted
    by file name so an index always names the same document."""
    files = sorted((p for folder in DOCUMENT_FOLDERS for p in folder.glob("*.txt")), key=lambda p: p.name)
    assert len(files) >= 8, files
    return files
