"""Save semantics: each modifier breaks one sentence of the save page (save-character.seed.txt)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from mockserver.domain.model import Status
from mutants.broken import Modifier, Request, Response, path_id

__all__ = [
    "ImagesAcceptReviewingCharacter",
    "SaveAcceptsFailed",
    "SaveAcceptsSynthesizing",
    "SaveChargesACredit",
    "SaveFreesNoUploadBytes",
    "SaveLeavesReviewing",
    "SaveNotIdempotentOnReady",
    "SaveNotPersisted",
    "SaveRefusalIs409",
    "SaveReturns201",
    "SaveTouchesUpdatedAt",
    "SavedCharacterReturnsToReviewing",
]


class _SaveFault(Modifier):
    """Remembers the character as it was before a save, for response() to compare."""

    family = "save"

    def request(self, req: Request) -> Request | Response:
        if req.method == "POST" and path_id(req.path)[1] == "/save":
            req.notes["before"] = self.own_character(req)
        return req

    @staticmethod
    def saved(req: Request, resp: Response, status: Status) -> bool:
        """Whether this is a 200 save of a character that was in ``status`` before."""
        before = req.notes.get("before")
        return resp.status == 200 and before is not None and before.status is status


@dataclass
class SaveNotIdempotentOnReady(_SaveFault):
    """Save on an already-ready character is refused with 400 `invalid_request_error`, as if ready were not a
    savable state (the page: "calling it twice returns 200 both times")."""

    caught_by = "save_twice_returns_200_twice_with_identical_representation"

    def response(self, req: Request, resp: Response) -> Response:
        if self.saved(req, resp, Status.READY):
            return self.as_error(resp, 400, "invalid_request", "invalid_request_error", "Character is not savable.")
        return resp


@dataclass
class SaveTouchesUpdatedAt(_SaveFault):
    """Save on a ready character runs the transition again and stamps a new `updated_at` (the page: the whole
    representation unchanged, `updated_at` included)."""

    caught_by = "save_twice_returns_200_twice_with_identical_representation"

    def response(self, req: Request, resp: Response) -> Response:
        if self.saved(req, resp, Status.READY):
            before = req.notes["before"]
            touched = replace(before, updated_at=before.updated_at + timedelta(seconds=1))
            self.store(touched)
            resp.set_json(touched.to_public())
        return resp


@dataclass
class SaveNotPersisted(_SaveFault):
    """Save answers 200 `ready` but the write is never committed: a later GET still says `reviewing`."""

    caught_by = "save_moves_reviewing_to_ready"

    def response(self, req: Request, resp: Response) -> Response:
        if self.saved(req, resp, Status.REVIEWING):
            self.store(req.notes["before"])
        return resp


@dataclass
class SaveLeavesReviewing(_SaveFault):
    """Save is a no-op: 200, and the character it returns (and keeps) is still `reviewing`."""

    caught_by = "save_moves_reviewing_to_ready"

    def response(self, req: Request, resp: Response) -> Response:
        if self.saved(req, resp, Status.REVIEWING):
            self.store(req.notes["before"])
            resp.set_json(req.notes["before"].to_public())
        return resp


@dataclass
class SaveAcceptsSynthesizing(_SaveFault):
    """The state check lets a `synthesizing` character through: save answers 200 `ready` instead of 400."""

    caught_by = "save_on_synthesizing_is_400_invalid_request_error"

    def request(self, req: Request) -> Request | Response:
        req = super().request(req)  # type: ignore[assignment]
        before = req.notes.get("before")
        if before is not None and before.status is Status.SYNTHESIZING:
            self.service.force_status(before.id, "reviewing")
        return req


@dataclass
class SaveAcceptsFailed(_SaveFault):
    """The state check lets a `failed` character through: save answers 200 `ready` instead of 400."""

    caught_by = "save_on_failed_is_400_invalid_request_error"

    def request(self, req: Request) -> Request | Response:
        req = super().request(req)  # type: ignore[assignment]
        before = req.notes.get("before")
        if before is not None and before.status is Status.FAILED:
            self.service.force_status(before.id, "reviewing")
        return req


@dataclass
class SaveRefusalIs409(_SaveFault):
    """Save on a non-savable state answers 409 (a "conflict") instead of 400 `invalid_request_error`."""

    caught_by = "save_on_synthesizing_is_400_invalid_request_error"
    family = "status codes and envelope"

    def response(self, req: Request, resp: Response) -> Response:
        if req.method == "POST" and path_id(req.path)[1] == "/save" and resp.status == 400:
            resp.status = 409
        return resp


@dataclass
class SaveReturns201(_SaveFault):
    """A successful save answers 201 Created instead of 200."""

    caught_by = "save_moves_reviewing_to_ready"

    def response(self, req: Request, resp: Response) -> Response:
        if req.method == "POST" and path_id(req.path)[1] == "/save" and resp.status == 200:
            resp.status = 201
        return resp


@dataclass
class SavedCharacterReturnsToReviewing(_SaveFault):
    """Save forgets that the character was ever saved, so a later regenerate ends in `reviewing` again (the
    page: "After save, the character cannot be returned to reviewing")."""

    caught_by = "saved_character_never_returns_to_reviewing"

    def response(self, req: Request, resp: Response) -> Response:
        if self.saved(req, resp, Status.REVIEWING):
            after = self.character(req.notes["before"].id)
            self.store(replace(after, saved=False))
        return resp


@dataclass
class SaveFreesNoUploadBytes(_SaveFault):
    """Save moves the character to ready but never deletes the synthesis pipeline's temporary upload bytes."""

    caught_by = "save_deletes_temporary_upload_bytes"

    def response(self, req: Request, resp: Response) -> Response:
        if self.saved(req, resp, Status.REVIEWING):
            after = self.character(req.notes["before"].id)
            self.store(replace(after, temp_upload_bytes=req.notes["before"].temp_upload_bytes))
        return resp


@dataclass
class SaveChargesACredit(_SaveFault):
    """Save bills one credit, like the paid operations (the page: "This endpoint costs no credits")."""

    caught_by = "save_costs_no_credits"

    def response(self, req: Request, resp: Response) -> Response:
        if self.saved(req, resp, Status.REVIEWING):
            team = req.notes["before"].team_id
            self.service.set_credits(team, self.service.store.credits(team) - 1)
        return resp


@dataclass
class ImagesAcceptReviewingCharacter(Modifier):
    """`POST /v1/images` accepts a character that is still `reviewing` (not yet saved) instead of 400
    `character_not_ready`."""

    family = "save"
    caught_by = "character_is_usable_on_images_only_after_save"

    def request(self, req: Request) -> Request | Response:
        body = req.json()
        if req.method == "POST" and req.path == "/v1/images" and isinstance(body, dict):
            character = self.character(body.get("character_id"))
            team = self.team_of(req)
            if character and team and character.team_id == team.id and character.status is Status.REVIEWING:
                # The broken readiness test: the request is served as if the character were ready.
                req.notes["restore"] = character
                self.store(replace(character, status=Status.READY))
        return req

    def response(self, req: Request, resp: Response) -> Response:
        if "restore" in req.notes:
            self.store(req.notes["restore"])
        return resp
