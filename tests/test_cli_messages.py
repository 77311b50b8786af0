"""What the CLI says: SPARQL errors with their line and a caret, prefixes that round-trip, one-line
usage errors, `kg build` refusing what cannot be built, quiet jieba, named counts and aligned
link reports. Runs on a store built from examples/."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import EXAMPLES, REPO

from kg.cli import cli
from kg.cli.display import display_width
from kg.graph.store import PREFIXES

pytestmark = pytest.mark.xdist_group("cli-messages")


def kg(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    assert kg("build", str(EXAMPLES), "--store", str(path)).exit_code == 0
    return path


def caret_column(stderr: str) -> int:
    """The display column the caret line points at (relative to the echoed query line)."""
    *_, caret = stderr.rstrip("\n").split("\n")
    return display_width(caret[2:caret.index("^")])


# -- SPARQL syntax errors ------------------------------------------------------------------------

def test_a_syntax_error_shows_the_full_expectation_the_line_and_a_caret(store):
    result = kg("query", "SELECT ?x WHERE { ?x ?y }", "--store", str(store))
    assert result.exit_code == 1
    message, line, caret = result.stderr.rstrip("\n").split("\n")
    assert message == "kg: error: invalid SPARQL at line 1, column 26: expected one of LATERAL, SERVICE, [_]"
    assert line == "  SELECT ?x WHERE { ?x ?y }"
    assert caret == "  " + " " * 25 + "^"


def test_the_caret_counts_chinese_characters_double_on_the_right_line(store):
    query = 'SELECT ?x WHERE {\n  ?x rdfs:label "江苏省" ;\n     kg:partOf ?y ?z }'
    result = kg("query", query, "--store", str(store))
    assert result.exit_code == 1
    message, line, _ = result.stderr.rstrip("\n").split("\n")
    column = int(re.search(r"line 3, column (\d+):", message)[1])
    assert line == "       kg:partOf ?y ?z }"
    assert caret_column(result.stderr) == display_width("     kg:partOf ?y ?z }"[:column - 1])


def test_an_undeclared_prefix_is_named_with_the_predeclared_ones(store):
    result = kg("query", "SELECT * WHERE { ?x foo:bar ?y }", "--store", str(store))
    assert result.exit_code == 1
    message = result.stderr.splitlines()[0]
    assert "undeclared prefix 'foo:'" in message
    assert all(prefix in message for prefix in PREFIXES)
    assert "\\u{" not in message  # not the parser's list of every character a name may hold


def test_a_misspelt_keyword_points_at_it(store):
    result = kg("query", "SELEC *", "--store", str(store))
    assert result.stderr.splitlines()[0] == "kg: error: invalid SPARQL at line 1, column 8: expected one of VERSION, [_]"


# -- prefixes ------------------------------------------------------------------------------------

def test_query_help_lists_every_predeclared_prefix():
    result = kg("query", "--help")
    for prefix, namespace in PREFIXES.items():
        assert f"{prefix}: <{namespace}>" in result.output


def test_every_iri_the_table_prints_can_be_pasted_into_a_query(store):
    result = kg("query", "SELECT DISTINCT ?e ?c WHERE { ?e a ?c }", "--store", str(store))
    assert result.exit_code == 0, result.stderr
    rows = [line.split()[:2] for line in result.output.splitlines()[2:-1]]
    assert len(rows) > 50
    prefixed = [(e, c) for e, c in rows if not e.startswith("<")]
    assert len(prefixed) > 0.8 * len(rows)
    assert {e.split(":")[0] for e, _ in prefixed} >= {"region", "industry", "enterprise", "organization", "policy"}
    for entity, cls in rows:
        if entity.startswith("<") and " " in entity:
            continue  # an IRI printed whole never holds a space
        ask = kg("query", f"ASK {{ {entity} a {cls} }}", "--store", str(store))
        assert (ask.exit_code, ask.output.strip()) == (0, "true"), (entity, ask.stderr)


# -- usage errors --------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["export", "pdf"], ["query", "ASK {}", "--format", "xml"], ["--bogus"],
                                  ["export"]])
def test_usage_errors_are_one_line_and_exit_1(args, tmp_path):
    result = kg(*args, "--store", str(tmp_path / "store")) if args[0] != "--bogus" else kg(*args)
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "--help" in result.stderr
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize("setting, message", [
    ("KG_JOBS=abc", "kg: error: $KG_JOBS is 'abc': expected a whole number from 1 to 1024"),
    ("KG_JOBS=-3", "kg: error: $KG_JOBS is '-3': expected a whole number from 1 to 1024"),
    ("KG_EXTRACT_PIECE_CHARS=0", "kg: error: $KG_EXTRACT_PIECE_CHARS is '0': expected a whole number from 10000 to 10000000"),
    # pieces of 1 character found nothing at all, silently
    ("KG_EXTRACT_PIECE_CHARS=1", "kg: error: $KG_EXTRACT_PIECE_CHARS is '1': expected a whole number from 10000 to 10000000"),
    # a timer or socket timeout past the platform's clock: OverflowError, in a thread of its own
    ("KG_REMOTE_STORE_TIMEOUT=1e10", "kg: error: $KG_REMOTE_STORE_TIMEOUT is '1e10': expected a number from 0.01 to 86400.0"),
    ("KG_STORE_BATCH_QUADS=100000000000", "kg: error: $KG_STORE_BATCH_QUADS is '100000000000': expected a whole number "
                                          "from 1 to 10000000"),
    ("KG_REMOTE_MAX_RESPONSE_BYTES=10", "kg: error: $KG_REMOTE_MAX_RESPONSE_BYTES is '10': expected a whole number "
                                        "of at least 1000000"),
    # sentences of 0 characters: a cut that never moves on
    ("KG_MAX_SENTENCE_CHARS=0", "kg: error: $KG_MAX_SENTENCE_CHARS is '0': expected a whole number from 100 to 1000000"),
    ("KG_EXPORT_BATCH=0", "kg: error: $KG_EXPORT_BATCH is '0': expected a whole number from 1 to 1000000"),
    ("KG_NER_MIN_CONFIDENCE=nan", "kg: error: $KG_NER_MIN_CONFIDENCE is 'nan': expected a number from 0.0 to 1.0"),
    ("KG_REMOTE_STORE_TIMEOUT=soon", "kg: error: $KG_REMOTE_STORE_TIMEOUT is 'soon': expected a number from 0.01 to 86400.0"),
])
def test_a_bad_numeric_setting_in_the_environment_is_one_line(setting, message, store):
    """Read as kg.config is imported: a traceback for every command before (KG_JOBS=abc), and a
    hang (pieces of 0 characters) or a late traceback (batches of 0) for values out of range."""
    name, value = setting.split("=")
    done = subprocess.run([sys.executable, "-m", "kg.cli", "stats", "--store", str(store)], capture_output=True,
                          text=True, cwd=REPO, timeout=60, env={**os.environ, name: value})
    assert (done.returncode, done.stdout, done.stderr) == (1, "", message + "\n")


@pytest.mark.parametrize("setting, message", [
    # a traceback as the first IRI was minted ('ValueError: Invalid IRI code point')
    ("KG_BASE_IRI=not an iri", "kg: error: $KG_BASE_IRI is 'not an iri': expected an absolute IRI such as "
                               "https://w3id.org/kgcn/"),
    # 'FileNotFoundError: … shapes.ttl' once kg validate ran
    ("KG_ONTOLOGY_DIR=/nonexistent", "kg: error: $KG_ONTOLOGY_DIR is '/nonexistent': no such folder"),
    # anything but 0/false/no/off left the tagger on
    ("KG_NER=of", "kg: error: $KG_NER is 'of': expected 1 or 0 (true/false, yes/no, on/off)"),
    ("KG_RELATION_MODEL=maybe", "kg: error: $KG_RELATION_MODEL is 'maybe': expected 1 or 0 (true/false, yes/no, on/off)"),
    # 'ValueError: invalid literal for int()' at the named point
    ("KG_KILL_AT=store-written:x", "kg: error: $KG_KILL_AT is 'store-written:x': expected POINT or POINT:N, "
                                   "N a whole number of at least 1"),
    ("KG_KILL_AT=store-written:²", "kg: error: $KG_KILL_AT is 'store-written:²': expected POINT or POINT:N, "
                                   "N a whole number of at least 1"),
])
def test_a_bad_setting_of_another_kind_in_the_environment_is_one_line(setting, message, store):
    name, value = setting.split("=")
    done = subprocess.run([sys.executable, "-m", "kg.cli", "validate", "--store", str(store)], capture_output=True,
                          text=True, cwd=REPO, timeout=120, env={**os.environ, name: value})
    assert (done.returncode, done.stdout, done.stderr) == (1, "", message + "\n")


def test_settings_read_as_before(store):
    """Flags in any case and empty values (unset) are taken."""
    env = {**os.environ, "KG_NER": "OFF", "KG_ENTITY_MODEL": "yes", "KG_BASE_IRI": "", "KG_ONTOLOGY_DIR": ""}
    done = subprocess.run([sys.executable, "-m", "kg.cli", "stats", "--store", str(store)], capture_output=True,
                          text=True, cwd=REPO, timeout=120, env=env)
    assert (done.returncode, done.stderr) == (0, "")


def test_an_enormous_job_count_is_a_usage_error(tmp_path):
    """-j 99999999999 overflowed multiprocessing's semaphore: 'OverflowError: Python int too large…'."""
    result = kg("build", str(EXAMPLES), "--store", str(tmp_path / "store"), "-j", "99999999999")
    assert result.exit_code == 1
    assert result.stderr == ("kg: error: Invalid value for '--jobs' / '-j': 99999999999 is not in the range "
                             "1<=x<=1024. (see 'cli build --help')\n")
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize("option, message", [
    (["--timeout", "nan"], "kg: error: Invalid value for '--timeout': nan is not a number of seconds "
                           "(see 'cli serve --help')\n"),  # stopped no query: no comparison is true of nan
    # 'OverflowError: timestamp out of range for platform time_t' over a remote store: every query a 500
    (["--timeout", "1e300"], "kg: error: Invalid value for '--timeout': 1e+300 is not in the range 0.01<=x<=86400.0. "
                             "(see 'cli serve --help')\n"),
    (["--workers", "1000000"], "kg: error: Invalid value for '--workers': 1000000 is not in the range 1<=x<=256. "
                               "(see 'cli serve --help')\n"),  # hung starting a million threads
])
def test_serve_refuses_a_timeout_or_worker_count_it_cannot_keep(option, message, store):
    # an address of no interface: were the option let through, serve fails at once instead of serving on
    result = kg("serve", "--store", str(store), "--host", "999.1.1.1", "--port", "0", *option)
    assert (result.exit_code, result.stderr) == (1, message)


