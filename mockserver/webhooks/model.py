"""The rows of the webhook feature: endpoints, deliveries and their attempts (plain dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from mockserver.domain.model import format_time

from .rules import secret_preview

__all__ = ["Attempt", "Delivery", "DeliveryStatus", "Endpoint"]

DeliveryStatus = Literal["pending", "in_flight", "succeeded", "failed", "abandoned"]


def _t(dt: datetime | None) -> str | None:
    return None if dt is None else format_time(dt)


@dataclass(slots=True)
class Endpoint:
    id: str
    team_id: str
    url: str
    events: tuple[str, ...]
    secret: str
    api_version: str  # the version applied when it was created: events are rendered in it
    created_at: datetime
    updated_at: datetime
    description: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    is_active: bool = True
    consecutive_failures: int = 0
    last_success_at: datetime | None = None
    last_failure_at: datetime | None = None
    disabled_at: datetime | None = None

    def to_public(self, *, reveal_secret: bool = False) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "webhook_endpoint",
            "url": self.url,
            "events": list(self.events),
            "description": self.description,
            "metadata": dict(self.metadata),
            "api_version": self.api_version,
            "secret_preview": secret_preview(self.secret),
            "secret": self.secret if reveal_secret else None,
            "is_active": self.is_active,
            "consecutive_failures": self.consecutive_failures,
            "last_success_at": _t(self.last_success_at),
            "last_failure_at": _t(self.last_failure_at),
            "created_at": format_time(self.created_at),
            "updated_at": format_time(self.updated_at),
        }

    def to_internal(self) -> dict[str, Any]:
        return {**self.to_public(reveal_secret=True), "team_id": self.team_id, "disabled_at": _t(self.disabled_at)}


@dataclass(slots=True)
class Attempt:
    number: int
    sent_at: datetime  # on the mock's clock
    status_code: int | None  # None: no HTTP answer (timeout, refused, TLS, bad URL)
    error: str | None
    duration_ms: float  # wall time the receiver took
    signature_timestamp: int

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "sent_at": format_time(self.sent_at),
            "status_code": self.status_code,
            "error": self.error,
            "duration_ms": round(self.duration_ms, 1),
            "signature_timestamp": self.signature_timestamp,
        }


@dataclass(slots=True)
class Delivery:
    id: str
    event_id: str
    event_type: str
    endpoint_id: str
    team_id: str
    url: str
    body: bytes
    created_at: datetime
    synthetic: bool
    status: DeliveryStatus = "pending"
    next_attempt_at: datetime | None = None
    attempts: list[Attempt] = field(default_factory=list)
    redelivery_of: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_id": self.event_id,
            "event_type": self.event_type,
            "endpoint_id": self.endpoint_id,
            "team_id": self.team_id,
            "url": self.url,
            "synthetic": self.synthetic,
            "status": self.status,
            "created_at": format_time(self.created_at),
            "next_attempt_at": _t(self.next_attempt_at),
            "attempts": [attempt.to_json() for attempt in self.attempts],
            "redelivery_of": self.redelivery_of,
            "payload": self.body.decode(),
        }
