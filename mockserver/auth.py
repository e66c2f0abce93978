"""API keys: which team a request belongs to.

A key arrives as ``X-Api-Key: al_live_<64 lowercase hex>`` or as ``Authorization: Bearer <key>``.
Legacy keys start ``og_``; the prefix takes no part in validation (the 64-hex body does).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from mockserver.domain.errors import AmbiguousCredentials, InvalidApiKey, MissingApiKey, RevokedApiKey
from mockserver.domain.model import Team

_KEY_SHAPE = re.compile(r"(?:al_live_|og_)[0-9a-f]{64}")


class KeyRing:
    """Live and revoked keys of every configured team, indexed for an O(1) lookup per request."""

    def __init__(self, teams: Iterable[Team]) -> None:
        self._live: dict[str, Team] = {}
        self._revoked: set[str] = set()
        for team in teams:
            for key in team.api_keys:
                self._live[key] = team
            self._revoked.update(team.revoked_keys)

    def authenticate(self, key: str | None) -> Team:
        if not key:
            raise MissingApiKey("No API key: send it as X-Api-Key (or Authorization: Bearer <key>).")
        team = self._live.get(key)
        if team is not None:
            return team
        if key in self._revoked:
            raise RevokedApiKey("This API key has been revoked; create a new one for your team.")
        if _KEY_SHAPE.fullmatch(key) is None:
            raise InvalidApiKey("The API key is malformed: expected al_live_ followed by 64 lowercase hex characters.")
        raise InvalidApiKey("The API key is not valid.")


def key_from_headers(headers: Mapping[bytes, bytes] | Iterable[tuple[bytes, bytes]]) -> str | None:
    """The key a request carries, from every ``X-Api-Key`` and ``Authorization: Bearer`` header it has.

    Pass the raw header list (ASGI ``scope["headers"]``) so that repeated headers are seen: two different
    keys are ``AmbiguousCredentials`` (401), never "the last one wins". The same key said twice is one key.
    """
    pairs = headers.items() if isinstance(headers, Mapping) else headers
    keys: set[str] = set()
    for name, value in pairs:
        if name == b"x-api-key":
            keys.add(value.decode("latin-1").strip())
        elif name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer":
                keys.add(token.strip())
    if len(keys) > 1:
        raise AmbiguousCredentials(
            "This request carries more than one API key (X-Api-Key headers and/or a Bearer token that differ); "
            "send exactly one."
        )
    return next(iter(keys), None)
