"""``kg export`` and ``GET /export/<format>``: the same bytes for the same filters, files written
whole, one-line errors (CLI) and 400/404 (server)."""
from __future__ import annotations

import contextlib
import os
import stat
import threading

import pytest
from click.testing import CliRunner

from export_fixtures import document_quads, small_docs
from kg.cli import cli
from kg.config import ServerConfig
from kg.graph.store import GraphStore
from kg.vocab import document_iri


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("export-store") / "store"
    with GraphStore(path) as graph_store:
        for doc in small_docs():
            graph_store.write_document(document_iri(doc.sha), document_quads(doc))
    return path


@pytest.fixture(scope="module")
def client(store_path):
    """The app over the store opened read-only, as ``kg export`` opens it: both can run at once."""
    from kg.server import create_app

    graph_store = GraphStore(store_path, read_only=True)
    yield create_app(ServerConfig(store=store_path), graph_store=graph_store).test_client()
    graph_store.close()


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


CASES = [
    ("graphml", [], ""),
    ("gexf", ["--types", "Region,Industry", "--min-confidence", "0.5"], "types=Region,Industry&min_confidence=0.5"),
    ("graphml", ["--around", "江苏", "--hops", "2", "--largest-component"], "around=江苏&hops=2&largest_component=true"),
    ("gexf", ["--document", "doc2.txt", "--relations", "develops", "--relations", "part_of", "--min-degree", "1"],
     "document=doc2.txt&relations=develops&relations=part_of&min-degree=1"),
    ("graphml", ["--with-documents"], "with_documents=1"),
    ("nquads", ["--types", "Region"], "types=Region"),
    ("turtle", [], ""),
    ("jsonld", ["--document", "a" * 64], "document=" + "a" * 64),
]


@pytest.mark.parametrize("fmt, options, query", CASES)
def test_server_returns_the_cli_bytes(store_path, client, tmp_path, fmt, options, query):
    result = run("export", fmt, "--store", str(store_path), "--out", str(tmp_path), *options)
    assert result.exit_code == 0, result.output
    written = list(tmp_path.iterdir())
    assert [p.name for p in written] == [f"kg.{ {'turtle': 'ttl', 'nquads': 'nq'}.get(fmt, fmt)}"]
    response = client.get(f"/export/{fmt}?{query}")
    assert response.status_code == 200
    assert response.is_streamed
    assert response.data == written[0].read_bytes()
    assert f'filename="{written[0].name}"' in response.headers["Content-Disposition"]
    media = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml", "turtle": "text/turtle",
             "nquads": "application/n-quads", "jsonld": "application/ld+json"}[fmt]
    assert response.mimetype == media


def test_stdout_and_explicit_file(store_path, tmp_path):
    stdout = run("export", "gexf", "--store", str(store_path), "--out", "-")
    assert stdout.exit_code == 0 and stdout.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<gexf')
    target = tmp_path / "mine.gexf"
    assert run("export", "gexf", "--store", str(store_path), "--out", str(target)).exit_code == 0
    assert target.read_text("utf-8") == stdout.stdout


