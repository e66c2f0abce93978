"""The kit against the reference mock, in-process: it conforms, and each broken variant is caught by name."""

from __future__ import annotations

import pytest

from conformance import RunOptions, Status, run
from conformance.checks import REGISTRY
from tests.conformance import broken


def _run(app, key, **kwargs):
    # A webhook receiver on a free loopback port, so the webhook checks run (and must pass) too.
    return run(RunOptions(api_key=key, app=app, webhook_listen="127.0.0.1:0", **kwargs))


@pytest.mark.parametrize("seed", [1, 2])
def test_behaviour_and_lifecycle_layers_pass_against_the_mock(mock_app, primary_key, seed):
    result = _run(mock_app, primary_key, seed=seed, layers=("lifecycle", "behaviour"))

    assert [o.name for o in result.failed] == []
    assert result.lifecycle.variant == "review-step"
    assert len(result.outcomes) == len(REGISTRY)
    assert all(o.status == Status.PASSED for o in result.outcomes)


@pytest.mark.parametrize("seed", [1, 7])
def test_whole_kit_finds_no_failure_against_the_mock(mock_app, primary_key, seed):
    result = _run(mock_app, primary_key, seed=seed, max_examples=3)

    assert [(o.layer.value, o.name, [f.title for f in o.findings]) for o in result.failed] == []


MUTANTS = [
    (broken.SaveTouchesUpdatedAt, "save_twice_returns_200_twice_with_identical_representation"),
    (broken.SaveRefusalIs409, "save_on_synthesizing_is_400_invalid_request_error"),
    (broken.OtherTeamPatchGoesThrough, "other_team_patch_is_404_and_changes_nothing"),
    (broken.NoVersionEchoOnErrors, "malformed_version_is_400_invalid_format"),
    (broken.ProblemJsonNotFound, "error_body_is_the_aurous_envelope"),
    (broken.NoRemainingHeader, "every_response_carries_rate_limit_headers"),
    (broken.NoReplayHeader, "same_key_and_body_replays_the_cached_response"),
]


@pytest.mark.parametrize(("modifier", "check"), MUTANTS, ids=[m.__name__ for m, _ in MUTANTS])
def test_broken_server_fails_the_named_check(mock_app, primary_key, other_key, modifier, check):
    app = broken.Broken(mock_app, modifier(other_key=other_key, primary_key=primary_key))

    result = _run(app, primary_key, layers=("behaviour",), only=(check,))

    assert [(o.name, o.status) for o in result.outcomes] == [(check, Status.FAILED)]
    finding = result.outcomes[0].findings[0]
    assert finding.rule
    assert finding.reproduce and finding.reproduce.startswith("curl ")


def test_every_mutant_family_is_caught_by_a_full_behaviour_run(mock_app, primary_key, other_key):
    app = broken.Broken(mock_app, broken.OtherTeamPatchGoesThrough(other_key=other_key, primary_key=primary_key))

    result = _run(app, primary_key, layers=("behaviour",))

    assert "other_team_patch_is_404_and_changes_nothing" in {o.name for o in result.failed}
