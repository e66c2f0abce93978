"""The control API is local-only by default; --control-token protects it when the mock is shared."""

from __future__ import annotations

from mockserver.__main__ import parse_args, startup_warnings
from mockserver.control.hosts import is_loopback
from tests.mockserver.wiring.conftest import LOCAL_ORIGIN, assert_envelope

TOKEN = "s3cret-token"


def test_without_a_token_the_control_api_is_open(client):
    assert 200 == client.get("/_mock/teams").status_code


def test_with_a_token_a_control_request_without_it_is_401_in_the_envelope(make_client):
    client = make_client(control_token=TOKEN)

    error = assert_envelope(client.get("/_mock/teams"), 401, "missing_mock_token")

    assert ("authentication", "X-Mock-Token") == (error["type"], error["param"])


def test_with_a_token_a_wrong_token_is_401_and_changes_nothing(make_client):
    client = make_client(control_token=TOKEN, fixtures="every_state")

    assert_envelope(client.post("/_mock/reset", headers={"X-Mock-Token": "guess"}), 401, "invalid_mock_token")
    assert_envelope(
        client.put("/_mock/faults", json={"error_rate": 1}, headers={"X-Mock-Token": "x"}), 401, "invalid_mock_token"
    )
    assert 0 == client.get("/_mock/faults", headers={"X-Mock-Token": TOKEN}).json()["error_rate"]


def test_with_a_token_the_right_token_opens_the_control_api(make_client):
    client = make_client(control_token=TOKEN)

    assert 200 == client.get("/_mock/teams", headers={"X-Mock-Token": TOKEN}).status_code


def test_the_token_never_guards_the_public_api_or_the_control_docs(make_client):
    client = make_client(control_token=TOKEN)
    key = client.get("/_mock/teams", headers={"X-Mock-Token": TOKEN}).json()[0]["api_keys"][0]

    assert 200 == client.get("/v1/characters", headers={"X-Api-Key": key}).status_code
    assert 200 == client.get("/_mock/openapi.json").status_code
    assert 200 == client.get("/_mock/docs/").status_code


def test_a_browser_preflight_for_the_control_api_passes_without_the_token(make_client):
    client = make_client(control_token=TOKEN)

    response = client.options(
        "/_mock/teams",
        headers={
            "Origin": LOCAL_ORIGIN,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "x-mock-token",
        },
    )

    assert 204 == response.status_code


def test_loopback_hosts_are_recognised():
    assert [True, True, True, False, False] == [
        is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "192.168.1.4")
    ]


def test_binding_beyond_loopback_without_a_token_warns_at_start():
    warnings = startup_warnings(parse_args(["--host", "0.0.0.0"]))

    assert 1 == len(warnings)
    assert "--control-token" in warnings[0]


def test_binding_beyond_loopback_with_a_token_or_on_loopback_does_not_warn():
    assert [] == startup_warnings(parse_args(["--host", "0.0.0.0", "--control-token", TOKEN]))
    assert [] == startup_warnings(parse_args([]))


def test_the_flags_reach_the_settings():
    settings = parse_args(
        [
            "--cors-origin",
            "https://a.test",
            "--cors-origin",
            "https://b.test",
            "--control-token",
            TOKEN,
            "--state-file",
            "s.json",
            "--fixtures",
            "every_state",
            "--latency-ms",
            "20",
            "--error-rate",
            "0.1",
            "--rate-limit-rate",
            "0.2",
            "--synthesis-failure-rate",
            "0.5",
            "--request-log-size",
            "9",
        ]
    )

    assert ("https://a.test", "https://b.test") == settings.cors_origins
    assert (TOKEN, "s.json", "every_state", 9) == (
        settings.control_token,
        str(settings.state_file),
        settings.fixtures,
        settings.request_log_size,
    )
    assert (20, 0.1, 0.2, 0.5) == (
        settings.faults.latency_ms,
        settings.faults.error_rate,
        settings.faults.rate_limit_rate,
        settings.faults.synthesis_failure_rate,
    )
