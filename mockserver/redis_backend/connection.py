"""``--store redis://HOST:PORT/DB``: the URL checked, the client made, Redis proven reachable.

Short socket timeouts and one immediate retry (a pooled connection that died with a restarted Redis is
replaced at once): a request never hangs on a Redis that went away, it gets a 503 within about a second.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from mockserver.settings import ConfigError

__all__ = ["SOCKET_TIMEOUT", "RedisUnreachable", "check_url", "connect"]

SOCKET_TIMEOUT = 1.0  # seconds; a command on a dead Redis fails within this


class RedisUnreachable(ConfigError):
    """Redis cannot be used at start (bad URL, nothing listening, refused); the message names the URL."""


def check_url(url: str) -> str:
    """``redis://HOST[:PORT][/DB]`` (or ``rediss://``); a ``ConfigError`` saying what is wrong otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss") or not parts.hostname:
        raise ConfigError(f"--store must be memory or redis://HOST:PORT/DB, got {url!r}")
    try:
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise ConfigError(f"--store {url}: the port must be a number") from None
    db = parts.path.strip("/")
    if db and not db.isdigit():
        raise ConfigError(f"--store {url}: the database must be a number (redis://HOST:PORT/0)")
    return url


def client_for(url: str) -> redis.Redis:
    return redis.Redis.from_url(
        check_url(url),
        socket_timeout=SOCKET_TIMEOUT,
        socket_connect_timeout=SOCKET_TIMEOUT,
        retry=Retry(NoBackoff(), 1),
        health_check_interval=0,
    )


def connect(url: str) -> redis.Redis:
    """A client for ``url`` that has answered PING; ``RedisUnreachable`` (exit 2 at start) when it cannot."""
    client = client_for(url)
    try:
        client.ping()
    except redis.RedisError as exc:
        client.close()
        raise RedisUnreachable(f"cannot reach Redis at {url}: {exc}") from None
    return client
