"""kg build / query / stats / validate as a user runs them (click's CliRunner), on a real corpus
file built once for the module."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import cli
from kg.graph.store import GraphStore
from rdf_fixtures import LAUGHS, limit_memory

#: One worker runs this module under `pytest -n`, so its store is built once (setup.cfg: loadgroup).
pytestmark = pytest.mark.xdist_group("cli-build")

COUNT_ENTITIES = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e rdfs:label ?l }"


def kg(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.fixture(scope="module")
def built(tmp_path_factory, corpus_files) -> tuple[Path, Result]:
    """The smallest corpus file built into a fresh store."""
    root = tmp_path_factory.mktemp("cli")
    source = min(corpus_files, key=lambda p: p.stat().st_size)
    shutil.copy(source, root / source.name)
    store = root / "store"
    return store, kg("build", str(root / source.name), "--store", str(store))


@pytest.mark.parametrize("command", ["build", "query", "stats", "validate"])
def test_every_command_has_help(command):
    result = kg(command, "--help")
    assert result.exit_code == 0
    assert "--store" in result.output


def test_build_prints_a_summary(built):
    store, result = built
    assert result.exit_code == 0, result.output + result.stderr
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["documents", "1", "added,"]
    for heading in ("entities", "relations", "quads", "seconds"):
        assert any(line.startswith(heading) for line in lines), heading
    for entity_type in ("Policy", "Region", "Enterprise", "Industry", "Organization"):
        assert any(line.split()[0] == entity_type for line in lines if line.startswith("  "))
    quads = next(line for line in lines if line.startswith("quads")).split()[1]
    with GraphStore(store, read_only=True) as graph_store:
        assert int(quads) == graph_store.quad_count() > 0


def test_build_json_report(built, tmp_path):
    store, _ = built
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    source = next(store.parent.glob("*.txt"))
    result = kg("build", str(source), "--store", str(copy), "--json")
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report["added"] == [] and report["skipped"] == [str(source.resolve())]
    assert report["quads_added"] == 0 and report["documents"] == 1


def test_query_table(built):
    store, _ = built
    result = kg("query", "SELECT ?doc ?title WHERE { ?doc a kg:Document ; dcterms:title ?title }",
                "--store", str(store))
    assert result.exit_code == 0, result.stderr
    lines = result.output.splitlines()
    assert lines[0].split() == ["doc", "title"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[2].startswith("document:")
    assert lines[-1] == "(1 row)"


def test_query_table_cells_escape_line_breaks_and_terminal_escapes(built):
    """A label holding a line break or an escape sequence (clear screen) prints escaped in its cell; JSON keeps it."""
    store, _ = built
    query = 'SELECT ?l WHERE { BIND("江苏\\u001B[2J省\\n人民政府" AS ?l) }'
    result = kg("query", query, "--store", str(store))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[2] == "江苏\\x1b[2J省\\n人民政府"
    as_json = kg("query", query, "--store", str(store), "--format", "json")
    assert json.loads(as_json.stdout)["results"]["bindings"][0]["l"]["value"] == "江苏\x1b[2J省\n人民政府"


def test_query_json_csv_tsv(built):
    store, _ = built
    as_json = json.loads(kg("query", COUNT_ENTITIES, "--format", "json", "--store", str(store)).output)
    count = int(as_json["results"]["bindings"][0]["n"]["value"])
    assert count > 0
    rows = list(csv.reader(io.StringIO(kg("query", COUNT_ENTITIES, "--format", "csv", "--store", str(store)).output)))
    assert rows == [["n"], [str(count)]]
    tsv = kg("query", COUNT_ENTITIES, "--format", "tsv", "--store", str(store)).output.splitlines()
    assert tsv == ["?n", str(count)]


def test_query_from_stdin_and_file(built, tmp_path):
    store, _ = built
    from_stdin = kg("query", "-", "--format", "csv", "--store", str(store), input=COUNT_ENTITIES)
    query_file = tmp_path / "count.rq"
    query_file.write_text(COUNT_ENTITIES, encoding="utf-8")
    from_file = kg("query", f"@{query_file}", "--format", "csv", "--store", str(store))
    direct = kg("query", COUNT_ENTITIES, "--format", "csv", "--store", str(store))
    assert from_stdin.exit_code == from_file.exit_code == 0
    assert from_stdin.output == from_file.output == direct.output


def test_ask_and_construct(built):
    store, _ = built
    assert kg("query", "ASK { ?s a kg:Region }", "--store", str(store)).output.strip() == "true"
    constructed = kg("query", "CONSTRUCT { ?s a kg:Region } WHERE { ?s a kg:Region }", "--store", str(store))
    assert constructed.exit_code == 0
    lines = constructed.output.splitlines()
    assert lines and all(line.endswith("<https://w3id.org/kgcn/ontology#Region> .") for line in lines)


def test_query_errors_are_one_line(built, tmp_path):
    """(A syntax error adds the query line and a caret: tests/test_cli_messages.py.)"""
    store, _ = built
    for args in ([f"@{tmp_path / 'nope.rq'}", "--store", str(store)],
                 ["ASK {}", "--store", str(tmp_path / "no-store")]):
        result = kg("query", *args)
        assert result.exit_code == 1
        assert result.stderr.startswith("kg: error: ") and result.stderr.count("\n") == 1, result.stderr
    assert not (tmp_path / "no-store").exists()  # a typo in --store does not create a store


def test_a_query_file_or_stdin_not_in_utf8_is_one_line_and_a_bom_is_no_part_of_it(built, tmp_path):
    """A GBK file was 'UnicodeDecodeError: …', bytes on stdin 'UnicodeEncodeError: … surrogates not
    allowed', and a BOM (as Notepad saves) a syntax error at an invisible character."""
    store, _ = built
    gbk = tmp_path / "gbk.rq"
    gbk.write_bytes('ASK { ?s rdfs:label "江苏省" }'.encode("gbk"))
    result = kg("query", f"@{gbk}", "--store", str(store))
    assert (result.exit_code, result.stderr) == (1, f"kg: error: {gbk}: cannot read query: not UTF-8 text (byte 21 is 0xbd)\n")
    result = CliRunner().invoke(cli, ["query", "-", "--store", str(store)], input=b"ASK {} \xff")
    assert (result.exit_code, result.stderr) == (1, "kg: error: stdin: cannot read query: not UTF-8 text (byte 7 is 0xff)\n")
    with_bom = tmp_path / "bom.rq"
    with_bom.write_bytes("\ufeffASK { ?s a kg:Region }".encode("utf-8"))
    for result in (kg("query", f"@{with_bom}", "--store", str(store)),
                   CliRunner().invoke(cli, ["query", "-", "--store", str(store)], input=with_bom.read_bytes())):
        assert (result.exit_code, result.output) == (0, "true\n"), result.stderr

