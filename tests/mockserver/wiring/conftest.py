"""Tests of what create_app wires around the API (control API, CORS, request log, faults, fixtures, state
file, Host guard, control token, ref images, wire errors, the docs page in a browser).

Fixtures: in-process apps, real server processes, headless Chromium.

In-process tests on the default settings share the default mock (``client``, from the parent conftest);
``make_client(**settings)`` builds a fresh app on a manual clock for the others. The persistence and
browser tests start ``python -m mockserver`` as a real process (``Server``), because a restart and a
browser need a real socket.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)

from starlette.testclient import TestClient  # noqa: E402

from mockserver.app import create_app  # noqa: E402
from mockserver.settings import Settings  # noqa: E402
from tests.serving import MockProcess, free_port  # noqa: E402,F401  (free_port: used by the tests here)

ROOT = Path(__file__).resolve().parents[3]
ATTRIBUTES = {"gender": "female", "age": 28}
LOCAL_ORIGIN = "http://localhost:3000"


@pytest.fixture
def make_client() -> Iterator[Callable[..., TestClient]]:
    """make_client(**settings) -> a TestClient of a fresh app on a manual clock."""
    clients: list[TestClient] = []

    def make(**overrides: Any) -> TestClient:
        overrides.setdefault("clock", "manual")
        client = TestClient(create_app(Settings(**overrides)))
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def key_of(client: TestClient, team: int = 0) -> str:
    return client.get("/_mock/teams").json()[team]["api_keys"][0]


def create(client: TestClient, key: str, **headers: str) -> Any:
    return client.post(
        "/v1/characters",
        json={"name": "Aurora", "generate": True, "attributes": ATTRIBUTES},
        headers={"X-Api-Key": key, **headers},
    )


def assert_envelope(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) == {"type", "code", "message", "param", "doc_url", "request_id"}
    assert error["code"] == code
    assert response.headers["aurous-request-id"] == error["request_id"]
    return error


Server = MockProcess  # the name these tests use


@pytest.fixture
def servers() -> Iterator[Callable[..., Server]]:
    started: list[Server] = []

    def start(*args: str) -> Server:
        server = Server(*args)
        started.append(server)
        return server

    yield start
    for server in started:
        server.close()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def render(url: str, tmp_path: Path, budget_ms: int = 10_000) -> str:
    """The DOM of ``url`` after headless Chromium ran its scripts (virtual time: no real waiting)."""
    assert CHROMIUM is not None
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            f"--virtual-time-budget={budget_ms}",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


# Skipped only where chromium is absent locally; .ci/run installs it and sets AUROUS_REQUIRE_BROWSER, so in
# CI a missing browser fails the tests instead of skipping them.
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("AUROUS_REQUIRE_BROWSER"),
    reason="Debian's chromium is not installed here (.ci/run installs it; CI always has it)",
)
