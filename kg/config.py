"""All configuration in one place: defaults, environment variables and namespaces.

Command-line options override environment variables, which override these defaults.
"""
from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from kg.errors import ConfigError

_Number = TypeVar("_Number", int, float)


def env_number(name: str, default: _Number, *, minimum: _Number, maximum: _Number | None = None) -> _Number:
    """``$name`` read as a number of ``default``'s type, or ``default`` when unset. Anything else is
    refused here in one line: a bad value would surface far from its cause (a traceback as every
    command starts, a build hanging on pieces of 0 characters). The benches read theirs with it too."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    kind = type(default)
    try:
        value = kind(raw)
    except ValueError:
        value = None
    if value is None or not math.isfinite(value) or value < minimum or (maximum is not None and value > maximum):
        what = "a whole number" if kind is int else "a number"
        bounds = f"from {minimum} to {maximum}" if maximum is not None else f"of at least {minimum}"
        raise ConfigError(f"${name} is {raw!r}: expected {what} {bounds}")
    return value


_FLAGS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


def _env_flag(name: str, default: bool) -> bool:
    """``$name`` read as on or off (1/0, true/false, yes/no, on/off), or ``default`` when unset: a
    misspelt value ('of') would otherwise leave a stage running that the user meant to turn off."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if raw.lower() not in _FLAGS:
        raise ConfigError(f"${name} is {raw!r}: expected 1 or 0 (true/false, yes/no, on/off)")
    return _FLAGS[raw.lower()]


#: An absolute IRI: a scheme, then no character an IRI may not hold (RFC 3987).
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\\x7f-\x9f]*")


def _env_iri(name: str, default: str) -> str:
    """``$name`` read as an absolute IRI: every IRI the builder mints starts with it, and a bad one
    failed as the first of them was made, a traceback ('ValueError: Invalid IRI code point')."""
    raw = os.environ.get(name, "")
    if not raw:
        return default
    if not _ABSOLUTE_IRI.fullmatch(raw):
        raise ConfigError(f"${name} is {raw!r}: expected an absolute IRI such as {default}")
    return raw


def env_folder(name: str, default: Path) -> Path:
    """``$name`` read as an existing folder, or ``default`` when unset."""
    raw = os.environ.get(name, "")
    if not raw:
        return default
    if not Path(raw).is_dir():
        raise ConfigError(f"${name} is {raw!r}: no such folder")
    return Path(raw)


def _env_kill_point(name: str) -> str:
    """``$name`` read as ``POINT`` or ``POINT:N`` (N a whole number of at least 1), or ''."""
    raw = os.environ.get(name, "")
    point, colon, nth = raw.partition(":")
    if colon and not (nth.isascii() and nth.isdigit() and int(nth) >= 1) or raw and not point:
        raise ConfigError(f"${name} is {raw!r}: expected POINT or POINT:N, N a whole number of at least 1")
    return raw


#: Base of every IRI the builder mints (entities, documents, sentences, evidence).
BASE_IRI = _env_iri("KG_BASE_IRI", "https://w3id.org/kgcn/")
#: Namespace of our ontology (ontology/kg.ttl).
ONTOLOGY_IRI = BASE_IRI + "ontology#"

PACKAGE_DIR = Path(__file__).resolve().parent
#: The Turtle files of ontology/ ship with the repository; reference data ships inside the package.
ONTOLOGY_DIR = env_folder("KG_ONTOLOGY_DIR", PACKAGE_DIR.parent / "ontology")
REFERENCE_DIR = PACKAGE_DIR / "reference" / "data"

#: The name tagger trained by ``kg train`` (shipped in the package) and whether extraction runs it.
NER_MODEL_DIR = Path(os.environ.get("KG_NER_MODEL", PACKAGE_DIR / "extract" / "model"))
NER_ENABLED = _env_flag("KG_NER", True)
#: Lowest per-token probability over a proposed name for the tagger's proposal to count.
NER_MIN_CONFIDENCE = env_number("KG_NER_MIN_CONFIDENCE", 0.6, minimum=0.0, maximum=1.0)