def test_a_query_file_without_end_is_refused_past_the_longest_query_not_read_until_memory_runs_out(built):
    """kg query @/dev/zero read the device until the process was killed for its memory (a 3 GB cap
    here: a MemoryError); 50 MB on stdin were all read before the length limit refused them. Both are
    read no further than the longest query (4 bytes a character, and a BOM); a bare @ names no file."""
    store, _ = built
    done = subprocess.run([sys.executable, "-m", "kg.cli", "query", "@/dev/zero", "--store", str(store)],
                          capture_output=True, text=True, timeout=120, preexec_fn=limit_memory)
    refused = ("kg: error: query refused: {} holds more than 4,000,003 bytes; a SPARQL text has at most "
               "1,000,000 characters\n")
    assert (done.returncode, done.stderr) == (1, refused.format("/dev/zero"))
    result = CliRunner().invoke(cli, ["query", "-", "--store", str(store)], input=b"ASK {" + b" " * 5_000_000 + b"}")
    assert (result.exit_code, result.stderr) == (1, refused.format("stdin"))
    result = kg("query", "@", "--store", str(store))
    assert (result.exit_code, result.stderr) == (1, "kg: error: give the query's file after the @ (@FILE reads the "
                                                    "query from FILE)\n")


def test_a_query_past_the_memory_limit_is_refused_in_one_line_and_one_within_it_answers(built):
    """kg query ran a query in its own process with no memory limit: a kilobyte doubling a string in
    chained BINDs took 1.5 GiB for ?v30 (8 GiB for 32, the machine's memory) where kg serve's query
    processes stop at KG_QUERY_MEMORY_MB. It runs in a child held to that limit now (a 3 GB cap here
    as well, should it not)."""
    from test_server_query_memory import doubling

    store, _ = built
    env = {**os.environ, "KG_QUERY_MEMORY_MB": "512"}
    done = subprocess.run([sys.executable, "-m", "kg.cli", "query", f"SELECT (STRLEN(?v30) AS ?n) WHERE {{ {doubling(30)} }}",
                           "--store", str(store)], capture_output=True, text=True, timeout=120, env=env,
                          preexec_fn=limit_memory)
    assert (done.returncode, done.stdout, done.stderr) == (
        1, "", "kg: error: query refused: it needed more than 512 MiB of memory (KG_QUERY_MEMORY_MB)\n")
    within = subprocess.run([sys.executable, "-m", "kg.cli", "query", "--format", "csv", "--store", str(store),
                             f"SELECT (STRLEN(?v20) AS ?n) WHERE {{ {doubling(20)} }}"],
                            capture_output=True, text=True, timeout=120, env=env)
    assert (within.returncode, within.stdout.split(), within.stderr) == (0, ["n", str(2 ** 20)], "")


