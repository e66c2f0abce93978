"""The kit's own parts: curl lines, pacing, fixture acquisition, report writers, exit codes."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import httpx
import pytest

from conformance import cli
from conformance.client import Client, Exchange, Pacer, curl_line
from conformance.failures import Skip
from conformance.fixtures import Fixtures
from conformance.report import render_markdown, summary_table
from conformance.report.junit import render_junit
from conformance.results import CheckOutcome, Finding, Layer, RunResult, Status


def _exchange(status=404, body=b'{"error": {}}'):
    return Exchange(
        method="POST",
        url="http://x/v1/characters/char_1/save",
        request_headers={"X-Api-Key": "al_live_secret", "Content-Type": "application/json"},
        request_body=b'{"a": 1}',
        status=status,
        response_headers={"content-type": "application/json"},
        response_body=body,
    )


def test_curl_line_reproduces_the_request_without_the_key():
    line = curl_line(_exchange())

    assert line.startswith("curl -i -X POST")
    assert '"X-Api-Key: $AUROUS_API_KEY"' in line
    assert "al_live_secret" not in line
    assert line.endswith("http://x/v1/characters/char_1/save")


def test_pacer_waits_for_a_token_at_the_sustained_rate():
    slept = []
    pacer = Pacer(reserve=1, sleep=slept.append, rates={"characters_post": 30})
    pacer.observe(
        "characters_post", {"x-ratelimit-limit": "60", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "0"}
    )

    pacer.before("characters_post")

    assert slept == [4.0]


def test_pacer_advances_the_mock_clock_instead_of_sleeping():
    advanced = []
    pacer = Pacer(sleep=lambda s: pytest.fail("slept"), advance=advanced.append)
    pacer.observe("b", {"x-ratelimit-limit": "5", "x-ratelimit-remaining": "1", "x-ratelimit-reset": "0"})

    pacer.before("b")

    assert advanced == [120.0]


def _offline_client(handler):
    return Client("http://t", api_key="k", http=httpx.Client(transport=httpx.MockTransport(handler)))


def test_fixture_in_the_wrong_state_is_skipped_with_the_reason():
    client = _offline_client(lambda request: httpx.Response(200, json={"object": "character", "status": "ready"}))
    fixtures = Fixtures(client, given={"reviewing": ["char_X"]})

    with pytest.raises(Skip, match="--fixture reviewing=char_X is not reviewing"):
        fixtures.get("reviewing")


def test_synthesis_states_without_spend_are_skipped_not_created():
    client = _offline_client(lambda request: pytest.fail(f"sent {request.method} {request.url}"))
    fixtures = Fixtures(client)

    with pytest.raises(Skip, match="--allow-spend"):
        fixtures.get("synthesizing")
    assert fixtures.reached["synthesizing"].startswith("not reached")


def test_spend_cap_is_respected():
    client = _offline_client(lambda request: pytest.fail("no request expected"))
    fixtures = Fixtures(client, allow_spend=True, spend_cap=0)

    with pytest.raises(Skip, match="spend cap"):
        fixtures.get("reviewing")


def _result():
    result = RunResult(target="http://t", seed=3, duration=1.0)
    result.outcomes = [
        CheckOutcome(Layer.BEHAVIOUR, "a_check", "save", Status.PASSED, rule="r"),
        CheckOutcome(Layer.BEHAVIOUR, "b_check", "save", Status.SKIPPED, reason="needs --allow-spend"),
        CheckOutcome(
            Layer.BEHAVIOUR,
            "c_check",
            "isolation",
            Status.FAILED,
            findings=[
                Finding(title="Leak", message="seen", rule="every resource is per team", exchange=_exchange(200))
            ],
        ),
    ]
    return result


def test_junit_has_one_case_per_check_with_failure_and_skip():
    root = ET.fromstring(render_junit(_result()))
    suite = next(s for s in root if s.get("name") == "behaviour layer")

    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("3", "1", "1")
    failure = suite.find("testcase[@name='c_check']/failure")
    assert "every resource is per team" in failure.text and "curl -i -X POST" in failure.text


def test_markdown_and_console_show_rule_evidence_curl_and_skip_reason():
    for text in (render_markdown(_result()), summary_table(_result())):
        assert "every resource is per team" in text
        assert "curl -i -X POST" in text
        assert "needs --allow-spend" in text


def test_exit_code_2_on_usage_error(capsys):
    assert cli.main(["run", "--base-url", "http://x"]) == 2
    assert cli.main(["run", "--base-url", "http://x", "--api-key", "k", "--fixture", "nonsense"]) == 2


def test_exit_code_2_when_the_target_is_unreachable():
    assert cli.main(["run", "--base-url", "http://127.0.0.1:9", "--api-key", "k", "--quiet"]) == 2


@pytest.mark.parametrize(("conforms", "code"), [(True, 0), (False, 1)])
def test_exit_code_follows_the_verdict(monkeypatch, tmp_path, conforms, code):
    result = RunResult(target="t", seed=1) if conforms else _result()
    monkeypatch.setattr(cli, "run", lambda options: result)

    argv = [
        "run",
        "--base-url",
        "http://x",
        "--api-key",
        "k",
        "--junit-xml",
        str(tmp_path / "j.xml"),
        "--report",
        str(tmp_path / "r.md"),
        "--quiet",
    ]

    assert cli.main(argv) == code
    assert (tmp_path / "j.xml").exists() and (tmp_path / "r.md").exists()


def test_schema_layer_is_sized_to_the_time_left_from_the_buckets_refill_rates():
    from conformance.contract import Contract
    from conformance.runner import RunOptions, size_schema_layer

    contract = Contract.load()
    pacer = Pacer()
    pacer.observe(
        "characters_post", {"x-ratelimit-limit": "60", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "0"}
    )
    options = RunOptions(api_key="k", max_examples=10)

    roomy, no_note = size_schema_layer(contract, options, {}, pacer, 10_000)
    tight, note = size_schema_layer(contract, options, {}, pacer, 60)

    assert (roomy, no_note) == (10, None)
    assert 1 <= tight < 10
    assert "--max-examples 10 → " in note and "bucket characters_post refills 30/min" in note


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8000", True),
        ("http://localhost:1", True),
        ("http://[::1]:8000", True),
        ("https://staging.example.com", False),
        ("http://10.0.0.5:8000", False),
    ],
)
def test_mock_control_is_on_by_default_only_for_a_loopback_base_url(url, loopback):
    from conformance.runner import RunOptions, _mock_control_wanted, is_loopback

    assert is_loopback(url) is loopback
    assert _mock_control_wanted(RunOptions(api_key="k", base_url=url, use_mock_control=None)) is loopback
    assert _mock_control_wanted(RunOptions(api_key="k", base_url=url, use_mock_control=False)) is False


def test_cli_leaves_mock_control_to_the_base_url_unless_told():
    parser = cli.build_parser()

    assert cli.options_from(parser.parse_args(["run", "--base-url", "u", "--api-key", "k"])).use_mock_control is None
    assert (
        cli.options_from(
            parser.parse_args(["run", "--base-url", "u", "--api-key", "k", "--mock-control"])
        ).use_mock_control
        is True
    )
    assert (
        cli.options_from(
            parser.parse_args(["run", "--base-url", "u", "--api-key", "k", "--no-mock-control"])
        ).use_mock_control
        is False
    )
