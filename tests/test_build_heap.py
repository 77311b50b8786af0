"""The build process's heap: the extractor is built with the collector paused, then frozen, and
the collector runs less often afterwards (kg.heap). Checked in a fresh interpreter: the
collector's state is process-wide."""
from __future__ import annotations

import json
import subprocess
import sys

from kg.config import GC_YOUNG_THRESHOLD

_PROBE = """
import gc, json
from kg import heap
collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(info["generation"]))
gc.set_threshold(700, 10, 10)
built = heap.long_lived(lambda: [[i] for i in range(200_000)])  # 200k containers: ~285 collections unpaused
during = len(collections)
frozen = gc.get_freeze_count()
garbage = [[i] for i in range(200_000)]
print(json.dumps({"during": during, "after": len(collections) - during, "frozen": frozen,
                  "enabled": gc.isenabled(), "threshold": gc.get_threshold(), "kept": len(built)}))
"""


def _probe(prelude: str = "") -> dict:
    result = subprocess.run([sys.executable, "-c", prelude + _PROBE], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_building_pauses_the_collector_then_freezes_what_it_built():
    state = _probe()
    assert state["during"] == 0
    assert state["frozen"] >= 200_000  # the built lists and everything alive before them
    assert state["enabled"]
    assert state["threshold"] == [GC_YOUNG_THRESHOLD, 10, 10]
    assert state["kept"] == 200_000
    assert 0 < state["after"] <= 200_000 // GC_YOUNG_THRESHOLD + 1  # fewer than one per 700 allocations


def test_a_collector_the_caller_disabled_stays_disabled():
    state = _probe("import gc; gc.disable()\n")
    assert not state["enabled"]
    assert state["after"] == 0
