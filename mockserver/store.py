"""The mock's only mutable state: per-team rows of characters, uploads, images and credit balances.

Imports only ``domain.model``. Lookups are O(1) dict hits (GET /v1/characters/{id} and save are the hot
path). Each team keeps two sorted lists of its character ids — every row on record, and the live
(not deleted) ones. Ids are time-ordered ULIDs minted in increasing order, so sorted is newest last, a new
row is an append, and a page of a newest-first listing is a ``bisect`` to the cursor plus a slice:
O(log n + page), whether or not the cursor's character is still live. The store also keeps the heap of pending
synthesis due times, so that completing due syntheses costs a peek when nothing is due.

Every change also goes to ``journal`` when one is set (``--durability durable``, the Redis replica): a
record per change, each an absolute state (the row as it now is, a deletion, a balance, a reset), so
replaying a record twice changes nothing. ``load()`` replaces the whole state in one step. Turning the
state and the records into JSON and back is ``statecodec``'s job, not the store's.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

from .domain.model import Character, Image, Status, Team, Upload

__all__ = ["Store"]


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

    def balances(self) -> dict[str, int]:
        """Every balance on record (team id -> credits), a copy."""
        return dict(self._credits)

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

    def load(
        self,
        credits: Mapping[str, int],
        characters: Iterable[Character],
        uploads: Iterable[Upload],
        images: Iterable[Image],
    ) -> None:
        """Replace the whole state in one step (a restored snapshot): a reset, then these rows and balances.

        Not journaled: loading a state is not a change to it. Teams stay as configured (they come from settings).
        """
        journal, self.journal = self.journal, None
        try:
            self.reset()
            self._credits.update(credits)
            for character in characters:
                self.put_character(character)
            for upload in uploads:
                self.put_upload(upload)
            for image in images:
                self.put_image(image)
        finally:
            self.journal = journal


def _insert(ids: list[str], character_id: str) -> None:
    if not ids or ids[-1] < character_id:
        ids.append(character_id)  # the usual case: a newly minted id is the greatest
    else:
        insort(ids, character_id)


def _remove(ids: list[str], character_id: str) -> None:
    index = bisect_left(ids, character_id)
    if index < len(ids) and ids[index] == character_id:
        del ids[index]
