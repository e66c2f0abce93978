"""Money: without --allow-spend no layer sends a paid request; with it, --spend-cap bounds the whole run; the
credits spent are reported (console, JUnit properties, reports); --dry-run sends nothing.

Against the mock as a real process with its rate limits off and the kit's mock control off: the mock is
then an ordinary paid deployment to the kit, and its balance is the truth."""

from __future__ import annotations

import pytest
from junitparser import JUnitXml

from conformance import cli
from tests.conformance.servers import asgi_server, balance, demo_keys, mock_process

pytest.importorskip("mockserver.app")


@pytest.fixture(scope="module")
def paid_mock():
    with mock_process("--no-rate-limits", "--clock", "real", "--synthesis-seconds", "0.2") as url:
        yield url


def _run(url, key, tmp_path, *extra):
    return cli.main(
        [
            "run",
            "--base-url",
            url,
            "--api-key",
            key,
            "--no-mock-control",
            "--max-examples",
            "5",
            "--seed",
            "3",
            "--junit-xml",
            str(tmp_path / "j.xml"),
            "--report",
            str(tmp_path / "r.md"),
            "--quiet",
            *extra,
        ]
    )


def _properties(path):
    suite = next(iter(JUnitXml.fromfile(str(path))))
    return {p.name: p.value for p in suite.properties()}


def test_without_allow_spend_no_layer_spends_a_credit(paid_mock, tmp_path, capsys):
    key = demo_keys(paid_mock)[0]
    before = balance(paid_mock, key)

    _run(paid_mock, key, tmp_path)

    out = capsys.readouterr()
    assert balance(paid_mock, key) == before
    assert _properties(tmp_path / "j.xml")["credits.spent"] == "0"
    assert "Credits spent: 0" in out.out
    # The schema layer says what it left out and why.
    report = (tmp_path / "r.md").read_text()
    assert "POST /v1/characters/{id}/resynthesize costs 4 credit(s)" in report
    assert "POST /v1/images costs 1 credit(s)" in report
    assert "Synthesize-flow creates (generate: true) were sent as generate: false" in report


def test_spend_cap_bounds_every_layer_and_the_spend_is_reported(paid_mock, tmp_path, capsys):
    key = demo_keys(paid_mock)[1]
    before = balance(paid_mock, key)

    _run(paid_mock, key, tmp_path, "--allow-spend", "--spend-cap", "5")

    spent = before - balance(paid_mock, key)
    out = capsys.readouterr().out
    assert 0 < spent <= 5
    assert _properties(tmp_path / "j.xml")["credits.spent"] == str(spent)
    assert f"Credits spent: {spent} (balance {before} → {before - spent}" in out
    assert f"balance {before} → {before - spent}" in (tmp_path / "r.md").read_text()
    assert f"balance {before} → {before - spent}" in (tmp_path / "r.html").read_text()


def test_dry_run_prints_the_plan_and_sends_nothing(capsys):
    seen = []

    async def app(scope, receive, send):
        seen.append(scope.get("path"))
        await send({"type": "http.response.start", "status": 500, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    with asgi_server(app) as url:
        seen.clear()
        code = cli.main(["run", "--base-url", url, "--api-key", "k", "--dry-run"])

    plan = capsys.readouterr().out
    assert code == 0
    assert seen == []
    assert "planned maximum spend: 0 credits" in plan
    assert "left out: regenerateRef" in plan
    assert "characters_synthesize" not in plan.split("expected requests per rate-limit bucket")[1].split("layer:")[0]
    assert "save_moves_reviewing_to_ready" in plan
