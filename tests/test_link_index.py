"""The name index beside the store: a new process finds what earlier ones linked without reading
every name, and the index follows whatever changed the store since — documents written or
removed behind its back, an interrupted rewrite, other matching rules, a read-only store."""
from __future__ import annotations

import gc
import random
from collections import Counter
import sqlite3

import pytest
from link_fixtures import INGESTED, extraction, write

import kg.link.index as index_module
from kg.graph.builder import extraction_quads
from kg.graph.store import GraphStore
from kg.link import Linker
from kg.graph.derived import WRITING
from kg.link.index import INDEX_FILE, chunk_keys, probe_keys
from kg.vocab import document_iri, entity_iri


def link_and_write(graph_store: GraphStore, ex) -> None:
    Linker(graph_store).link(ex)
    write(graph_store, ex)


def resolved(store_dir, name: str, entity_type: str, *, read_only: bool = False):
    """What a new process's linker links ``name`` to (None: a new node)."""
    with GraphStore(store_dir, read_only=read_only) as graph_store:
        report = Linker(graph_store, dry_run=True).link(extraction("probe", [(entity_type, name)]))
    got = report.entities[0]
    return None if got.new else got.id


def index_rows(store_dir) -> int:
    with sqlite3.connect(store_dir / INDEX_FILE) as db:
        return db.execute("SELECT COUNT(*) FROM statement").fetchone()[0]


@pytest.fixture
def store_dir(tmp_path):
    path = tmp_path / "kg"
    with GraphStore(path) as graph_store:
        link_and_write(graph_store, extraction("a", [("Region", "江苏省"), ("Enterprise", "传化集团")]))
    return path


def test_a_new_process_finds_what_earlier_ones_linked(store_dir):
    assert resolved(store_dir, "江苏", "Region") == entity_iri("Region", "江苏省")
    assert index_rows(store_dir) > 0  # the first process to open it again indexed the document
    assert resolved(store_dir, "传化集团有限公司", "Enterprise") == entity_iri("Enterprise", "传化集团")


def test_documents_written_or_removed_behind_the_index_are_caught_up_with(store_dir):
    late = extraction("late", [("Enterprise", "万向集团")])
    with GraphStore(store_dir) as graph_store:
        write(graph_store, late)  # no linker involved: the index does not know
    assert resolved(store_dir, "万向集团有限公司", "Enterprise") == entity_iri("Enterprise", "万向集团")
    with GraphStore(store_dir) as graph_store:
        graph_store.remove_document(document_iri(late.document.sha256))
    assert resolved(store_dir, "万向集团有限公司", "Enterprise") is None
    assert resolved(store_dir, "江苏", "Region") == entity_iri("Region", "江苏省")


def test_an_interrupted_rewrite_or_other_rules_rebuild_the_index(store_dir, monkeypatch):
    with sqlite3.connect(store_dir / INDEX_FILE) as db:  # rows lost mid-rewrite
        db.execute("DELETE FROM naming")
        db.execute("UPDATE state SET value = ? WHERE key = 'status'", (WRITING,))
    assert resolved(store_dir, "江苏", "Region") == entity_iri("Region", "江苏省")
    with sqlite3.connect(store_dir / INDEX_FILE) as db:
        db.execute("DELETE FROM naming")  # stale rows, but a rule change re-derives them
    monkeypatch.setattr(index_module, "INDEX_VERSION", index_module.INDEX_VERSION + "-next")
    assert resolved(store_dir, "江苏", "Region") == entity_iri("Region", "江苏省")


def test_a_read_only_store_links_against_a_private_copy_of_an_out_of_date_index(store_dir):
    with GraphStore(store_dir) as graph_store:
        write(graph_store, extraction("late", [("Enterprise", "万向集团")]))
    rows = index_rows(store_dir)
    assert resolved(store_dir, "万向集团有限公司", "Enterprise", read_only=True) == entity_iri("Enterprise", "万向集团")
    assert index_rows(store_dir) == rows  # the file on disk was left alone


def test_a_damaged_index_file_is_rebuilt_by_the_next_writer(store_dir):
    """A name index overwritten with junk (not a database): before, a writer's linker failed with
    'DatabaseError: file is not a database' (kg build, kg link)."""
    gc.collect()  # the fixture's linker, in a reference cycle, would close its connection (and checkpoint) later
    for suffix in ("-wal", "-shm"):  # a write-ahead log still open would mask the main file's first page
        (store_dir / f"{INDEX_FILE}{suffix}").unlink(missing_ok=True)
    (store_dir / INDEX_FILE).write_bytes(b"\xde\xad" * 5000)
    assert resolved(store_dir, "江苏", "Region", read_only=True) == entity_iri("Region", "江苏省")
    with GraphStore(store_dir) as graph_store:  # a writer's linker (a dry run's reads as a reader's)
        report = Linker(graph_store).link(extraction("b", [("Region", "江苏")]))
    assert report.entities[0].id == entity_iri("Region", "江苏省")
    assert index_rows(store_dir) > 0

def test_every_name_within_two_edits_shares_a_chunk_key():
    rng = random.Random(7)
    alphabet = "关于加快推进新能源汽车产业发展的实施意见方案规划行动计划科技创新"
    for _ in range(2_000):
        stored = "".join(rng.choice(alphabet) for _ in range(rng.randint(8, 30)))
        probe = list(stored)
        for _ in range(rng.randint(0, 2)):
            if rng.random() < 0.5 and len(probe) > 1:
                del probe[rng.randrange(len(probe))]
            else:
                probe.insert(rng.randrange(len(probe) + 1), rng.choice(alphabet))
        assert chunk_keys("Policy", stored) & probe_keys("Policy", "".join(probe)), (stored, probe)


