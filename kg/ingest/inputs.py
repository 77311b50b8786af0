"""Which files an input path names: a file itself, or every visible file under a folder."""
from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError

#: Files that document a folder of inputs rather than being inputs (examples/README.md).
_FOLDER_DOCS = frozenset({"readme", "license", "licence", "changelog"})


#: Told of a file a folder holds that is not read, and why (a broken symbolic link).
SkipNotice = Callable[[Path, str], None]


def iter_inputs(paths: Iterable[str | Path], on_skip: SkipNotice | None = None) -> Iterator[Path]:
    """Files named by ``paths``, folders walked recursively in sorted, deterministic order.

    Hidden files and folders (``.git``) and a folder's README/LICENSE are skipped inside
    folders; a file named explicitly is always yielded. A symbolic link inside a folder that
    leads nowhere is skipped and passed to ``on_skip``, so the caller can say it (named
    directly it is missing). A missing path, or a folder that cannot be listed, raises ``InputError``.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, set(), on_skip)
        elif path.exists():
            yield path
        else:
            raise InputError(str(given), "no such file or directory")


def _walk(folder: Path, seen: set[Path], on_skip: SkipNotice | None) -> Iterator[Path]:
    real = folder.resolve()
    if real in seen:
        return  # a symbolic link back up the tree
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as err:
        raise InputError(str(folder), f"cannot list folder: {err.strerror or err}") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen, on_skip)
        elif entry.is_file():
            if entry.name.split(".")[0].lower() not in _FOLDER_DOCS:
                yield entry
        elif entry.is_symlink() and not entry.exists() and on_skip is not None:
            on_skip(entry, f"broken symbolic link (to {os.readlink(entry)!r}): skipped")


def read_input(path: Path) -> bytes:
    """The bytes of the input file ``path``. Only a regular file is read: a named pipe or a device
    (``/dev/zero`` behind a symbolic link, a FIFO put where a file was listed) would block the
    build or never end. It is opened without blocking and checked before a byte is read. Its
    path must be text: the graph records it (kg:sourcePath), and a name in no encoding the file
    system's UTF-8 can read (bytes such as 0xFF, kept by Python as surrogates) can be no RDF literal."""
    try:
        os.fsdecode(path).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(str(path), "file name is not UTF-8: rename the file") from None
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise InputError(str(path), err.strerror or str(err)) from None
    with open(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise InputError(str(path), "not a regular file")
        try:
            return file.read()
        except OSError as err:
            raise InputError(str(path), err.strerror or str(err)) from None
