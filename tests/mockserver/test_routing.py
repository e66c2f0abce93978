"""Each request is routed once (routing.py, by the gateway) and every error leaves through one framing."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest
from connexion.middleware.exceptions import ExceptionMiddleware
from connexion.middleware.request_validation import RequestValidationMiddleware
from connexion.middleware.routing import RoutingMiddleware
from connexion.middleware.security import SecurityMiddleware
from connexion.middleware.swagger_ui import SwaggerUIMiddleware

from aurous_contract import load_spec
from mockserver.control.guard import ControlGuard
from mockserver.domain.errors import MethodNotAllowed
from mockserver.frame import RequestFrame
from mockserver.gateway import Gateway
from mockserver.routing import Routes
from tests.mockserver.conftest import Team, assert_envelope

CHAR = "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR"


def _stack(app: Any) -> list[Any]:
    return [m.func if isinstance(m, partial) else m for m in app.middleware.middlewares]


def test_connexion_neither_routes_nor_authenticates_the_gateway_does_both(make_app) -> None:
    stack = _stack(make_app(control_token="t"))

    assert RoutingMiddleware not in stack and SecurityMiddleware not in stack
    # The frame stamps headers on what the exception layer renders, so it is outside it; the gateway's
    # refusals must reach the exception layer, so it is inside it; the guards and docs come after it (a
    # control 401 still echoes the caller's team pin), and it routes before validation reads a route.
    assert stack.index(RequestFrame) < stack.index(ExceptionMiddleware) < stack.index(Gateway)
    assert stack.index(Gateway) < stack.index(ControlGuard) < stack.index(SwaggerUIMiddleware)
    assert stack.index(SwaggerUIMiddleware) < stack.index(RequestValidationMiddleware)


def test_a_save_is_routed_exactly_once(client, acme: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str]] = []
    match = Routes.match

    def counting(self: Routes, method: str, path: str) -> Any:
        calls.append((method, path))
        return match(self, method, path)

    monkeypatch.setattr(Routes, "match", counting)
    response = client.post(f"/v1/characters/{CHAR}/save", headers=acme.headers)

    assert response.status_code == 404
    if calls:  # in-process only: the redis-pair's processes do not share this monkeypatch
        assert calls == [("POST", f"/v1/characters/{CHAR}/save")]


def test_a_gateway_refusal_and_a_validation_refusal_are_framed_alike(client, acme: Team) -> None:
    """The 401 (the gateway's) and the 400 (Connexion's validation) leave through the same exception handlers."""
    refused = client.post("/v1/images", json={"prompt": "p"})
    invalid = client.post("/v1/images", json={}, headers=acme.headers)

    assert_envelope(refused, 401)
    assert_envelope(invalid, 400)
    for response in (refused, invalid):
        assert response.headers["content-type"] == "application/json"
        assert int(response.headers["content-length"]) == len(response.content)
        assert response.headers["aurous-request-id"] == response.json()["error"]["request_id"]
        assert "aurous-version" in response.headers
    assert "x-ratelimit-limit" not in refused.headers  # refused before the bucket
    assert "x-ratelimit-limit" in invalid.headers  # metered, then refused by validation


def test_the_router_prefers_literal_segments_and_lists_a_paths_methods() -> None:
    routes = Routes()
    routes.add_api(load_spec()["paths"], "")

    init = routes.match("POST", "/v1/characters/uploads/init")
    assert init is not None and init.operation_id == "initUpload" and init.path_params == {}
    save = routes.match("POST", f"/v1/characters/{CHAR}/save")
    assert save is not None and save.operation_id == "saveCharacter" and save.path_params == {"id": CHAR}
    assert routes.match("GET", "/v1/nothing") is None
    with pytest.raises(MethodNotAllowed) as refused:
        routes.match("HEAD", f"/v1/characters/{CHAR}")  # HEAD is not an alias of GET here
    assert set(refused.value.allow) == {"GET", "PATCH", "DELETE"}
    assert routes.has_slash_variant("GET", "/v1/balance/") and not routes.has_slash_variant("GET", "/v1/nothing/")


def test_a_head_request_is_a_405_listing_the_paths_methods(client, acme: Team) -> None:
    response = client.request("HEAD", f"/v1/characters/{CHAR}", headers=acme.headers)

    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"GET", "PATCH", "DELETE"}
