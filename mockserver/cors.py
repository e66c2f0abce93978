"""CORS, so that a frontend on another origin (``http://localhost:3000``) can call the mock from a browser.

One concern, one pure ASGI class, outermost in the stack so that every response carries the headers —
errors included. Allowed origins: by default any ``http(s)://localhost``,
``127.0.0.1`` or ``[::1]`` origin on any port; ``--cors-origin`` replaces that with a list (``*`` = any).

- A preflight (``OPTIONS`` with ``Origin`` and ``Access-Control-Request-Method``) from an allowed origin
  is answered here with 204: the methods, the requested headers (``X-Api-Key``, ``Prefer``,
  ``Idempotency-Key``, ``X-Mock-Token``... are all custom headers), and a max age.
- Any other request from an allowed origin gets ``Access-Control-Allow-Origin`` and
  ``Access-Control-Expose-Headers`` naming the Aurous headers, so scripts can read the request id,
  the rate-limit figures and ``Retry-After``.
- A request without ``Origin`` (curl, server-side code, wrk) passes straight through: one header scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["EXPOSED_HEADERS", "LOCALHOST_ORIGIN", "Cors"]

LOCALHOST_ORIGIN = re.compile(r"https?://(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?")
EXPOSED_HEADERS = (
    "Aurous-Request-Id",
    "Aurous-Version",
    "Aurous-Idempotent-Replayed",
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
    "Retry-After",
)
_METHODS = b"GET, POST, PUT, PATCH, DELETE, OPTIONS"
_DEFAULT_ALLOWED_HEADERS = (
    b"X-Api-Key, Authorization, Content-Type, Aurous-Version, Idempotency-Key, Prefer, X-Mock-Token"
)
_EXPOSE = ", ".join(EXPOSED_HEADERS).encode()


class Cors:
    def __init__(self, app: ASGIApp, *, origins: Iterable[str] = ()) -> None:
        self.app = app
        self.origins = frozenset(origin.rstrip("/") for origin in origins)
        self.any_origin = "*" in self.origins

    def allowed(self, origin: str) -> bool:
        if self.any_origin:
            return True
        if self.origins:
            return origin in self.origins
        return LOCALHOST_ORIGIN.fullmatch(origin) is not None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        origin = request_method = requested_headers = None
        for name, value in scope["headers"]:
            if name == b"origin":
                origin = value
            elif name == b"access-control-request-method":
                request_method = value
            elif name == b"access-control-request-headers":
                requested_headers = value
        if origin is None or not self.allowed(origin.decode("latin-1")):
            await self.app(scope, receive, send)
            return

        if scope["method"] == "OPTIONS" and request_method is not None:
            await send(
                {
                    "type": "http.response.start",
                    "status": 204,
                    "headers": [
                        (b"access-control-allow-origin", origin),
                        (b"access-control-allow-methods", _METHODS),
                        (b"access-control-allow-headers", requested_headers or _DEFAULT_ALLOWED_HEADERS),
                        (b"access-control-max-age", b"600"),
                        (b"vary", b"Origin"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *message.get("headers", ()),
                    (b"access-control-allow-origin", origin),
                    (b"access-control-expose-headers", _EXPOSE),
                    (b"vary", b"Origin"),
                ]
            await send(message)

        await self.app(scope, receive, send_with_cors)
