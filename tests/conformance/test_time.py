"""Time: a run is bounded by --time-budget and says what it waits on; on the budget, SIGTERM or SIGINT it
stops with exit 2 ("incomplete") and still writes its JUnit and reports with what ran."""

from __future__ import annotations

import signal
import subprocess
import sys
from dataclasses import dataclass, field

import pytest
from junitparser import JUnitXml

from conformance import cli
from mutants import build
from mutants.broken import Modifier, Request, Response
from tests.conformance.servers import asgi_server, demo_keys, mock_process

pytest.importorskip("mockserver.app")


@dataclass
class NoPacingHeadersThenRefuses(Modifier):
    """No X-RateLimit-* on any response; after 30 API requests every one is a 429 with Retry-After: 30."""

    seen: list[int] = field(default_factory=lambda: [0])

    def request(self, req: Request) -> Request | Response:
        if req.path.startswith("/v1/"):
            self.seen[0] += 1
            if self.seen[0] > 30:
                resp = self.answer_alone(req, 429, "rate_limit", "too_many_requests", "Bucket characters_get is empty.")
                resp.headers["retry-after"] = "30"
                return resp
        return req

    def response(self, req: Request, resp: Response) -> Response:
        for name in ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"):
            resp.headers.pop(name, None)
        return resp


def _properties(path):
    return {p.name: p.value for p in next(iter(JUnitXml.fromfile(str(path)))).properties()}


def test_time_budget_stops_a_run_that_must_wait_with_partial_reports(tmp_path, capsys):
    app = build(NoPacingHeadersThenRefuses, clock="real")
    with asgi_server(app) as url:
        key = demo_keys(url)[0]
        code = cli.main(
            [
                "run",
                "--base-url",
                url,
                "--api-key",
                key,
                "--no-mock-control",
                "--time-budget",
                "6",
                "--max-examples",
                "3",
                "--junit-xml",
                str(tmp_path / "j.xml"),
                "--report",
                str(tmp_path / "r.md"),
            ]
        )

    err = capsys.readouterr().err
    assert code == 2
    assert "incomplete: " in err and "time budget" in err
    assert _properties(tmp_path / "j.xml")["complete"] == "false"
    # Missing pacing headers are a finding, not a reason to wait.
    cases = {case.name: case for suite in JUnitXml.fromfile(str(tmp_path / "j.xml")) for case in suite}
    assert not cases["aurous_rate_limit_headers"].is_passed and not cases["aurous_rate_limit_headers"].is_skipped
    assert "not judged" in (tmp_path / "r.md").read_text() and (tmp_path / "r.html").exists()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_the_run_with_exit_2_and_partial_reports(tmp_path, sig):
    with mock_process() as url:  # real clock and real rate limits: a run that takes minutes without control
        key = demo_keys(url)[0]
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "conformance",
                "run",
                "--base-url",
                url,
                "--api-key",
                key,
                "--no-mock-control",
                "--junit-xml",
                str(tmp_path / "j.xml"),
                "--report",
                str(tmp_path / "r.md"),
            ],
            stderr=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for line in process.stderr:  # wait until the schema layer is under way
            if line.startswith("schema: "):
                break
        process.send_signal(sig)
        out, err = process.communicate(timeout=120)

    assert process.returncode == 2
    assert f"incomplete: interrupted ({sig.name})" in err
    assert _properties(tmp_path / "j.xml")["complete"] == "false"
    assert "INCOMPLETE" in out
