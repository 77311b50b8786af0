"""What ``kg build`` imports before its first document (issue #15: start-up ≤ 2 s). Each module
named here cost a build's start-up a tenth of a CPU-second or more for something it never uses."""
from __future__ import annotations

import subprocess
import sys

#: A build's start-up: the CLI, the writer's modules, the pipeline of its extractor.
_BUILD_START = ("import sys; import kg.cli, kg.pipeline, kg.link; from kg.extract.pipeline import build_pipeline; "
                "import spacy; print(' '.join(sorted(sys.modules)))")


def _loaded(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    return set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())


def test_a_build_imports_neither_spacys_command_line_nor_rdflib_nor_the_server_nor_sparql():
    loaded = _loaded(_BUILD_START)
    assert "spacy.language" in loaded  # the pipeline is there ...
    assert not {m for m in loaded if m.startswith(("spacy.cli", "typer", "weasel", "rdflib", "flask", "kg.server", "kg.sparql"))}


def test_spacy_keeps_its_info_command_and_its_cli_after_a_deferred_import():
    code = ("import kg.extract, spacy, spacy.cli; from spacy.cli.info import info; "
            "print(spacy.info is not None, spacy.cli.info is info, 'spacy_version' in spacy.info())")
    assert _loaded(code) == {"True"}
