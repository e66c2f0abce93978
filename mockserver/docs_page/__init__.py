"""The public API's Swagger UI page at ``/docs/``, arranged for a reader of the mock.

Connexion serves Swagger UI's files under ``/docs/`` and its own ``index.html``; this pure ASGI middleware
answers only ``GET /docs/`` (the page itself) with ``swagger.html``, which loads the same files and adds:

- the contract's long introduction folded under one line, so the operations start on the first screen,
  listed by tag (one line each) with a filter box;
- "Authorize" pre-filled with the first demo team's key, and the ``{id}`` try-it example replaced by a
  real character of that team when it has one (else the page says how to get one), read from ``/_mock``.
  With ``--control-token`` the page cannot read ``/_mock`` and says so; the contract is unchanged.
"""

from __future__ import annotations

from pathlib import Path

from starlette.types import ASGIApp, Receive, Scope, Send

PAGE = Path(__file__).parent / "swagger.html"
DOCS_PATHS = ("/docs/", "/docs/index.html")


class SwaggerPage:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.body = PAGE.read_bytes()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or scope["path"] not in DOCS_PATHS:
            await self.app(scope, receive, send)
            return
        headers = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(self.body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": self.body if scope["method"] == "GET" else b""})
