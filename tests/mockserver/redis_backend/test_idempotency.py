"""The Idempotency-Key cache on Redis: same answers as the in-memory cache, one Proceed across processes.

The behaviour tests of both caches live in tests/mockserver/test_idempotency_cache.py (parametrized); here:
what only the shared cache has to show.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.redis_server import unique_prefix
from mockserver.idempotency import Conflict, IdempotencyCache, Proceed, Replay, StoredResponse, fingerprint
from mockserver.redis_backend.idempotency import RedisIdempotencyCache
from tests.serving import ROOT

T = 1_780_000_000.0
FP = fingerprint("POST", "/v1/characters", b'{"generate":true}')
OTHER_FP = fingerprint("POST", "/v1/characters", b'{"generate":false}')


def _cleanup(client: redis.Redis, cache: RedisIdempotencyCache) -> None:
    cache.reset()
    client.delete(f"{cache.prefix}:idem-evicted")


RESPONSES = st.builds(
    StoredResponse,
    status=st.integers(min_value=100, max_value=599),
    headers=st.lists(st.tuples(st.binary(max_size=20), st.binary(max_size=40)), max_size=5).map(tuple),
    body=st.binary(max_size=300),
    version=st.text(max_size=12),
)


@settings(max_examples=60, deadline=None)
@given(stored=RESPONSES.filter(lambda stored: 200 <= stored.status < 300), key=st.text(min_size=1, max_size=30))
def test_a_stored_response_comes_back_byte_for_byte(redis_client: redis.Redis, stored, key) -> None:
    cache = RedisIdempotencyCache(redis_client, unique_prefix("idem"))
    try:
        cache.begin("team:a%", key, FP, T)
        cache.complete("team:a%", key, stored, T)

        assert Replay(stored) == cache.begin("team:a%", key, FP, T + 1)
    finally:
        _cleanup(redis_client, cache)


OPS = st.lists(
    st.one_of(
        st.tuples(
            st.just("begin"),
            st.sampled_from(["team_a", "team_b"]),
            st.sampled_from(["k1", "k2", "k3", "k4"]),
            st.sampled_from([FP, OTHER_FP]),
            st.sampled_from([0.0, 0.5, 4.0, 11.0]),
        ),
        st.tuples(
            st.just("complete"),
            st.sampled_from(["team_a", "team_b"]),
            st.sampled_from(["k1", "k2"]),
            st.sampled_from([201, 409]),
            st.just(0.0),
        ),
        st.tuples(
            st.just("abandon"),
            st.sampled_from(["team_a", "team_b"]),
            st.sampled_from(["k1", "k3"]),
            st.just(0),
            st.just(0.0),
        ),
        st.just(("reset", "", "", 0, 0.0)),
    ),
    min_size=5,
    max_size=40,
)


@settings(max_examples=100, deadline=None)
@given(ops=OPS)
def test_any_sequence_gets_the_in_memory_answers(redis_client: redis.Redis, ops) -> None:
    """A small key space, a short window (10 s) and a cap of 3: expiry, conflicts and eviction interleave."""
    memory = IdempotencyCache(ttl_seconds=10, max_entries=3)
    shared = RedisIdempotencyCache(redis_client, unique_prefix("idem"), ttl_seconds=10, max_entries=3)
    now = T
    try:
        for op, team, key, arg, gap in ops:
            now += gap
            if op == "begin":
                assert memory.begin(team, key, arg, now) == shared.begin(team, key, arg, now), (team, key, now)
            elif op == "complete":
                stored = StoredResponse(arg, ((b"content-type", b"application/json"),), f'{{"n":{now}}}'.encode())
                memory.complete(team, key, stored, now)
                shared.complete(team, key, stored, now)
            elif op == "abandon":
                memory.abandon(team, key)
                shared.abandon(team, key)
            else:
                memory.reset()
                shared.reset()
            assert (len(memory), memory.evicted) == (len(shared), shared.evicted)
    finally:
        _cleanup(redis_client, shared)


def test_records_carry_a_redis_expiry_of_the_window(redis_client: redis.Redis, redis_prefix: str) -> None:
    cache = RedisIdempotencyCache(redis_client, redis_prefix, ttl_seconds=600)
    try:
        cache.begin("team_a", "k", FP, T)

        assert 590_000 < redis_client.pttl(f"{redis_prefix}:idem:team_a:k") <= 600_000
    finally:
        _cleanup(redis_client, cache)


def test_prefixes_isolate_caches(redis_client: redis.Redis) -> None:
    one = RedisIdempotencyCache(redis_client, unique_prefix("one"))
    two = RedisIdempotencyCache(redis_client, unique_prefix("two"))
    try:
        one.begin("team_a", "k", FP, T)
        assert Proceed() == two.begin("team_a", "k", FP, T)

        two.reset()

        assert (Conflict("in_flight"), 1, 0) == (one.begin("team_a", "k", FP, T), len(one), len(two))
    finally:
        _cleanup(redis_client, one)
        _cleanup(redis_client, two)


def test_a_team_id_with_a_colon_does_not_share_records_with_another_team(
    redis_client: redis.Redis, redis_prefix: str
) -> None:
    cache = RedisIdempotencyCache(redis_client, redis_prefix)
    try:
        cache.begin("a:b", "c", FP, T)

        assert Proceed() == cache.begin("a", "b:c", FP, T)
    finally:
        _cleanup(redis_client, cache)


def test_a_client_that_decodes_responses_is_refused(redis_url: str, redis_prefix: str) -> None:
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    try:
        with pytest.raises(ValueError, match="decode_responses"):
            RedisIdempotencyCache(client, redis_prefix)
    finally:
        client.close()


def test_threads_beginning_one_key_at_once_get_exactly_one_proceed(redis_url: str, redis_prefix: str) -> None:
    clients = [redis.Redis.from_url(redis_url) for _ in range(8)]
    caches = [RedisIdempotencyCache(client, redis_prefix) for client in clients]
    start = threading.Barrier(len(caches))

    def begin(cache: RedisIdempotencyCache) -> list[object]:
        start.wait()
        return [cache.begin("team_a", f"k{n}", FP, T) for n in range(50)]

    try:
        with ThreadPoolExecutor(len(caches)) as pool:
            answers = list(pool.map(begin, caches))
    finally:
        _cleanup(clients[0], caches[0])
        for client in clients:
            client.close()

    for n in range(50):
        per_key = [answer[n] for answer in answers]
        assert (1, 7) == (per_key.count(Proceed()), per_key.count(Conflict("in_flight"))), n


BEGINNER = textwrap.dedent(
    """
    import json, sys, time
    import redis
    from mockserver.redis_backend.idempotency import RedisIdempotencyCache
    from mockserver.idempotency import Proceed, StoredResponse

    url, prefix = sys.argv[1], sys.argv[2]
    client = redis.Redis.from_url(url)
    cache = RedisIdempotencyCache(client, prefix)
    client.incr(prefix + ":ready")
    while not client.exists(prefix + ":go"):
        time.sleep(0.001)
    won = []
    for n in range(300):
        if cache.begin("team_a", f"k{n}", "print", 1780000000.0) == Proceed():
            won.append(n)
            cache.complete("team_a", f"k{n}", StoredResponse(201, (), b"{}"), 1780000000.0)
    print(json.dumps(won))
    """
)


def test_two_processes_beginning_the_same_keys_get_one_proceed_per_key(
    redis_client: redis.Redis, redis_url: str
) -> None:
    prefix = unique_prefix("procs")
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", BEGINNER, redis_url, prefix], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    try:
        while int(redis_client.get(f"{prefix}:ready") or 0) < 2:
            assert all(worker.poll() is None for worker in workers), "a worker process died before starting"
        redis_client.set(f"{prefix}:go", 1)
        won = [json.loads(worker.communicate(timeout=60)[0]) for worker in workers]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
        redis_client.delete(f"{prefix}:ready", f"{prefix}:go")
        _cleanup(redis_client, RedisIdempotencyCache(redis_client, prefix))

    assert (set(), list(range(300))) == (set(won[0]) & set(won[1]), sorted(won[0] + won[1]))
