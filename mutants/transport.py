"""Schema and transport: the body, its types and its media type, and a flaky backend."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mutants.broken import Modifier, Request, Response

__all__ = [
    "ClientReferenceIdDropped",
    "IdPrefixLost",
    "IntermittentServerError",
    "StatusUppercase",
    "TimestampsNotZulu",
    "WrongContentType",
]

SCHEMA = ("schema",)
_PREFIXED = re.compile(r"char_([0-9A-HJKMNP-TV-Z]{26})")
_BARE = re.compile(r"(?<![A-Za-z0-9_])([0-9A-HJKMNP-TV-Z]{26})(?![A-Za-z0-9])")
_ZULU = re.compile(r'("(?:created_at|updated_at|deleted_at|expires_at)":\s*"[^"]+?)Z"')


class _WireFault(Modifier):
    family = "schema and transport"


def _walk(value: Any, visit: Any) -> Any:
    if isinstance(value, dict):
        return {k: _walk(v, visit) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, visit) for v in value]
    return visit(value)


@dataclass
class ClientReferenceIdDropped(_WireFault):
    """Characters are serialised without `client_reference_id` (a required field of the representation)."""

    caught_by = "response_schema_conformance"
    layers = SCHEMA

    def response(self, req: Request, resp: Response) -> Response:
        body = resp.json()
        rows = [body] if isinstance(body, dict) and body.get("object") == "character" else []
        rows += (body.get("data") or []) if isinstance(body, dict) and body.get("object") == "list" else []
        rows = [row for row in rows if isinstance(row, dict)]
        dropped = [row.pop("client_reference_id") for row in rows if "client_reference_id" in row]
        if dropped:
            resp.set_json(body)
        return resp


@dataclass
class StatusUppercase(_WireFault):
    """`status` is sent in upper case (`READY`), not as the contract's lower-case enum."""

    caught_by = "save_moves_reviewing_to_ready"

    def response(self, req: Request, resp: Response) -> Response:
        if req.path.startswith("/v1/") and b'"status"' in resp.body:
            resp.body = re.sub(
                rb'"status":\s*"(synthesizing|reviewing|ready|failed|deleted)"',
                lambda m: b'"status":"' + m[1].upper() + b'"',
                resp.body,
            )
        return resp


@dataclass
class IdPrefixLost(_WireFault):
    """Character ids are sent as bare ULIDs, without the `char_` prefix (and accepted back that way)."""

    caught_by = "response_schema_conformance"
    layers = SCHEMA

    def request(self, req: Request) -> Request | Response:
        req.path = _BARE.sub(r"char_\1", req.path)
        req.query = _BARE.sub(r"char_\1", req.query)
        if req.body and req.headers.get("content-type", "").startswith("application/json"):
            req.body = _BARE.sub(r"char_\1", req.body.decode("utf-8", "replace")).encode()
        return req

    def response(self, req: Request, resp: Response) -> Response:
        if req.path.startswith("/v1/") and "json" in resp.headers.get("content-type", ""):
            resp.body = _PREFIXED.sub(r"\1", resp.body.decode("utf-8", "replace")).encode()
        return resp


@dataclass
class TimestampsNotZulu(_WireFault):
    """Timestamps are written with `+00:00` (Python's `isoformat()`), not RFC 3339 UTC with `Z`."""

    caught_by = "response_schema_conformance"
    layers = SCHEMA

    def response(self, req: Request, resp: Response) -> Response:
        if req.path.startswith("/v1/") and resp.status < 300:
            resp.body = _ZULU.sub(r'\1+00:00"', resp.body.decode("utf-8", "replace")).encode()
        return resp


@dataclass
class WrongContentType(_WireFault):
    """Successful JSON answers are labelled `text/plain` (a proxy's default)."""

    caught_by = "content_type_conformance"
    layers = SCHEMA

    def response(self, req: Request, resp: Response) -> Response:
        if req.path.startswith("/v1/") and resp.status < 300 and "json" in resp.headers.get("content-type", ""):
            resp.headers["content-type"] = "text/plain; charset=utf-8"
        return resp


@dataclass
class IntermittentServerError(_WireFault):
    """One request in 25 fails with a 500 `server_error` before reaching the handler (a flaky backend)."""

    caught_by = "not_a_server_error"
    layers = SCHEMA
    every: int = 25
    seen: int = 0

    def request(self, req: Request) -> Request | Response:
        if not req.path.startswith("/v1/"):
            return req
        self.seen += 1
        if self.seen % self.every == 0:
            return self.answer_alone(req, 500, "server_error", "internal_error", "Upstream connection reset.")
        return req
