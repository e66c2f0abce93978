"""Webhooks: signed, fresh, contract-shaped character events, retried after a failure, never to another team.

Needs ``--webhook-listen HOST:PORT`` (an address the target can reach): the kit runs a receiver there
(``conformance.webhook_receiver``), registers an endpoint per team it acts as, drives one character
through a synthesis (mock credits on the mock, ``--allow-spend`` elsewhere) and judges what arrives.
Without the flag every check here is skipped with that reason. The endpoints are deleted at the end of
the run (``close_session``), whatever happened.

The signature is verified here, independently of the mock: HMAC-SHA256 of ``<t>.<raw body>`` keyed with
the secret the registration returned, ``t`` within five minutes of the receiver's clock.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from conformance.checks.base import Kit, behaviour, expect_status
from conformance.failures import ContractViolation, CrossTeamLeak, Skip
from conformance.webhook_receiver import Delivery, WebhookReceiver

__all__ = ["close_session"]

SIGNATURE_HEADER = "aurous-webhook-signature"
TOLERANCE_SECONDS = 300
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
WAIT_SECONDS = 60.0


class WebhookSignatureInvalid(ContractViolation):
    title = "Webhook signature invalid or stale"
    rule = (
        'Aurous-Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"> keyed with the '
        "endpoint's secret; receivers reject a stale t."
    )


class WebhookPayloadWrong(ContractViolation):
    title = "Webhook event does not match the contract"
    rule = (
        'Each delivery is one event {"id": "evt_…", "object": "event", "type", "created_at", "api_version", '
        '"synthetic", "data": {"object": <Character>}}; client_reference_id is echoed on every character webhook.'
    )


class WebhookNotDelivered(ContractViolation):
    title = "Webhook not delivered (or not retried)"
    rule = "Events are POSTed to the endpoint; anything but a 2xx within 10 s is retried with exponential backoff."


@dataclass
class _Session:
    receiver: WebhookReceiver
    token: str
    endpoints: list[tuple[Any, dict[str, Any]]] = field(default_factory=list)  # (client, endpoint) to delete
    primary: dict[str, Any] | None = None
    other: dict[str, Any] | None = None
    character: dict[str, Any] | None = None  # the driven character, as GET returned it once settled
    event: Delivery | None = None  # its event, as received
    created: Any = None  # the exchange that created it: what a finding shows as the request to reproduce
    problem: str | None = None  # why the setup could not be done (checks skip with it)

    def path(self, name: str) -> str:
        return f"/aurous-kit/{self.token}/{name}"


_SESSIONS: dict[int, tuple[Kit, _Session]] = {}


def _session(kit: Kit) -> _Session:
    if not kit.webhook_listen:
        raise Skip("needs --webhook-listen HOST:PORT: an address the target can reach, where the kit receives webhooks")
    held = _SESSIONS.get(id(kit))
    if held is not None and held[0] is kit:
        session = held[1]
    else:
        host, _, port = kit.webhook_listen.rpartition(":")
        try:
            receiver = WebhookReceiver(host.strip("[]") or "127.0.0.1", int(port)).start()
        except (OSError, ValueError) as exc:
            raise Skip(f"cannot run the webhook receiver on {kit.webhook_listen}: {exc}") from None
        session = _Session(receiver, secrets.token_hex(6))
        _SESSIONS[id(kit)] = (kit, session)
        _set_up(kit, session)
    if session.problem:
        raise Skip(session.problem)
    return session


def _register(kit: Kit, session: _Session, client: Any, name: str, events: list[str]) -> dict[str, Any] | None:
    exchange = client.post(
        "/v1/webhook_endpoints", json_body={"url": session.receiver.url(session.path(name)), "events": events}
    )
    if exchange.status != 201:
        session.problem = (
            f"the target did not register the kit's receiver {session.receiver.url(session.path(name))} "
            f"(HTTP {exchange.status}); give --webhook-listen an address it accepts and can reach"
        )
        return None
    endpoint = exchange.json()
    session.endpoints.append((client, endpoint))
    if not isinstance(endpoint, dict) or not str(endpoint.get("secret") or "").startswith("whsec_"):
        raise WebhookPayloadWrong(
            "POST /v1/webhook_endpoints did not return the secret (whsec_…) once", exchange=exchange
        )
    return endpoint


def _character_events(kit: Kit) -> list[str]:
    """The character events of the spec's taxonomy (``WebhookEventType``): what the kit subscribes to."""
    return [event for event in kit.contract.webhook_event_types if event.startswith("character.")]


