"""Fault injection: a real ``kg build`` or ``kg remove`` killed (SIGKILL) at a named point of a
write never leaves the exports wrong (issue 12, finding 5).

The process kills itself where ``KG_KILL_AT`` says (:mod:`kg.faults`); the next write must then
see the ``writing`` status the dead process left as not its own and have the graph index rebuilt,
so every export afterwards equals the one of the same commands run without a kill. The tagger is
off (``KG_NER=0``) to keep each process short; the write path is the same.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from export_fixtures import (
    document_quads, entities_in_index, entities_in_store, relations_in_index, relations_in_store, small_docs,
)

from kg.graph.chunked import hidden_graphs
from kg.graph.derived import CURRENT, STALE, mark_all_stale, read_state
from kg.graph.store import GraphStore
from kg.link.index import NameIndex
from kg.vocab import document_iri

pytestmark = pytest.mark.xdist_group("interrupted-writes")

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
REMOVED = EXAMPLES / "02-tcm-industry.md"
KG = [str(Path(sys.executable).with_name("kg"))]


def kg(*args: str | Path, kill_at: str | None = None, **settings: str) -> subprocess.CompletedProcess:
    """Run ``kg``, one extraction process and one document per bulk load (so that the N-th write
    is the N-th document's) unless ``settings`` say otherwise (``KG_JOBS``, ``KG_STORE_CHUNK_QUADS``,
    ``KG_STORE_BATCH_QUADS``)."""
    env = {**os.environ, "KG_NER": "0", "KG_JOBS": "1", **ONE_DOCUMENT_PER_LOAD, **settings}
    env.pop("KG_KILL_AT", None)
    if kill_at is not None:
        env["KG_KILL_AT"] = kill_at
    return subprocess.run([*KG, *map(str, args)], env=env, cwd=REPO, capture_output=True, text=True, timeout=300)


#: Each new document bulk-loaded on its own.
ONE_DOCUMENT_PER_LOAD = {"KG_STORE_BATCH_QUADS": "1"}
#: The examples' new documents bulk-loaded all in one load (they hold ~4,800 quads).
ALL_IN_ONE_LOAD = {"KG_STORE_BATCH_QUADS": "100000"}
#: Every example document's graph is written (and deleted) in chunks of this many quads.
SMALL_CHUNKS = {"KG_STORE_CHUNK_QUADS": "300"}


def graphml(store: Path) -> list[str]:
    """The GraphML export, its lines sorted and edge ids dropped (they number edges in index order)."""
    out = store.parent / f"{store.name}.graphml"
    done = kg("export", "graphml", "--store", store, "--out", out)
    assert done.returncode == 0, done.stderr
    return sorted(re.sub(r'<edge id="e\d+" ', "<edge ", line) for line in out.read_text(encoding="utf-8").splitlines())


def killed(done: subprocess.CompletedProcess) -> bool:
    return done.returncode == -signal.SIGKILL


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, list[str]]:
    """A store of the examples, and its export."""
    store = tmp_path_factory.mktemp("built") / "store"
    done = kg("build", EXAMPLES, "--store", store)
    assert done.returncode == 0, done.stderr
    return store, graphml(store)


@pytest.fixture(scope="module")
def extra(tmp_path_factory) -> Path:
    """A document written after an interrupted command."""
    path = tmp_path_factory.mktemp("extra") / "extra.txt"
    path.write_text("江苏省南京市人民政府支持南京市发展集成电路产业。\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def removed_then_extra(tmp_path_factory, built, extra) -> list[str]:
    """The export after removing one example and adding ``extra``, uninterrupted."""
    store = tmp_path_factory.mktemp("reference") / "store"
    shutil.copytree(built[0], store)
    assert kg("remove", REMOVED, "--store", store).returncode == 0
    assert kg("build", extra, "--store", store).returncode == 0
    return graphml(store)


@pytest.mark.parametrize("kill_at", ["graph-index-writing:1", "store-written:1", "store-written:3",
                                     "graph-index-caught-up:2"])
def test_build_killed_during_a_write_then_rerun_exports_as_a_clean_build(tmp_path, built, kill_at):
    store = tmp_path / "store"
    assert killed(kg("build", EXAMPLES, "--store", store, kill_at=kill_at))
    done = kg("build", EXAMPLES, "--store", store)
    assert done.returncode == 0, done.stderr
    assert graphml(store) == built[1]


@pytest.mark.parametrize("kill_at", ["graph-index-writing", "store-written", "graph-index-caught-up"])
def test_remove_killed_during_its_write_then_next_write_exports_as_uninterrupted(
        tmp_path, built, extra, removed_then_extra, kill_at):
    store = tmp_path / "store"
    shutil.copytree(built[0], store)
    assert killed(kg("remove", REMOVED, "--store", store, kill_at=kill_at))
    kg("remove", REMOVED, "--store", store)  # gone already if the kill came after the store write
    done = kg("build", extra, "--store", store)
    assert done.returncode == 0, done.stderr
    assert graphml(store) == removed_then_extra


def quad_count(store: Path) -> int:
    """The quads a reader sees (a read-only ``kg query`` over the union graph)."""
    done = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", store, "--format", "json")
    assert done.returncode == 0, done.stderr
    return int(json.loads(done.stdout)["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("kill_at", ["store-chunk-written:1", "store-chunk-written:9", "store-written:2"])
def test_build_killed_between_chunks_then_rerun_exports_as_a_clean_build(tmp_path, built, kill_at):
    """A document killed between its chunks is invisible to readers, deleted by the next write."""
    store = tmp_path / "store"
    assert killed(kg("build", EXAMPLES, "--store", store, kill_at=kill_at, **SMALL_CHUNKS))
    complete = tmp_path / "complete"
    shutil.copytree(store, complete)
    with GraphStore(complete) as graph_store:  # a writable open deletes the unfinished document
        healed = graph_store.quad_count()
    assert quad_count(store) == healed  # a read-only reader beside it already saw only that
    done = kg("build", EXAMPLES, "--store", store, **SMALL_CHUNKS)
    assert done.returncode == 0, done.stderr
    assert graphml(store) == built[1]


def test_build_with_2_jobs_killed_between_chunks_then_rerun_exports_as_a_clean_build(tmp_path, built):
    store = tmp_path / "store"
    assert killed(kg("build", EXAMPLES, "--store", store, kill_at="store-chunk-written:5", KG_JOBS="2", **SMALL_CHUNKS))
    done = kg("build", EXAMPLES, "--store", store, KG_JOBS="2", **SMALL_CHUNKS)
    assert done.returncode == 0, done.stderr
    assert graphml(store) == built[1]


def session_members(session: int) -> set[int]:
    """The processes still alive in ``session`` (zombies left out: they are dead)."""
    members = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        if fields[0] != "Z" and int(fields[3]) == session:
            members.add(int(stat.parent.name))
    return members


def test_workers_of_a_killed_parallel_build_die_with_it(tmp_path):
    """kill -9 of ``kg build --jobs 2``: its fork server and extraction workers go too."""
    env = {**os.environ, "KG_NER": "0", "KG_JOBS": "2", "KG_KILL_AT": "store-written:1"}
    build = subprocess.Popen([*KG, "build", str(EXAMPLES), "--store", str(tmp_path / "store")], env=env,
                             cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    assert build.wait(timeout=300) == -signal.SIGKILL
    survivors = session_members(build.pid)
    for _ in range(100):  # the kernel kills them as each parent exits: a moment, not a deadline
        if not survivors:
            break
        time.sleep(0.1)
        survivors = session_members(build.pid)
    for pid in survivors:  # leave no process behind, whatever the outcome
        os.kill(pid, signal.SIGKILL)
    assert not survivors


def test_remove_killed_between_chunks_then_next_write_exports_as_uninterrupted(
        tmp_path, built, extra, removed_then_extra):
    store = tmp_path / "store"
    shutil.copytree(built[0], store)
    assert killed(kg("remove", REMOVED, "--store", store, kill_at="store-chunk-deleted:2", **SMALL_CHUNKS))
    done = kg("build", extra, "--store", store, **SMALL_CHUNKS)
    assert done.returncode == 0, done.stderr
    assert graphml(store) == removed_then_extra


def test_killed_build_leaves_an_index_no_later_writer_takes_as_its_own(tmp_path):
    store = tmp_path / "store"
    assert killed(kg("build", EXAMPLES / "01-yangtze-delta-nev.txt", "--store", store, kill_at="store-written"))
    with GraphStore(store) as graph_store:
        graph_store.index.begin_write()
        assert graph_store.index.status == STALE  # the dead writer's mark, not continued
        with graph_store.index.catching_up():
            pass
        assert graph_store.index.status == STALE
        assert graph_store.current_index().status == CURRENT


def test_a_write_whose_index_failed_to_catch_up_is_not_finished_by_the_next(tmp_path, monkeypatch):
    """In one process: the store took the document, the index's catching up failed (rolled back);
    the next write of the same writer must not mark the index current over the missing rows."""
    first, second, *_ = small_docs()
    with GraphStore(tmp_path / "store") as graph_store:
        index = graph_store.index

        def fail(*_args):
            raise RuntimeError("index write failed")

        monkeypatch.setattr(index, "replace_documents", fail)
        with pytest.raises(RuntimeError):
            graph_store.write_document(document_iri(first.sha), document_quads(first))
        monkeypatch.undo()
        graph_store.write_document(document_iri(second.sha), document_quads(second))
        assert graph_store.index.status == STALE
        graph_store.current_index()
        assert relations_in_index(graph_store) == relations_in_store(graph_store)
        assert entities_in_index(graph_store) == entities_in_store(graph_store)


def test_name_index_rewrite_keeps_a_stale_mark_made_meanwhile(tmp_path):
    """A raw write (Graph Store, SPARQL Update) between a linker's rewrite mark and its catching
    up leaves the name index stale: the rewrite does not mark it current over the raw write."""
    with GraphStore(tmp_path / "store") as graph_store:
        index = NameIndex.open(graph_store)
        assert index._state("status") == CURRENT
        index.begin_rewrite()
        mark_all_stale(graph_store.path)
        index.refresh_nodes(graph_store, [])
        assert read_state(index.db, "status") == STALE


def test_build_killed_inside_a_bulk_load_then_rerun_exports_as_a_clean_build(tmp_path, built):
    """A new document is bulk-loaded (not atomic) while hidden: killed before it is revealed, it is
    invisible to readers and deleted by the next write."""
    store = tmp_path / "store"
    assert killed(kg("build", EXAMPLES, "--store", store, kill_at="store-bulk-loaded:2"))
    complete = tmp_path / "complete"
    shutil.copytree(store, complete)
    with GraphStore(complete) as graph_store:  # a writable open deletes the unfinished document
        healed = graph_store.quad_count()
        assert graph_store.store.is_empty() is False and len(list(graph_store.store.named_graphs())) == 1
    assert quad_count(store) == healed
    done = kg("build", EXAMPLES, "--store", store)
    assert done.returncode == 0, done.stderr
    assert graphml(store) == built[1]


def test_build_killed_inside_a_bulk_load_of_several_documents_leaves_none_of_them(tmp_path, built):
    """Several new documents in one bulk load: killed before they are revealed, none of them is
    seen by a reader, the next write deletes them all, and a rebuild is a clean build."""
    store = tmp_path / "store"
    assert killed(kg("build", EXAMPLES, "--store", store, kill_at="store-bulk-loaded:1", **ALL_IN_ONE_LOAD))
    assert quad_count(store) == 0
    with GraphStore(store, read_only=True) as graph_store:  # the documents of that load, whole and hidden
        hidden = hidden_graphs(graph_store.store)
        assert len(hidden) >= 2 and graph_store.quad_count() == 0
        loaded = len(graph_store.store) - len(hidden)  # less their markers
    with GraphStore(built[0], read_only=True) as complete:
        assert loaded == sum(1 for g in hidden for _ in complete.store.quads_for_pattern(None, None, None, ox.NamedNode(g)))
    with GraphStore(store) as graph_store:  # a writable open deletes them
        assert graph_store.store.is_empty() and graph_store.documents() == []
    done = kg("build", EXAMPLES, "--store", store, **ALL_IN_ONE_LOAD)
    assert done.returncode == 0, done.stderr
    assert graphml(store) == built[1]
