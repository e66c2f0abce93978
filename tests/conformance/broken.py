"""Broken servers: the reference mock wrapped in one fault each (a dataclass "modifier").

Each modifier rewrites requests or responses of the wrapped ASGI app; its docstring names the fault and
the check that must catch it. The full mutant matrix is a later issue; these cover one per family.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass
class Modifier:
    """Base: no fault."""

    other_key: str = ""
    primary_key: str = ""

    def request(self, method: str, path: str, headers: dict[str, str]) -> dict[str, str]:
        return headers

    def response(self, method: str, path: str, status: int, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str], bytes]:
        return status, headers, body


@dataclass
class SaveTouchesUpdatedAt(Modifier):
    """Save on a ready character bumps `updated_at` → save_twice_returns_200_twice_with_identical_representation."""

    count: int = 0

    def response(self, method, path, status, headers, body):  # type: ignore[no-untyped-def]
        if method == "POST" and path.endswith("/save") and status == 200:
            self.count += 1
            data = json.loads(body)
            data["updated_at"] = f"2031-01-01T00:00:{self.count % 60:02d}Z"
            body = json.dumps(data).encode()
        return status, headers, body


@dataclass
class OtherTeamPatchGoesThrough(Modifier):
    """Another team's PATCH is applied as the owner's → other_team_patch_is_404_and_changes_nothing."""

    def request(self, method, path, headers):  # type: ignore[no-untyped-def]
        if method == "PATCH" and headers.get("x-api-key") == self.other_key:
            headers["x-api-key"] = self.primary_key
        return headers


@dataclass
class NoVersionEchoOnErrors(Modifier):
    """Errors lack the `Aurous-Version` header → malformed_version_is_400_invalid_format."""

    def response(self, method, path, status, headers, body):  # type: ignore[no-untyped-def]
        if status >= 400:
            headers.pop("aurous-version", None)
        return status, headers, body


@dataclass
class ProblemJsonNotFound(Modifier):
    """404s leak a framework's problem+json → error_body_is_the_aurous_envelope."""

    def response(self, method, path, status, headers, body):  # type: ignore[no-untyped-def]
        if status == 404:
            headers["content-type"] = "application/problem+json"
            body = json.dumps({"type": "about:blank", "title": "Not Found", "status": 404}).encode()
        return status, headers, body


@dataclass
class NoRemainingHeader(Modifier):
    """`X-RateLimit-Remaining` is never sent → every_response_carries_rate_limit_headers."""

    def response(self, method, path, status, headers, body):  # type: ignore[no-untyped-def]
        headers.pop("x-ratelimit-remaining", None)
        return status, headers, body


@dataclass
class NoReplayHeader(Modifier):
    """A replay lacks `Aurous-Idempotent-Replayed: true` → same_key_and_body_replays_the_cached_response."""

    def response(self, method, path, status, headers, body):  # type: ignore[no-untyped-def]
        headers.pop("aurous-idempotent-replayed", None)
        return status, headers, body


@dataclass
class SaveRefusalIs409(Modifier):
    """Save on a non-savable state answers 409 instead of 400 → save_on_synthesizing_is_400_invalid_request_error."""

    def response(self, method, path, status, headers, body):  # type: ignore[no-untyped-def]
        if method == "POST" and path.endswith("/save") and status == 400:
            status = 409
        return status, headers, body


class Broken:
    """ASGI wrapper applying one modifier to every HTTP exchange of ``app``."""

    def __init__(self, app: Any, modifier: Modifier) -> None:
        self.app = app
        self.modifier = modifier

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method, path = scope["method"], scope["path"]
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        headers = self.modifier.request(method, path, headers)
        scope = {**scope, "headers": [(k.encode(), v.encode()) for k, v in headers.items()]}
        start: dict = {}
        chunks: list[bytes] = []

        async def capture(message: dict) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body"):
                    out = {k.decode().lower(): v.decode() for k, v in start.get("headers", [])}
                    status, out, body = self.modifier.response(method, path, start["status"], out, b"".join(chunks))
                    out["content-length"] = str(len(body))
                    await send({"type": "http.response.start", "status": status,
                                "headers": [(k.encode(), v.encode()) for k, v in out.items()]})
                    await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, capture)
