"""A Redis-native part (token buckets, idempotency records, request log) whose Redis errors are 503s.

Any other exception is a 500 (app.py's handlers); a Redis that went away is not the mock failing but its
store being unavailable, which the contract answers 503 (``server_error``/``internal_error``) with a message
saying so. Attributes pass through (``limiter.enabled`` is set by the run-time settings).

``quiet`` names the methods called after the response has started (the request log's ``append``, the
idempotency record's ``complete``/``abandon``): there a 503 can no longer be sent, so the error is logged
and the request's answer stands.
"""

from __future__ import annotations

import logging
from typing import Any

import redis

from .connection import outage_of, unavailable

__all__ = ["Guarded"]

logger = logging.getLogger("mockserver")


class Guarded:
    def __init__(self, target: Any, *, quiet: tuple[str, ...] = ()) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_methods", {})
        object.__setattr__(self, "_quiet", quiet)

    def __getattr__(self, name: str) -> Any:
        methods = self._methods
        if name in methods:
            return methods[name]
        value = getattr(self._target, name)
        if name.startswith("_") or not callable(value):
            return value

        quiet = name in self._quiet
        outage = outage_of(self._target.client)

        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                outage.check()
                return value(*args, **kwargs)
            except redis.RedisError as exc:
                outage.saw(exc)
                if quiet:
                    logger.error(
                        "shared store (Redis) unavailable in %s.%s: %s", type(self._target).__name__, name, exc
                    )
                    return None
                raise unavailable(exc) from None

        methods[name] = guarded
        return guarded

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._target, name, value)
