"""Idempotency-Key: replay, the 409, invalid originals, per-team scope, no second charge."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from mutants.broken import Modifier, Request, Response

__all__ = [
    "IdempotencyConflictNeverRaised",
    "IdempotencyKeyIgnored",
    "IdempotencyKeysAcrossTeams",
    "InvalidOriginalCached",
    "NoReplayHeader",
    "ReplayChargesAgain",
]


def _canonical(body: Any) -> str:
    return json.dumps(body, sort_keys=True, separators=(",", ":"))


class _IdempotencyFault(Modifier):
    family = "idempotency"


@dataclass
class IdempotencyKeyIgnored(_IdempotencyFault):
    """`Idempotency-Key` is never read: a retried create makes a second character."""

    caught_by = "same_key_and_body_replays_the_cached_response"

    def request(self, req: Request) -> Request | Response:
        req.headers.pop("idempotency-key", None)
        return req


@dataclass
class NoReplayHeader(_IdempotencyFault):
    """A replay lacks `Aurous-Idempotent-Replayed: true`."""

    caught_by = "same_key_and_body_replays_the_cached_response"

    def response(self, req: Request, resp: Response) -> Response:
        resp.headers.pop("aurous-idempotent-replayed", None)
        return resp


@dataclass
class IdempotencyConflictNeverRaised(_IdempotencyFault):
    """The cache is keyed by key *and* body: the same key with another body is a new request, never 409."""

    caught_by = "same_key_with_another_body_is_409"
    first_body: dict[tuple[str, str], str] = field(default_factory=dict)

    def request(self, req: Request) -> Request | Response:
        key = req.headers.get("idempotency-key")
        if key is not None and 1 <= len(key) <= 256 and req.method == "POST":  # validation still happens
            scope = (req.api_key or "", key)
            body = _canonical(req.json())
            if self.first_body.setdefault(scope, body) != body:
                del req.headers["idempotency-key"]
        return req


@dataclass
class InvalidOriginalCached(_IdempotencyFault):
    """A 400 original is cached and replayed: the key cannot be used again, even for a valid request."""

    caught_by = "invalid_request_original_is_not_cached"
    refused: dict[tuple[str, str, str], Response] = field(default_factory=dict)  # (key of the team, path, key)

    def request(self, req: Request) -> Request | Response:
        cached = self.refused.get((req.api_key or "", req.path, req.headers.get("idempotency-key", "")))
        if cached is not None and req.method == "POST":
            return Response(cached.status, {**cached.headers, "aurous-idempotent-replayed": "true"}, cached.body)
        return req

    def response(self, req: Request, resp: Response) -> Response:
        key = req.headers.get("idempotency-key")
        if key and resp.status == 400 and req.method == "POST":
            self.refused[(req.api_key or "", req.path, key)] = Response(resp.status, dict(resp.headers), resp.body)
        return resp


@dataclass
class IdempotencyKeysAcrossTeams(_IdempotencyFault):
    """Keys are global, not per team: another team's request under a key already used is refused with 409."""

    caught_by = "keys_are_scoped_per_team"
    owners: dict[str, str] = field(default_factory=dict)

    def request(self, req: Request) -> Request | Response:
        key, team = req.headers.get("idempotency-key"), self.team_of(req)
        req.notes["taken"] = bool(key and team is not None and self.owners.setdefault(key, team.id) != team.id)
        return req

    def response(self, req: Request, resp: Response) -> Response:
        if req.notes["taken"]:
            # The gateway's answer (its headers kept); the handler behind it ran, but the caller is refused.
            return self.as_error(
                resp, 409, "invalid_request", "idempotency_key_in_use", "Key already used.", "Idempotency-Key"
            )
        return resp


@dataclass
class ReplayChargesAgain(_IdempotencyFault):
    """A replayed synthesize-flow create charges its 4 credits again."""

    caught_by = "replay_charges_no_credits"

    def response(self, req: Request, resp: Response) -> Response:
        team = self.team_of(req)
        if resp.headers.get("aurous-idempotent-replayed") == "true" and team is not None:
            self.service.set_credits(team.id, self.service.store.credits(team.id) - 4)
        return resp
