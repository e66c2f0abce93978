"""Verdicts a CI job can trust: exit 2 with one clear line when the target is not an Aurous deployment or goes
away; no check passes without evidence; --strict; one cause, one verdict; diagnoses that name the real rule."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from junitparser import JUnitXml

from conformance import RunOptions, Status, cli, run
from mutants.broken import Broken, Modifier, Request, Response
from tests.conformance.servers import asgi_server, demo_keys, mock_process

pytest.importorskip("mockserver.app")


async def html_502(scope, receive, send):
    """A gateway whose upstream is down: HTML 502 for everything."""
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 502, "headers": [(b"content-type", b"text/html")]})
    await send({"type": "http.response.body", "body": b"<html><body><h1>502 Bad Gateway</h1></body></html>"})


def _cli(url, tmp_path, *extra):
    return cli.main(
        [
            "run",
            "--base-url",
            url,
            "--api-key",
            "al_live_" + "1" * 64,
            "--quiet",
            "--junit-xml",
            str(tmp_path / "j.xml"),
            *extra,
        ]
    )


def test_an_html_502_gateway_is_exit_2_with_one_line(tmp_path, capsys):
    with asgi_server(html_502) as url:
        code = _cli(url, tmp_path)

    out = capsys.readouterr()
    assert code == 2
    assert out.err.count("\n") == 1
    assert "does not answer as an Aurous deployment" in out.err and "HTTP 502 (text/html)" in out.err
    assert out.out == ""


def test_a_wrong_base_url_answering_404_everywhere_is_exit_2(tmp_path, capsys):
    with mock_process("--clock", "manual") as url:
        key = demo_keys(url)[0]
        code = cli.main(["run", "--base-url", url + "/api", "--api-key", key, "--quiet"])

    err = capsys.readouterr().err
    assert code == 2
    assert "is not the root of an Aurous API: GET /v1/characters answered HTTP 404" in err


class DiesAfter:
    """The mock, in-process, until the Nth request; then the server shuts down (connections refused)."""

    def __init__(self, app, after: int) -> None:
        self.app, self.after, self.seen, self.server = app, after, 0, None

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            self.seen += 1
            if self.seen == self.after and self.server is not None:
                self.server.should_exit = True
        await self.app(scope, receive, send)


def test_a_target_that_dies_mid_run_is_exit_2_incomplete_with_partial_junit(tmp_path, capsys, monkeypatch):
    import uvicorn

    from mockserver.app import create_app
    from mockserver.settings import Settings

    dying = DiesAfter(create_app(Settings(clock="manual")), after=60)
    original = uvicorn.Server.__init__

    def remember(self, config):  # the test server's handle, so the app can stop it
        original(self, config)
        dying.server = self

    monkeypatch.setattr(uvicorn.Server, "__init__", remember)
    with asgi_server(dying) as url:
        key = demo_keys(url)[0]
        code = cli.main(
            [
                "run",
                "--base-url",
                url,
                "--api-key",
                key,
                "--layers",
                "lifecycle,behaviour",
                "--quiet",
                "--timeout",
                "3",
                "--junit-xml",
                str(tmp_path / "j.xml"),
                "--report",
                str(tmp_path / "r.md"),
            ]
        )

    err = capsys.readouterr().err
    assert code == 2
    assert "incomplete: the target stopped answering" in err
    xml = JUnitXml.fromfile(str(tmp_path / "j.xml"))
    properties = {p.name: p.value for p in next(iter(xml)).properties()}
    assert properties["complete"] == "false"
    assert sum(1 for suite in xml for _ in suite) > 0
    assert "not judged" in (tmp_path / "r.md").read_text()


@pytest.fixture
def app():
    from mockserver.app import create_app
    from mockserver.settings import Settings

    # The real clock: without mock control nothing else would ever refill a bucket.
    return create_app(Settings(clock="real", synthesis_seconds=0.2))


def _key(app):
    from starlette.testclient import TestClient

    return TestClient(app).get("/_mock/teams").json()[0]["api_keys"][0]


def test_other_team_check_is_skipped_not_passed_without_a_second_key(app):
    result = run(
        RunOptions(
            api_key=_key(app),
            app=app,
            layers=("schema",),
            max_examples=2,
            seed=1,
            use_mock_control=False,
            phases=("examples", "fuzzing"),
        )
    )

    outcome = next(o for o in result.outcomes if o.name == "other_team_gets_404")
    assert (outcome.status, outcome.reason) == (Status.SKIPPED, "needs a second team's key: pass --other-team-key")


def test_strict_fails_the_run_when_required_checks_were_skipped(app):
    from conformance.checks import REGISTRY

    options = dict(api_key=_key(app), app=app, layers=("behaviour",), use_mock_control=False)
    envelope_checks = tuple(c.name for c in REGISTRY if c.family == "envelope")

    strict = run(RunOptions(**options, strict=True))
    chosen = run(RunOptions(**options, strict=True, required=("envelope",), only=envelope_checks))

    assert strict.failed == []  # a pass without --strict…
    assert not strict.conforms  # …fails with it: isolation, save, … were skipped
    assert any(line.startswith("behaviour/other_team_") for line in strict.strict_failures)
    assert strict.verdict.startswith("DOES NOT CONFORM (--strict)")
    assert chosen.conforms and chosen.strict_failures == []  # every envelope check ran


def test_out_of_credits_scenario_skips_every_synthesis_check_alike():
    from mockserver.app import create_app
    from mockserver.settings import Settings

    app = create_app(Settings(clock="manual", fixtures="out_of_credits"))
    result = run(RunOptions(api_key=_key(app), app=app, layers=("lifecycle", "behaviour")))

    assert [(o.name, o.reason) for o in result.failed] == []
    replay = next(o for o in result.outcomes if o.name == "replay_charges_no_credits")
    assert (replay.status, replay.reason) == (
        Status.SKIPPED,
        "the team has not enough credits for a synthesize-flow create (402)",
    )


@dataclass
class ReplayHeaderEverywhere(Modifier):
    """Every create answers with `Aurous-Idempotent-Replayed: true`, originals included."""

    def response(self, req: Request, resp: Response) -> Response:
        if req.method == "POST" and req.path == "/v1/characters":
            resp.headers["aurous-idempotent-replayed"] = "true"
        return resp


@dataclass
class UnknownIdIs200(Modifier):
    """GET of an unknown id answers 200 with an empty object."""

    def request(self, req: Request) -> Request | Response:
        if req.method == "GET" and req.path.endswith("/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR"):
            return Response(
                200, {"content-type": "application/json", "aurous-request-id": "req_01HX6Z2EX1NC1J4R82RJEXE5E2"}, b"{}"
            )
        return req


@pytest.mark.parametrize(
    ("modifier", "check", "said"),
    [
        (
            ReplayHeaderEverywhere,
            "invalid_request_original_is_not_cached",
            "the original response (first use of a fresh key) carries",
        ),
        (
            ReplayHeaderEverywhere,
            "keys_are_scoped_per_team",
            "the original response (first use of a fresh key) carries",
        ),
        (UnknownIdIs200, "error_body_is_the_aurous_envelope", "GET an unknown id: expected HTTP 404, got 200"),
    ],
)
def test_diagnoses_name_the_rule_actually_broken(app, modifier, check, said):
    result = run(RunOptions(api_key=_key(app), app=Broken(app, modifier()), layers=("behaviour",), only=(check,)))

    (outcome,) = result.outcomes
    assert outcome.status == Status.FAILED
    assert said in outcome.findings[0].message