@pytest.mark.parametrize("host", ["127.0.0.1", "999.1.1.1"])
def test_serve_on_a_port_in_use_or_an_address_of_no_interface_is_one_line(host, store, tmp_path):
    """Were 'OSError: [Errno 98] Address already in use' and 'ValueError: Invalid host/port
    specified.' (the last-resort line); the store is released for the next command."""
    import socket
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--store", str(copy), "--host", host,
                               "--port", str(port)], capture_output=True, text=True, cwd=REPO, timeout=120)
    reason = "Address already in use" if host == "127.0.0.1" else "Invalid host/port specified."
    assert (done.returncode, done.stderr) == (1, f"kg: error: cannot listen on {host}:{port}: {reason}\n")


@pytest.mark.parametrize("args", [["query", b"ASK { ?s ?p \"\xff\" }"],
                                  ["remove", b"https://w3id.org/kgcn/id/document/\xff"],
                                  ["unmerge", b"\xff", "--from", "x"]])
def test_an_argument_that_is_not_utf8_is_one_line(args, store):
    """Reached Python as a surrogate, each failed deep inside: 'UnicodeEncodeError: … surrogates not
    allowed' (query, remove by IRI, unmerge), 'ValueError: The literal value must be a str…'."""
    done = subprocess.run([sys.executable, "-m", "kg.cli", *args, "--store", str(store)], capture_output=True,
                          cwd=REPO, timeout=60)
    shown = next(a for a in args if isinstance(a, bytes)).decode("utf-8", "surrogateescape")
    assert (done.returncode, done.stdout) == (1, b"")
    assert done.stderr == f"kg: error: argument {shown!r} is not UTF-8 text (byte 0xff)\n".encode("utf-8", "backslashreplace")


