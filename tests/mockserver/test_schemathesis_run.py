"""Plain Schemathesis against the running mock: all checks, all phases, each demo team's key, no failures.

This is issue 3's gate: the reference server, started as a user starts it, passes an ordinary `st run`
of the contract. `schemathesis.toml` at the repository root is picked up by `st` and tells it which
operations have state-dependent 400s (see its comments); nothing else is excluded. Rate limits are off
for this run only so that Schemathesis exercises the operations instead of the 429 (rate limiting has
its own tests).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.serving import running_mock as running_mock_at

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def running_mock():
    with running_mock_at("--no-rate-limits", "--synthesis-seconds", "0.2") as base:
        teams = json.load(urllib.request.urlopen(f"{base}/_mock/teams", timeout=5))
        yield base, [team["api_keys"][0] for team in teams]


@pytest.mark.parametrize("team", [0, 1], ids=["first-team", "second-team"])
def test_plain_schemathesis_finds_no_failure_against_the_running_mock(running_mock, team):
    base, keys = running_mock
    st = shutil.which("st", path=os.path.dirname(sys.executable)) or "st"

    run = subprocess.run(
        [
            st,
            "run",
            "openapi.yaml",
            "--url",
            base,
            "-H",
            f"X-Api-Key: {keys[team]}",
            "--checks",
            "all",
            "--max-examples",
            "15",
            "--seed",
            str(1000 + team),
            "--no-color",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )

    summary = run.stdout[run.stdout.find("SUMMARY") :]
    assert run.returncode == 0, run.stdout[-6000:]
    assert "Stateful" in summary and "passed" in summary
