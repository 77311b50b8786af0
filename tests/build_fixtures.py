"""Helpers of the parallel and distributed build tests: inputs from the repository's examples and
a comparable dump of a store."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox

from kg.graph.store import GraphStore

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"

#: The one statement that differs between two builds of the same files: when each was stored.
_INGESTED_AT = re.compile(r'(<http://www\.w3\.org/ns/prov#generatedAtTime> )"[^"]*"')


def example_inputs(folder: Path) -> list[Path]:
    """The example documents (txt, md, html) copied into ``folder``, plus a second name for the
    content of one of them and two files that cannot be read, so a build meets every case."""
    folder.mkdir(parents=True, exist_ok=True)
    copies = [Path(shutil.copy(source, folder / source.name))
              for source in sorted(EXAMPLES.iterdir()) if source.name != "README.md"]
    shutil.copy(copies[0], folder / "zz-twin-of-the-first.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    return copies


def nquads(location: Path | str) -> list[str]:
    """Every quad of the store (a folder or a remote query endpoint) as sorted N-Quads lines,
    ingestion times blanked."""
    with GraphStore(location, read_only=True) as store:
        text = ox.serialize(store.store.quads_for_pattern(None, None, None), format=ox.RdfFormat.N_QUADS)
    return sorted(_INGESTED_AT.sub(r'\1"…"', line) for line in (text or b"").decode("utf-8").splitlines())
