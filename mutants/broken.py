"""How a broken server is built: the reference mock, wrapped in one fault (a dataclass "modifier").

A modifier sees each HTTP exchange of the wrapped app: :meth:`Modifier.request` may rewrite the request
(headers, path, body) or answer it alone; :meth:`Modifier.response` may rewrite the answer. A fault about
storage may also reach the app's service (``app.state.service``), as a buggy handler would reach its
database. :meth:`Modifier.settings` is the switch for faults that are a configuration (rate limits off, a
wrong burst). Each modifier's docstring names its fault; its class attributes say which family of the
contract it breaks and which kit check must catch it.

Test code only: nothing here is reachable from the shipped server (``mockserver`` never imports ``tests``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

from aurous_contract import SPEC_PATH, load_spec
from mockserver.domain.model import Character, Status
from mockserver.ids import new_request_id
from mockserver.operations import OperationIndex
from mockserver.settings import Settings

__all__ = ["Broken", "CHARACTER_ID", "Modifier", "Request", "Response", "path_id"]

CHARACTER_ID = re.compile(r"^char_[0-9A-HJKMNP-TV-Z]{26}$")
_CHARACTER_PATH = re.compile(r"^/v1/characters/(?!uploads(?:/|$))(?P<id>[^/]+)(?P<rest>/.*)?$")


def path_id(path: str) -> tuple[str | None, str]:
    """``/v1/characters/{id}[/rest]`` → (id, rest); anything else → (None, "")."""
    match = _CHARACTER_PATH.match(path)
    return (match["id"], match["rest"] or "") if match else (None, "")


@dataclass
class Request:
    method: str
    path: str
    query: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    notes: dict[str, Any] = field(default_factory=dict)  # what request() wants response() to know

    def json(self) -> Any:
        try:
            return json.loads(self.body) if self.body else None
        except ValueError:
            return None

    @property
    def api_key(self) -> str | None:
        if "x-api-key" in self.headers:
            return self.headers["x-api-key"]
        auth = self.headers.get("authorization", "")
        return auth[7:] if auth.lower().startswith("bearer ") else None


@dataclass
class Response:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def set_json(self, data: Any) -> None:
        self.body = json.dumps(data).encode()

    def envelope(self) -> dict[str, Any] | None:
        """The parsed body when it is the `{"error": {...}}` envelope, else None."""
        body = self.json()
        return body if isinstance(body, dict) and isinstance(body.get("error"), dict) else None


@dataclass
class Modifier:
    """Base: no fault. Subclasses override one hook and name their fault in the docstring."""

    family: ClassVar[str] = ""
    caught_by: ClassVar[str] = ""  # the kit check that must fail against this mutant
    layers: ClassVar[tuple[str, ...]] = ("lifecycle", "behaviour")  # the kit layers that can see the fault

    app: Any = field(default=None, repr=False)
    # Kept for the modifiers of tests/conformance, which were given the two demo keys explicitly.
    other_key: str = ""
    primary_key: str = ""

    # -- hooks ----------------------------------------------------------------------------------------------
    def settings(self, base: Settings) -> Settings:
        """The switch: how the wrapped server is configured (the reference configuration by default)."""
        return base

    def request(self, req: Request) -> Request | Response:
        return req

    def response(self, req: Request, resp: Response) -> Response:
        return resp

    # -- what a fault may reach -----------------------------------------------------------------------------
    @property
    def service(self) -> Any:
        return self.app.state.service

    @property
    def teams(self) -> tuple[Any, ...]:
        return tuple(self.app.state.settings.teams)

    @property
    def contract(self) -> OperationIndex:
        """The tables of the spec the wrapped app serves (versions, version pattern): no copy of our own."""
        return _index(self.app.state.settings.spec_path or SPEC_PATH)

    @property
    def default_version(self) -> str:
        return self.contract.default_version

    def team_of(self, req: Request) -> Any:
        return next((t for t in self.teams if req.api_key and req.api_key in t.api_keys), None)

    def owner(self, character: Character) -> Any:
        return next(t for t in self.teams if t.id == character.team_id)

    def character(self, character_id: object) -> Character | None:
        """Any team's character by id; None for anything else (fuzzed bodies send numbers, lists, …)."""
        return self.service.store.find_any(character_id) if isinstance(character_id, str) and character_id else None

    def own_character(self, req: Request) -> Character | None:
        """The live character the request's path names, if the caller's team owns it."""
        team = self.team_of(req)
        character = self.character(path_id(req.path)[0])
        if team is None or character is None or character.team_id != team.id or character.status is Status.DELETED:
            return None
        self.service.complete_due()
        return self.character(character.id)

    def foreign_character(self, req: Request) -> Character | None:
        """The live character the request's path names, if another team owns it."""
        team = self.team_of(req)
        character = self.character(path_id(req.path)[0])
        if team is None or character is None or character.team_id == team.id or character.status is Status.DELETED:
            return None
        return character

    def store(self, character: Character) -> None:
        self.service.store.put_character(character)

    # -- answers a fault may give ---------------------------------------------------------------------------
    @staticmethod
    def envelope(request_id: str, type: str, code: str, message: str, param: str | None = None) -> dict[str, Any]:
        return {
            "error": {
                "type": type,
                "code": code,
                "message": message,
                "param": param,
                "doc_url": f"https://docs.aurous-labs.com/errors#{code}",
                "request_id": request_id,
            }
        }

    def as_error(
        self, resp: Response, status: int, type: str, code: str, message: str, param: str | None = None
    ) -> Response:
        """The server's own response (its headers kept) turned into this error."""
        request_id = resp.headers.get("aurous-request-id") or new_request_id()
        resp.status = status
        resp.headers["content-type"] = "application/json"
        resp.set_json(self.envelope(request_id, type, code, message, param))
        return resp

    def answer_alone(self, req: Request, status: int, type: str, code: str, message: str) -> Response:
        """An error the fault answers without the server (request id and version echo made up here)."""
        request_id = new_request_id()
        team = self.team_of(req)
        version = req.headers.get("aurous-version") or (team.pinned_version if team else None) or self.default_version
        headers = {"content-type": "application/json", "aurous-request-id": request_id, "aurous-version": version}
        return Response(status, headers, json.dumps(self.envelope(request_id, type, code, message)).encode())


