"""Run every ``bench/bench_*.py`` module's ``main()`` in turn (``make bench``)."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    """Run all benchmarks, or only those whose module name contains one of ``argv``."""
    names = sorted(p.stem for p in Path(__file__).resolve().parent.glob("bench_*.py"))
    selected = [n for n in names if not argv or any(a in n for a in argv)]
    if not selected:
        print(f"no benchmark matches {' '.join(argv)} (have: {', '.join(names)})", file=sys.stderr)
        return 1
    for name in selected:
        print(f"== {name}", flush=True)
        importlib.import_module(f"bench.{name}").main()
        print(flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
