"""Teams and authentication: keys, the Bearer alias, the three 401 codes, and per-team isolation."""

from __future__ import annotations

import pytest

from mockserver.domain.model import Team as TeamRow
from tests.mockserver.conftest import REVOKED_KEY, SYNTHESIS_SECONDS, Api, assert_envelope

UNKNOWN_KEY = "al_live_" + "0" * 64

OPERATIONS = [
    ("GET", "/v1/characters", None),
    ("POST", "/v1/characters", {"name": "x", "generate": True, "attributes": {}}),
    ("GET", "/v1/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR", None),
    ("PATCH", "/v1/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR", {"name": "x"}),
    ("DELETE", "/v1/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR", None),
    ("POST", "/v1/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/save", None),
    ("POST", "/v1/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/refs/regenerate", {"pose": "side"}),
    ("POST", "/v1/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/resynthesize", {}),
    ("POST", "/v1/characters/uploads/init", {"extension": "png", "content_type": "image/png"}),
    ("POST", "/v1/characters/uploads/classify", {"upload_id": "upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR"}),
    ("POST", "/v1/images", {"prompt": "p"}),
    ("GET", "/v1/balance", None),
]


def _call(client, method, path, body, headers):
    return client.request(method, path, json=body, headers=headers)


def test_the_control_api_lists_both_demo_teams_with_different_pins(api):
    teams = api.teams()

    assert 2 == len(teams)
    assert ["2026-05-15", "2026-06-19"] == [team.pinned_version for team in teams]


@pytest.mark.parametrize(("method", "path", "body"), OPERATIONS)
def test_every_operation_without_a_key_is_missing_api_key(client, method, path, body):
    response = _call(client, method, path, body, {})

    error = assert_envelope(response, 401, "missing_api_key")
    assert "authentication" == error["type"]


@pytest.mark.parametrize(("method", "path", "body"), OPERATIONS)
def test_every_operation_with_a_revoked_key_is_revoked_api_key(client, method, path, body):
    response = _call(client, method, path, body, {"X-Api-Key": REVOKED_KEY})

    assert_envelope(response, 401, "revoked_api_key")


@pytest.mark.parametrize("key", [UNKNOWN_KEY, "al_live_short", "not a key", "AL_LIVE_" + "a" * 64])
def test_an_unknown_or_malformed_key_is_invalid_api_key(client, key):
    response = client.get("/v1/characters", headers={"X-Api-Key": key})

    assert_envelope(response, 401, "invalid_api_key")


def test_a_revoked_key_sent_as_bearer_is_revoked_api_key(client):
    response = client.get("/v1/characters", headers={"Authorization": f"Bearer {REVOKED_KEY}"})

    assert_envelope(response, 401, "revoked_api_key")


def test_the_bearer_alias_authenticates_as_the_same_team(api, acme, client):
    character = api.create_in(acme, "ready")

    response = client.get(f"/v1/characters/{character['id']}", headers={"Authorization": f"Bearer {acme.key}"})

    assert 200 == response.status_code
    assert character == response.json()


def test_a_non_bearer_authorization_scheme_is_missing_api_key(client, acme):
    response = client.get("/v1/characters", headers={"Authorization": f"Basic {acme.key}"})

    assert_envelope(response, 401, "missing_api_key")


def test_a_401_carries_no_rate_limit_headers_and_takes_no_token(client, acme):
    refused = client.get("/v1/characters", headers={"X-Api-Key": UNKNOWN_KEY})

    after = client.get("/v1/characters", headers=acme.headers)

    assert "x-ratelimit-limit" not in refused.headers
    assert "239" == after.headers["x-ratelimit-remaining"]


def test_a_legacy_og_key_from_the_config_authenticates(make_app):
    key = "og_" + "ab" * 32
    app = make_app(teams=(TeamRow(id="team_legacy", name="Legacy", api_keys=(key,), credits=10),))
    client = app.test_client()

    response = client.get("/v1/balance", headers={"X-Api-Key": key})

    assert (200, 10) == (response.status_code, response.json()["credits"])


# -- isolation ------------------------------------------------------------------------------------


def test_another_teams_character_is_not_found_on_retrieve(api, acme, globex):
    character = api.create_in(acme, "ready")

    response = api.get(globex, character["id"])

    assert_envelope(response, 404, "resource_not_found")


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("POST", "/save", None),
        ("DELETE", "", None),
        ("PATCH", "", {"name": "hijacked"}),
        ("POST", "/refs/regenerate", {"pose": "side"}),
        ("POST", "/resynthesize", {}),
    ],
)
@pytest.mark.parametrize("status", ["reviewing", "ready"])
def test_another_teams_write_is_not_found_and_changes_nothing(api, acme, globex, client, method, suffix, body, status):
    character = api.create_in(acme, status)
    before = api.inspect(character["id"])
    balances = (api.balance(acme), api.balance(globex))

    response = client.request(method, f"/v1/characters/{character['id']}{suffix}", json=body, headers=globex.headers)
    api.advance(SYNTHESIS_SECONDS)

    assert_envelope(response, 404, "resource_not_found")
    assert before == api.inspect(character["id"])
    assert balances == (api.balance(acme), api.balance(globex))


def test_lists_are_per_team(api, acme, globex, client):
    mine = api.create_uploaded(acme)
    theirs = api.create_uploaded(globex)

    lists = [
        [c["id"] for c in client.get("/v1/characters", headers=team.headers).json()["data"]] for team in (acme, globex)
    ]

    assert [[mine["id"]], [theirs["id"]]] == lists


def test_credit_balances_are_per_team(api, acme, globex):
    api.create_synthesizing(acme)

    balances = (api.balance(acme), api.balance(globex))

    assert (996, 1000) == balances


def test_a_key_of_one_team_cannot_see_the_other_teams_uploads(api, acme, globex, client):
    upload_id = api.upload(acme)

    response = client.post("/v1/characters/uploads/classify", json={"upload_id": upload_id}, headers=globex.headers)

    assert_envelope(response, 404, "resource_not_found")


def test_the_upload_put_needs_no_key_and_ignores_a_wrong_one(client, acme):
    ticket = client.post(
        "/v1/characters/uploads/init", json={"extension": "png", "content_type": "image/png"}, headers=acme.headers
    ).json()

    response = client.put(
        ticket["upload_url"], content=b"bytes", headers={"Content-Type": "image/png", "X-Api-Key": UNKNOWN_KEY}
    )

    assert 204 == response.status_code


def test_api_helper_sees_two_distinct_keys(api):
    acme, globex = api.teams()

    assert acme.key != globex.key
    assert isinstance(api, Api)
