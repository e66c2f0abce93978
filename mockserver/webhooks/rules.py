"""The webhook rules, as plain functions: subscriptions, the envelope, signing, retries, disabling.

Standard library only: no HTTP client, no web framework, no JSON schema. ``hub.py`` applies these rules to
the mock's state and ``worker.py`` does the sending; the conformance kit has its own verifier (it never
imports the mock), and the tests check that both agree.

A request's shape is not here: the receiver URL's length and pattern (https://, or http:// to a loopback
host), the event types, the description and metadata bounds are openapi.yaml's schemas
(``CreateWebhookEndpointRequest``, ``TestWebhookRequest``), enforced by ``mockserver.validation`` before
the hub is reached. The taxonomy that ``"*"`` expands to is read from the spec too (``WebhookEventType``,
by ``mockserver.operations``) and handed in. What stays here is what the spec's schemas cannot state,
written in its prose section "Webhooks" (the ones the public docs leave open are marked DECISION there):
the per-team endpoint count (state), the 10 s acknowledgement, the retry schedule and the disable rule.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

__all__ = [
    "DELIVERY_TIMEOUT_SECONDS",
    "DISABLE_AFTER_FAILURES",
    "ENDPOINTS_PER_TEAM_MAX",
    "MAX_ATTEMPTS",
    "NO_SUCCESS_WINDOW",
    "SIGNATURE_HEADER",
    "character_event_for",
    "envelope_bytes",
    "expand_events",
    "new_secret",
    "parse_signature",
    "retry_delay",
    "secret_preview",
    "should_disable",
    "sign",
    "signature_header",
    "verify",
]

SIGNATURE_HEADER = "Aurous-Webhook-Signature"

ENDPOINTS_PER_TEAM_MAX = 16  # DECISION (listWebhookEndpoints): a count of stored endpoints, not a shape

DELIVERY_TIMEOUT_SECONDS = 10.0  # public: acknowledge with a 2xx within 10 s
FIRST_RETRY_SECONDS = 30.0  # DECISION: 30 s, doubling per failed attempt, at most one hour apart
RETRY_CAP_SECONDS = 3600.0
MAX_ATTEMPTS = 20  # DECISION: a delivery is given up after 20 failed attempts (about 13 h of retrying)
DISABLE_AFTER_FAILURES = 20  # public: >= 20 consecutive failures ...
NO_SUCCESS_WINDOW = timedelta(hours=24)  # ... with no success in 24 h


def expand_events(events: Iterable[str], taxonomy: tuple[str, ...]) -> tuple[str, ...]:
    """The subscription as stored: ``"*"`` expanded to ``taxonomy`` (the spec's ``WebhookEventType``, in
    the docs' order), duplicates dropped, in that order.

    Raises ValueError naming the first event type outside ``taxonomy`` (the schema refuses those first).
    """
    wanted: set[str] = set()
    for event in events:
        if event == "*":
            wanted.update(taxonomy)
        elif event in taxonomy:
            wanted.add(event)
        else:
            raise ValueError(event)
    return tuple(event for event in taxonomy if event in wanted)


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(24)


def secret_preview(secret: str) -> str:
    """``whsec_8jK...ABCD``: enough to tell two secrets apart, never enough to sign."""
    return f"{secret[:9]}...{secret[-4:]}"


# -- the envelope ----------------------------------------------------------------------------------------


def envelope_bytes(
    *,
    event_id: str,
    event_type: str,
    created_at: str,
    api_version: str,
    data_object: Mapping[str, Any],
    synthetic: bool,
) -> bytes:
    """The delivered body, compact JSON (the bytes that are signed).

    ``{"id": "evt_…", "object": "event", "type", "created_at", "api_version", "synthetic", "data": {"object"}}``
    """
    envelope = {
        "id": event_id,
        "object": "event",
        "type": event_type,
        "created_at": created_at,
        "api_version": api_version,
        "synthetic": synthetic,
        "data": {"object": dict(data_object)},
    }
    return json.dumps(envelope, separators=(",", ":"), ensure_ascii=False).encode()


def character_event_for(before_status: str | None, after_status: str | None) -> str | None:
    """The character event a status change fires, or None.

    DECISION (openapi.yaml): ``character.completed`` fires when a synthesis finishes well, whether it ends
    in ``reviewing`` (the review step) or ``ready`` (auto-ready, or a regenerate/resynthesize of a saved
    character); ``character.failed`` when it ends ``failed``; ``character.cancelled`` when a character is
    deleted while synthesizing. Save, update, upload-flow create and deletes of settled characters fire
    nothing: their response already says what happened.
    """
    if before_status != "synthesizing" or after_status == "synthesizing":
        return None
    if after_status in ("reviewing", "ready"):
        return "character.completed"
    if after_status == "failed":
        return "character.failed"
    if after_status in ("deleted", None):
        return "character.cancelled"
    return None


# -- signing ---------------------------------------------------------------------------------------------


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """Hex HMAC-SHA256 of ``"<t>.<raw body>"`` keyed with the whole secret string (``whsec_`` included)."""
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    return f"t={timestamp},v1={sign(secret, timestamp, body)}"


def parse_signature(header: str) -> tuple[int, list[str]] | None:
    """(t, [v1 signatures]) from ``t=…,v1=…[,v1=…]``, or None when malformed."""
    timestamp: int | None = None
    signatures: list[str] = []
    for part in header.split(","):
        name, _, value = part.strip().partition("=")
        if name == "t" and value.isdigit():
            timestamp = int(value)
        elif name == "v1" and value:
            signatures.append(value)
    if timestamp is None or not signatures:
        return None
    return timestamp, signatures


def verify(secret: str, header: str, body: bytes, *, now: float, tolerance: float = 300.0) -> bool:
    """What a receiver does: a v1 signature matches and ``t`` is within ``tolerance`` seconds of ``now``."""
    parsed = parse_signature(header)
    if parsed is None:
        return False
    timestamp, signatures = parsed
    if abs(now - timestamp) > tolerance:
        return False
    expected = sign(secret, timestamp, body)
    return any(hmac.compare_digest(expected, candidate) for candidate in signatures)


# -- retries and disabling -------------------------------------------------------------------------------


def retry_delay(failed_attempts: int) -> timedelta | None:
    """How long after its ``failed_attempts``-th failed attempt a delivery is tried again; None: give up.

    30 s, 1 min, 2 min, … doubling, at most 1 h apart, until ``MAX_ATTEMPTS`` attempts have failed.
    """
    if failed_attempts < 1:
        raise ValueError("retry_delay counts failed attempts from 1")
    if failed_attempts >= MAX_ATTEMPTS:
        return None
    return timedelta(seconds=min(FIRST_RETRY_SECONDS * 2 ** (failed_attempts - 1), RETRY_CAP_SECONDS))


def should_disable(consecutive_failures: int, last_success_at: datetime | None, now: datetime) -> bool:
    """Auto-disable: at least 20 consecutive failed attempts and no 2xx within the last 24 hours."""
    if consecutive_failures < DISABLE_AFTER_FAILURES:
        return False
    return last_success_at is None or now - last_success_at >= NO_SUCCESS_WINDOW


def is_success(status_code: int | None) -> bool:
    return status_code is not None and 200 <= status_code < 300
