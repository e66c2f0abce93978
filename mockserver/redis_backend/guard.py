"""A Redis-native part (token buckets, idempotency records, request log) whose Redis errors are 503s.

The gateway turns any other exception into a 500; a Redis that went away is not the mock failing but its
store being unavailable, which the contract answers 503 (``server_error``/``internal_error``) with a message
saying so. Attributes pass through (``limiter.enabled`` is set by the run-time settings).
"""

from __future__ import annotations

from typing import Any

import redis

from mockserver.domain.errors import ServiceUnavailable

__all__ = ["Guarded"]


class Guarded:
    def __init__(self, target: Any) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_methods", {})

    def __getattr__(self, name: str) -> Any:
        methods = self._methods
        if name in methods:
            return methods[name]
        value = getattr(self._target, name)
        if name.startswith("_") or not callable(value):
            return value

        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                return value(*args, **kwargs)
            except redis.RedisError as exc:
                raise ServiceUnavailable(
                    f"The mock's shared store (Redis) is unavailable ({exc}); retry later."
                ) from None

        methods[name] = guarded
        return guarded

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._target, name, value)