#: Whether extraction runs the relation classifier shipped beside the tagger (``relations.json``).
RELATION_MODEL_ENABLED = _env_flag("KG_RELATION_MODEL", True)
#: Whether extraction runs the learned entity decision shipped beside the tagger (``entities.json``).
ENTITY_MODEL_ENABLED = _env_flag("KG_ENTITY_MODEL", True)

#: Most extraction processes ``kg build`` starts: more than any machine it runs on has cores, and far
#: fewer than overflow multiprocessing's semaphores (-j 99999999999 did).
MAX_BUILD_JOBS = 1024
#: Extraction processes of ``kg build`` (``--jobs``): every core this process may use by default.
BUILD_JOBS = env_number("KG_JOBS", len(os.sched_getaffinity(0)), minimum=1, maximum=MAX_BUILD_JOBS)
#: Documents in flight per worker (local process or Dask thread) while the writer links and stores.
BUILD_WINDOW_PER_WORKER = 2
#: Once a build process has its extractor or linker, the garbage collector's youngest generation runs
#: after this many net allocations (Python's default: 700): see kg.heap.
GC_YOUNG_THRESHOLD = 10_000
#: Where a worker cannot wait on its writer's pidfd, how often it checks that the writer lives.
WORKER_PARENT_POLL_SECONDS = 1.0
#: How often Dask reruns a task that raised before its file is reported as failed.
DASK_RETRIES = 1
#: How long ``kg build --scheduler`` waits for the scheduler, at the start and to reconnect after a lost
#: connection (a loaded machine can starve a connection for seconds), before it gives up.
DASK_CONNECT_TIMEOUT = "30s"

#: Quads written in transactions (not bulk loads) between two flushes of the store's write buffers (kg.graph.store).
STORE_FLUSH_QUADS = 100_000
#: New document graphs a build queues are bulk-loaded together once they hold this many quads
#: (kg.graph.store.GraphStore.queue_document): one load of several documents costs Oxigraph and
#: RocksDB about 0.6 of one load each (fewer files to ingest and compact), for ~0.4 KB a quad held
#: (at most 4 GB held).
STORE_BATCH_QUADS = env_number("KG_STORE_BATCH_QUADS", 50_000, minimum=1, maximum=10_000_000)
#: A document graph of more quads is written (and a replaced or removed one deleted) in transactions
#: of this many quads (kg.graph.chunked): Oxigraph holds a transaction's writes in memory, ~2 KB a quad,
#: and its removals slow down as a transaction grows (at most 2 GB held).
STORE_CHUNK_QUADS = env_number("KG_STORE_CHUNK_QUADS", 20_000, minimum=1, maximum=1_000_000)
#: A remote store's document graph of more quads is written, hidden, in SPARQL updates of this many
#: (kg.graph.chunked): a server may refuse one large INSERT DATA (Virtuoso 7's SPARQL compiler
#: overflows, SP030, on a few thousand statements; a million makes a request of hundreds of MB).
REMOTE_UPDATE_QUADS = env_number("KG_REMOTE_UPDATE_QUADS", 500, minimum=1, maximum=1_000_000)
#: The longest any timeout may be, a day: the platform's clocks take no more than ~292 years
#: (threading.TIMEOUT_MAX), and waits longer than that raised OverflowError where they began.
MAX_TIMEOUT = 86_400.0
#: Seconds a remote store's endpoint may take over one request (sent, answered and read) before the
#: command gives up.
REMOTE_STORE_TIMEOUT = env_number("KG_REMOTE_STORE_TIMEOUT", 300.0, minimum=0.01, maximum=MAX_TIMEOUT)
#: The largest answer read from a remote store's endpoint (query results, a document graph): a
#: broken or hostile server streaming without end fails the command instead of filling its memory
#: (less than a megabyte would fail on ordinary answers).
REMOTE_MAX_RESPONSE_BYTES = env_number("KG_REMOTE_MAX_RESPONSE_BYTES", 1 << 30, minimum=1_000_000)

#: Fault injection for tests of interrupted writes (kg.faults): ``POINT`` or ``POINT:N`` makes the
#: process kill itself (SIGKILL) the N-th time (default: the first) it reaches that named point.
KILL_AT = _env_kill_point("KG_KILL_AT")

