"""The Idempotency-Key cache: replay, conflicts, failures not cached, expiry, per-team scoping.

Every behaviour test runs against both caches: the in-memory one and the Redis one (a real redis-server,
each test on a prefix of its own). The same rules seen over HTTP (replayed responses, 409s): test_idempotency.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from harness.redis_server import unique_prefix
from mockserver.idempotency import (
    DEFAULT_MAX_ENTRIES,
    Conflict,
    IdempotencyCache,
    Proceed,
    Replay,
    StoredResponse,
    fingerprint,
)
from mockserver.redis_backend.idempotency import RedisIdempotencyCache

T = 1_780_000_000.0
CREATED = StoredResponse(201, ((b"content-type", b"application/json"),), b'{"id":"char_1"}', "2026-05-01")
FP = fingerprint("POST", "/v1/characters", b'{"generate":true}')


@pytest.fixture(params=["memory", "redis"])
def new_cache(request: pytest.FixtureRequest) -> Iterator[Callable[..., IdempotencyCache | RedisIdempotencyCache]]:
    """Builds a cache like ``IdempotencyCache(ttl_seconds=..., max_entries=...)``, of either kind."""
    if request.param == "memory":
        yield IdempotencyCache
        return
    client = request.getfixturevalue("redis_client")
    made: list[RedisIdempotencyCache] = []

    def make(ttl_seconds: float = 86_400, max_entries: int = DEFAULT_MAX_ENTRIES) -> RedisIdempotencyCache:
        made.append(RedisIdempotencyCache(client, unique_prefix("idem"), ttl_seconds, max_entries))
        return made[-1]

    yield make
    for cache in made:
        cache.reset()
        client.delete(f"{cache.prefix}:idem-evicted")


def test_a_new_key_proceeds(new_cache):
    assert Proceed() == new_cache().begin("team_a", "k", FP, T)


def test_the_same_key_and_body_after_success_replays_the_stored_response(new_cache):
    cache = new_cache()
    cache.begin("team_a", "k", FP, T)
    cache.complete("team_a", "k", CREATED, T + 1)

    assert Replay(CREATED) == cache.begin("team_a", "k", FP, T + 2)


def test_the_same_key_with_another_body_is_a_conflict(new_cache):
    cache = new_cache()
    cache.begin("team_a", "k", FP, T)
    cache.complete("team_a", "k", CREATED, T)

    other = fingerprint("POST", "/v1/characters", b'{"generate":false}')

    assert Conflict("mismatch") == cache.begin("team_a", "k", other, T + 1)


def test_the_same_key_on_another_route_is_a_conflict(new_cache):
    cache = new_cache()
    cache.begin("team_a", "k", FP, T)
    cache.complete("team_a", "k", CREATED, T)

    other = fingerprint("POST", "/v1/images", b'{"generate":true}')

    assert Conflict("mismatch") == cache.begin("team_a", "k", other, T + 1)


def test_the_same_key_while_the_original_is_running_is_a_conflict(new_cache):
    cache = new_cache()
    cache.begin("team_a", "k", FP, T)

    assert Conflict("in_flight") == cache.begin("team_a", "k", FP, T + 0.1)


def test_a_failed_original_is_not_cached_so_the_key_can_be_used_again(new_cache):
    cache = new_cache()
    cache.begin("team_a", "k", FP, T)
    cache.complete("team_a", "k", StoredResponse(400, (), b"{}"), T)

    assert Proceed() == cache.begin("team_a", "k", FP, T + 1)


def test_an_abandoned_key_can_be_used_again(new_cache):
    cache = new_cache()
    cache.begin("team_a", "k", FP, T)
    cache.abandon("team_a", "k")

    assert Proceed() == cache.begin("team_a", "k", FP, T)


def test_a_key_expires_after_24_hours(new_cache):
    cache = new_cache()
    cache.begin("team_a", "k", FP, T)
    cache.complete("team_a", "k", CREATED, T)

    just_before = cache.begin("team_a", "k", FP, T + 86_399)
    after = cache.begin("team_a", "k", FP, T + 86_400)

    assert (Replay(CREATED), Proceed()) == (just_before, after)


def test_expired_entries_are_purged(new_cache):
    cache = new_cache(ttl_seconds=10)
    for i in range(100):
        cache.begin("team_a", f"k{i}", FP, T)

    cache.begin("team_a", "fresh", FP, T + 11)

    assert 1 == len(cache)


def test_keys_are_scoped_per_team(new_cache):
    cache = new_cache()
    cache.begin("team_a", "k", FP, T)
    cache.complete("team_a", "k", CREATED, T)

    assert Proceed() == cache.begin("team_b", "k", FP, T + 1)


def test_reset_forgets_every_key(new_cache):
    cache = new_cache()
    cache.begin("team_a", "k", FP, T)
    cache.reset()

    assert Proceed() == cache.begin("team_a", "k", FP, T)


def test_the_fingerprint_ignores_key_order_and_whitespace():
    assert fingerprint("post", "/v1/x", b'{"b": 1, "a": [1, 2]}') == fingerprint("POST", "/v1/x", b'{"a":[1,2],"b":1}')


def test_the_fingerprint_of_a_non_json_body_uses_the_raw_bytes():
    assert fingerprint("PUT", "/v1/x", b"\x89PNG") != fingerprint("PUT", "/v1/x", b"\x89PNH")


def test_the_fingerprint_separates_an_empty_body_from_an_empty_object():
    assert fingerprint("POST", "/v1/x", b"") != fingerprint("POST", "/v1/x", b"{}")


@given(st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5), max_size=6))
def test_the_fingerprint_is_the_same_for_any_key_order(body):
    import json

    forward = json.dumps(body).encode()
    backward = json.dumps(dict(reversed(list(body.items()))), indent=2).encode()

    assert fingerprint("POST", "/p", forward) == fingerprint("POST", "/p", backward)


def test_the_cache_keeps_at_most_max_entries_evicting_the_oldest_first(new_cache):
    cache = new_cache(max_entries=3)
    stored = StoredResponse(status=201, headers=(), body=b"{}")
    for key in ("k1", "k2", "k3", "k4"):
        assert isinstance(cache.begin("team", key, "print", 0.0), Proceed)
        cache.complete("team", key, stored, 0.0)

    assert len(cache) == 3
    assert isinstance(cache.begin("team", "k1", "print", 1.0), Proceed)  # evicted: runs afresh
    assert isinstance(cache.begin("team", "k4", "print", 1.0), Replay)
    assert cache.evicted == 2  # k1 first, then k2 when k1 came back
