"""The changelog's lifecycle variant (synthesis ends in ready) can be switched at start and at run time."""

from __future__ import annotations

from tests.mockserver.wiring.conftest import create, key_of


def status_after_synthesis(client, key):
    character = create(client, key).json()
    client.post("/_mock/clock/advance", json={"seconds": 3})
    return client.get(f"/v1/characters/{character['id']}", headers={"X-Api-Key": key}).json()["status"]


def test_switching_to_auto_ready_at_run_time_makes_syntheses_end_ready(client):
    key = key_of(client)
    assert "reviewing" == status_after_synthesis(client, key)

    response = client.patch("/_mock/settings", json={"lifecycle_variant": "auto_ready"})

    assert "auto_ready" == response.json()["lifecycle_variant"]
    assert "ready" == status_after_synthesis(client, key)


def test_switching_back_to_review_restores_the_review_step(make_client):
    client = make_client(lifecycle_variant="auto_ready")
    key = key_of(client)
    assert "ready" == status_after_synthesis(client, key)

    client.patch("/_mock/settings", json={"lifecycle_variant": "review"})

    assert "reviewing" == status_after_synthesis(client, key)


def test_reset_returns_to_the_lifecycle_given_at_start(client):
    key = key_of(client)
    client.patch("/_mock/settings", json={"lifecycle_variant": "auto_ready", "synthesis_seconds": 30})

    client.post("/_mock/reset")

    settings = client.get("/_mock/settings").json()
    assert ("review", 3.0) == (settings["lifecycle_variant"], settings["synthesis_seconds"])
    assert "reviewing" == status_after_synthesis(client, key)


def test_the_synthesis_time_and_outcome_can_change_at_run_time(client):
    key = key_of(client)
    client.patch("/_mock/settings", json={"synthesis_seconds": 0, "synthesis_outcome": "fail"})

    character = create(client, key).json()

    assert "failed" == character["status"]


def test_rate_limits_can_be_switched_off_at_run_time(make_client):
    client = make_client(fixtures="rate_limited")
    key = key_of(client)
    assert 429 == client.get("/v1/characters", headers={"X-Api-Key": key}).status_code

    client.patch("/_mock/settings", json={"rate_limits": False})

    assert 200 == client.get("/v1/characters", headers={"X-Api-Key": key}).status_code


def test_bad_settings_are_refused_in_the_envelope_and_change_nothing(client):
    for body in ({"lifecycle_variant": "instant"}, {"synthesis_seconds": -1}, {"speed": 2}, {"synthesis_outcome": 1}):
        response = client.patch("/_mock/settings", json=body)

        assert 400 == response.status_code, (body, response.text)
        assert "error" in response.json()
    settings = client.get("/_mock/settings").json()
    assert ("review", 3.0, "succeed") == (
        settings["lifecycle_variant"],
        settings["synthesis_seconds"],
        settings["synthesis_outcome"],
    )
