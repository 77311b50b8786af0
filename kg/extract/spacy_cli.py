"""spaCy without its command line.

``spacy/__init__`` imports ``spacy.cli.info`` only to re-export ``spacy.info``, and that pulls in
the whole of spaCy's CLI (typer, weasel, httpx, requests, jinja2, its config templates): a third of
spaCy's import, ~0.2 CPU-s of every ``kg build``'s start-up and of each worker's, for commands kg
never runs. :func:`defer_spacy_cli` has that one import find a placeholder instead; ``spacy.info``
then imports the real command when called, and the placeholder is gone once spaCy took it, so
``import spacy.cli`` later loads the real package.
"""
from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

_NAME = "spacy.cli.info"


def defer_spacy_cli() -> None:
    """Let the next ``import spacy`` skip its CLI (nothing to do once spaCy or the CLI is loaded)."""
    if "spacy" in sys.modules or _NAME in sys.modules:
        return
    placeholder = ModuleType(_NAME)

    def take(name: str) -> Any:
        if sys.modules.get(_NAME) is placeholder:
            del sys.modules[_NAME]  # spaCy's own import took it: from now on the real module
        if name != "info":
            raise AttributeError(f"module {_NAME!r} has no attribute {name!r}")
        return info

    placeholder.__getattr__ = take  # type: ignore[method-assign]
    sys.modules[_NAME] = placeholder


def info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: spaCy's own, imported on first call."""
    from spacy.cli.info import info as spacy_info

    return spacy_info(*args, **kwargs)
