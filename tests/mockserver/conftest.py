"""Fixtures for the mock server's HTTP-level tests.

Every test gets a fresh app on a manual clock and a Starlette TestClient. The demo teams' keys are read
from ``GET /_mock/teams`` (never copied from settings), and ``Api`` puts characters into any state the
way a client would: through the public API, with ``/_mock`` only to move the clock or look inside.

``AUROUS_TEST_ROUND_ROBIN=1``: every app is on the Redis store (the session's redis-server, a prefix of its
own) and ``client`` alternates its requests between two apps on that one state: each request answered by
the other replica (in this process; the two-process run goes through a round-robin proxy).
"""

from __future__ import annotations

import os
import re
import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)

from starlette.testclient import TestClient  # noqa: E402

from mockserver.app import create_app  # noqa: E402
from mockserver.settings import DEMO_TEAMS, Settings  # noqa: E402

REQUEST_ID = re.compile(r"^req_[0-9A-HJKMNP-TV-Z]{26}$")
ENVELOPE_KEYS = {"type", "code", "message", "param", "doc_url", "request_id"}
ERROR_TYPES = {"invalid_request", "authentication", "not_found", "rate_limit", "server_error"}
SYNTHESIS_SECONDS = 3.0
ATTRIBUTES = {"gender": "female", "age": 28, "hair_color": "black"}
# The demo team Acme's revoked key (the control API lists live keys only).
REVOKED_KEY = DEMO_TEAMS[0].revoked_keys[0]


