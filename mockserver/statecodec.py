"""The store's state as JSON and back: the one codec of the persisted state (pure: ``domain.model`` only).

Two users: ``persistence`` (--state-file, and the journal of --durability durable) and
``redis_backend.replica`` (the shared snapshot and log of --store redis://).

- ``snapshot(store)`` gives a plain JSON-able dict of every row and balance; ``restore(store, data)`` takes
  one back. ``restore`` checks every field before it changes anything and names the one it refuses
  (``credits.team_x``, ``characters[3].status``): a refused snapshot leaves the store as it was.
- ``encode_record(kind, value)``/``apply_record(store, record)``: the store's ``journal`` feed (a change per
  record, each an absolute state: the row as it now is, a deletion, a balance, a reset) as JSON and back;
  replaying a record twice changes nothing.

Rows keep full fidelity (microsecond times, internal fields), which is why this is not ``to_public()``:
the API's view rounds times to the second and leaves out what only the mock tracks.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any, Protocol, TypeVar

from .domain.model import Character, Image, PendingSynthesis, Pose, Ref, Status, Upload, freeze_attributes

__all__ = [
    "SNAPSHOT_FORMAT",
    "Store",
    "apply_record",
    "character_from_json",
    "character_to_json",
    "encode_record",
    "image_from_json",
    "image_to_json",
    "restore",
    "snapshot",
    "upload_from_json",
    "upload_to_json",
]

SNAPSHOT_FORMAT = 1

_T = TypeVar("_T")


class Store(Protocol):
    """What the codec reads and fills: ``mockserver.store.Store``'s public operations (named here, so that
    the codec imports nothing but the model)."""

    def balances(self) -> dict[str, int]: ...
    def all_characters(self) -> list[Character]: ...
    def all_uploads(self) -> list[Upload]: ...
    def all_images(self) -> list[Image]: ...
    def load(
        self,
        credits: Mapping[str, int],
        characters: Iterable[Character],
        uploads: Iterable[Upload],
        images: Iterable[Image],
    ) -> None: ...
    def put_character(self, character: Character) -> None: ...
    def put_upload(self, upload: Upload) -> None: ...
    def put_image(self, image: Image) -> None: ...
    def set_credits(self, team_id: str, credits: int) -> None: ...
    def delete_character(self, character_id: str) -> None: ...
    def reset(self) -> None: ...


def snapshot(store: Store) -> dict[str, Any]:
    return {
        "format": SNAPSHOT_FORMAT,
        "credits": store.balances(),
        "characters": [character_to_json(c) for c in store.all_characters()],
        "uploads": [upload_to_json(u) for u in store.all_uploads()],
        "images": [image_to_json(i) for i in store.all_images()],
    }


def restore(store: Store, data: Mapping[str, Any]) -> None:
    """Replace the store's state with a snapshot; teams stay as configured (they come from settings).

    Every field is checked first (``ValueError`` naming it); a refused snapshot changes nothing.
    """
    if data.get("format") != SNAPSHOT_FORMAT:
        raise ValueError(f"Unsupported state snapshot format {data.get('format')!r}; expected {SNAPSHOT_FORMAT}.")
    credits = _checked_credits(data.get("credits", {}))
    characters = [_row("characters", i, character_from_json, row) for i, row in enumerate(_list(data, "characters"))]
    uploads = [_row("uploads", i, upload_from_json, row) for i, row in enumerate(_list(data, "uploads"))]
    images = [_row("images", i, image_from_json, row) for i, row in enumerate(_list(data, "images"))]
    store.load(credits, characters, uploads, images)


# -- the journal's records ---------------------------------------------------------------------------


def encode_record(kind: str, value: Any) -> dict[str, Any]:
    """One change the store's ``journal`` hook was told of (``kind``, ``value``), as a JSON record."""
    if kind == "character":
        return {"t": kind, "row": character_to_json(value)}
    if kind == "upload":
        return {"t": kind, "row": upload_to_json(value)}
    if kind == "image":
        return {"t": kind, "row": image_to_json(value)}
    if kind == "credits":
        return {"t": kind, "team": value[0], "credits": value[1]}
    if kind == "delete":
        return {"t": kind, "id": value}
    return {"t": kind}


def apply_record(store: Store, record: Mapping[str, Any]) -> None:
    """Replay one journal record (``ValueError``/``KeyError`` for a record that is not one)."""
    kind = record["t"]
    if kind == "character":
        store.put_character(character_from_json(record["row"]))
    elif kind == "upload":
        store.put_upload(upload_from_json(record["row"]))
    elif kind == "image":
        store.put_image(image_from_json(record["row"]))
    elif kind == "credits":
        for team_id, credits in _checked_credits({record["team"]: record["credits"]}).items():
            store.set_credits(team_id, credits)
    elif kind == "delete":
        store.delete_character(record["id"])
    elif kind == "reset":
        store.reset()
    else:
        raise ValueError(f"unknown journal record {kind!r}")


# -- checking ------------------------------------------------------------------------------------------


