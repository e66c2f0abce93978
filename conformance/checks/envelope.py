"""The error envelope, request ids, authentication errors and framework-default shapes."""

from __future__ import annotations

from conformance.checks.base import (
    UNKNOWN_ID,
    Kit,
    behaviour,
    envelope,
    expect_error,
    expect_request_id,
    expect_status,
)
from conformance.failures import MissingRequestId, WrongErrorCode

__all__: list[str] = []


@behaviour("envelope")
def error_body_is_the_aurous_envelope(kit: Kit) -> None:
    """Every error body is {"error": {"type", "code", "message", "param", "doc_url", "request_id"}};
    `doc_url` is `https://docs.aurous-labs.com/errors#<code>`."""
    exchange = kit.client.get(f"/v1/characters/{UNKNOWN_ID}")
    expect_status(exchange, 404, "GET an unknown id")
    envelope(exchange)


@behaviour("envelope")
def every_response_carries_a_request_id(kit: Kit) -> None:
    """`request_id` is `req_<26-char ULID>` and is also sent as the `Aurous-Request-Id` response header on
    every response, success or error."""
    ok = kit.client.get("/v1/characters", params={"limit": 1})
    expect_status(ok, 200, "list")
    first = expect_request_id(ok)
    error = kit.client.get(f"/v1/characters/{UNKNOWN_ID}")
    second = envelope(error)["request_id"]
    if first == second:
        raise MissingRequestId(f"two requests share the request id {first}", exchange=error)


@behaviour("envelope")
def missing_api_key_is_401_missing_api_key(kit: Kit) -> None:
    """Failures: HTTP 401 with `type: authentication` and `code` one of `missing_api_key`, `invalid_api_key`,
    `revoked_api_key` (no key: `missing_api_key`)."""
    exchange = kit.client.get("/v1/characters", auth=False)
    expect_error(exchange, 401, code="missing_api_key", type="authentication", doing="no API key")


@behaviour("envelope")
def invalid_api_key_is_401_invalid_api_key(kit: Kit) -> None:
    """Failures: HTTP 401 with `type: authentication` (a well-formed key no team owns: `invalid_api_key`)."""
    exchange = kit.client.get("/v1/characters", auth=False, headers={"X-Api-Key": "al_live_" + "0" * 64})
    expect_status(exchange, 401, "unknown API key")
    error = envelope(exchange)
    if error["type"] != "authentication" or error["code"] not in ("invalid_api_key", "revoked_api_key"):
        raise WrongErrorCode(
            f"got {error['type']!r}/{error['code']!r}; expected authentication/invalid_api_key", exchange=exchange
        )


@behaviour("envelope")
def bearer_authorization_is_an_accepted_alias(kit: Kit) -> None:
    """`Authorization: Bearer <key>` is an accepted alias."""
    exchange = kit.client.get(
        "/v1/characters", auth=False, params={"limit": 1}, headers={"Authorization": f"Bearer {kit.client.api_key}"}
    )
    expect_status(exchange, 200, "list with Authorization: Bearer")


@behaviour("envelope")
def unknown_route_is_an_envelope_not_a_framework_page(kit: Kit) -> None:
    """No framework-default error shapes (RFC 7807 problem+json or HTML) may reach a client (unknown route)."""
    exchange = kit.client.get("/v1/no-such-resource")
    if exchange.status is not None and exchange.status < 400:
        return
    envelope(exchange)


@behaviour("envelope")
def malformed_json_body_is_an_invalid_request_envelope(kit: Kit) -> None:
    """No framework-default error shapes may reach a client; body validation failures use type
    `invalid_request` (malformed JSON on PATCH)."""
    exchange = kit.client.request(
        "PATCH", f"/v1/characters/{UNKNOWN_ID}", content=b'{"name": ', headers={"Content-Type": "application/json"}
    )
    expect_status(exchange, (400, 404), "malformed JSON body")
    envelope(exchange)


@behaviour("envelope", needs=("ready",))
def rejected_patch_field_is_400_with_param(kit: Kit) -> None:
    """PATCH: only `name` and `attributes`; any other field: 400 with `param` naming the first rejected field."""
    character = kit.character("ready")
    exchange = kit.client.patch(f"/v1/characters/{character['id']}", json_body={"status": "synthesizing"})
    expect_error(exchange, 400, code="parameter_unknown", type="invalid_request", param="status", doing="PATCH status")
