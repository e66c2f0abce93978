"""A replay is the original response, framing included (issue 10, item 17).

Same status, body, Content-Length, Content-Type and Aurous-Version as the original; new Aurous-Request-Id;
X-RateLimit-* describe the bucket now (the replay took a token); plus Aurous-Idempotent-Replayed: true.
"""

from __future__ import annotations

from tests.mockserver.conftest import Api, Team

BODY = {"name": "Aurora", "generate": True, "attributes": {"age": 28}}


def _create(api: Api, team: Team, **headers: str):
    return api.client.post(
        "/v1/characters", json=BODY, headers={**team.headers, "Idempotency-Key": "frame-1", **headers}
    )


def test_a_replay_has_the_originals_content_length_and_is_not_chunked(api: Api, acme: Team) -> None:
    original = _create(api, acme)
    replay = _create(api, acme)

    assert replay.headers["aurous-idempotent-replayed"] == "true"
    assert "transfer-encoding" not in replay.headers
    assert replay.headers["content-length"] == original.headers["content-length"] == str(len(original.content))
    assert replay.content == original.content
    assert replay.status_code == original.status_code


def test_a_replay_echoes_the_originals_version_not_the_replaying_requests(api: Api, acme: Team) -> None:
    original = _create(api, acme, **{"Aurous-Version": "2026-06-19"})
    replay = _create(api, acme)  # acme is pinned to 2026-05-15

    assert original.headers["aurous-version"] == "2026-06-19"
    assert replay.headers["aurous-version"] == "2026-06-19"
    assert replay.json()["aurous_version"] == original.json()["aurous_version"]


def test_a_replay_differs_from_the_original_only_in_request_id_rate_headers_and_the_replay_flag(
    api: Api, acme: Team
) -> None:
    original = _create(api, acme)
    replay = _create(api, acme)
    per_request = {"aurous-request-id", "x-ratelimit-remaining", "x-ratelimit-reset", "aurous-idempotent-replayed"}
    per_request.add("date")  # a real server (uvicorn) dates every response it sends, the replay included

    assert {k: v for k, v in replay.headers.items() if k not in per_request} == {
        k: v for k, v in original.headers.items() if k not in per_request
    }
    assert replay.headers["aurous-request-id"] != original.headers["aurous-request-id"]
