"""The /_mock control API: teams, reset, clock, forced status, inspection."""

from __future__ import annotations

import pytest

from tests.mockserver.conftest import SYNTHESIS_SECONDS, assert_envelope


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
