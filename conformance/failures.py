"""One failure kind per way a deployment can break the contract.

Every kind subclasses ``AssertionError`` (as Schemathesis's own ``Failure`` does), carries a short
``title`` and the contract sentence it enforces in ``rule`` (quoted from CONTRACT.md or the save page),
and an instance ``message`` of expected vs seen. A check raises one; the runner attaches the exchanges the
check made, so the report can show the exact request, response and a curl line.

Tree::

    ContractViolation
    ├── UnexpectedStatus          the HTTP status is not the one the contract names
    ├── WrongErrorCode            right status, wrong error ``type``/``code``/``param``
    ├── MalformedErrorEnvelope    error body is not ``{"error": {type, code, message, param, doc_url, request_id}}``
    ├── MissingRequestId          ``Aurous-Request-Id`` absent, malformed or not the body's ``request_id``
    ├── RepresentationChanged     a replayed save (or read) returned a different character
    ├── IllegalTransition         a status the lifecycle does not allow
    ├── CrossTeamLeak             another team saw a character
    ├── CrossTeamWrite            another team's write changed a character
    ├── VersionNotHonoured        ``Aurous-Version`` echo/default/pin/validation broken
    ├── FrozenVersionChanged      a row's ``aurous_version`` moved
    ├── RateLimitHeadersBroken    ``X-RateLimit-*`` missing or inconsistent
    ├── RateLimitResponseBroken   a 429 without the contract's shape or ``Retry-After``
    ├── IdempotencyBroken         replay or 409 rule broken
    ├── CreditsCharged            a free operation changed the balance
    └── NotUsableOnImages         ``POST /v1/images`` disagrees with the character's state
"""

from __future__ import annotations

from typing import Any, ClassVar

__all__ = [
    "ContractViolation",
    "CreditsCharged",
    "CrossTeamLeak",
    "CrossTeamWrite",
    "FrozenVersionChanged",
    "IdempotencyBroken",
    "IllegalTransition",
    "MalformedErrorEnvelope",
    "MissingRequestId",
    "NotUsableOnImages",
    "RateLimitHeadersBroken",
    "RateLimitResponseBroken",
    "RepresentationChanged",
    "Skip",
    "UnexpectedStatus",
    "VersionNotHonoured",
    "WrongErrorCode",
]


class Skip(Exception):
    """A check's precondition cannot be met; never a pass. The message is the reason shown in reports."""


class ContractViolation(AssertionError):
    title: ClassVar[str] = "Contract violation"
    rule: str = "The deployment must honour openapi.yaml."  # per class; an instance may name a narrower rule

    def __init__(self, message: str, *, exchange: Any = None, rule: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        # The exchange that shows the break; the runner falls back to the check's last exchange.
        self.exchange = exchange
        if rule is not None:
            self.rule = rule

    def __str__(self) -> str:
        return f"{self.title}: {self.message}"


class UnexpectedStatus(ContractViolation):
    title = "Unexpected HTTP status"
    rule = "The HTTP status is the canonical signal."


class WrongErrorCode(ContractViolation):
    title = "Wrong error type, code or param"
    rule = "`code` is the stable value clients switch on; `param` names the offending field or header, or is null."


class MalformedErrorEnvelope(ContractViolation):
    title = "Error body is not the Aurous envelope"
    rule = (
        'Every error body is {"error": {"type", "code", "message", "param", "doc_url", "request_id"}}. '
        "No framework-default error shapes (RFC 7807 problem+json or HTML) may reach a client."
    )


class MissingRequestId(ContractViolation):
    title = "Request id missing or inconsistent"
    rule = (
        "`request_id` is `req_<26-char ULID>` and is also sent as the `Aurous-Request-Id` response header "
        "on every response, success or error."
    )


class RepresentationChanged(ContractViolation):
    title = "Representation changed on an idempotent save"
    rule = (
        "Save is idempotent on already-ready characters — calling it twice returns 200 both times with "
        "status: ready unchanged (the whole representation unchanged, `updated_at` included)."
    )


class IllegalTransition(ContractViolation):
    title = "Illegal lifecycle transition"
    rule = "Save moves a reviewing character to ready. After save, the character cannot be returned to reviewing."


class CrossTeamLeak(ContractViolation):
    title = "Another team's character is visible"
    rule = (
        "Keys belong to a team; every resource is per team. A 404 never tells 'does not exist' from "
        "'belongs to another team'."
    )


class CrossTeamWrite(ContractViolation):
    title = "Another team's write changed a character"
    rule = "Unknown, soft-deleted or other team's: 404 resource_not_found (and nothing is written)."


class VersionNotHonoured(ContractViolation):
    title = "Aurous-Version not honoured"
    rule = (
        "When absent: the team's pinned version, or the system default 2026-05-15 for unauthenticated requests. "
        "The applied version is echoed on every response in the Aurous-Version response header."
    )


class FrozenVersionChanged(ContractViolation):
    title = "Frozen aurous_version changed"
    rule = (
        "Each character carries `aurous_version`: the contract version applied when the row was minted. "
        "It is frozen: later requests under another pin never change it."
    )


class RateLimitHeadersBroken(ContractViolation):
    title = "Rate-limit headers missing or inconsistent"
    rule = (
        "Every response carries X-RateLimit-Limit (capacity), X-RateLimit-Remaining (tokens left after this "
        "request) and X-RateLimit-Reset (epoch second at which the bucket is full again)."
    )


class RateLimitResponseBroken(ContractViolation):
    title = "429 response without the contract's shape"
    rule = (
        "A refused request gets 429, type `rate_limit`, code `too_many_requests`, a message naming the bucket, "
        "and `Retry-After` (seconds)."
    )


class IdempotencyBroken(ContractViolation):
    title = "Idempotency-Key rule broken"
    rule = (
        "Same key + same body within 24 h replays the cached 2xx with `Aurous-Idempotent-Replayed: true` and no "
        "new charge. Same key + different body or route: 409, code `idempotency_key_in_use`. A 4xx "
        "`invalid_request` original is not cached."
    )


class CreditsCharged(ContractViolation):
    title = "A free operation changed the credit balance"
    rule = "This endpoint costs no credits and dispatches no inference — it is purely a state transition."


class NotUsableOnImages(ContractViolation):
    title = "POST /v1/images disagrees with the character's state"
    rule = (
        "Save makes the character usable as `character_id` on POST /v1/images; the character must be `ready`, "
        "otherwise 400 `character_not_ready`."
    )
