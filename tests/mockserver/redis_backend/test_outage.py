"""The Redis-native stores through an outage: a clear error while Redis is away, working again when it returns.

The mock turns the error into a 503 envelope (r-core's wiring); here: the stores raise redis's
ConnectionError rather than answering wrongly, and need no restart afterwards (their Lua scripts are loaded
again into the fresh server by redis-py on the first NOSCRIPT).
"""

from __future__ import annotations

import pytest
import redis

from harness.redis_server import RedisServer
from mockserver.idempotency import Proceed
from mockserver.ratelimit import BucketSpec
from mockserver.redis_backend.idempotency import RedisIdempotencyCache
from mockserver.redis_backend.ratelimit import RedisRateLimiter
from mockserver.redis_backend.requestlog import RedisRequestLog

T = 1_780_000_000.0


def test_the_stores_raise_while_redis_is_down_and_work_again_once_it_is_back(own_redis_server: RedisServer) -> None:
    client = redis.Redis.from_url(own_redis_server.url, socket_timeout=2, socket_connect_timeout=2)
    limiter = RedisRateLimiter(client, "outage", {"single": BucketSpec(1, 1)})
    cache = RedisIdempotencyCache(client, "outage")
    log = RedisRequestLog(client, "outage", 5)
    try:
        assert limiter.take("team_a", "single", T).allowed
        assert Proceed() == cache.begin("team_a", "k", "print", T)

        own_redis_server.stop()
        with pytest.raises(redis.ConnectionError):
            limiter.take("team_a", "single", T)
        with pytest.raises(redis.ConnectionError):
            cache.begin("team_a", "k", "print", T)
        with pytest.raises(redis.ConnectionError):
            log.recent()

        own_redis_server.start()  # same port, empty (nothing persisted), no scripts loaded

        assert limiter.take("team_a", "single", T).allowed  # a fresh bucket
        assert Proceed() == cache.begin("team_a", "k", "print", T)
        assert [] == log.recent()
    finally:
        client.close()
