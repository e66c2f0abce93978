"""CharactersService: the per-team facade the HTTP handlers and the /_mock control API call.

Every public method takes ``team_id`` first (the control methods excepted), first completes the syntheses
that are due by ``clock.now()``, validates what it was given, applies a rule from ``lifecycle`` and stores
the result, raising domain errors on the way. Handlers never test a status themselves.

Existence never leaks: an id that is unknown, malformed, soft-deleted or another team's gives the same
``NotFound`` through one code path (``_live_character``).

Standard library only (plus ``mockserver.ids``, itself plain standard-library Python): no HTTP, no JSON.
The clock is anything with ``now()``; the store is ``mockserver.store.Store``, imported for typing only.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, Protocol

from ..ids import new_id
from . import lifecycle
from .errors import (
    InsufficientCredits,
    InvalidRequest,
    NotFound,
    PayloadTooLarge,
    UnsupportedMediaType,
    UploadExpired,
    UploadInvalid,
)
from .model import (
    SYNTHESIS_POSES,
    UPLOAD_TTL,
    UPLOAD_URL_TTL,
    Character,
    Image,
    Outcome,
    Pose,
    Ref,
    Status,
    Upload,
    freeze_attributes,
)

if TYPE_CHECKING:  # the store lives outside the domain package; only its type is needed here
    from ..store import Store

__all__ = [
    "ATTRIBUTE_KEYS",
    "DEFAULT_CREDIT_COSTS",
    "CharactersService",
    "ServiceSettings",
]

RequestedOutcome = Literal["succeed", "fail", "instant"]


class _Clock(Protocol):
    def now(self) -> datetime: ...


# Credit costs by the contract's operationId (app.py fills them from the spec's x-aurous-credit-cost).
# createCharacter's cost applies to the synthesize flow only; the upload flow is free.
DEFAULT_CREDIT_COSTS: Mapping[str, int] = MappingProxyType(
    {"createCharacter": 4, "resynthesizeCharacter": 4, "regenerateRef": 1, "createImage": 1}
)

# Bounds the public docs leave open (DECISION, documented in openapi.yaml).
NAME_MAX = 120
CLIENT_REFERENCE_ID_MAX = 256
ATTRIBUTE_STRING_MAX = 500
AGE_MIN, AGE_MAX = 0, 150
ATTRIBUTE_KEYS = (
    "gender",
    "age",
    "ethnicity",
    "hair_color",
    "hair_style",
    "eye_color",
    "body_type",
    "additional_details",
)
UPLOAD_IDS_MIN, UPLOAD_IDS_MAX = 1, 6
CREATE_FIELDS = ("name", "client_reference_id", "generate", "upload_ids", "attributes")
UPLOAD_INIT_FIELDS = ("filename", "extension", "content_type")
IMAGE_FIELDS = ("prompt", "character_id")
PROMPT_MAX = 4000
FILENAME_MAX = 120
UPLOAD_MAX_BYTES = 10 * 1_048_576
UPLOAD_CONTENT_TYPES: Mapping[str, str] = MappingProxyType(
    {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
)
_PUT_CONTENT_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "application/octet-stream"})
_CLASSIFIABLE = (Pose.PORTRAIT, Pose.FRONT, Pose.SIDE, Pose.BACK, Pose.OTHER)


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    synthesis_seconds: float = 3.0
    synthesis_outcome: Outcome = "succeed"
    failure_message: str = lifecycle.DEFAULT_FAILURE_MESSAGE
    lifecycle_variant: lifecycle.LifecycleVariant = "review"
    storage_base_url: str = lifecycle.DEFAULT_STORAGE_BASE_URL
    upload_base_url: str = "https://api.aurous-labs.com"
    credit_costs: Mapping[str, int] = field(default_factory=lambda: DEFAULT_CREDIT_COSTS)

    def cost(self, operation_id: str) -> int:
        return self.credit_costs.get(operation_id, DEFAULT_CREDIT_COSTS.get(operation_id, 0))


class CharactersService:
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

    # -- characters ----------------------------------------------------------------------------------

    def create_character(
        self, team_id: str, body: Mapping[str, Any], *, version: str, outcome: RequestedOutcome | None = None
    ) -> Character:
        """POST /v1/characters: the synthesize flow (``generate: true`` + ``attributes``, 4 credits) or
        the upload flow (``upload_ids``, free, born ready). ``aurous_version`` is frozen to ``version``.

        ``outcome`` (mock only) overrides the configured synthesis outcome; "instant" finishes it now.
        """
        self.complete_due()
        _reject_unknown(body, CREATE_FIELDS)
        if body.get("name") is None:
            raise InvalidRequest("name is required.", code="missing_field", param="name")
        generate = body.get("generate")
        if generate is not None and not isinstance(generate, bool):
            raise InvalidRequest("generate must be a boolean.", code="invalid_format", param="generate")
        upload_ids = body.get("upload_ids")
        if (generate is True) == (upload_ids is not None):
            raise InvalidRequest(
                "Send exactly one of generate: true (synthesize flow) or upload_ids (upload flow).",
                code="parameter_invalid_combination",
                param="upload_ids",
            )
        name = _name(body["name"])
        client_reference_id = _client_reference_id(body.get("client_reference_id"))
        attributes = body.get("attributes")
        if attributes is not None:
            attributes = _attributes(attributes)
        now = self.clock.now()
        common: dict[str, Any] = {
            "team_id": team_id,
            "name": name,
            "created_at": now,
            "updated_at": now,
            "aurous_version": version,
            "client_reference_id": client_reference_id,
            "attributes": freeze_attributes(attributes),
        }
        if generate is True:
            if attributes is None:
                raise InvalidRequest(
                    "attributes is required when generate is true.", code="missing_field", param="attributes"
                )
            cost = self.settings.cost("createCharacter")
            self._require_credits(team_id, cost)
            outcome_, due_at = self._schedule(outcome, now)
            character = Character(id=new_id("char", now), status=Status.SYNTHESIZING, flow="synthesize", **common)
            character = lifecycle.start_synthesis(character, "create", now=now, due_at=due_at, outcome=outcome_)
            self._charge(team_id, cost)
            return self._store_synthesizing(character)
        uploads = self._uploads_for_character(team_id, upload_ids, now)
        character_id = new_id("char", now)
        refs = tuple(
            Ref(u.ref_pose, lifecycle.ref_url(character_id, u.ref_pose, self.settings.storage_base_url, now=now))
            for u in uploads
        )
        character = Character(id=character_id, status=Status.READY, flow="upload", refs=refs, saved=True, **common)
        for upload in uploads:
            self.store.put_upload(replace(upload, consumed=True))
        self.store.put_character(character)
        return character

    def list_characters(
        self, team_id: str, *, limit: int = 20, starting_after: str | None = None
    ) -> tuple[list[Character], bool, str | None]:
        """Live characters newest first: (page, has_more, next_cursor).

        ``starting_after`` must name a character of this team on record, live or soft-deleted (a cursor
        keeps working after its character is deleted); anything else (unknown, malformed, hard-deleted,
        another team's) is 400 ``invalid_cursor`` with ``param: starting_after`` — the contract's
        DECISION: a cursor is not a resource lookup, so it is not a 404.
        ``next_cursor`` is the last id of the page when ``has_more``, else None.
        """
        self.complete_due()
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 100:
            raise InvalidRequest("limit must be an integer from 1 to 100.", code="value_out_of_range", param="limit")
        if starting_after is not None and self.store.get_character(team_id, starting_after) is None:
            raise InvalidRequest(
                "starting_after must be the next_cursor of a previous page (a character of your team).",
                code="invalid_cursor",
                param="starting_after",
            )
        page, has_more = self.store.page_newest_first(team_id, before=starting_after, limit=limit)
        page = [self._with_fresh_urls(row) for row in page]
        return page, has_more, (page[-1].id if has_more else None)

    def retrieve_character(self, team_id: str, character_id: str) -> Character:
        self.complete_due()
        return self._live_character(team_id, character_id)

    def update_character(self, team_id: str, character_id: str, changes: Mapping[str, Any]) -> Character:
        """PATCH: name and/or attributes (replaced whole). Unknown fields: 400 parameter_unknown."""
        self.complete_due()
        for key in changes:
            if key not in lifecycle.UPDATABLE_FIELDS:
                raise InvalidRequest(
                    f"Field {key!r} cannot be updated; only name and attributes can.",
                    code="parameter_unknown",
                    param=key,
                )
        if not changes:
            raise InvalidRequest("Send at least one of name, attributes.", code="missing_field")
        validated: dict[str, Any] = {}
        if "name" in changes:
            validated["name"] = _name(changes["name"])
        if "attributes" in changes:
            validated["attributes"] = None if changes["attributes"] is None else _attributes(changes["attributes"])
        character = self._live_character(team_id, character_id)
        updated = lifecycle.update(character, validated, now=self.clock.now())
        self.store.put_character(updated)
        return updated

    def delete_character(self, team_id: str, character_id: str) -> dict[str, Any]:
        self.complete_due()
        character = self._live_character(team_id, character_id)
        deleted = lifecycle.delete(character, now=self.clock.now())
        if deleted is None:
            self.store.delete_character(character.id)
        else:
            self.store.put_character(deleted)
        return {"id": character.id, "object": "character", "deleted": True}

    def save_character(self, team_id: str, character_id: str) -> Character:
        self.complete_due()
        character = self._live_character(team_id, character_id)
        saved = lifecycle.save(character, now=self.clock.now())
        if saved is not character:
            self.store.put_character(saved)
        return saved

    def regenerate_ref(
        self, team_id: str, character_id: str, pose: str, *, outcome: RequestedOutcome | None = None
    ) -> Character:
        """Regenerate one ref (1 credit). Allowed from reviewing and ready."""
        self.complete_due()
        pose_ = next((p for p in SYNTHESIS_POSES if p.value == pose), None)
        if pose_ is None:
            allowed = ", ".join(p.value for p in SYNTHESIS_POSES)
            raise InvalidRequest(
                f"pose must be one of the synthesized poses: {allowed}.", code="invalid_format", param="pose"
            )
        character = self._live_character(team_id, character_id)
        now = self.clock.now()
        outcome_, due_at = self._schedule(outcome, now)
        started = lifecycle.regenerate(character, pose_, now=now, due_at=due_at, outcome=outcome_)
        cost = self.settings.cost("regenerateRef")
        self._require_credits(team_id, cost)
        self._charge(team_id, cost)
        return self._store_synthesizing(started)

    def resynthesize_character(
        self, team_id: str, character_id: str, *, force_all: bool = False, outcome: RequestedOutcome | None = None
    ) -> Character:
        """Resynthesize all four refs (4 credits). Allowed from reviewing, ready and failed.

        ``force_all`` is accepted; the mock always replaces all four refs.
        """
        self.complete_due()
        character = self._live_character(team_id, character_id)
        now = self.clock.now()
        outcome_, due_at = self._schedule(outcome, now)
        started = lifecycle.resynthesize(character, now=now, due_at=due_at, outcome=outcome_)
        cost = self.settings.cost("resynthesizeCharacter")
        self._require_credits(team_id, cost)
        self._charge(team_id, cost)
        return self._store_synthesizing(started)

    # -- uploads -------------------------------------------------------------------------------------

    def init_upload(self, team_id: str, body: Mapping[str, Any]) -> Upload:
        """An upload ticket: PUT target valid 15 min, ticket valid 24 h.

        ``extension`` and ``content_type`` are required and must match (jpg/jpeg: image/jpeg, png:
        image/png, webp: image/webp), else 400 parameter_invalid_combination, param extension.
        """
        self.complete_due()
        _reject_unknown(body, UPLOAD_INIT_FIELDS)
        for required in ("extension", "content_type"):
            if body.get(required) is None:
                raise InvalidRequest(f"{required} is required.", code="missing_field", param=required)
        content_type, extension = body["content_type"], body["extension"]
        if content_type not in UPLOAD_CONTENT_TYPES.values():
            raise InvalidRequest(
                "content_type must be image/jpeg, image/png or image/webp.", code="invalid_format", param="content_type"
            )
        if extension not in UPLOAD_CONTENT_TYPES:
            raise InvalidRequest(
                "extension must be one of jpeg, jpg, png, webp.", code="invalid_format", param="extension"
            )
        filename = body.get("filename")
        if filename is not None and (not isinstance(filename, str) or not 1 <= len(filename) <= FILENAME_MAX):
            raise InvalidRequest(
                f"filename must be a string of 1 to {FILENAME_MAX} characters.", code="invalid_format", param="filename"
            )
        if UPLOAD_CONTENT_TYPES[extension] != content_type:
            raise InvalidRequest(
                f"Extension {extension!r} does not match content_type {content_type!r} "
                "(jpg/jpeg: image/jpeg, png: image/png, webp: image/webp).",
                code="parameter_invalid_combination",
                param="extension",
            )
        now = self.clock.now()
        upload_id = new_id("upl", now)
        upload = Upload(
            id=upload_id,
            team_id=team_id,
            filename=filename or f"upload.{extension}",
            extension=extension,
            content_type=content_type,
            signature=secrets.token_urlsafe(24),
            created_at=now,
            url_expires_at=now + UPLOAD_URL_TTL,
            expires_at=now + UPLOAD_TTL,
        )
        self.store.put_upload(upload)
        return upload

    def put_upload_content(self, upload_id: str, signature: str, data: bytes, content_type: str | None) -> None:
        """The signed PUT target: no team, the signature authorises. Re-PUT before use replaces the bytes.

        Unknown upload or wrong signature: NotFound. URL older than 15 min: UploadExpired.
        """
        self.complete_due()
        upload = self.store.get_upload(upload_id)
        if upload is None or not hmac.compare_digest(upload.signature.encode(), (signature or "").encode()):
            # A 404 for a path id has `param: null` (openapi.yaml, Error.param; the spec's examples).
            raise NotFound("No such upload, or the signature does not match.", param=None)
        if self.clock.now() >= upload.url_expires_at:
            raise UploadExpired(f"The upload URL of {upload_id} has expired; request a new one with uploads/init.")
        if upload.consumed:
            raise UploadInvalid(f"Upload {upload_id} was already used to create a character.", param=None)
        media_type = (content_type or "application/octet-stream").split(";", 1)[0].strip().lower()
        if media_type not in _PUT_CONTENT_TYPES:
            raise UnsupportedMediaType(
                "Upload bytes must be sent as image/jpeg, image/png, image/webp or application/octet-stream."
            )
        if len(data) > UPLOAD_MAX_BYTES:
            raise PayloadTooLarge("An upload is at most 10 MiB.")
        if not data:
            raise InvalidRequest("The upload body is empty.", code="invalid_format", param="body")
        pose, confidence = classify(data, upload.filename)
        self.store.put_upload(replace(upload, size_bytes=len(data), pose=pose, confidence=confidence, classified=False))

    def classify_upload(self, team_id: str, upload_id: str) -> dict[str, Any]:
        """{upload_id, pose, confidence}, deterministic from the bytes.

        Another team's upload: NotFound. Unknown, expired, consumed or bytes not yet PUT: UploadInvalid.
        """
        self.complete_due()
        upload = self.store.get_upload(upload_id)
        if upload is not None and upload.team_id != team_id:
            raise NotFound(f"No upload with id {upload_id!r}.", param="upload_id")
        upload = self._usable_upload(upload, upload_id, self.clock.now(), param="upload_id")
        if not upload.classified:
            self.store.put_upload(replace(upload, classified=True))
        return {"upload_id": upload.id, "pose": (upload.pose or Pose.OTHER).value, "confidence": upload.confidence}

    # -- images and balance --------------------------------------------------------------------------

    def create_image(self, team_id: str, body: Mapping[str, Any]) -> Image:
        """POST /v1/images (1 credit): the character, if given, must be this team's, live and ready."""
        self.complete_due()
        _reject_unknown(body, IMAGE_FIELDS)
        prompt = body.get("prompt")
        if prompt is None:
            raise InvalidRequest("prompt is required.", code="missing_field", param="prompt")
        if not isinstance(prompt, str) or not 1 <= len(prompt) <= PROMPT_MAX:
            raise InvalidRequest(
                f"prompt must be a string of 1 to {PROMPT_MAX} characters.", code="value_out_of_range", param="prompt"
            )
        character_id = body.get("character_id")
        if character_id is not None:
            if not isinstance(character_id, str):
                raise InvalidRequest("character_id must be a string.", code="invalid_format", param="character_id")
            character = self._live_character(team_id, character_id, param="character_id")
            lifecycle.require(lifecycle.Action.USE, character)
        cost = self.settings.cost("createImage")
        self._require_credits(team_id, cost)
        now = self.clock.now()
        image = Image(
            id=new_id("img", now),
            team_id=team_id,
            prompt=prompt,
            created_at=now,
            credits_charged=cost,
            character_id=character_id,
        )
        self._charge(team_id, cost)
        self.store.put_image(image)
        return image

    def get_balance(self, team_id: str) -> dict[str, Any]:
        self.complete_due()
        credits = self.store.credits(team_id)
        return {
            "credits": credits,
            "held_credits": 0,
            "available_credits": credits,
            "currency": "credit",
            "billing_mode": "metered",
        }

    # -- control facade (/_mock): no team scoping ----------------------------------------------------

    def force_status(self, character_id: str, status: Status | str, error_message: str | None = None) -> Character:
        self.complete_due()
        try:
            status_ = Status(status)
        except ValueError:
            allowed = ", ".join(s.value for s in Status)
            raise InvalidRequest(f"status must be one of: {allowed}.", code="invalid_format", param="status") from None
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

    def reset(self) -> None:
        """Back to the configured start (no rows, starting balances); the clock is left alone."""
        self.store.reset()

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

    def _uploads_for_character(self, team_id: str, upload_ids: Any, now: datetime) -> list[Upload]:
        if not isinstance(upload_ids, list) or not all(isinstance(u, str) for u in upload_ids):
            raise InvalidRequest("upload_ids must be a list of upload ids.", code="invalid_format", param="upload_ids")
        if not UPLOAD_IDS_MIN <= len(upload_ids) <= UPLOAD_IDS_MAX:
            raise InvalidRequest(
                f"upload_ids must hold {UPLOAD_IDS_MIN} to {UPLOAD_IDS_MAX} ids.",
                code="value_out_of_range",
                param="upload_ids",
            )
        if len(set(upload_ids)) != len(upload_ids):
            raise UploadInvalid("upload_ids must not repeat an id.")
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


def classify(data: bytes, filename: str = "") -> tuple[Pose, float]:
    """Deterministic pose classification: a pose named in the filename wins (so tests can steer it),
    otherwise the bytes' hash picks one."""
    lowered = filename.lower()
    for pose in (Pose.PORTRAIT, Pose.FRONT, Pose.SIDE, Pose.BACK):
        if pose.value in lowered:
            return pose, 0.97
    digest = hashlib.sha256(data).digest()
    return _CLASSIFIABLE[digest[0] % len(_CLASSIFIABLE)], round(0.55 + digest[1] / 255 * 0.4, 2)


def _name(value: Any) -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= NAME_MAX:
        raise InvalidRequest(
            f"name must be a string of 1 to {NAME_MAX} characters.", code="invalid_format", param="name"
        )
    return value


def _client_reference_id(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not 1 <= len(value) <= CLIENT_REFERENCE_ID_MAX:
        raise InvalidRequest(
            f"client_reference_id must be a string of 1 to {CLIENT_REFERENCE_ID_MAX} characters.",
            code="invalid_format",
            param="client_reference_id",
        )
    return value


def _attributes(value: Any) -> dict[str, Any]:
    """Validated attributes: known keys only; age an integer 0–150; other values strings ≤ 500; null allowed."""
    if not isinstance(value, Mapping):
        raise InvalidRequest("attributes must be an object.", code="invalid_format", param="attributes")
    for key, item in value.items():
        param = f"attributes.{key}"
        if key not in ATTRIBUTE_KEYS:
            raise InvalidRequest(
                f"Unknown attribute {key!r}; known: {', '.join(ATTRIBUTE_KEYS)}.", code="parameter_unknown", param=param
            )
        if item is None:
            continue
        if key == "age":
            if isinstance(item, bool) or not isinstance(item, int):
                raise InvalidRequest("attributes.age must be an integer.", code="invalid_format", param=param)
            if not AGE_MIN <= item <= AGE_MAX:
                raise InvalidRequest(
                    f"attributes.age must be from {AGE_MIN} to {AGE_MAX}.", code="value_out_of_range", param=param
                )
        elif not isinstance(item, str):
            raise InvalidRequest(f"{param} must be a string.", code="invalid_format", param=param)
        elif len(item) > ATTRIBUTE_STRING_MAX:
            raise InvalidRequest(
                f"{param} must be at most {ATTRIBUTE_STRING_MAX} characters.", code="value_out_of_range", param=param
            )
    return dict(value)


def _reject_unknown(body: Mapping[str, Any], allowed: tuple[str, ...]) -> None:
    for key in body:
        if key not in allowed:
            raise InvalidRequest(
                f"Unknown field {key!r}; this request takes: {', '.join(allowed)}.", code="parameter_unknown", param=key
            )
