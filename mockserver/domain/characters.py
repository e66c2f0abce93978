"""Character rules: create, list, retrieve, update, delete, save, regenerate a ref, resynthesize.

Shape is the spec's job: a body or parameter reaches these methods only after Connexion has validated it
against openapi.yaml (``mockserver.validation``: required and unknown fields, types, bounds, enums), so
they check only what JSON Schema cannot say (one flow or the other, a cursor of the team, usable uploads,
credits, the status a rule needs), apply a rule from ``lifecycle`` and store the result; the caller's
team scopes every lookup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..ids import new_id
from . import lifecycle
from .base import RequestedOutcome, ServiceBase
from .errors import InvalidRequest
from .model import Character, Pose, Ref, Status, freeze_attributes


class CharacterRules(ServiceBase):
    # -- characters ----------------------------------------------------------------------------------

    def create_character(
        self, team_id: str, body: Mapping[str, Any], *, version: str, outcome: RequestedOutcome | None = None
    ) -> Character:
        """POST /v1/characters: the synthesize flow (``generate: true`` + ``attributes``, 4 credits) or
        the upload flow (``upload_ids``, free, born ready). ``aurous_version`` is frozen to ``version``.

        ``outcome`` (mock only) overrides the configured synthesis outcome; "instant" finishes it now.
        """
        self.complete_due()
        generate, upload_ids, attributes = body.get("generate", False), body.get("upload_ids"), body.get("attributes")
        # Exactly one flow: the spec says so in prose only (a oneOf would give an unhelpful error).
        if generate == (upload_ids is not None):
            raise InvalidRequest(
                "Send exactly one of generate: true (synthesize flow) or upload_ids (upload flow).",
                code="parameter_invalid_combination",
                param="upload_ids",
            )
        now = self.clock.now()
        common: dict[str, Any] = {
            "team_id": team_id,
            "name": body["name"],
            "created_at": now,
            "updated_at": now,
            "aurous_version": version,
            "client_reference_id": body.get("client_reference_id"),
            "attributes": freeze_attributes(attributes),
        }
        if generate:
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
        uploads = self._uploads_for_character(team_id, body["upload_ids"], now)
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
        """PATCH: name and/or attributes (replaced whole)."""
        self.complete_due()
        character = self._live_character(team_id, character_id)
        updated = lifecycle.update(character, changes, now=self.clock.now())
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
        character = self._live_character(team_id, character_id)
        now = self.clock.now()
        outcome_, due_at = self._schedule(outcome, now)
        started = lifecycle.regenerate(character, Pose(pose), now=now, due_at=due_at, outcome=outcome_)
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
