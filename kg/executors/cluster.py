"""Extraction on a Dask distributed cluster (``kg build --scheduler tcp://HOST:PORT``).

The writer sends each file's bytes with its task, so a worker needs only the installed package,
not the writer's file system. At most a bounded number of documents is in flight; a task whose
worker died is rescheduled by Dask, one that raised is retried, and one that still fails is
reported for its file while the others go on.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.config import BUILD_WINDOW_PER_WORKER, DASK_CONNECT_TIMEOUT, DASK_RETRIES
from kg.errors import KgError
from kg.executors.base import in_order
from kg.executors.unit import Outcome, SourceFile, extract_source, warm_up


class DaskCluster:
    """A client of the scheduler at ``address``; its workers run :func:`extract_source`."""

    def __init__(self, address: str, *, retries: int = DASK_RETRIES) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise KgError("--scheduler needs Dask: pip install 'kg[dask]'") from None
        self.retries = retries
        _check_address(address)
        try:
            self.client = Client(address, timeout=DASK_CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as err:
            raise KgError(f"cannot reach the Dask scheduler at {address}: {err}") from None

    def run(self, sources: Iterable[SourceFile]) -> Iterator[tuple[SourceFile, Outcome]]:
        threads = sum(self.client.nthreads().values())
        if not threads:
            raise KgError(f"the Dask scheduler at {self.client.scheduler.address} has no workers")
        return in_order(sources, self._submit, window=max(threads, 1) * BUILD_WINDOW_PER_WORKER)

    def _submit(self, source: SourceFile):
        return self.client.submit(extract_source, source, pure=False, retries=self.retries)

    def close(self) -> None:
        self.client.close()


def _check_address(address: str) -> None:
    """Refuse an address no scheduler can listen on before a Client exists: a Client given one
    raises only after starting its event loop, and its finaliser then waits 60 s to close that
    loop and prints a traceback."""
    from distributed.comm.addressing import get_address_host_port

    try:
        _, port = get_address_host_port(address)
    except ValueError as err:
        raise KgError(f"--scheduler {address}: not a scheduler address such as tcp://HOST:8786 ({err})") from None
    if not 0 < port < 65536:
        raise KgError(f"--scheduler {address}: port {port} is not a TCP port (1-65535)")


def dask_setup(worker) -> None:
    """``dask worker --preload kg.executors.cluster``: build the extractor as the worker starts."""
    warm_up()
