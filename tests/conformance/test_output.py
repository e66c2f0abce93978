"""Output a CI user can use: JUnit a real consumer parses (NUL bytes in the evidence included), curl
reproductions that run as printed and show the failure, a self-contained HTML report."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

import pytest
from junitparser import Failure, JUnitXml

from conformance import RunOptions, Status, run
from conformance.report import render_html, write_junit
from mutants import build
from mutants.broken import Modifier, Request, Response
from mutants.idempotency import NoReplayHeader
from mutants.isolation import OtherTeamPatchGoesThrough
from mutants.save import SaveRefusalIs409
from tests.conformance.servers import asgi_server, demo_keys

pytest.importorskip("mockserver.app")


@dataclass
class NulBytesOnUnknownId(Modifier):
    """GET of an unknown id answers 200 with a body full of control characters (as fuzzed data echoes)."""

    def request(self, req: Request) -> Request | Response:
        if req.method == "GET" and req.path.endswith("/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR"):
            return Response(200, {"content-type": "text/plain", "x-odd": "a"}, b"\x00\x01bad\x1b[0m\xff\xfe\x00")
        return req


def test_junit_of_a_failing_run_with_nul_bytes_parses_with_a_junit_consumer(tmp_path):
    app = build(None)
    from mutants.broken import Broken

    key = _key(app)
    result = run(
        RunOptions(
            api_key=key,
            app=Broken(app, NulBytesOnUnknownId()),
            layers=("behaviour",),
            only=("error_body_is_the_aurous_envelope", "every_response_carries_a_request_id"),
        )
    )
    write_junit(result, tmp_path / "j.xml")

    suites = {suite.name: suite for suite in JUnitXml.fromfile(str(tmp_path / "j.xml"))}
    cases = {case.name: case for case in suites["behaviour layer"]}
    failure = next(r for r in cases["error_body_is_the_aurous_envelope"].result if isinstance(r, Failure))
    assert "\\x00" in failure.text and "\x00" not in failure.text
    assert set(cases) == {"error_body_is_the_aurous_envelope", "every_response_carries_a_request_id"}
    assert all(case.time > 0 for case in cases.values())  # each check's own duration


def _key(app, team=0):
    from starlette.testclient import TestClient

    return TestClient(app).get("/_mock/teams").json()[team]["api_keys"][0]


@pytest.mark.parametrize(
    ("mutant", "shows"),
    [
        (SaveRefusalIs409, "HTTP/1.1 409"),
        (NoReplayHeader, "HTTP/1.1 201"),
        (OtherTeamPatchGoesThrough, "HTTP/1.1 200"),
    ],
    ids=lambda m: getattr(m, "__name__", ""),
)
def test_printed_reproductions_run_in_bash_and_show_the_failure(mutant, shows):
    with asgi_server(build(mutant)) as url:
        primary, other = demo_keys(url)[:2]
        result = run(RunOptions(api_key=primary, base_url=url, layers=("behaviour",), only=(mutant.caught_by,)))
        (outcome,) = result.outcomes
        assert outcome.status == Status.FAILED
        script = outcome.findings[0].reproduce
        seen = subprocess.run(
            ["bash", "-c", script],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "AUROUS_API_KEY": primary, "AUROUS_OTHER_TEAM_API_KEY": other},
        )

    assert seen.returncode == 0, seen.stderr
    last = seen.stdout.rsplit("HTTP/1.1 ", 1)[-1]
    assert ("HTTP/1.1 " + last).startswith(shows)
    assert '"X-Api-Key: $AUROUS_API_KEY"' in script
    if mutant is NoReplayHeader:
        assert "Idempotency-Key: conformance-" in script and "[Filtered]" not in script
        assert "aurous-idempotent-replayed" not in last.lower()
    if mutant is OtherTeamPatchGoesThrough:
        assert '"X-Api-Key: $AUROUS_OTHER_TEAM_API_KEY"' in script


def test_html_report_is_self_contained_and_shows_rule_evidence_and_reproduction():
    app = build(SaveRefusalIs409)
    result = run(RunOptions(api_key=_key(app), app=app, layers=("behaviour",), only=(SaveRefusalIs409.caught_by,)))

    html = render_html(result)
    assert "http://" not in html.replace("http://testserver", "") and "https://" not in html.split("</style>")[0]
    assert "<script" not in html and "<link" not in html
    assert "A synthesizing character returns 400" in html
    assert "HTTP 409" in html and "curl -i -X POST" in html


def test_schema_layer_testcases_carry_the_time_of_the_requests_they_judged(tmp_path):
    app = build(None)
    result = run(RunOptions(api_key=_key(app), app=app, layers=("schema",), max_examples=2, seed=1))
    write_junit(result, tmp_path / "j.xml")

    suites = {suite.name: suite for suite in JUnitXml.fromfile(str(tmp_path / "j.xml"))}
    judged = [case for case in suites["schema layer"] if case.is_passed]
    assert judged  # the unbroken mock passes the schema checks that saw a response
    assert [case.name for case in judged if not case.time > 0] == []
