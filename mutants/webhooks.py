"""Webhooks: the signature, its freshness, the envelope, the client_reference_id echo, retries, team isolation.

Each fault is installed into the wrapped mock's webhook hub (``app.state.webhooks``) the way a buggy
delivery service would behave, on the first request the mutant sees; the HTTP API itself is untouched.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any, ClassVar

from mutants.broken import Modifier, Request, Response

__all__ = [
    "WebhookEventsToEveryTeam",
    "WebhookNoRetryAfterFailure",
    "WebhookPayloadWithoutClientReferenceId",
    "WebhookSignedWithoutSecretPrefix",
    "WebhookStaleSignatureTimestamp",
    "WebhookWrongEventType",
]


@dataclass
class _WebhookFault(Modifier):
    family: ClassVar[str] = "webhooks"
    layers: ClassVar[tuple[str, ...]] = ("behaviour",)
    _installed: bool = False

    def request(self, req: Request) -> Request | Response:
        if not self._installed:
            self._installed = True
            self.install(self.app.state.webhooks)
        return req

    def install(self, hub: Any) -> None:
        raise NotImplementedError


def _rewrite_bodies(hub: Any, rewrite: Any) -> None:
    """Every delivery's body passes through ``rewrite(event_dict)`` before it is signed and sent."""
    original = hub._enqueue

    def enqueue(endpoint, event_id, event_type, data_object, now, **kwargs):  # type: ignore[no-untyped-def]
        made = original(endpoint, event_id, event_type, data_object, now, **kwargs)
        for delivery in made:
            delivery.body = json.dumps(rewrite(json.loads(delivery.body)), separators=(",", ":")).encode()
        return made

    hub._enqueue = enqueue


@dataclass
class WebhookSignedWithoutSecretPrefix(_WebhookFault):
    """Deliveries are signed with the secret minus its `whsec_` prefix, so no receiver can verify them."""

    caught_by = "webhook_delivery_is_signed_and_fresh"

    def install(self, hub: Any) -> None:
        original = hub.claim_due

        def claim_due():  # type: ignore[no-untyped-def]
            jobs = original()
            for job in jobs:
                job.secret = job.secret.removeprefix("whsec_")
            return jobs

        hub.claim_due = claim_due


@dataclass
class WebhookStaleSignatureTimestamp(_WebhookFault):
    """The signature's `t` comes from a clock an hour slow: valid HMAC, but every receiver rejects it as stale."""

    caught_by = "webhook_delivery_is_signed_and_fresh"

    def install(self, hub: Any) -> None:
        hub.wall_time = lambda: time.time() - 3600


@dataclass
class WebhookPayloadWithoutClientReferenceId(_WebhookFault):
    """The character in the event is a trimmed copy that leaves out `client_reference_id`."""

    caught_by = "webhook_echoes_client_reference_id"

    def install(self, hub: Any) -> None:
        def rewrite(event: dict[str, Any]) -> dict[str, Any]:
            data = event.get("data", {}).get("object", {})
            if data.get("object") == "character":
                data["client_reference_id"] = None
            return event

        _rewrite_bodies(hub, rewrite)


@dataclass
class WebhookWrongEventType(_WebhookFault):
    """A finished synthesis is announced as `character.ready`, a type the contract does not have."""

    caught_by = "webhook_event_matches_the_contract"

    def install(self, hub: Any) -> None:
        def rewrite(event: dict[str, Any]) -> dict[str, Any]:
            if event.get("type") == "character.completed" and not event.get("synthetic"):
                event["type"] = "character.ready"
            return event

        _rewrite_bodies(hub, rewrite)


@dataclass
class WebhookNoRetryAfterFailure(_WebhookFault):
    """A delivery that gets a 500 is marked failed at once: no retry, ever."""

    caught_by = "webhook_failed_delivery_is_retried"

    def install(self, hub: Any) -> None:
        original = hub.record

        def record(job, **outcome):  # type: ignore[no-untyped-def]
            original(job, **outcome)
            delivery = hub._deliveries.get(job.delivery_id)
            if delivery is not None and delivery.status == "pending":
                delivery.status, delivery.next_attempt_at = "failed", None

        hub.record = record


@dataclass
class WebhookEventsToEveryTeam(_WebhookFault):
    """Events are fanned out to the subscribed endpoints of every team, not only the character's."""

    caught_by = "webhook_not_delivered_to_another_teams_endpoint"

    def install(self, hub: Any) -> None:
        original = hub.emit
        teams = [team.id for team in self.teams]

        def emit(team_id, event_type, data_object, **kwargs):  # type: ignore[no-untyped-def]
            event_id = original(team_id, event_type, data_object, **kwargs)
            for other in teams:
                if other != team_id:
                    original(other, event_type, data_object, **kwargs)
            return event_id

        hub.emit = emit
