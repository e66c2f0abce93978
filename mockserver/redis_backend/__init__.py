"""``--store redis://HOST:PORT/DB``: several mock processes (uvicorn workers, replicas behind a load
balancer) act as one mock, with Redis holding the state. The only package that imports ``redis``.

- ``connection``  the URL checked, the client (short timeouts), PING at start (exit 2 when unreachable)
- ``lock``        the cross-process lock every state-touching operation holds
- ``replica``     the state: snapshot + log in Redis, the in-memory objects a replica of it
- ``middleware``  the cheap catch-up at the start of every request
- ``ratelimit``, ``idempotency``, ``requestlog``: Redis-native shared parts (Lua scripts, Redis expiry)
- ``guard``       a Redis error in those parts is a 503, not a 500
"""

from __future__ import annotations

from .connection import RedisUnreachable, check_url, connect
from .guard import Guarded
from .idempotency import RedisIdempotencyCache
from .middleware import ReplicaSync
from .ratelimit import RedisRateLimiter
from .replica import Replica, Replicated
from .requestlog import RedisRequestLog

__all__ = [
    "Guarded",
    "RedisIdempotencyCache",
    "RedisRateLimiter",
    "RedisRequestLog",
    "RedisUnreachable",
    "Replica",
    "ReplicaSync",
    "Replicated",
    "check_url",
    "connect",
]
