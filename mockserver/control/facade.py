"""What the control API may do to a running mock, in one narrow object.

The control routes never touch the public handlers: they call this facade, which reaches the service
(characters, credits), the clock and the gateway's per-team tables (rate-limit buckets, idempotency keys).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mockserver.idempotency import IdempotencyCache
from mockserver.ratelimit import RateLimiter


@dataclass
class MockControl:
    service: Any
    clock: Any
    limiter: RateLimiter
    idempotency: IdempotencyCache
    webhooks: Any = None  # mockserver.webhooks.WebhookHub: endpoints, deliveries and their faults

    def teams(self) -> list[dict[str, Any]]:
        return [
            {
                "id": team.id,
                "name": team.name,
                "api_keys": list(team.api_keys),
                "pinned_version": team.pinned_version,
                "credits": self.service.get_balance(team.id)["credits"],
            }
            for team in self.service.store.teams.values()
        ]

    def reset(self) -> None:
        self.service.reset()
        self.limiter.reset()
        self.idempotency.reset()
        if self.webhooks is not None:
            self.webhooks.reset()

    def advance_clock(self, seconds: float) -> str:
        self.clock.advance(seconds)
        self.service.complete_due()
        from mockserver.domain.model import format_time

        return format_time(self.clock.now())
