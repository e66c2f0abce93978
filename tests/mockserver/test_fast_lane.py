"""The gateway's fast lane (retrieve and save served without Connexion) answers exactly as Connexion does.

The same request sequence runs against ``fast_lane=True`` and ``fast_lane=False`` apps whose manual clocks
start at the same instant; statuses, header names and values, and bodies must match once the values
neither side controls (ids, request ids, ref URL signatures, which are derived from the ids) are normalised.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

import pytest

from mockserver.app import create_app
from mockserver.settings import Settings
from tests.mockserver.conftest import REVOKED_KEY

T0 = datetime(2030, 1, 1, 12, 0, 0, tzinfo=UTC)
_IDS = re.compile(r"\b(char|req)_[0-9A-HJKMNP-TV-Z]{26}\b")
_TOKENS = re.compile(r"(token|signature)=[A-Za-z0-9_-]+")
_VOLATILE_HEADERS = {"aurous-request-id"}


class Normaliser:
    """Renames ids to their order of first appearance, so two runs minting different ids compare equal."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        def rename(match: re.Match[str]) -> str:
            return self.names.setdefault(match.group(0), f"<{match.group(1)}{len(self.names)}>")

        return _TOKENS.sub(r"\1=<t>", _IDS.sub(rename, text))


def _run(fast_lane: bool) -> list[dict[str, Any]]:
    app = create_app(Settings(clock="manual", fast_lane=fast_lane))
    app.state.clock.set(T0)
    client = app.test_client()
    teams = client.get("/_mock/teams").json()
    acme = {"X-Api-Key": teams[0]["api_keys"][0]}
    globex = {"X-Api-Key": teams[1]["api_keys"][0]}
    normalise = Normaliser()
    log: list[dict[str, Any]] = []

    def record(response) -> Any:
        headers = {k: v for k, v in response.headers.items() if k not in _VOLATILE_HEADERS}
        body = normalise(response.text)
        log.append({"status": response.status_code, "headers": sorted(headers.items()), "body": body})
        return response

    created = client.post("/v1/characters", json={"name": "F", "generate": True, "attributes": {}}, headers=acme)
    cid = created.json()["id"]
    normalise(cid)
    steps = [
        ("GET", f"/v1/characters/{cid}", acme),
        ("POST", f"/v1/characters/{cid}/save", acme),  # 400: synthesizing
        ("ADVANCE", 3, None),
        ("GET", f"/v1/characters/{cid}", acme),
        ("POST", f"/v1/characters/{cid}/save", acme),
        ("POST", f"/v1/characters/{cid}/save", acme),  # idempotent on ready
        ("GET", f"/v1/characters/{cid}", globex),  # another team's: 404
        ("POST", f"/v1/characters/{cid}/save", globex),
        ("GET", "/v1/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR", acme),
        ("POST", "/v1/characters/not-an-id/save", acme),
        ("GET", f"/v1/characters/{cid}", {}),  # 401 missing
        ("POST", f"/v1/characters/{cid}/save", {"X-Api-Key": REVOKED_KEY}),
        ("GET", f"/v1/characters/{cid}", {"Authorization": acme["X-Api-Key"].join(["Bearer ", ""])}),
        ("GET", f"/v1/characters/{cid}", {**acme, "Aurous-Version": "2026-13"}),
        ("POST", f"/v1/characters/{cid}/save", {**acme, "Aurous-Version": "2099-01-01"}),
        ("GET", f"/v1/characters/{cid}", {**acme, "Aurous-Version": "2026-06-19"}),
        ("DELETE", f"/v1/characters/{cid}", acme),
        ("GET", f"/v1/characters/{cid}", acme),  # soft-deleted: 404
        ("POST", f"/v1/characters/{cid}/save", acme),
    ]
    for method, target, headers in steps:
        if method == "ADVANCE":
            client.post("/_mock/clock/advance", json={"seconds": target})
            continue
        record(client.request(method, target, headers=headers))
    for _ in range(60):  # drain characters_post, then one more for the 429
        response = client.post(f"/v1/characters/{cid}/save", headers=acme)
    record(response)
    return log


@pytest.fixture(scope="module")
def runs() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return _run(fast_lane=True), _run(fast_lane=False)


def test_the_sequence_covers_successes_and_every_kind_of_error(runs):
    fast, _ = runs

    statuses = [entry["status"] for entry in fast]

    assert [200, 400, 200, 200, 200, 404, 404, 404, 404, 401, 401, 200, 400, 400, 200, 200, 404, 404, 429] == statuses


def test_the_fast_lane_answers_the_same_statuses_as_connexion(runs):
    fast, slow = runs

    assert [e["status"] for e in slow] == [e["status"] for e in fast]


def test_the_fast_lane_sends_the_same_header_names_as_connexion(runs):
    fast, slow = runs

    assert [[name for name, _ in e["headers"]] for e in slow] == [[name for name, _ in e["headers"]] for e in fast]


def test_the_fast_lane_sends_the_same_headers_and_bodies_as_connexion(runs):
    fast, slow = runs

    for index, (expected, actual) in enumerate(zip(slow, fast, strict=True)):
        assert (index, expected) == (index, actual)


def test_the_normalised_bodies_are_json(runs):
    fast, _ = runs

    decoded = [json.loads(entry["body"]) for entry in fast]

    assert all(isinstance(body, dict) for body in decoded)


def test_the_gateway_only_calls_the_lane_it_is_given():
    """The lane's handler table and byte writing live in fastlane.py; the gateway neither names a handler
    nor encodes a body itself."""
    import ast
    from pathlib import Path

    import mockserver.gateway

    tree = ast.parse(Path(mockserver.gateway.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}

    assert not imported & {"mockserver.api", "mockserver.api.characters", "mockserver.serialization"}
