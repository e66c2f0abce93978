"""The per-request context: opened by ``frame.RequestFrame``, filled in by the gateway, read by the handlers.

A ``ContextVar`` rather than a Connexion/Starlette request attribute, so that the thin handlers in
``api/`` read the caller's team and applied version the same way whether the request came through
Connexion or through the gateway's fast lane.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mockserver.domain.model import Team
    from mockserver.domain.service import CharactersService, RequestedOutcome


@dataclass(slots=True)
class RequestContext:
    request_id: str
    version: str  # the version answered under, echoed as Aurous-Version
    service: CharactersService
    team: Team | None = None
    # The /_mock facade (control/facade.py), for the control routes only.
    control: Any = None
    # Per-request outcome override (the `Prefer` header), e.g. "fail" or "instant"; None = configured default.
    outcome: RequestedOutcome | None = None
    # The request's headers by lower-case name (the last of a repeated one), read once by the frame.
    headers: dict[bytes, bytes] = field(default_factory=dict)
    # The Aurous-Version header as sent (None without one), which the gateway resolves once it knows the team.
    requested_version: str | None = None
    # X-RateLimit-* once the gateway has metered the request: every later answer, errors included, carries them.
    rate_headers: list[tuple[bytes, bytes]] = field(default_factory=list)

    @property
    def team_id(self) -> str:
        assert self.team is not None, "handler of an authenticated operation called without a team"
        return self.team.id


CURRENT: ContextVar[RequestContext] = ContextVar("aurous_request_context")


def current() -> RequestContext:
    return CURRENT.get()
