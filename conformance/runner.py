"""Orchestrates the three layers against one target and returns the result stream.

Usable in-process: pass ``app=`` (an ASGI app, e.g. the mock's Connexion ``AsyncApp`` or a broken variant
of it) instead of a reachable ``base_url``, and small example counts, and a test can run the whole kit in a
second or two. Each outcome is handed to ``on_outcome`` as soon as it is known (progress display), and all
of them come back in a :class:`~conformance.results.RunResult` that the writers consume.
"""

from __future__ import annotations

import ipaddress
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from conformance.budget import SIGNALS_SEEN, STOP, BudgetExhausted, Deadline, Interrupted, RunStopped, TargetGone
from conformance.checks import REGISTRY, BehaviourCheck, Kit
from conformance.client import Client, Pacer
from conformance.contract import Contract, ContractTableMissing
from conformance.failures import ContractViolation, Skip
from conformance.fixtures import STATES, Fixtures, MockControl
from conformance.results import CheckOutcome, Finding, Layer, LifecycleReport, RunResult, Status
from conformance.spend import CostTable, SpendLedger

__all__ = ["NotAnAurousTarget", "RunOptions", "TargetUnreachable", "UsageError", "is_loopback", "run"]

ALL_LAYERS = ("schema", "lifecycle", "behaviour")
# --strict without --require: these families must not be skipped.
STRICT_FAMILIES = ("save", "idempotency", "versioning", "isolation")


class UsageError(Exception):
    """The run cannot start because of how it was asked for (exit status 2)."""


class TargetUnreachable(UsageError):
    """No HTTP answer from the target (exit status 2)."""


class NotAnAurousTarget(UsageError):
    """The target answers, but not as an Aurous deployment at this base URL (exit status 2)."""


