"""``--store redis://HOST:PORT/DB``: the URL checked, the client made, Redis proven reachable.

Short socket timeouts and one immediate retry on a broken connection (a pooled connection that died with a
restarted Redis is replaced at once): a request never hangs on a Redis that went away. A Redis that stops
answering (a timeout) trips ``Outage`` for a second: calls in that window fail at once instead of each
waiting out its own timeout, so a request gets its 503 within about a second.
"""

from __future__ import annotations

import time
import weakref
from urllib.parse import urlsplit

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from mockserver.domain.errors import ServiceUnavailable
from mockserver.settings import ConfigError

__all__ = ["SOCKET_TIMEOUT", "Outage", "RedisUnreachable", "check_url", "connect", "outage_of", "unavailable"]

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
        retry=Retry(NoBackoff(), 1, supported_errors=(redis.ConnectionError,)),
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


class Outage:
    """After a timeout, Redis counts as unreachable for ``WINDOW`` seconds (this process, this client)."""

    WINDOW = 1.0

    def __init__(self) -> None:
        self.until = 0.0

    @property
    def active(self) -> bool:
        return time.monotonic() < self.until

    def check(self) -> None:
        """Raise at once while a recent timeout says Redis is not answering (never extends the window)."""
        if self.active:
            raise redis.ConnectionError("Redis did not answer within the last second")

    def saw(self, exc: BaseException) -> None:
        if isinstance(exc, redis.TimeoutError):
            self.until = time.monotonic() + self.WINDOW


_OUTAGES: weakref.WeakKeyDictionary[redis.Redis, Outage] = weakref.WeakKeyDictionary()


def outage_of(client: redis.Redis) -> Outage:
    """The one ``Outage`` of this client, shared by every part that uses it."""
    outage = _OUTAGES.get(client)
    if outage is None:
        outage = _OUTAGES[client] = Outage()
    return outage


def unavailable(exc: BaseException, url: str | None = None) -> ServiceUnavailable:
    """The 503 a request gets when Redis fails it before anything changed (the replica's and the guard's)."""
    where = "Redis" if url is None else f"Redis at {url}"
    return ServiceUnavailable(
        f"The mock's shared store ({where}) is unavailable ({exc}); nothing was changed. Retry later."
    )