# -- kg build ------------------------------------------------------------------------------------

def test_build_of_a_folder_without_a_supported_file_creates_no_store(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / "README.md").write_text("# about these files\n", encoding="utf-8")
    result = kg("build", str(folder), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("kg: error: no file to build in ") and result.stderr.count("\n") == 1
    assert not (tmp_path / "store").exists()


def test_build_of_a_missing_path_creates_no_store(tmp_path):
    result = kg("build", str(tmp_path / "missing"), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"kg: error: {tmp_path / 'missing'}: no such file or directory\n"
    assert not (tmp_path / "store").exists()


def test_build_reports_each_failed_file_before_the_summary(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("江苏省人民政府印发《江苏省集成电路产业发展规划》。\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    result = kg("build", str(folder), "--store", str(tmp_path / "store"))
    assert result.exit_code == 1
    lines = result.output.splitlines()  # stdout and stderr in the order written
    assert lines[0].startswith("kg: failed: ") and lines[0].endswith("empty.txt: empty file")
    assert lines[1].startswith("documents ") and "1 added" in lines[1]


# -- jieba ---------------------------------------------------------------------------------------

def test_a_fresh_process_prints_nothing_from_jieba_on_stderr(store, tmp_path):
    """A new process, so jieba is loaded for the first time, as when a user runs `kg link`."""
    text = tmp_path / "new.txt"
    text.write_text("苏州市大力发展集成电路产业。\n", encoding="utf-8")
    command = [sys.executable, "-c", "from kg.cli import main; main()", "link", str(text), "--dry-run"]
    done = subprocess.run([*command, "--store", str(store)],
                          capture_output=True, text=True, cwd=REPO, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "苏州市" in done.stdout


# -- counts --------------------------------------------------------------------------------------

def test_stats_and_validate_name_what_they_count(store):
    figures = json.loads(kg("stats", "--json", "--store", str(store)).output)
    table = dict(line.split(None, 1) for line in kg("stats", "--store", str(store)).output.splitlines()
                 if not line.startswith(" "))
    assert table["quads"].strip() == str(figures["quads"])
    assert "triples" not in table
    validated = kg("validate", "--store", str(store))
    distinct = int(re.search(r"conforms \((\d+) distinct triples\)", validated.output)[1])
    assert distinct < figures["quads"]  # a triple stated by several documents is one triple, several quads
    assert "once per graph" in kg("stats", "--help").output
    assert "distinct triples" in kg("validate", "--help").output


# -- link report ---------------------------------------------------------------------------------

def test_the_link_report_columns_line_up_with_long_chinese_names(store, tmp_path):
    text = tmp_path / "long.txt"
    text.write_text("国家发展改革委印发《关于加快推进长江三角洲区域一体化发展中新能源汽车产业链协同创新的实施意见》，"
                    "支持苏州市发展集成电路产业。\n", encoding="utf-8")
    result = kg("link", str(text), "--dry-run", "--store", str(store))
    assert result.exit_code == 0, result.stderr
    lines = result.output.splitlines()
    header = next(i for i, line in enumerate(lines) if line.split()[:2] == ["entity", "type"])
    rows = lines[header + 2:]
    rows = rows[:next(i for i, line in enumerate(rows) if line.startswith("  relations added"))]
    assert len(rows) >= 3 and any(display_width(row.split()[0]) > 40 for row in rows)
    type_columns = {display_width(row[:row.index(f"  {row.split()[1]}  ")]) for row in rows}
    assert len(type_columns) == 1, rows


@pytest.mark.parametrize("iri", [
    "https://w3id.org/kgcn/id/region/朝阳区@110105",
    "https://w3id.org/kgcn/id/policy/行动方案（2025—2027年）",
    "https://w3id.org/kgcn/id/industry/文化、体育和娱乐业",
    "https://w3id.org/kgcn/id/enterprise/a.b-c_d%20e",
    "https://w3id.org/kgcn/id/document/0f/sentence/3",
    "http://example.org/not/ours",
])
def test_a_printed_iri_parses_back_to_itself(iri):
    import pyoxigraph as ox

    from kg.cli.display import prefixed_name

    printed = prefixed_name(iri)
    solutions = ox.Store().query(f"SELECT ?v WHERE {{ BIND({printed} AS ?v) }}", prefixes=PREFIXES)
    assert [s["v"] for s in solutions] == [ox.NamedNode(iri)], printed


def test_a_loop_of_symbolic_links_named_as_store_file_or_output_is_one_line(store, tmp_path):
    """--store, kg remove's FILE or --out naming a → b → a was 'kg: error: RuntimeError: Symlink loop
    from …', the internal error's line; each now says what the path is."""
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    loop = tmp_path / "a"
    said = f"kg: error: {loop}: a loop of symbolic links (each links to another of them)\n"
    for args in (["stats", "--store", str(loop)], ["remove", str(loop), "--store", str(store)],
                 ["export", "turtle", "--store", str(store), "--out", str(loop)]):
        result = kg(*args)
        assert (result.exit_code, result.stderr) == (1, said), args


@pytest.mark.parametrize("command", [["stats"], ["query", "ASK {}"], ["validate"], ["export", "turtle"],
                                     ["build", str(EXAMPLES)], ["serve", "--port", "1"]])
def test_a_store_path_that_is_a_file_is_said_to_be_one(tmp_path, command):
    """--store naming a file was 'no graph store at F (run `kg build` first)' (but F was there), and for
    kg build the database's 'IO error: `F' exists but is not a directory'."""
    file = tmp_path / "kg-data"
    file.write_text("not a store\n", encoding="utf-8")
    result = kg(*command, "--store", str(file))
    assert (result.exit_code, result.stderr) == (1, f"kg: error: {file} is a file, not a graph store: give --store "
                                                    "a folder\n")
    assert file.read_text(encoding="utf-8") == "not a store\n"


@pytest.mark.parametrize("args, named", [
    (["build", ""], "'PATHS...'"), (["build", str(EXAMPLES), ""], "'PATHS...'"), (["link", ""], "'FILES...'"),
    (["extract", ""], "'FILE'"), (["build", str(EXAMPLES), "--store", ""], "'--store'"),
    (["stats", "--store", ""], "'--store'"), (["link", str(EXAMPLES), "--store-update", ""], "'--store-update'"),
    (["export", "turtle", "--out", ""], "'--out'"), (["train", "--out", ""], "'--out'"),
    (["validate", "--file", ""], "'--file'"), (["eval", "--gold-dir", ""], "'--gold-dir'"),
])
def test_an_empty_path_is_refused_not_read_as_the_current_folder_or_the_default(args, named, tmp_path, monkeypatch):
    """click.Path reads '' as '.': `kg build ''` (a variable left unset) built the current folder into
    ./kg-data and `kg train --out ''` wrote the model there; `--store ''` and `--out ''` were the defaults."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.txt").write_text("江苏省人民政府发布通知。\n", encoding="utf-8")
    result = kg(*args)
    command = "cli " + args[0]  # CliRunner's program name
    option = ", or leave the option out for its default" if named.startswith("'--") else ""
    assert (result.exit_code, result.stderr) == (
        1, f"kg: error: Invalid value for {named}: it is empty: give a value{option} (see '{command} --help')\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt"]  # no kg-data, no exports, no model


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["stats"], ["export", "graphml", "--out", "-"],
                                  ["extract", str(EXAMPLES / "01-yangtze-delta-nev.txt"), "--format", "json"]])
def test_output_to_a_full_disk_is_one_line(args, store):
    """Standard output on a full disk (/dev/full) was 'kg: error: OSError: [Errno 28] No space left on
    device (run with --debug for details)', and for --help and --version a traceback."""
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "kg.cli", *args,
                               *(["--store", str(store)] if args[0] in ("stats", "export") else [])],
                              cwd=REPO, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
                              env={**os.environ, "KG_NER": "0"})
    assert (done.returncode, done.stderr) == (1, "kg: error: cannot write: No space left on device\n")
