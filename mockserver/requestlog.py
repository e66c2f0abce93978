"""The request log behind ``GET /_mock/requests``: the last N requests and how they were answered.

One pure ASGI class, placed just outside frame.RequestFrame: it times each request and, when the response
starts, appends one tuple to the log (``log.append``: in memory, a bounded deque's own append; with the Redis
store, ``redis_backend.requestlog.RedisRequestLog``); GET /_mock/requests renders the entries.
The team and request id are read from the request's context (frame.py), which is still current while the
response is sent. The log's own route and the docs pages are not logged, so polling the log shows only the
traffic of the client under study.

Secrets never reach the log's readers: a query parameter whose name says it is one (``api_key``,
``token``, ``signature``, ...) or whose value looks like an API key is shown as ``[redacted]`` when an
entry is rendered. Headers (``X-Api-Key``, ``Authorization``) and bodies are not kept at all.
"""

from __future__ import annotations

import re
import time
from collections import deque
from datetime import UTC, datetime
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mockserver.context import CURRENT

__all__ = ["RequestLog", "RequestLogMiddleware", "RequestLogStore", "plain_fields", "render"]

REDACTED = "[redacted]"
_SECRET_NAME = re.compile(r"key|token|secret|signature|password|auth|session|credential", re.IGNORECASE)
_SECRET_VALUE = re.compile(r"(?:al_live_|og_)[0-9a-fA-F]{16,}")
_NOT_LOGGED = ("/_mock/requests", "/_mock/docs", "/docs", "/openapi.json", "/_mock/openapi.json")


class RequestLogStore(Protocol):
    """What the middleware and the control API use of a log: either store's."""

    def append(self, entry: tuple[Any, ...], /) -> None:
        """Keep one (started, ended, method, path, query bytes, status, request context) tuple."""

    def recent(self, limit: int | None = None) -> list[dict[str, Any]]: ...

    def clear(self) -> None: ...


class RequestLog:
    def __init__(self, size: int = 200) -> None:
        self.entries: deque[tuple[Any, ...]] = deque(maxlen=size)
        self.append = self.entries.append  # the hot path's one call: the deque's own, no wrapper

    def recent(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Newest first, rendered on demand: the hot path only appends a tuple."""
        entries = list(reversed(self.entries))
        return [_render(entry) for entry in (entries if limit is None else entries[:limit])]

    def clear(self) -> None:
        self.entries.clear()


class RequestLogMiddleware:
    def __init__(self, app: ASGIApp, *, log: RequestLogStore) -> None:
        self.app = app
        self.log = log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(_NOT_LOGGED):
            await self.app(scope, receive, send)
            return
        started = time.time()
        append = self.log.append
        method, path, query = scope["method"], scope["path"], scope["query_string"]  # routing may rewrite scope

        async def logging_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                context = CURRENT.get(None)
                append((started, time.time(), method, path, query, message["status"], context))
            await send(message)

        await self.app(scope, receive, logging_send)


def plain_fields(entry: tuple[Any, ...]) -> list[Any]:
    """An appended tuple as plain values: (started, ended, method, path, query, status, team id, request id)."""
    started, ended, method, path, query, status, context = entry
    team = context.team if context is not None else None
    return [
        started,
        ended,
        method,
        path,
        query.decode("latin-1"),
        status,
        None if team is None else team.id,
        None if context is None else context.request_id,
    ]


def _render(entry: tuple[Any, ...]) -> dict[str, Any]:
    return render(*plain_fields(entry))


def render(
    started: float,
    ended: float,
    method: str,
    path: str,
    query: str,
    status: int,
    team_id: str | None,
    request_id: str | None,
) -> dict[str, Any]:
    """One entry as GET /_mock/requests shows it (secrets in the query redacted)."""
    return {
        "at": datetime.fromtimestamp(started, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "method": method,
        "path": path,
        "query": redact_query(query),
        "status": status,
        "team_id": team_id,
        "request_id": request_id,
        "duration_ms": round((ended - started) * 1000, 3),
    }


def redact_query(query: str) -> str:
    """The query string with every secret value replaced by ``[redacted]`` (names and order kept)."""
    if not query or not (_SECRET_NAME.search(query) or _SECRET_VALUE.search(query)):
        return query
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode(
        [
            (name, REDACTED if _SECRET_NAME.search(name) or _SECRET_VALUE.search(value) else value)
            for name, value in pairs
        ]
    )