def assert_envelope(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is the Aurous error envelope with this status (and code); returns error{}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json"), response.headers
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == ENVELOPE_KEYS
    assert error["type"] in ERROR_TYPES
    assert error["param"] is None or isinstance(error["param"], str), error
    assert isinstance(error["message"], str) and error["message"]
    assert REQUEST_ID.fullmatch(error["request_id"])
    assert error["doc_url"] == f"https://docs.aurous-labs.com/errors#{error['code']}"
    assert response.headers["aurous-request-id"] == error["request_id"]
    assert "aurous-version" in response.headers
    if code is not None:
        assert error["code"] == code, error
    return error


@dataclass
class Team:
    id: str
    key: str
    pinned_version: str | None
    credits: int

    @property
    def headers(self) -> dict[str, str]:
        return {"X-Api-Key": self.key}


class Api:
    """A client of one app: public calls per team, plus the /_mock calls the tests need."""

    def __init__(self, client: TestClient) -> None:
        self.client = client

    def teams(self) -> list[Team]:
        response = self.client.get("/_mock/teams")
        assert response.status_code == 200, response.text
        return [Team(t["id"], t["api_keys"][0], t["pinned_version"], t["credits"]) for t in response.json()]

    # -- /_mock ------------------------------------------------------------------------------------

    def advance(self, seconds: float) -> None:
        response = self.client.post("/_mock/clock/advance", json={"seconds": seconds})
        assert response.status_code == 200, response.text

    def inspect(self, character_id: str) -> dict[str, Any]:
        response = self.client.get(f"/_mock/characters/{character_id}")
        assert response.status_code == 200, response.text
        return response.json()

    def force(self, character_id: str, status: str, **extra: Any) -> dict[str, Any]:
        response = self.client.put(f"/_mock/characters/{character_id}/status", json={"status": status, **extra})
        assert response.status_code == 200, response.text
        return response.json()

    # -- public ------------------------------------------------------------------------------------

    def balance(self, team: Team) -> int:
        response = self.client.get("/v1/balance", headers=team.headers)
        assert response.status_code == 200, response.text
        return response.json()["credits"]

    def get(self, team: Team, character_id: str) -> Any:
        return self.client.get(f"/v1/characters/{character_id}", headers=team.headers)

    def save(self, team: Team, character_id: str) -> Any:
        return self.client.post(f"/v1/characters/{character_id}/save", headers=team.headers)

    def create_synthesizing(self, team: Team, *, fail: bool = False, **body: Any) -> dict[str, Any]:
        headers = dict(team.headers)
        if fail:
            headers["Prefer"] = "outcome=fail"
        payload = {"name": "Aurora", "generate": True, "attributes": ATTRIBUTES, **body}
        response = self.client.post("/v1/characters", json=payload, headers=headers)
        assert response.status_code == 201, response.text
        return response.json()

    def upload(self, team: Team, data: bytes = b"\x89PNG fake image", filename: str = "front.png") -> str:
        init = self.client.post(
            "/v1/characters/uploads/init",
            json={"filename": filename, "extension": "png", "content_type": "image/png"},
            headers=team.headers,
        )
        assert init.status_code == 201, init.text
        ticket = init.json()
        put = self.client.put(ticket["upload_url"], content=data, headers={"Content-Type": "image/png"})
        assert put.status_code == 204, put.text
        return ticket["upload_id"]

    def create_uploaded(self, team: Team, **body: Any) -> dict[str, Any]:
        upload_id = self.upload(team)
        response = self.client.post(
            "/v1/characters", json={"name": "Uploaded", "upload_ids": [upload_id], **body}, headers=team.headers
        )
        assert response.status_code == 201, response.text
        return response.json()

    def create_in(self, team: Team, status: str) -> dict[str, Any]:
        """A character brought to ``status`` by the public API (and the clock); returns its public body."""
        character = self.create_synthesizing(team, fail=status == "failed")
        if status == "synthesizing":
            return character
        self.advance(SYNTHESIS_SECONDS)
        if status in ("ready", "deleted"):
            assert self.save(team, character["id"]).status_code == 200
        if status == "deleted":
            assert self.client.delete(f"/v1/characters/{character['id']}", headers=team.headers).status_code == 200
        public = self.inspect(character["id"])
        assert public["status"] == status, public
        return {k: v for k, v in public.items() if k in character}


ROUND_ROBIN = bool(os.environ.get("AUROUS_TEST_ROUND_ROBIN"))


@pytest.fixture
def make_app(request: pytest.FixtureRequest) -> Callable[..., Any]:
    """A fresh app on a manual clock; keyword arguments override Settings."""
    shared = {"store": request.getfixturevalue("redis_url")} if ROUND_ROBIN else {}

    def make(**overrides: Any) -> Any:
        if shared and "state_file" not in overrides:
            overrides = {**shared, "redis_prefix": uuid.uuid4().hex, **overrides}
        return create_app(Settings(clock="manual", **overrides))

    return make


@pytest.fixture
def app(make_app: Callable[..., Any]) -> Any:
    return make_app()


class RoundRobin:
    """A TestClient's request methods, alternating between two clients (two replicas of one Redis state)."""

    def __init__(self, clients: list[TestClient]) -> None:
        self.clients = clients
        self.turn = 0

    def _next(self) -> TestClient:
        self.turn += 1
        return self.clients[self.turn % len(self.clients)]

    def request(self, *args: Any, **kwargs: Any) -> Any:
        return self._next().request(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        if name in ("get", "post", "put", "patch", "delete", "options", "head"):
            return lambda *args, **kwargs: getattr(self._next(), name)(*args, **kwargs)
        return getattr(self.clients[0], name)


@pytest.fixture
def client(app: Any) -> Iterator[Any]:
    if not ROUND_ROBIN or app.state.replica is None:
        with app.test_client() as test_client:
            yield test_client
        return
    other = create_app(app.state.settings)
    with app.test_client() as test_client, other.test_client() as other_client:
        yield RoundRobin([test_client, other_client])


@pytest.fixture
def api(client: TestClient) -> Api:
    return Api(client)


@pytest.fixture
def acme(api: Api) -> Team:
    return api.teams()[0]


@pytest.fixture
def globex(api: Api) -> Team:
    return api.teams()[1]
