"""The command line against a real uvicorn process of the mock: exit 0, JUnit and Markdown written."""

from __future__ import annotations

import httpx
import pytest

from conformance import cli
from tests.serving import running_mock

pytest.importorskip("mockserver.app")


@pytest.fixture
def mock_url():
    with running_mock("--clock", "manual") as url:
        yield url


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