def test_a_query_whose_process_is_killed_leaves_no_child_evaluating_it(built):
    """The query runs in a child: a parent ended by SIGTERM left it counting a cross join to its end."""
    store, _ = built
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "query", "--store", str(store),
                                "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?a ?b ?c . ?d ?e ?f }"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    deadline = time.monotonic() + 30
    while not children.read_text().split() and time.monotonic() < deadline:
        time.sleep(0.05)
    child = int(children.read_text().split()[0])
    process.terminate()
    process.wait(timeout=10)
    deadline = time.monotonic() + 5  # the cross join takes the child some 20 s
    while running(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not running(child)


def running(pid: int) -> bool:
    """Whether process ``pid`` is alive (not gone, not a zombie waiting to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_service_the_query_cannot_reach_is_one_line(built):
    """pyoxigraph raises OSError while the solutions are printed: it was the last-resort
    'OSError: failed to lookup address information: … (run with --debug for details)'."""
    store, _ = built
    result = kg("query", "SELECT * WHERE { SERVICE <ftp://example.org/sparql> { ?s ?p ?o } }", "--store", str(store))
    assert (result.exit_code, result.stderr) == (1, "kg: error: query failed: Not supported URL scheme: ftp\n")

def test_a_folder_holding_its_own_store_builds_without_failures(tmp_path):
    """`kg build .` beside the default store ./kg-data walked into the store: each of its .sst and
    .log files was a failed document ('unsupported file type'), and every build exited 1."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "jiangsu.txt").write_text("江苏省人民政府印发《江苏省集成电路产业发展规划》。\n", encoding="utf-8")
    for _ in range(2):
        result = kg("build", str(folder), "--store", str(folder / "kg-data"), "--jobs", "1")
        assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    assert result.output.splitlines()[0].startswith("documents       0 added, 0 replaced, 1 unchanged, 0 failed")


def test_invisible_characters_of_a_document_are_dropped_with_one_warning(tmp_path):
    """Control characters (a PDF's stray glyph codes, ESC) and a bidirectional override inside names: the
    document is stored with clean names, and the build says once, per file, what it dropped."""
    source = tmp_path / "jiangsu.txt"
    source.write_text("江苏\x01省人民政府印发《江苏省集成电路\x1b产业发展规划》，支持比\u202e亚迪股份有限公司"
                      "在南京市发展新能源汽车产业。\n", encoding="utf-8")
    store = tmp_path / "store"
    result = kg("build", str(source), "--store", str(store), "--jobs", "1", "--json")
    assert result.exit_code == 0, result.stderr
    warning = f"{source.resolve()}: dropped 3 invisible characters (U+0001, U+001B, U+202E): control, "
    assert result.stderr.splitlines() == [f"kg: warning: {warning}"
                                          "bidirectional-override or non-characters no text shows"]
    assert [w["source"] for w in json.loads(result.stdout)["warnings"]] == [str(source.resolve())]
    labels = kg("query", "SELECT ?l WHERE { ?e rdfs:label ?l }", "--store", str(store), "--format", "json")
    assert labels.exit_code == 0, labels.output + labels.stderr
    names = {row["l"]["value"] for row in json.loads(labels.output)["results"]["bindings"]}
    assert {"江苏省人民政府", "江苏省集成电路产业发展规划", "比亚迪股份有限公司"} <= names


def test_a_file_name_holding_a_line_break_stays_on_its_message_line(tmp_path):
    """A file named with a line break and what looks like a message of its own cannot forge a line of the report."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "empty\nkg: failed: forged.txt").write_bytes(b"")
    result = kg("build", str(folder), "--store", str(tmp_path / "store"), "--jobs", "1")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"kg: failed: {folder.resolve()}/empty\\nkg: failed: forged.txt: empty file"]


def test_stats(built):
    store, _ = built
    figures = json.loads(kg("stats", "--json", "--store", str(store)).output)
    with GraphStore(store, read_only=True) as graph_store:
        assert figures == graph_store.stats()
    table = kg("stats", "--store", str(store)).output
    assert table.splitlines()[0].split() == ["documents", "1"]


def test_store_from_environment(built, monkeypatch):
    store, _ = built
    monkeypatch.setenv("KG_STORE", str(store))
    assert json.loads(kg("stats", "--json").output)["documents"] == 1


def test_validate_store_and_files(built, tmp_path):
    store, _ = built
    assert kg("validate", "--store", str(store)).exit_code == 0
    with GraphStore(store, read_only=True) as graph_store:
        dump = graph_store.store.raw.dump(format=__import__("pyoxigraph").RdfFormat.N_QUADS).decode("utf-8")
    good = tmp_path / "good.nq"
    good.write_text(dump, encoding="utf-8")
    result = kg("validate", "--file", str(good))
    assert result.exit_code == 0 and "conforms" in result.output
    broken = tmp_path / "broken.nq"
    broken.write_text(
        "\n".join(line for line in dump.splitlines() if "rdf-schema#label" not in line) + "\n", encoding="utf-8"
    )
    result = kg("validate", "--file", str(broken))
    assert result.exit_code == 1
    assert result.output.startswith("violation: ")
    assert "rdfs:label" in result.output
    bad_syntax = tmp_path / "bad.ttl"
    bad_syntax.write_text("this is not turtle", encoding="utf-8")
    result = kg("validate", "--file", str(bad_syntax))
    assert result.exit_code == 1 and result.stderr.startswith("kg: error: ")
    folder = kg("validate", "--file", str(tmp_path))
    assert folder.exit_code == 1 and folder.stderr == f"kg: error: {tmp_path}: is a folder; --file takes one RDF file " \
        "(validate a store with --store)\n"
    missing = kg("validate", "--file", str(tmp_path / "none.ttl"))
    assert missing.exit_code == 1 and missing.stderr == f"kg: error: {tmp_path / 'none.ttl'}: no such file\n"
    os.mkfifo(tmp_path / "pipe.ttl")  # was 'no such file' of a pipe that is there
    pipe = kg("validate", "--file", str(tmp_path / "pipe.ttl"))
    assert pipe.exit_code == 1 and pipe.stderr == (f"kg: error: {tmp_path / 'pipe.ttl'}: not a regular file (a device "
                                                   "or a pipe); --file takes one RDF file\n")


XSD = "http://www.w3.org/2001/XMLSchema#"
#: What a store built before kg dropped them may hold: an overflowed figure's value, a misread year,
#: impossible dates and times, a control character the normaliser let through.
ILL_TYPED = [("Infinity", "decimal"), ("1e3", "decimal"), ("1.0", "integer"), ("20250", "gYear"),
             ("2021-13-45", "date"), ("2021-02-29", "date"), ("2021-01-01T25:00:00", "dateTime"), ("1,5", "double"),
             ("yes", "boolean"), ("江苏\x01省", "string")]
#: …and what kg writes: a figure's value to its last digit, beyond Oxigraph's decimals (±1.7e20, 18 places).
WELL_TYPED = [("1.5", "decimal"), ("1234567890123456789012345678901.5", "decimal"), ("0.1000000000000000000001", "decimal"),
              ("-7", "integer"), ("2025", "gYear"), ("2020-02-29", "date"),
              ("2021-01-01T10:00:00+08:00", "dateTime"), ("INF", "double"), ("false", "boolean"), ("江苏省", "string")]


def test_validate_reports_ill_typed_literals_of_an_old_store(built, tmp_path, caplog):
    """kg validate checked the shapes only: "Infinity"^^xsd:decimal, a gYear "20250", an xsd:date
    "2021-13-45" or a literal holding U+0001 in a store passed (exit 0, 'conforms'), unless a shape
    named that property's datatype. Each is now counted, with examples, and the exit is 1."""
    import pyoxigraph as ox

    store, _ = built
    clean = kg("validate", "--store", str(store))
    assert clean.exit_code == 0 and "literal" not in clean.output
    old = tmp_path / "old-store"
    shutil.copytree(store, old)
    with GraphStore(old) as graph_store:
        graph = next(iter(graph_store.store.named_graphs()))
        for number, (text, datatype) in enumerate(ILL_TYPED + WELL_TYPED):
            literal = ox.Literal(text, datatype=ox.NamedNode(XSD + datatype))
            graph_store.store.add(ox.Quad(ox.NamedNode(f"http://example.org/s{number}"),
                                          ox.NamedNode("http://example.org/value"), literal, graph))
    result = kg("validate", "--store", str(old))
    assert result.exit_code == 1
    findings = [line for line in result.stdout.splitlines() if line.startswith("literal: ")]
    assert findings == [
        "literal: 2 literal(s) of xsd:decimal holding no valid xsd:decimal, e.g.:",
        "literal: 1 literal(s) of xsd:integer holding no valid xsd:integer, e.g.:",
        "literal: 2 literal(s) of xsd:date holding no valid xsd:date, e.g.:",
        "literal: 1 literal(s) of xsd:dateTime holding no valid xsd:dateTime, e.g.:",
        "literal: 1 literal(s) of xsd:double holding no valid xsd:double, e.g.:",
        "literal: 1 literal(s) of xsd:boolean holding no valid xsd:boolean, e.g.:",
        "literal: 1 literal(s) of xsd:gYear holding no valid xsd:gYear of four digits, e.g.:",
        "literal: 1 literal(s) holding a control character, e.g.:",
    ]
    assert '  <http://example.org/s0> <http://example.org/value> "Infinity"^^<http://www.w3.org/2001/XMLSchema#decimal>' \
        in result.stdout.splitlines()
    assert '"20250"^^<http://www.w3.org/2001/XMLSchema#gYear>' in result.stdout
    assert '"江苏\\u0001省"' in result.stdout
    assert not any(f"/s{number}>" in result.stdout for number in range(len(ILL_TYPED), len(ILL_TYPED + WELL_TYPED)))
    assert not [record for record in caplog.records if record.name.startswith("rdflib")]  # no tracebacks
    assert re.fullmatch(rf"{old}: 0 violation\(s\) and 10 bad literal\(s\) in \d+ distinct triples\n", result.stderr)


def test_validating_json_ld_nested_too_deep_is_one_line_not_a_crash(tmp_path):
    """pyoxigraph's JSON-LD parser overflowed the stack on 20,000 nested objects: kg validate died
    of a segfault (status -11, no message). In a child process, which that killed."""
    nested = tmp_path / "nested.jsonld"
    nested.write_text('{"@id": "http://example.org/a", "http://example.org/p": '
                      + '{"http://example.org/p": ' * 20_000 + "1" + "}" * 20_001, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kg.cli", "validate", "--file", str(nested)],
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (1, f"kg: error: {nested}: cannot read RDF: JSON-LD nested 20001 "
                                                 "levels deep (at most 500: deeper would overflow the parser)\n")

def test_validating_turtle_whose_triple_terms_nest_too_deep_is_one_line_not_a_crash(tmp_path):
    """pyoxigraph's Turtle parser overflowed the stack on 20,000 nested triple terms: kg validate
    died of a segfault (status -11, no message). In a child process, which that killed."""
    nested = tmp_path / "nested.ttl"
    nested.write_text("<http://example.org/s> <http://example.org/p> "
                      + "<<( <http://example.org/a> <http://example.org/p> " * 20_000 + "<http://example.org/o>"
                      + " )>>" * 20_000 + " .\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kg.cli", "validate", "--file", str(nested)],
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (1, f"kg: error: {nested}: cannot read RDF: triple terms nested 20000 "
                                                 "levels deep (at most 500: deeper would overflow the parser)\n")


def test_validating_rdf_xml_whose_entities_expand_a_billion_times_is_one_line(tmp_path):
    """pyoxigraph's RDF/XML parser expanded them: 10 GB asked for, and kg validate aborted
    ('memory allocation of … bytes failed' and a Rust backtrace). In a child capped at 3 GB."""
    laughs = tmp_path / "laughs.rdf"
    laughs.write_text(LAUGHS, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kg.cli", "validate", "--file", str(laughs)],
                          capture_output=True, text=True, timeout=120, preexec_fn=limit_memory)
    assert (done.returncode, done.stderr) == (1, f"kg: error: {laughs}: cannot read RDF: its entity references "
                                                 "expand to 10,000,000,000 characters (at most 1,007,500 for 750 bytes)\n")

def test_a_store_in_use_is_a_clear_error(built, tmp_path):
    store, _ = built
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    with GraphStore(copy):
        result = kg("build", str(next(store.parent.glob("*.txt"))), "--store", str(copy))
    assert result.exit_code == 1
    assert "in use" in result.stderr and result.stderr.count("\n") == 1
