"""The command line against a real uvicorn process of the mock: exit 0, JUnit and Markdown written."""

from __future__ import annotations

import httpx
import pytest
from junitparser import JUnitXml

from conformance import cli
from tests.serving import running_mock

pytest.importorskip("mockserver.app")


@pytest.fixture
def mock_url():
    with running_mock("--clock", "manual") as url:
        yield url


@pytest.fixture
def real_clock_mock_url():
    with running_mock() as url:  # the real clock and the contract's rate limits, as `make serve` starts it
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


def test_a_local_mock_gets_the_webhook_checks_without_a_flag(mock_url, tmp_path):
    """A mock on loopback can reach a receiver on loopback: the webhook checks run instead of skipping."""
    key = httpx.get(mock_url + "/_mock/teams").json()[0]["api_keys"][0]

    code = cli.main(
        [
            "run",
            "--base-url",
            mock_url,
            "--api-key",
            key,
            "--layers",
            "behaviour",
            "--junit-xml",
            str(tmp_path / "j.xml"),
            "--quiet",
        ]
    )

    webhook_cases = [
        case
        for suite in JUnitXml.fromfile(str(tmp_path / "j.xml"))
        for case in suite
        if case.name.startswith("webhook_")
    ]
    assert code == 0
    assert len(webhook_cases) == 5
    assert [case.name for case in webhook_cases if not case.is_passed] == []


def test_a_local_mock_on_the_real_clock_has_its_rate_limiting_checked_by_default(real_clock_mock_url, tmp_path):
    """Draining a local mock's bucket costs nothing real (the kit moves its clock to refill), so the check runs
    there without --exhaust-rate-limits, on the real clock as on the manual one."""
    key = httpx.get(real_clock_mock_url + "/_mock/teams").json()[0]["api_keys"][0]

    code = cli.main(
        [
            "run",
            "--base-url",
            real_clock_mock_url,
            "--api-key",
            key,
            "--layers",
            "behaviour",
            "--junit-xml",
            str(tmp_path / "j.xml"),
            "--quiet",
        ]
    )

    cases = {case.name: case for suite in JUnitXml.fromfile(str(tmp_path / "j.xml")) for case in suite}
    assert code == 0
    assert cases["exhausted_bucket_is_429_with_retry_after"].is_passed
