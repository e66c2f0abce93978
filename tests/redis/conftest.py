"""A Redis client on the session's real redis-server, for the Redis-native store tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis


@pytest.fixture(scope="session")
def redis_client(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url)
    try:
        yield client
    finally:
        client.close()