def _set_up(kit: Kit, session: _Session) -> None:
    events = _character_events(kit)
    session.primary = _register(kit, session, kit.client, "primary", events)
    if session.primary is not None and kit.other is not None:
        session.other = _register(kit, session, kit.other, "other", events)


def close_session(kit: Kit) -> None:
    """Delete the endpoints the kit registered and stop the receiver (the runner calls this at the end)."""
    held = _SESSIONS.pop(id(kit), None)
    if held is None or held[0] is not kit:
        return
    session = held[1]
    for client, endpoint in session.endpoints:
        try:
            client.delete(f"/v1/webhook_endpoints/{endpoint['id']}")
        except Exception:  # best effort: a failed cleanup must not change the verdict
            pass
    session.receiver.stop()


def _wait_until(
    kit: Kit, session: _Session, predicate: Any, *, path: str, timeout: float = WAIT_SECONDS
) -> list[Delivery]:
    """Wait for deliveries to ``path``; on the mock's manual clock, nudge time so retries come due.

    On a manual clock each second of waiting moves the mock a minute ahead, so 15 s of waiting is a
    quarter of an hour of the mock's time: far beyond the contract's first retries.
    """
    if kit.mock is not None and kit.mock.can_advance:
        timeout = min(timeout, 15.0)
    deadline = time.monotonic() + timeout
    while True:
        found = session.receiver.wait_for(predicate, path=path, timeout=1.0)
        if predicate(found) or time.monotonic() > deadline:
            return found
        if kit.mock is not None and kit.mock.can_advance:
            kit.mock.advance(60)


def _driven(kit: Kit) -> _Session:
    """The session, with one character synthesized and its event received (done once per run)."""
    session = _session(kit)
    if session.event is not None:
        return session
    kit.require_spend("a synthesis for the webhook checks")
    reference = f"kit-webhooks-{session.token}"
    exchange = kit.client.post(
        "/v1/characters",
        json_body={
            "name": "Conformance kit webhooks",
            "generate": True,
            "client_reference_id": reference,
            "attributes": {"gender": "female", "age": 30},
        },
    )
    if exchange.status == 402:
        raise Skip("the team has not enough credits for a synthesize-flow create (402)")
    expect_status(exchange, 201, "synthesize-flow create for the webhook checks")
    created = exchange.json()
    session.created = exchange
    kit.fixtures.created.append(created["id"])
    if kit.fixtures.spent is not None and kit.mock is None:
        kit.fixtures.spent += 1
    session.character = kit.fixtures.wait_for_synthesis(created["id"])
    found = _wait_until(
        kit, session, lambda ds: any(_object_id(d) == created["id"] for d in ds), path=session.path("primary")
    )
    mine = [d for d in found if _object_id(d) == created["id"]]
    if not mine:
        raise WebhookNotDelivered(
            f"no event for {created['id']} reached {session.receiver.url(session.path('primary'))} within "
            f"{WAIT_SECONDS:.0f} s of its synthesis ending ({session.character.get('status')})",
            exchange=kit.client.log[-1],
        )
    session.event = mine[0]
    return session


def _object_id(delivery: Delivery) -> Any:
    body = delivery.json()
    try:
        return body["data"]["object"]["id"]
    except (TypeError, KeyError):
        return None


