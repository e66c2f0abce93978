"""Fixtures for the frontend-developer features: in-process apps, real server processes, headless Chromium.

In-process tests use a fresh app on a manual clock through Starlette's TestClient. The persistence and
browser tests start ``python -m mockserver`` as a real process (``Server``), because a restart and a
browser need a real socket.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)

from starlette.testclient import TestClient  # noqa: E402

from mockserver.app import create_app  # noqa: E402
from mockserver.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
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


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``python -m mockserver`` in a child process, on a free port."""

    def __init__(self, *args: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mockserver", "--port", str(self.port), *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def wait_ready(self, timeout: float = 30) -> Server:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the mock exited with {self.process.returncode}: {self.process.stderr.read()}")
            try:
                urllib.request.urlopen(f"{self.base}/_mock/teams", timeout=1).read()
                return self
            except (OSError, urllib.error.URLError):
                time.sleep(0.05)
        raise AssertionError("the mock did not answer in time")

    def stop(self, sig: int = signal.SIGTERM) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def finish(self, timeout: float = 30) -> tuple[int, str]:
        """For a process expected to exit by itself: (exit code, stderr)."""
        _out, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, err


@pytest.fixture
def servers() -> Iterator[Callable[..., Server]]:
    started: list[Server] = []

    def start(*args: str) -> Server:
        server = Server(*args)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
        for stream in (server.process.stdout, server.process.stderr):
            if stream is not None:
                stream.close()


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
