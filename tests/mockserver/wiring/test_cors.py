"""CORS: a page on http://localhost:3000 can call the mock and read the Aurous headers."""

from __future__ import annotations

from tests.mockserver.wiring.conftest import LOCAL_ORIGIN, assert_envelope, create, key_of


def preflight(client, path="/v1/characters", origin=LOCAL_ORIGIN, headers="x-api-key,content-type,prefer"):
    return client.options(
        path,
        headers={"Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": headers},
    )


def test_a_preflight_from_localhost_is_answered_with_the_methods_and_the_requested_headers(client):
    response = preflight(client)

    assert 204 == response.status_code
    assert LOCAL_ORIGIN == response.headers["access-control-allow-origin"]
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "x-api-key,content-type,prefer" == response.headers["access-control-allow-headers"]


def test_a_preflight_for_the_control_api_is_answered_too(client):
    response = preflight(client, "/_mock/faults", headers="content-type,x-mock-token")

    assert 204 == response.status_code
    assert "x-mock-token" in response.headers["access-control-allow-headers"]


def test_any_localhost_port_and_loopback_address_is_allowed_by_default(client):
    for origin in ("http://localhost:5173", "http://127.0.0.1:8080", "https://localhost", "http://[::1]:3000"):
        assert origin == preflight(client, origin=origin).headers.get("access-control-allow-origin"), origin


def test_an_origin_outside_localhost_gets_no_cors_headers_by_default(client):
    response = client.get("/_mock/teams", headers={"Origin": "https://evil.example"})

    assert "access-control-allow-origin" not in response.headers
    assert "access-control-allow-origin" not in preflight(client, origin="https://evil.example").headers


def test_configured_origins_replace_the_localhost_default(make_client):
    client = make_client(cors_origins=("https://app.example.test",))

    assert (
        "https://app.example.test"
        == preflight(client, origin="https://app.example.test").headers["access-control-allow-origin"]
    )
    assert "access-control-allow-origin" not in preflight(client).headers


def test_a_star_origin_allows_any_origin(make_client):
    client = make_client(cors_origins=("*",))

    assert (
        "https://anywhere.example"
        == preflight(client, origin="https://anywhere.example").headers["access-control-allow-origin"]
    )


def test_responses_expose_the_aurous_headers_to_scripts(client):
    key = key_of(client)

    response = client.get("/v1/characters", headers={"X-Api-Key": key, "Origin": LOCAL_ORIGIN})

    assert 200 == response.status_code
    assert LOCAL_ORIGIN == response.headers["access-control-allow-origin"]
    exposed = {h.strip().lower() for h in response.headers["access-control-expose-headers"].split(",")}
    assert {"aurous-request-id", "aurous-version", "x-ratelimit-remaining", "retry-after"} <= exposed


def test_error_responses_from_the_gateway_carry_the_cors_headers_too(client):
    response = client.get("/v1/characters", headers={"Origin": LOCAL_ORIGIN})

    assert_envelope(response, 401, "missing_api_key")
    assert LOCAL_ORIGIN == response.headers["access-control-allow-origin"]


def test_the_fast_lane_answers_carry_the_cors_headers(client):
    key = key_of(client)
    character = create(client, key).json()

    response = client.get(f"/v1/characters/{character['id']}", headers={"X-Api-Key": key, "Origin": LOCAL_ORIGIN})

    assert 200 == response.status_code
    assert LOCAL_ORIGIN == response.headers["access-control-allow-origin"]
