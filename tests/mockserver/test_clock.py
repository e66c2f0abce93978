"""Clocks: aware UTC, manual time only moves forward."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from mockserver.clock import ManualClock, SystemClock

T0 = datetime(2026, 5, 8, 10, 0, tzinfo=UTC)


def test_the_system_clock_is_aware_utc():
    assert timedelta(0) == SystemClock().now().utcoffset()


def test_a_manual_clock_defaults_to_now_rounded_to_the_second():
    assert 0 == ManualClock().now().microsecond


def test_a_manual_clock_advances_by_fractions_of_a_second():
    clock = ManualClock(T0)

    clock.advance(1.5)

    assert T0 + timedelta(seconds=1.5) == clock.now()


def test_a_manual_clock_converts_its_start_to_utc():
    start = datetime(2026, 5, 8, 12, 0, tzinfo=timezone(timedelta(hours=2)))

    assert (T0, UTC) == (ManualClock(start).now(), ManualClock(start).now().tzinfo)


@pytest.mark.parametrize("move", [lambda c: c.advance(-1), lambda c: c.set(T0 - timedelta(seconds=1))])
def test_a_manual_clock_refuses_to_go_back(move):
    with pytest.raises(ValueError):
        move(ManualClock(T0))
