"""`python -m mockserver`: help, a real server in a subprocess, and config files."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.serving import MockProcess

ROOT = Path(__file__).resolve().parents[2]
KEY = "al_live_" + "c" * 64


def _start(*args: str) -> tuple[subprocess.Popen[str], int]:
    server = MockProcess(*args, merge_stderr=True)  # the banner and the warnings, in order, on one stream
    return server.process, server.port


class Output:
    """The server's output, read on a thread so that a quiet server never blocks the test."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._pump, args=(process,), daemon=True)
        self._thread.start()

    def _pump(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        with process.stdout:  # closed at EOF, when the server has exited
            for line in process.stdout:
                self.lines.append(line)

    @property
    def text(self) -> str:
        return "".join(self.lines)

    def wait_for(self, fragment: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while fragment not in self.text:
            if time.monotonic() > deadline:
                raise AssertionError(f"no {fragment!r} in the output within {timeout} s:\n{self.text}")
            time.sleep(0.01)
        time.sleep(0.05)  # the lines after it come in the same write
        return self.text


def _wait_until_serving(url: str, key: str, timeout: float = 10) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    while True:
        try:
            return httpx.get(url, headers={"X-Api-Key": key}, timeout=1), time.monotonic() - started
        except httpx.TransportError:
            if time.monotonic() - started > timeout:
                raise
            time.sleep(0.02)


def _stop(process: subprocess.Popen[str]) -> int:
    process.terminate()
    try:
        return process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()


def test_help_describes_the_flags():
    result = subprocess.run([sys.executable, "-m", "mockserver", "--help"], cwd=ROOT, capture_output=True, text=True)

    assert 0 == result.returncode
    assert "--port" in result.stdout and "--config" in result.stdout and "--clock" in result.stdout


def test_the_server_starts_prints_its_banner_and_answers_a_demo_key():
    from mockserver.settings import DEMO_TEAMS

    started = time.monotonic()
    process, port = _start()
    try:
        banner = Output(process).wait_for("API keys:")
        response, waited = _wait_until_serving(f"http://127.0.0.1:{port}/v1/characters", DEMO_TEAMS[0].api_keys[0])
        print(f"first 200 after {time.monotonic() - started:.2f} s from spawn ({waited:.3f} s after the banner)")

        assert f"http://127.0.0.1:{port}" in banner
        assert f"http://127.0.0.1:{port}/docs" in banner
        assert all(team.api_keys[0] in banner for team in DEMO_TEAMS)
        assert 200 == response.status_code
        assert {"object": "list", "data": [], "has_more": False, "next_cursor": None} == response.json()
    finally:
        code = _stop(process)

    assert code in (0, -15)


def test_a_config_file_sets_teams_credits_and_synthesis_time(tmp_path):
    config = tmp_path / "mock.toml"
    config.write_text(
        f"""
[synthesis]
seconds = 0

[[teams]]
id = "team_cfg"
name = "Configured"
api_keys = ["{KEY}"]
pinned_version = "2026-06-19"
credits = 7
""",
        encoding="utf-8",
    )
    process, port = _start("--config", str(config))
    base = f"http://127.0.0.1:{port}"
    try:
        banner = Output(process).wait_for(KEY)
        balance, _ = _wait_until_serving(f"{base}/v1/balance", KEY)
        created = httpx.post(
            f"{base}/v1/characters",
            json={"name": "c", "generate": True, "attributes": {}},
            headers={"X-Api-Key": KEY},
        )
        teams = httpx.get(f"{base}/_mock/teams").json()
    finally:
        _stop(process)

    assert KEY in banner
    assert (7, "2026-06-19") == (balance.json()["credits"], balance.headers["aurous-version"])
    assert "reviewing" == created.json()["status"]  # synthesis takes 0 s
    assert ["team_cfg"] == [team["id"] for team in teams]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("this is [not toml", "not valid"),
        ("colour = 'red'\n", "unknown config keys: colour"),
        ("[synthesis]\nseconds = -1\n", "synthesis.seconds"),
        ("[[teams]]\nname = 'no id'\n", "team #1"),
    ],
)
def test_a_broken_config_file_exits_2_with_a_clear_message(tmp_path, text, fragment):
    config = tmp_path / "broken.toml"
    config.write_text(text, encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "mockserver", "--config", str(config)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert 2 == result.returncode
    assert fragment in result.stderr


def test_a_missing_config_file_exits_2(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mockserver", "--config", str(tmp_path / "absent.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert 2 == result.returncode
    assert "cannot read config file" in result.stderr
