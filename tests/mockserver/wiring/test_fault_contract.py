"""Injected 5xx faults are contract-valid: every operation declares 500, 502 and 503 (issue 10, item 18)."""

from __future__ import annotations

import pytest
from openapi_schema_validator import OAS30Validator
from referencing import Registry, Resource

from aurous_contract import load_spec
from tests.mockserver.wiring.conftest import key_of

SPEC = load_spec()
CHARACTER = "char_01JSCENAR1REV1EW1NG0000000"
CALLS = [
    ("get", "/v1/characters", "/v1/characters", None),
    ("post", "/v1/characters", "/v1/characters", {"name": "A", "generate": True, "attributes": {"age": 3}}),
    ("get", "/v1/characters/{id}", f"/v1/characters/{CHARACTER}", None),
    ("post", "/v1/characters/{id}/save", f"/v1/characters/{CHARACTER}/save", None),
    ("get", "/v1/balance", "/v1/balance", None),
    ("post", "/v1/images", "/v1/images", {"prompt": "a cat"}),
]


def _resolve(node):
    while "$ref" in node:
        target = SPEC
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


@pytest.mark.parametrize("status", [500, 502, 503])
@pytest.mark.parametrize(("method", "template", "path", "body"), CALLS, ids=[f"{c[0]} {c[1]}" for c in CALLS])
def test_an_injected_server_error_is_a_declared_response(client, status, method, template, path, body) -> None:
    key = key_of(client)
    assert client.put("/_mock/faults", json={"error_rate": 1, "error_status": status}).status_code == 200

    response = client.request(method.upper(), path, json=body, headers={"X-Api-Key": key})

    assert response.status_code == status
    declared = _resolve(SPEC["paths"][template][method]["responses"][str(status)])
    for header, definition in declared.get("headers", {}).items():
        if _resolve(definition).get("required"):
            assert header.lower() in response.headers, header
    schema = _resolve(declared["content"]["application/json"]["schema"])
    registry = Registry().with_resource("", Resource.opaque(SPEC))
    OAS30Validator(schema, registry=registry).validate(response.json())
    assert response.json()["error"]["type"] == "server_error"
