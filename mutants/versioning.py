"""Versioning: `Aurous-Version` validation, the echo header, the team's pin, the frozen row version."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from mutants.broken import Modifier, Request, Response

__all__ = [
    "EchoIgnoresPin",
    "EchoIgnoresRequestedVersion",
    "MalformedVersionAccepted",
    "NoVersionEchoOnErrors",
    "RowMintedUnderTeamPin",
    "RowVersionFollowsPin",
    "UnknownVersionFallsBackToDefault",
]


class _VersionFault(Modifier):
    family = "versioning"


@dataclass
class MalformedVersionAccepted(_VersionFault):
    """A malformed `Aurous-Version` (not YYYY-MM-DD) is ignored instead of refused with 400 `invalid_format`."""

    caught_by = "malformed_version_is_400_invalid_format"

    def request(self, req: Request) -> Request | Response:
        version = req.headers.get("aurous-version")
        if version is not None and not re.match(self.contract.version_pattern, version):
            del req.headers["aurous-version"]
        return req


@dataclass
class UnknownVersionFallsBackToDefault(_VersionFault):
    """A well-formed but unknown `Aurous-Version` is served as the system default instead of 400
    `unknown_version`."""

    caught_by = "unknown_version_is_400_unknown_version"

    def request(self, req: Request) -> Request | Response:
        version = req.headers.get("aurous-version")
        contract = self.contract
        if version and re.match(contract.version_pattern, version) and version not in contract.known_versions:
            req.headers["aurous-version"] = contract.default_version
        return req


@dataclass
class NoVersionEchoOnErrors(_VersionFault):
    """Error responses lack the `Aurous-Version` echo header (only the success path sets it)."""

    caught_by = "malformed_version_is_400_invalid_format"

    def response(self, req: Request, resp: Response) -> Response:
        if resp.status >= 400:
            resp.headers.pop("aurous-version", None)
        return resp


@dataclass
class EchoIgnoresPin(_VersionFault):
    """Without a request header the echo names the system default, not the team's pinned version it serves."""

    caught_by = "absent_version_applies_the_teams_pin"

    def response(self, req: Request, resp: Response) -> Response:
        if "aurous-version" not in req.headers and "aurous-version" in resp.headers:
            resp.headers["aurous-version"] = self.default_version
        return resp


@dataclass
class EchoIgnoresRequestedVersion(_VersionFault):
    """The echo always names the team's pin, even when the request asked for another version."""

    caught_by = "requested_version_is_applied_and_echoed"

    def response(self, req: Request, resp: Response) -> Response:
        team = self.team_of(req)
        if team is not None and "aurous-version" in resp.headers:
            resp.headers["aurous-version"] = team.pinned_version or self.default_version
        return resp


def _characters(body: Any) -> list[dict[str, Any]]:
    if isinstance(body, dict) and body.get("object") == "character" and "aurous_version" in body:
        return [body]
    if isinstance(body, dict) and body.get("object") == "list":
        return [c for c in body.get("data") or [] if isinstance(c, dict)]
    return []


@dataclass
class RowVersionFollowsPin(_VersionFault):
    """A character's `aurous_version` is rendered as the version of the current request, not frozen at the
    version it was minted under."""

    caught_by = "row_version_is_frozen"

    def response(self, req: Request, resp: Response) -> Response:
        body, applied = resp.json(), resp.headers.get("aurous-version")
        characters = _characters(body)
        if characters and applied:
            for character in characters:
                character["aurous_version"] = applied
            resp.set_json(body)
        return resp


@dataclass
class RowMintedUnderTeamPin(_VersionFault):
    """A new character is minted with the team's pinned version, ignoring the request's `Aurous-Version`."""

    caught_by = "row_version_is_the_version_applied_at_creation"

    def response(self, req: Request, resp: Response) -> Response:
        team, body = self.team_of(req), resp.json()
        created = req.method == "POST" and req.path == "/v1/characters" and resp.status == 201
        if created and team is not None and isinstance(body, dict):
            minted = replace(self.character(body["id"]), aurous_version=team.pinned_version or self.default_version)
            self.store(minted)
            resp.set_json(minted.to_public())
        return resp
