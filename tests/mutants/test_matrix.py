"""The kit against every mutant, in-process: exit 1 with the broken rule named; exit 0 on the unbroken mock.

Each mutant runs only the kit layers that can see its fault (``Modifier.layers``: the behaviour and
lifecycle layers take about a second, the schema layer about ten), with small example counts, and with
rate-limit exhaustion on (it is the mock: no real quota burns). The verdict asserted is the kit's own:
the exit status the command line would give, and the named check failed (not errored, not skipped).
"""

from __future__ import annotations

import inspect

import pytest

from conformance import RunOptions, RunResult, Status, run
from conformance.checks import REGISTRY
from conformance.checks.response import CUSTOM_CHECKS
from conformance.cli import EXIT_CONFORMS, EXIT_VIOLATIONS
from conformance.schema_layer import SCHEMATHESIS_CHECKS
from mutants import MUTANTS, build, listing

SEEDS = (1, 2, 3)
FAMILIES = {
    "save",
    "status codes and envelope",
    "isolation",
    "versioning",
    "rate limits",
    "idempotency",
    "schema and transport",
    "lists, updates and credits",
    "webhooks",
}
# Issue 9's rules (mutants/listing.py), each added with a mutant that only its own check catches.
CAUGHT_ONLY_BY_ITS_CHECK = set(listing.__all__)
KIT_CHECKS = {c.name for c in REGISTRY} | set(SCHEMATHESIS_CHECKS) | {c.__name__ for c in CUSTOM_CHECKS}


def _key(app) -> str:  # type: ignore[no-untyped-def]
    from starlette.testclient import TestClient

    return TestClient(app).get("/_mock/teams").json()[0]["api_keys"][0]


ALL_LAYERS = ("schema", "lifecycle", "behaviour")


def _run(app, *, seed: int, layers: tuple[str, ...] = ALL_LAYERS) -> RunResult:  # type: ignore[no-untyped-def]
    options = RunOptions(
        api_key=_key(app),
        app=app,
        seed=seed,
        max_examples=3,
        layers=layers,
        exhaust_rate_limits=True,
        webhook_listen="127.0.0.1:0",  # a receiver on a free loopback port: the webhook checks run too
    )
    return run(options)


def _exit_status(result: RunResult) -> int:
    """What `python -m conformance run` exits with for this result (cli.main's last line)."""
    return EXIT_CONFORMS if result.conforms else EXIT_VIOLATIONS


@pytest.fixture(scope="module")
def unbroken_runs() -> dict[int, RunResult]:
    return {seed: _run(build(None), seed=seed) for seed in SEEDS}


@pytest.mark.parametrize("seed", SEEDS)
def test_the_whole_kit_exits_0_against_the_unbroken_mock(unbroken_runs, seed):
    result = unbroken_runs[seed]

    assert [(o.layer.value, o.name, o.reason, [f.message for f in o.findings]) for o in result.failed] == []
    assert _exit_status(result) == EXIT_CONFORMS


def test_every_check_a_mutant_relies_on_passes_against_the_unbroken_mock(unbroken_runs):
    # A named check that is skipped or failing on the good server would "catch" mutants for free.
    statuses = {o.name: o.status for result in unbroken_runs.values() for o in result.outcomes}

    assert {m.caught_by: statuses.get(m.caught_by) for m in MUTANTS} == {m.caught_by: Status.PASSED for m in MUTANTS}


def test_the_mutants_named_as_caught_only_by_their_check_exist():
    assert CAUGHT_ONLY_BY_ITS_CHECK <= {m.__name__ for m in MUTANTS}


def test_the_matrix_has_thirty_mutants_over_every_family_each_naming_its_fault_and_a_real_check():
    families = {m.family for m in MUTANTS}
    # @dataclass writes "Name(field=…)" as the docstring of a class that has none.
    undocumented = [m.__name__ for m in MUTANTS if (inspect.getdoc(m) or m.__name__ + "(").startswith(m.__name__ + "(")]
    unknown_checks = {m.__name__: m.caught_by for m in MUTANTS if m.caught_by not in KIT_CHECKS}

    assert len(MUTANTS) >= 30
    assert families == FAMILIES
    assert undocumented == []
    assert unknown_checks == {}
    assert len({m.__name__ for m in MUTANTS}) == len(MUTANTS)


@pytest.mark.parametrize("mutant", MUTANTS, ids=[m.__name__ for m in MUTANTS])
def test_the_kit_exits_1_against_the_mutant_naming_the_broken_rule(mutant):
    result = _run(build(mutant), seed=1, layers=mutant.layers)

    outcomes = {o.name: o for o in result.outcomes}
    named = outcomes.get(mutant.caught_by)
    assert _exit_status(result) == EXIT_VIOLATIONS
    assert named is not None and named.status == Status.FAILED, (named, [(o.name, o.reason) for o in result.failed])
    assert named.findings and all(f.rule and f.message for f in named.findings)
    assert all(f.reproduce and f.reproduce.startswith("curl ") for f in named.findings)
    if mutant.__name__ in CAUGHT_ONLY_BY_ITS_CHECK:
        assert sorted(o.name for o in result.failed) == [mutant.caught_by]
