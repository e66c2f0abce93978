"""The request log behind ``GET /_mock/requests``: the last N requests and how they were answered.

One pure ASGI class, placed just outside the gateway: it times each request and, when the response
starts, appends one entry to a bounded deque (method, path, query, status, team, duration, request id).
The team and request id are read from the gateway's request context, which is still current while the
gateway sends. The log's own route and the docs pages are not logged, so polling the log shows only the
traffic of the client under study.
"""

from __future__ import annotations

import time
from collections import deque
from datetime import UTC, datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mockserver.context import CURRENT

__all__ = ["RequestLog", "RequestLogMiddleware"]

_NOT_LOGGED = ("/_mock/requests", "/_mock/docs", "/docs", "/openapi.json", "/_mock/openapi.json")


class RequestLog:
    def __init__(self, size: int = 200) -> None:
        self.entries: deque[dict[str, Any]] = deque(maxlen=size)

    def recent(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Newest first."""
        entries = list(reversed(self.entries))
        return entries if limit is None else entries[:limit]

    def clear(self) -> None:
        self.entries.clear()


class RequestLogMiddleware:
    def __init__(self, app: ASGIApp, *, log: RequestLog) -> None:
        self.app = app
        self.log = log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(_NOT_LOGGED):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def logging_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                context = CURRENT.get(None)
                team = context.team if context is not None else None
                self.log.entries.append(
                    {
                        "at": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                        "method": scope["method"],
                        "path": scope["path"],
                        "query": scope["query_string"].decode("latin-1"),
                        "status": message["status"],
                        "team_id": None if team is None else team.id,
                        "request_id": None if context is None else context.request_id,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 3),
                    }
                )
            await send(message)

        await self.app(scope, receive, logging_send)
