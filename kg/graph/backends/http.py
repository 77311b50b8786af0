"""HTTP for the remote backend: one kept-alive connection per server and thread (a build or link
makes thousands of small requests; a new TCP connection for each doubled their cost), and every
failure turned into one :class:`UpstreamError` line.

A server, broken or hostile, cannot hold a command longer than the timeout or fill its memory: the
socket's own timeout bounds each wait, not a server sending a byte just before each wait ends, so
a timer shuts the socket down when the request's whole time is up; and an answer is read in pieces
up to a most of bytes, however long the body the server announces or streams."""
from __future__ import annotations

import http.client
import socket
import threading
import urllib.parse

from kg.errors import UpstreamError, UpstreamTimeout


class NotFound(Exception):
    """The server answered 404."""


class Rejected(UpstreamError):
    """The server answered 400: it did not take the operation (its syntax, most often)."""

    def __init__(self, url: str, detail: str) -> None:
        super().__init__(f"{url} refused the request: 400 Bad Request" + (f": {detail}" if detail else ""))
        self.detail = detail


#: Bytes read from the socket at a time, the most being checked between two reads.
_PIECE = 1 << 20


class HttpClient:
    """``timeout``: seconds one request may take in all; ``max_bytes``: the largest answer read."""

    def __init__(self, timeout: float, max_bytes: int) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._local = threading.local()

    def request(self, method: str, url: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[str, bytes]:
        """The response's media type and body; :class:`NotFound` on 404, :class:`UpstreamTimeout`
        past the timeout, :class:`UpstreamError` on any other failure. A kept-alive connection the server has closed is opened again once."""
        parts = urllib.parse.urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        for attempt in (1, 2):
            connection, fresh = self._connection(parts)
            expired = threading.Event()
            timer = threading.Timer(self.timeout, _shut_down, (connection, expired))
            timer.daemon = True
            timer.start()
            try:
                connection.request(method, target or "/", body=body, headers=headers or {})
                response = connection.getresponse()
                data = self._read(response)
                if expired.is_set():  # the body was cut short, not ended by the server
                    raise TimeoutError
                break
            except (OSError, http.client.HTTPException) as err:
                self._drop(parts)
                if expired.is_set() or isinstance(err, TimeoutError):  # the timer's, or the socket's own
                    raise UpstreamTimeout(f"the store at {url} did not answer within {self.timeout:g} s") from None
                closed_while_kept = not fresh and isinstance(err, (BrokenPipeError, ConnectionResetError))
                if not closed_while_kept or attempt == 2:
                    raise UpstreamError(f"cannot reach the store at {url}: {_one_line(err)}") from None
            finally:
                timer.cancel()
        if data is None:
            self._drop(parts)  # the rest of the body is still unread
            raise UpstreamError(f"the store at {url} answered more than {self.max_bytes:,} bytes "
                             "(the most read: $KG_REMOTE_MAX_RESPONSE_BYTES)")
        content_type = response.headers.get_content_type()
        if response.status == 404:
            raise NotFound
        if response.status >= 300:
            # an error page's HTML says no more than its status
            detail = "" if content_type == "text/html" else _one_line(data.decode("utf-8", "replace"))
            if response.status == 400:  # whole: it tells the user what is wrong with their operation
                raise Rejected(url, detail)
            detail = detail[:300]
            raise UpstreamError(f"{url} refused the request: {response.status} {response.reason}"
                             + (f": {detail}" if detail else ""))
        return content_type, data

    def _read(self, response: http.client.HTTPResponse) -> bytes | None:
        """The response's body; None once it is past :attr:`max_bytes`."""
        if (response.length or 0) > self.max_bytes:
            return None
        pieces, size = [], 0
        while piece := response.read(_PIECE):
            size += len(piece)
            if size > self.max_bytes:
                return None
            pieces.append(piece)
        return b"".join(pieces)

    def _connection(self, parts: urllib.parse.SplitResult) -> tuple[http.client.HTTPConnection, bool]:
        connections = self._local.__dict__.setdefault("connections", {})
        key = (parts.scheme, parts.netloc)
        if key in connections:
            return connections[key], False
        kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        connections[key] = kind(parts.hostname, parts.port, timeout=self.timeout)
        return connections[key], True

    def _drop(self, parts: urllib.parse.SplitResult) -> None:
        connection = self._local.__dict__.get("connections", {}).pop((parts.scheme, parts.netloc), None)
        if connection is not None:
            connection.close()

    def close(self) -> None:
        """Close this thread's connections (other threads' close when they end)."""
        for connection in self._local.__dict__.pop("connections", {}).values():
            connection.close()


def _shut_down(connection: http.client.HTTPConnection, expired: threading.Event) -> None:
    """End the request on ``connection``: its blocked read returns at once."""
    expired.set()
    sock = connection.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:  # closed meanwhile
            pass


def _one_line(value: object) -> str:
    return " ".join(str(value).split())
