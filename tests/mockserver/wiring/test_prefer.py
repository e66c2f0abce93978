"""`Prefer: outcome=...` chooses a synthesis's outcome per request, from a browser-like client (Origin,
preflight, then the request), without the control API."""

from __future__ import annotations

from tests.mockserver.wiring.conftest import LOCAL_ORIGIN, create, key_of


def browser_create(client, key, prefer):
    preflight = client.options(
        "/v1/characters",
        headers={
            "Origin": LOCAL_ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type,prefer,x-api-key",
        },
    )
    assert "prefer" in preflight.headers["access-control-allow-headers"]
    return create(client, key, Origin=LOCAL_ORIGIN, Prefer=prefer)


def test_prefer_outcome_fail_makes_this_synthesis_fail(client):
    key = key_of(client)
    character = browser_create(client, key, "outcome=fail").json()
    client.post("/_mock/clock/advance", json={"seconds": 3})

    seen = client.get(f"/v1/characters/{character['id']}", headers={"X-Api-Key": key}).json()

    assert "failed" == seen["status"]
    assert seen["error_message"]


def test_prefer_outcome_instant_finishes_the_synthesis_at_once(client):
    key = key_of(client)

    character = browser_create(client, key, "outcome=instant").json()

    assert "reviewing" == character["status"]


def test_without_prefer_the_synthesis_takes_its_configured_time(client):
    key = key_of(client)

    character = browser_create(client, key, "return=minimal").json()

    assert "synthesizing" == character["status"]
