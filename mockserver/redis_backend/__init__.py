"""``--store redis://HOST:PORT/DB``: several mock processes (uvicorn workers, replicas behind a load
balancer) act as one mock, with Redis holding the state. The only package that imports ``redis``.

- ``connection``  the URL checked, the client (short timeouts), PING at start (exit 2 when unreachable)
- ``lock``        the cross-process lock every state-touching operation holds
- ``replica``     the state: snapshot + log in Redis, the in-memory objects a replica of it
- ``middleware``  the cheap catch-up at the start of every request
- ``ratelimit``   token buckets in Redis (one Lua script per take); ``guard``: a Redis error there is a 503
"""

from __future__ import annotations

from .connection import RedisUnreachable, check_url, connect
from .guard import Guarded
from .middleware import ReplicaSync
from .ratelimit import RedisRateLimiter
from .replica import Replica, Replicated

__all__ = [
    "DEFAULT_PREFIX",
    "Guarded",
    "RedisRateLimiter",
    "RedisUnreachable",
    "Replica",
    "ReplicaSync",
    "Replicated",
    "check_url",
    "connect",
]

DEFAULT_PREFIX = "aurous-mock"
