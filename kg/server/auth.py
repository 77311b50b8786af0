"""Bearer-token protection of every write (SPARQL Update, Graph Store writes, document uploads).

Status codes follow RFC 6750 §3.1:

* no token configured on the server → **403 Forbidden**: writes are disabled and no credential
  can change that;
* token configured but the request sends none (or another auth scheme) → **401 Unauthorized**
  with ``WWW-Authenticate: Bearer realm="kg"``;
* token sent but wrong → **401 Unauthorized** with ``error="invalid_token"``.

The comparison is constant-time (``hmac.compare_digest``) so the token cannot be guessed by timing.
"""
from __future__ import annotations

import functools
import hmac
from collections.abc import Callable
from typing import TypeVar

from flask import current_app, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Forbidden, Unauthorized

from kg.config import ServerConfig

F = TypeVar("F", bound=Callable)
REALM = "kg"


def check_update_token(*, form_field: str | None = None) -> None:
    """Raise 403/401 unless the current request carries the configured update token: in the
    Authorization header or, for a browser's HTML form, in the form field ``form_field``."""
    config: ServerConfig = current_app.config["KG"]
    expected = config.update_token
    if not expected:
        raise Forbidden("writes are disabled on this server (start kg serve with --update-token)")
    sent = bearer_token(request.headers.get("Authorization", ""))
    if form_field and request.form.get(form_field, "").strip():
        sent = request.form[form_field].strip()
    if sent is None:
        raise _unauthorized("this operation needs an 'Authorization: Bearer <token>' header"
                            + (f" or the form field {form_field!r}" if form_field else ""), None)
    if not is_update_token(sent, expected):
        raise _unauthorized("invalid update token", "invalid_token")


def bearer_token(authorization: str) -> str | None:
    """The token an ``Authorization`` header's value sends with the Bearer scheme (None: none)."""
    scheme, _, sent = authorization.partition(" ")
    return sent.strip() if scheme.lower() == "bearer" and sent.strip() else None


def is_update_token(sent: str | None, expected: str | None) -> bool:
    """Whether ``sent`` is the configured update token ``expected`` (none configured: nothing is)."""
    return bool(sent and expected) and hmac.compare_digest(sent.encode("utf-8"), expected.encode("utf-8"))


def require_update_token(view: F) -> F:
    """Decorator for Flask views that write: the request must carry the update token."""

    @functools.wraps(view)
    def guarded(*args, **kwargs):
        check_update_token()
        return view(*args, **kwargs)

    return guarded  # type: ignore[return-value]


def _unauthorized(message: str, error: str | None) -> Unauthorized:
    parameters = {"realm": REALM, **({"error": error} if error else {})}
    return Unauthorized(message, www_authenticate=WWWAuthenticate("Bearer", parameters))
