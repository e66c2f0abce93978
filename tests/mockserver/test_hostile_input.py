"""Hostile and unusual input (issue 10, items 1-6): every one a clear 4xx in the envelope, nothing stored.

Each JSON-body route of both APIs gets the same treatment, because the body is read, sized and parsed in
one place (``mockserver/requestbody.py``) for every route.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.mockserver.conftest import Api, Team, assert_envelope

# Every route that takes a JSON body, with a body it accepts (the id in paths is filled in by the test).
JSON_ROUTES = [
    ("POST", "/v1/characters", {"name": "A", "generate": True, "attributes": {"age": 3}}),
    ("PATCH", "/v1/characters/{id}", {"name": "B"}),
    ("POST", "/v1/characters/{id}/refs/regenerate", {"pose": "front"}),
    ("POST", "/v1/characters/{id}/resynthesize", {"force_all": True}),
    ("POST", "/v1/characters/uploads/init", {"filename": "a.png", "extension": "png", "content_type": "image/png"}),
    ("POST", "/v1/characters/uploads/classify", {"upload_id": "upl_01JSCENAR1VP10AD0000000000"}),
    ("POST", "/v1/images", {"prompt": "a cat"}),
    ("POST", "/_mock/clock/advance", {"seconds": 1}),
    ("PUT", "/_mock/characters/{id}/status", {"status": "ready"}),
    ("PUT", "/_mock/faults", {"latency_ms": 0}),
    ("PATCH", "/_mock/settings", {"synthesis_seconds": 3}),
    ("PUT", "/_mock/fixtures", {"characters": []}),
]
ROUTE_IDS = [f"{method} {path}" for method, path, _ in JSON_ROUTES]


def _send(api: Api, team: Team, method: str, path: str, character_id: str, **kwargs: Any) -> Any:
    headers = {**team.headers, **kwargs.pop("headers", {})}
    return api.client.request(method, path.format(id=character_id), headers=headers, **kwargs)


@pytest.fixture
def reviewing(api: Api, acme: Team) -> str:
    return api.create_in(acme, "reviewing")["id"]


# -- item 1: chunked bodies ----------------------------------------------------------------------------


def test_a_chunked_json_body_without_content_length_is_accepted(api: Api, acme: Team) -> None:
    def chunks():
        yield b'{"name": "Streamed", "generate": true, '
        yield b'"attributes": {"age": 30}}'

    response = api.client.post(
        "/v1/characters", content=chunks(), headers={**acme.headers, "Content-Type": "application/json"}
    )

    assert response.status_code == 201, response.text
    assert "content-length" not in response.request.headers
    assert response.json()["name"] == "Streamed"


@pytest.mark.parametrize(("method", "path", "body"), JSON_ROUTES, ids=ROUTE_IDS)
def test_every_json_route_answers_a_chunked_body_as_the_same_body_with_content_length(
    api: Api, acme: Team, reviewing: str, method: str, path: str, body: dict[str, Any]
) -> None:
    import json

    plain = _send(api, acme, method, path, reviewing, json=body)
    api.client.post("/_mock/reset")
    reviewing_again = api.create_in(acme, "reviewing")["id"]
    data = json.dumps(body).encode()
    streamed = _send(
        api, acme, method, path, reviewing_again,
        content=iter([data[:5], data[5:]]), headers={"Content-Type": "application/json"},
    )  # fmt: skip

    assert streamed.status_code == plain.status_code, (plain.text, streamed.text)
    if streamed.status_code >= 400:  # classify of an upload that does not exist: the same refusal, not "no body"
        assert streamed.json()["error"]["code"] == plain.json()["error"]["code"] != "missing_field"


@pytest.mark.parametrize("path", ["/v1/characters", "/_mock/clock/advance"])
def test_a_chunked_body_over_the_limit_is_413(api: Api, acme: Team, path: str) -> None:
    def chunks():
        yield b'{"name": "'
        for _ in range(17):
            yield b"x" * 65536
        yield b'"}'

    response = api.client.post(path, content=chunks(), headers={**acme.headers, "Content-Type": "application/json"})

    assert_envelope(response, 413, "payload_too_large")


# -- item 2: media types are case-insensitive, parameters may have spaces -------------------------------


@pytest.mark.parametrize(
    "content_type", ["Application/Json", "APPLICATION/JSON; Charset=UTF-8", "application/json ; charset=utf-8"]
)
@pytest.mark.parametrize(("method", "path", "body"), JSON_ROUTES, ids=ROUTE_IDS)
def test_json_media_type_is_recognised_whatever_its_case_and_spacing(
    api: Api, acme: Team, reviewing: str, content_type: str, method: str, path: str, body: dict[str, Any]
) -> None:
    import json

    plain = _send(api, acme, method, path, reviewing, json=body)
    api.client.post("/_mock/reset")
    reviewing_again = api.create_in(acme, "reviewing")["id"]
    odd = _send(
        api, acme, method, path, reviewing_again, content=json.dumps(body), headers={"Content-Type": content_type}
    )

    assert odd.status_code < 500, odd.text
    assert odd.status_code == plain.status_code, (plain.text, odd.text)
    if odd.status_code >= 400:
        assert odd.json()["error"]["code"] == plain.json()["error"]["code"]


def test_a_media_type_that_is_not_json_is_still_415(api: Api, acme: Team) -> None:
    response = api.client.post("/v1/characters", content=b"{}", headers={**acme.headers, "Content-Type": "text/plain"})

    assert_envelope(response, 415, "unsupported_media_type")


# -- item 3: deep nesting ------------------------------------------------------------------------------


@pytest.mark.parametrize(("method", "path", "body"), JSON_ROUTES, ids=ROUTE_IDS)
def test_deeply_nested_json_is_400_invalid_format(
    api: Api, acme: Team, reviewing: str, method: str, path: str, body: dict[str, Any]
) -> None:
    nested = b'{"name": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"
    headers = {"Content-Type": "application/json", "Idempotency-Key": "deep-1"}

    response = _send(api, acme, method, path, reviewing, content=nested, headers=headers)

    assert_envelope(response, 400, "invalid_format")


def test_nesting_within_the_limit_is_judged_by_the_schema(api: Api, acme: Team) -> None:
    body = b'{"name": "A", "generate": true, "attributes": {"age": 3, "gender": ' + b"[" * 30 + b"]" * 30 + b"}}"

    response = api.client.post(
        "/v1/characters", content=body, headers={**acme.headers, "Content-Type": "application/json"}
    )

    error = assert_envelope(response, 400, "invalid_format")
    assert error["param"] == "attributes.gender"


# -- item 4: strings that are not Unicode scalar values; control characters in names -------------------


@pytest.mark.parametrize("idempotency_key", [None, "surrogate-1"])
def test_a_lone_surrogate_is_400_naming_the_field_and_nothing_is_stored(
    api: Api, acme: Team, idempotency_key: str | None
) -> None:
    body = b'{"name": "Bad \\ud800 name", "generate": true, "attributes": {"age": 3}}'
    headers = {**acme.headers, "Content-Type": "application/json"}
    if idempotency_key:
        headers["Idempotency-Key"] = idempotency_key

    response = api.client.post("/v1/characters", content=body, headers=headers)

    error = assert_envelope(response, 400, "invalid_format")
    assert error["param"] == "name"
    assert api.client.get("/v1/characters", headers=acme.headers).json()["data"] == []


def test_a_lone_surrogate_in_a_nested_field_is_named_by_its_path(api: Api, acme: Team) -> None:
    body = b'{"name": "A", "generate": true, "attributes": {"age": 3, "hair_color": "\\udfff"}}'

    response = api.client.post(
        "/v1/characters", content=body, headers={**acme.headers, "Content-Type": "application/json"}
    )

    assert assert_envelope(response, 400, "invalid_format")["param"] == "attributes.hair_color"


def test_a_surrogate_pair_is_one_valid_character(api: Api, acme: Team) -> None:
    body = b'{"name": "Cat \\ud83d\\ude3a", "generate": true, "attributes": {"age": 3}}'

    response = api.client.post(
        "/v1/characters", content=body, headers={**acme.headers, "Content-Type": "application/json"}
    )

    assert response.status_code == 201, response.text
    assert response.json()["name"] == "Cat \N{SMILING CAT FACE WITH OPEN MOUTH}"


@pytest.mark.parametrize("name", ["nul\u0000inside", "bell\u0007", "line\nbreak", "del\u007f", "c1\u0085"])
def test_control_characters_in_a_name_are_400_naming_the_field(api: Api, acme: Team, name: str) -> None:
    response = api.client.post(
        "/v1/characters", json={"name": name, "generate": True, "attributes": {"age": 3}}, headers=acme.headers
    )

    assert assert_envelope(response, 400, "invalid_format")["param"] == "name"


def test_control_characters_in_a_patched_name_are_400(api: Api, acme: Team, reviewing: str) -> None:
    response = api.client.patch(f"/v1/characters/{reviewing}", json={"name": "a\u0000b"}, headers=acme.headers)

    assert assert_envelope(response, 400, "invalid_format")["param"] == "name"


# -- item 5: NaN and Infinity --------------------------------------------------------------------------


@pytest.mark.parametrize("value", [b"NaN", b"Infinity", b"-Infinity"])
@pytest.mark.parametrize("path", ["/_mock/clock/advance", "/_mock/settings"])
def test_nan_and_infinity_are_not_json_and_get_400(api: Api, path: str, value: bytes) -> None:
    key = b"seconds" if path.endswith("advance") else b"synthesis_seconds"
    method = "POST" if path.endswith("advance") else "PATCH"
    before = api.client.get("/_mock/settings").json()

    response = api.client.request(
        method, path, content=b'{"' + key + b'": ' + value + b"}", headers={"Content-Type": "application/json"}
    )

    assert_envelope(response, 400, "invalid_format")
    assert api.client.get("/_mock/settings").json() == before


# -- item 6: the /_mock routes have the public API's body limit ----------------------------------------


@pytest.mark.parametrize(("method", "path", "body"), [r for r in JSON_ROUTES if r[1].startswith("/_mock")])
def test_control_bodies_over_one_mebibyte_are_413(
    api: Api, acme: Team, reviewing: str, method: str, path: str, body: Any
) -> None:
    big = b'{"pad": "' + b"x" * (1024 * 1024) + b'"}'

    response = _send(api, acme, method, path, reviewing, content=big, headers={"Content-Type": "application/json"})

    assert_envelope(response, 413, "payload_too_large")


# -- item 7 (in-process part): a trailing slash is not a redirect but a 404 in the envelope -------------


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", "/v1/characters/"), ("GET", "/v1/characters/"), ("GET", "/v1/balance/"), ("GET", "/_mock/teams/"),
     ("POST", "/_mock/reset/")],
)  # fmt: skip
def test_a_trailing_slash_is_a_404_in_the_envelope_not_a_redirect(api: Api, acme: Team, method: str, path: str) -> None:
    response = api.client.request(method, path, headers=acme.headers, json={}, follow_redirects=False)

    error = assert_envelope(response, 404, "resource_not_found")
    assert path.rstrip("/") in error["message"]
    assert "location" not in response.headers


def test_the_docs_still_redirect_to_their_slash(api: Api) -> None:
    response = api.client.get("/docs", follow_redirects=False)

    assert response.status_code in (200, 307)
