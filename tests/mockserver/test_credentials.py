"""Ambiguous credentials are refused, never resolved by header order (issue 10, item 8)."""

from __future__ import annotations

import pytest

from tests.mockserver.conftest import Api, Team, assert_envelope


def test_two_different_api_keys_are_401_ambiguous_credentials(api: Api, acme: Team, globex: Team) -> None:
    response = api.client.get("/v1/characters", headers=[("X-Api-Key", acme.key), ("X-Api-Key", globex.key)])

    error = assert_envelope(response, 401, "ambiguous_credentials")
    assert error["type"] == "authentication"


def test_a_key_and_a_different_bearer_are_401_ambiguous_credentials(api: Api, acme: Team, globex: Team) -> None:
    response = api.client.get(
        "/v1/characters", headers={"X-Api-Key": acme.key, "Authorization": f"Bearer {globex.key}"}
    )

    assert_envelope(response, 401, "ambiguous_credentials")


def test_two_bearer_headers_with_different_keys_are_ambiguous(api: Api, acme: Team, globex: Team) -> None:
    response = api.client.get(
        "/v1/balance", headers=[("Authorization", f"Bearer {acme.key}"), ("Authorization", f"Bearer {globex.key}")]
    )

    assert_envelope(response, 401, "ambiguous_credentials")


@pytest.mark.parametrize(
    "headers",
    [
        "same-key-twice",
        "key-and-same-bearer",
    ],
)
def test_the_same_key_said_twice_is_not_ambiguous(api: Api, acme: Team, headers: str) -> None:
    sent = (
        [("X-Api-Key", acme.key), ("X-Api-Key", acme.key)]
        if headers == "same-key-twice"
        else [("X-Api-Key", acme.key), ("Authorization", f"Bearer {acme.key}")]
    )

    response = api.client.get("/v1/balance", headers=sent)

    assert response.status_code == 200, response.text


def test_ambiguous_credentials_touch_no_team(api: Api, acme: Team, globex: Team) -> None:
    before = (api.balance(acme), api.balance(globex))

    response = api.client.post(
        "/v1/characters",
        json={"name": "A", "generate": True, "attributes": {"age": 3}},
        headers=[("X-Api-Key", globex.key), ("X-Api-Key", acme.key)],
    )

    assert_envelope(response, 401, "ambiguous_credentials")
    assert (api.balance(acme), api.balance(globex)) == before
    assert "x-ratelimit-remaining" not in response.headers
