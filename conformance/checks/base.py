"""How a behaviour check looks, the registry, and the assertions checks share.

A behaviour check is one small function per contract sentence: its docstring is the sentence, its name an
assertion (``save_moves_reviewing_to_ready``). It receives a :class:`Kit`, sends what it needs, and raises a
:mod:`conformance.failures` kind to fail or :class:`~conformance.failures.Skip` when a precondition cannot
be met. ``needs`` names what it requires up front so the runner can skip it without sending anything.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from conformance.client import Client, Exchange
from conformance.contract import Contract
from conformance.failures import (
    MalformedErrorEnvelope,
    MissingRequestId,
    Skip,
    UnexpectedStatus,
    WrongErrorCode,
)
from conformance.fixtures import Fixtures, MockControl

__all__ = [
    "REGISTRY",
    "BehaviourCheck",
    "Kit",
    "behaviour",
    "expect_error",
    "expect_status",
    "character_body",
]

REQUEST_ID = re.compile(r"^req_[0-9A-HJKMNP-TV-Z]{26}$")
ENVELOPE_KEYS = {"type", "code", "message", "param", "doc_url", "request_id"}
ERROR_TYPES = {"invalid_request", "authentication", "not_found", "rate_limit", "server_error"}
UNKNOWN_ID = "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR"


@dataclass
class Kit:
    """What a check may use. ``other`` is another team's client (None without a second key)."""

    client: Client
    contract: Contract
    fixtures: Fixtures
    other: Client | None = None
    mock: MockControl | None = None
    allow_spend: bool = False
    exhaust_rate_limits: bool = False
    pinned_version: str | None = None  # the primary team's pin, when the mock tells it
    other_pinned_version: str | None = None  # the second team's pin, when the mock tells it
    notes: list[str] = field(default_factory=list)
    webhook_listen: str | None = None  # --webhook-listen HOST:PORT (issue 13): where the kit's receiver listens

    def require_other_team(self) -> Client:
        if self.other is None:
            raise Skip("needs a second team's key: pass --other-team-key (the mock provides one itself)")
        return self.other

    def require_spend(self, what: str) -> None:
        if self.mock is None and not self.allow_spend:
            raise Skip(f"{what} costs credits: pass --allow-spend")

    def character(self, state: str, *, client: Client | None = None) -> dict[str, Any]:
        return self.fixtures.get(state, client=client)

    def snapshot(self, character_id: str, client: Client | None = None) -> dict[str, Any]:
        """The owner's view of a character, for "nothing changed" comparisons."""
        exchange = (client or self.client).get(f"/v1/characters/{character_id}")
        expect_status(exchange, 200, "the owner reads its own character")
        return character_body(exchange)


@dataclass(frozen=True)
class BehaviourCheck:
    name: str
    family: str
    rule: str
    func: Callable[[Kit], None]
    needs: tuple[str, ...] = ()
    # "layer" lets the lifecycle layer reuse the same machinery.
    layer: str = "behaviour"


REGISTRY: list[BehaviourCheck] = []


def behaviour(family: str, *, needs: tuple[str, ...] = (), layer: str = "behaviour") -> Callable:
    """Register a check; its docstring (first paragraph) is the contract sentence it enforces."""

    def register(func: Callable[[Kit], None]) -> Callable[[Kit], None]:
        rule = inspect.cleandoc(func.__doc__ or "").split("\n\n")[0].replace("\n", " ")
        REGISTRY.append(BehaviourCheck(func.__name__, family, rule, func, needs, layer))
        return func

    return register


# -- assertions -----------------------------------------------------------------------------------------
def expect_status(exchange: Exchange, expected: int | tuple[int, ...], doing: str) -> None:
    allowed = (expected,) if isinstance(expected, int) else expected
    if exchange.status not in allowed:
        want = " or ".join(map(str, allowed))
        raise UnexpectedStatus(f"{doing}: expected HTTP {want}, got {exchange.status}", exchange=exchange)


def character_body(exchange: Exchange) -> dict[str, Any]:
    body = exchange.json()
    if not isinstance(body, dict) or body.get("object") != "character":
        raise UnexpectedStatus(
            f"expected a character representation, got {exchange.response_body[:200]!r}", exchange=exchange
        )
    return body


def envelope(exchange: Exchange) -> dict[str, Any]:
    """The ``error`` object of an error response, after checking the envelope's shape."""
    if exchange.status is not None and exchange.status < 400:
        raise UnexpectedStatus(f"expected an error response, got HTTP {exchange.status}", exchange=exchange)
    content_type = exchange.header("content-type") or ""
    body = exchange.json()
    if "json" not in content_type or "problem+json" in content_type or not isinstance(body, dict):
        raise MalformedErrorEnvelope(
            f"HTTP {exchange.status} with content-type {content_type!r} is not a JSON error envelope",
            exchange=exchange,
        )
    error = body.get("error")
    if set(body) != {"error"} or not isinstance(error, dict):
        raise MalformedErrorEnvelope(f"top-level keys {sorted(body)}; expected exactly ['error']", exchange=exchange)
    if set(error) != ENVELOPE_KEYS:
        raise MalformedErrorEnvelope(f"error keys {sorted(error)}; expected {sorted(ENVELOPE_KEYS)}", exchange=exchange)
    if error["type"] not in ERROR_TYPES:
        raise MalformedErrorEnvelope(
            f"error type {error['type']!r} is not one of {sorted(ERROR_TYPES)}", exchange=exchange
        )
    if error["doc_url"] != f"https://docs.aurous-labs.com/errors#{error['code']}":
        raise MalformedErrorEnvelope(
            f"doc_url {error['doc_url']!r}; expected https://docs.aurous-labs.com/errors#{error['code']}",
            exchange=exchange,
        )
    expect_request_id(exchange, body_id=error["request_id"])
    return error


def expect_request_id(exchange: Exchange, *, body_id: str | None = None) -> str:
    header = exchange.header("aurous-request-id")
    if header is None or not REQUEST_ID.match(header):
        raise MissingRequestId(f"Aurous-Request-Id header is {header!r}", exchange=exchange)
    if body_id is not None and body_id != header:
        raise MissingRequestId(f"body request_id {body_id!r} differs from header {header!r}", exchange=exchange)
    return header


def expect_error(
    exchange: Exchange,
    status: int,
    *,
    code: str,
    type: str | None = None,
    param: Any = ...,
    doing: str,
) -> dict[str, Any]:
    expect_status(exchange, status, doing)
    error = envelope(exchange)
    if error["code"] != code or (type is not None and error["type"] != type):
        want = f"type {type!r}, code {code!r}" if type else f"code {code!r}"
        raise WrongErrorCode(
            f"{doing}: expected {want}, got type {error['type']!r}, code {error['code']!r}", exchange=exchange
        )
    if param is not ... and error["param"] != param:
        raise WrongErrorCode(f"{doing}: expected param {param!r}, got {error['param']!r}", exchange=exchange)
    return error