def test_fuzzy_candidates_are_found_among_many_look_alikes():
    graph_store = GraphStore(None)
    titles = [f"关于加快推进第{i}批新能源汽车产业发展的实施意见" for i in range(300)]
    write(graph_store, extraction("many", [("Policy", t) for t in titles]
                                  + [("Policy", "长三角科技创新共同体建设发展规划")]))
    report = Linker(graph_store).link(extraction("b", [("Policy", "长三角科创共同体建设发展规划")]))
    assert report.entities[0].id == entity_iri("Policy", "长三角科技创新共同体建设发展规划")
    assert report.entities[0].method == "fuzzy"


def test_a_raw_write_inside_a_document_graph_makes_the_next_linker_rebuild_the_index(store_dir):
    """A SPARQL Update through the server may rename a node inside an existing document graph,
    which the set of document graphs does not reveal: raw_write marks the index stale."""
    node = entity_iri("Enterprise", "传化集团")
    assert resolved(store_dir, "传化控股", "Enterprise") is None  # not a name of it yet
    with GraphStore(store_dir) as graph_store, graph_store.raw_write() as store:
        store.update(f"""INSERT {{ GRAPH ?g {{ <{node}> <http://www.w3.org/2004/02/skos/core#altLabel> "传化控股"@zh }} }}
                         WHERE {{ GRAPH ?g {{ <{node}> a ?cls }} }}""")
    del store  # the store's lock goes with its last reference
    assert resolved(store_dir, "传化控股", "Enterprise") == node


def test_a_queued_document_gives_the_rows_it_will_give_once_written():
    """The linker indexes a document queued for the next bulk load from its quads: the rows the
    store gives once it is written (a node typed twice takes its first type, as read from the store)."""
    ex = extraction("queued", [("Region", "江苏省", "江苏省", ["苏"]), ("Region", "南京市"), ("Industry", "集成电路")],
                    [("南京市", "part_of", "江苏省")])
    ex.entities[2].iri = ex.entities[1].iri  # 南京市 typed Industry too: one node, two types
    graph = document_iri(ex.document.sha256)
    quads = extraction_quads(ex, ingested_at=INGESTED)
    with GraphStore(None) as graph_store:
        graph_store.queue_document(graph, quads)
        queued = index_module.queued_graph_rows(graph_store.queued_quads(graph))
        graph_store.write_queued()
        stored = index_module.graph_rows(graph_store.store, graph)
    assert sorted(queued[0]) == sorted(stored[0]) and len(stored[0]) >= 4
    assert queued[1] == stored[1] == [(ex.entities[1].iri, "Region", "partOf", ex.entities[0].iri)]
    assert {row[1] for row in stored[0] if row[0] == ex.entities[1].iri} == {"Region"}


def test_fuzzy_candidates_count_shared_keys_and_read_at_most_max_posting_names_per_key(monkeypatch):
    """The batched look-up answers as one look-up per probe key would: each node counted once per
    key it shares, and of a key only the first MAX_POSTING names (in the order they were indexed)."""
    graph_store = GraphStore(None)
    titles = [f"关于加快推进第{i}批新能源汽车产业发展的实施意见" for i in range(40)]
    write(graph_store, extraction("many", [("Policy", t) for t in titles]))
    names = Linker(graph_store).index
    names.catch_up()
    monkeypatch.setattr(index_module, "MAX_POSTING", 7)
    probe = names.form("关于加快推进第9批新能源汽车产业发展的实施意见", "Policy").core
    expected = Counter()
    for key in index_module.probe_keys("Policy", index_module.skeleton(probe)):
        expected.update(row[0] for row in names.stored.db.execute(
            "SELECT DISTINCT n.iri FROM (SELECT form FROM chunk WHERE key = ? ORDER BY form LIMIT 7) c "
            "JOIN naming m ON m.form = c.form JOIN node n ON n.id = m.node", (key,)))
    got = names.stored.fuzzy_candidates("Policy", probe)
    assert got == expected and max(expected.values()) > 1 and len(expected) < len(titles)


def test_a_fuzzy_look_up_works_out_its_probe_keys_once_for_the_index_and_the_pending_names():
    """The stored index and the pending names are probed with the same keys: computed once."""
    graph_store = GraphStore(None)
    write(graph_store, extraction("stored", [("Policy", "关于加快推进新能源汽车产业高质量发展的实施意见")]))
    names = Linker(graph_store).index
    names.catch_up()
    probe = names.form("关于加快推进新能源汽车产业高质量发展的若干意见", "Policy").core
    index_module.probe_keys.cache_clear()
    assert names.fuzzy_candidates("Policy", probe)
    assert index_module.probe_keys.cache_info().misses == 1


def test_a_documents_look_ups_share_one_read_transaction_that_ends_before_its_relabelling(store_dir):
    """Linking reads the name index inside one transaction and closes it before the relabelling
    writes (whose BEGIN IMMEDIATE would fail inside one); an open transaction is left alone."""
    with GraphStore(store_dir) as graph_store:
        linker = Linker(graph_store)
        db = linker.index.stored.db
        seen = []
        node = linker.index.node
        linker.index.node = lambda iri: seen.append(db.in_transaction) or node(iri)
        report = linker.link(extraction("fuller", [("Enterprise", "传化集团有限公司")]))
        assert report.relabelled and seen and all(seen) and not db.in_transaction
        db.execute("BEGIN")
        with linker.index.reading():
            assert linker.index.by_label("Region", "江苏省") == {entity_iri("Region", "江苏省")}
        assert db.in_transaction
        db.rollback()
