"""The command line against a real uvicorn process of the mock: exit 0, JUnit and Markdown written."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import pytest

from conformance import cli

pytest.importorskip("mockserver.app")


@pytest.fixture
def mock_url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "mockserver", "--port", str(port), "--clock", "manual"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(url + "/_mock/teams", timeout=0.5)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_cli_run_against_the_mock_process_conforms(mock_url, tmp_path):
    key = httpx.get(mock_url + "/_mock/teams").json()[0]["api_keys"][0]

    code = cli.main(
        [
            "run",
            "--base-url",
            mock_url,
            "--api-key",
            key,
            "--layers",
            "lifecycle,behaviour",
            "--junit-xml",
            str(tmp_path / "j.xml"),
            "--report",
            str(tmp_path / "r.md"),
            "--quiet",
        ]
    )

    assert code == 0
    assert "review-step" in (tmp_path / "r.md").read_text()
