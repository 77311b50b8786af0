"""A live ``kg serve`` for tests that must talk HTTP to the real server (W3C manifests, real
clients, timeouts): started as a subprocess on a free loopback port over a temporary store."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent
TOKEN = "test-token-0123456789"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    def __init__(self, base: str, token: str | None) -> None:
        self.base = base
        self.token = token
        self.sparql = base + "/sparql"

    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def update(self, text: str) -> None:
        response = requests.post(self.sparql, data=text.encode("utf-8"), timeout=30,
                                 headers={"Content-Type": "application/sparql-update", **self.auth()})
        assert response.status_code == 204, response.text


@contextmanager
def live_server(store: Path, *extra: str, token: str | None = TOKEN) -> Iterator[LiveServer]:
    """Run ``kg serve`` on ``store`` until the block ends; fails if it does not come up."""
    port = free_port()
    command = [str(Path(sys.executable).with_name("kg")), "serve", "--store", str(store), "--port", str(port), *extra]
    env = {k: v for k, v in os.environ.items() if k != "KG_UPDATE_TOKEN"}
    if token:
        command += ["--update-token", token]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                raise AssertionError(f"kg serve exited with {process.returncode}: {output}")
            try:
                if requests.get(base + "/health", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("kg serve did not come up within 30 s")
            time.sleep(0.1)
        yield LiveServer(base, token)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()
