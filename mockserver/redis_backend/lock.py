"""The one cross-process lock every state-touching operation holds: ``SET key token NX PX lease`` in Redis.

A lease (a few seconds) means a worker killed while holding it blocks the others only until it lapses.
Release is a compare-and-delete (Lua), so a worker whose lease lapsed can never free a lock another
worker now holds. Acquiring also reads a few keys in the same round trip (the log head and the epoch:
what the caller needs first under the lock).

Within one process the lock is re-entrant through a ``threading.RLock`` taken first (the webhook worker's
thread and the server's loop both reach the service).
"""

from __future__ import annotations

import secrets
import threading
import time
from typing import Any

import redis

__all__ = ["LockTimeout", "SharedLock"]

LEASE_MS = 3000  # a killed holder blocks the others at most this long
WAIT_SECONDS = 4.0  # longer than the lease: a lapsed lease is always waited out

_ACQUIRE = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  local values = {1}
  for i = 2, #KEYS do values[i] = redis.call('GET', KEYS[i]) end
  return values
end
return {0}
"""

_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class LockTimeout(Exception):
    """Another worker held the lock longer than ``WAIT_SECONDS``."""


class SharedLock:
    def __init__(self, client: redis.Redis, key: str, *, lease_ms: int = LEASE_MS) -> None:
        self.client = client
        self.key = key
        self.lease_ms = lease_ms
        self.local = threading.RLock()
        self._acquire = client.register_script(_ACQUIRE)
        self._release = client.register_script(_RELEASE)

    def acquire(self, *read_keys: str) -> tuple[str, list[Any]]:
        """(token, the values of ``read_keys`` read under the lock). Redis errors pass through."""
        token = secrets.token_hex(8)
        deadline = time.monotonic() + WAIT_SECONDS
        pause = 0.0005
        while True:
            answer = self._acquire(keys=[self.key, *read_keys], args=[token, self.lease_ms])
            if answer[0] == 1:
                values = list(answer[1:])
                return token, values + [None] * (len(read_keys) - len(values))  # Lua drops trailing nils
            if time.monotonic() > deadline:
                raise LockTimeout(f"the shared state's lock {self.key} was held for more than {WAIT_SECONDS:g} s")
            time.sleep(pause)
            pause = min(pause * 2, 0.01)

    def release(self, token: str) -> None:
        self._release(keys=[self.key], args=[token])
