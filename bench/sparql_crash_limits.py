"""Where Oxigraph's stack overflows: for each shape of deep SPARQL, the smallest size that
crashes pyoxigraph (a segfault) when evaluated on a thread, found by bisection in subprocesses.
The limits in ``kg.config.QueryLimits`` are chosen from these figures with a margin.

    .venv/bin/python -m bench.sparql_crash_limits [SHAPE ...]
"""
from __future__ import annotations

import subprocess
import sys

SHAPES = {
    "braces": lambda n: "SELECT * WHERE " + "{" * n + " ?s ?p ?o " + "}" * n,
    "braces_unbalanced": lambda n: "SELECT * WHERE " + "{" * n,
    "parentheses": lambda n: "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * n + "?o" + ")" * n + ") }",
    "parentheses_unbalanced": lambda n: "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * n,
    "optional": lambda n: "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o } " * n + "}",
    "union": lambda n: "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * n) + " }",
    "minus": lambda n: "SELECT * WHERE { ?s ?p ?o " + "MINUS { ?s ?p ?o } " * n + "}",
    "bind": lambda n: "SELECT * WHERE { ?s ?p ?o " + " ".join(f"BIND(1 AS ?v{i})" for i in range(n)) + "}",
    "plus": lambda n: "SELECT * WHERE { ?s ?p ?o FILTER(" + "+".join(["1"] * n) + ") }",
    "or": lambda n: "SELECT * WHERE { ?s ?p ?o FILTER(" + "||".join(["?o"] * n) + ") }",
    "alternative_path": lambda n: "SELECT * WHERE { <http://a> " + "|".join(["<http://p>"] * n) + " ?o }",
}

_CHILD = r'''
import sys, threading, pyoxigraph as ox
query = sys.stdin.read()
store = ox.Store()
store.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://p"), ox.NamedNode("http://b")))
def run():
    try:
        list(store.query(query))
    except Exception:
        pass
thread = threading.Thread(target=run)
thread.start()
thread.join()
'''


def crashes(query: str) -> bool:
    try:
        return subprocess.run([sys.executable, "-c", _CHILD], input=query, text=True, capture_output=True,
                              timeout=60).returncode != 0
    except subprocess.TimeoutExpired:
        return False


def smallest_crash(shape, largest: int = 50_000) -> int | None:
    if not crashes(shape(largest)):
        return None
    low, high = 1, largest
    while high - low > max(1, low // 50):  # 2 % precision
        middle = (low + high) // 2
        low, high = (low, middle) if crashes(shape(middle)) else (middle, high)
    return high


def main(names: list[str]) -> None:
    for name in names or SHAPES:
        size = smallest_crash(SHAPES[name])
        print(f"{name:24} " + (f"crashes at {size:,}" if size else "no crash up to 50,000"), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
