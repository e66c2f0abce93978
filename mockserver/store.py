"""The mock's only mutable state: per-team rows of characters, uploads, images and credit balances.

Imports only ``domain.model``. Lookups are O(1) dict hits (GET /v1/characters/{id} and save are the hot
path). Each team keeps two sorted lists of its character ids — every row on record, and the live
(not deleted) ones. Ids are time-ordered ULIDs minted in increasing order, so sorted is newest last, a new
row is an append, and a page of a newest-first listing is a ``bisect`` to the cursor plus a slice:
O(log n + page), whether or not the cursor's character is still live. The store also keeps the heap of pending
synthesis due times, so that completing due syntheses costs a peek when nothing is due.

``snapshot()`` gives a plain JSON-able dict and ``restore()`` takes one back (the --state-file feature);
``restore()`` checks every field and names the one it refuses (``credits.team_x``, ``characters[3].status``).
Every change also goes to ``journal`` when one is set (``--durability durable``): a record per change,
each an absolute state (the row as it now is, a deletion, a balance, a reset), so replaying a record
twice changes nothing; ``encode_record``/``apply_record`` turn them into JSON and back.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

from .domain.model import Character, Image, PendingSynthesis, Pose, Ref, Status, Team, Upload, freeze_attributes

__all__ = ["SNAPSHOT_FORMAT", "Store"]

SNAPSHOT_FORMAT = 1


class Store:
    def __init__(self, teams: Iterable[Team] = ()) -> None:
        self._teams: dict[str, Team] = {team.id: team for team in teams}
        self._characters: dict[str, Character] = {}
        self._team_ids: dict[str, list[str]] = {}  # team id -> ids of every row on record, sorted
        self._live_ids: dict[str, list[str]] = {}  # team id -> ids of the rows not deleted, sorted
        self._uploads: dict[str, Upload] = {}
        self._images: dict[str, Image] = {}
        self._credits: dict[str, int] = {}
        self._due: list[tuple[datetime, str]] = []  # heap of (due_at, character id); stale entries are skipped
        # Told (before, after) on every write of a character row (after is None on a hard delete): the
        # webhooks hub turns finished syntheses into events. None (no cost) unless webhooks are installed.
        self.on_change: Callable[[Character | None, Character | None], None] | None = None
        self.journal: Callable[[str, Any], None] | None = None  # persistence's change feed (durable mode)
        self.reset()

    # -- teams and credits ---------------------------------------------------------------------------

    @property
    def teams(self) -> Mapping[str, Team]:
        return MappingProxyType(self._teams)

    def credits(self, team_id: str) -> int:
        return self._credits.get(team_id, 0)

    def set_credits(self, team_id: str, credits: int) -> None:
        self._credits[team_id] = credits
        if self.journal is not None:
            self.journal("credits", (team_id, credits))

    # -- characters ----------------------------------------------------------------------------------

    def get_character(self, team_id: str, character_id: str) -> Character | None:
        """The row (deleted ones included) if it belongs to ``team_id``; None for any other team's id."""
        character = self._characters.get(character_id)
        if character is None or character.team_id != team_id:
            return None
        return character

    def find_any(self, character_id: str) -> Character | None:
        """Any team's row: for the /_mock control API only."""
        return self._characters.get(character_id)

    def put_character(self, character: Character) -> None:
        previous = self._characters.get(character.id)
        self._characters[character.id] = character
        if previous is None:
            _insert(self._team_ids.setdefault(character.team_id, []), character.id)
        live = self._live_ids.setdefault(character.team_id, [])
        if character.status is Status.DELETED:
            if previous is not None and previous.status is not Status.DELETED:
                _remove(live, character.id)
        elif previous is None or previous.status is Status.DELETED:
            _insert(live, character.id)
        if character.pending is not None:
            heapq.heappush(self._due, (character.pending.due_at, character.id))
        if previous is not None and self.on_change is not None:
            self.on_change(previous, character)
        if self.journal is not None:
            self.journal("character", character)

    def delete_character(self, character_id: str) -> None:
        """Remove the row entirely (a hard delete)."""
        character = self._characters.pop(character_id, None)
        if character is not None:
            _remove(self._team_ids.get(character.team_id, []), character_id)
            _remove(self._live_ids.get(character.team_id, []), character_id)
            if self.on_change is not None:
                self.on_change(character, None)
        if self.journal is not None:
            self.journal("delete", character_id)

    def iter_newest_first(self, team_id: str) -> Iterator[Character]:
        """Every row of the team (deleted ones included), newest first."""
        characters = self._characters
        for character_id in reversed(self._team_ids.get(team_id, [])):
            yield characters[character_id]

    def page_newest_first(self, team_id: str, *, before: str | None, limit: int) -> tuple[list[Character], bool]:
        """Up to ``limit`` live rows older than ``before`` (all when None), newest first; and whether more remain.

        ``before`` need not be live (or exist): ids sort by time, so its place in the list is found anyway.
        """
        live = self._live_ids.get(team_id, [])
        end = len(live) if before is None else bisect_left(live, before)
        start = max(0, end - limit)
        characters = self._characters
        return [characters[character_id] for character_id in reversed(live[start:end])], start > 0

    def all_characters(self) -> list[Character]:
        """Every row of every team, in creation order."""
        return list(self._characters.values())

    def pop_due(self, now: datetime) -> list[tuple[datetime, str]]:
        """(due_at, id) of the syntheses scheduled at or before ``now``, earliest first; the caller checks
        each against the character's current ``pending`` (an entry goes stale when it is replaced)."""
        due: list[tuple[datetime, str]] = []
        heap = self._due
        while heap and heap[0][0] <= now:
            due.append(heapq.heappop(heap))
        return due

    # -- uploads and images --------------------------------------------------------------------------

    def get_upload(self, upload_id: str) -> Upload | None:
        return self._uploads.get(upload_id)

    def put_upload(self, upload: Upload) -> None:
        self._uploads[upload.id] = upload
        if self.journal is not None:
            self.journal("upload", upload)

    def put_image(self, image: Image) -> None:
        self._images[image.id] = image
        if self.journal is not None:
            self.journal("image", image)

    def all_uploads(self) -> list[Upload]:
        return list(self._uploads.values())

    def all_images(self) -> list[Image]:
        return list(self._images.values())

    # -- whole-state operations ----------------------------------------------------------------------

    def reset(self) -> None:
        """Back to the configured start: no rows, every team's starting balance."""
        self._characters.clear()
        self._team_ids.clear()
        self._live_ids.clear()
        self._uploads.clear()
        self._images.clear()
        self._due.clear()
        self._credits = {team.id: team.credits for team in self._teams.values()}
        if self.journal is not None:
            self.journal("reset", None)

    def snapshot(self) -> dict[str, Any]:
        return {
            "format": SNAPSHOT_FORMAT,
            "credits": dict(self._credits),
            "characters": [_character_to_json(c) for c in self._characters.values()],
            "uploads": [_upload_to_json(u) for u in self._uploads.values()],
            "images": [_image_to_json(i) for i in self._images.values()],
        }

    def restore(self, data: Mapping[str, Any]) -> None:
        """Replace the state with a snapshot; teams stay as configured (they come from settings).

        Every field is checked first (``ValueError`` naming it); a refused snapshot changes nothing.
        """
        if data.get("format") != SNAPSHOT_FORMAT:
            raise ValueError(f"Unsupported state snapshot format {data.get('format')!r}; expected {SNAPSHOT_FORMAT}.")
        credits = _checked_credits(data.get("credits", {}))
        rows = {
            name: [_row(name, index, decode, row) for index, row in enumerate(_list(data, name))]
            for name, decode in (
                ("characters", _character_from_json),
                ("uploads", _upload_from_json),
                ("images", _image_from_json),
            )
        }
        journal, self.journal = self.journal, None  # a restore is not a change to journal
        try:
            self.reset()
            self._credits.update(credits)
            for character in rows["characters"]:
                self.put_character(character)
            for upload in rows["uploads"]:
                self.put_upload(upload)
            for image in rows["images"]:
                self.put_image(image)
        finally:
            self.journal = journal

    # -- the journal (durable mode) ------------------------------------------------------------------

    @staticmethod
    def encode_record(kind: str, value: Any) -> dict[str, Any]:
        if kind == "character":
            return {"t": kind, "row": _character_to_json(value)}
        if kind == "upload":
            return {"t": kind, "row": _upload_to_json(value)}
        if kind == "image":
            return {"t": kind, "row": _image_to_json(value)}
        if kind == "credits":
            return {"t": kind, "team": value[0], "credits": value[1]}
        if kind == "delete":
            return {"t": kind, "id": value}
        return {"t": kind}

    def apply_record(self, record: Mapping[str, Any]) -> None:
        """Replay one journal record (``ValueError``/``KeyError`` for a record that is not one)."""
        kind = record["t"]
        if kind == "character":
            self.put_character(_character_from_json(record["row"]))
        elif kind == "upload":
            self.put_upload(_upload_from_json(record["row"]))
        elif kind == "image":
            self.put_image(_image_from_json(record["row"]))
        elif kind == "credits":
            self._credits.update(_checked_credits({record["team"]: record["credits"]}))
        elif kind == "delete":
            self.delete_character(record["id"])
        elif kind == "reset":
            self.reset()
        else:
            raise ValueError(f"unknown journal record {kind!r}")


