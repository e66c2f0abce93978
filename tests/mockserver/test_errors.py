"""Every error is the Aurous envelope: Connexion's and Starlette's own included; nothing 500s on input."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.mockserver.conftest import Api, assert_envelope

CHAR = "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR"
JSON = {"Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("method", "path", "content", "code", "param"),
    [
        ("POST", "/v1/images", b"{}", "missing_field", "prompt"),
        ("POST", "/v1/images", b'{"prompt": 5}', "invalid_format", "prompt"),
        ("POST", "/v1/images", b'{"prompt": ""}', "value_out_of_range", "prompt"),
        ("POST", "/v1/images", b'{"prompt": "p", "colour": "red"}', "parameter_unknown", "colour"),
        ("POST", "/v1/characters", b'{"name": "n", "generate": true}', "missing_field", "attributes"),
        ("POST", "/v1/characters", b'{"name": "n", "generate": "yes", "attributes": {}}', "invalid_format", "generate"),
        ("POST", "/v1/characters", b'{"name": "", "generate": true, "attributes": {}}', "value_out_of_range", "name"),
        (
            "POST",
            "/v1/characters",
            b'{"name": "n", "generate": true, "attributes": {"age": 200}}',
            "value_out_of_range",
            "attributes.age",
        ),
        ("POST", f"/v1/characters/{CHAR}/refs/regenerate", b"{}", "missing_field", "pose"),
    ],
)
def test_validation_failures_name_the_field(client, acme, method, path, content, code, param):
    response = client.request(method, path, content=content, headers={**acme.headers, **JSON})

    error = assert_envelope(response, 400, code)
    assert param == error["param"]


@pytest.mark.parametrize(
    ("content", "what"),
    [(b"\xff\xfe", "not utf-8"), (b"{not json", "not json"), (b"null", "null"), (b"[]", "array"), (b'"s"', "string")],
)
@pytest.mark.parametrize("path", ["/v1/characters", "/v1/images", f"/v1/characters/{CHAR}/resynthesize"])
def test_bodies_that_are_not_a_json_object_are_invalid_requests(client, acme, path, content, what):
    response = client.post(path, content=content, headers={**acme.headers, **JSON})

    assert_envelope(response, 400)


@pytest.mark.parametrize("route", ["resynthesize", "refs/regenerate", "patch", "images", "create", "advance"])
def test_a_json_body_sent_without_content_type_is_read_as_json(api, acme, client, route):
    character = api.create_in(acme, "ready")
    path = f"/v1/characters/{character['id']}"
    method, target, body, status = {
        "resynthesize": ("POST", f"{path}/resynthesize", b'{"force_all": true}', 200),
        "refs/regenerate": ("POST", f"{path}/refs/regenerate", b'{"pose": "side"}', 200),
        "patch": ("PATCH", path, b'{"name": "Plain"}', 200),
        "images": ("POST", "/v1/images", b'{"prompt": "p"}', 202),
        "create": ("POST", "/v1/characters", b'{"name": "n", "generate": true, "attributes": {}}', 201),
        "advance": ("POST", "/_mock/clock/advance", b'{"seconds": 1}', 200),
    }[route]
    headers = {} if route == "advance" else acme.headers

    response = client.request(method, target, content=body, headers=headers)

    assert status == response.status_code, response.text


def test_a_missing_required_body_is_an_invalid_request(client, acme):
    response = client.post("/v1/images", headers={**acme.headers, **JSON})

    assert_envelope(response, 400, "missing_field")


def test_an_unknown_route_is_resource_not_found(client, acme):
    response = client.get("/v1/nothing-here", headers=acme.headers)

    assert_envelope(response, 404, "resource_not_found")


def test_an_unknown_route_outside_v1_is_the_envelope_too(client):
    response = client.get("/favicon.ico")

    assert_envelope(response, 404, "resource_not_found")


@pytest.mark.parametrize(
    ("method", "path"), [("PUT", "/v1/characters"), ("GET", f"/v1/characters/{CHAR}/save"), ("POST", "/v1/balance")]
)
def test_a_wrong_method_is_405_in_the_envelope(client, acme, method, path):
    response = client.request(method, path, headers=acme.headers)

    assert_envelope(response, 405)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml"])
def test_a_non_json_content_type_is_415(client, acme, content_type):
    response = client.post(
        "/v1/images", content=b'{"prompt": "p"}', headers={**acme.headers, "Content-Type": content_type}
    )

    assert_envelope(response, 415, "unsupported_media_type")


@pytest.mark.parametrize("path", ["/v1/characters", "/v1/images", f"/v1/characters/{CHAR}"])
def test_a_body_over_one_mebibyte_is_payload_too_large(client, acme, path):
    method = "PATCH" if path.endswith(CHAR) else "POST"
    body = json.dumps({"name": "x" * (1024 * 1024)}).encode()

    response = client.request(method, path, content=body, headers={**acme.headers, **JSON})

    assert_envelope(response, 413, "payload_too_large")


def test_a_body_over_one_mebibyte_sent_without_content_length_is_payload_too_large(client, acme):
    def chunks():
        for _ in range(17):
            yield b"x" * 65536

    response = client.post("/v1/images", content=chunks(), headers={**acme.headers, **JSON})

    assert_envelope(response, 413, "payload_too_large")


def test_an_upload_put_over_ten_mebibytes_is_payload_too_large(client, acme):
    ticket = client.post(
        "/v1/characters/uploads/init", json={"extension": "png", "content_type": "image/png"}, headers=acme.headers
    ).json()

    response = client.put(
        ticket["upload_url"], content=b"x" * (10 * 1024 * 1024 + 1), headers={"Content-Type": "image/png"}
    )

    assert_envelope(response, 413, "payload_too_large")


def test_the_control_api_speaks_the_envelope_too(client):
    responses = [
        client.post("/_mock/clock/advance", json={"seconds": -1}),
        client.post("/_mock/clock/advance", content=b"\xff", headers=JSON),
        client.get(f"/_mock/characters/{CHAR}"),
        client.put(f"/_mock/characters/{CHAR}/status", json={"status": "nonsense"}),
    ]

    statuses = [assert_envelope(r, r.status_code) and r.status_code for r in responses]

    assert [400, 400, 404, 400] == statuses


def test_no_error_is_ever_problem_json_or_html(client, acme):
    responses = [
        client.get("/v1/nothing"),
        client.put("/v1/characters", headers=acme.headers),
        client.post("/v1/images", content=b"x", headers={**acme.headers, "Content-Type": "text/html"}),
        client.post("/v1/images", content=b"{", headers={**acme.headers, **JSON}),
        client.get("/v1/characters", params={"limit": "many"}, headers=acme.headers),
        client.get("/v1/characters/%00", headers=acme.headers),
    ]

    content_types = {r.headers["content-type"] for r in responses}

    assert {"application/json"} == content_types


def test_bad_input_leaves_a_character_exactly_as_it_was(api, acme, client):
    character = api.create_in(acme, "reviewing")
    before = api.inspect(character["id"])
    path = f"/v1/characters/{character['id']}"
    junk = [
        ("PATCH", path, b'{"name": ""}'),
        ("PATCH", path, b'{"name": "ok", "status": "ready"}'),
        ("PATCH", path, b'{"attributes": {"age": -1}}'),
        ("PATCH", path, b'{"attributes": {"shoe_size": "9"}}'),
        ("PATCH", path, b"\xff\xfe"),
        ("PATCH", path, b"null"),
        ("POST", f"{path}/refs/regenerate", b'{"pose": "sideways"}'),
        ("POST", f"{path}/resynthesize", b'{"force_all": "yes"}'),
    ]

    statuses = [client.request(m, p, content=c, headers={**acme.headers, **JSON}).status_code for m, p, c in junk]

    assert all(400 <= status < 500 for status in statuses), statuses
    assert before == api.inspect(character["id"])


# -- fuzz -----------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=12,
)
field_names = st.sampled_from(
    [
        "name",
        "generate",
        "attributes",
        "upload_ids",
        "client_reference_id",
        "pose",
        "prompt_override",
        "force_all",
        "prompt",
        "character_id",
        "upload_id",
        "extension",
        "content_type",
        "filename",
        "status",
        "age",
    ]
)
plausible_objects = st.dictionaries(field_names, json_values, max_size=6)
bodies = st.one_of(
    st.binary(max_size=200),
    json_values.map(lambda v: json.dumps(v).encode()),
    plausible_objects.map(lambda v: json.dumps(v).encode()),
)
content_types = st.sampled_from(
    ["application/json", "application/json; charset=utf-8", "text/plain", "", "application/octet-stream", "image/png"]
)
ids = st.one_of(st.just(CHAR), st.text(min_size=1, max_size=40))
operations = st.sampled_from(
    [
        ("POST", "/v1/characters"),
        ("GET", "/v1/characters"),
        ("GET", "/v1/characters/{id}"),
        ("PATCH", "/v1/characters/{id}"),
        ("DELETE", "/v1/characters/{id}"),
        ("POST", "/v1/characters/{id}/save"),
        ("POST", "/v1/characters/{id}/refs/regenerate"),
        ("POST", "/v1/characters/{id}/resynthesize"),
        ("POST", "/v1/characters/uploads/init"),
        ("PUT", "/v1/characters/uploads/{id}/content"),
        ("POST", "/v1/characters/uploads/classify"),
        ("POST", "/v1/images"),
        ("GET", "/v1/balance"),
        ("POST", "/_mock/clock/advance"),
        ("PUT", "/_mock/characters/{id}/status"),
        ("GET", "/_mock/characters/{id}"),
    ]
)
latin1_text = st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=40)
query = st.dictionaries(st.sampled_from(["limit", "starting_after", "signature"]), st.text(max_size=12), max_size=2)


@pytest.fixture(scope="module")
def fuzz_client():
    from mockserver.app import create_app
    from mockserver.settings import Settings

    app = create_app(Settings(clock="manual", rate_limits=False, synthesis_seconds=0))
    client = app.test_client()
    api = Api(client)
    team = api.teams()[0]
    # A few real rows for the fuzzer to hit.
    api.create_synthesizing(team)
    api.create_uploaded(team)
    return client, team


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(
    operation=operations,
    character_id=ids,
    body=bodies,
    content_type=content_types,
    params=query,
    version=st.one_of(st.none(), st.just("2026-06-19"), latin1_text),
    idempotency_key=st.one_of(st.none(), latin1_text),
    authenticated=st.booleans(),
)
def test_no_input_makes_any_operation_answer_500(
    fuzz_client, operation, character_id, body, content_type, params, version, idempotency_key, authenticated
):
    client, team = fuzz_client
    method, template = operation
    path = template.replace("{id}", quote(character_id, safe=""))
    headers = {"Content-Type": content_type} if content_type else {}
    if authenticated:
        headers["X-Api-Key"] = team.key
    if version is not None:
        headers["Aurous-Version"] = version
    if idempotency_key is not None:
        headers["Idempotency-Key"] = idempotency_key

    raw_headers = {name: value.encode("latin-1") for name, value in headers.items()}  # as a client may send them

    response = client.request(method, path, content=body, headers=raw_headers, params=params)

    assert response.status_code < 500, (response.status_code, response.text)
    if response.status_code >= 400:
        assert_envelope(response, response.status_code)
    else:
        assert response.headers.get("aurous-request-id")


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", "text/plain"])
def test_the_415_message_names_the_header_that_fixes_it(client, acme, content_type):
    # curl -d without -H 'Content-Type: application/json' sends application/x-www-form-urlencoded.
    response = client.post(
        "/v1/images", content=b'{"prompt": "p"}', headers={**acme.headers, "Content-Type": content_type}
    )

    message = assert_envelope(response, 415, "unsupported_media_type")["message"]
    assert content_type in message
    assert "Content-Type: application/json" in message
    assert ("curl" in message) == (content_type == "application/x-www-form-urlencoded")
