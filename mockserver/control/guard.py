"""The control API's optional token: with ``--control-token T``, every ``/_mock`` route needs ``X-Mock-Token: T``.

A pure ASGI class, installed only when a token is set (no cost otherwise), inside Connexion's exception layer: it raises
``MockTokenRequired`` and app.py's handlers render the Aurous envelope (401, ``authentication``) with the
request's id. The control API's docs page and document stay open: they reveal nothing
that the shipped ``control.yaml`` does not.
"""

from __future__ import annotations

import hmac

from starlette.types import ASGIApp, Receive, Scope, Send

from mockserver.domain.errors import MockTokenRequired

__all__ = ["ControlGuard", "MockTokenRequired"]

_OPEN = ("/_mock/docs", "/_mock/openapi.json")


class ControlGuard:
    def __init__(self, app: ASGIApp, *, token: str) -> None:
        self.app = app
        self.token = token.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and path.startswith("/_mock") and not path.startswith(_OPEN):
            given = dict(scope["headers"]).get(b"x-mock-token")
            if given is None:
                raise MockTokenRequired(
                    "The control API of this mock is protected: send the token as X-Mock-Token.",
                    code="missing_mock_token",
                    param="X-Mock-Token",
                )
            if not hmac.compare_digest(given, self.token):
                raise MockTokenRequired("The X-Mock-Token is not this mock's control token.", param="X-Mock-Token")
        await self.app(scope, receive, send)
