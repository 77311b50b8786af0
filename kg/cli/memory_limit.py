"""Running a command's work in a child process that may allocate at most ``KG_QUERY_MEMORY_MB``.

A query of a kilobyte that doubles a string in chained BINDs asks for 2^n bytes within seconds; run
by ``kg query`` in its own process it took the machine's memory before anything stopped it, where
``kg serve``'s query processes refuse it at their limit. Oxigraph aborts the process when an
allocation fails, so the limit is set on a forked child: its death by abort (or a MemoryError of
Python's own allocations) is the one-line error the parent says. The child's output comes to the
parent through a pipe as it is written (a streamed answer stays streamed, ``| head`` ends it) and
is written to the parent's stdout; what the child raises is raised in the parent, and what it wrote
to stderr is passed on unless it died of the limit (Rust's 'memory allocation of … failed' is the
limit's doing, said better by the error)."""
from __future__ import annotations

import ctypes
import io
import os
import pickle
import resource
import signal
import sys
import tempfile
from collections.abc import Callable
from typing import BinaryIO

from kg.errors import KgError


#: prctl's option (<linux/prctl.h>) naming the signal a process gets when its parent dies.
_PR_SET_PDEATHSIG = 1


class OutOfMemory(KgError):
    """The work needed more memory than it may allocate."""


def run_within_memory(work: Callable[[], None], limit_mb: int, what: str) -> None:
    """Run ``work()`` in a child whose data segment (heap and anonymous maps, not the store's mapped
    files) is at most ``limit_mb`` MiB; raise what it raised, or :class:`OutOfMemory` naming ``what``."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryFile() as raised:
        read_end, write_end = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child ends in os._exit, never returning here
            _die_with(parent)
            os.close(read_end)
            _child(work, limit_mb, write_end, sys.stdout.encoding, errors, raised)
        os.close(write_end)
        try:
            with open(read_end, "rb", buffering=0) as output:
                _copy(output, sys.stdout.buffer)
            _, status = os.waitpid(pid, 0)
        except BaseException:  # Ctrl+C, or our reader gone (| head): the child is not left behind
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise
        raised.seek(0)
        outcome = pickle.loads(data) if (data := raised.read()) else None
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGABRT or isinstance(outcome, MemoryError):
            raise OutOfMemory(f"{what} refused: it needed more than {limit_mb:,} MiB of memory (KG_QUERY_MEMORY_MB)")
        errors.seek(0)
        _copy(errors, sys.stderr.buffer)
        if isinstance(outcome, BaseException):
            raise outcome
        if os.WIFSIGNALED(status):
            raise KgError(f"{what} failed: its process died of signal {os.WTERMSIG(status)}")
        if os.WEXITSTATUS(status):  # it failed and could not even say how
            raise KgError(f"{what} failed: its process exited with {os.WEXITSTATUS(status)}")


def _copy(source: BinaryIO, target: BinaryIO) -> None:
    """Everything ``source`` holds until its end, written to ``target`` as it arrives."""
    while chunk := source.read(1 << 16):
        target.write(chunk)
        target.flush()


def _die_with(parent: int) -> None:
    """Have the kernel kill this child when its parent dies: a parent ended by a signal it cannot
    handle (SIGTERM, SIGKILL) left the child evaluating its query to the end."""
    prctl = getattr(ctypes.CDLL(None, use_errno=True), "prctl", None)
    if prctl is None:  # not Linux: the child then ends with its pipe, when it next writes
        return
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it died before the request took
        os._exit(1)


def _child(work: Callable[[], None], limit_mb: int, output: int, encoding: str, errors: BinaryIO,
           raised: BinaryIO) -> None:
    """Run ``work`` under the limit, its stdout into the pipe ``output``, its stderr into ``errors``,
    what it raised pickled into ``raised``."""
    code = 0
    try:
        os.dup2(errors.fileno(), 2)  # the native code's messages, and Python's
        sys.stderr = io.TextIOWrapper(open(os.dup(2), "wb"), encoding="utf-8", errors="backslashreplace",
                                      write_through=True)
        sys.stdout = io.TextIOWrapper(open(output, "wb"), encoding=encoding or "utf-8")
        limit = limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
        work()
        sys.stdout.flush()
    except BaseException as err:  # noqa: BLE001 - every outcome goes back to the parent
        try:
            raised.write(pickle.dumps(err))
        except Exception:  # noqa: BLE001 - an exception that does not pickle: its line still goes back
            raised.write(pickle.dumps(KgError(f"{type(err).__name__}: {err}")))
        raised.flush()
        code = 1
    finally:
        os._exit(code)
