"""Fixtures for the mock server's HTTP-level tests.

Tests on the default settings share one mock (``default_mock``), brought back to its start before each
test through the public control API only (``SharedMock.restore``). It comes in two kinds, and every test
on it runs against both:

- ``memory``: one app on a manual clock in this process, one Starlette TestClient for the session;
- ``redis-pair``: two ``python -m mockserver --store redis://...`` processes on one real redis-server (the
  session's, a key prefix of their own), and an httpx client whose requests alternate between them, so
  that each request is answered by the other process than the one before (issue 12's "the whole HTTP
  behaviour suite against two processes").

A test that needs other settings builds its own app with ``make_app(...)`` (in process, memory store).
The demo teams' keys are read from ``GET /_mock/teams`` (never copied from settings), and ``Api`` puts
characters into any state the way a client would: through the public API, with ``/_mock`` only to move
the clock or look inside.
"""

from __future__ import annotations

import re
import subprocess
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)

from starlette.testclient import TestClient  # noqa: E402

from harness.redis_server import unique_prefix  # noqa: E402
from mockserver.app import create_app  # noqa: E402
from mockserver.settings import DEMO_TEAMS, Settings  # noqa: E402
from tests.roundrobin import round_robin_client  # noqa: E402
from tests.serving import MockProcess  # noqa: E402

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


@pytest.fixture
def make_app() -> Callable[..., Any]:
    """A fresh app on a manual clock; keyword arguments override Settings."""

    def make(**overrides: Any) -> Any:
        return create_app(Settings(clock="manual", **overrides))

    return make


class SharedMock:
    """One running mock shared by many tests, and the way back to its start between them.

    Only public control routes are used (no reach into the app), so a mock in other processes can stand
    behind the same fixture. ``restore`` puts a test on the state a freshly started mock has:
    ``PUT /_mock/fixtures {}`` is ``POST /_mock/reset`` that also drops a scenario or fixtures a test
    loaded (reset alone returns to the loaded ones, as documented), then the request log is emptied of
    that call, as a fresh mock's is. What reset restores (and that it leaves the clock alone) is pinned by
    ``test_reset_returns_everything_a_client_can_change_to_the_start_but_the_clock``; the tests never
    depend on the manual clock's absolute time.
    """

    def __init__(self, client: Any) -> None:
        self.client = client

    def restore(self) -> None:
        response = self.client.put("/_mock/fixtures", json={})
        assert response.status_code == 200, response.text
        assert self.client.delete("/_mock/requests").status_code == 204


@contextmanager
def _redis_pair(request: pytest.FixtureRequest) -> Iterator[SharedMock]:
    """Two mock processes on one Redis state, behind a client that alternates between them."""
    redis_url = request.getfixturevalue("redis_url")
    args = ("--store", redis_url, "--redis-prefix", unique_prefix("pair"), "--clock", "manual")
    first = MockProcess(*args, output=subprocess.DEVNULL)
    second = None
    try:
        first.wait_ready()  # the first process seeds the shared state; the second loads it
        second = MockProcess(*args, output=subprocess.DEVNULL).wait_ready()
        with round_robin_client([first.base, second.base], timeout=30) as client:
            yield SharedMock(client)
    finally:
        for server in (first, second):
            if server is not None:
                server.close()


@pytest.fixture(scope="session", params=["memory", "redis-pair"])
def default_mock(request: pytest.FixtureRequest) -> Iterator[SharedMock]:
    """The mock on default settings (manual clock) that every test without settings of its own shares."""
    if request.param == "redis-pair":
        with _redis_pair(request) as shared:
            yield shared
        return
    with create_app(Settings(clock="manual")).test_client() as test_client:
        yield SharedMock(test_client)


@pytest.fixture
def client(default_mock: SharedMock) -> Any:
    """The default mock's client, the mock back at its start state."""
    default_mock.restore()
    return default_mock.client


@pytest.fixture
def api(client: TestClient) -> Api:
    return Api(client)


@pytest.fixture
def acme(api: Api) -> Team:
    return api.teams()[0]


@pytest.fixture
def globex(api: Api) -> Team:
    return api.teams()[1]
