"""WebhookHub: the webhook state of one mock (endpoints per team, deliveries, faults) and its rules applied.

Called from three threads of control, so every method holds one lock:
- the public handlers and the /_mock routes (the server's event loop);
- the store's change hook (``on_character_change``), inside those same requests, when a synthesis
  finishes or a synthesizing character is deleted;
- the delivery worker's thread (``claim_due`` / ``record``), which sends and never touches characters.

Nothing here performs I/O; time comes from the mock's clock, so ``POST /_mock/clock/advance`` moves retries.
Errors are the domain's (``mockserver.domain.errors``), rendered by the envelope like any other.

A request's shape is not checked here: bodies arrive accepted by the spec's schemas (openapi.yaml for the
public operations, control.yaml for ``/_mock``; ``mockserver.validation``), and the Redis replica restores
only another hub's ``snapshot()``. The hub keeps the rules a schema cannot state: the per-team endpoint
count, subscription and activity on a test fire, team ownership, and the event type of a control event
(control.yaml takes any string) against the spec's taxonomy.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import random
import threading
import time
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from mockserver.domain.errors import InvalidRequest, NotFound
from mockserver.domain.model import Character, Status, format_time
from mockserver.ids import new_id

from . import rules
from .model import Attempt, Delivery, Endpoint

__all__ = ["DeliveryJob", "WebhookFaults", "WebhookHub"]

DELIVERIES_KEPT = 1000  # the control API's history; the oldest settled deliveries are forgotten first
OUT_OF_ORDER_WINDOW = 10.0  # seconds of random extra delay per delivery with the out_of_order fault


class WebhookFaults:
    """Delivery faults for testing idempotent receivers (PUT /_mock/webhooks/faults)."""

    def __init__(
        self, delay_seconds: float = 0.0, duplicate: bool = False, out_of_order: bool = False, seed: int | None = None
    ) -> None:
        self.delay_seconds = delay_seconds
        self.duplicate = duplicate
        self.out_of_order = out_of_order
        self.seed = seed
        self.rng = random.Random(seed)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> WebhookFaults:
        """``data`` is a ``WebhookFaults`` body control.yaml's schema accepted (fields left out are off), or
        a ``to_json()`` of another process's hub (the shared store): its shape is not checked again here."""
        return cls(
            float(data.get("delay_seconds", 0)),
            bool(data.get("duplicate", False)),
            bool(data.get("out_of_order", False)),
            data.get("seed"),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "delay_seconds": self.delay_seconds,
            "duplicate": self.duplicate,
            "out_of_order": self.out_of_order,
            "seed": self.seed,
        }


class DeliveryJob:
    """One attempt the worker is to make: everything it needs, copied out under the lock."""

    __slots__ = ("body", "claimed_at", "delivery_id", "event_id", "event_type", "number", "secret", "url")

    def __init__(self, delivery: Delivery, secret: str, claimed_at: datetime) -> None:
        self.claimed_at = claimed_at  # on the mock's clock: the attempt's sent_at
        self.delivery_id = delivery.id
        self.event_id = delivery.event_id
        self.event_type = delivery.event_type
        self.url = delivery.url
        self.body = delivery.body
        self.secret = secret
        self.number = len(delivery.attempts) + 1