def is_loopback(base_url: str) -> bool:
    """Whether the URL names this machine (where a mock the user started is theirs to control)."""
    host = urlsplit(base_url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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
    spend_cap: int = 12  # credits, every layer included
    fixtures: dict[str, list[str]] = field(default_factory=dict)
    layers: tuple[str, ...] = ALL_LAYERS
    phases: tuple[str, ...] = ("examples", "coverage", "fuzzing", "stateful")
    exhaust_rate_limits: bool | None = None  # None: on when the kit controls the reference mock
    reset_mock: bool = False
    use_mock_control: bool | None = True  # None: only when the base URL is loopback (or an in-process app)
    time_budget: float | None = None  # seconds for the whole run; None: unbounded
    strict: bool = False
    required: tuple[str, ...] | None = None  # --strict: checks (or families) that must not be skipped
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


def _mock_control_wanted(options: RunOptions) -> bool:
    if options.use_mock_control is None:
        return options.app is not None or is_loopback(options.base_url)
    return options.use_mock_control


def plan_ledger(options: RunOptions, mock: MockControl | None) -> SpendLedger:
    """Consent and cap for the whole run. The reference mock's credits are not money: with the kit in control
    of it, paid operations run unless --allow-spend was given with a cap the user chose."""
    if options.allow_spend:
        return SpendLedger(allowed=True, cap=options.spend_cap)
    if mock is not None:
        return SpendLedger(allowed=True, cap=None)
    return SpendLedger(allowed=False, cap=0)


def run(options: RunOptions) -> RunResult:
    started = time.perf_counter()
    deadline = Deadline(options.time_budget)
    try:
        contract = Contract.load(options.spec_path)
        contract.check_tables()  # a spec without the tables stops here, not mid-run
    except ContractTableMissing as exc:
        raise UsageError(str(exc)) from None
    for state in options.fixtures:
        if state not in STATES:
            raise UsageError(f"--fixture {state}=…: unknown state (one of {', '.join(STATES)})")
    http = _http_client(options)
    say = options.progress or (lambda _message: None)

    # Expected seconds of waiting for tokens in the schema layer (set when it is sized): the ETA's basis.
    expected_wait: dict[str, float] = {}

    def on_wait(bucket: str | None, seconds: float) -> None:
        left = deadline.left()
        budget = "" if left == float("inf") else f"; {left:.0f} s of the time budget left"
        eta = ""
        if "schema" in expected_wait:
            eta = f"; ETA of the schema layer's waits ~{max(seconds, expected_wait['schema'] - pacer.waited):.0f} s"
        say(f"  waiting {seconds:.0f} s for a token of bucket {bucket or '?'} (rate limit{eta}{budget})")

    pacer = Pacer(
        rates=contract.sustained_per_minute(),
        bursts={b: contract.burst(b) or 1 for b in contract.sustained_per_minute()},
        deadline=deadline,
        on_wait=on_wait,
    )
    costs = CostTable(contract.credit_costs)
    client = Client(
        options.base_url, api_key=options.api_key, http=http, pacer=pacer, buckets=contract.buckets, costs=costs
    )
    result = RunResult(
        target=options.base_url if options.app is None else f"in-process ASGI app ({options.base_url})",
        seed=options.seed,
    )

    def emit(outcome: CheckOutcome) -> None:
        result.outcomes.append(outcome)
        if options.on_outcome:
            options.on_outcome(outcome)

    probe_target(client)
    mock = MockControl.detect(client) if _mock_control_wanted(options) else None
    ledger = plan_ledger(options, mock)
    client.ledger = ledger
    kit_notes = result.notes
    pinned = None
    other_key = options.other_team_key
    if mock is not None:
        team = mock.team_of(options.api_key)
        pinned = (team or {}).get("pinned_version")
        kit_notes.append(
            "Target is the reference mock (GET /_mock/teams answered, mock control on): characters are created "
            "with mock credits and forced between states through /_mock."
        )
        if mock.can_advance:
            pacer.advance = mock.advance
            kit_notes.append("Clock seen: the mock's manual clock; pacing and synthesis advance it instead of waiting.")
        else:
            kit_notes.append(
                "Clock seen: the mock runs on the real clock; the kit waits out its rate limits like a real "
                "deployment's (start it with --clock manual for fast runs)."
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
    else:
        kit_notes.append(
            "Clock seen: the target's real clock; the kit did not use /_mock (mock control off"
            + (
                ""
                if options.use_mock_control is not None
                else ": the base URL is not loopback; --mock-control turns it on"
            )
            + "), so it moved no clock and reset nothing."
        )
    exhaust = (
        options.exhaust_rate_limits
        if options.exhaust_rate_limits is not None
        else (mock is not None and mock.can_advance)
    )
    webhook_listen = options.webhook_listen
    if webhook_listen is None and mock is not None and options.app is None and is_loopback(options.base_url):
        # A mock on this machine can reach a receiver on loopback, so the webhook checks need no flag there.
        # Not for other targets: a real deployment cannot deliver to this machine's 127.0.0.1.
        webhook_listen = "127.0.0.1:0"
        kit_notes.append(
            "Webhook receiver on 127.0.0.1 (the target is a local mock); --webhook-listen sets another address."
        )
    other = client.with_key(other_key, "other team") if other_key else None
    other_pinned = (mock.team_of(other_key) or {}).get("pinned_version") if mock is not None and other_key else None
    result.spend = {"allowed": ledger.allowed, "cap": ledger.cap, "planned_max": ledger.cap if ledger.allowed else 0}
    result.spend["balance_before"] = _balance(client)
    say(_spend_line(ledger))

    fixtures = Fixtures(
        client,
        mock=mock,
        given={state: list(ids) for state, ids in options.fixtures.items()},
        allow_spend=ledger.allowed,
        spend_cap=ledger.cap if ledger.cap is not None else 10**9,
        poll_timeout=options.poll_timeout,
    )
    kit = Kit(
        client=client,
        contract=contract,
        fixtures=fixtures,
        other=other,
        mock=mock,
        allow_spend=ledger.allowed,
        exhaust_rate_limits=exhaust,
        pinned_version=pinned,
        other_pinned_version=other_pinned,
        notes=kit_notes,
        webhook_listen=webhook_listen,
    )
    current = "the schema layer"
    try:
        if "schema" in options.layers:
            t0 = time.perf_counter()
            say("schema layer: Schemathesis phases " + ", ".join(options.phases))
            _run_schema(
                options, contract, client, other, pacer, emit, result, say, ledger, costs, deadline, expected_wait
            )
            result.timings["schema"] = time.perf_counter() - t0
            if result.stats.get("schema", {}).get("interrupted"):
                raise KeyboardInterrupt
            if result.stats.get("schema", {}).get("stopped_at_deadline"):
                if deadline.left() <= 0:
                    raise BudgetExhausted(f"time budget of {options.time_budget:.0f} s used up in the schema layer")
                phases = result.stats["schema"].get("phases", {})
                result.notes.append(
                    f"Schema layer stopped at its share of the time budget ({result.timings['schema']:.0f} s) so "
                    "the named checks could run; phases: "
                    + ", ".join(
                        f"{name} {status}"
                        for name, status in phases.items()
                        if name in ("examples", "coverage", "fuzzing", "stateful")
                    )
                    + ". Its checks judged only what it sent."
                )
            if result.stats.get("schema", {}).get("transport_errors"):
                _still_there(client, "during the schema layer")
        for layer in ("lifecycle", "behaviour"):
            if layer not in options.layers:
                continue
            current = f"the {layer} layer"
            t0 = time.perf_counter()
            say(f"{layer} layer")
            checks = [c for c in REGISTRY if c.layer == layer and (options.only is None or c.name in options.only)]
            for outcome in _run_checks(kit, checks, Layer(layer), say, deadline):
                emit(outcome)
            result.timings[layer] = time.perf_counter() - t0
        result.lifecycle = _lifecycle_report(fixtures, mock)
    except (RunStopped, KeyboardInterrupt) as stop:
        signal_name = SIGNALS_SEEN[-1] if SIGNALS_SEEN else "SIGINT"
        interrupted = isinstance(stop, (KeyboardInterrupt, Interrupted))
        reason = f"interrupted ({signal_name})" if interrupted else str(stop)
        result.incomplete = f"{reason} — in {current}; {len(result.outcomes)} checks had run"
        result.lifecycle = _lifecycle_report(fixtures, mock)
    finally:
        gone = result.incomplete is not None and "stopped answering" in (result.incomplete or "")
        if result.incomplete is not None:
            # Stopping: no more waiting for tokens (cleanup stops at the first wait it would need).
            pacer.deadline = Deadline(0)
            STOP.clear()
        from conformance.checks.webhooks import close_session

        close_session(kit)  # the receiver stops and the endpoints the kit registered are deleted
        if not gone and (options.cleanup or (options.cleanup is None and mock is None)):
            t0 = time.perf_counter()
            try:
                fixtures.cleanup()
            except (RunStopped, KeyboardInterrupt, httpx.HTTPError):
                result.notes.append("Cleanup stopped early: some characters the kit created were not deleted.")
            result.timings["cleanup"] = time.perf_counter() - t0
        if not gone:
            result.spend["balance_after"] = _balance(client)
        result.spend["committed"] = ledger.committed
        result.spend["paid_calls"] = len(ledger.calls)
        result.spend["refused_paid_calls"] = len(ledger.refused)
        before, after = result.spend.get("balance_before"), result.spend.get("balance_after")
        result.spend["spent"] = before - after if isinstance(before, int) and isinstance(after, int) else None
        result.stats["requests_behaviour"] = len(client.log)
        result.stats["paced_wait_seconds"] = round(pacer.waited, 2)
        result.stats["paced_wait_by_bucket"] = {k: round(v, 1) for k, v in pacer.waits.items()}
        result.stats["mock_clock_advanced_seconds"] = round(pacer.advanced, 1)
        result.stats["syntheses_paid"] = fixtures.spent
        if options.app is None:
            http.close()
    _apply_strict(options, result)
    result.duration = time.perf_counter() - started
    return result


def _spend_line(ledger: SpendLedger) -> str:
    if not ledger.allowed:
        return "planned maximum spend: 0 credits (no --allow-spend: no paid request is sent in any layer)"
    if ledger.cap is None:
        return "planned maximum spend: mock credits only (the reference mock under the kit's control)"
    return f"planned maximum spend: {ledger.cap} credits (--spend-cap, every layer included)"


def _balance(client: Client) -> int | None:
    try:
        exchange = client.get("/v1/balance")
    except (httpx.HTTPError, RunStopped):
        return None
    body = exchange.json()
    credits = body.get("credits") if isinstance(body, dict) else None
    return credits if isinstance(credits, int) else None


def _still_there(client: Client, when: str) -> None:
    """Raise TargetGone when the target no longer answers at all."""
    try:
        client.http.request("GET", client.base_url + "/v1/characters", timeout=5.0)
    except httpx.HTTPError as exc:
        raise TargetGone(f"the target stopped answering {when} ({type(exc).__name__})") from exc


def _apply_strict(options: RunOptions, result: RunResult) -> None:
    if not options.strict:
        return
    wanted = set(options.required or STRICT_FAMILIES)
    missing = [o for o in result.outcomes if o.status == Status.SKIPPED and (o.name in wanted or o.family in wanted)]
    result.strict_failures = [f"{o.layer.value}/{o.name}: {o.reason}" for o in missing]


def probe_target(client: Client) -> None:
    """Is this an Aurous deployment at this base URL? One keyless and one keyed request; else exit 2.

    An Aurous deployment answers a keyless list with 401 and marks it as its own (the JSON error envelope,
    `Aurous-Request-Id`, `Aurous-Version`). A broken one may get the 401 wrong and is judged by the checks;
    an answer with none of the marks, or a 404/405 for the list route itself, is not an Aurous API here.
    """
    try:
        anonymous = client.get("/v1/characters", auth=False, pace=False)
    except httpx.HTTPError as exc:
        raise TargetUnreachable(f"{client.base_url} is unreachable: {exc}") from exc
    body = anonymous.json()
    marks = [
        name
        for name, present in (
            ("JSON error envelope", isinstance(body, dict) and isinstance(body.get("error"), dict)),
            ("Aurous-Request-Id", anonymous.header("aurous-request-id") is not None),
            ("Aurous-Version", anonymous.header("aurous-version") is not None),
        )
        if present
    ]
    content_type = anonymous.header("content-type") or "no content type"
    if anonymous.status in (404, 405):
        raise NotAnAurousTarget(
            f"{client.base_url} is not the root of an Aurous API: GET /v1/characters answered HTTP "
            f"{anonymous.status} ({content_type}); check --base-url"
        )
    if not marks:
        raise NotAnAurousTarget(
            f"{client.base_url} does not answer as an Aurous deployment: GET /v1/characters without a key "
            f"answered HTTP {anonymous.status} ({content_type}) with no JSON error envelope, Aurous-Request-Id "
            "or Aurous-Version (a gateway or another service?)"
        )
    try:
        exchange = client.get("/v1/characters", params={"limit": 1})
    except httpx.HTTPError as exc:
        raise TargetUnreachable(f"{client.base_url} is unreachable: {exc}") from exc
    if exchange.status in (401, 403):
        raise UsageError(f"the target refused the API key (HTTP {exchange.status}); check --api-key")
    client.log.clear()


def schema_exclusions(contract: Contract, ledger: SpendLedger, costs: CostTable) -> dict[str, str]:
    """operationId -> why the schema layer leaves it out: every request of it would be paid, and the run may
    not pay. (Create is kept: its upload flow is free, and its synthesize-flow cases are sent as free ones.)"""
    if ledger.allowed:
        return {}
    out = {}
    for (method, route), cost in contract.credit_costs.items():
        if not isinstance(cost, dict) and costs.max_cost(method, route) > 0:
            op = contract.operation_ids.get((method, route), f"{method} {route}")
            out[op] = f"{method} {route} costs {cost} credit(s) per accepted request; no --allow-spend"
    return out


def expected_schema_requests(
    contract: Contract, options: RunOptions, excluded: dict[str, str], max_examples: int
) -> dict[str, int]:
    """bucket -> about how many requests the schema layer sends (max_examples cases per operation and phase)."""
    phases = [p for p in options.phases if p in ("examples", "coverage", "fuzzing", "stateful")]
    per_bucket: dict[str, int] = {}
    for (method, route), bucket in contract.buckets.items():
        if contract.operation_ids.get((method, route), "") in excluded or route.endswith("/content"):
            continue
        name = str(bucket.get("upload_flow") if isinstance(bucket, dict) else bucket)
        per_bucket[name] = per_bucket.get(name, 0) + max_examples * len(phases)
    return per_bucket


def schema_wait(
    contract: Contract, options: RunOptions, excluded: dict[str, str], pacer: Pacer, max_examples: int
) -> tuple[float, str]:
    """(seconds, bucket): the longest wait for tokens the schema layer should meet, and on which bucket."""
    rates = contract.sustained_per_minute()
    worst, bucket = 0.0, ""
    for name, count in expected_schema_requests(contract, options, excluded, max_examples).items():
        if name not in rates:
            continue
        tokens = pacer.remaining(name)
        tokens = (contract.burst(name) or 0) if tokens is None else tokens
        wait = max(0.0, count - tokens) * 60.0 / rates[name]
        if wait > worst:
            worst, bucket = wait, name
    return worst, bucket


def size_schema_layer(
    contract: Contract, options: RunOptions, excluded: dict[str, str], pacer: Pacer, seconds: float
) -> tuple[int, str | None]:
    """The largest --max-examples whose expected waits for tokens fit in ``seconds``, from each bucket's refill
    rate (the spec) and the tokens the target said are left (X-RateLimit-Remaining); with a note when cut."""
    rates = contract.sustained_per_minute()

    def wait_for(max_examples: int) -> tuple[float, str]:
        return schema_wait(contract, options, excluded, pacer, max_examples)

    examples = options.max_examples
    while examples > 1 and wait_for(examples)[0] > seconds:
        examples -= 1
    if examples == options.max_examples:
        return examples, None
    wait, bucket = wait_for(examples)
    return examples, (
        f"Schema layer sized to the time budget: --max-examples {options.max_examples} → {examples} (bucket "
        f"{bucket} refills {rates[bucket]:.0f}/min; about {wait:.0f} s of waiting expected)."
    )


def _run_schema(
    options, contract, client, other, pacer, emit, result, say, ledger, costs, deadline, expected_wait=None
) -> None:  # type: ignore[no-untyped-def]
    from conformance.schema_layer import SchemaLayerOptions, run_schema_layer

    excluded = schema_exclusions(contract, ledger, costs)
    max_examples = options.max_examples
    if pacer.advance is None and deadline.seconds is not None and pacer.has_seen_limits():
        # Half of what is left goes to the schema layer; the named checks need the rest.
        max_examples, sized = size_schema_layer(contract, options, excluded, pacer, 0.5 * deadline.left())
        if expected_wait is not None:
            expected_wait["schema"] = schema_wait(contract, options, excluded, pacer, max_examples)[0]
        if sized:
            result.notes.append(sized)
            say(sized)
    if excluded:
        result.notes.append(
            "Schema layer left out, because they cost credits and --allow-spend was not given: "
            + "; ".join(excluded.values())
            + ". Synthesize-flow creates (generate: true) were sent as generate: false (free)."
        )

    layer_options = SchemaLayerOptions(
        spec_path=Path(contract.path),
        base_url=options.base_url,
        api_key=options.api_key,
        app=options.app,
        seed=options.seed,
        max_examples=max_examples,
        phases=options.phases,
        other=other,
        pacer=pacer,
        buckets=client.bucket_for,
        request_timeout=options.timeout,
        known_versions=contract.known_versions,
        version_pattern=contract.version_pattern,
        progress=say,
        costs=costs,
        ledger=ledger,
        excluded=excluded,
        param_examples=contract.error_example_params(),
        # The named checks come first for the cap: one synthesis to observe (4) and one image (1) at least.
        keep_credits=0 if ledger.cap is None else min(ledger.cap, 4 * 2 + 1),
        # Half of what is left: the named checks (behaviour, lifecycle) keep the other half.
        deadline=None if deadline.seconds is None else time.monotonic() + 0.5 * deadline.left(),
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
    kit: Kit,
    checks: Iterable[BehaviourCheck],
    layer: Layer,
    say: Callable[[str], None],
    deadline: Deadline | None = None,
) -> Iterable[CheckOutcome]:
    for check in checks:
        if deadline is not None:
            deadline.check(f"{layer.value}/{check.name}")
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
            steps = kit.client.log[mark:]
            if exchange is not None and exchange in steps:
                steps = steps[: steps.index(exchange) + 1]  # up to the exchange that shows the break
            outcome.findings.append(
                Finding(
                    title=violation.title,
                    message=violation.message,
                    rule=violation.rule,
                    exchange=exchange,
                    steps=steps,
                )
            )
        except httpx.HTTPError as exc:
            _still_there(kit.client, f"at {layer.value}/{check.name}")
            outcome.status, outcome.reason = Status.ERROR, f"transport error: {exc}"
        except RunStopped:
            raise
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


def describe_plan(options: RunOptions) -> str:
    """What a run with these options would do and may cost, without sending anything (``--dry-run``)."""
    contract = Contract.load(options.spec_path)
    costs = CostTable(contract.credit_costs)
    mock_control = _mock_control_wanted(options)
    # The plan cannot know whether the target is the mock without asking it; it assumes it is not.
    ledger = plan_ledger(options, None)
    lines = [f"Plan for {options.base_url} (nothing sent)", ""]
    lines.append(_spend_line(ledger))
    budget = "unbounded" if options.time_budget is None else f"{options.time_budget:.0f} s"
    lines.append(f"time budget: {budget}; mock control: {'on if /_mock answers' if mock_control else 'off'}")
    lines += ["", "Paid operations (x-aurous-credit-cost):"]
    for method, route, cost in costs.paid_operations():
        how = "sent within the cap" if ledger.allowed else "not sent"
        lines.append(f"  {method} {route}: up to {cost} credit(s) — {how}")
    excluded = schema_exclusions(contract, ledger, costs)
    rates = contract.sustained_per_minute()
    if "schema" in options.layers:
        phases = [p for p in options.phases if p in ("examples", "coverage", "fuzzing", "stateful")]
        per_bucket: dict[str, int] = {}
        for (method, route), bucket in contract.buckets.items():
            op = contract.operation_ids.get((method, route), "")
            if op in excluded or route.endswith("/content"):
                continue
            name = bucket.get("upload_flow") if isinstance(bucket, dict) else bucket
            # About max_examples cases per operation and phase (the coverage phase may send more).
            per_bucket[str(name)] = per_bucket.get(str(name), 0) + options.max_examples * len(phases)
        lines += [
            "",
            f"schema layer: Schemathesis phases {', '.join(phases)}, about {options.max_examples} cases per operation and phase",
        ]
        for op, why in excluded.items():
            lines.append(f"  left out: {op} ({why})")
        lines.append("  expected requests per rate-limit bucket (estimate):")
        for name, count in sorted(per_bucket.items()):
            burst = contract.burst(name) or 0
            wait = max(0.0, (count - burst) * 60.0 / rates[name]) if name in rates else 0.0
            lines.append(
                f"    {name:<22} ~{count:>4}  (burst {burst}, {rates.get(name, 0):.0f}/min: ~{wait:.0f} s of waiting on a real deployment)"
            )
    for layer in ("lifecycle", "behaviour"):
        if layer not in options.layers:
            continue
        checks = [c for c in REGISTRY if c.layer == layer and (options.only is None or c.name in options.only)]
        lines += ["", f"{layer} layer: {len(checks)} checks"]
        for check in checks:
            needs = f"  (needs {', '.join(check.needs)})" if check.needs else ""
            lines.append(f"  {check.family:<12} {check.name}{needs}")
    return "\n".join(lines)