#: A sentence (text up to a full stop) of more characters is cut at its last clause break within the
#: bound (kg.ingest.sentences), with a warning: names are paired within a sentence, so a text without
#: full stops (5 MB of clauses on one line) took hours where cut sentences take under two minutes. The
#: longest sentence of the corpus has under a thousand characters.
MAX_SENTENCE_CHARS = env_number("KG_MAX_SENTENCE_CHARS", 3_000, minimum=100, maximum=1_000_000)
#: Most characters of text a PDF may hold per byte of its file. Text is stored at about one byte a
#: character or more, compressed a few times at most; pages showing one compressed stream again and
#: again hold far more (11 KB held 40M characters: 87 s for pypdf, then, at the 20M-character build's
#: rate, over an hour of extraction), so past it the file is refused as soon as the pages read hold more.
PDF_MAX_CHARS_PER_BYTE = 100
#: Longer texts go through the spaCy pipeline in pieces of at most this many characters, cut at
#: line breaks (kg.extract.pieces): memory stays bounded however long the document. A piece holds
#: several paragraphs at least: shorter ones cut names apart (1 character: nothing found at all) for
#: no saving; spaCy's own ``max_length`` (a million) bounds it anyway.
EXTRACT_PIECE_CHARS = env_number("KG_EXTRACT_PIECE_CHARS", 200_000, minimum=10_000, maximum=10_000_000)

DEFAULT_STORE = "kg-data"


def cache_dir() -> Path:
    """Where expensive derived data is cached per user (jieba's tables, kg.segmenter): ``KG_CACHE_DIR``,
    else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``; never inside the installed package."""
    given = os.environ.get("KG_CACHE_DIR")
    if given:
        return Path(given)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg"


DEFAULT_EXPORT_DIR = "exports"
#: The checkpoint of the store a SPARQL update is tried on (kg.server.update_trial), inside the store's
#: folder (the same file system, for hard links); one a server killed mid-trial left is deleted as the
#: store is next opened for writing.
UPDATE_TRIAL_FOLDER = "kg-update-trial"
#: Edges per batch when exports stream them from the graph index (a batch is held in memory).
EXPORT_BATCH = env_number("KG_EXPORT_BATCH", 2_000, minimum=1, maximum=1_000_000)


def store_path(option: str | os.PathLike[str] | None = None) -> Path:
    """The store location: ``--store``, else ``KG_STORE``, else ``./kg-data``."""
    return Path(option or os.environ.get("KG_STORE") or DEFAULT_STORE)


def store_location(option: str | os.PathLike[str] | None = None) -> Path | str:
    """Like :func:`store_path`, but a SPARQL endpoint URL (``http://…/query``) stays a string:
    the store is then remote (:mod:`kg.graph.backends.remote`)."""
    given = str(option or os.environ.get("KG_STORE") or DEFAULT_STORE)
    return given if is_remote_location(given) else Path(given)


def is_remote_location(location: str | os.PathLike[str]) -> bool:
    return str(location).startswith(("http://", "https://"))


def store_update_url(option: str | None = None) -> str | None:
    """The SPARQL Update endpoint of a remote store: ``--store-update``, else ``KG_STORE_UPDATE``."""
    return option or os.environ.get("KG_STORE_UPDATE") or None


@dataclass(frozen=True)
class QueryLimits:
    """How long and how deeply nested a SPARQL operation may be. Oxigraph parses and evaluates
    recursively, and a deep enough operation overflows its stack (a segfault that takes the
    process down), so deeper ones are refused before they reach it. Measured on pyoxigraph 0.5
    (on a thread, ``python -m bench.sparql_crash_limits``): crashes start at about 2,170 nested
    braces, 4,600 nested parentheses, 590 chained OPTIONALs, 2,580 chained MINUS or BIND, 6,500
    UNIONs, 6,800 chained binary operators and 5,000-20,000 path alternatives; the limits
    below keep a margin of 4× or more."""

    max_chars: int = 1_000_000
    #: Brackets of any kind ({, (, [) open at once.
    max_nesting: int = 128
    #: Graph-pattern operators (OPTIONAL, MINUS, UNION, BIND, FILTER, GRAPH, SERVICE, VALUES,
    #: EXISTS, sub-SELECT) in the whole operation: each adds a level to the algebra tree.
    max_pattern_operators: int = 128
    #: Expression and property-path operators (+ - * / | || && = != < > <= >= !) in the operation.
    max_expression_operators: int = 1_000
    #: Triple patterns, counted by what joins them (. ; , inside a group): 20,000 crashed the parser,
    #: and the planner's time grows steeply with them (128 sharing a subject: 4.5 s, 256: over 20 s).
    max_triple_patterns: int = 256


