"""An ``oxigraph serve`` on 127.0.0.1 (the remote store of the bench and of the tests): started,
waited for until it answers, stopped. The binary is the one pip installs beside this Python."""
from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

OXIGRAPH = str(Path(sys.executable).parent / "oxigraph")


@contextmanager
def oxigraph_serve(location: Path, port: int) -> Iterator[subprocess.Popen]:
    """Serve the store folder ``location`` on ``port`` for the ``with`` block; one line when it cannot listen."""
    process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if process.poll() is not None:
                    break
                time.sleep(0.05)
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph serve could not listen on 127.0.0.1:{port} (port taken?)")
        yield process
    finally:
        process.terminate()
        process.wait(timeout=60)


def store_options(port: int) -> list[str]:
    """``--store``/``--store-update`` of the server on ``port``."""
    base = f"http://127.0.0.1:{port}"
    return ["--store", f"{base}/query", "--store-update", f"{base}/update"]
