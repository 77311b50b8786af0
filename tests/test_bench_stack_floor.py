"""The scale-out bench's floor (``bench.stack_floor``): Oxigraph's own load of the quads a build
stored is measured on exactly those quads, leaves nothing behind, and the verdict on a budget says
"unreachable" only when the stack alone costs more than the budget."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from bench import stack_floor


def _built_store(path: Path, quads: int) -> None:
    store = ox.Store(str(path))
    graph = ox.NamedNode("https://example.org/document/1")
    store.bulk_extend(ox.Quad(ox.NamedNode(f"https://example.org/e{n}"), ox.NamedNode("https://example.org/p"),
                              ox.Literal(f"第{n}句"), graph) for n in range(quads))
    store.flush()


def test_the_floor_loads_the_quads_the_build_stored(tmp_path: Path):
    _built_store(tmp_path / "built", 2_000)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    floor = stack_floor.measure(tmp_path / "built", scratch, chars=4_000, segmentation_cpu=0.01)
    assert floor.quads == 2_000
    assert floor.oxigraph_load > 0 and floor.spacy_import > 0
    assert floor.total == floor.spacy_import + 0.01 + floor.oxigraph_load
    assert list(scratch.iterdir()) == []  # the dump and the loaded copy are gone


def test_a_budget_below_the_stack_is_unreachable_and_one_above_leaves_the_rest():
    # 100k chars: 2 CPU-s at 50k per CPU-second; jieba's 0.3 CPU-s: 0.9 at a third of its rate
    floor = stack_floor.StackFloor(chars=100_000, spacy_import=0.5, segmentation=0.3, quads=40_000, oxigraph_load=0.4)
    lines = stack_floor.report(floor, build_cpu=3.2).splitlines()
    assert lines[0].endswith("= 1.20 CPU-s; kg build --jobs 1: 3.20")
    assert lines[1] == "budget at 50k chars/CPU-s: 2.00 CPU-s, kg's own code may spend 0.8 (it spends 2.0: 2.5×)"
    assert lines[2] == "budget at a third of jieba.lcut: 0.90 CPU-s, below the stack's own cost: unreachable with this stack"
