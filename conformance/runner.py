"""Orchestrates the three layers against one target and returns the result stream.

Usable in-process: pass ``app=`` (an ASGI app, e.g. the mock's Connexion ``AsyncApp`` or a broken variant
of it) instead of a reachable ``base_url``, and small example counts, and a test can run the whole kit in a
second or two. Each outcome is handed to ``on_outcome`` as soon as it is known (progress display), and all
of them come back in a :class:`~conformance.results.RunResult` that the writers consume.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from conformance.checks import REGISTRY, BehaviourCheck, Kit
from conformance.client import Client, Pacer
from conformance.contract import Contract, ContractTableMissing
from conformance.failures import ContractViolation, Skip
from conformance.fixtures import STATES, Fixtures, MockControl
from conformance.results import CheckOutcome, Finding, Layer, LifecycleReport, RunResult, Status

__all__ = ["RunOptions", "TargetUnreachable", "UsageError", "run"]

ALL_LAYERS = ("schema", "lifecycle", "behaviour")


class UsageError(Exception):
    """The run cannot start because of how it was asked for (exit status 2)."""


class TargetUnreachable(UsageError):
    """No HTTP answer from the target (exit status 2)."""


@dataclass
class RunOptions:
    api_key: str
    base_url: str = "http://testserver"
    other_team_key: str | None = None
    spec_path: Path | str | None = None
    app: Any = None
    seed: int | None = None
    max_examples: int = 10
    allow_spend: bool = False
    spend_cap: int = 3
    fixtures: dict[str, list[str]] = field(default_factory=dict)
    layers: tuple[str, ...] = ALL_LAYERS
    phases: tuple[str, ...] = ("examples", "coverage", "fuzzing", "stateful")
    exhaust_rate_limits: bool = False
    reset_mock: bool = False
    use_mock_control: bool = True
    only: tuple[str, ...] | None = None  # run only these check names (tests, bisecting)
    timeout: float = 30.0
    webhook_listen: str | None = None  # HOST:PORT for the kit's webhook receiver; webhook checks skip without it
    poll_timeout: float = 180.0
    cleanup: bool | None = None  # None: delete what the kit created, except on the mock
    progress: Callable[[str], None] | None = None
    on_outcome: Callable[[CheckOutcome], None] | None = None


def _http_client(options: RunOptions) -> httpx.Client:
    if options.app is not None:
        from starlette.testclient import TestClient

        return TestClient(options.app, base_url=options.base_url, raise_server_exceptions=False)
    return httpx.Client(timeout=options.timeout)


def run(options: RunOptions) -> RunResult:
    started = time.perf_counter()
    try:
        contract = Contract.load(options.spec_path)
        contract.check_tables()  # a spec without the tables stops here, not mid-run
    except ContractTableMissing as exc:
        raise UsageError(str(exc)) from None
    for state in options.fixtures:
        if state not in STATES:
            raise UsageError(f"--fixture {state}=…: unknown state (one of {', '.join(STATES)})")
    http = _http_client(options)
    pacer = Pacer(rates=contract.sustained_per_minute())
    client = Client(options.base_url, api_key=options.api_key, http=http, pacer=pacer, buckets=contract.buckets)
    result = RunResult(
        target=options.base_url if options.app is None else f"in-process ASGI app ({options.base_url})",
        seed=options.seed,
    )
    say = options.progress or (lambda _message: None)

    def emit(outcome: CheckOutcome) -> None:
        result.outcomes.append(outcome)
        if options.on_outcome:
            options.on_outcome(outcome)

    _probe(client)
    mock = MockControl.detect(client) if options.use_mock_control else None
    kit_notes = result.notes
    pinned = None
    other_key = options.other_team_key
    if mock is not None:
        team = mock.team_of(options.api_key)
        pinned = (team or {}).get("pinned_version")
        kit_notes.append(
            "Target is the reference mock (GET /_mock/teams answered): characters are created with mock credits "
            "only and forced between states through /_mock, without --allow-spend."
        )
        if mock.can_advance:
            pacer.advance = mock.advance
            kit_notes.append("The mock runs a manual clock: pacing and synthesis advance it instead of waiting.")
        else:
            kit_notes.append(
                "The mock runs on the real clock: the kit waits out its rate limits like a real deployment's "
                "(start it with --clock manual for fast runs)."
            )
        if other_key is None:
            found = mock.other_team_key(options.api_key)
            if found is not None:
                other_key = found[0]
                kit_notes.append(
                    f"Second team for the isolation checks taken from /_mock/teams: {found[1].get('name') or found[1].get('id')}."
                )
        if options.reset_mock:
            mock.reset()
            kit_notes.append("The mock was reset (--reset-mock) before the run.")
    other = client.with_key(other_key, "other team") if other_key else None
    other_pinned = (mock.team_of(other_key) or {}).get("pinned_version") if mock is not None and other_key else None

    fixtures = Fixtures(
        client,
        mock=mock,
        given={state: list(ids) for state, ids in options.fixtures.items()},
        allow_spend=options.allow_spend,
        spend_cap=options.spend_cap,
        poll_timeout=options.poll_timeout,
    )
    kit = Kit(
        client=client,
        contract=contract,
        fixtures=fixtures,
        other=other,
        mock=mock,
        allow_spend=options.allow_spend,
        exhaust_rate_limits=options.exhaust_rate_limits,
        pinned_version=pinned,
        other_pinned_version=other_pinned,
        notes=kit_notes,
        webhook_listen=options.webhook_listen,
    )
    try:
        if "schema" in options.layers:
            t0 = time.perf_counter()
            say("schema layer: Schemathesis phases " + ", ".join(options.phases))
            _run_schema(options, contract, client, other, pacer, emit, result, say)
            result.timings["schema"] = time.perf_counter() - t0
        for layer in ("lifecycle", "behaviour"):
            if layer not in options.layers:
                continue
            t0 = time.perf_counter()
            say(f"{layer} layer")
            checks = [c for c in REGISTRY if c.layer == layer and (options.only is None or c.name in options.only)]
            for outcome in _run_checks(kit, checks, Layer(layer), say):
                emit(outcome)
            result.timings[layer] = time.perf_counter() - t0
        result.lifecycle = _lifecycle_report(fixtures, mock)
    finally:
        from conformance.checks.webhooks import close_session

        close_session(kit)  # the receiver stops and the endpoints the kit registered are deleted
        if options.cleanup or (options.cleanup is None and mock is None):
            t0 = time.perf_counter()
            fixtures.cleanup()
            result.timings["cleanup"] = time.perf_counter() - t0
        result.stats["requests_behaviour"] = len(client.log)
        result.stats["paced_wait_seconds"] = round(pacer.waited, 2)
        result.stats["mock_clock_advanced_seconds"] = round(pacer.advanced, 1)
        result.stats["syntheses_paid"] = fixtures.spent
        if options.app is None:
            http.close()
    result.duration = time.perf_counter() - started
    return result


def _probe(client: Client) -> None:
    try:
        exchange = client.get("/v1/characters", params={"limit": 1})
    except httpx.HTTPError as exc:
        raise TargetUnreachable(f"{client.base_url} is unreachable: {exc}") from exc
    if exchange.status in (401, 403):
        raise UsageError(f"the target refused the API key (HTTP {exchange.status}); check --api-key")
    client.log.clear()


def _run_schema(options, contract, client, other, pacer, emit, result, say) -> None:  # type: ignore[no-untyped-def]
    from conformance.schema_layer import SchemaLayerOptions, run_schema_layer

    layer_options = SchemaLayerOptions(
        spec_path=Path(contract.path),
        base_url=options.base_url,
        api_key=options.api_key,
        app=options.app,
        seed=options.seed,
        max_examples=options.max_examples,
        phases=options.phases,
        other=other,
        pacer=pacer,
        buckets=client.bucket_for,
        request_timeout=options.timeout,
        known_versions=contract.known_versions,
        version_pattern=contract.version_pattern,
        progress=say,
    )
    try:
        outcomes, stats = run_schema_layer(layer_options)
    except Exception as exc:  # a crash of the engine is the kit's error, never the target's pass
        emit(CheckOutcome(Layer.SCHEMA, "schemathesis_engine", "schemathesis", Status.ERROR, reason=repr(exc)))
        return
    result.stats["schema"] = stats
    if result.seed is None:
        result.seed = stats.get("seed")
    for outcome in outcomes:
        if options.only is None or outcome.name in options.only:
            emit(outcome)


def _run_checks(
    kit: Kit, checks: Iterable[BehaviourCheck], layer: Layer, say: Callable[[str], None]
) -> Iterable[CheckOutcome]:
    for check in checks:
        outcome = CheckOutcome(layer=layer, name=check.name, family=check.family, status=Status.PASSED, rule=check.rule)
        mark = len(kit.client.log)
        started = time.perf_counter()
        try:
            if "other_team" in check.needs and kit.other is None:
                raise Skip("needs a second team's key: pass --other-team-key")
            if "mock" in check.needs and kit.mock is None:
                raise Skip("observable only through the reference mock's control API")
            check.func(kit)
        except Skip as skip:
            outcome.status, outcome.reason = Status.SKIPPED, str(skip)
        except ContractViolation as violation:
            outcome.status = Status.FAILED
            exchange = violation.exchange or (kit.client.log[-1] if len(kit.client.log) > mark else None)
            outcome.findings.append(
                Finding(title=violation.title, message=violation.message, rule=violation.rule, exchange=exchange)
            )
        except httpx.HTTPError as exc:
            outcome.status, outcome.reason = Status.ERROR, f"transport error: {exc}"
        except Exception:  # the kit's own bug: say so, never count it as a pass or a target failure
            outcome.status, outcome.reason = Status.ERROR, traceback.format_exc(limit=3)
        outcome.duration = time.perf_counter() - started
        outcome.requests = len(kit.client.log) - mark
        say(
            f"  {outcome.status.value:<7} {check.name}"
            + (f" ({outcome.reason})" if outcome.status == Status.SKIPPED else "")
        )
        yield outcome


def _lifecycle_report(fixtures: Fixtures, mock: MockControl | None) -> LifecycleReport:
    report = LifecycleReport(acquisition=fixtures.describe_acquisition())
    outcome = fixtures.natural_outcome
    if outcome == "reviewing":
        report.variant = "review-step"
        report.evidence = "a synthesis left to finish ended in `reviewing` (the contract's lifecycle)"
    elif outcome == "ready":
        report.variant = "auto-ready"
        report.evidence = (
            "a synthesis left to finish ended in `ready` with no review step: the 2026-06-19 changelog variant. "
            "The contract's review step was not observed; save on `ready` is the idempotent no-op."
        )
    elif outcome == "failed":
        report.evidence = "the observed synthesis failed, so the lifecycle variant is not known"
    else:
        report.evidence = (
            "no synthesis was observed (needs the mock or --allow-spend); the lifecycle variant is not known"
        )
    for state in STATES:
        report.states[state] = fixtures.reached.get(state, "not needed or not attempted")
    if mock is not None and report.variant == "review-step":
        report.states.setdefault("reviewing", "mock")
    return report
