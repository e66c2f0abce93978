"""Token buckets on Redis: the same answers as the in-memory buckets, atomic across threads and processes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from concurrent.futures import ThreadPoolExecutor

import redis
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.redis_server import unique_prefix
from mockserver.ratelimit import BucketSpec, RateLimiter
from mockserver.redis_backend.ratelimit import RedisRateLimiter
from tests.serving import ROOT

T = 1_780_000_000.0
# The contract's synthesize bucket, one whose rate is no exact binary fraction, and a burst of one.
BUCKETS = {
    "characters_synthesize": BucketSpec(6, 12),
    "odd": BucketSpec(7, 3),
    "single": BucketSpec(1, 1),
}
STEP = st.one_of(
    st.just(("reset", "", "", 0.0)),
    st.tuples(
        st.just("take"),
        st.sampled_from(["team_a", "team_b"]),
        st.sampled_from(sorted(BUCKETS)),
        # The same instant, a fraction of a token later, or up to a refill later (arbitrary fractions of a token:
        # where the two could round differently).
        st.one_of(st.just(0.0), st.floats(min_value=0, max_value=3), st.floats(min_value=0, max_value=40)),
    ),
)


@settings(max_examples=150, deadline=None)
@given(steps=st.lists(STEP, min_size=20, max_size=80))
def test_decisions_equal_the_in_memory_buckets_for_any_sequence(redis_client: redis.Redis, steps) -> None:
    memory = RateLimiter(BUCKETS)
    shared = RedisRateLimiter(redis_client, unique_prefix("rl"), BUCKETS)
    now = T
    try:
        for op, team, bucket, gap in steps:
            if op == "reset":
                memory.reset()
                shared.reset()
                continue
            now += gap
            assert memory.take(team, bucket, now) == shared.take(team, bucket, now), (team, bucket, now)
    finally:
        shared.reset()


def test_a_full_bucket_allows_exactly_its_burst_then_refuses(redis_client: redis.Redis, redis_prefix: str) -> None:
    limiter = RedisRateLimiter(redis_client, redis_prefix, BUCKETS)

    answers = [limiter.take("team_a", "characters_synthesize", T).allowed for _ in range(13)]

    assert [True] * 12 + [False] == answers


def test_a_disabled_limiter_allows_and_writes_nothing(redis_client: redis.Redis, redis_prefix: str) -> None:
    limiter = RedisRateLimiter(redis_client, redis_prefix, BUCKETS, enabled=False)

    answers = [limiter.take("team_a", "single", T) for _ in range(5)]

    assert all(answer.allowed and answer.remaining == 1 for answer in answers)
    assert [] == list(redis_client.scan_iter(match=f"{redis_prefix}:*"))


def test_bucket_keys_are_named_by_prefix_team_and_bucket_and_expire(
    redis_client: redis.Redis, redis_prefix: str
) -> None:
    limiter = RedisRateLimiter(redis_client, redis_prefix, BUCKETS)
    limiter.take("team_a", "characters_synthesize", T)

    key = f"{redis_prefix}:bucket:team_a:characters_synthesize"
    assert [key.encode()] == list(redis_client.scan_iter(match=f"{redis_prefix}:*"))
    # Refill time (10 s) plus a day of idleness: collected eventually, never before the mock's clock could refill it.
    assert 86_400_000 < redis_client.pttl(key) <= 86_410_000


def test_reset_refills_every_bucket_of_the_prefix_and_no_other(redis_client: redis.Redis) -> None:
    mine = RedisRateLimiter(redis_client, unique_prefix("mine"), BUCKETS)
    other = RedisRateLimiter(redis_client, unique_prefix("other"), BUCKETS)
    for limiter in (mine, other):
        for team in ("team_a", "team_b"):
            limiter.take(team, "single", T)

    mine.reset()

    assert [True, True] == [mine.take(team, "single", T).allowed for team in ("team_a", "team_b")]
    assert [False, False] == [other.take(team, "single", T).allowed for team in ("team_a", "team_b")]
    other.reset()


def test_a_prefix_with_pattern_characters_resets_only_itself(redis_client: redis.Redis) -> None:
    starry = RedisRateLimiter(redis_client, "mock*[1]", BUCKETS)
    plain = RedisRateLimiter(redis_client, "mock-1", BUCKETS)  # matched by the pattern mock*[1] unescaped
    starry.take("team_a", "single", T)
    plain.take("team_a", "single", T)

    starry.reset()

    assert (True, False) == (starry.take("team_a", "single", T).allowed, plain.take("team_a", "single", T).allowed)
    starry.reset()
    plain.reset()


def test_threads_taking_at_once_get_exactly_the_burst(redis_url: str, redis_prefix: str) -> None:
    clients = [redis.Redis.from_url(redis_url) for _ in range(8)]
    limiters = [RedisRateLimiter(client, redis_prefix, BUCKETS) for client in clients]
    start = threading.Barrier(len(limiters))

    def hammer(limiter: RedisRateLimiter) -> int:
        start.wait()
        return sum(limiter.take("team_a", "characters_synthesize", T).allowed for _ in range(10))

    try:
        with ThreadPoolExecutor(len(limiters)) as pool:
            allowed = sum(pool.map(hammer, limiters))
    finally:
        for client in clients:
            client.close()

    assert 12 == allowed


TAKER = textwrap.dedent(
    """
    import sys, time
    import redis
    from mockserver.ratelimit import BucketSpec
    from mockserver.redis_backend.ratelimit import RedisRateLimiter

    url, prefix = sys.argv[1], sys.argv[2]
    client = redis.Redis.from_url(url)
    limiter = RedisRateLimiter(client, prefix, {"big": BucketSpec(60, 150)})
    client.incr(prefix + ":ready")
    while not client.exists(prefix + ":go"):
        time.sleep(0.001)
    print(sum(limiter.take("team_a", "big", 1780000000.0).allowed for _ in range(200)))
    """
)


def test_two_processes_taking_at_once_get_exactly_the_burst(redis_client: redis.Redis, redis_url: str) -> None:
    prefix = unique_prefix("procs")
    takers = [
        subprocess.Popen([sys.executable, "-c", TAKER, redis_url, prefix], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    try:
        while int(redis_client.get(f"{prefix}:ready") or 0) < 2:
            assert all(taker.poll() is None for taker in takers), "a taker process died before starting"
        redis_client.set(f"{prefix}:go", 1)
        counts = [int(taker.communicate(timeout=60)[0]) for taker in takers]
    finally:
        for taker in takers:
            if taker.poll() is None:
                taker.kill()
        redis_client.delete(f"{prefix}:ready", f"{prefix}:go", f"{prefix}:bucket:team_a:big")

    assert 150 == sum(counts), counts
