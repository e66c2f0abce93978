"""What every part of the service shares: settings, the store and clock, the lazy completion of due
syntheses, and the helpers that look a character up (one NotFound path) and charge credits.

The contract's bounds (lengths, ranges, enums, required and unknown fields) are not copied here: they are
openapi.yaml's, enforced by ``mockserver.validation`` before any method of the service is called.

Standard library only (plus ``mockserver.ids``). ``service.py`` composes the parts into ``CharactersService``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, Protocol

from . import lifecycle
from .errors import (
    InsufficientCredits,
    InvalidRequest,
    NotFound,
    UploadInvalid,
)
from .model import (
    Character,
    Outcome,
    Pose,
    Status,
    Upload,
)

if TYPE_CHECKING:  # the store lives outside the domain package; only its type is needed here
    from ..store import Store

RequestedOutcome = Literal["succeed", "fail", "instant"]


class _Clock(Protocol):
    def now(self) -> datetime: ...


# The content type each extension goes with: a rule across two fields, stated by the spec in prose only.
UPLOAD_CONTENT_TYPES: Mapping[str, str] = MappingProxyType(
    {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
)
_CLASSIFIABLE = (Pose.PORTRAIT, Pose.FRONT, Pose.SIDE, Pose.BACK, Pose.OTHER)


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    synthesis_seconds: float = 3.0
    synthesis_outcome: Outcome = "succeed"
    failure_message: str = lifecycle.DEFAULT_FAILURE_MESSAGE
    lifecycle_variant: lifecycle.LifecycleVariant = "review"
    storage_base_url: str = lifecycle.DEFAULT_STORAGE_BASE_URL
    upload_base_url: str = "https://api.aurous-labs.com"
    # Credits by the contract's operationId, given by the wiring from the spec's x-aurous-credit-cost
    # (createCharacter's is the synthesize flow's; the upload flow is free). The domain keeps no copy.
    credit_costs: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    def cost(self, operation_id: str) -> int:
        try:
            return self.credit_costs[operation_id]
        except KeyError:
            raise LookupError(
                f"no credit cost for {operation_id}: ServiceSettings.credit_costs must come from the spec's "
                "x-aurous-credit-cost"
            ) from None


class ServiceBase:
    def __init__(self, store: Store, clock: _Clock, settings: ServiceSettings | None = None) -> None:
        self.store = store
        self.clock = clock
        self.settings = settings or ServiceSettings()

    # -- lazy synthesis completion -------------------------------------------------------------------

    def complete_due(self) -> int:
        """Finish every synthesis due by now, each at its own due time; returns how many finished.

        A heap peek when nothing is due, so every call can afford it.
        """
        store, s = self.store, self.settings
        finished = 0
        for due_at, character_id in store.pop_due(self.clock.now()):
            character = store.find_any(character_id)
            if character is None or character.pending is None or character.pending.due_at != due_at:
                continue  # stale: deleted, forced elsewhere, or rescheduled
            store.put_character(
                lifecycle.finish_synthesis(
                    character,
                    now=due_at,
                    lifecycle_variant=s.lifecycle_variant,
                    storage_base_url=s.storage_base_url,
                    failure_message=s.failure_message,
                )
            )
            finished += 1
        return finished

    # -- helpers -------------------------------------------------------------------------------------

    def _live_character(self, team_id: str, character_id: str, *, param: str | None = None) -> Character:
        """The one lookup: unknown, malformed, soft-deleted and other-team ids are all the same 404.

        ``param`` is null for the path id (openapi.yaml, Error.param: "A 404 for a path id has `param: null`")
        and names the body field when the id came in the body (`character_id`)."""
        character = self.store.get_character(team_id, character_id)
        if character is None or character.status is Status.DELETED:
            raise NotFound(f"No character with id {character_id!r}.", param=param)
        return self._with_fresh_urls(character)

    def _with_fresh_urls(self, character: Character) -> Character:
        """The row, its ref URLs re-signed (and stored) once they have expired: a re-fetch gives a fresh URL."""
        if not character.refs:
            return character
        now = self.clock.now()
        if not lifecycle.ref_urls_expired(character, now, self.settings.storage_base_url):
            return character
        fresh = lifecycle.resigned(character, self.settings.storage_base_url, now=now)
        self.store.put_character(fresh)
        return fresh

    def ref_image(self, character_id: str, pose: str, expires: str, signature: str) -> Character:
        """The character behind a ref URL (the URL is the credential: no team, no key).

        403 ``invalid_signature`` / 410 ``url_expired`` for the URL itself; 404 when the character is gone
        (hard- or soft-deleted) or no longer has that pose.
        """
        self.complete_due()
        lifecycle.check_ref_url(character_id, pose, expires, signature, now=self.clock.now())
        character = self.store.find_any(character_id)
        if character is None or character.status is Status.DELETED or all(r.pose.value != pose for r in character.refs):
            raise NotFound("No such image: the character or this ref of it no longer exists.")
        return character

    def _schedule(self, requested: RequestedOutcome | None, now: datetime) -> tuple[Outcome, datetime]:
        if requested == "instant":
            return "succeed", now
        if requested is not None and requested not in ("succeed", "fail"):
            raise InvalidRequest("The mock outcome must be succeed, fail or instant.", code="invalid_format")
        outcome: Outcome = requested or self.settings.synthesis_outcome
        return outcome, now + timedelta(seconds=self.settings.synthesis_seconds)

    def _store_synthesizing(self, character: Character) -> Character:
        """Store a character that just started synthesizing; finish it at once if already due."""
        pending = character.pending
        if pending is not None and pending.due_at <= self.clock.now():
            s = self.settings
            character = lifecycle.finish_synthesis(
                character,
                now=pending.due_at,
                lifecycle_variant=s.lifecycle_variant,
                storage_base_url=s.storage_base_url,
                failure_message=s.failure_message,
            )
        self.store.put_character(character)
        return character

    def _require_credits(self, team_id: str, cost: int) -> None:
        balance = self.store.credits(team_id)
        if balance < cost:
            raise InsufficientCredits(
                f"This request costs {cost} credit{'s' if cost != 1 else ''} and the balance is {balance}; "
                "nothing was charged."
            )

    def _charge(self, team_id: str, cost: int) -> None:
        self.store.set_credits(team_id, self.store.credits(team_id) - cost)

    def _uploads_for_character(self, team_id: str, upload_ids: list[str], now: datetime) -> list[Upload]:
        """The uploads a create consumes: each of this team, on record, unexpired, unused and with bytes."""
        uploads = []
        for upload_id in upload_ids:
            upload = self.store.get_upload(upload_id)
            if upload is not None and upload.team_id != team_id:
                raise NotFound(f"No upload with id {upload_id!r}.", param="upload_ids")  # contract DECISION
            uploads.append(self._usable_upload(upload, upload_id, now, param="upload_ids"))
        return uploads

    @staticmethod
    def _usable_upload(upload: Upload | None, upload_id: str, now: datetime, *, param: str) -> Upload:
        if upload is None:
            raise UploadInvalid(f"Upload {upload_id!r} is unknown.", param=param)
        if now >= upload.expires_at:
            raise UploadInvalid(f"Upload {upload_id} has expired (uploads last 24 hours).", param=param)
        if upload.consumed:
            raise UploadInvalid(f"Upload {upload_id} was already used to create a character.", param=param)
        if not upload.uploaded:
            raise UploadInvalid(f"Upload {upload_id} has no bytes yet: PUT them to its upload_url first.", param=param)
        return upload
