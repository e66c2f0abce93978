"""Token buckets per (team, bucket): pure arithmetic, time passed in as epoch seconds.

Capacity is the burst; tokens refill continuously at ``sustained_per_minute / 60`` per second. A request
takes one token; a refused request takes nothing. The figures a ``Decision`` carries are the response
headers: ``X-RateLimit-Limit`` (capacity), ``X-RateLimit-Remaining`` (whole tokens left after this
request), ``X-RateLimit-Reset`` (epoch second at which the bucket is full again) and, when refused,
``Retry-After`` (whole seconds until one token is back, at least 1). No HTTP here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["BucketSpec", "Decision", "RateLimiter", "decision"]

_EPSILON = 1e-9  # float refill arithmetic must not turn an exact token into 0.9999999


@dataclass(frozen=True, slots=True)
class BucketSpec:
    sustained_per_minute: float
    burst: int

    @property
    def per_second(self) -> float:
        return self.sustained_per_minute / 60.0


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    reset: int
    retry_after: int  # meaningful only when refused


def decision(allowed: bool, capacity: int, rate: float, tokens: float, now: float) -> Decision:
    """The headers' figures for a bucket left with ``tokens`` at ``now`` (shared with the Redis buckets, whose
    script only keeps the tokens: the figures are computed here, once)."""
    retry_after = 1 if allowed else max(1, math.ceil((1.0 - tokens) / rate - _EPSILON))
    remaining = int(tokens + _EPSILON)
    reset = math.ceil(now + (capacity - tokens) / rate - _EPSILON)
    return Decision(allowed, capacity, remaining, reset, retry_after)


class RateLimiter:
    def __init__(self, buckets: Mapping[str, BucketSpec], *, enabled: bool = True) -> None:
        self.buckets = dict(buckets)
        self.enabled = enabled
        self._state: dict[tuple[str, str], list[float]] = {}  # (team, bucket) -> [tokens, as of epoch second]

    def take(self, team_id: str, bucket: str, now: float) -> Decision:
        """Try to take one token from the team's bucket at time ``now`` (epoch seconds)."""
        spec = self.buckets[bucket]
        capacity, rate = spec.burst, spec.per_second
        if not self.enabled:
            return Decision(True, capacity, capacity, math.ceil(now), 1)
        key = (team_id, bucket)
        state = self._state.get(key)
        if state is None:
            tokens = float(capacity)
            state = self._state[key] = [tokens, now]
        else:
            elapsed = now - state[1]
            tokens = state[0]
            if elapsed > 0:  # time never runs backwards for a bucket
                tokens = min(float(capacity), tokens + elapsed * rate)
                state[1] = now
        allowed = tokens >= 1.0 - _EPSILON
        if allowed:
            tokens = max(0.0, tokens - 1.0)
        state[0] = tokens
        return decision(allowed, capacity, rate, tokens, now)

    def reset(self) -> None:
        """Refill every bucket."""
        self._state.clear()
