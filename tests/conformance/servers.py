"""Real servers on free loopback ports for the command-line tests: the mock as a process, and small ASGI
apps (a gateway answering HTML 502, a dying target, …) served by uvicorn in a thread."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(url: str) -> None:
    for _ in range(200):
        try:
            httpx.get(url, timeout=0.5)
            return
        except httpx.HTTPError:
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not come up")


@contextlib.contextmanager
def mock_process(*flags: str) -> Iterator[str]:
    """``python -m mockserver`` with ``flags`` on a free port; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mockserver", "--port", str(port), *flags],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url + "/_mock/teams")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextlib.contextmanager
def asgi_server(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a thread on a free loopback port; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url + "/")
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def demo_keys(url: str) -> list[str]:
    return [team["api_keys"][0] for team in httpx.get(url + "/_mock/teams").json()]


def balance(url: str, key: str) -> int:
    return httpx.get(url + "/v1/balance", headers={"X-Api-Key": key}).json()["credits"]