def signature_problem(secret: str, header: str | None, body: bytes, received_at: float) -> str | None:
    """Why this delivery's signature does not hold, or None."""
    if not header:
        return "no Aurous-Webhook-Signature header"
    parts = dict(part.strip().partition("=")[::2] for part in header.split(","))
    timestamp, signatures = (
        parts.get("t", ""),
        [p.partition("=")[2] for p in header.split(",") if p.strip().startswith("v1=")],
    )
    if not timestamp.isdigit() or not signatures:
        return f"malformed signature header {header!r} (expected t=<unix seconds>,v1=<hex>)"
    expected = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    if not any(hmac.compare_digest(expected, s) for s in signatures):
        return 'no v1 signature matches HMAC-SHA256(secret, "<t>.<raw body>") with the secret the registration returned'
    skew = abs(received_at - int(timestamp))
    if skew > TOLERANCE_SECONDS:
        return f"t={timestamp} is {skew:.0f} s away from the receiver's clock (more than {TOLERANCE_SECONDS} s: stale)"
    return None


@behaviour("webhooks", needs=("webhook",))
def webhook_delivery_is_signed_and_fresh(kit: Kit) -> None:
    """Aurous-Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">, verifiable with the returned secret; t is fresh."""
    session = _driven(kit)
    assert session.primary is not None and session.event is not None
    problem = signature_problem(
        session.primary["secret"], session.event.header(SIGNATURE_HEADER), session.event.body, session.event.received_at
    )
    if problem:
        raise WebhookSignatureInvalid(problem, exchange=session.created)


@behaviour("webhooks", needs=("webhook",))
def webhook_event_matches_the_contract(kit: Kit) -> None:
    """A character event is the contract's envelope around the character as GET returns it, typed by how the synthesis ended."""
    session = _driven(kit)
    assert session.event is not None and session.character is not None and session.primary is not None
    event = session.event.json()
    envelope_keys = kit.contract.webhook_event_keys  # the spec's WebhookEvent.required
    if not isinstance(event, dict) or set(event) != envelope_keys:
        keys = sorted(event) if isinstance(event, dict) else type(event).__name__
        raise WebhookPayloadWrong(f"envelope keys {keys}; expected {sorted(envelope_keys)}", exchange=session.created)
    expected_type = "character.failed" if session.character.get("status") == "failed" else "character.completed"
    problems = []
    if event["type"] != expected_type:
        problems.append(
            f"type {event['type']!r} for a synthesis that ended {session.character.get('status')!r}; expected {expected_type!r}"
        )
    if event["object"] != "event" or not str(event["id"]).startswith("evt_"):
        problems.append(f"object {event['object']!r} / id {event['id']!r}; expected 'event' / 'evt_…'")
    if event["synthetic"] is not False:
        problems.append(f"synthetic is {event['synthetic']!r} on a real event")
    if not TIMESTAMP.match(str(event["created_at"])):
        problems.append(f"created_at {event['created_at']!r} is not RFC 3339 UTC with Z")
    if "api_version" in session.primary and event["api_version"] != session.primary["api_version"]:
        problems.append(f"api_version {event['api_version']!r}; the endpoint's is {session.primary['api_version']!r}")
    sent = (event.get("data") or {}).get("object")
    required = set(kit.contract.raw["components"]["schemas"]["Character"]["required"])
    if not isinstance(sent, dict) or set(sent) != required:
        problems.append(
            f"data.object keys {sorted(sent) if isinstance(sent, dict) else sent!r}; expected the Character's {sorted(required)}"
        )
    elif (sent["id"], sent["status"]) != (session.character["id"], session.character["status"]):
        problems.append(
            f"data.object is {sent['id']} {sent['status']!r}; GET says {session.character['id']} {session.character['status']!r}"
        )
    if problems:
        raise WebhookPayloadWrong("; ".join(problems), exchange=session.created)


