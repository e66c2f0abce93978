"""Idempotency-Key: replay, conflicts, 24 h expiry, 4xx not cached, per-team scope."""

from __future__ import annotations

import json

import pytest

from tests.mockserver.conftest import ATTRIBUTES, assert_envelope

BODY = {"name": "Idem", "generate": True, "attributes": ATTRIBUTES}


def _create(client, team, key, body=BODY, **headers):
    return client.post("/v1/characters", json=body, headers={**team.headers, "Idempotency-Key": key, **headers})


def _count(client, team):
    return len(client.get("/v1/characters", params={"limit": 100}, headers=team.headers).json()["data"])


def test_a_retry_with_the_same_key_and_body_replays_the_original(api, acme, client):
    first = _create(client, acme, "k1")
    api.advance(5)  # the original has finished synthesizing since: the replay still shows the cached 201

    second = _create(client, acme, "k1")

    assert (201, 201) == (first.status_code, second.status_code)
    assert first.content == second.content
    assert "true" == second.headers["aurous-idempotent-replayed"]
    assert "aurous-idempotent-replayed" not in first.headers


def test_a_replay_charges_nothing_and_creates_nothing(api, acme, client):
    _create(client, acme, "k1")
    balance = api.balance(acme)

    _create(client, acme, "k1")

    assert (balance, 1) == (api.balance(acme), _count(client, acme))


def test_a_replay_gets_its_own_request_id(acme, client):
    first = _create(client, acme, "k1")

    second = _create(client, acme, "k1")

    assert first.headers["aurous-request-id"] != second.headers["aurous-request-id"]


def test_the_same_body_in_another_key_order_and_spacing_replays(acme, client):
    first = _create(client, acme, "k1")
    raw = json.dumps(dict(reversed(list(BODY.items()))), indent=4)

    second = client.post(
        "/v1/characters",
        content=raw,
        headers={**acme.headers, "Idempotency-Key": "k1", "Content-Type": "application/json"},
    )

    assert "true" == second.headers.get("aurous-idempotent-replayed")
    assert first.content == second.content


def test_the_same_key_with_a_different_body_is_a_conflict(api, acme, client):
    _create(client, acme, "k1")
    balance = api.balance(acme)

    response = _create(client, acme, "k1", body={**BODY, "name": "Other"})

    error = assert_envelope(response, 409, "idempotency_key_in_use")
    assert "Idempotency-Key" == error["param"]
    assert (balance, 1) == (api.balance(acme), _count(client, acme))


def test_the_same_key_on_a_different_route_is_a_conflict(api, acme, client):
    character = api.create_in(acme, "ready")
    first = client.post(
        f"/v1/characters/{character['id']}/resynthesize", json={}, headers={**acme.headers, "Idempotency-Key": "k2"}
    )
    assert 200 == first.status_code

    response = client.post("/v1/images", json={}, headers={**acme.headers, "Idempotency-Key": "k2"})

    assert_envelope(response, 409, "idempotency_key_in_use")


def test_a_key_expires_after_24_hours(api, acme, client):
    _create(client, acme, "k1")
    api.advance(86_399)
    assert "true" == _create(client, acme, "k1").headers.get("aurous-idempotent-replayed")
    api.advance(1)
    balance = api.balance(acme)

    response = _create(client, acme, "k1")

    assert 201 == response.status_code
    assert "aurous-idempotent-replayed" not in response.headers
    assert (balance - 4, 2) == (api.balance(acme), _count(client, acme))


def test_a_4xx_original_is_not_cached_so_a_fixed_retry_succeeds(api, acme, client):
    broken = _create(client, acme, "k1", body={"name": "Idem", "generate": True})
    assert 400 == broken.status_code

    fixed = _create(client, acme, "k1")

    assert 201 == fixed.status_code
    assert "aurous-idempotent-replayed" not in fixed.headers


def test_a_402_original_is_not_cached(make_app):
    from dataclasses import replace

    from mockserver.settings import DEMO_TEAMS
    from tests.mockserver.conftest import Api

    app = make_app(teams=(replace(DEMO_TEAMS[0], credits=3),))
    client = app.test_client()
    team = Api(client).teams()[0]
    assert 402 == _create(client, team, "k1").status_code

    response = _create(client, team, "k1")

    assert_envelope(response, 402, "insufficient_credits")


def test_keys_are_scoped_per_team(api, acme, globex, client):
    mine = _create(client, acme, "shared")

    theirs = _create(client, globex, "shared")

    assert 201 == theirs.status_code
    assert "aurous-idempotent-replayed" not in theirs.headers
    assert mine.json()["id"] != theirs.json()["id"]
    assert (996, 996) == (api.balance(acme), api.balance(globex))


def test_images_replay_without_a_second_charge(api, acme, client):
    headers = {**acme.headers, "Idempotency-Key": "img-1"}
    first = client.post("/v1/images", json={"prompt": "a cat"}, headers=headers)

    second = client.post("/v1/images", json={"prompt": "a cat"}, headers=headers)

    assert (202, 202) == (first.status_code, second.status_code)
    assert first.content == second.content
    assert 999 == api.balance(acme)


@pytest.mark.parametrize("route", ["refs/regenerate", "resynthesize"])
def test_regenerate_and_resynthesize_replay_without_a_second_charge(api, acme, client, route):
    character = api.create_in(acme, "ready")
    body = {"pose": "side"} if route == "refs/regenerate" else {}
    headers = {**acme.headers, "Idempotency-Key": "again"}
    first = client.post(f"/v1/characters/{character['id']}/{route}", json=body, headers=headers)
    balance = api.balance(acme)

    second = client.post(f"/v1/characters/{character['id']}/{route}", json=body, headers=headers)

    assert first.content == second.content
    assert balance == api.balance(acme)


def test_a_key_longer_than_256_characters_is_invalid(acme, client):
    response = _create(client, acme, "k" * 257)

    error = assert_envelope(response, 400, "invalid_format")
    assert "Idempotency-Key" == error["param"]
    assert 0 == _count(client, acme)


def test_reset_forgets_idempotency_keys(acme, client):
    _create(client, acme, "k1")
    client.post("/_mock/reset")

    response = _create(client, acme, "k1")

    assert "aurous-idempotent-replayed" not in response.headers


def test_a_key_evicted_by_the_cap_runs_afresh_as_a_new_request(make_app):
    from starlette.testclient import TestClient

    client = TestClient(make_app(idempotency_max_keys=2))
    key = client.get("/_mock/teams").json()[0]["api_keys"][0]
    body = {"prompt": "a cat"}

    def post(idempotency_key):
        return client.post("/v1/images", json=body, headers={"X-Api-Key": key, "Idempotency-Key": idempotency_key})

    first = post("k1")
    post("k2")
    post("k3")  # the cap is 2: k1, the oldest, is forgotten
    again = post("k1")

    assert again.status_code == 202
    assert "aurous-idempotent-replayed" not in again.headers
    assert again.json()["id"] != first.json()["id"]