#: Bytes of body a request without the update token may send (a query, a label look-up, a removal
#: form: nothing it may do needs more), refused (413) as its headers arrive, before any of it is read:
#: the longest SPARQL text :class:`QueryLimits` lets through at UTF-8's 4 bytes a character, which
#: also holds the most IRIs ``POST /graph/labels`` takes (5,000) at 800 bytes each. Without it such a
#: request could send the general body limit: a 45 MB label look-up, parsed whole before its IRIs were
#: counted, took the server process to 190 MB. A form-encoded query takes up to 3 bytes a byte: a
#: longer one goes as ``application/sparql-query``. Writes carrying the token keep ``--max-body``.
MAX_READ_BODY_BYTES = env_number("KG_MAX_READ_BODY_BYTES", 4 * QueryLimits.max_chars, minimum=1024)
#: Most characters of an error message the server answers: one echoing a client's 200,000-character
#: IRI is cut in the middle, its two ends kept (no message of the server's own comes near it).
MAX_ERROR_CHARS = 1_000
#: Most ``kg serve --workers``: each is a waitress thread, started at once, and under load an evaluation process.
MAX_SERVER_WORKERS = 256
#: Connections ``kg serve`` holds open at once; past it new ones wait in the listen backlog. Each
#: is a file descriptor (or up to three with large bodies), hence the ceiling.
CONNECTION_LIMIT = env_number("KG_CONNECTION_LIMIT", 100, minimum=1, maximum=10_000)
#: Seconds a client has to send a request's headers, from its first byte (or from connecting):
#: past it the connection gets a 408 and is closed, so slow senders (slowloris) cannot hold the
#: connection slots. Waitress alone drops only *idle* connections, and a byte now and then is not idle.
REQUEST_HEADER_TIMEOUT = env_number("KG_REQUEST_HEADER_TIMEOUT", 10.0, minimum=0.5, maximum=MAX_TIMEOUT)
#: The slowest a request's body may arrive, in bytes per second on average: after its headers it has
#: ``KG_REQUEST_HEADER_TIMEOUT`` seconds plus one for every this many bytes received (as Apache's
#: mod_reqtimeout ``MinRate``). 1 kB/s lets a user on a slow uplink post a document (a trickle of a byte
#: now and then is still cut); a slow body holds a connection slot, never a worker thread, since waitress
#: reads the whole body before it dispatches the request.
REQUEST_MIN_RATE = env_number("KG_REQUEST_MIN_RATE", 1_000, minimum=1, maximum=1_000_000_000)
#: The slowest a client may read a response, in bytes per second over each window of
#: ``KG_REQUEST_HEADER_TIMEOUT`` seconds during which output waits for it; a slower one is disconnected
#: (a streamed export waits on its client, holding a server thread, once 16 MiB are pending).
RESPONSE_MIN_RATE = env_number("KG_RESPONSE_MIN_RATE", 10_000, minimum=1, maximum=1_000_000_000)
#: Seconds a request's body may take to arrive in all, from the end of its headers: past it a 408 and
#: the connection is closed. The least rate alone let a chunked body that never ends hold a
#: connection until the body limit (50 MB at 1 kB/s: ~14 hours); 60 s still takes a 10 MiB document
#: over a 2 Mbit/s uplink.
REQUEST_BODY_TIMEOUT = env_number("KG_REQUEST_BODY_TIMEOUT", 60.0, minimum=0.5, maximum=MAX_TIMEOUT)
#: Connections one client address may hold at once; one past it is answered 503 and closed at once,
#: so one client opening slow connections cannot take every slot of ``KG_CONNECTION_LIMIT``
#: (a reverse proxy in front is one address: raise it to the connection limit there).
CONNECTIONS_PER_ADDRESS = env_number("KG_CONNECTIONS_PER_ADDRESS", 16, minimum=1, maximum=10_000)
#: Seconds an open connection may stay silent between requests (waitress's ``channel_timeout``).
IDLE_CONNECTION_TIMEOUT = env_number("KG_IDLE_CONNECTION_TIMEOUT", 60, minimum=1, maximum=int(MAX_TIMEOUT))
#: MiB of memory one query evaluation process of ``kg serve`` may allocate (its data segment,
#: RLIMIT_DATA): a query of 1 KB that doubles a string in 32 chained BINDs asks for 8 GiB within
#: seconds, long before its deadline, and took the machine's memory. Past the limit the process
#: dies (Oxigraph aborts when an allocation fails) and the query or update is refused (400).
QUERY_MEMORY_MB = env_number("KG_QUERY_MEMORY_MB", 4096, minimum=256, maximum=1 << 30)
#: MiB a query's answer may take, serialised: a larger one is refused (400) in its query process and
#: never reaches the server's, which held twice an answer while it was sent (a 1 KB query doubling a
#: string to 512 MiB took the server to 1.1 GB; sixteen at once, the machine's memory).
MAX_ANSWER_MB = env_number("KG_MAX_ANSWER_MB", 256, minimum=1, maximum=1 << 30)