def test_default_folder_is_exports(store_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("export", "graphml", "--store", str(store_path)).exit_code == 0  # creates exports/
    assert (tmp_path / "exports" / "kg.graphml").stat().st_size > 1000


@pytest.mark.parametrize("options, message", [
    (["--types", "Country"], "unknown entity type 'Country'"),
    (["--document", "missing.txt"], "missing.txt: no such document"),
    (["--around", "不存在"], "no entity with this name"),
    (["--hops", "2"], "hops needs around"),
    (["--out", "/nonexistent/dir/kg.graphml"], "no such folder"),
])
def test_cli_errors_are_one_line_and_leave_no_file(store_path, tmp_path, options, message):
    result = run("export", "graphml", "--store", str(store_path), *(options if "--out" in options
                                                                    else [*options, "--out", str(tmp_path)]))
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_cli_error_on_missing_store(tmp_path):
    result = run("export", "graphml", "--store", str(tmp_path / "none"), "--out", str(tmp_path))
    assert result.exit_code == 1 and "no graph store" in result.stderr


@pytest.mark.parametrize("url, status, message", [
    ("/export/pdf", 404, "unknown export format"),
    ("/export/graphml?types=Country", 400, "unknown entity type"),
    ("/export/gexf?min_confidence=abc", 400, "must be a number"),
    ("/export/gexf?around=nowhere", 400, "no entity"),
    ("/export/gexf?largest_component=maybe", 400, "true or false"),
])
def test_server_errors(client, url, status, message):
    response = client.get(url)
    assert response.status_code == status and message in response.get_data(as_text=True)


def test_an_export_after_a_sparql_update_counts_the_new_evidence(tmp_path):
    """A raw update bypasses the graph index; the server's next export must still see it."""
    import networkx as nx

    from kg.server import create_app
    from kg.vocab import KG, RDF, entity_iri

    graph_store = GraphStore(None)
    for doc in small_docs():
        graph_store.write_document(document_iri(doc.sha), document_quads(doc))
    app = create_app(ServerConfig(store=tmp_path / "unused", update_token="t0ken-0123456789"),
                     graph_store=graph_store)
    client = app.test_client()
    jiangsu, ev = entity_iri("Region", "江苏省"), entity_iri("Industry", "新能源汽车")
    update = f"""INSERT DATA {{ GRAPH <{document_iri('a' * 64)}> {{
        <urn:kg:test:a> <{RDF.subject}> <{jiangsu}> ; <{RDF.predicate}> <{KG.targets}> ;
                        <{RDF.object}> <{ev}> ; <{KG.confidence}> 0.75 }} }}"""
    response = client.post("/sparql", data={"update": update},
                           headers={"Authorization": "Bearer t0ken-0123456789"})
    assert response.status_code == 204
    out = tmp_path / "after.graphml"
    out.write_bytes(client.get("/export/graphml").data)
    graph = nx.read_graphml(out)
    new = [d for _, _, d in graph.edges(data=True) if d["relation"] == "targets" and d["confidence"] == 0.75]
    assert len(new) == 1 and new[0]["weight"] == 1.0
    graph_store.close()


def test_an_out_path_that_is_no_regular_file_is_written_into_not_replaced(store_path, tmp_path):
    """--out /dev/stdout, a named pipe or a link: the export was written beside it and renamed over
    it, which replaced the pipe (its reader waiting for ever) or the device node (as root, /dev/full
    became a file of 140 KB for every process) and turned a link into a copy, its target left stale."""
    expected = run("export", "gexf", "--store", str(store_path), "--out", "-").stdout_bytes
    fifo = tmp_path / "pipe.gexf"
    os.mkfifo(fifo)
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(fifo.read_bytes()), daemon=True)
    reader.start()
    try:
        result = run("export", "gexf", "--store", str(store_path), "--out", str(fifo))
    finally:
        if not read:  # release a reader still waiting at the pipe's opening
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(10)
    assert result.exit_code == 0 and stat.S_ISFIFO(fifo.lstat().st_mode)
    assert read == [expected]
    (tmp_path / "real.gexf").write_bytes(b"old")
    link = tmp_path / "link.gexf"
    link.symlink_to("real.gexf")
    assert run("export", "gexf", "--store", str(store_path), "--out", str(link)).exit_code == 0
    assert link.is_symlink() and (tmp_path / "real.gexf").read_bytes() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.gexf", "pipe.gexf", "real.gexf"]


@pytest.mark.parametrize("mode", [0o444, 0o000])
def test_a_read_only_out_file_is_refused_in_one_line_and_left_as_it_was(store_path, tmp_path, mode):
    """The export was written beside the file and renamed over it, which needs no right on the file:
    a read-only kg.graphml (444, or 000) was replaced by a new file of mode 644."""
    target = tmp_path / "kg.graphml"
    target.write_bytes(b"kept")
    target.chmod(mode)
    for out in (target, tmp_path):  # named, or the default name in the folder given
        result = run("export", "graphml", "--store", str(store_path), "--out", str(out))
        assert result.exit_code == 1 and result.stderr.strip().count("\n") == 0
        assert f"cannot write {target}: Permission denied (a read-only file, mode {mode:04o}" in result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == mode
    target.chmod(0o600)
    assert target.read_bytes() == b"kept" and [p.name for p in tmp_path.iterdir()] == ["kg.graphml"]


def test_an_out_file_replaced_keeps_its_permissions(store_path, tmp_path):
    target = tmp_path / "kg.gexf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    assert run("export", "gexf", "--store", str(store_path), "--out", str(target)).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_bytes() != b"old"


@pytest.mark.parametrize("option, named", [("--around", "around"), ("--document", "document"),
                                           ("--types", "types"), ("--relations", "relations")])
def test_an_empty_filter_is_refused_not_read_as_no_filter(store_path, tmp_path, option, named):
    """`kg export graphml --around "$ENTITY"` with the variable unset (and ?around= on the server)
    wrote the whole graph, as if no filter had been asked for."""
    import subprocess
    import sys

    import requests

    from tests.server_fixtures import REPO, live_server

    out = tmp_path / "out.graphml"
    done = subprocess.run([sys.executable, "-m", "kg.cli", "export", "graphml", "--store", str(store_path),
                           option, " ", "--out", str(out)], cwd=REPO, capture_output=True, text=True, timeout=120)
    said = f"{named} is empty: give a value or leave the filter out"
    assert (done.returncode, done.stderr) == (1, f"kg: error: {said}\n")
    assert not out.exists()
    with live_server(store_path, token=None) as live:
        answer = requests.get(f"{live.base}/export/graphml?{named}=", timeout=60)
    assert (answer.status_code, answer.text) == (400, f"400 Bad Request: {said}\n")
