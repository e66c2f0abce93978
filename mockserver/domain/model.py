"""The rows of the Characters API: frozen dataclasses and enums.

Standard library only. A row never changes in place: rules in ``lifecycle`` return a new one
(``dataclasses.replace``) and ``store`` keeps the latest. ``to_public`` is exactly what a client sees;
``to_internal`` adds what only the /_mock control API shows (``to_public`` plus the internal fields, in
the API's whole-second times). The persisted state is ``statecodec``'s: every field at full precision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Literal

__all__ = [
    "SYNTHESIS_POSES",
    "Character",
    "Flow",
    "Image",
    "Outcome",
    "PendingKind",
    "PendingSynthesis",
    "Pose",
    "Ref",
    "Status",
    "Team",
    "Upload",
    "format_time",
    "freeze_attributes",
]

Flow = Literal["synthesize", "upload"]
PendingKind = Literal["create", "resynthesize", "regenerate"]
Outcome = Literal["succeed", "fail"]

UPLOAD_URL_TTL = timedelta(minutes=15)
UPLOAD_TTL = timedelta(hours=24)


class Status(StrEnum):
    SYNTHESIZING = "synthesizing"
    REVIEWING = "reviewing"
    READY = "ready"
    FAILED = "failed"
    DELETED = "deleted"


class Pose(StrEnum):
    PORTRAIT = "portrait"
    FRONT = "front"
    SIDE = "side"
    BACK = "back"
    OTHER = "other"


# What a synthesis produces, in the order the refs are listed.
SYNTHESIS_POSES: tuple[Pose, ...] = (Pose.PORTRAIT, Pose.FRONT, Pose.SIDE, Pose.BACK)


def format_time(dt: datetime) -> str:
    """RFC 3339 in UTC with ``Z``, whole seconds: ``2026-05-08T10:00:00Z``."""
    if dt.tzinfo is not UTC:
        dt = dt.astimezone(UTC)
    return dt.isoformat(timespec="seconds")[:19] + "Z"  # isoformat is a few times faster than strftime


def _format_optional(dt: datetime | None) -> str | None:
    return None if dt is None else format_time(dt)


def freeze_attributes(attributes: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """A read-only copy (attribute values are scalars, so a shallow copy is a full one)."""
    return None if attributes is None else MappingProxyType(dict(attributes))


@dataclass(frozen=True, slots=True)
class Ref:
    pose: Pose
    url: str

    def to_public(self) -> dict[str, str]:
        return {"pose": self.pose.value, "url": self.url}


@dataclass(frozen=True, slots=True)
class PendingSynthesis:
    """A synthesis in flight: what it will do and when it is due to finish."""

    kind: PendingKind
    due_at: datetime
    outcome: Outcome = "succeed"
    pose: Pose | None = None  # regenerate only: the one ref it replaces
    error_message: str | None = None  # failure only: None means the configured default

    def to_internal(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "due_at": format_time(self.due_at),
            "outcome": self.outcome,
            "pose": None if self.pose is None else self.pose.value,
            "error_message": self.error_message,
        }


@dataclass(frozen=True, slots=True)
class Character:
    id: str
    team_id: str
    name: str
    status: Status
    created_at: datetime
    updated_at: datetime
    aurous_version: str
    refs: tuple[Ref, ...] = ()
    client_reference_id: str | None = None
    attributes: Mapping[str, Any] | None = None  # read-only (MappingProxyType); see freeze_attributes
    error_message: str | None = None
    deleted_at: datetime | None = None
    saved: bool = False  # ever saved (or born ready): it never goes back to reviewing
    temp_upload_bytes: int = 0  # the synthesis pipeline's temporary uploads, released on save
    flow: Flow = "synthesize"
    pending: PendingSynthesis | None = None

    def to_public(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "character",
            "name": self.name,
            "status": self.status.value,
            "refs": [ref.to_public() for ref in self.refs],
            "created_at": format_time(self.created_at),
            "updated_at": format_time(self.updated_at),
            "client_reference_id": self.client_reference_id,
            "attributes": None if self.attributes is None else dict(self.attributes),
            "error_message": self.error_message,
            "aurous_version": self.aurous_version,
        }

    def to_internal(self) -> dict[str, Any]:
        return {
            **self.to_public(),
            "team_id": self.team_id,
            "flow": self.flow,
            "saved": self.saved,
            "temp_upload_bytes": self.temp_upload_bytes,
            "deleted": self.status is Status.DELETED,
            "deleted_at": _format_optional(self.deleted_at),
            "pending": None if self.pending is None else self.pending.to_internal(),
        }


@dataclass(frozen=True, slots=True)
class Team:
    id: str
    name: str
    api_keys: tuple[str, ...] = ()
    revoked_keys: tuple[str, ...] = ()
    pinned_version: str | None = None
    credits: int = 100  # the starting balance; the live balance is kept by the store


@dataclass(frozen=True, slots=True)
class Upload:
    """An upload ticket; ``size_bytes`` stays None until the bytes are PUT."""

    id: str
    team_id: str
    filename: str
    extension: str
    content_type: str
    signature: str
    created_at: datetime
    url_expires_at: datetime  # created_at + 15 min: the PUT target stops working
    expires_at: datetime  # created_at + 24 h: the ticket can no longer be used
    size_bytes: int | None = None
    consumed: bool = False
    pose: Pose | None = None  # deterministic classification of the bytes, computed when they are PUT
    confidence: float | None = None
    classified: bool = False  # classify was called: only then does a ref made from it carry ``pose``

    @property
    def ref_pose(self) -> Pose:
        """The pose a ref made from this upload gets: the classified pose, or ``other`` if never classified."""
        return self.pose if self.classified and self.pose is not None else Pose.OTHER

    @property
    def uploaded(self) -> bool:
        return self.size_bytes is not None

    def upload_url(self, base_url: str) -> str:
        return f"{base_url.rstrip('/')}/v1/characters/uploads/{self.id}/content?signature={self.signature}"

    def to_public(self, base_url: str) -> dict[str, Any]:
        """The init response (UploadTicket): where to PUT the bytes, with what, and until when."""
        return {
            "upload_id": self.id,
            "upload_url": self.upload_url(base_url),
            "upload_headers": {"Content-Type": self.content_type},
            "expires_at": format_time(self.url_expires_at),  # the PUT deadline, as the contract defines it
        }

    def to_internal(self) -> dict[str, Any]:
        return {
            "upload_id": self.id,
            "team_id": self.team_id,
            "filename": self.filename,
            "extension": self.extension,
            "content_type": self.content_type,
            "created_at": format_time(self.created_at),
            "url_expires_at": format_time(self.url_expires_at),
            "expires_at": format_time(self.expires_at),
            "size_bytes": self.size_bytes,
            "consumed": self.consumed,
            "pose": None if self.pose is None else self.pose.value,
            "confidence": self.confidence,
            "classified": self.classified,
        }


@dataclass(frozen=True, slots=True)
class Image:
    id: str
    team_id: str
    prompt: str
    created_at: datetime
    credits_charged: int
    character_id: str | None = None
    status: str = field(default="queued")

    def to_public(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "image",
            "status": self.status,
            "prompt": self.prompt,
            "character_id": self.character_id,
            "credits_charged": self.credits_charged,
            "created_at": format_time(self.created_at),
        }
