"""Blueprint ``documents``: ``POST /documents`` links new documents into the served graph.

The body is either ``multipart/form-data`` with one or more ``file`` parts, or the raw document
with its file name in ``?filename=``. ``?dry_run=1`` reports without writing. The answer is the
same JSON report as ``kg link --format json``, plus ``not_extracted``: the files a request's
extraction budget (``--upload-budget``) left out, answered 503 to post again. ``DELETE /documents/<sha256>`` removes one, as
``kg remove`` does.

Uploaded files are kept beside the store (``<store>-uploads/``): the graph records the path of
the source of every fact, and uploading a changed file under the same name replaces its graph,
as ``kg link`` does for a changed file. Documents are linked one request at a time (the app keeps
one linker); each document is written in one transaction, so concurrent queries see it whole or
not at all.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
import unicodedata
from pathlib import Path

from flask import Blueprint, Response, current_app, jsonify, request
from werkzeug.exceptions import BadRequest, NotFound, RequestEntityTooLarge

from kg.charsets import BIDI_CONTROLS, NONCHARACTERS, ZERO_WIDTH
from kg.errors import KgError, StoreError
from kg.server.auth import require_update_token
from kg.server.extraction import ExtractionBudget
from kg.server.params import flag, one
from kg.vocab import document_iri

bp = Blueprint("documents", __name__)

#: The longest file name most file systems store (ext4, XFS, APFS, NTFS in UTF-16 units).
MAX_FILE_NAME_BYTES = 255
#: A file name holding one of these displays as another name.
_BIDI_CONTROL = re.compile(f"[{BIDI_CONTROLS}]")
#: …and one holding one of these looks like another (a.txt and a\u200b.txt) or holds what no text holds.
_UNSEEN = re.compile(f"[{ZERO_WIDTH}{NONCHARACTERS}]")

_LOCK = threading.Lock()
#: A document's id in DELETE /documents/<sha256>.
_SHA256 = re.compile("[0-9a-fA-F]{64}")


@bp.post("/documents")
@require_update_token
def post_documents() -> Response:
    from kg.link import Linker
    from kg.link.service import link_files

    uploads = _uploads()
    dry_run = flag("dry_run")
    graph_store = current_app.extensions["kg.graph_store"]
    with _LOCK:
        extractor = ExtractionBudget(_extractor(), current_app.config["KG"].upload_budget)
        if dry_run:
            with tempfile.TemporaryDirectory(prefix="kg-upload-") as folder:
                report = link_files(_save(uploads, Path(folder), []), graph_store, Linker(graph_store, dry_run=True),
                                    extractor=extractor)
                answer = _as_posted(report.to_json(), Path(folder))
        else:
            paths: list[str] = []
            try:
                _save(uploads, _upload_dir(), paths)
                report = link_files(paths, graph_store, _linker(graph_store), extractor=extractor)
            finally:
                _keep_stored(graph_store, uploads, paths)
            answer = _as_posted(report.to_json(), _upload_dir())
    return _answer(answer, extractor.not_extracted)


def _as_posted(report: dict, folder: Path) -> dict:
    """``report`` naming each upload by the name the client posted: its failures and warnings name the
    file by its path on the server (in ``folder``, the uploads' or a temporary one), which no client
    is to see, and a reason may repeat it."""
    where = sorted({f"{folder.resolve()}{os.sep}", f"{folder}{os.sep}"}, key=len, reverse=True)  # the longer first

    def named(text: str) -> str:
        for prefix in where:
            text = text.replace(prefix, "")
        return text

    for key in ("failed", "warnings"):
        report[key] = [{**item, "source": Path(item["source"]).name, "reason": named(item["reason"])}
                       for item in report[key]]
    return report


def _answer(report: dict, not_extracted: list[str]) -> Response:
    """The linking report, with the files the request's extraction budget left out listed apart in
    ``not_extracted`` (not among the failures: nothing is wrong with them): 503 with Retry-After
    when there are any, so that a client retries them (posting the whole request again works too:
    the files stored are answered ``unchanged``), else 200, or 422 when a file failed."""
    left = set(not_extracted)
    report["failed"] = [f for f in report["failed"] if Path(f["source"]).name not in left]
    report["not_extracted"] = not_extracted
    response = jsonify(report)
    if not_extracted:
        response.status_code = 503
        response.headers["Retry-After"] = "1"
    else:
        response.status_code = 422 if report["failed"] else 200
    return response


@bp.delete("/documents/<sha256>")
@require_update_token
def delete_document(sha256: str) -> Response:
    removed = remove_document(sha256)
    return jsonify({"document": document_iri(sha256.lower()), "removed_statements": removed})


def remove_document(sha256: str) -> int:
    """Take the stored document ``sha256`` out of the served graph, as ``kg remove`` does, and
    its uploaded file with it; returns the statements removed. The caller has checked the update token."""
    from kg.link.service import find_document, remove_documents

    if not _SHA256.fullmatch(sha256):  # no stored document's; the answer need not echo a megabyte of it
        raise NotFound(f"no document {sha256 if len(sha256) <= 80 else sha256[:80] + '…'} in the store")
    graph_store = current_app.extensions["kg.graph_store"]
    with _LOCK:
        try:
            iri = find_document(graph_store, document_iri(sha256.lower()))
        except StoreError:
            raise  # the store failed: whether it holds the document is unknown
        except (KgError, ValueError):  # ValueError: not even a valid IRI
            raise NotFound(f"no document {sha256} in the store") from None
        source = graph_store.source_path(iri)
        removed = remove_documents(graph_store, [iri], _linker(graph_store))[0]
        uploads = _upload_dir().resolve()
        if source and Path(source).parent == uploads and graph_store.document_for_path(source) is None:
            Path(source).unlink(missing_ok=True)  # an upload is kept only as the source of a stored document
        return removed


def _uploads() -> list[tuple[str, bytes]]:
    """(file name, content) of every uploaded document, names checked before anything is saved.

    Anything but ``multipart/form-data`` is the raw document when ``?filename=`` names it, even
    when sent as a form (``curl --data-binary`` says ``application/x-www-form-urlencoded``): the
    body is read as it came, before anything parses it as form fields."""
    if request.mimetype != "multipart/form-data":
        filename = one("filename") or ""
        if not filename:
            raise BadRequest("give the document's file name: POST /documents?filename=NAME "
                             "(or send multipart/form-data parts named 'file')")
        found = [(filename, request.get_data(cache=False))]
    else:
        found = [(f.filename or "", f.read()) for f in _multipart_files()]
        if not found:
            raise BadRequest("send the documents as multipart parts named 'file'")
    most = current_app.config["KG"].max_document_bytes
    names: set[str] = set()
    for name, content in found:
        _check_name(name)
        if name in names:  # saved over the first: both lost
            raise BadRequest(f"{name} is posted twice: give each document its own file name")
        names.add(name)
        if len(content) > most:
            raise RequestEntityTooLarge(f"{name} is {len(content):,} bytes: the server extracts posted documents "
                                        f"of at most {most:,} bytes (kg serve --max-document)")
    return found


def _multipart_files() -> list:
    """The body's ``file`` parts. Werkzeug's parser refuses a body of more parts than
    ``request.max_form_parts`` with a 413 that names no limit ('The data value transmitted exceeds
    the capacity limit'): here it says which."""
    try:
        return request.files.getlist("file")
    except RequestEntityTooLarge:
        if (request.content_length or 0) > (request.max_content_length or float("inf")):
            raise  # the body's size: werkzeug's answer stands
        most = request.max_form_parts
        raise RequestEntityTooLarge(f"a multipart body of more than {most:,} parts: post at most {most:,} "
                                    "documents per request") from None


def _check_name(name: str) -> None:
    if not name or Path(name).name != name or name in (".", "..") or "\\" in name:
        raise BadRequest(f"invalid file name {name!r}: give a plain file name such as report.txt")
    if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in name):
        raise BadRequest(f"invalid file name {name!r}: control characters and line breaks (such as NUL, U+2028) "
                         "are not allowed")
    if _BIDI_CONTROL.search(name):  # 发展规划\u202etxt.exe.txt: its end shows reversed
        raise BadRequest(f"invalid file name {name!r}: bidirectional controls (such as U+202E) would make it "
                         "display as another name")
    if found := _UNSEEN.search(name):  # 发展规划\u200b.txt: shown as 发展规划.txt, another file
        raise BadRequest(f"invalid file name {name!r}: U+{ord(found.group()):04X} is a zero-width character or "
                         "a non-character, which would make it look like another name")
    if len(os.fsencode(name)) > MAX_FILE_NAME_BYTES:
        raise BadRequest(f"file name too long ({len(os.fsencode(name))} bytes, at most {MAX_FILE_NAME_BYTES})")


def _save(uploads: list[tuple[str, bytes]], folder: Path, paths: list[str]) -> list[str]:
    """Write the uploads into ``folder``, adding each path to ``paths`` before it is written (so
    that a failed write's file is cleaned up too); returns ``paths``. A file already there (the
    source of a stored document of that name) is first moved aside (:func:`_previous`)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in uploads:
        path = folder / name
        paths.append(str(path))
        if path.is_file():
            path.replace(_previous(path))
        path.write_bytes(content)
    return paths


def _previous(path: Path) -> Path:
    """Where an upload's earlier file waits while the upload of the same name is built."""
    return path.with_name(f".{path.name}.previous")


def _keep_stored(graph_store, uploads: list[tuple[str, bytes]], paths: list[str]) -> None:
    """Keep each upload only as the source of its stored document. One not stored (unreadable,
    not extracted, the store failed) gives the name back to the file it displaced, whose document
    is still stored: a failed upload of report.txt does not overwrite the stored report.txt."""
    for path, (_, content) in zip(map(Path, paths), uploads):
        stored = graph_store.document_for_path(str(path.resolve()))
        previous = _previous(path)
        if stored == document_iri(hashlib.sha256(content).hexdigest()):
            previous.unlink(missing_ok=True)
        elif previous.is_file():
            previous.replace(path)
        elif stored is None:
            path.unlink(missing_ok=True)


def _upload_dir() -> Path:
    store = current_app.config["KG"].store
    if not isinstance(store, Path):  # a remote store: no folder of ours beside it
        return Path(tempfile.gettempdir()) / "kg-uploads"
    return store.parent / f"{store.name}-uploads"


def _extractor():
    """The app's extractor of posted documents: a worker process under the document timeout."""
    from kg.server.extraction import ExtractionWorker

    worker = current_app.extensions.get("kg.extraction")
    if worker is None:
        worker = current_app.extensions["kg.extraction"] = ExtractionWorker(current_app.config["KG"].document_timeout)
    return worker


def _linker(graph_store):
    """The app's linker, its name index brought up to date with documents others added or
    removed since it last linked (Graph Store writes, SPARQL updates)."""
    from kg.link import Linker

    linker = current_app.extensions.get("kg.linker")
    if linker is None:
        linker = current_app.extensions["kg.linker"] = Linker(graph_store)
    else:
        linker.index.sync()
    return linker
