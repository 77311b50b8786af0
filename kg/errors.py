"""User-facing errors: the CLI and the server turn these into one clear line, never a traceback."""


class KgError(Exception):
    """An error the user can act on; its message is shown as is."""


class InputError(KgError):
    """A document that cannot be read: wrong type, empty, binary or undecodable."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ConfigError(KgError):
    """A ``$KG_…`` environment setting that is not a value of its kind."""


class StoreError(KgError):
    """The graph store cannot be opened or written."""


class UpstreamError(StoreError):
    """The remote store, another server, failed: it is down, refused the request or answered junk.
    Not the user's fault nor this process's: ``kg serve`` answers 502 Bad Gateway."""


class UpstreamTimeout(UpstreamError):
    """The remote store did not answer in time: ``kg serve`` answers 504 Gateway Timeout."""


class WriteInterrupted(StoreError):
    """Another client removed a document's half-written graph (a DROP ALL or CLEAR ALL on a shared
    store): that document is not stored, but the store works, so a build goes on with the others."""


def one_line_reason(err: BaseException, limit: int = 200) -> str:
    """``Type: message`` on one line and at most ``limit`` characters: what a per-file failure
    reports for an unexpected error, without a traceback."""
    text = " ".join(f"{type(err).__name__}: {err}".split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
