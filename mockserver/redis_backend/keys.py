"""Key-space helpers shared by the Redis-native stores (buckets, idempotency records, request log)."""

from __future__ import annotations

import redis

__all__ = ["delete_matching", "glob_escape"]


def glob_escape(text: str) -> str:
    """``text`` as a literal inside a Redis MATCH pattern."""
    return "".join("\\" + char if char in "*?[]\\" else char for char in text)


def delete_matching(client: redis.Redis, pattern: str) -> int:
    """Delete every key matching ``pattern`` (SCAN, so Redis never blocks on a large keyspace)."""
    deleted = 0
    batch: list[bytes | str] = []
    for key in client.scan_iter(match=pattern, count=500):
        batch.append(key)
        if len(batch) >= 500:
            deleted += int(client.unlink(*batch))
            batch.clear()
    if batch:
        deleted += int(client.unlink(*batch))
    return deleted
