"""Token buckets: burst, refill rate, header figures, per-team isolation.

The behaviour tests run against both limiters: the in-memory one and the Redis one (a real redis-server,
each test on a prefix of its own); tests/mockserver/redis_backend/test_ratelimit.py shows they agree on any
sequence. The buckets seen over HTTP (headers, 429s per the contract's table): test_ratelimit.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aurous_contract import load_spec
from harness.redis_server import unique_prefix
from mockserver.operations import OperationIndex
from mockserver.ratelimit import BucketSpec, RateLimiter
from mockserver.redis_backend.ratelimit import RedisRateLimiter

CONTRACT_BUCKETS = OperationIndex(load_spec()).buckets  # the spec's x-aurous-rate-limit-buckets

T = 1_780_000_000.0
SYNTH = {"characters_synthesize": BucketSpec(6, 12)}  # one token per 10 s


@pytest.fixture(params=["memory", "redis"])
def new_limiter(request: pytest.FixtureRequest) -> Iterator[Callable[..., RateLimiter | RedisRateLimiter]]:
    """Builds a limiter like ``RateLimiter(buckets, enabled=...)``, of either kind."""
    if request.param == "memory":
        yield RateLimiter
        return
    client = request.getfixturevalue("redis_client")
    made: list[RedisRateLimiter] = []

    def make(buckets: dict[str, BucketSpec], *, enabled: bool = True) -> RedisRateLimiter:
        made.append(RedisRateLimiter(client, unique_prefix("rl"), buckets, enabled=enabled))
        return made[-1]

    yield make
    for limiter in made:
        limiter.reset()


def test_a_full_bucket_allows_exactly_its_burst_then_refuses(new_limiter):
    limiter = new_limiter(SYNTH)

    answers = [limiter.take("team_a", "characters_synthesize", T).allowed for _ in range(13)]

    assert [True] * 12 + [False] == answers


def test_remaining_counts_down_after_each_request(new_limiter):
    limiter = new_limiter(SYNTH)

    remaining = [limiter.take("team_a", "characters_synthesize", T).remaining for _ in range(3)]

    assert [11, 10, 9] == remaining


def test_tokens_refill_at_the_sustained_rate(new_limiter):
    limiter = new_limiter(SYNTH)
    for _ in range(12):
        limiter.take("team_a", "characters_synthesize", T)

    early = limiter.take("team_a", "characters_synthesize", T + 9.9).allowed
    on_time = limiter.take("team_a", "characters_synthesize", T + 10).allowed

    assert (False, True) == (early, on_time)


def test_a_refused_request_reports_retry_after_until_the_next_token(new_limiter):
    limiter = new_limiter(SYNTH)
    for _ in range(12):
        limiter.take("team_a", "characters_synthesize", T)

    refused = limiter.take("team_a", "characters_synthesize", T + 2.5)

    assert (False, 8, 0) == (refused.allowed, refused.retry_after, refused.remaining)


def test_a_refused_request_consumes_nothing(new_limiter):
    limiter = new_limiter(SYNTH)
    for _ in range(12):
        limiter.take("team_a", "characters_synthesize", T)
    for _ in range(50):
        limiter.take("team_a", "characters_synthesize", T + 5)

    assert limiter.take("team_a", "characters_synthesize", T + 10).allowed


def test_reset_is_the_epoch_second_at_which_the_bucket_is_full_again(new_limiter):
    limiter = new_limiter(SYNTH)
    for _ in range(3):
        decision = limiter.take("team_a", "characters_synthesize", T)

    assert (12, int(T) + 30) == (decision.limit, decision.reset)


def test_buckets_are_per_team(new_limiter):
    limiter = new_limiter(SYNTH)
    for _ in range(12):
        limiter.take("team_a", "characters_synthesize", T)

    assert limiter.take("team_b", "characters_synthesize", T).allowed


def test_buckets_are_per_bucket_name(new_limiter):
    limiter = new_limiter(CONTRACT_BUCKETS)
    for _ in range(12):
        limiter.take("team_a", "characters_synthesize", T)

    assert limiter.take("team_a", "characters_post", T).allowed


def test_a_disabled_limiter_always_allows_and_reports_a_full_bucket(new_limiter):
    limiter = new_limiter(SYNTH, enabled=False)
    answers = [limiter.take("team_a", "characters_synthesize", T) for _ in range(100)]

    assert (True, 12, 12) == (all(a.allowed for a in answers), answers[-1].limit, answers[-1].remaining)


def test_reset_refills_every_bucket(new_limiter):
    limiter = new_limiter(SYNTH)
    for _ in range(12):
        limiter.take("team_a", "characters_synthesize", T)

    limiter.reset()

    assert 11 == limiter.take("team_a", "characters_synthesize", T).remaining


def test_the_spec_buckets_include_the_documented_figures():
    assert {
        "characters_get": (120, 240),
        "characters_post": (30, 60),
        "characters_synthesize": (6, 12),
        "images_post": (60, 120),
    }.items() <= {name: (spec.sustained_per_minute, spec.burst) for name, spec in CONTRACT_BUCKETS.items()}.items()


@given(st.lists(st.floats(min_value=0, max_value=120, allow_nan=False), max_size=200))
def test_a_bucket_never_exceeds_its_capacity_nor_allows_more_than_it_earned(gaps):
    limiter = RateLimiter(SYNTH)
    now, allowed = T, 0
    for gap in gaps:
        now += gap
        decision = limiter.take("team_a", "characters_synthesize", now)
        allowed += decision.allowed

        assert 0 <= decision.remaining <= decision.limit == 12
        assert decision.allowed or decision.retry_after >= 1

    assert allowed <= 12 + (now - T) / 10 + 1e-6
