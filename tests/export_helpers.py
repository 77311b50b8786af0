"""Shared checks for the export tests: schema validation, readers (networkx, igraph, graphology) and
SPARQL counts over the store to compare exports with."""
from __future__ import annotations

import json
import subprocess
import warnings
from functools import lru_cache
from pathlib import Path

import networkx as nx
import xmlschema
from conftest import SCHEMAS

from kg.export import export
from kg.vocab import RELATION_PROPERTY, TYPE_CLASS

JS = Path(__file__).resolve().parent / "js"

_CLASSES = " ".join(f"<{c}>" for c in TYPE_CLASS.values())
_PROPERTIES = " ".join(f"<{p}>" for p in RELATION_PROPERTY.values())


@lru_cache(maxsize=None)
def schema(name: str) -> xmlschema.XMLSchema:
    """A schema from tests/data/schemas; its imports (xlink.xsd, viz.xsd) resolve to the local
    files next to it, so nothing is fetched."""
    return xmlschema.XMLSchema(str(SCHEMAS / name), base_url=str(SCHEMAS))


def write(graph_store, tmp_path: Path, fmt: str, flt=None, name: str | None = None) -> Path:
    path = tmp_path / (name or f"kg.{fmt}")
    path.write_bytes(b"".join(export(graph_store, fmt, flt)))
    return path


def validate(path: Path) -> None:
    schema("graphml.xsd" if path.suffix == ".graphml" else "gexf.xsd").validate(str(path))


def read_networkx(path: Path) -> nx.MultiDiGraph:
    """Read with networkx, failing on any warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        if path.suffix == ".graphml":
            graph = nx.read_graphml(path, force_multigraph=True)
        else:
            graph = nx.read_gexf(path)  # a MultiDiGraph only if the file has parallel edges
    return graph if graph.is_multigraph() else nx.MultiDiGraph(graph)


def read_igraph(path: Path):
    import igraph

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return igraph.Graph.Read_GraphML(str(path))


def read_graphology(path: Path) -> dict:
    """Read with graphology-graphml or graphology-gexf under node (tests/js, installed by `make setup`)."""
    reader = "graphology-gexf" if path.suffix == ".gexf" else "graphology-graphml"
    assert (JS / "node_modules" / reader).is_dir(), "run `make setup` (npm install in tests/js)"
    done = subprocess.run(["node", str(JS / "readback.js"), str(path)], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", done.stderr
    return json.loads(done.stdout)


def count_nodes(graph_store) -> int:
    rows = graph_store.query(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ VALUES ?c {{ {_CLASSES} }} ?e a ?c }}")
    return int(next(iter(rows))["n"].value)


def count_edges(graph_store) -> int:
    """Distinct (head, relation, tail) between two entities: what the exports must hold."""
    rows = graph_store.query(f"""SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?h ?p ?t WHERE {{
        VALUES ?p {{ {_PROPERTIES} }} VALUES ?c1 {{ {_CLASSES} }} VALUES ?c2 {{ {_CLASSES} }}
        ?h ?p ?t . ?h a ?c1 . ?t a ?c2 }} }}""")
    return int(next(iter(rows))["n"].value)
