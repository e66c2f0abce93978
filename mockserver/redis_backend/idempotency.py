"""The Idempotency-Key cache on Redis: ``IdempotencyCache``'s interface and answers, shared by every process.

``begin`` is one Lua script (purge the expired, look the key up, claim it, evict past the cap), so two
processes beginning the same (team, key) at once get exactly one ``Proceed``; the other sees the claim
(``Conflict("in_flight")``) or, once completed, the stored response (``Replay``).

Time is the ``now`` callers pass in (the mock's clock, which may be manual): each record stores its
``expires_at`` and the scripts compare against it. Redis's own expiry (``ttl_seconds`` of wall-clock time,
set on every record) is only the cleanup: the mock's clock never goes back, and a record the wall clock
outlived is one nobody will replay within the window anyway.

Keys (``team`` with ``%`` and ``:`` escaped, so any Idempotency-Key maps to exactly one record):

- ``{prefix}:idem:{team}:{key}``: a hash {fp, exp, and once completed: status, headers, body, version};
- ``{prefix}:idem:order``: a sorted set of record keys by begin order (``{prefix}:idem:seq`` counts begins):
  the oldest go first, on expiry and past ``max_entries`` (all teams together);
- ``{prefix}:idem-evicted``: how many records the cap pushed out (outside ``idem:*``, so ``reset`` keeps it,
  as the in-memory cache keeps its count).

Not for Redis Cluster: the scripts touch records they find in the order set (one Redis, or one primary).
"""

from __future__ import annotations

import json

import redis

from mockserver.idempotency import DEFAULT_MAX_ENTRIES, Conflict, Proceed, Replay, StoredResponse
from mockserver.redis_backend.keys import delete_matching, glob_escape

__all__ = ["RedisIdempotencyCache"]

# KEYS: record, order, seq, evicted. ARGV: fingerprint, now, expires_at, max_entries, wall-clock ttl in ms.
# The same steps as IdempotencyCache.begin, in the same order; a record whose hash is gone (Redis expiry,
# a concurrent reset) counts as expired.
_BEGIN = """
local record, order, seq, evicted = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local now = tonumber(ARGV[2])
while true do
  local oldest = redis.call('ZRANGE', order, 0, 0)
  if #oldest == 0 then break end
  local exp = redis.call('HGET', oldest[1], 'exp')
  if exp and tonumber(exp) > now then break end
  redis.call('ZREM', order, oldest[1])
  redis.call('DEL', oldest[1])
end
local found = redis.call('HMGET', record, 'fp', 'exp', 'status')
if found[1] and tonumber(found[2]) > now then
  if found[1] ~= ARGV[1] then return {'mismatch'} end
  if not found[3] then return {'in_flight'} end
  local stored = redis.call('HMGET', record, 'status', 'headers', 'body', 'version')
  return {'replay', stored[1], stored[2], stored[3], stored[4]}
end
redis.call('DEL', record)
redis.call('HSET', record, 'fp', ARGV[1], 'exp', ARGV[3])
redis.call('PEXPIRE', record, ARGV[5])
redis.call('ZADD', order, redis.call('INCR', seq), record)
local cap = tonumber(ARGV[4])
while redis.call('ZCARD', order) > cap do
  local oldest = redis.call('ZPOPMIN', order)
  if redis.call('DEL', oldest[1]) == 1 then redis.call('INCR', evicted) end
end
return {'proceed'}
"""

# KEYS: record. ARGV: now, status, headers, body, version. Kept only while the claim is still live.
_COMPLETE = """
local exp = redis.call('HGET', KEYS[1], 'exp')
if exp and tonumber(exp) > tonumber(ARGV[1]) then
  redis.call('HSET', KEYS[1], 'status', ARGV[2], 'headers', ARGV[3], 'body', ARGV[4], 'version', ARGV[5])
end
return 0
"""

_PROCEED = Proceed()
_IN_FLIGHT = Conflict("in_flight")
_MISMATCH = Conflict("mismatch")


def _encode_headers(headers: tuple[tuple[bytes, bytes], ...]) -> str:
    # Latin-1 maps each byte to one code point: JSON keeps any header bytes exactly.
    return json.dumps([[bytes(name).decode("latin-1"), bytes(value).decode("latin-1")] for name, value in headers])


def _decode_headers(text: bytes) -> tuple[tuple[bytes, bytes], ...]:
    return tuple((name.encode("latin-1"), value.encode("latin-1")) for name, value in json.loads(text))


class RedisIdempotencyCache:
    def __init__(
        self,
        client: redis.Redis,
        prefix: str,
        ttl_seconds: float = 86_400,
        max_entries: int = DEFAULT_MAX_ENTRIES,
    ) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        if client.get_connection_kwargs().get("decode_responses"):
            raise ValueError("the idempotency cache stores response bytes: use a client without decode_responses")
        self.client = client
        self.prefix = prefix
        self.ttl_seconds = ttl_seconds
        self.max_entries = max_entries
        self._order = f"{prefix}:idem:order"
        self._seq = f"{prefix}:idem:seq"
        self._evicted = f"{prefix}:idem-evicted"
        self._begin = client.register_script(_BEGIN)
        self._complete = client.register_script(_COMPLETE)

    def _record(self, team_id: str, key: str) -> str:
        team = team_id.replace("%", "%25").replace(":", "%3A")
        return f"{self.prefix}:idem:{team}:{key}"

    def begin(self, team_id: str, key: str, fingerprint: str, now: float) -> Proceed | Replay | Conflict:
        answer = self._begin(
            keys=[self._record(team_id, key), self._order, self._seq, self._evicted],
            args=[
                fingerprint,
                repr(float(now)),
                repr(now + self.ttl_seconds),
                self.max_entries,
                max(1, round(self.ttl_seconds * 1000)),
            ],
        )
        kind = answer[0]
        if kind == b"proceed":
            return _PROCEED
        if kind == b"replay":
            status, headers, body, version = answer[1:]
            return Replay(StoredResponse(int(status), _decode_headers(headers), body, version.decode()))
        return _IN_FLIGHT if kind == b"in_flight" else _MISMATCH

    def complete(self, team_id: str, key: str, stored: StoredResponse, now: float) -> None:
        """Record the original's response: 2xx is kept for replay; anything else frees the key."""
        if not 200 <= stored.status < 300:
            self.abandon(team_id, key)
            return
        self._complete(
            keys=[self._record(team_id, key)],
            args=[repr(float(now)), stored.status, _encode_headers(stored.headers), stored.body, stored.version],
        )

    def abandon(self, team_id: str, key: str) -> None:
        """Forget the key (the original failed): the next request with it runs afresh."""
        record = self._record(team_id, key)
        with self.client.pipeline(transaction=True) as pipe:
            pipe.delete(record)
            pipe.zrem(self._order, record)
            pipe.execute()

    def reset(self) -> None:
        delete_matching(self.client, f"{glob_escape(self.prefix)}:idem:*")

    def __len__(self) -> int:
        return int(self.client.zcard(self._order))

    @property
    def evicted(self) -> int:
        """Records the cap pushed out, by every process on this prefix."""
        return int(self.client.get(self._evicted) or 0)
