"""The request log on Redis: bounded, newest first, shared by every client, rendered as the in-memory log."""

from __future__ import annotations

import asyncio

import redis

from mockserver.context import CURRENT, RequestContext
from mockserver.domain.model import Team
from mockserver.redis_backend.requestlog import RedisRequestLog
from mockserver.requestlog import RequestLog, RequestLogMiddleware

T = 1_780_000_000.0
ACME = Team(id="team_acme", name="Acme")


def _entry(n: int, *, query: bytes = b"", team: Team | None = ACME, status: int = 200) -> tuple[object, ...]:
    context = RequestContext(request_id=f"req_{n:026d}", version="2026-05-01", service=None, team=team)  # type: ignore[arg-type]
    return (T + n, T + n + 0.0123, "GET", f"/v1/characters/char_{n}", query, status, context)


def test_entries_render_exactly_as_the_in_memory_log_renders_them(redis_client: redis.Redis, redis_prefix: str) -> None:
    memory, shared = RequestLog(10), RedisRequestLog(redis_client, redis_prefix, 10)
    entries = [
        _entry(1),
        _entry(2, query=b"limit=5&api_key=secret&token=x"),
        _entry(3, team=None, status=401),
        (T, T + 1, "POST", "/v1/characters", b"q=al_live_0123456789abcdef0123", 201, None),
    ]
    for entry in entries:
        memory.append(entry)
        shared.append(entry)

    assert memory.recent() == shared.recent()
    assert memory.recent(2) == shared.recent(2)
    assert "secret" not in shared.recent(3)[2]["query"]


def test_the_log_keeps_only_the_newest_size_entries_newest_first(redis_client: redis.Redis, redis_prefix: str) -> None:
    log = RedisRequestLog(redis_client, redis_prefix, 3)
    for n in range(7):
        log.append(_entry(n))

    assert ["/v1/characters/char_6", "/v1/characters/char_5", "/v1/characters/char_4"] == [
        entry["path"] for entry in log.recent()
    ]
    assert 3 == redis_client.llen(f"{redis_prefix}:requests")
    assert ["/v1/characters/char_6"] == [entry["path"] for entry in log.recent(1)]


def test_two_clients_share_one_log(redis_url: str, redis_prefix: str) -> None:
    first, second = redis.Redis.from_url(redis_url), redis.Redis.from_url(redis_url)
    try:
        one, two = RedisRequestLog(first, redis_prefix, 5), RedisRequestLog(second, redis_prefix, 5)
        one.append(_entry(1))
        two.append(_entry(2))
        one.append(_entry(3))

        seen_by_one, seen_by_two = one.recent(), two.recent()
        two.clear()

        assert seen_by_one == seen_by_two
        assert [_entry(n)[-1].request_id for n in (3, 2, 1)] == [entry["request_id"] for entry in seen_by_one]
        assert [] == one.recent()
    finally:
        first.close()
        second.close()


def test_prefixes_keep_logs_apart_and_size_zero_keeps_nothing(redis_client: redis.Redis, redis_prefix: str) -> None:
    log, other, off = (
        RedisRequestLog(redis_client, redis_prefix, 5),
        RedisRequestLog(redis_client, redis_prefix + "-other", 5),
        RedisRequestLog(redis_client, redis_prefix + "-off", 0),
    )
    log.append(_entry(1))
    off.append(_entry(1))

    assert (1, [], []) == (len(log.recent()), other.recent(), off.recent())
    log.clear()


def test_the_middleware_appends_each_request_to_the_redis_log(redis_client: redis.Redis, redis_prefix: str) -> None:
    log = RedisRequestLog(redis_client, redis_prefix, 5)

    async def app(scope, receive, send):  # type: ignore[no-untyped-def]
        CURRENT.set(RequestContext(request_id="req_abc", version="v", service=None, team=ACME))  # type: ignore[arg-type]
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def receive():  # type: ignore[no-untyped-def]
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):  # type: ignore[no-untyped-def]
        pass

    scope = {"type": "http", "method": "DELETE", "path": "/v1/characters/char_1", "query_string": b"a=1"}
    asyncio.run(RequestLogMiddleware(app, log=log)(scope, receive, send))

    [entry] = log.recent()
    assert ("DELETE", "/v1/characters/char_1", "a=1", 204, "team_acme", "req_abc") == (
        entry["method"],
        entry["path"],
        entry["query"],
        entry["status"],
        entry["team_id"],
        entry["request_id"],
    )
    log.clear()