def _checked_credits(credits: Any) -> dict[str, int]:
    if not isinstance(credits, Mapping):
        raise ValueError(
            f"credits: must be an object of team id -> whole number of credits, got {type(credits).__name__}"
        )
    checked: dict[str, int] = {}
    for team_id, value in credits.items():
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or value != int(value)
        ):
            raise ValueError(f"credits.{team_id}: must be a whole number, got {value!r}")
        if value < 0:
            raise ValueError(f"credits.{team_id}: must be 0 or more, got {value!r}")
        checked[str(team_id)] = int(value)
    return checked


def _list(data: Mapping[str, Any], name: str) -> list[Any]:
    if name not in data:
        raise ValueError(f"{name}: missing")
    rows = data[name]
    if not isinstance(rows, list):
        raise ValueError(f"{name}: must be a list of rows, got {type(rows).__name__}")
    return rows


def _row(name: str, index: int, decode: Callable[[Mapping[str, Any]], _T], row: Any) -> _T:
    where = f"{name}[{index}]"
    if not isinstance(row, Mapping):
        raise ValueError(f"{where}: must be an object, got {type(row).__name__}")
    try:
        return decode(row)
    except KeyError as exc:
        raise ValueError(f"{where}.{exc.args[0]}: missing") from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"{where} (id {row.get('id')!r}): {exc}") from None


# -- rows: full fidelity (to_public loses sub-second times and internal fields) -------------------------


def _t(dt: datetime | None) -> str | None:
    return None if dt is None else dt.isoformat()


def _dt(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _req_dt(value: str) -> datetime:
    return datetime.fromisoformat(value)


def character_to_json(c: Character) -> dict[str, Any]:
    pending = c.pending
    return {
        "id": c.id,
        "team_id": c.team_id,
        "name": c.name,
        "status": c.status.value,
        "created_at": _t(c.created_at),
        "updated_at": _t(c.updated_at),
        "aurous_version": c.aurous_version,
        "refs": [[ref.pose.value, ref.url] for ref in c.refs],
        "client_reference_id": c.client_reference_id,
        "attributes": None if c.attributes is None else dict(c.attributes),
        "error_message": c.error_message,
        "deleted_at": _t(c.deleted_at),
        "saved": c.saved,
        "temp_upload_bytes": c.temp_upload_bytes,
        "flow": c.flow,
        "pending": None
        if pending is None
        else {
            "kind": pending.kind,
            "due_at": _t(pending.due_at),
            "outcome": pending.outcome,
            "pose": None if pending.pose is None else pending.pose.value,
            "error_message": pending.error_message,
        },
    }


def character_from_json(row: Mapping[str, Any]) -> Character:
    p = row["pending"]
    return Character(
        id=row["id"],
        team_id=row["team_id"],
        name=row["name"],
        status=Status(row["status"]),
        created_at=_req_dt(row["created_at"]),
        updated_at=_req_dt(row["updated_at"]),
        aurous_version=row["aurous_version"],
        refs=tuple(Ref(Pose(pose), url) for pose, url in row["refs"]),
        client_reference_id=row["client_reference_id"],
        attributes=freeze_attributes(row["attributes"]),
        error_message=row["error_message"],
        deleted_at=_dt(row["deleted_at"]),
        saved=bool(row["saved"]),
        temp_upload_bytes=int(row["temp_upload_bytes"]),
        flow=row["flow"],
        pending=None
        if p is None
        else PendingSynthesis(
            kind=p["kind"],
            due_at=_req_dt(p["due_at"]),
            outcome=p["outcome"],
            pose=None if p["pose"] is None else Pose(p["pose"]),
            error_message=p["error_message"],
        ),
    )


def upload_to_json(u: Upload) -> dict[str, Any]:
    return {
        "id": u.id,
        "team_id": u.team_id,
        "filename": u.filename,
        "extension": u.extension,
        "content_type": u.content_type,
        "signature": u.signature,
        "created_at": _t(u.created_at),
        "url_expires_at": _t(u.url_expires_at),
        "expires_at": _t(u.expires_at),
        "size_bytes": u.size_bytes,
        "consumed": u.consumed,
        "pose": None if u.pose is None else u.pose.value,
        "confidence": u.confidence,
        "classified": u.classified,
    }


def upload_from_json(row: Mapping[str, Any]) -> Upload:
    return Upload(
        id=row["id"],
        team_id=row["team_id"],
        filename=row["filename"],
        extension=row["extension"],
        content_type=row["content_type"],
        signature=row["signature"],
        created_at=_req_dt(row["created_at"]),
        url_expires_at=_req_dt(row["url_expires_at"]),
        expires_at=_req_dt(row["expires_at"]),
        size_bytes=row["size_bytes"],
        consumed=bool(row["consumed"]),
        pose=None if row["pose"] is None else Pose(row["pose"]),
        confidence=row["confidence"],
        classified=bool(row.get("classified", False)),
    )


def image_to_json(i: Image) -> dict[str, Any]:
    return {
        "id": i.id,
        "team_id": i.team_id,
        "prompt": i.prompt,
        "created_at": _t(i.created_at),
        "credits_charged": i.credits_charged,
        "character_id": i.character_id,
        "status": i.status,
    }


def image_from_json(row: Mapping[str, Any]) -> Image:
    return Image(
        id=row["id"],
        team_id=row["team_id"],
        prompt=row["prompt"],
        created_at=_req_dt(row["created_at"]),
        credits_charged=int(row["credits_charged"]),
        character_id=row["character_id"],
        status=row["status"],
    )
