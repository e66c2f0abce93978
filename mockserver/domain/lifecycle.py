"""The lifecycle rules: a transition table (data) and pure functions over frozen Characters.

Every rule takes a Character and ``now`` (from ``clock.py``) and returns a new Character via
``dataclasses.replace``, or raises a domain error. No rule reads the clock, the store or settings.
Standard library only.

Ref URLs are signed, expiring proxy URLs: ``.../{id}/{pose}.png?expires=<epoch>&signature=<hmac>``, valid
``REF_URL_TTL_SECONDS`` from when the ref was made (deterministic from id, pose and that time: a row reads
the same every time). ``check_ref_url`` tells a good URL from a tampered (403) or expired (410) one.

    create ─► synthesizing ──finish ok──► reviewing ──save──► ready ◄─┐ (ever saved: back to ready)
                   │    ▲                     │                 │      │
                   │    └──regenerate/resynthesize──────────────┘──────┘
                   └──finish fail──► failed ──resynthesize──► synthesizing
    delete: reviewing → row gone; any other live status → deleted (soft, deleted_at set)
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Literal

from .errors import CharacterNotReady, InvalidState, SignatureInvalid, UrlExpired
from .model import (
    SYNTHESIS_POSES,
    Character,
    Outcome,
    PendingKind,
    PendingSynthesis,
    Pose,
    Ref,
    Status,
    freeze_attributes,
)

__all__ = [
    "ALLOWED",
    "DEFAULT_FAILURE_MESSAGE",
    "DEFAULT_STORAGE_BASE_URL",
    "FORCED_FAILURE_MESSAGE",
    "REF_BYTES",
    "REF_URL_TTL_SECONDS",
    "Action",
    "LifecycleVariant",
    "delete",
    "finish_synthesis",
    "force_status",
    "check_ref_url",
    "ref_url",
    "ref_urls_expired",
    "resigned",
    "regenerate",
    "require",
    "resynthesize",
    "save",
    "start_synthesis",
    "synthesized_refs",
    "update",
]

LifecycleVariant = Literal["review", "auto_ready"]

DEFAULT_STORAGE_BASE_URL = "https://api.aurous-labs.com/storage"
DEFAULT_FAILURE_MESSAGE = "Synthesis failed: the reference images did not pass quality checks. Resynthesize to retry."
FORCED_FAILURE_MESSAGE = "Synthesis failed: forced by the mock control API."
REF_BYTES = 1_048_576  # temporary pipeline bytes per synthesized ref (a realistic 1 MiB PNG)
REF_URL_TTL_SECONDS = 7 * 24 * 3600  # DECISION (openapi.yaml, Ref.url): a ref URL is good for 7 days
# The mock's URL-signing key. Public on purpose: a signature here only tells an altered URL from a minted one.
_REF_URL_KEY = b"aurous-mock-ref-url-signing-key"


class Action(StrEnum):
    SAVE = "save"
    REGENERATE = "regenerate"
    RESYNTHESIZE = "resynthesize"
    UPDATE = "update"
    DELETE = "delete"
    USE = "use"  # as character_id on POST /v1/images


_LIVE = frozenset({Status.SYNTHESIZING, Status.REVIEWING, Status.READY, Status.FAILED})

# The transition table: the statuses from which each action is allowed. Everything else is refused.
ALLOWED: Mapping[Action, frozenset[Status]] = MappingProxyType(
    {
        Action.SAVE: frozenset({Status.REVIEWING, Status.READY}),  # on ready: a no-op
        Action.REGENERATE: frozenset({Status.REVIEWING, Status.READY}),
        Action.RESYNTHESIZE: frozenset({Status.REVIEWING, Status.READY, Status.FAILED}),
        Action.UPDATE: frozenset({Status.REVIEWING, Status.READY, Status.FAILED}),
        Action.DELETE: _LIVE,  # reviewing: hard delete; others: soft delete
        Action.USE: frozenset({Status.READY}),
    }
)

_HINTS: Mapping[Status, str] = MappingProxyType(
    {
        Status.SYNTHESIZING: "wait until synthesis finishes (poll GET /v1/characters/{id})",
        Status.REVIEWING: "save it first with POST /v1/characters/{id}/save",
        Status.FAILED: "retry with POST /v1/characters/{id}/resynthesize",
        Status.READY: "it is already ready",
        Status.DELETED: "it has been deleted",
    }
)


def require(action: Action, character: Character) -> None:
    """Raise unless the transition table allows ``action`` from the character's status."""
    allowed = ALLOWED[action]
    if character.status in allowed:
        return
    status = character.status.value
    hint = _HINTS[character.status].replace("{id}", character.id)
    if action is Action.USE:
        raise CharacterNotReady(f"Character {character.id} is {status}, not ready: {hint}.")
    allowed_list = ", ".join(s.value for s in Status if s in allowed)
    raise InvalidState(
        f"Cannot {action.value} character {character.id} while it is {status} (allowed from: {allowed_list}); {hint}."
    )


