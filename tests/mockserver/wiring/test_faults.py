"""Faults on demand: latency, a fraction of 429s and 5xx, failed syntheses — contract-valid, set at start
and changed at run time through PUT /_mock/faults."""

from __future__ import annotations

import time

from mockserver.faults import FaultSettings
from tests.mockserver.wiring.conftest import assert_envelope, create, key_of


def set_faults(client, **faults):
    response = client.put("/_mock/faults", json=faults)
    assert 200 == response.status_code, response.text
    return response.json()


def test_without_faults_nothing_is_active(client):
    assert FaultSettings().to_json() == client.get("/_mock/faults").json()


def test_added_latency_delays_public_responses(client):
    key = key_of(client)
    set_faults(client, latency_ms=150)

    started = time.perf_counter()
    response = client.get("/v1/characters", headers={"X-Api-Key": key})
    elapsed = time.perf_counter() - started

    assert 200 == response.status_code
    assert elapsed >= 0.15


def test_a_rate_limit_fault_is_a_contract_429_with_retry_after(client):
    key = key_of(client)
    set_faults(client, rate_limit_rate=1, retry_after=7)

    response = client.get("/v1/characters", headers={"X-Api-Key": key})

    error = assert_envelope(response, 429, "too_many_requests")
    assert "rate_limit" == error["type"]
    assert "7" == response.headers["retry-after"]
    assert "0" == response.headers["x-ratelimit-remaining"]
    assert "x-ratelimit-limit" in response.headers


def test_a_server_error_fault_is_a_5xx_envelope_and_changes_nothing(client):
    key = key_of(client)
    set_faults(client, error_rate=1, error_status=503)

    response = create(client, key)

    error = assert_envelope(response, 503, "internal_error")
    assert "server_error" == error["type"]
    client.delete("/_mock/faults")
    assert [] == client.get("/v1/characters", headers={"X-Api-Key": key}).json()["data"]


def test_the_fast_lane_gets_faults_too(client):
    key = key_of(client)
    character = create(client, key).json()
    set_faults(client, error_rate=1)

    response = client.get(f"/v1/characters/{character['id']}", headers={"X-Api-Key": key})

    assert_envelope(response, 500, "internal_error")


def test_a_synthesis_failure_fault_makes_syntheses_end_failed(client):
    key = key_of(client)
    set_faults(client, synthesis_failure_rate=1)
    character = create(client, key).json()

    client.post("/_mock/clock/advance", json={"seconds": 3})

    seen = client.get(f"/v1/characters/{character['id']}", headers={"X-Api-Key": key}).json()
    assert "failed" == seen["status"]
    assert seen["error_message"]


def test_a_request_prefer_header_wins_over_the_synthesis_failure_fault(client):
    key = key_of(client)
    set_faults(client, synthesis_failure_rate=1)

    character = create(client, key, Prefer="outcome=instant").json()

    assert "reviewing" == character["status"]


def test_a_fraction_of_faults_hits_about_that_fraction_of_requests(client):
    key = key_of(client)
    set_faults(client, error_rate=0.3, seed=7)

    statuses = [client.get("/v1/balance", headers={"X-Api-Key": key}).status_code for _ in range(200)]

    assert 30 <= statuses.count(500) <= 90
    assert set(statuses) == {200, 500}


def test_faults_never_touch_the_control_api(client):
    set_faults(client, error_rate=1, rate_limit_rate=0)

    assert 200 == client.get("/_mock/teams").status_code


def test_faults_given_at_start_are_in_force_and_reset_returns_to_them(make_client):
    client = make_client(faults=FaultSettings(rate_limit_rate=1))
    key = key_of(client)
    assert 429 == client.get("/v1/characters", headers={"X-Api-Key": key}).status_code
    client.delete("/_mock/faults")
    assert 200 == client.get("/v1/characters", headers={"X-Api-Key": key}).status_code

    client.post("/_mock/reset")

    assert 429 == client.get("/v1/characters", headers={"X-Api-Key": key}).status_code


def test_bad_fault_settings_are_refused_in_the_envelope_and_change_nothing(client):
    set_faults(client, latency_ms=5)
    for body in (
        {"error_rate": 2},
        {"error_status": 404},
        {"colour": "red"},
        {"error_rate": 0.7, "rate_limit_rate": 0.7},
        {"latency_ms": "slow"},
        [1, 2],
    ):
        response = client.put("/_mock/faults", json=body)

        assert 400 == response.status_code, (body, response.text)
        assert "error" in response.json()
    assert 5 == client.get("/_mock/faults").json()["latency_ms"]


def test_fault_settings_validate_the_combined_rate_themselves():
    try:
        FaultSettings.from_json({"error_rate": 0.6, "rate_limit_rate": 0.6})
    except ValueError as exc:
        assert "error_rate" == exc.args[0]
    else:
        raise AssertionError("accepted error_rate + rate_limit_rate > 1")