@dataclass
class ServerConfig:
    """Settings of ``kg serve`` / ``kg.server.create_app``."""

    #: A folder, or the SPARQL query endpoint URL of a remote store (kg.config.store_location).
    store: Path | str = field(default_factory=store_location)
    #: The remote store's SPARQL Update endpoint (None: the server cannot write to it).
    store_update: str | None = field(default_factory=store_update_url)
    host: str = "127.0.0.1"
    port: int = 5000
    update_token: str | None = field(default_factory=lambda: os.environ.get("KG_UPDATE_TOKEN") or None)
    timeout: float = 30.0
    max_rows: int = 100_000
    #: Requests served at once (HTTP threads), and most query evaluation processes.
    workers: int = 16
    #: Query evaluation processes kept started and idle, ready for the next query.
    warm_query_processes: int = 2
    #: Seconds after which a running query drops to the lowest CPU priority.
    renice_query_after: float = 1.0
    #: MiB each query evaluation process may allocate (``KG_QUERY_MEMORY_MB``).
    query_memory_mb: int = QUERY_MEMORY_MB
    #: MiB a query's serialised answer may take (``KG_MAX_ANSWER_MB``).
    max_answer_mb: int = MAX_ANSWER_MB
    allow_service: bool = False
    union_default_graph: bool = True
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = 50 * 1024 * 1024
    #: Largest body of a request without the update token (``KG_MAX_READ_BODY_BYTES``; at most ``max_body_bytes``).
    max_read_body_bytes: int = MAX_READ_BODY_BYTES
    #: Largest document POST /documents extracts (413 beyond): 10 MiB of text, ~3M characters, takes
    #: a minute or so; longer ones belong to ``kg build``.
    max_document_bytes: int = 10 * 1024 * 1024
    #: Seconds the extraction of one posted document may take before its worker process is killed.
    document_timeout: float = 120.0
    #: Seconds of extraction one ``POST /documents`` request may use in all: the files not extracted
    #: by then are answered as not done (503) and the upload lock is released.
    upload_budget: float = 300.0
    connection_limit: int = CONNECTION_LIMIT
    request_header_timeout: float = REQUEST_HEADER_TIMEOUT
    request_min_rate: int = REQUEST_MIN_RATE
    request_body_timeout: float = REQUEST_BODY_TIMEOUT
    connections_per_address: int = CONNECTIONS_PER_ADDRESS
    response_min_rate: int = RESPONSE_MIN_RATE
    idle_connection_timeout: int = IDLE_CONNECTION_TIMEOUT
    query_limits: QueryLimits = field(default_factory=QueryLimits)