def _signature(character_id: str, pose: str, expires: int) -> str:
    message = f"{character_id}/{pose}/{expires}".encode()
    return hmac.new(_REF_URL_KEY, message, hashlib.sha256).hexdigest()[:32]


def ref_url(character_id: str, pose: Pose, storage_base_url: str = DEFAULT_STORAGE_BASE_URL, *, now: datetime) -> str:
    """The signed proxy URL of one ref, good for ``REF_URL_TTL_SECONDS`` from ``now``."""
    expires = int(now.timestamp()) + REF_URL_TTL_SECONDS
    signature = _signature(character_id, pose.value, expires)
    return f"{storage_base_url.rstrip('/')}/{character_id}/{pose.value}.png?expires={expires}&signature={signature}"


def synthesized_refs(
    character_id: str, storage_base_url: str = DEFAULT_STORAGE_BASE_URL, *, now: datetime
) -> tuple[Ref, ...]:
    return tuple(Ref(pose, ref_url(character_id, pose, storage_base_url, now=now)) for pose in SYNTHESIS_POSES)


def check_ref_url(character_id: str, pose: str, expires: str, signature: str, *, now: datetime) -> None:
    """403 ``invalid_signature`` for a URL this mock did not mint as is; 410 ``url_expired`` past its time."""
    if not expires.isdigit() or not hmac.compare_digest(signature, _signature(character_id, pose, int(expires))):
        raise SignatureInvalid("This image URL is not valid (altered or incomplete); fetch the character for its refs.")
    if now.timestamp() >= int(expires):
        raise UrlExpired("This image URL has expired; fetch the character again for a fresh URL.")


def ref_urls_expired(character: Character, now: datetime, storage_base_url: str) -> bool:
    """Whether a ref URL this mock signs (under ``storage_base_url``) has expired; others (fixtures') never do."""
    stamp = now.timestamp()
    for ref in character.refs:
        if not ref.url.startswith(storage_base_url):
            continue
        _, found, rest = ref.url.partition("?expires=")
        expires = rest.partition("&")[0]
        if not found or not expires.isdigit() or int(expires) <= stamp:
            return True
    return False


def resigned(character: Character, storage_base_url: str, *, now: datetime) -> Character:
    """The same row with its own ref URLs signed afresh (same poses; nothing else changes, ``updated_at`` included)."""
    refs = tuple(
        Ref(ref.pose, ref_url(character.id, ref.pose, storage_base_url, now=now))
        if ref.url.startswith(storage_base_url)
        else ref
        for ref in character.refs
    )
    return replace(character, refs=refs)


def save(character: Character, *, now: datetime) -> Character:
    """reviewing → ready, releasing the pipeline's temporary bytes. On ready: the very same object."""
    require(Action.SAVE, character)
    if character.status is Status.READY:
        return character  # idempotent: status and representation unchanged, updated_at included
    return replace(character, status=Status.READY, saved=True, temp_upload_bytes=0, updated_at=now)


def start_synthesis(
    character: Character,
    kind: PendingKind,
    *,
    now: datetime,
    due_at: datetime,
    outcome: Outcome = "succeed",
    pose: Pose | None = None,
    error_message: str | None = None,
) -> Character:
    """→ synthesizing, with the synthesis that will finish at ``due_at``. No status check: callers do it."""
    pending = PendingSynthesis(kind=kind, due_at=due_at, outcome=outcome, pose=pose, error_message=error_message)
    return replace(character, status=Status.SYNTHESIZING, pending=pending, error_message=None, updated_at=now)


def regenerate(
    character: Character,
    pose: Pose,
    *,
    now: datetime,
    due_at: datetime,
    outcome: Outcome = "succeed",
    error_message: str | None = None,
) -> Character:
    """Start regenerating one ref (allowed from reviewing and ready)."""
    require(Action.REGENERATE, character)
    return start_synthesis(
        character, "regenerate", now=now, due_at=due_at, outcome=outcome, pose=pose, error_message=error_message
    )


def resynthesize(
    character: Character,
    *,
    now: datetime,
    due_at: datetime,
    outcome: Outcome = "succeed",
    error_message: str | None = None,
) -> Character:
    """Start resynthesizing all four refs (allowed from reviewing, ready and failed)."""
    require(Action.RESYNTHESIZE, character)
    return start_synthesis(
        character, "resynthesize", now=now, due_at=due_at, outcome=outcome, error_message=error_message
    )


