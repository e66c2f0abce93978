"""Time, passed in: the rules never read the wall clock themselves.

``SystemClock`` serves real traffic; ``ManualClock`` lets tests and the /_mock control API move time so
that syntheses complete, rate-limit buckets refill and idempotency keys expire on demand.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol

__all__ = ["Clock", "ManualClock", "SystemClock"]


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class SystemClock:
    """The wall clock, plus an offset that ``advance`` grows (POST /_mock/clock/advance on a real clock)."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, seconds: float) -> datetime:
        """Jump ``seconds`` ahead of the wall clock (never backwards), and keep flowing from there."""
        if seconds < 0:
            raise ValueError(f"SystemClock only moves forward; got advance({seconds!r}).")
        self.offset += timedelta(seconds=seconds)
        return self.now()


class ManualClock:
    """A clock that only moves when told to.

    It starts at ``start`` or, by default, at the current real time rounded down to the second, so that
    ids and timestamps minted under it look like real ones.
    """

    def __init__(self, start: datetime | None = None) -> None:
        if start is None:
            start = datetime.now(UTC).replace(microsecond=0)
        self._now = _aware_utc(start)

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> datetime:
        """Move forward by ``seconds`` (never backwards: ids and buckets assume time does not rewind)."""
        if seconds < 0:
            raise ValueError(f"ManualClock only moves forward; got advance({seconds!r}).")
        self._now += timedelta(seconds=seconds)
        return self._now

    def set(self, when: datetime) -> datetime:
        """Jump to ``when``, which must not lie before the current time."""
        when = _aware_utc(when)
        if when < self._now:
            raise ValueError(f"ManualClock only moves forward; {when.isoformat()} is before {self._now.isoformat()}.")
        self._now = when
        return self._now

    def adopt(self, when: datetime) -> datetime:
        """Take ``when`` as the time, even if earlier: a replica adopting the shared mock's clock (--store redis)."""
        self._now = _aware_utc(when)
        return self._now

    def __repr__(self) -> str:
        return f"ManualClock({self._now.isoformat()!r})"


def _aware_utc(dt: datetime) -> datetime:
    if dt.tzinfo is None:
        raise ValueError("ManualClock needs a timezone-aware datetime.")
    return dt.astimezone(UTC)
