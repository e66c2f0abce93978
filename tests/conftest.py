"""Fixtures shared by every test directory: a real redis-server for the shared-store tests.

``redis_server`` / ``redis_url``: one server for the whole session (tests keep apart by key prefix:
``redis_prefix`` gives each test its own). ``own_redis_server``: a private server for a test that stops and
restarts it (an outage), so no other test sees the outage.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis

from harness.redis_server import REQUIRED, RedisServer, missing_reason, running_redis, unique_prefix


def _need_redis() -> None:
    reason = missing_reason()
    if reason is None:
        return
    if REQUIRED:
        pytest.fail(f"AUROUS_REQUIRE_REDIS is set but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    _need_redis()
    with running_redis() as server:
        yield server


@pytest.fixture(scope="session")
def redis_url(redis_server: RedisServer) -> str:
    """``redis://127.0.0.1:PORT/0`` of the session's server."""
    return redis_server.url


@pytest.fixture(scope="session")
def redis_client(redis_url: str) -> Iterator[redis.Redis]:
    """A client of the session's server (bytes in, bytes out)."""
    client = redis.Redis.from_url(redis_url)
    try:
        yield client
    finally:
        client.close()


@pytest.fixture
def redis_prefix() -> str:
    """A key prefix of this test's own."""
    return unique_prefix()


@pytest.fixture
def own_redis_server() -> Iterator[RedisServer]:
    """A server of this test's own, free to ``stop()`` and ``start()`` (same port) for outage tests."""
    _need_redis()
    with running_redis() as server:
        yield server
