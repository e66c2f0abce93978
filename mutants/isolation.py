"""Isolation between teams, and soft-deleted rows: data reaching someone the contract hides it from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from mockserver.domain.model import Status
from mutants.broken import Modifier, Request, Response, path_id

__all__ = [
    "ListMixesTeams",
    "OtherTeamDeleteGoesThroughAnswering404",
    "OtherTeamPatchGoesThrough",
    "OtherTeamPatchGoesThroughAnswering404",
    "OtherTeamReadLeaks",
    "OtherTeamSaveGoesThroughAnswering404",
    "OtherTeamUsesCharacterOnImages",
    "SoftDeletedListed",
    "SoftDeletedReadable",
]


class _IsolationFault(Modifier):
    family = "isolation"
    methods: ClassVar[tuple[str, ...]] = ()
    suffix: ClassVar[str] = ""  # the path after /v1/characters/{id}
    answer_404: ClassVar[bool] = False  # the write goes through, but the caller is told 404

    def request(self, req: Request) -> Request | Response:
        character = self.foreign_character(req) if req.method in self.methods else None
        if character is not None and path_id(req.path)[1] == self.suffix:
            # The broken lookup: the row is found by id alone and served as its owner's.
            req.headers.pop("authorization", None)
            req.headers["x-api-key"] = self.owner(character).api_keys[0]
            req.notes["leaked"] = character
        return req

    def response(self, req: Request, resp: Response) -> Response:
        if self.answer_404 and "leaked" in req.notes and resp.status < 300:
            return self.as_error(resp, 404, "not_found", "resource_not_found", "No such character.")
        return resp


@dataclass
class OtherTeamReadLeaks(_IsolationFault):
    """`GET /v1/characters/{id}` serves another team's character (the lookup ignores the team)."""

    caught_by = "other_team_read_is_404_resource_not_found"
    methods = ("GET",)


@dataclass
class OtherTeamSaveGoesThroughAnswering404(_IsolationFault):
    """Another team's save is applied to the character, while the caller is told 404."""

    caught_by = "other_team_save_is_404_and_changes_nothing"
    methods, suffix, answer_404 = ("POST",), "/save", True


@dataclass
class OtherTeamDeleteGoesThroughAnswering404(_IsolationFault):
    """Another team's DELETE removes the character, while the caller is told 404."""

    caught_by = "other_team_delete_is_404_and_changes_nothing"
    methods, answer_404 = ("DELETE",), True


@dataclass
class OtherTeamPatchGoesThroughAnswering404(_IsolationFault):
    """Another team's PATCH renames the character, while the caller is told 404."""

    caught_by = "other_team_patch_is_404_and_changes_nothing"
    methods, answer_404 = ("PATCH",), True


@dataclass
class OtherTeamPatchGoesThrough(Modifier):
    """Another team's PATCH is applied as the owner's, and answered 200."""

    family = "isolation"
    caught_by = "other_team_patch_is_404_and_changes_nothing"

    def request(self, req: Request) -> Request | Response:
        character = self.foreign_character(req) if req.method == "PATCH" else None
        if character is not None:
            req.headers["x-api-key"] = self.owner(character).api_keys[0]
        return req


@dataclass
class OtherTeamUsesCharacterOnImages(Modifier):
    """`POST /v1/images` accepts another team's `character_id` (the readiness lookup ignores the team)."""

    family = "isolation"
    caught_by = "other_team_cannot_use_character_on_images"

    def request(self, req: Request) -> Request | Response:
        body = req.json()
        if req.method == "POST" and req.path == "/v1/images" and isinstance(body, dict):
            character, team = self.character(body.get("character_id")), self.team_of(req)
            if character is not None and team is not None and character.team_id != team.id:
                req.headers["x-api-key"] = self.owner(character).api_keys[0]
        return req


@dataclass
class ListMixesTeams(Modifier):
    """`GET /v1/characters` lists every team's characters, not only the caller's."""

    family = "isolation"
    caught_by = "other_team_list_does_not_show_character"

    def response(self, req: Request, resp: Response) -> Response:
        team = self.team_of(req)
        body = resp.json()
        listing = req.method == "GET" and req.path == "/v1/characters" and resp.status == 200
        if listing and team is not None and isinstance(body, dict):
            others = [c for t in self.teams if t.id != team.id for c in self._live(t.id)]
            body["data"] = body["data"] + [c.to_public() for c in others]
            resp.set_json(body)
        return resp

    def _live(self, team_id: str) -> list:
        return [c for c in self.service.store.iter_newest_first(team_id) if c.status is not Status.DELETED]


@dataclass
class SoftDeletedReadable(Modifier):
    """A soft-deleted character is still served by `GET /v1/characters/{id}` (status `deleted`)."""

    family = "isolation"
    caught_by = "deleted_character_is_404_everywhere_and_absent_from_lists"
    layers = ("lifecycle",)

    def response(self, req: Request, resp: Response) -> Response:
        character, team = self.character(path_id(req.path)[0]), self.team_of(req)
        if (
            req.method == "GET"
            and resp.status == 404
            and path_id(req.path)[1] == ""
            and character is not None
            and team is not None
            and character.team_id == team.id
            and character.status is Status.DELETED
        ):
            resp.status = 200
            resp.set_json(character.to_public())
        return resp


@dataclass
class SoftDeletedListed(Modifier):
    """`GET /v1/characters` still lists soft-deleted characters (the filter on status is missing)."""

    family = "isolation"
    caught_by = "deleted_character_is_404_everywhere_and_absent_from_lists"
    layers = ("lifecycle",)

    def response(self, req: Request, resp: Response) -> Response:
        team = self.team_of(req)
        body = resp.json()
        listing = req.method == "GET" and req.path == "/v1/characters" and resp.status == 200
        if listing and team is not None and isinstance(body, dict):
            deleted = [c for c in self.service.store.iter_newest_first(team.id) if c.status is Status.DELETED]
            body["data"] = body["data"] + [c.to_public() for c in deleted]
            resp.set_json(body)
        return resp
