"""HTTP for the remote backend: one kept-alive connection per server and thread (a build or link
makes thousands of small requests; a new TCP connection for each doubled their cost), and every
failure turned into one :class:`StoreError` line."""
from __future__ import annotations

import http.client
import threading
import urllib.parse

from kg.errors import StoreError


class NotFound(Exception):
    """The server answered 404."""


class Rejected(StoreError):
    """The server answered 400: it did not take the operation (its syntax, most often)."""

    def __init__(self, url: str, detail: str) -> None:
        super().__init__(f"{url} refused the request: 400 Bad Request" + (f": {detail}" if detail else ""))
        self.detail = detail


class HttpClient:
    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self._local = threading.local()

    def request(self, method: str, url: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[str, bytes]:
        """The response's media type and body; :class:`NotFound` on 404, :class:`StoreError`
        on any other failure. A kept-alive connection the server has closed is opened again once."""
        parts = urllib.parse.urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        for attempt in (1, 2):
            connection, fresh = self._connection(parts)
            try:
                connection.request(method, target or "/", body=body, headers=headers or {})
                response = connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as err:
                self._drop(parts)
                if fresh or attempt == 2:
                    raise StoreError(f"cannot reach the store at {url}: {_one_line(err)}") from None
            except (OSError, http.client.HTTPException) as err:
                self._drop(parts)
                raise StoreError(f"cannot reach the store at {url}: {_one_line(err)}") from None
        content_type = response.headers.get_content_type()
        if response.status == 404:
            raise NotFound
        if response.status >= 300:
            # an error page's HTML says no more than its status
            detail = "" if content_type == "text/html" else _one_line(data.decode("utf-8", "replace"))
            if response.status == 400:  # whole: it tells the user what is wrong with their operation
                raise Rejected(url, detail)
            detail = detail[:300]
            raise StoreError(f"{url} refused the request: {response.status} {response.reason}"
                             + (f": {detail}" if detail else ""))
        return content_type, data

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


def _one_line(value: object) -> str:
    return " ".join(str(value).split())
