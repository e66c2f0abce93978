"""Time: a real clock by default, with a configurable synthesis time; the manual clock for tests; both move
forward with POST /_mock/clock/advance."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from mockserver.clock import SystemClock
from tests.mockserver.wiring.conftest import create, key_of


def test_advancing_the_system_clock_adds_an_offset_to_the_wall_clock():
    clock = SystemClock()
    before = clock.now()

    clock.advance(90)

    assert timedelta(seconds=90) <= clock.now() - before < timedelta(seconds=95)


def test_the_system_clock_refuses_to_go_backwards():
    with pytest.raises(ValueError):
        SystemClock().advance(-1)


def test_advancing_a_real_clock_mock_completes_a_synthesis_now(make_client):
    client = make_client(clock="real", synthesis_seconds=60)
    key = key_of(client)
    character = create(client, key).json()

    response = client.post("/_mock/clock/advance", json={"seconds": 60})

    assert 200 == response.status_code
    assert "reviewing" == client.get(f"/v1/characters/{character['id']}", headers={"X-Api-Key": key}).json()["status"]


def test_a_real_clock_mock_finishes_a_short_synthesis_by_itself(make_client):
    client = make_client(clock="real", synthesis_seconds=0.2)
    key = key_of(client)
    character = create(client, key).json()
    assert "synthesizing" == character["status"]

    time.sleep(0.3)

    assert "reviewing" == client.get(f"/v1/characters/{character['id']}", headers={"X-Api-Key": key}).json()["status"]


def test_a_negative_advance_is_refused_in_the_envelope(client):
    response = client.post("/_mock/clock/advance", json={"seconds": -5})

    assert 400 == response.status_code
    assert "error" in response.json()
