"""Aurous-Version: header, then the team's pin, then the default; echoed on every response; frozen rows."""

from __future__ import annotations

import pytest

from tests.mockserver.conftest import REVOKED_KEY, assert_envelope

DEFAULT = "2026-05-15"
LATER = "2026-06-19"


def test_without_a_header_each_team_gets_its_pinned_version(client, acme, globex):
    versions = [client.get("/v1/characters", headers=team.headers).headers["aurous-version"] for team in (acme, globex)]

    assert [acme.pinned_version, globex.pinned_version] == versions
    assert [DEFAULT, LATER] == versions


@pytest.mark.parametrize("requested", [DEFAULT, LATER])
def test_the_header_wins_over_the_team_pin(client, globex, acme, requested):
    versions = {
        client.get("/v1/characters", headers={**team.headers, "Aurous-Version": requested}).headers["aurous-version"]
        for team in (acme, globex)
    }

    assert {requested} == versions


def test_an_unauthenticated_request_is_served_under_the_system_default(client):
    response = client.get("/v1/characters")

    assert DEFAULT == response.headers["aurous-version"]


def test_an_unauthenticated_request_echoes_a_known_requested_version(client):
    response = client.get("/v1/characters", headers={"Aurous-Version": LATER})

    assert LATER == response.headers["aurous-version"]


@pytest.mark.parametrize("value", ["2026-5-15", "yesterday", "20260515", "2026-05-15T00:00:00Z", ""])
def test_a_malformed_version_is_invalid_format_naming_the_header(client, globex, value):
    response = client.get("/v1/characters", headers={**globex.headers, "Aurous-Version": value})

    error = assert_envelope(response, 400, "invalid_format")
    assert ("invalid_request", "Aurous-Version") == (error["type"], error["param"])
    assert LATER == response.headers["aurous-version"]


@pytest.mark.parametrize("value", ["2099-01-01", "2026-05-16", "0000-00-00"])
def test_a_well_formed_unknown_version_is_unknown_version(client, acme, value):
    response = client.get("/v1/characters", headers={**acme.headers, "Aurous-Version": value})

    error = assert_envelope(response, 400, "unknown_version")
    assert "Aurous-Version" == error["param"]
    assert DEFAULT == response.headers["aurous-version"]


def test_a_bad_version_changes_nothing(api, acme, client):
    character = api.create_in(acme, "reviewing")

    response = client.post(f"/v1/characters/{character['id']}/save", headers={**acme.headers, "Aurous-Version": "x"})

    assert 400 == response.status_code
    assert "reviewing" == api.inspect(character["id"])["status"]


def test_the_version_is_echoed_on_errors_of_every_kind(client, globex):
    key = {"X-Api-Key": globex.key}
    responses = {
        "401 revoked": client.get("/v1/characters", headers={"X-Api-Key": REVOKED_KEY, "Aurous-Version": LATER}),
        "404 route": client.get("/v1/nowhere", headers=key),
        "404 route, header": client.get("/v1/nowhere", headers={"Aurous-Version": LATER}),
        "404 resource": client.get("/v1/characters/char_nope", headers=key),
        "400 validation": client.post("/v1/images", json={"prompt": ""}, headers=key),
        "405": client.put("/v1/characters", json={}, headers=key),
    }
    for _ in range(12):
        client.post("/v1/characters/x/resynthesize", json={}, headers=key)
    responses["429"] = client.post("/v1/characters/x/resynthesize", json={}, headers=key)

    echoed = {name: response.headers.get("aurous-version") for name, response in responses.items()}

    assert {name: LATER for name in responses} == echoed
    assert 429 == responses["429"].status_code


def test_the_row_version_is_frozen_at_creation(api, acme, client):
    created = client.post(
        "/v1/characters",
        json={"name": "v", "generate": True, "attributes": {}},
        headers={**acme.headers, "Aurous-Version": LATER},
    ).json()
    api.advance(3)
    client.post(f"/v1/characters/{created['id']}/save", headers={**acme.headers, "Aurous-Version": DEFAULT})
    client.patch(
        f"/v1/characters/{created['id']}", json={"name": "w"}, headers={**acme.headers, "Aurous-Version": DEFAULT}
    )

    response = client.get(f"/v1/characters/{created['id']}", headers={**acme.headers, "Aurous-Version": DEFAULT})

    assert LATER == created["aurous_version"]
    assert DEFAULT == response.headers["aurous-version"]
    assert LATER == response.json()["aurous_version"]


def test_a_row_created_under_the_team_pin_carries_the_pin(api, globex):
    character = api.create_uploaded(globex)

    assert LATER == character["aurous_version"]


def test_the_control_api_echoes_the_default_version(client):
    response = client.get("/_mock/teams")

    assert DEFAULT == response.headers["aurous-version"]
