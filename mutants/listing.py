"""Lists, updates, credits and the finer rate-limit and `param` rules: faults that passed the kit (and plain
Schemathesis) before issue 9, each caught now by one named check."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import parse_qs

from mockserver.domain.model import Status
from mutants.broken import Modifier, Request, Response, path_id

__all__ = [
    "HasMoreAlwaysFalse",
    "ListOldestFirst",
    "NamesTruncated",
    "NotFoundParamIsId",
    "PaginationSkipsOne",
    "PatchAcceptsSynthesizing",
    "PatchNotPersisted",
    "ResetInMilliseconds",
    "RetryAfterInMilliseconds",
    "SynthesisCostsNothing",
]


class _ListFault(Modifier):
    family = "lists, updates and credits"

    @staticmethod
    def is_list(req: Request, resp: Response) -> bool:
        return req.method == "GET" and req.path == "/v1/characters" and resp.status == 200


@dataclass
class ListOldestFirst(_ListFault):
    """The list comes oldest first (each page's order reversed)."""

    caught_by = "list_is_newest_first"

    def response(self, req: Request, resp: Response) -> Response:
        body = resp.json()
        if self.is_list(req, resp) and isinstance(body, dict):
            body["data"] = list(reversed(body.get("data") or []))
            resp.set_json(body)
        return resp


@dataclass
class PaginationSkipsOne(_ListFault):
    """A page asked for with `starting_after` drops its first item: one character per page is never listed."""

    caught_by = "pagination_walks_every_character_once"

    def response(self, req: Request, resp: Response) -> Response:
        body = resp.json()
        if self.is_list(req, resp) and "starting_after" in parse_qs(req.query) and isinstance(body, dict):
            body["data"] = (body.get("data") or [])[1:]
            resp.set_json(body)
        return resp


@dataclass
class HasMoreAlwaysFalse(_ListFault):
    """`has_more` is always false, whatever follows the page (`next_cursor` still set)."""

    caught_by = "has_more_is_true_while_characters_remain"

    def response(self, req: Request, resp: Response) -> Response:
        body = resp.json()
        if self.is_list(req, resp) and isinstance(body, dict):
            body["has_more"] = False
            resp.set_json(body)
        return resp


@dataclass
class PatchNotPersisted(_ListFault):
    """PATCH answers 200 with the new values but never commits them: a later GET shows the old ones."""

    caught_by = "patch_persists"

    def request(self, req: Request) -> Request | Response:
        if req.method == "PATCH" and path_id(req.path)[0] and not path_id(req.path)[1]:
            req.notes["before"] = self.own_character(req)
        return req

    def response(self, req: Request, resp: Response) -> Response:
        if resp.status == 200 and req.notes.get("before") is not None:
            self.store(req.notes["before"])
        return resp


@dataclass
class PatchAcceptsSynthesizing(_ListFault):
    """PATCH on a `synthesizing` character answers 200 (the character as it was) instead of 400."""

    caught_by = "patch_on_synthesizing_is_400_invalid_request_error"

    def request(self, req: Request) -> Request | Response:
        if req.method == "PATCH" and path_id(req.path)[0] and not path_id(req.path)[1]:
            req.notes["before"] = self.own_character(req)
        return req

    def response(self, req: Request, resp: Response) -> Response:
        before = req.notes.get("before")
        if resp.status == 400 and before is not None and before.status is Status.SYNTHESIZING:
            resp.status = 200
            resp.set_json(before.to_public())
        return resp


@dataclass
class NamesTruncated(_ListFault):
    """Names are silently cut to 64 characters on create and PATCH (a column too narrow)."""

    caught_by = "names_round_trip_unchanged"

    def request(self, req: Request) -> Request | Response:
        body = req.json()
        creates = req.method == "POST" and req.path == "/v1/characters"
        patches = req.method == "PATCH" and path_id(req.path)[0] is not None
        if (creates or patches) and isinstance(body, dict) and isinstance(body.get("name"), str):
            body["name"] = body["name"][:64]
            req.body = json.dumps(body).encode()
        return req


@dataclass
class SynthesisCostsNothing(_ListFault):
    """An accepted synthesize-flow create is never debited: the balance stays where it was."""

    caught_by = "paid_operation_debits_its_cost"

    def request(self, req: Request) -> Request | Response:
        team = self.team_of(req)
        if req.method == "POST" and req.path == "/v1/characters" and team is not None:
            req.notes["credits"] = (team.id, self.service.store.credits(team.id))
        return req

    def response(self, req: Request, resp: Response) -> Response:
        if resp.status == 201 and "credits" in req.notes:
            self.service.store.set_credits(*req.notes["credits"])
        return resp


@dataclass
class ResetInMilliseconds(Modifier):
    """`X-RateLimit-Reset` is sent in epoch milliseconds."""

    family = "rate limits"
    caught_by = "rate_limit_reset_is_epoch_seconds"

    def response(self, req: Request, resp: Response) -> Response:
        if resp.headers.get("x-ratelimit-reset", "").isdigit():
            resp.headers["x-ratelimit-reset"] = str(int(resp.headers["x-ratelimit-reset"]) * 1000)
        return resp


@dataclass
class RetryAfterInMilliseconds(Modifier):
    """A 429's `Retry-After` is in milliseconds."""

    family = "rate limits"
    caught_by = "exhausted_bucket_is_429_with_retry_after"

    def response(self, req: Request, resp: Response) -> Response:
        if resp.status == 429 and resp.headers.get("retry-after", "").isdigit():
            resp.headers["retry-after"] = str(max(1, int(resp.headers["retry-after"])) * 1000)
        return resp


@dataclass
class NotFoundParamIsId(Modifier):
    """A 404 for a path id names `param: "id"`; the spec (Error.param and its examples) says null."""

    family = "status codes and envelope"
    caught_by = "aurous_error_param_matches_spec_examples"
    layers = ("schema",)

    def response(self, req: Request, resp: Response) -> Response:
        error = (resp.envelope() or {}).get("error")
        if resp.status == 404 and error and path_id(req.path)[0] and error.get("param") is None:
            error["param"] = "id"
            resp.set_json({"error": error})
        return resp