def _insert(ids: list[str], character_id: str) -> None:
    if not ids or ids[-1] < character_id:
        ids.append(character_id)  # the usual case: a newly minted id is the greatest
    else:
        insort(ids, character_id)


def _remove(ids: list[str], character_id: str) -> None:
    index = bisect_left(ids, character_id)
    if index < len(ids) and ids[index] == character_id:
        del ids[index]


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


def _row(name: str, index: int, decode: Callable[[Mapping[str, Any]], Any], row: Any) -> Any:
    where = f"{name}[{index}]"
    if not isinstance(row, Mapping):
        raise ValueError(f"{where}: must be an object, got {type(row).__name__}")
    try:
        return decode(row)
    except KeyError as exc:
        raise ValueError(f"{where}.{exc.args[0]}: missing") from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"{where} (id {row.get('id')!r}): {exc}") from None


# -- snapshot encoding: full fidelity (to_public loses sub-second times and internal fields) ------------


def _t(dt: datetime | None) -> str | None:
    return None if dt is None else dt.isoformat()


def _dt(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _req_dt(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _character_to_json(c: Character) -> dict[str, Any]:
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


def _character_from_json(row: Mapping[str, Any]) -> Character:
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


def _upload_to_json(u: Upload) -> dict[str, Any]:
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


def _upload_from_json(row: Mapping[str, Any]) -> Upload:
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


def _image_to_json(i: Image) -> dict[str, Any]:
    return {
        "id": i.id,
        "team_id": i.team_id,
        "prompt": i.prompt,
        "created_at": _t(i.created_at),
        "credits_charged": i.credits_charged,
        "character_id": i.character_id,
        "status": i.status,
    }


def _image_from_json(row: Mapping[str, Any]) -> Image:
    return Image(
        id=row["id"],
        team_id=row["team_id"],
        prompt=row["prompt"],
        created_at=_req_dt(row["created_at"]),
        credits_charged=int(row["credits_charged"]),
        character_id=row["character_id"],
        status=row["status"],
    )
