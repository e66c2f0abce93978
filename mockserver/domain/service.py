"""CharactersService: the per-team facade the HTTP handlers and the /_mock control API call.

Every public method takes ``team_id`` first (the control methods excepted), first completes the syntheses
that are due by ``clock.now()``, checks what only the state can tell, applies a rule from ``lifecycle`` and
stores the result, raising domain errors on the way. Handlers never test a status themselves.

Shape is the spec's job: every caller hands over what a schema has validated (openapi.yaml for the public
API, control/control.yaml for /_mock, by ``mockserver.validation``; fixtures by ``FixtureContract``), so
no bound, type, enum, required or unknown field is re-checked here.

Existence never leaks: an id that is unknown, malformed, soft-deleted or another team's gives the same
``NotFound`` through one code path (``_live_character``).

Standard library only (plus ``mockserver.ids``, itself plain standard-library Python): no HTTP, no JSON.
The clock is anything with ``now()``; the store is ``mockserver.store.Store``, imported for typing only.
"""

from __future__ import annotations

from . import lifecycle
from .base import (
    RequestedOutcome,
    ServiceBase,
    ServiceSettings,
)
from .billing import BillingRules
from .characters import CharacterRules
from .errors import NotFound
from .model import Character, Status, Team
from .uploads import UploadRules, classify

__all__ = [
    "CharactersService",
    "RequestedOutcome",
    "ServiceBase",
    "ServiceSettings",
    "classify",
]


class CharactersService(CharacterRules, UploadRules, BillingRules):
    """The per-team facade: characters (characters.py), uploads (uploads.py), billing and images
    (billing.py), and below, the control operations (/_mock: no team scoping)."""

    # -- control facade (/_mock): no team scoping ----------------------------------------------------

    def force_status(self, character_id: str, status: Status | str, error_message: str | None = None) -> Character:
        """``status``: one of control.yaml's enum, which its validation enforces (Status() of anything else raises)."""
        self.complete_due()
        status_ = Status(status)
        character = self.inspect(character_id)
        now = self.clock.now()
        outcome, due_at = self._schedule(None, now)
        forced = lifecycle.force_status(
            character,
            status_,
            error_message,
            now=now,
            due_at=due_at,
            outcome=outcome,
            storage_base_url=self.settings.storage_base_url,
        )
        if forced.status is Status.SYNTHESIZING:
            return self._store_synthesizing(forced)
        self.store.put_character(forced)
        return forced

    def inspect(self, character_id: str) -> Character:
        """Any team's character, deleted ones included."""
        self.complete_due()
        character = self.store.find_any(character_id)
        if character is None:
            raise NotFound(f"No character with id {character_id!r}.", param="id")
        return character

    def all_characters(self) -> list[Character]:
        self.complete_due()
        return self.store.all_characters()

    def set_credits(self, team_id: str, credits: int) -> None:
        self.store.set_credits(team_id, credits)

    def teams(self) -> tuple[Team, ...]:
        """The configured teams (fixed while running: keys, pins, starting credits)."""
        return tuple(self.store.teams.values())

    def put_seeded(self, character: Character) -> None:
        """A fixture's row as the fixtures built it (through ``lifecycle.force_status``), stored as is."""
        self.store.put_character(character)

    def reset(self) -> None:
        """Back to the configured start (no rows, starting balances); the clock is left alone."""
        self.store.reset()