@cache
def _index(spec_path: Path) -> OperationIndex:
    return OperationIndex(load_spec(spec_path))


class Broken:
    """ASGI wrapper applying one modifier to every HTTP exchange of ``app`` (``app.state`` is the app's)."""

    def __init__(self, app: Any, modifier: Modifier) -> None:
        self.app = app
        self.modifier = modifier
        if modifier.app is None:
            modifier.app = app
        self.state = getattr(app, "state", None)

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        chunks = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if message["type"] != "http.request" or not message.get("more_body"):
                break
        req = Request(
            method=scope["method"],
            path=scope["path"],
            query=scope.get("query_string", b"").decode("latin-1"),
            headers={k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]},
            body=b"".join(chunks),
        )
        outcome = self.modifier.request(req)
        if isinstance(outcome, Response):
            await _send(send, outcome)
            return
        req = outcome
        headers = {**req.headers, "content-length": str(len(req.body))} if req.body else req.headers
        scope = {
            **scope,
            "path": req.path,
            "raw_path": req.path.encode(),
            "query_string": req.query.encode("latin-1"),
            "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()],
        }
        sent_body = False

        async def replay() -> dict:
            nonlocal sent_body
            if sent_body:
                return await receive()  # the client's disconnect, if it comes
            sent_body = True
            return {"type": "http.request", "body": req.body, "more_body": False}

        start: dict = {}
        body: list[bytes] = []

        async def capture(message: dict) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                body.append(message.get("body", b""))
                if not message.get("more_body"):
                    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in start.get("headers", [])}
                    resp = Response(start["status"], headers, b"".join(body))
                    await _send(send, self.modifier.response(req, resp))

        await self.app(scope, replay, capture)


async def _send(send: Any, resp: Response) -> None:
    headers = {**resp.headers, "content-length": str(len(resp.body))}
    await send(
        {
            "type": "http.response.start",
            "status": resp.status,
            "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()],
        }
    )
    await send({"type": "http.response.body", "body": resp.body})
