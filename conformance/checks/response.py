"""Response-level contract rules as Schemathesis checks: they run on every response of the schema layer.

Signature ``(ctx, response, case)``; return ``None`` to pass, raise to fail; the docstring is the sentence.
They stay silent outside a kit run (``ACTIVE`` unset), so importing this module cannot change anyone
else's Schemathesis run in the same process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import schemathesis

from conformance.checks.base import ENVELOPE_KEYS, REQUEST_ID
from conformance.failures import (
    CrossTeamLeak,
    MalformedErrorEnvelope,
    MissingRequestId,
    RateLimitHeadersBroken,
    VersionNotHonoured,
    WrongErrorCode,
)

__all__ = ["ACTIVE", "SchemaRun", "CUSTOM_CHECKS"]


@dataclass
class SchemaRun:
    """What the response checks need to know about the current kit run."""

    other: Any = None  # conformance.client.Client of another team, or None
    base_path: str = ""
    # (METHOD, route, status, code) -> params the spec's error examples show (Contract.error_example_params).
    param_examples: dict = field(default_factory=dict)
    # check name -> responses it actually judged; a check with none is skipped, never passed.
    observed: dict[str, int] = field(default_factory=dict)

    def saw(self, name: str) -> None:
        self.observed[name] = self.observed.get(name, 0) + 1


ACTIVE: dict[str, SchemaRun] = {}


def _run() -> SchemaRun | None:
    return ACTIVE.get("run")


def _header(response: Any, name: str) -> str | None:
    value = response.headers.get(name) or response.headers.get(name.lower())
    if isinstance(value, list):
        return value[0] if value else None
    return value


@schemathesis.check
def aurous_error_envelope(ctx: Any, response: Any, case: Any) -> bool | None:
    """Every error body is {"error": {"type", "code", "message", "param", "doc_url", "request_id"}}. No
    framework-default error shapes (RFC 7807 problem+json or HTML) may reach a client."""
    if _run() is None or response.status_code < 400:
        return None
    content_type = _header(response, "content-type") or ""
    try:
        body = json.loads(response.content)
    except ValueError:
        body = None
    _run().saw("aurous_error_envelope")  # type: ignore[union-attr]
    if "problem+json" in content_type or not isinstance(body, dict) or set(body) != {"error"}:
        raise MalformedErrorEnvelope(f"HTTP {response.status_code} ({content_type}) body is not the Aurous envelope")
    if not isinstance(body["error"], dict) or set(body["error"]) != ENVELOPE_KEYS:
        raise MalformedErrorEnvelope(
            f"error keys {sorted(body['error']) if isinstance(body['error'], dict) else body['error']!r}"
        )
    return None


@schemathesis.check
def aurous_request_id_header(ctx: Any, response: Any, case: Any) -> bool | None:
    """`request_id` is `req_<26-char ULID>` and is also sent as the `Aurous-Request-Id` response header on every
    response, success or error."""
    if _run() is None:
        return None
    _run().saw("aurous_request_id_header")  # type: ignore[union-attr]
    value = _header(response, "aurous-request-id")
    if value is None or not REQUEST_ID.match(value):
        raise MissingRequestId(f"Aurous-Request-Id is {value!r}")
    return None


@schemathesis.check
def aurous_version_echo(ctx: Any, response: Any, case: Any) -> bool | None:
    """The applied version is echoed on every response in the `Aurous-Version` response header."""
    if _run() is None or case.operation.path.endswith("/content"):
        return None
    _run().saw("aurous_version_echo")  # type: ignore[union-attr]
    value = _header(response, "aurous-version")
    if value is None:
        raise VersionNotHonoured("no Aurous-Version response header")
    return None


@schemathesis.check
def aurous_rate_limit_headers(ctx: Any, response: Any, case: Any) -> bool | None:
    """Every response of a bucketed operation except a 401 carries `X-RateLimit-Limit`, `X-RateLimit-Remaining`
    and `X-RateLimit-Reset`."""
    if _run() is None or response.status_code == 401:
        return None
    if "x-aurous-rate-limit-bucket" not in case.operation.definition.raw:
        return None
    # Requests the router cannot match (a path the coverage phase mangled) never reach a bucket.
    if response.status_code in (404, 405) and case.meta is not None and not case.meta.generation.mode.is_positive:
        return None
    _run().saw("aurous_rate_limit_headers")  # type: ignore[union-attr]
    missing = [
        h for h in ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset") if _header(response, h) is None
    ]
    if missing:
        raise RateLimitHeadersBroken(f"missing {', '.join(missing)} on HTTP {response.status_code}")
    return None


@schemathesis.check
def other_team_gets_404(ctx: Any, response: Any, case: Any) -> bool | None:
    """Keys belong to a team; every resource is per team: a character one team reads is a 404 for another."""
    run = _run()
    if run is None or run.other is None or case.method.upper() != "GET" or response.status_code != 200:
        return None
    if case.operation.path != "/v1/characters/{id}":
        return None
    exchange = run.other.get(case.formatted_path)
    run.saw("other_team_gets_404")
    if exchange.status != 404:
        raise CrossTeamLeak(f"another team's GET {case.formatted_path} returned HTTP {exchange.status}, not 404")
    return None


@schemathesis.check
def aurous_error_param_matches_spec_examples(ctx: Any, response: Any, case: Any) -> bool | None:
    """`param` names the offending field or header, or is null — as the spec's examples show for that
    operation, status and code (a 404 for a path id has `param: null`)."""
    run = _run()
    if run is None or response.status_code < 400:
        return None
    try:
        error = json.loads(response.content).get("error")
    except (ValueError, AttributeError):
        return None
    if not isinstance(error, dict) or "code" not in error:
        return None
    shown = run.param_examples.get((case.method.upper(), case.operation.path, response.status_code, error["code"]))
    if not shown:
        return None
    run.saw("aurous_error_param_matches_spec_examples")
    param = error.get("param")
    # Judged where the spec's examples say null and the answer names something: a field's name may differ
    # from an example's (another field at fault), and null is right when no single input is (a missing body).
    if shown == {None} and param is not None:
        raise WrongErrorCode(
            f"HTTP {response.status_code} {error['code']} has param {param!r}; the spec's examples for "
            f"{case.method.upper()} {case.operation.path} show {sorted(shown, key=str)}"
        )
    return None


CUSTOM_CHECKS = (
    aurous_error_envelope,
    aurous_request_id_header,
    aurous_version_echo,
    aurous_rate_limit_headers,
    other_team_gets_404,
    aurous_error_param_matches_spec_examples,
)
