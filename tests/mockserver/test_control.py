"""The /_mock control API: teams, reset, clock, forced status, inspection."""

from __future__ import annotations

import pytest

from tests.mockserver.conftest import ATTRIBUTES, SYNTHESIS_SECONDS, assert_envelope

# What GET on these control routes answers is the mock's start state (settings without `now`).
START_STATE_ROUTES = (
    "/_mock/teams",
    "/_mock/characters",
    "/_mock/faults",
    "/_mock/settings",
    "/_mock/webhooks/endpoints",
    "/_mock/webhooks/deliveries",
    "/_mock/webhooks/faults",
)


def _now(client) -> str:
    return client.post("/_mock/clock/advance", json={"seconds": 0}).json()["now"]


def test_teams_lists_each_team_with_keys_pin_and_credits(client):
    teams = client.get("/_mock/teams").json()

    assert [{"id", "name", "api_keys", "pinned_version", "credits"}] * 2 == [set(t) for t in teams]
    assert [1000, 1000] == [t["credits"] for t in teams]
    assert all(key.startswith("al_live_") for t in teams for key in t["api_keys"])


def test_reset_forgets_characters_and_restores_credits_but_not_the_clock(api, acme, client):
    character = api.create_in(acme, "ready")
    api.advance(100)
    before = _now(client)

    response = client.post("/_mock/reset")

    assert 204 == response.status_code
    assert b"" == response.content
    assert [] == client.get("/v1/characters", headers=acme.headers).json()["data"]
    assert 404 == client.get(f"/_mock/characters/{character['id']}").status_code
    assert 1000 == api.balance(acme)
    assert before == _now(client)


def test_reset_refills_the_rate_limit_buckets(client, acme):
    client.get("/v1/characters", headers=acme.headers)
    client.post("/_mock/reset")

    response = client.get("/v1/characters", headers=acme.headers)

    assert "239" == response.headers["x-ratelimit-remaining"]


def test_reset_returns_everything_a_client_can_change_to_the_start_but_the_clock(client, api, acme, make_app):
    fresh = make_app().test_client()
    start = {route: fresh.get(route).json() for route in START_STATE_ROUTES}
    api.create_in(acme, "ready")
    api.upload(acme)
    keyed = {**acme.headers, "Idempotency-Key": "k1"}
    created = client.post(
        "/v1/characters", json={"name": "A", "generate": True, "attributes": ATTRIBUTES}, headers=keyed
    )
    assert created.status_code == 201, created.text
    assert client.put("/_mock/faults", json={"latency_ms": 1, "seed": 3}).status_code == 200
    assert client.patch("/_mock/settings", json={"synthesis_outcome": "fail", "rate_limits": False}).status_code == 200
    assert client.put("/_mock/webhooks/faults", json={"duplicate": True}).status_code == 200
    endpoint = {"url": "http://127.0.0.1:9/hook", "events": ["*"]}
    assert client.post("/v1/webhook_endpoints", json=endpoint, headers=acme.headers).status_code == 201
    api.advance(7)
    before = _now(client)

    assert client.post("/_mock/reset").status_code == 204

    assert ["/_mock/reset"] == [r["path"] for r in client.get("/_mock/requests").json()]  # only the reset itself
    state = {route: client.get(route).json() for route in START_STATE_ROUTES}
    for answer in (start, state):
        answer["/_mock/settings"].pop("now")
    assert start == state
    other_body = {"name": "B", "generate": True, "attributes": ATTRIBUTES}
    assert 201 == client.post("/v1/characters", json=other_body, headers=keyed).status_code  # key forgotten: no 409
    assert "239" == client.get("/v1/characters", headers=acme.headers).headers["x-ratelimit-remaining"]
    assert before == _now(client)


def test_advance_moves_the_clock_by_the_seconds_given(client):
    from datetime import datetime

    start = datetime.fromisoformat(_now(client).replace("Z", "+00:00"))

    moved = client.post("/_mock/clock/advance", json={"seconds": 90}).json()["now"]

    assert 90 == (datetime.fromisoformat(moved.replace("Z", "+00:00")) - start).total_seconds()


@pytest.mark.parametrize("body", [{"seconds": -1}, {}, {"seconds": "soon"}, {"seconds": 1, "extra": 1}])
def test_advance_refuses_bad_bodies_in_the_envelope(client, body):
    response = client.post("/_mock/clock/advance", json=body)

    assert_envelope(response, 400)


@pytest.mark.parametrize("status", ["synthesizing", "reviewing", "ready", "failed", "deleted"])
def test_a_character_can_be_forced_into_each_state(api, acme, status):
    character = api.create_uploaded(acme)

    public = api.force(character["id"], status)

    assert status == public["status"]
    assert status == api.inspect(character["id"])["status"]


def test_a_forced_failure_carries_the_given_error_message(api, acme):
    character = api.create_in(acme, "reviewing")

    api.force(character["id"], "failed", error_message="forced for a demo")

    assert "forced for a demo" == api.get(acme, character["id"]).json()["error_message"]


def test_a_forced_synthesis_completes_on_the_clock(api, acme):
    character = api.create_in(acme, "reviewing")
    api.force(character["id"], "synthesizing")
    api.advance(SYNTHESIS_SECONDS)

    status = api.get(acme, character["id"]).json()["status"]

    assert "reviewing" == status


def test_a_forced_reviewing_character_can_be_saved(api, acme):
    character = api.create_in(acme, "failed")
    api.force(character["id"], "reviewing")

    response = api.save(acme, character["id"])

    assert (200, "ready") == (response.status_code, response.json()["status"])


def test_a_forced_deletion_makes_the_character_404_in_the_public_api(api, acme):
    character = api.create_uploaded(acme)
    api.force(character["id"], "deleted")

    response = api.get(acme, character["id"])

    assert_envelope(response, 404, "resource_not_found")
    assert api.inspect(character["id"])["deleted"] is True


def test_forcing_an_unknown_character_or_status_is_refused(api, acme, client):
    character = api.create_uploaded(acme)

    unknown = client.put("/_mock/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/status", json={"status": "ready"})
    bad = client.put(f"/_mock/characters/{character['id']}/status", json={"status": "published"})

    assert_envelope(unknown, 404, "resource_not_found")
    assert_envelope(bad, 400)


def test_inspect_shows_internal_fields_of_any_team(api, globex):
    character = api.create_in(globex, "reviewing")

    row = api.inspect(character["id"])

    assert {"team_id", "temp_upload_bytes", "saved", "deleted"} <= set(row)
    assert (globex.id, False, False) == (row["team_id"], row["saved"], row["deleted"])
    assert {k: row[k] for k in character} == character
