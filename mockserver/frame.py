"""Every response leaves with ``Aurous-Request-Id``, ``Aurous-Version`` and, once metered, ``X-RateLimit-*``.

``RequestFrame`` opens the request's ``RequestContext`` and stamps those headers on whatever answer goes
out: a handler's, a replay's, or an error that Connexion's exception layer rendered. That is why it sits
outside the exception layer (app.py) while the gateway, which decides the values, sits inside it.
"""

from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mockserver.context import CURRENT, RequestContext
from mockserver.ids import new_request_id
from mockserver.versioning import Versions

__all__ = ["RequestFrame"]


class RequestFrame:
    def __init__(self, app: ASGIApp, *, versions: Versions, service: Any, control: Any = None) -> None:
        self.app = app
        self.versions = versions
        self.service = service
        self.control = control

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])  # the last one of a repeated header, as the gateway reads it
        raw = headers.get(b"aurous-version")
        requested = None if raw is None else raw.decode("latin-1")
        context = RequestContext(
            request_id=new_request_id(),
            # Until the gateway knows the team: the version asked for, if it is a known one, else the default.
            version=self.versions.echo(requested, None),
            service=self.service,
            control=self.control,
            headers=headers,
            requested_version=requested,
        )

        async def stamped(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *message.get("headers", ()),
                    (b"aurous-request-id", context.request_id.encode()),
                    (b"aurous-version", context.version.encode()),
                    *context.rate_headers,
                ]
            await send(message)

        token = CURRENT.set(context)
        try:
            await self.app(scope, receive, stamped)
        finally:
            CURRENT.reset(token)
