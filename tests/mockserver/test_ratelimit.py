"""Token buckets per team, as CONTRACT.md's table; headers on every metered response."""

from __future__ import annotations

import pytest

from tests.mockserver.conftest import ATTRIBUTES, assert_envelope

CHAR = "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR"


def _now(client) -> float:
    from datetime import datetime

    text = client.post("/_mock/clock/advance", json={"seconds": 0}).json()["now"]
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def _synthesize(client, team):
    return client.post(
        "/v1/characters", json={"name": "r", "generate": True, "attributes": ATTRIBUTES}, headers=team.headers
    )


@pytest.mark.parametrize(
    ("bucket", "method", "path", "body", "burst"),
    [
        ("characters_get", "GET", "/v1/characters", None, 240),
        ("characters_get", "GET", f"/v1/characters/{CHAR}", None, 240),
        ("characters_post", "POST", f"/v1/characters/{CHAR}/save", None, 60),
        ("characters_post", "DELETE", f"/v1/characters/{CHAR}", None, 60),
        ("characters_post", "PATCH", f"/v1/characters/{CHAR}", {"name": "n"}, 60),
        (
            "characters_post",
            "POST",
            "/v1/characters/uploads/init",
            {"extension": "png", "content_type": "image/png"},
            60,
        ),
        ("characters_post", "POST", "/v1/characters/uploads/classify", {"upload_id": "upl_x"}, 60),
        ("characters_post", "POST", "/v1/characters", {"name": "u", "upload_ids": ["upl_x"]}, 60),
        ("characters_synthesize", "POST", "/v1/characters", {"name": "s", "generate": True, "attributes": {}}, 12),
        ("characters_synthesize", "POST", f"/v1/characters/{CHAR}/refs/regenerate", {"pose": "side"}, 12),
        ("characters_synthesize", "POST", f"/v1/characters/{CHAR}/resynthesize", {}, 12),
        ("images_post", "POST", "/v1/images", {"prompt": "p"}, 120),
    ],
)
def test_each_metered_operation_draws_from_its_bucket_and_says_so(client, acme, bucket, method, path, body, burst):
    first = client.request(method, path, json=body, headers=acme.headers)
    second = client.request(method, path, json=body, headers=acme.headers)

    figures = [(r.headers["x-ratelimit-limit"], r.headers["x-ratelimit-remaining"]) for r in (first, second)]

    assert [(str(burst), str(burst - 1)), (str(burst), str(burst - 2))] == figures
    assert int(first.headers["x-ratelimit-reset"]) >= _now(client)


def test_unmetered_operations_carry_no_rate_limit_headers(client, acme):
    response = client.get("/v1/balance", headers=acme.headers)

    assert not any(name.startswith("x-ratelimit") for name in response.headers)


def test_the_synthesize_bucket_allows_its_burst_then_refuses_with_429(api, acme, client):
    burst = [_synthesize(client, acme) for _ in range(12)]
    before = api.balance(acme)

    refused = _synthesize(client, acme)

    assert [201] * 12 == [r.status_code for r in burst]
    error = assert_envelope(refused, 429, "too_many_requests")
    assert "rate_limit" == error["type"]
    assert "characters_synthesize" in error["message"]
    assert "10" == refused.headers["retry-after"]
    assert "0" == refused.headers["x-ratelimit-remaining"]
    assert before == api.balance(acme)
    assert 12 == len(client.get("/v1/characters", params={"limit": 100}, headers=acme.headers).json()["data"])


def test_the_get_bucket_allows_240_then_refuses(client, acme):
    statuses = [client.get("/v1/characters", headers=acme.headers).status_code for _ in range(241)]

    assert [200] * 240 + [429] == statuses


def test_a_bucket_refills_at_its_sustained_rate_on_the_clock(api, acme, client):
    for _ in range(12):
        _synthesize(client, acme)
    api.advance(9)
    assert 429 == _synthesize(client, acme).status_code
    api.advance(1)

    statuses = [_synthesize(client, acme).status_code for _ in range(2)]

    assert [201, 429] == statuses


def test_the_reset_header_names_the_second_the_bucket_is_full_again(client, acme):
    now = _now(client)

    response = _synthesize(client, acme)

    assert int(now) + 10 == int(response.headers["x-ratelimit-reset"])


def test_one_teams_exhausted_bucket_leaves_the_other_team_alone(client, acme, globex):
    for _ in range(13):
        _synthesize(client, acme)

    response = _synthesize(client, globex)

    assert 201 == response.status_code
    assert "11" == response.headers["x-ratelimit-remaining"]


def test_an_exhausted_bucket_leaves_the_other_buckets_alone(client, acme):
    for _ in range(13):
        _synthesize(client, acme)

    response = client.get("/v1/characters", headers=acme.headers)

    assert 200 == response.status_code


def test_without_rate_limits_nothing_is_refused_but_the_headers_remain(make_app):
    app = make_app(rate_limits=False)
    client = app.test_client()
    key = {"X-Api-Key": client.get("/_mock/teams").json()[0]["api_keys"][0]}

    responses = [client.get("/v1/characters", headers=key) for _ in range(300)]

    assert {200} == {r.status_code for r in responses}
    assert all("x-ratelimit-limit" in r.headers and "x-ratelimit-remaining" in r.headers for r in responses)
    assert all("x-ratelimit-reset" in r.headers for r in responses)


def test_reset_refills_the_buckets(client, acme):
    for _ in range(13):
        _synthesize(client, acme)

    assert 204 == client.post("/_mock/reset").status_code

    assert 201 == _synthesize(client, acme).status_code