class WebhookHub:
    def __init__(
        self,
        clock: Any,
        *,
        event_types: tuple[str, ...],
        wall_time: Callable[[], float] = time.time,
        attach: Callable[[], None] | None = None,
    ) -> None:
        self.clock = clock
        self.event_types = event_types  # the spec's WebhookEventType: what "*" expands to
        # Hooks the hub to the character store on the first endpoint, so a mock without webhooks pays nothing.
        self._attach = attach
        self.wall_time = wall_time  # the signature's t: the receiver checks it against its own clock
        self.faults = WebhookFaults()
        self._lock = threading.RLock()
        self._endpoints: dict[str, Endpoint] = {}
        self._deliveries: dict[str, Delivery] = {}
        self._due: list[tuple[datetime, int, str]] = []  # heap of (due, tie-break, delivery id)
        self._seq = itertools.count()
        self.wake_worker: Callable[[], None] | None = None  # the worker's wake-up (worker.py sets it)
        self.server_loop: asyncio.AbstractEventLoop | None = None  # where character state may be touched

    # -- endpoints (the public API) -----------------------------------------------------------------------

    def create_endpoint(self, team_id: str, body: Mapping[str, Any], *, version: str) -> Endpoint:
        """``body`` is a ``CreateWebhookEndpointRequest`` the spec's schema has accepted (validation.py):
        its fields, URL, event types and bounds are not checked again here. Left: the per-team count."""
        expanded = rules.expand_events(body["events"], self.event_types)
        url, description, metadata = body["url"], body.get("description"), body.get("metadata", {})
        self._remember_loop()
        if self._attach is not None:
            self._attach()
            self._attach = None
        with self._lock:
            if sum(1 for e in self._endpoints.values() if e.team_id == team_id) >= rules.ENDPOINTS_PER_TEAM_MAX:
                raise InvalidRequest(
                    f"A team has at most {rules.ENDPOINTS_PER_TEAM_MAX} webhook endpoints; delete one first.",
                    code="value_out_of_range",
                    param="url",
                )
            now = self.clock.now()
            endpoint = Endpoint(
                id=new_id("we", now),
                team_id=team_id,
                url=url,
                events=expanded,
                secret=rules.new_secret(),
                api_version=version,
                created_at=now,
                updated_at=now,
                description=description,
                metadata=dict(metadata),
            )
            self._endpoints[endpoint.id] = endpoint
        if self.wake_worker is not None:  # on a real clock the worker also finishes due syntheses: start it now
            self.wake_worker()
        return endpoint

    def list_endpoints(self, team_id: str) -> list[Endpoint]:
        with self._lock:
            return sorted(
                (e for e in self._endpoints.values() if e.team_id == team_id), key=lambda e: e.id, reverse=True
            )

    def get_endpoint(self, team_id: str, endpoint_id: str) -> Endpoint:
        with self._lock:
            endpoint = self._endpoints.get(endpoint_id)
            if endpoint is None or endpoint.team_id != team_id:
                raise NotFound(f"No webhook endpoint with id {endpoint_id!r}.", param="id")
            return endpoint

    def delete_endpoint(self, team_id: str, endpoint_id: str) -> dict[str, Any]:
        """Removes the endpoint; its pending deliveries are abandoned (never sent, never retried)."""
        with self._lock:
            endpoint = self.get_endpoint(team_id, endpoint_id)
            del self._endpoints[endpoint.id]
            self._abandon_pending(endpoint.id)
            return {"id": endpoint.id, "object": "webhook_endpoint", "deleted": True}

    def rotate_secret(self, team_id: str, endpoint_id: str) -> Endpoint:
        """A new secret at once: every attempt from now on, retries included, is signed with it."""
        with self._lock:
            endpoint = self.get_endpoint(team_id, endpoint_id)
            endpoint.secret = rules.new_secret()
            endpoint.updated_at = self.clock.now()
            return endpoint

    def fire_test(self, team_id: str, endpoint_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST /v1/webhook_endpoints/{id}/test: a real, signed delivery of a fixture with ``synthetic: true``.

        ``body`` is a ``TestWebhookRequest`` the spec's schema has accepted: ``event_type`` is one of the
        taxonomy. Left: the endpoint must subscribe to it and be active."""
        event_type = body["event_type"]
        with self._lock:
            endpoint = self.get_endpoint(team_id, endpoint_id)
            if event_type not in endpoint.events:
                raise InvalidRequest(
                    f"Endpoint {endpoint.id} is not subscribed to {event_type}.",
                    code="invalid_request_error",
                    param="event_type",
                )
            if not endpoint.is_active:
                raise InvalidRequest(
                    f"Endpoint {endpoint.id} is disabled; create a new one.", code="invalid_request_error", param="id"
                )
            now = self.clock.now()
            event_id = new_id("evt", now)
            data = (
                endpoint.to_public()
                if event_type == "webhook.endpoint_disabled"
                else fixture_object(event_type, now, endpoint.api_version)
            )
            self._enqueue(endpoint, event_id, event_type, data, now, synthetic=True)
            return {"object": "webhook_test_fire", "endpoint_id": endpoint.id, "event_id": event_id, "enqueued": True}

    # -- events -------------------------------------------------------------------------------------------

    def on_character_change(self, before: Character | None, after: Character | None) -> None:
        """The store's change hook: a finished, failed or cancelled synthesis becomes an event."""
        if before is None:
            return
        event_type = rules.character_event_for(before.status.value, None if after is None else after.status.value)
        if event_type is None:
            return
        character = after if after is not None else before
        # Happened at the transition (a synthesis finishes at its due time, even if noticed later).
        self.emit(character.team_id, event_type, character.to_public(), at=character.updated_at)

    def emit(
        self, team_id: str, event_type: str, data_object: Mapping[str, Any], *, at: datetime | None = None
    ) -> str | None:
        """One event to every active endpoint of the team subscribed to it; returns its id (None: nobody)."""
        with self._lock:
            targets = [
                e for e in self._endpoints.values() if e.team_id == team_id and e.is_active and event_type in e.events
            ]
            if not targets:
                return None
            now = self.clock.now()
            event_id = new_id("evt", now)
            for endpoint in targets:
                self._enqueue(endpoint, event_id, event_type, data_object, now, synthetic=False, occurred_at=at)
            return event_id

    def _enqueue(
        self,
        endpoint: Endpoint,
        event_id: str,
        event_type: str,
        data_object: Mapping[str, Any],
        now: datetime,
        *,
        synthetic: bool,
        occurred_at: datetime | None = None,
    ) -> list[Delivery]:
        body = rules.envelope_bytes(
            event_id=event_id,
            event_type=event_type,
            created_at=format_time(occurred_at or now),
            api_version=endpoint.api_version,
            data_object=data_object,
            synthetic=synthetic,
        )
        copies = 2 if self.faults.duplicate else 1
        made = []
        for _ in range(copies):
            delivery = Delivery(
                id=new_id("whdel", now),
                event_id=event_id,
                event_type=event_type,
                endpoint_id=endpoint.id,
                team_id=endpoint.team_id,
                url=endpoint.url,
                body=body,
                created_at=now,
                synthetic=synthetic,
            )
            self._deliveries[delivery.id] = delivery
            self._schedule(delivery, now + self._first_delay())
            made.append(delivery)
        self._forget_old()
        if self.wake_worker is not None:
            self.wake_worker()
        return made

    def _first_delay(self) -> timedelta:
        seconds = self.faults.delay_seconds
        if self.faults.out_of_order:
            seconds += self.faults.rng.uniform(0, OUT_OF_ORDER_WINDOW)
        return timedelta(seconds=seconds)

    def _schedule(self, delivery: Delivery, when: datetime) -> None:
        delivery.status, delivery.next_attempt_at = "pending", when
        heapq.heappush(self._due, (when, next(self._seq), delivery.id))

    # -- the worker's side --------------------------------------------------------------------------------

    def claim_due(self) -> list[DeliveryJob]:
        """The attempts due by the mock's clock, marked in flight, earliest first."""
        jobs = []
        with self._lock:
            now = self.clock.now()
            while self._due and self._due[0][0] <= now:
                when, _, delivery_id = heapq.heappop(self._due)
                delivery = self._deliveries.get(delivery_id)
                if delivery is None or delivery.status != "pending" or delivery.next_attempt_at != when:
                    continue  # stale: abandoned, redelivered or rescheduled
                endpoint = self._endpoints.get(delivery.endpoint_id)
                if endpoint is None or not endpoint.is_active:
                    delivery.status, delivery.next_attempt_at = "abandoned", None
                    continue
                delivery.status = "in_flight"
                jobs.append(DeliveryJob(delivery, endpoint.secret, now))
        return jobs

    def has_pending(self) -> bool:
        with self._lock:
            return any(d.status in ("pending", "in_flight") for d in self._deliveries.values())

    def has_active_endpoints(self) -> bool:
        with self._lock:
            return any(e.is_active for e in self._endpoints.values())

    def signature_timestamp(self) -> int:
        return int(self.wall_time())

    def record(
        self,
        job: DeliveryJob,
        *,
        status_code: int | None,
        error: str | None,
        duration_ms: float,
        signature_timestamp: int,
    ) -> None:
        """The outcome of one attempt: success, or a retry on the backoff schedule, and the disable rule."""
        with self._lock:
            delivery = self._deliveries.get(job.delivery_id)
            if delivery is None:
                return
            now = self.clock.now()
            delivery.attempts.append(
                Attempt(job.number, job.claimed_at, status_code, error, duration_ms, signature_timestamp)
            )
            endpoint = self._endpoints.get(delivery.endpoint_id)
            if rules.is_success(status_code):
                delivery.status, delivery.next_attempt_at = "succeeded", None
                if endpoint is not None:
                    endpoint.consecutive_failures = 0
                    endpoint.last_success_at = now
                return
            if endpoint is not None:
                endpoint.consecutive_failures += 1
                endpoint.last_failure_at = now
            if delivery.status != "in_flight":  # abandoned while in flight (endpoint deleted or disabled)
                return
            delay = rules.retry_delay(len(delivery.attempts))
            if delay is None or endpoint is None or not endpoint.is_active:
                delivery.status, delivery.next_attempt_at = ("failed" if delay is None else "abandoned"), None
            else:
                self._schedule(delivery, now + delay)
            if (
                endpoint is not None
                and endpoint.is_active
                and rules.should_disable(endpoint.consecutive_failures, endpoint.last_success_at, now)
            ):
                self._disable(endpoint, now)

    def _disable(self, endpoint: Endpoint, now: datetime) -> None:
        endpoint.is_active = False
        endpoint.disabled_at = endpoint.updated_at = now
        self._abandon_pending(endpoint.id)
        self.emit(endpoint.team_id, "webhook.endpoint_disabled", endpoint.to_public())

    def _abandon_pending(self, endpoint_id: str) -> None:
        for delivery in self._deliveries.values():
            if delivery.endpoint_id == endpoint_id and delivery.status in ("pending", "in_flight"):
                delivery.status, delivery.next_attempt_at = "abandoned", None

    def _forget_old(self) -> None:
        if len(self._deliveries) <= DELIVERIES_KEPT:
            return
        for delivery_id in [
            d.id for d in self._deliveries.values() if d.status in ("succeeded", "failed", "abandoned")
        ]:
            if len(self._deliveries) <= DELIVERIES_KEPT:
                break
            del self._deliveries[delivery_id]

    # -- the server loop: syntheses finish on the real clock even when nobody asks ------------------------

    def _remember_loop(self) -> None:
        try:
            self.server_loop = asyncio.get_running_loop()
        except RuntimeError:
            pass

    # -- control (/_mock) ---------------------------------------------------------------------------------

    def deliveries(
        self,
        *,
        team_id: str | None = None,
        endpoint_id: str | None = None,
        event_type: str | None = None,
        status: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        with self._lock:
            rows = [
                d.to_json()
                for d in reversed(self._deliveries.values())
                if (team_id is None or d.team_id == team_id)
                and (endpoint_id is None or d.endpoint_id == endpoint_id)
                and (event_type is None or d.event_type == event_type)
                and (status is None or d.status == status)
            ]
        return rows if limit is None else rows[:limit]

    def delivery(self, delivery_id: str) -> dict[str, Any]:
        with self._lock:
            delivery = self._deliveries.get(delivery_id)
            if delivery is None:
                raise NotFound(f"No delivery with id {delivery_id!r}.", param="id")
            return delivery.to_json()

    def redeliver(self, delivery_id: str) -> dict[str, Any]:
        """The same event (same id, same body) to the same endpoint again, as a new delivery due now."""
        with self._lock:
            original = self._deliveries.get(delivery_id)
            if original is None:
                raise NotFound(f"No delivery with id {delivery_id!r}.", param="id")
            endpoint = self._endpoints.get(original.endpoint_id)
            if endpoint is None or not endpoint.is_active:
                raise InvalidRequest(
                    f"Endpoint {original.endpoint_id} is deleted or disabled; nothing can be delivered to it.",
                    code="invalid_request_error",
                    param="id",
                )
            now = self.clock.now()
            copy = Delivery(
                id=new_id("whdel", now),
                event_id=original.event_id,
                event_type=original.event_type,
                endpoint_id=original.endpoint_id,
                team_id=original.team_id,
                url=endpoint.url,
                body=original.body,
                created_at=now,
                synthetic=original.synthetic,
                redelivery_of=original.id,
            )
            self._deliveries[copy.id] = copy
            self._schedule(copy, now)
            if self.wake_worker is not None:
                self.wake_worker()
            return copy.to_json()

    def send_test_event(self, body: Mapping[str, Any], character: Character | None) -> list[dict[str, Any]]:
        """POST /_mock/webhooks/events: an event as if it happened (``synthetic: false``), to one endpoint."""
        endpoint_id = body["endpoint_id"]  # required, a string: control.yaml's schema
        event_type = body.get("type", "character.completed")
        if event_type not in self.event_types:  # the control spec takes any string here
            raise InvalidRequest(f"Unknown event type {event_type!r}.", code="invalid_format", param="type")
        with self._lock:
            endpoint = self._endpoints.get(endpoint_id)
            if endpoint is None:
                raise NotFound(f"No webhook endpoint with id {endpoint_id!r}.", param="endpoint_id")
            if character is not None and character.team_id != endpoint.team_id:
                raise InvalidRequest(
                    "character_id must name a character of the endpoint's team.",
                    code="invalid_request_error",
                    param="character_id",
                )
            now = self.clock.now()
            if character is not None:
                data = character.to_public()
            elif event_type == "webhook.endpoint_disabled":
                data = endpoint.to_public()
            else:
                data = fixture_object(event_type, now, endpoint.api_version)
            made = self._enqueue(endpoint, new_id("evt", now), event_type, data, now, synthetic=False)
            return [d.to_json() for d in made]

    def all_endpoints(self) -> list[dict[str, Any]]:
        with self._lock:
            return [e.to_internal() for e in self._endpoints.values()]

    def set_faults(self, data: Mapping[str, Any]) -> dict[str, Any]:
        faults = WebhookFaults.from_json(data)
        with self._lock:
            self.faults = faults
        return faults.to_json()

    def reset(self) -> None:
        with self._lock:
            self._endpoints.clear()
            self._deliveries.clear()
            self._due.clear()
            self.faults = WebhookFaults()

    # -- the shared store (--store redis://): the whole hub as JSON, and back -------------------------------

    def change_mark(self) -> tuple[int, str | None]:
        """Cheap: changes when an endpoint or a delivery is added or removed (events included)."""
        return len(self._endpoints), next(reversed(self._deliveries), None)

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "endpoints": [_row_to_json(e) for e in self._endpoints.values()],
                "deliveries": [_row_to_json(d) for d in self._deliveries.values()],
                "faults": self.faults.to_json(),
            }

    def restore(self, data: Mapping[str, Any]) -> None:
        """Replace the state with a ``snapshot()`` (another process's); pending deliveries are due again here."""
        endpoints = [_endpoint_from_json(row) for row in data["endpoints"]]
        deliveries = [_delivery_from_json(row) for row in data["deliveries"]]
        with self._lock:
            self._endpoints = {e.id: e for e in endpoints}
            self._deliveries = {d.id: d for d in deliveries}
            self._due = [
                (d.next_attempt_at, next(self._seq), d.id)
                for d in deliveries
                if d.status == "pending" and d.next_attempt_at is not None
            ]
            heapq.heapify(self._due)
            self.faults = WebhookFaults.from_json(data["faults"])
        if self._endpoints and self._attach is not None:  # this process's finished syntheses fire events too
            self._attach()
            self._attach = None


def fixture_object(event_type: str, now: datetime, version: str) -> dict[str, Any]:
    """The ``data.object`` of a synthetic event: a character for character.*, else a placeholder.

    The mock renders only what this contract describes; image, video and usage payloads belong to other
    parts of the public API, so their test fires carry a marked placeholder.
    """
    if event_type.startswith("character."):
        status = {"character.completed": "reviewing", "character.failed": "failed", "character.cancelled": "deleted"}
        # A Character rendered like any other (to_public), so the fixture cannot drift from the real payload.
        return Character(
            id="char_00000000000000000000000000",
            team_id="",  # no team's: to_public leaves it out
            name="Synthetic test character",
            status=Status(status[event_type]),
            created_at=now,
            updated_at=now,
            aurous_version=version,  # the endpoint's version, which the event is rendered in
            client_reference_id="synthetic-test",
            error_message="synthesis_failed" if event_type == "character.failed" else None,
        ).to_public()
    return {"object": event_type.split(".", 1)[0], "id": None, "synthetic_fixture": True}


_TIMES = frozenset(
    {"created_at", "updated_at", "last_success_at", "last_failure_at", "disabled_at", "next_attempt_at", "sent_at"}
)


def _row_to_json(row: Any) -> dict[str, Any]:
    """An Endpoint, Delivery or Attempt as JSON, every field (times in full ISO 8601, the body as text)."""
    out: dict[str, Any] = {}
    for name in row.__slots__:
        value = getattr(row, name)
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, bytes):
            value = value.decode()
        elif isinstance(value, tuple):
            value = list(value)
        elif name == "attempts":
            value = [_row_to_json(attempt) for attempt in value]
        out[name] = value
    return out


def _times(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        name: (datetime.fromisoformat(value) if name in _TIMES and value is not None else value)
        for name, value in row.items()
    }


def _endpoint_from_json(row: Mapping[str, Any]) -> Endpoint:
    fields = _times(row)
    return Endpoint(**{**fields, "events": tuple(fields["events"]), "metadata": dict(fields["metadata"])})


def _delivery_from_json(row: Mapping[str, Any]) -> Delivery:
    fields = _times(row)
    attempts = [Attempt(**_times(attempt)) for attempt in fields["attempts"]]
    return Delivery(**{**fields, "body": fields["body"].encode(), "attempts": attempts})
