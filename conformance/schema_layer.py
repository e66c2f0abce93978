"""Schema layer: Schemathesis's engine (examples, coverage, fuzzing, stateful through the spec's links) with
every check that applies, plus the kit's response-level checks (``checks/response.py``).

Owns: the Schemathesis configuration, the exclusions that keep correct contract behaviour from being
reported as failures (each explained where it is made), pacing hooks, and turning the engine's events into
:class:`~conformance.results.CheckOutcome` s. It knows nothing about the behaviour layer.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events
from schemathesis.engine import from_schema as engine_for
from schemathesis.schemas import BaseSchema

from conformance.budget import BudgetExhausted, Interrupted
from conformance.checks.response import ACTIVE, CUSTOM_CHECKS, SchemaRun
from conformance.client import Client, Pacer
from conformance.results import CheckOutcome, Finding, Layer, Status
from conformance.spend import CostTable, SpendLedger

__all__ = ["SchemaLayerOptions", "run_schema_layer", "SCHEMATHESIS_CHECKS"]

# Every built-in check that applies to this API. `object_level_authorization` needs Schemathesis's WFC
# identities; the kit's own `other_team_gets_404` (and the behaviour layer) cover cross-team reads instead.
# `max_response_time` has no contract value; `unsupported_method`/`allow_header_conformance` judge 405s,
# which the contract does not specify.
SCHEMATHESIS_CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
    "positive_data_acceptance",
    "negative_data_rejection",
    "use_after_free",
    "ensure_resource_availability",
    "missing_required_header",
    "ignored_auth",
)
DISABLED_CHECKS = ("object_level_authorization", "unsupported_method", "allow_header_conformance")

# Answers the contract gives to *schema-valid* requests, because of state the schema cannot see. Without
# this table `positive_data_acceptance` would call them rejections of valid data (TOOLING-NOTES: the
# stateful phase saves a character that is still synthesizing, and the contract's 400 is right).
# The one copy: `schemathesis.toml` (plain `st run` can read nothing else) repeats its statuses, and
# tests/conformance/test_schemathesis_toml.py proves the two equal.
ANY_ID_404 = {(404, "resource_not_found")}  # random or stale ids: CONTRACT DECISION, any unknown id is 404
STATE_DEPENDENT: dict[str, set[tuple[int, str]]] = {
    # save on synthesizing/failed: 400 invalid_request_error (save page's error table)
    "saveCharacter": {(400, "invalid_request_error")},
    # regenerate from synthesizing/failed, resynthesize from synthesizing; synthesis costs credits
    "regenerateRef": {(400, "invalid_request_error"), (402, "insufficient_credits")},
    "resynthesizeCharacter": {(400, "invalid_request_error"), (402, "insufficient_credits")},
    # PATCH on synthesizing: 400 invalid_request_error (spec DECISION)
    "updateCharacter": {(400, "invalid_request_error")},
    # random upl_ ids are unknown (400 upload_invalid); flows are exclusive and synthesis costs credits
    "createCharacter": {
        (400, "upload_invalid"),
        (400, "parameter_invalid_combination"),
        (402, "insufficient_credits"),
    },
    # extension must match content_type: a cross-field rule JSON Schema here does not express
    "initUpload": {(400, "parameter_invalid_combination")},
    "classifyUpload": {(400, "upload_invalid")},
    "putUploadContent": {(400, "upload_expired")},
    # a cursor that names no character of the team on record: 400 invalid_cursor (spec DECISION)
    "listCharacters": {(400, "invalid_cursor")},
    # a random character_id is unknown (404) or not ready (400); images cost credits
    "createImage": {(400, "character_not_ready"), (402, "insufficient_credits")},
    # a team has at most 16 endpoints (spec DECISION): a long run's registrations meet the limit
    "createWebhookEndpoint": {(400, "value_out_of_range")},
    # a test fire must name an event type the endpoint subscribes to
    "testWebhookEndpoint": {(400, "invalid_request_error")},
}
# Everywhere: Hypothesis reuses an Idempotency-Key across examples with different bodies, which the
# contract answers with 409 idempotency_key_in_use; a paced run may still meet a 429 on a shared bucket.
# A well-formed `Aurous-Version` the schema's pattern admits may still be unknown: 400 unknown_version is
# the contract's answer (the schema cannot list the known versions without making unknown ones invalid).
EVERYWHERE = {(409, "idempotency_key_in_use"), (429, "too_many_requests"), (400, "unknown_version")}
# Cross-field rules the spec states in an operation's description, not its JSON Schema: (status, code, param).
# openapi.yaml, create: "`generate: true` without `attributes`: 400 `missing_field`, `param: attributes`".
CROSS_FIELD: dict[str, set[tuple[int, str, str]]] = {
    "createCharacter": {(400, "missing_field", "attributes")},
}


@dataclass
class SchemaLayerOptions:
    spec_path: Path
    base_url: str
    api_key: str
    app: Any = None
    seed: int | None = None
    max_examples: int = 10
    phases: tuple[str, ...] = ("examples", "coverage", "fuzzing", "stateful")
    stateful_max_steps: int = 12
    other: Client | None = None
    pacer: Pacer | None = None
    buckets: Callable[[str, str, Any], str | None] | None = None
    request_timeout: float = 30.0
    # From the spec (Contract.known_versions, Contract.version_pattern): the kit keeps no copy.
    known_versions: tuple[str, ...] = ()
    version_pattern: re.Pattern[str] | None = None
    progress: Callable[[str], None] | None = None
    stats: dict[str, Any] = field(default_factory=dict)
    # Credits: without them every case is free to send (tests); the runner always passes both.
    costs: CostTable | None = None
    ledger: SpendLedger | None = None
    # operationIds the layer leaves out (paid operations without --allow-spend), with the reason.
    excluded: dict[str, str] = field(default_factory=dict)
    param_examples: dict[Any, Any] = field(default_factory=dict)
    # Credits of the cap the schema layer leaves to the kit's own checks (they observe a synthesis).
    keep_credits: int = 0
    # Wall-clock limit (time.monotonic()) after which the engine is stopped; what ran is still reported.
    deadline: float | None = None


def build_config(options: SchemaLayerOptions) -> SchemathesisConfig:
    checks: dict[str, Any] = {name: {"enabled": True} for name in SCHEMATHESIS_CHECKS}
    checks.update({name: {"enabled": False} for name in DISABLED_CHECKS})
    checks.update({check.__name__: {"enabled": True} for check in CUSTOM_CHECKS})
    phases: dict[str, dict[str, Any]] = {
        name: {"enabled": name in options.phases} for name in ("examples", "coverage", "fuzzing", "stateful")
    }
    phases["stateful"]["max-steps"] = max(2, options.stateful_max_steps)
    data: dict[str, Any] = {
        "base-url": options.base_url,
        "workers": 1,
        # No "rate-limit: auto": Schemathesis would sleep out each Retry-After itself, past any time budget.
        # The kit's pacer waits instead (a 429's Retry-After, X-RateLimit-*, or the spec's refill rate), within
        # the budget and saying which bucket it waits on.
        "request-timeout": options.request_timeout,
        "generation": {"max-examples": options.max_examples},
        "checks": checks,
        "phases": phases,
        "auth": {"openapi": {"ApiKeyAuth": {"api_key": options.api_key}}},
    }
    if options.seed is not None:
        data["seed"] = options.seed
    # No "max-time": Schemathesis then repeats its phases until that time is up. The deadline is kept by
    # stopping the engine's event stream from the before_call hook instead.
    return SchemathesisConfig.from_dict(data)


def _error(response: Any) -> dict[str, Any]:
    try:
        error = json.loads(response.content)["error"]
    except (ValueError, KeyError, TypeError):
        return {}
    return error if isinstance(error, dict) else {}


def _error_code(response: Any) -> str | None:
    return _error(response).get("code")


def _blamed_parameter_is_invalid(case: Any, response: Any) -> bool:
    """Whether the 400 names a parameter whose sent value breaks the spec's own schema for it.

    Schemathesis 4.32's coverage phase sometimes sends `Aurous-Version: 0` in a case it marks positive
    (the header's `pattern` is lost); the target's 400 `invalid_format` is then the contract's answer to an
    invalid request, not a rejection of valid data.
    """
    param = _error(response).get("param")
    if response.status_code != 400 or not isinstance(param, str):
        return False
    sent = {
        **{k.lower(): v for k, v in (case.headers or {}).items()},
        **{k.lower(): v for k, v in (case.query or {}).items()},
    }
    for parameter in case.operation.iter_parameters():
        if parameter.name.lower() == param.lower() and parameter.name.lower() in sent:
            return not parameter.is_valid(sent[parameter.name.lower()])
    return False


def _filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
    """Keep a failure unless it is `positive_data_acceptance` objecting to a state-dependent contract answer."""
    if type(failure).__name__ != "RejectedPositiveData":
        return True
    if _blamed_parameter_is_invalid(case, response):
        return False
    operation_id = case.operation.definition.raw.get("operationId")
    pair = (response.status_code, _error_code(response))
    if (*pair, _error(response).get("param")) in CROSS_FIELD.get(operation_id or "", set()):
        return False
    allowed = EVERYWHERE | STATE_DEPENDENT.get(operation_id or "", set())
    if "{" in case.operation.path:
        allowed |= ANY_ID_404
    return pair not in allowed


def _known_versions_only(known: tuple[str, ...], pattern: re.Pattern[str]) -> Callable[[Any, Any], Any]:
    """A `map_headers` hook: a random well-formed date becomes a known version.

    Otherwise nearly every generated request carries an unknown version and stops at the 400, so fuzzing
    never reaches the handlers. Malformed values pass through untouched (negative cases must stay
    negative); the behaviour layer tests unknown versions on purpose.
    """

    def map_headers(context: Any, headers: Any) -> Any:
        if not headers:
            return headers
        for name in list(headers):
            value = headers[name]
            if name.lower() == "aurous-version" and isinstance(value, str) and pattern.match(value):
                if value not in known:
                    headers[name] = known[sum(map(ord, value)) % len(known)]
        return headers

    return map_headers


def run_schema_layer(options: SchemaLayerOptions) -> tuple[list[CheckOutcome], dict[str, Any]]:
    config = build_config(options)
    schema: BaseSchema = schemathesis.openapi.from_path(options.spec_path, config=config)
    if options.app is not None:
        schema.app = options.app
    schema = schema.include(path_regex="^/v1/").exclude(path_regex="/content$")
    # Registering webhook endpoints is left to the webhook checks (--webhook-listen): fuzzed registrations
    # would point a real deployment's deliveries at arbitrary URLs, and the kit could not delete them after.
    schema = schema.exclude(operation_id="createWebhookEndpoint")
    if options.excluded:
        schema = schema.exclude(operation_id=sorted(options.excluded))
    schema.hooks.register_hook_with_name(_filter_failure, "filter_failure")
    if options.known_versions and options.version_pattern is not None:
        hook = _known_versions_only(options.known_versions, options.version_pattern)
        schema.hooks.register_hook_with_name(hook, "map_headers")

    pacer = options.pacer

    neutralised: list[str] = []
    charged: dict[str, tuple[int, str]] = {}
    stream_box: dict[str, Any] = {}

    def before_call(context: Any, case: Any, kwargs: Any = None) -> None:
        if case.operation.schema is not schema:
            return
        if options.deadline is not None and time.monotonic() >= options.deadline and "stream" in stream_box:
            stream_box["budget"] = "deadline"
            stream_box["stream"].stop()
        if options.costs is not None and options.ledger is not None:
            cost = options.costs.cost(case.method, case.formatted_path, case.body)
            what = f"schema layer: {case.method.upper()} {case.operation.path}"
            if cost > 0 and options.ledger.try_charge(cost, what, keep=options.keep_credits):
                charged[case.id] = (cost, what)
            elif cost > 0:
                neutralised.append(_neutralise(case))
        if pacer is not None and options.buckets is not None:
            try:
                pacer.before(options.buckets(case.method.upper(), case.formatted_path, case.body))
            except BudgetExhausted as exc:
                # Stop generating; this last request goes out unpaced (at worst a 429, which is allowed).
                stream_box["budget"] = str(exc)
                if "stream" in stream_box:
                    stream_box["stream"].stop()
            except Interrupted:
                stream_box["interrupted"] = True
                if "stream" in stream_box:
                    stream_box["stream"].stop()

    def after_call(context: Any, case: Any, response: Any) -> None:
        if case.id in charged and options.ledger is not None:
            cost, what = charged.pop(case.id)
            if not 200 <= response.status_code < 300:
                options.ledger.refund(cost, what)
        if pacer is not None and options.buckets is not None:
            headers = {k.lower(): (v[0] if isinstance(v, list) else v) for k, v in response.headers.items()}
            bucket = options.buckets(case.method.upper(), case.formatted_path, case.body)
            pacer.observe(bucket, headers)
            if response.status_code == 429:
                if "x-ratelimit-remaining" not in headers:
                    pacer.refused_without_headers(bucket)
                try:
                    pacer.hold(bucket, float(headers.get("retry-after") or 1))
                except ValueError:
                    pacer.hold(bucket, 1.0)

    schemathesis.hook("before_call")(before_call)
    schema.hooks.register_hook_with_name(after_call, "after_call")
    schema_run = SchemaRun(other=options.other, param_examples=options.param_examples)
    ACTIVE["run"] = schema_run

    enabled = [*SCHEMATHESIS_CHECKS, *(c.__name__ for c in CUSTOM_CHECKS)]
    passes: dict[str, int] = dict.fromkeys(enabled, 0)
    # A check's duration: the time its target spent answering the requests it judged (Schemathesis runs
    # every check on every response, interleaved, so the requests are what a check costs a run).
    judged_seconds: dict[str, float] = dict.fromkeys(enabled, 0.0)
    findings: dict[str, dict[tuple[str, str], Finding]] = {name: {} for name in enabled}
    phases: dict[str, str] = {}
    scenarios = 0
    requests = 0
    started = time.perf_counter()
    errors: list[str] = []
    try:
        stream = engine_for(schema).execute()
        stream_box["stream"] = stream
        for event in stream:
            if isinstance(event, events.PhaseFinished):
                phases[event.phase.name.value] = event.status.value
                if options.progress:
                    options.progress(f"schema: phase {event.phase.name.value} {event.status.value}")
            elif isinstance(event, events.PhaseStarted) and not event.phase.is_enabled:
                phases[event.phase.name.value] = f"skipped ({event.phase.skip_reason})"
            elif isinstance(event, (events.ScenarioFinished, events.FuzzScenarioFinished)):
                scenarios += 1
                recorder = event.recorder
                requests += sum(1 for i in recorder.interactions.values() if i.response is not None)
                for case_id, nodes in recorder.checks.items():
                    for node in nodes:
                        if node.name not in passes:
                            continue
                        interaction = recorder.interactions.get(case_id)
                        judged = getattr(interaction, "response", None)
                        if judged is not None:
                            judged_seconds[node.name] += judged.elapsed or 0.0
                        if node.failure_info is None:
                            # Evidence: a response the target produced as itself (a 5xx may be a gateway's).
                            response = getattr(interaction, "response", None)
                            if response is not None and response.status_code < 500:
                                passes[node.name] += 1
                            continue
                        failure = node.failure_info.failure
                        key = (failure.operation or "", failure.title)
                        if key not in findings[node.name]:
                            findings[node.name][key] = _finding(node.name, failure, node.failure_info, interaction)
                if options.progress and scenarios % 10 == 0:
                    options.progress(f"schema: {scenarios} scenarios, {requests} requests")
            elif (
                isinstance(event, events.Interrupted) and "budget" not in stream_box and "interrupted" not in stream_box
            ):
                stream_box["interrupted"] = True  # SIGINT/SIGTERM, not the kit's own stop at the deadline
            elif isinstance(event, events.NonFatalError):
                if "connect" in repr(event.value).lower() or "timeout" in repr(event.value).lower():
                    stream_box["transport_errors"] = stream_box.get("transport_errors", 0) + 1
                errors.append(f"{event.label}: {event.info.format() if hasattr(event.info, 'format') else event.value}")
            elif isinstance(event, events.FatalError):
                errors.append(f"fatal: {event.exception}")
    finally:
        ACTIVE.pop("run", None)
        schemathesis.hooks.unregister(before_call)
    elapsed = time.perf_counter() - started

    outcomes = []
    for name in enabled:
        found = list(findings[name].values())
        if found:
            status = Status.FAILED
        elif passes[name]:
            status = Status.PASSED
        else:
            status = Status.SKIPPED
        family = "kit" if name in {c.__name__ for c in CUSTOM_CHECKS} else "schemathesis"
        reason = "no response this check applies to was seen"
        if family == "kit" and not found and not schema_run.observed.get(name):
            status = Status.SKIPPED
            if name == "other_team_gets_404" and options.other is None:
                reason = "needs a second team's key: pass --other-team-key"
        outcomes.append(
            CheckOutcome(
                layer=Layer.SCHEMA,
                name=name,
                family=family,
                status=status,
                rule=_rule(name),
                reason="" if status != Status.SKIPPED else reason,
                findings=found,
                requests=passes[name],
                duration=judged_seconds[name],
            )
        )
    for message in errors:
        outcomes.append(
            CheckOutcome(
                layer=Layer.SCHEMA,
                name="schemathesis_engine",
                family="schemathesis",
                status=Status.ERROR,
                reason=message,
            )
        )
    stats = {
        "phases": phases,
        "scenarios": scenarios,
        "requests": requests,
        "seconds": round(elapsed, 2),
        "seed": config.seed,
        "excluded_operations": dict(options.excluded),
        "neutralised_paid_cases": len(neutralised),
        "neutralised_examples": sorted(set(neutralised))[:10],
        "stopped_at_deadline": "budget" in stream_box
        or (options.deadline is not None and time.monotonic() >= options.deadline),
        "interrupted": bool(stream_box.get("interrupted")),
        "transport_errors": stream_box.get("transport_errors", 0),
    }
    return outcomes, stats


def _neutralise(case: Any) -> str:
    """Make a paid case one the server cannot charge: credits are charged only when a request is accepted.

    A path id becomes an id that names nothing (404); a synthesize-flow body becomes `generate: false` (the
    upload flow, free); an image's `character_id` names nothing (404). A body that is not an object is
    refused with a 400 before any charge, so it is left as generated.
    """
    from conformance.checks.base import UNKNOWN_ID

    if "id" in (case.path_parameters or {}):
        case.path_parameters["id"] = UNKNOWN_ID
        return f"{case.method.upper()} {case.operation.path}: path id replaced by an unknown id"
    if isinstance(case.body, dict):
        if case.body.get("generate") is True:
            case.body["generate"] = False
            return f"{case.method.upper()} {case.operation.path}: generate true sent as false"
        case.body["character_id"] = UNKNOWN_ID
        return f"{case.method.upper()} {case.operation.path}: character_id replaced by an unknown id"
    return f"{case.method.upper()} {case.operation.path}: non-object body left as is (refused before any charge)"


def _rule(name: str) -> str:
    for check in CUSTOM_CHECKS:
        if check.__name__ == name:
            return (check.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    return {
        "not_a_server_error": "No request may produce a 5xx (server_error is for genuine faults, never for input).",
        "status_code_conformance": "Every status returned is one the operation documents in openapi.yaml.",
        "content_type_conformance": "Responses use the content type the operation documents.",
        "response_schema_conformance": "Every response body matches the schema openapi.yaml documents for it.",
        "response_headers_conformance": "Documented response headers are present and match their schemas.",
        "positive_data_acceptance": "A request valid per the contract is accepted (state-dependent answers excepted).",
        "negative_data_rejection": "A request invalid per the contract is rejected with a 4xx.",
        "use_after_free": "Deleted characters are 404 everywhere.",
        "ensure_resource_availability": "A character just created is retrievable through the spec's links.",
        "missing_required_header": "A missing required header is rejected.",
        "ignored_auth": "Header `X-Api-Key` (or `Authorization: Bearer`) is required: without it, 401.",
    }.get(name, "")


def _finding(name: str, failure: Any, info: Any, interaction: Any) -> Finding:
    request_text = response_text = None
    if interaction is not None:
        request = interaction.request
        body = request.body.decode("utf-8", errors="replace") if request.body else ""
        request_text = (
            f"{request.method} {request.uri}\n"
            + "\n".join(
                f"{k}: {v[0] if isinstance(v, list) else v}"
                for k, v in request.headers.items()
                if k.lower() not in ("x-api-key", "authorization")
            )
            + (f"\n\n{body[:2000]}" if body else "")
        )
        if interaction.response is not None:
            response = interaction.response
            response_text = (
                f"HTTP {response.status_code}\n"
                + "\n".join(f"{k}: {v[0] if isinstance(v, list) else v}" for k, v in response.headers.items())
                + "\n\n"
                + response.content[:2000].decode("utf-8", errors="replace")
            )
    curl = _curl_of(interaction) or _redact_curl(
        (info.code_sample or "").replace("Reproduce with:", "").strip() or None
    )
    return Finding(
        title=f"{failure.title} ({failure.operation})" if failure.operation else failure.title,
        # Some Schemathesis failures (a 5xx) carry no message: say what was seen rather than nothing.
        message=failure.message or _seen(interaction) or failure.title,
        rule=_rule(name),
        curl=curl,
        request_text=request_text,
        response_text=response_text,
    )


def _curl_of(interaction: Any) -> str | None:
    """The request as sent (real Idempotency-Key, the key as a shell variable), like the kit's own checks."""
    from conformance.client import Exchange, curl_line

    request = getattr(interaction, "request", None)
    if request is None:
        return None
    headers = {k: (v[0] if isinstance(v, list) else v) for k, v in request.headers.items()}
    return curl_line(
        Exchange(method=request.method, url=request.uri, request_headers=headers, request_body=request.body)
    )


def _seen(interaction: Any) -> str | None:
    response = getattr(interaction, "response", None)
    if response is None:
        return None
    return f"HTTP {response.status_code}: {response.content[:300].decode('utf-8', errors='replace')}"


def _redact_curl(curl: str | None) -> str | None:
    if not curl:
        return curl
    import re

    curl = re.sub(r"(X-Api-Key: )[^'\"]+", r"\1$AUROUS_API_KEY", curl, flags=re.I)
    return re.sub(r"(Authorization: Bearer )[^'\"]+", r"\1$AUROUS_API_KEY", curl, flags=re.I)
