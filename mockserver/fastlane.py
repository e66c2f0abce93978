"""The fast lane: retrieve and save answered without Connexion, byte for byte as Connexion answers them.

The two hottest operations take no body and one opaque string path parameter, so once the gateway has
done its checks (401, 429, version, idempotency) Connexion's routing and validation have nothing left to
decide. The gateway asks ``FastLane.handler`` once per request; for these two it calls the very same
handler function Connexion would and writes the bytes and headers Connexion would send (content-type,
content-length, the app's JSON encoding). ``tests/mockserver/test_fast_lane.py`` runs one request
sequence with the lane on and off (``Settings.fast_lane``) and compares the answers byte for byte.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from starlette.types import Send

from mockserver.api import characters
from mockserver.serialization import dumps

__all__ = ["FAST_HANDLERS", "FastHandler", "FastLane"]

FastHandler = Callable[..., Awaitable[Any]]

# Operations with no body and one opaque path parameter, by operationId: the handlers Connexion resolves.
FAST_HANDLERS: Mapping[str, FastHandler] = {
    "retrieveCharacter": characters.retrieve_character,
    "saveCharacter": characters.save_character,
}

_CONTENT_TYPE_JSON = (b"content-type", b"application/json")


class FastLane:
    def __init__(self, handlers: Mapping[str, FastHandler] = FAST_HANDLERS) -> None:
        self._handlers = dict(handlers)

    def handler(self, operation_id: str) -> FastHandler | None:
        """The handler the lane serves this operation with, or None: Connexion serves it."""
        return self._handlers.get(operation_id)

    @staticmethod
    async def answer(handler: FastHandler, path_params: dict[str, str], send: Send) -> None:
        result = await handler(**path_params)
        status = 200
        if isinstance(result, tuple):
            result, status = result
        body = dumps(result)
        # The very bytes and headers Connexion would send (content-length, JSONIFIER's encoding).
        headers = [_CONTENT_TYPE_JSON, (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
