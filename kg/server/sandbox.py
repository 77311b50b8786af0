"""Take the network away from the endpoint's processes when SERVICE and LOAD are not allowed.

The SERVICE/LOAD refusal in :mod:`kg.server.sparql_text` reads the operation as the grammar
does; this is the guarantee behind it: a seccomp filter (Linux) makes ``socket()`` fail for the
Internet families in the calling process and every process it starts, so Oxigraph's HTTP client
cannot connect anywhere whatever a query says. Sockets already open (the listening socket,
accepted connections) and Unix sockets (the query processes' pipes) keep working.
"""
from __future__ import annotations

import ctypes
import platform
import socket
import struct
import sys

from kg.server.logs import server_logger

log = server_logger(__name__)

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO_EACCES = 0x00050000 | 13
#: machine → (AUDIT_ARCH value, number of the socket syscall)
_ARCHITECTURES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_char_p)]


def _instruction(code: int, jump_true: int, jump_false: int, k: int) -> bytes:
    return struct.pack("HBBI", code, jump_true, jump_false, k)


def _filter_program(arch: int, socket_syscall: int) -> bytes:
    load_word, jump_if_equal, ret = 0x20, 0x15, 0x06
    return b"".join([
        _instruction(load_word, 0, 0, 4),  # seccomp_data.arch
        _instruction(jump_if_equal, 1, 0, arch),
        _instruction(ret, 0, 0, _RET_ALLOW),
        _instruction(load_word, 0, 0, 0),  # seccomp_data.nr
        _instruction(jump_if_equal, 0, 4, socket_syscall),
        _instruction(load_word, 0, 0, 16),  # seccomp_data.args[0]: the address family
        _instruction(jump_if_equal, 1, 0, socket.AF_INET),
        _instruction(jump_if_equal, 0, 1, socket.AF_INET6),
        _instruction(ret, 0, 0, _RET_ERRNO_EACCES),
        _instruction(ret, 0, 0, _RET_ALLOW),
    ])


def forbid_network() -> bool:
    """Make new Internet sockets impossible for this process and its children, for good.
    False (and a warning) where seccomp is not available."""
    machine = platform.machine()
    if not sys.platform.startswith("linux") or machine not in _ARCHITECTURES:
        log.warning("cannot take the network away from the query engine on %s/%s: SERVICE and LOAD "
                    "are refused by reading the operation only", sys.platform, machine)
        return False
    program = _filter_program(*_ARCHITECTURES[machine])
    buffer = ctypes.create_string_buffer(program, len(program))
    fprog = _SockFprog(len(program) // 8, ctypes.cast(buffer, ctypes.c_char_p))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 or \
            libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        log.warning("seccomp refused (errno %d): SERVICE and LOAD are refused by reading the operation only",
                    ctypes.get_errno())
        return False
    return True
