"""The request log on Redis: what every process served, in one bounded list (``GET /_mock/requests``).

``RequestLogMiddleware`` calls ``append`` with the same tuple it gives the in-memory log; here the tuple's
request context is reduced to the two fields the log shows (team id, request id) and the entry goes to the
head of ``{prefix}:requests`` as JSON, trimmed to ``size`` in the same transaction (LPUSH + LTRIM), so the
list is newest first and never longer than ``size`` whichever process appends.
"""

from __future__ import annotations

import json
from typing import Any

import redis

from mockserver.requestlog import plain_fields, render

__all__ = ["RedisRequestLog"]


class RedisRequestLog:
    def __init__(self, client: redis.Redis, prefix: str, size: int = 200) -> None:
        self.client = client
        self.key = f"{prefix}:requests"
        self.size = size

    def append(self, entry: tuple[Any, ...], /) -> None:
        """Keep one (started, ended, method, path, query bytes, status, request context) tuple."""
        if self.size <= 0:
            return
        record = json.dumps(plain_fields(entry))
        with self.client.pipeline(transaction=True) as pipe:
            pipe.lpush(self.key, record)
            pipe.ltrim(self.key, 0, self.size - 1)
            pipe.execute()

    def recent(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Newest first (of every process's requests)."""
        if limit is not None and limit <= 0:
            return []
        rows = self.client.lrange(self.key, 0, -1 if limit is None else limit - 1)
        return [render(*json.loads(row)) for row in rows]

    def clear(self) -> None:
        self.client.delete(self.key)