@behaviour("webhooks", needs=("webhook",))
def webhook_echoes_client_reference_id(kit: Kit) -> None:
    """`client_reference_id` is echoed on every character webhook."""
    session = _driven(kit)
    assert session.event is not None and session.character is not None
    sent = (session.event.json() or {}).get("data", {}).get("object", {})
    expected = f"kit-webhooks-{session.token}"
    if not isinstance(sent, dict) or sent.get("client_reference_id") != expected:
        got = sent.get("client_reference_id") if isinstance(sent, dict) else sent
        raise WebhookPayloadWrong(
            f"client_reference_id {got!r} in the event; the character was created with {expected!r}",
            exchange=session.created,
        )


@behaviour("webhooks", needs=("webhook",))
def webhook_failed_delivery_is_retried(kit: Kit) -> None:
    """The receiver acknowledges with a 2xx within 10 s; anything else is retried with exponential backoff."""
    session = _session(kit)
    path = session.path("retry")
    endpoint = _register(kit, session, kit.client, "retry", ["character.completed"])
    if endpoint is None:
        raise Skip(session.problem or "could not register the retry endpoint")
    session.receiver.script(path, [500])
    fire = kit.client.post(
        f"/v1/webhook_endpoints/{endpoint['id']}/test", json_body={"event_type": "character.completed"}
    )
    expect_status(fire, (200, 202), "a test delivery to the endpoint that answers 500 first")
    started = time.monotonic()
    found = _wait_until(kit, session, lambda ds: len(ds) >= 2, path=path, timeout=WAIT_SECONDS * 2)
    waited = f"{time.monotonic() - started:.0f} s" + (
        " (the mock's clock moved a minute a second)" if kit.mock is not None and kit.mock.can_advance else ""
    )
    if not found:
        raise WebhookNotDelivered("the test delivery never arrived", exchange=fire)
    if len(found) < 2:
        raise WebhookNotDelivered(
            f"the receiver answered 500 and the delivery was not retried within {waited}", exchange=fire
        )
    first, retry = found[0].json() or {}, found[1].json() or {}
    if first.get("id") != retry.get("id"):
        raise WebhookNotDelivered(
            f"the retry carries event {retry.get('id')!r}, not the failed {first.get('id')!r}", exchange=fire
        )
    problem = signature_problem(
        endpoint["secret"], found[1].header(SIGNATURE_HEADER), found[1].body, found[1].received_at
    )
    if problem:
        raise WebhookSignatureInvalid(f"on the retry: {problem}", exchange=fire)


@behaviour("webhooks", needs=("webhook", "other_team"))
def webhook_not_delivered_to_another_teams_endpoint(kit: Kit) -> None:
    """Every resource is per team: a team's events never reach another team's endpoint."""
    session = _driven(kit)
    if session.other is None:
        raise Skip("needs a second team's key to register its endpoint: pass --other-team-key")
    assert session.character is not None and session.event is not None
    other_client = kit.require_other_team()
    marker = other_client.post(
        f"/v1/webhook_endpoints/{session.other['id']}/test", json_body={"event_type": "character.completed"}
    )
    expect_status(marker, (200, 202), "a test delivery to the other team's endpoint (a marker)")
    marker_id = (marker.json() or {}).get("event_id")
    found = _wait_until(
        kit, session, lambda ds: any((d.json() or {}).get("id") == marker_id for d in ds), path=session.path("other")
    )
    ours = (session.event.json() or {}).get("id")
    leaked = [d for d in found if _object_id(d) == session.character["id"] or (d.json() or {}).get("id") == ours]
    if leaked:
        raise CrossTeamLeak(
            f"the other team's endpoint received {(leaked[0].json() or {}).get('type')} about {session.character['id']}",
            rule="Keys belong to a team; every resource is per team (webhook events included).",
            exchange=session.created,
        )
