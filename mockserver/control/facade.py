"""What the control API (/_mock) may do to a running mock, in one narrow object: every control route calls it.

``MockControl`` reaches the service (characters, credits), the clock, the gateway's per-team tables
(rate-limit buckets, idempotency keys), the fault dice, the request log, the fixtures and the webhook hub —
never the public handlers. ``reset`` returns everything to the configured start: rows re-seeded from the
fixtures, faults and run-time settings back to the flags' values, the request log emptied.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from mockserver.domain.errors import InvalidRequest, NotFound
from mockserver.domain.model import Status, format_time
from mockserver.faults import Faults, FaultSettings
from mockserver.fixtures import FixtureContract, FixtureError, Fixtures, load_fixture_data, scenario_names
from mockserver.idempotency import IdempotencyCache
from mockserver.ratelimit import RateLimiter
from mockserver.requestlog import RequestLog

_RUNTIME_KEYS = ("lifecycle_variant", "synthesis_seconds", "synthesis_outcome")


@dataclass
class MockControl:
    service: Any
    clock: Any
    limiter: RateLimiter
    idempotency: IdempotencyCache
    fixture_contract: FixtureContract  # the spec's default version, version pattern and schemas, for fixtures
    webhooks: Any = None  # mockserver.webhooks.WebhookHub: endpoints, deliveries and their faults
    faults: Faults = field(default_factory=Faults)
    requests: RequestLog = field(default_factory=RequestLog)
    fixtures: Fixtures | None = None
    clock_kind: str = "real"
    state_file: Any = None  # mockserver.persistence.StateFile, with --state-file

    def __post_init__(self) -> None:
        self.start_service_settings = self.service.settings
        self.start_rate_limits = self.limiter.enabled
        self.start_fixtures = self.fixtures

    def teams(self) -> list[dict[str, Any]]:
        return [
            {
                "id": team.id,
                "name": team.name,
                "api_keys": list(team.api_keys),
                "pinned_version": team.pinned_version,
                "credits": self.service.get_balance(team.id)["credits"],
            }
            for team in self.service.teams()
        ]

    def advance_clock(self, seconds: float) -> str:
        self.clock.advance(seconds)
        self.service.complete_due()
        return format_time(self.clock.now())

    # -- reset and seeding -----------------------------------------------------------------------------

    def reset(self) -> None:
        """Everything back to the configured start: rows re-seeded, faults and run-time settings as at start."""
        self.service.reset()
        self.limiter.reset()
        self.idempotency.reset()
        if self.webhooks is not None:
            self.webhooks.reset()
        self.faults.reset()
        self.service.settings = self.start_service_settings
        self.limiter.enabled = self.start_rate_limits
        self.requests.clear()
        self.seed()

    def seed(self) -> None:
        if self.fixtures is not None:
            self.fixtures.seed(self.service, self.limiter)

    def use_fixtures(self, data: Any, *, name: str = "request body") -> dict[str, Any]:
        """Make these fixtures the state every reset returns to, and reset to them now."""
        if not isinstance(data, dict):
            raise InvalidRequest("The fixtures must be a JSON object.", code="invalid_format")
        if "teams" in data:
            raise InvalidRequest(
                "Teams can only come from fixtures given at start (--fixtures): API keys are fixed while running.",
                code="parameter_unknown",
                param="teams",
            )
        teams = self.service.teams()
        try:
            fixtures = Fixtures(data, teams, contract=self.fixture_contract)
            fixtures.check_buckets(self.limiter.buckets)
        except FixtureError as exc:
            raise InvalidRequest(str(exc), code="invalid_format") from None
        self.fixtures = fixtures
        self.reset()
        return self.scenario_summary(name, fixtures)

    def load_scenario(self, name: str) -> dict[str, Any]:
        if name.replace("-", "_") not in scenario_names():
            raise NotFound(f"No shipped scenario {name!r}; shipped: {', '.join(scenario_names())}.")
        return self.use_fixtures(load_fixture_data(name), name=name)

    def scenarios(self) -> list[dict[str, Any]]:
        return [
            {"name": name, "description": load_fixture_data(name).get("description", "")} for name in scenario_names()
        ]

    @staticmethod
    def scenario_summary(name: str, fixtures: Fixtures) -> dict[str, Any]:
        return {
            "name": name,
            "description": fixtures.description,
            "characters": [s.character.id for s in fixtures.seeds],
        }

    # -- inspection ------------------------------------------------------------------------------------

    def characters(self, team_id: str | None = None, status: str | None = None) -> list[dict[str, Any]]:
        rows = self.service.all_characters()
        return [
            row.to_internal()
            for row in rows
            if (team_id is None or row.team_id == team_id) and (status is None or row.status is Status(status))
        ]

    def recent_requests(self, limit: int | None = None) -> list[dict[str, Any]]:
        return self.requests.recent(limit)

    def clear_requests(self) -> None:
        self.requests.clear()

    def inspect_character(self, character_id: str) -> dict[str, Any]:
        return dict(self.service.inspect(character_id).to_internal())

    def force_status(self, character_id: str, status: str, error_message: str | None) -> dict[str, Any]:
        return dict(self.service.force_status(character_id, status, error_message).to_public())

    # -- faults ----------------------------------------------------------------------------------------

    def get_faults(self) -> dict[str, Any]:
        return self.faults.settings.to_json()

    def set_faults(self, data: Any) -> dict[str, Any]:
        try:
            settings = FaultSettings.from_json(data)
        except ValueError as exc:
            param, message = exc.args
            raise InvalidRequest(message, code="invalid_format", param=param) from None
        self.faults.set(settings)
        return self.get_faults()

    def clear_faults(self) -> None:
        self.faults.set(FaultSettings())

    # -- run-time settings -----------------------------------------------------------------------------

    def runtime(self) -> dict[str, Any]:
        s = self.service.settings
        return {
            "lifecycle_variant": s.lifecycle_variant,
            "synthesis_seconds": s.synthesis_seconds,
            "synthesis_outcome": s.synthesis_outcome,
            "rate_limits": self.limiter.enabled,
            "clock": self.clock_kind,
            "now": format_time(self.clock.now()),
            "persistence": None if self.state_file is None else self.state_file.status(),
        }

    def update_runtime(self, changes: dict[str, Any]) -> dict[str, Any]:
        """Change how the next syntheses run (lifecycle variant, duration, outcome) and rate limiting.

        Syntheses already running finish under the variant in force when they finish.
        """
        updates = {key: changes[key] for key in _RUNTIME_KEYS if key in changes}
        if "lifecycle_variant" in updates and updates["lifecycle_variant"] not in ("review", "auto_ready"):
            raise InvalidRequest("lifecycle_variant must be review or auto_ready.", param="lifecycle_variant")
        if "synthesis_outcome" in updates and updates["synthesis_outcome"] not in ("succeed", "fail"):
            raise InvalidRequest("synthesis_outcome must be succeed or fail.", param="synthesis_outcome")
        if "synthesis_seconds" in updates:
            seconds = updates["synthesis_seconds"]
            if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not 0 <= seconds <= 86_400:
                raise InvalidRequest("synthesis_seconds must be from 0 to 86400.", param="synthesis_seconds")
            updates["synthesis_seconds"] = float(seconds)
        self.service.settings = replace(self.service.settings, **updates)
        if "rate_limits" in changes:
            self.limiter.enabled = bool(changes["rate_limits"])
        return self.runtime()

    # -- webhooks (the hub owns the rules; these only pass the request on) ------------------------------

    def webhook_deliveries(self, **filters: Any) -> list[dict[str, Any]]:
        return list(self.webhooks.deliveries(**filters))

    def webhook_delivery(self, delivery_id: str) -> dict[str, Any]:
        return dict(self.webhooks.delivery(delivery_id))

    def redeliver_webhook(self, delivery_id: str) -> dict[str, Any]:
        return dict(self.webhooks.redeliver(delivery_id))

    def send_webhook_event(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        character = None
        character_id = body.get("character_id")
        if character_id is not None:
            try:
                character = self.service.inspect(character_id)
            except NotFound:
                raise InvalidRequest(
                    f"No character {character_id!r}.", code="invalid_format", param="character_id"
                ) from None
        return list(self.webhooks.send_test_event(body, character))

    def webhook_endpoints(self) -> list[dict[str, Any]]:
        return list(self.webhooks.all_endpoints())

    def get_webhook_faults(self) -> dict[str, Any]:
        return dict(self.webhooks.faults.to_json())

    def set_webhook_faults(self, data: Any) -> dict[str, Any]:
        return dict(self.webhooks.set_faults(data))