def finish_synthesis(
    character: Character,
    *,
    now: datetime,
    lifecycle_variant: LifecycleVariant = "review",
    storage_base_url: str = DEFAULT_STORAGE_BASE_URL,
    failure_message: str = DEFAULT_FAILURE_MESSAGE,
) -> Character:
    """Complete the pending synthesis.

    Success: new refs (all four, or only the regenerated pose); ``reviewing`` if the character was never
    saved, ``ready`` if it ever was (a saved character never returns to reviewing). Under the
    ``auto_ready`` variant (changelog 2026-06-19) there is no review step: ``ready`` and saved.
    Failure: ``failed`` with ``error_message``; the old refs are kept.
    A character with nothing pending (or no longer synthesizing) comes back unchanged.
    """
    pending = character.pending
    if pending is None or character.status is not Status.SYNTHESIZING:
        return character
    if pending.outcome == "fail":
        return replace(
            character,
            status=Status.FAILED,
            error_message=pending.error_message or failure_message,
            pending=None,
            updated_at=now,
        )
    if pending.kind == "regenerate" and pending.pose is not None:
        new_ref = Ref(pending.pose, ref_url(character.id, pending.pose, storage_base_url, now=now))
        if any(ref.pose is pending.pose for ref in character.refs):
            refs = tuple(new_ref if ref.pose is pending.pose else ref for ref in character.refs)
        else:
            refs = (*character.refs, new_ref)
        temp_bytes = character.temp_upload_bytes + REF_BYTES
    else:
        refs = synthesized_refs(character.id, storage_base_url, now=now)
        temp_bytes = len(refs) * REF_BYTES
    if character.saved or lifecycle_variant == "auto_ready":
        # No review step follows, so the pipeline's temporary bytes are released right away.
        return replace(
            character, status=Status.READY, refs=refs, saved=True, temp_upload_bytes=0, pending=None, updated_at=now
        )
    return replace(
        character, status=Status.REVIEWING, refs=refs, temp_upload_bytes=temp_bytes, pending=None, updated_at=now
    )


def update(character: Character, changes: Mapping[str, Any], *, now: datetime) -> Character:
    """PATCH: ``name`` and/or ``attributes`` (replaced whole, never merged), if the status allows it.

    Which fields a PATCH may send, and their values, are the spec's (UpdateCharacterRequest, validated
    before the domain is called); only ``name`` and ``attributes`` are ever read from ``changes``.
    An empty change set returns the character unchanged.
    """
    require(Action.UPDATE, character)
    if not changes:
        return character
    fields: dict[str, Any] = {"updated_at": now}
    if "name" in changes:
        fields["name"] = changes["name"]
    if "attributes" in changes:
        fields["attributes"] = freeze_attributes(changes["attributes"])
    return replace(character, **fields)


def delete(character: Character, *, now: datetime) -> Character | None:
    """None when hard-deleted (a reviewing character: its row is gone); else the soft-deleted row."""
    require(Action.DELETE, character)
    if character.status is Status.REVIEWING:
        return None
    return replace(character, status=Status.DELETED, deleted_at=now, pending=None, updated_at=now)


def force_status(
    character: Character,
    status: Status,
    error_message: str | None = None,
    *,
    now: datetime,
    due_at: datetime | None = None,
    outcome: Outcome = "succeed",
    storage_base_url: str = DEFAULT_STORAGE_BASE_URL,
) -> Character:
    """The /_mock control API's override: put a character in any status, keeping the row coherent.

    reviewing/ready get refs if they have none; ready marks the character saved; reviewing marks it
    never-saved (the control API rewrites history, so that a saved character can be reviewed again);
    failed sets ``error_message`` (default: forced by the control API) and keeps refs; synthesizing
    needs ``due_at`` and schedules a synthesis; deleted soft-deletes (even a reviewing character).
    """
    refs = character.refs
    base: dict[str, Any] = {"status": status, "updated_at": now, "pending": None, "error_message": None}
    if status is not Status.DELETED:
        base["deleted_at"] = None
    if status in (Status.REVIEWING, Status.READY) and not refs:
        base["refs"] = synthesized_refs(character.id, storage_base_url, now=now)
    if status is Status.READY:
        base |= {"saved": True, "temp_upload_bytes": 0}
    elif status is Status.REVIEWING:
        base |= {"saved": False, "temp_upload_bytes": character.temp_upload_bytes or len(SYNTHESIS_POSES) * REF_BYTES}
    elif status is Status.FAILED:
        base["error_message"] = error_message or FORCED_FAILURE_MESSAGE
    elif status is Status.SYNTHESIZING:
        if due_at is None:
            raise ValueError("force_status(SYNTHESIZING) needs due_at.")
        kind: PendingKind = "resynthesize" if refs else "create"
        base["pending"] = PendingSynthesis(kind=kind, due_at=due_at, outcome=outcome, error_message=error_message)
    elif status is Status.DELETED:
        base["deleted_at"] = character.deleted_at or now
    return replace(character, **base)
