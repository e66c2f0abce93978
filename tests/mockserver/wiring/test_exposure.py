"""What a hostile page or a log reader could get from the mock (issue 10, items 9 and 10)."""

from __future__ import annotations

import pytest

from mockserver.__main__ import parse_args
from tests.mockserver.wiring.conftest import assert_envelope, key_of

LOOPBACK = ("localhost", "127.0.0.1", "::1")


# -- item 9: Host allow-list ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"), [("GET", "/_mock/teams"), ("POST", "/_mock/reset"), ("GET", "/_mock/requests")]
)
def test_a_foreign_host_cannot_reach_the_control_api(make_client, method, path) -> None:
    client = make_client(allowed_hosts=LOOPBACK, fixtures="every_state")
    before = client.get("/_mock/characters", headers={"Host": "127.0.0.1:8000"}).json()

    response = client.request(method, path, headers={"Host": "attacker.example"})

    error = assert_envelope(response, 400, "host_not_allowed")
    assert error["param"] == "Host"
    assert "al_live_" not in response.text
    assert client.get("/_mock/characters", headers={"Host": "127.0.0.1:8000"}).json() == before


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1", "[::1]:8000", "LOCALHOST"])
def test_loopback_hosts_reach_the_control_api(make_client, host) -> None:
    client = make_client(allowed_hosts=LOOPBACK)

    assert client.get("/_mock/teams", headers={"Host": host}).status_code == 200


def test_an_extra_allowed_host_is_accepted(make_client) -> None:
    client = make_client(allowed_hosts=(*LOOPBACK, "mock.internal"))

    assert client.get("/_mock/teams", headers={"Host": "mock.internal:8000"}).status_code == 200


def test_the_cli_defaults_to_loopback_names_when_bound_to_loopback() -> None:
    assert set(parse_args([]).allowed_hosts) >= set(LOOPBACK)
    assert parse_args(["--allowed-host", "mock.internal"]).allowed_hosts[-1] == "mock.internal"
    assert parse_args(["--allowed-host", "*"]).allowed_hosts is None


def test_the_cli_binding_beyond_loopback_checks_no_host_by_default() -> None:
    # Containers are reached under names the mock cannot know; --control-token protects that case.
    assert parse_args(["--host", "0.0.0.0"]).allowed_hosts is None


# -- item 10: secrets never reach the request log ------------------------------------------------------


def test_a_key_in_the_query_string_is_redacted_in_the_request_log(client) -> None:
    key = key_of(client)

    client.get(f"/v1/characters?api_key={key}&limit=5", headers={"X-Api-Key": key})
    client.get(f"/v1/balance?x={key}")

    logged = client.get("/_mock/requests").json()
    assert key not in str(logged)
    assert "limit=5" in logged[1]["query"]
    assert "api_key=%5Bredacted%5D" in logged[1]["query"] or "api_key=[redacted]" in logged[1]["query"]


def test_an_upload_signature_is_redacted_in_the_request_log(client) -> None:
    key = key_of(client)
    ticket = client.post(
        "/v1/characters/uploads/init",
        json={"filename": "a.png", "extension": "png", "content_type": "image/png"},
        headers={"X-Api-Key": key},
    ).json()
    signature = ticket["upload_url"].split("signature=")[1]
    client.put(ticket["upload_url"], content=b"\x89PNG", headers={"Content-Type": "image/png"})

    assert signature not in str(client.get("/_mock/requests").json())
