"""The redis-server fixture itself: it answers, it can be stopped and brought back on the same port."""

from __future__ import annotations

import redis

from harness.redis_server import RedisServer


def test_session_server_answers(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    try:
        assert client.ping() is True
    finally:
        client.close()


def test_restart_keeps_the_port_and_clients_reconnect(own_redis_server: RedisServer) -> None:
    client = redis.Redis.from_url(own_redis_server.url, socket_timeout=2, socket_connect_timeout=2)
    try:
        client.set("k", "v")
        port = own_redis_server.port
        own_redis_server.stop()
        assert not own_redis_server.running
        try:
            client.ping()
        except redis.ConnectionError:
            pass
        else:
            raise AssertionError("a stopped server still answered")
        own_redis_server.start()
        assert own_redis_server.port == port
        assert client.ping() is True
        assert client.get("k") is None  # nothing is persisted
    finally:
        client.close()


def test_a_missing_server_skips_locally_but_fails_where_redis_is_required(monkeypatch) -> None:
    import pytest

    from tests import conftest

    monkeypatch.setattr(conftest, "missing_reason", lambda: "redis-server is not installed here")
    monkeypatch.setattr(conftest, "REQUIRED", False)
    with pytest.raises(pytest.skip.Exception, match="not installed"):
        conftest._need_redis()

    monkeypatch.setattr(conftest, "REQUIRED", True)
    with pytest.raises(pytest.fail.Exception, match="AUROUS_REQUIRE_REDIS"):
        conftest._need_redis()
