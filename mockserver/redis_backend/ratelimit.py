"""Token buckets on Redis: ``RateLimiter``'s interface and figures, shared by every process on one Redis.

The refill-and-take step is one Lua script, so two processes taking from one bucket at once never both get
the last token. Time is the ``now`` each caller passes in (the mock's clock, which may be manual), never
Redis's clock. The script keeps only the tokens and their time; the header figures come from
``mockserver.ratelimit.decision``, the same arithmetic the in-memory buckets use. Lua numbers are IEEE
doubles like Python's floats and the state is stored with 17 significant digits (exact round trip), so
both give the same answers for the same sequence of requests.

Keys: ``{prefix}:bucket:{team}:{bucket}``, a hash {t: tokens, at: epoch seconds}. Each lives on Redis for the
time the bucket takes to refill plus a day: the mock's clock may be manual (slower than the wall clock),
and a key that vanished early would hand out a full bucket the mock's clock has not earned. The expiry only
collects buckets long idle; a missing key is a full bucket.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import redis

from mockserver.ratelimit import BucketSpec, Decision, decision
from mockserver.redis_backend.keys import delete_matching, glob_escape

__all__ = ["RedisRateLimiter"]

_IDLE_MS = 86_400_000  # a day of wall-clock time past the refill before an idle bucket's key is collected

# KEYS[1]: the bucket; ARGV: capacity, tokens per second, now (epoch seconds), extra lifetime in ms.
# The same steps as RateLimiter.take, in the same order (1e-9 is ratelimit._EPSILON).
_TAKE = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 't', 'at')
local tokens, at
if not state[1] then
  tokens, at = capacity, now
else
  tokens, at = tonumber(state[1]), tonumber(state[2])
  local elapsed = now - at
  if elapsed > 0 then
    tokens = math.min(capacity, tokens + elapsed * rate)
    at = now
  end
end
local allowed = 0
if tokens >= 1.0 - 1e-9 then
  allowed = 1
  tokens = math.max(0.0, tokens - 1.0)
end
local exact = string.format('%.17g', tokens)
redis.call('HSET', KEYS[1], 't', exact, 'at', string.format('%.17g', at))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate * 1000) + tonumber(ARGV[4]))
return {allowed, exact}
"""


class RedisRateLimiter:
    def __init__(
        self, client: redis.Redis, prefix: str, buckets: Mapping[str, BucketSpec], *, enabled: bool = True
    ) -> None:
        self.client = client
        self.prefix = prefix
        self.buckets = dict(buckets)
        self.enabled = enabled
        self._take = client.register_script(_TAKE)

    def take(self, team_id: str, bucket: str, now: float) -> Decision:
        """Try to take one token from the team's bucket at time ``now`` (epoch seconds)."""
        spec = self.buckets[bucket]
        capacity, rate = spec.burst, spec.per_second
        if not self.enabled:
            return Decision(True, capacity, capacity, math.ceil(now), 1)
        key = f"{self.prefix}:bucket:{team_id}:{bucket}"
        allowed, tokens = self._take(keys=[key], args=[capacity, repr(rate), repr(float(now)), _IDLE_MS])
        return decision(bool(allowed), capacity, rate, float(tokens), now)

    def reset(self) -> None:
        """Refill every bucket (of this prefix, for every process)."""
        delete_matching(self.client, f"{glob_escape(self.prefix)}:bucket:*")
