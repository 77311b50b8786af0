"""Which files an input path names: a file itself, or every visible file under a folder."""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError

#: Files that document a folder of inputs rather than being inputs (examples/README.md).
_FOLDER_DOCS = frozenset({"readme", "license", "licence", "changelog"})


#: Told of a file a folder holds that is not read, and why (a broken symbolic link).
SkipNotice = Callable[[Path, str], None]
#: Told of a path that cannot be read at all (a folder that cannot be listed); the walk goes on.
FailureNotice = Callable[[InputError], None]

#: What stat says of a path that is not there: missing, or a link to nothing or round in a loop.
_MISSING = frozenset({errno.ENOENT, errno.ENOTDIR, errno.ELOOP})


def iter_inputs(paths: Iterable[str | Path], on_skip: SkipNotice | None = None,
                on_failure: FailureNotice | None = None) -> Iterator[Path]:
    """Files named by ``paths``, folders walked recursively in sorted, deterministic order.

    Hidden files and folders (``.git``) and a folder's README/LICENSE are skipped inside
    folders; a file named explicitly is always yielded. A symbolic link inside a folder that
    leads nowhere is skipped and passed to ``on_skip``, so the caller can say it (named
    directly it is missing). A missing path, one that cannot be looked at (in a folder its user
    may not open) or a folder that cannot be listed raises ``InputError``; with ``on_failure``
    it is passed there instead and the other paths, and the folder's other entries, go on.
    """
    for given in paths:
        path = Path(given)
        try:
            is_folder = stat.S_ISDIR(os.stat(path).st_mode)
        except OSError as err:
            _fail(InputError(str(given), "no such file or directory" if err.errno in _MISSING
                             else err.strerror or str(err)), on_failure)
            continue
        if is_folder:
            yield from _walk(path, set(), on_skip, on_failure)
        else:
            yield path


def _fail(error: InputError, on_failure: FailureNotice | None) -> None:
    if on_failure is None:
        raise error
    on_failure(error)


def _walk(folder: Path, seen: set[Path], on_skip: SkipNotice | None, on_failure: FailureNotice | None) -> Iterator[Path]:
    real = folder.resolve()
    if real in seen:
        return  # a symbolic link back up the tree
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as err:
        _fail(InputError(str(folder), f"cannot list folder: {err.strerror or err}"), on_failure)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen, on_skip, on_failure)
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
