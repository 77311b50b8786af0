"""Writes to a remote store go in SPARQL updates of at most ``kg.config.REMOTE_UPDATE_QUADS`` quads,
the document hidden until its last batch is in (kg.graph.chunked).

Virtuoso 7 refuses one large INSERT DATA (its SPARQL compiler overflows, SP030, on a document of a
few thousand statements), and any INSERT DATA into its default graph (SP031: that is the union of
its graphs), where kg's hidden-graph markers went. The server here is a real ``oxigraph serve``
behind a proxy that refuses both, as Virtuoso does.
"""
from __future__ import annotations

import os
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from build_fixtures import EXAMPLES, nquads
from bench.oxigraph_serve import oxigraph_serve, store_options
from kg.cli import cli
from kg.graph.chunked import hidden_graphs
from kg.graph.store import GraphStore

pytestmark = pytest.mark.xdist_group("remote-batches")

_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0) % 2
PORT, PROXY_PORT = 5632 + 2 * _WORKER, 5633 + 2 * _WORKER
#: Statements the proxied server takes in one update.
SERVER_LIMIT = 120
#: An INSERT DATA whose first statement is outside any GRAPH block: into the default graph.
_INTO_DEFAULT_GRAPH = re.compile(rb"INSERT DATA \{\s*<")
DOCUMENT = EXAMPLES / "01-yangtze-delta-nev.txt"


class RefusingProxy(BaseHTTPRequestHandler):
    """Forwards to the Oxigraph server; refuses, with Virtuoso's answers, an update of more than
    SERVER_LIMIT statements or into the default graph, and records the statements of every update
    it passed on."""

    passed: list[int] = []

    def do_GET(self) -> None:  # noqa: N802 — http.server's name
        self._forward(None)

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path.startswith("/update"):
            statements = body.count(b" .\n") + body.count(b" . ")
            if statements > SERVER_LIMIT:
                self._answer(500, b"Virtuoso 37000 Error SP030: SPARQL compiler, line 0: Stack overflow", "text/plain")
                return
            if _INTO_DEFAULT_GRAPH.search(body):
                self._answer(500, b"Virtuoso 37000 Error SP031: SPARQL compiler: No plain default graph specified "
                                  b"in the preamble", "text/plain")
                return
            type(self).passed.append(statements)
        self._forward(body)

    def _forward(self, body: bytes | None) -> None:
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
        request = urllib.request.Request(f"http://127.0.0.1:{PORT}{self.path}", data=body, headers=headers,
                                         method=self.command)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                self._answer(response.status, response.read(), response.headers.get("Content-Type", ""))
        except urllib.error.HTTPError as err:
            self._answer(err.code, err.read(), err.headers.get("Content-Type", ""))

    def _answer(self, status: int, data: bytes, content_type: str) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        """Quiet."""


@pytest.fixture
def proxied(tmp_path: Path) -> Iterator[list[str]]:
    """``--store``/``--store-update`` of an empty Oxigraph server behind the refusing proxy."""
    with oxigraph_serve(tmp_path / "oxigraph", PORT):
        proxy = ThreadingHTTPServer(("127.0.0.1", PROXY_PORT), RefusingProxy)
        threading.Thread(target=proxy.serve_forever, daemon=True).start()
        try:
            RefusingProxy.passed = []
            yield store_options(PROXY_PORT)
        finally:
            proxy.shutdown()
            proxy.server_close()


def kg(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_a_document_goes_in_batches_the_server_takes_and_equals_the_embedded_build(proxied, tmp_path, monkeypatch):
    monkeypatch.setattr("kg.graph.store.REMOTE_UPDATE_QUADS", 100)
    assert kg("build", DOCUMENT, *proxied, "--jobs", 1).exit_code == 0
    assert kg("build", DOCUMENT, "--store", tmp_path / "local", "--jobs", 1).exit_code == 0
    assert nquads(proxied[1]) == nquads(tmp_path / "local")
    assert len(nquads(proxied[1])) > 5 * SERVER_LIMIT  # many batches, none refused
    assert max(RefusingProxy.passed) <= 100 + 2  # a batch, with the revision's own statements
    with GraphStore(proxied[1], read_only=True) as shared:
        assert hidden_graphs(shared.store) == set()  # revealed


def test_batches_the_server_refuses_fail_the_file_in_one_line_and_leave_nothing(proxied, monkeypatch):
    monkeypatch.setattr("kg.graph.store.REMOTE_UPDATE_QUADS", 500)
    result = kg("build", DOCUMENT, *proxied, "--jobs", 1)
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "SP030" in result.stderr
    assert nquads(proxied[1]) == []  # the batches written before the refusal are deleted again
