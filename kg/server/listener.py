"""The HTTP server ``kg serve`` runs the app on: waitress, with deadlines on a client's sending and reading.

Waitress holds at most ``connection_limit`` connections and drops only those that stay silent for
``channel_timeout``: 150 clients each sending a request's headers a byte now and then (slowloris)
held all its connections, and /health waited in the listen backlog for as long as they kept
sending. Here a request has ``KG_REQUEST_HEADER_TIMEOUT`` seconds from its first byte (a new
connection: from connecting) to send its headers, and its body must keep coming at
``KG_REQUEST_MIN_RATE`` bytes per second on average (mod_reqtimeout's rule); a request past that is
answered 408 and its connection closed, one that never sent a byte is closed. The deadline is
checked by the channel itself each time waitress's loop asks whether to read from it (at least once
a second), so no connection is left to the idle sweep. A connection whose request is being served
is never cut by it. A client must also read its response at ``KG_RESPONSE_MIN_RATE`` bytes per
second while output waits for it, or be disconnected: a streamed answer holds a server thread
while 16 MiB of it wait for a client.
"""
from __future__ import annotations

import time

from flask import Flask
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, create_server

from kg.config import ServerConfig

_TIMED_OUT_BODY = (b"the request was not received in time: its headers must arrive within the server's "
                   b"request header timeout and its body at the server's least rate\n")
_TIMED_OUT = (b"HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n"
              b"Content-Length: %d\r\n\r\n%s" % (len(_TIMED_OUT_BODY), _TIMED_OUT_BODY))


class SlowClientChannel(HTTPChannel):
    """A waitress connection whose client must send its requests and read its responses in time
    (see the module's doc)."""

    header_timeout: float = 10.0
    min_rate: int = 1_000
    response_min_rate: int = 10_000

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        #: When the request being read began (None: none is; a new connection owes its first one).
        self.reading_since: float | None = time.monotonic()
        self.request_bytes = 0
        self.sent_bytes = 0
        #: When the current window of pending output began, and the bytes sent before it.
        self.window_began: float | None = None
        self.sent_before_window = 0

    def send(self, data: bytes, do_close: bool = True) -> int:
        sent = super().send(data, do_close)
        self.sent_bytes += sent
        return sent

    def received(self, data: bytes) -> bool:
        if self.request is None:  # these bytes begin a request
            if self.reading_since is None:
                self.reading_since = time.monotonic()
            self.request_bytes = 0
        self.request_bytes += len(data)
        handled = super().received(data)
        if self.request is None:  # no request left half-read: the next one's clock starts with its first byte
            self.reading_since = None
        return handled

    def readable(self) -> bool:
        if self._reads_too_slowly():
            self.handle_close()  # gone from the loop's map, so it is asked nothing more
            return False
        if self._overdue():
            self._time_out()
        return super().readable()

    def _reads_too_slowly(self) -> bool:
        """Whether the client reads what it is sent too slowly: in every window of ``header_timeout``
        seconds during which output waits for it, it must take ``response_min_rate`` bytes a second
        (the sockets' buffers count, so a client that stops reading is cut a window after they fill).
        A streamed answer (an export) waits for its client once 16 MiB are pending: two clients
        reading 3 kB/s held both threads of ``--workers 2`` for as long as they read, one not reading
        held one for good. The connection is closed here, in the event loop (a socket no client
        reads never becomes writable), as waitress closes one whose client is gone; that wakes the
        thread waiting to write to it, in which waitress raises ClientDisconnected."""
        if not self.total_outbufs_len:
            self.window_began = None
            return False
        now = time.monotonic()
        if self.window_began is None:
            self.window_began, self.sent_before_window = now, self.sent_bytes
        elif now - self.window_began >= self.header_timeout:
            if self.sent_bytes - self.sent_before_window < self.response_min_rate * self.header_timeout:
                return True
            self.window_began, self.sent_before_window = now, self.sent_bytes
        return False

    def _overdue(self) -> bool:
        if self.reading_since is None or self.requests or self.will_close or self.close_when_flushed:
            return False
        allowed = self.header_timeout
        if self.request is not None and self.request.headers_finished:
            allowed += self.request_bytes / self.min_rate
        return time.monotonic() - self.reading_since > allowed

    def _time_out(self) -> None:
        """Answer 408 to a request begun, close a connection that never sent one. No task is running
        on this channel (``_overdue``), so its output buffer is the event loop's alone, as in
        waitress's own ``send_continue``."""
        self.reading_since = None
        if self.request is None:
            self.will_close = True
            return
        with self.outbuf_lock:
            self.outbufs[-1].append(_TIMED_OUT)
            self.current_outbuf_count += len(_TIMED_OUT)
            self.total_outbufs_len += len(_TIMED_OUT)
        self.close_when_flushed = True


def make_server(app: Flask, config: ServerConfig) -> BaseWSGIServer:
    """Waitress listening on ``config.host:port`` for ``app``, with the connection settings of ``config``.
    Raises OSError or ValueError when it cannot listen there."""
    channel = type("SlowClientChannel", (SlowClientChannel,),
                   {"header_timeout": config.request_header_timeout, "min_rate": config.request_min_rate,
                    "response_min_rate": config.response_min_rate})
    sockets: dict = {}
    server = create_server(
        app, map=sockets, host=config.host, port=config.port, threads=config.workers,
        max_request_body_size=config.max_body_bytes, ident="kg",
        connection_limit=config.connection_limit, channel_timeout=config.idle_connection_timeout,
        cleanup_interval=min(30, config.idle_connection_timeout),
        asyncore_use_poll=True,  # select() fails past 1,024 descriptors, which a raised connection limit reaches
    )
    for dispatcher in list(sockets.values()):  # one listening server per address the host resolves to
        if isinstance(dispatcher, BaseWSGIServer):
            dispatcher.channel_class = channel
    return server
