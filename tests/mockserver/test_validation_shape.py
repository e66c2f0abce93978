"""A request of the wrong shape is refused by the spec's schemas alone, before the domain is reached.

``mockserver/domain`` keeps only the rules JSON Schema cannot express (issue 11); bounds, types, enums,
required and unknown fields are openapi.yaml's, enforced by ``mockserver.validation``. Each case here
is a shape the domain once re-checked by hand: the whole error (status, type, code, param, message) is
asserted, and the message is the validator's wording ("Value out of range at ...", "Unknown field ...:
allowed fields here are ..."), never the domain's old one, so a pass shows the validator answered.
"""

from __future__ import annotations

from typing import Any

import pytest

from aurous_contract import load_spec
from tests.mockserver.conftest import Api, Team, assert_envelope

SYNTH: dict[str, Any] = {"generate": True, "attributes": {}}
UPLOAD: dict[str, Any] = {"extension": "png", "content_type": "image/png"}
ATTRIBUTE_NAMES = "additional_details, age, body_type, ethnicity, eye_color, gender, hair_color, hair_style"
LONG_NAME, LONG_REFERENCE, LONG_TEXT, LONG_PROMPT = "n" * 121, "r" * 257, "t" * 501, "p" * 4001
SEVEN_IDS = [f"upl_{n}" for n in range(7)]


def _cut(value: Any, size: str) -> str:
    """How a message quotes a long value: the first 40 characters of its repr, then its size."""
    return f"{repr(value)[:40]}… ({size})"


def assert_refused(response: Any, expected: tuple[str, str, str]) -> None:
    """A 400 envelope of type invalid_request with this (code, param, message)."""
    error = assert_envelope(response, 400)
    assert ("invalid_request", *expected) == (error["type"], error["code"], error["param"], error["message"])


def _range(param: str, problem: str) -> tuple[str, str, str]:
    return "value_out_of_range", param, f"Value out of range at {param}: {problem}."


def _format(param: str, problem: str) -> tuple[str, str, str]:
    return "invalid_format", param, f"Invalid value at {param}: {problem}."


def _unknown(param: str, allowed: str) -> tuple[str, str, str]:
    return "parameter_unknown", param, f"Unknown field {param}: allowed fields here are {allowed}."


def _missing(param: str) -> tuple[str, str, str]:
    return "missing_field", param, f"Missing required field {param}."


CREATE_FIELDS = "attributes, client_reference_id, generate, name, upload_ids"

# (body, (code, param, message)) for POST /v1/characters
CREATE_CASES = {
    "unknown field": ({"name": "A", **SYNTH, "status": "ready"}, _unknown("status", CREATE_FIELDS)),
    "no name": (SYNTH, _missing("name")),
    "generate not a boolean": (
        {"name": "A", "generate": "yes", "attributes": {}},
        _format("generate", "'yes' is not of type 'boolean'"),
    ),
    "name not a string": ({"name": 5, **SYNTH}, _format("name", "5 is not of type 'string'")),
    "empty name": ({"name": "", **SYNTH}, _range("name", "'' should be non-empty")),
    "name of 121": (
        {"name": LONG_NAME, **SYNTH},
        _range("name", f"{_cut(LONG_NAME, '121 characters')} is too long (at most 120 characters)"),
    ),
    "reference not a string": (
        {"name": "A", "client_reference_id": 5, **SYNTH},
        _format("client_reference_id", "5 is not of type 'string'"),
    ),
    "empty reference": (
        {"name": "A", "client_reference_id": "", **SYNTH},
        _range("client_reference_id", "'' should be non-empty"),
    ),
    "reference of 257": (
        {"name": "A", "client_reference_id": LONG_REFERENCE, **SYNTH},
        _range("client_reference_id", f"{_cut(LONG_REFERENCE, '257 characters')} is too long (at most 256 characters)"),
    ),
    "attributes not an object": (
        {"name": "A", "generate": True, "attributes": "x"},
        _format("attributes", "'x' is not of type 'object'"),
    ),
    "unknown attribute": (
        {"name": "A", "generate": True, "attributes": {"mood": "x"}},
        _unknown("attributes.mood", ATTRIBUTE_NAMES),
    ),
    "age over 150": (
        {"name": "A", "generate": True, "attributes": {"age": 151}},
        _range("attributes.age", "151 is greater than the maximum of 150"),
    ),
    "age under 0": (
        {"name": "A", "generate": True, "attributes": {"age": -1}},
        _range("attributes.age", "-1 is less than the minimum of 0"),
    ),
    "age a string": (
        {"name": "A", "generate": True, "attributes": {"age": "30"}},
        _format("attributes.age", "'30' is not of type 'integer'"),
    ),
    "age a boolean": (
        {"name": "A", "generate": True, "attributes": {"age": True}},
        _format("attributes.age", "True is not of type 'integer'"),
    ),
    "attribute of 501": (
        {"name": "A", "generate": True, "attributes": {"gender": LONG_TEXT}},
        _range("attributes.gender", f"{_cut(LONG_TEXT, '501 characters')} is too long (at most 500 characters)"),
    ),
    "attribute not a string": (
        {"name": "A", "generate": True, "attributes": {"gender": 5}},
        _format("attributes.gender", "5 is not of type 'string'"),
    ),
    "upload_ids not a list": (
        {"name": "A", "upload_ids": "upl_1"},
        _format("upload_ids", "'upl_1' is not of type 'array'"),
    ),
    "an upload id not a string": (
        {"name": "A", "upload_ids": [1]},
        _format("upload_ids[0]", "1 is not of type 'string'"),
    ),
    "no upload ids": ({"name": "A", "upload_ids": []}, _range("upload_ids", "[] should be non-empty")),
    "seven upload ids": (
        {"name": "A", "upload_ids": SEVEN_IDS},
        _range("upload_ids", f"{_cut(SEVEN_IDS, '7 items')} is too long (at most 6 items)"),
    ),
    "a repeated upload id": (
        {"name": "A", "upload_ids": ["upl_1", "upl_1"]},
        _format("upload_ids", "['upl_1', 'upl_1'] has non-unique elements"),
    ),
}


@pytest.mark.parametrize(("body", "expected"), CREATE_CASES.values(), ids=CREATE_CASES.keys())
def test_create_of_the_wrong_shape_is_refused_by_the_schema(
    api: Api, acme: Team, body: dict[str, Any], expected: tuple[str, str, str]
) -> None:
    response = api.client.post("/v1/characters", json=body, headers=acme.headers)

    assert_refused(response, expected)
    assert ([], acme.credits) == (
        api.client.get("/v1/characters", headers=acme.headers).json()["data"],
        api.balance(acme),
    )


UPDATE_CASES = {
    "empty": ({}, ("missing_field", None, "The body must contain at least one field.")),
    "unknown field": ({"name": "B", "refs": []}, _unknown("refs", "attributes, name")),
    "empty name": ({"name": ""}, _range("name", "'' should be non-empty")),
    "name of 121": (
        {"name": LONG_NAME},
        _range("name", f"{_cut(LONG_NAME, '121 characters')} is too long (at most 120 characters)"),
    ),
    "age over 150": ({"attributes": {"age": 151}}, _range("attributes.age", "151 is greater than the maximum of 150")),
    "unknown attribute": ({"attributes": {"mood": "x"}}, _unknown("attributes.mood", ATTRIBUTE_NAMES)),
}


@pytest.mark.parametrize(("body", "expected"), UPDATE_CASES.values(), ids=UPDATE_CASES.keys())
def test_a_patch_of_the_wrong_shape_is_refused_by_the_schema_and_changes_nothing(
    api: Api, acme: Team, body: dict[str, Any], expected: tuple[str, str | None, str]
) -> None:
    character = api.create_in(acme, "ready")
    before = api.inspect(character["id"])

    response = api.client.patch(f"/v1/characters/{character['id']}", json=body, headers=acme.headers)

    assert_refused(response, expected)
    assert before == api.inspect(character["id"])


@pytest.mark.parametrize(
    ("limit", "code", "problem"),
    [
        ("0", "value_out_of_range", "0 is less than the minimum of 1"),
        ("101", "value_out_of_range", "101 is greater than the maximum of 100"),
        ("abc", "invalid_format", "'abc' is not of type 'integer'"),
    ],
)
def test_a_limit_outside_1_to_100_is_refused_by_the_schema(
    api: Api, acme: Team, limit: str, code: str, problem: str
) -> None:
    response = api.client.get("/v1/characters", params={"limit": limit}, headers=acme.headers)

    error = assert_envelope(response, 400)
    assert ("invalid_request", code, "limit", f"Invalid query parameter limit: {problem}") == (
        error["type"],
        error["code"],
        error["param"],
        error["message"],
    )


def test_regenerating_the_other_pose_is_refused_by_the_schema(api: Api, acme: Team) -> None:
    character = api.create_in(acme, "ready")

    response = api.client.post(
        f"/v1/characters/{character['id']}/refs/regenerate", json={"pose": "other"}, headers=acme.headers
    )

    error = assert_envelope(response, 400)
    expected = _format("pose", "'other' is not one of ['portrait', 'front', 'side', 'back']")
    assert ("invalid_request", *expected) == (error["type"], error["code"], error["param"], error["message"])
    assert acme.credits - 4 == api.balance(acme)  # the create's four; the regenerate charged nothing


INIT_CASES = {
    "unknown field": ({**UPLOAD, "size": 1}, _unknown("size", "content_type, extension, filename")),
    "no extension": ({"content_type": "image/png"}, _missing("extension")),
    "no content_type": ({"extension": "png"}, _missing("content_type")),
    "content_type not an image": (
        {"extension": "png", "content_type": "image/gif"},
        _format("content_type", "'image/gif' is not one of ['image/jpeg', 'image/png', 'image/webp']"),
    ),
    "extension not an image": (
        {"extension": "gif", "content_type": "image/png"},
        _format("extension", "'gif' is not one of ['jpeg', 'jpg', 'png', 'webp']"),
    ),
    "filename not a string": ({**UPLOAD, "filename": 5}, _format("filename", "5 is not of type 'string'")),
    "empty filename": ({**UPLOAD, "filename": ""}, _range("filename", "'' should be non-empty")),
    "filename of 121": (
        {**UPLOAD, "filename": LONG_NAME},
        _range("filename", f"{_cut(LONG_NAME, '121 characters')} is too long (at most 120 characters)"),
    ),
}


@pytest.mark.parametrize(("body", "expected"), INIT_CASES.values(), ids=INIT_CASES.keys())
def test_an_upload_ticket_of_the_wrong_shape_is_refused_by_the_schema(
    api: Api, acme: Team, body: dict[str, Any], expected: tuple[str, str, str]
) -> None:
    response = api.client.post("/v1/characters/uploads/init", json=body, headers=acme.headers)

    assert_refused(response, expected)


IMAGE_CASES = {
    "unknown field": ({"prompt": "p", "colour": "red"}, _unknown("colour", "character_id, prompt")),
    "no prompt": ({}, _missing("prompt")),
    "prompt not a string": ({"prompt": 5}, _format("prompt", "5 is not of type 'string'")),
    "empty prompt": ({"prompt": ""}, _range("prompt", "'' should be non-empty")),
    "prompt of 4001": (
        {"prompt": LONG_PROMPT},
        _range("prompt", f"{_cut(LONG_PROMPT, '4001 characters')} is too long (at most 4000 characters)"),
    ),
    "character_id not a string": (
        {"prompt": "p", "character_id": 5},
        _format("character_id", "5 is not of type 'string'"),
    ),
}


@pytest.mark.parametrize(("body", "expected"), IMAGE_CASES.values(), ids=IMAGE_CASES.keys())
def test_an_image_of_the_wrong_shape_is_refused_by_the_schema_and_costs_nothing(
    api: Api, acme: Team, body: dict[str, Any], expected: tuple[str, str, str]
) -> None:
    response = api.client.post("/v1/images", json=body, headers=acme.headers)

    assert_refused(response, expected)
    assert acme.credits == api.balance(acme)


def test_a_forced_status_outside_the_control_specs_enum_is_refused_by_its_schema(api: Api, acme: Team) -> None:
    character = api.create_in(acme, "ready")

    response = api.client.put(f"/_mock/characters/{character['id']}/status", json={"status": "gone"})

    error = assert_envelope(response, 400)
    expected = _format("status", "'gone' is not one of ['synthesizing', 'reviewing', 'ready', 'failed', 'deleted']")
    assert ("invalid_request", *expected) == (error["type"], error["code"], error["param"], error["message"])
    assert "ready" == api.inspect(character["id"])["status"]


PUT_MEDIA_TYPES = "image/jpeg or image/png or image/webp or application/octet-stream"


@pytest.mark.parametrize(
    ("content_type", "data", "status", "code", "message"),
    [
        (
            "image/gif",
            b"GIF89a",
            415,
            "unsupported_media_type",
            f"Content-Type image/gif is not accepted here: send the body as {PUT_MEDIA_TYPES}, "
            "with the header 'Content-Type: image/jpeg'.",
        ),
        (
            "image/png",
            b"x" * (10 * 1_048_576 + 1),
            413,
            "payload_too_large",
            "Request body is larger than the 10485760-byte limit of this operation.",
        ),
    ],
    ids=["media type", "over 10 MiB"],
)
def test_upload_bytes_of_the_wrong_media_type_or_size_are_refused_before_the_upload_is_touched(
    api: Api, acme: Team, content_type: str, data: bytes, status: int, code: str, message: str
) -> None:
    ticket = api.client.post("/v1/characters/uploads/init", json=UPLOAD, headers=acme.headers).json()

    response = api.client.put(ticket["upload_url"], content=data, headers={"Content-Type": content_type})

    error = assert_envelope(response, status)
    assert ("invalid_request", code, None, message) == (error["type"], error["code"], error["param"], error["message"])
    classify = api.client.post(
        "/v1/characters/uploads/classify", json={"upload_id": ticket["upload_id"]}, headers=acme.headers
    )
    assert "upload_invalid" == classify.json()["error"]["code"]  # still no bytes: nothing was stored


# -- webhook endpoints: the hub (mockserver/webhooks/hub.py) keeps only the per-team count ---------------

WEBHOOK_SCHEMAS = load_spec()["components"]["schemas"]
URL_PATTERN = WEBHOOK_SCHEMAS["CreateWebhookEndpointRequest"]["properties"]["url"]["pattern"]
EVENT_TYPES = WEBHOOK_SCHEMAS["WebhookEventType"]["enum"]
HOOK = "https://hooks.example.com/aurous"
LONG_URL = HOOK + "/" + "a" * 2048
WEBHOOK_FIELDS = "description, events, metadata, url"
FIFTY_ONE_KEYS = {f"k{n}": "v" for n in range(51)}
THIRTEEN_EVENTS = [*EVENT_TYPES, "*", "*"]

# (body, (code, param, message)) for POST /v1/webhook_endpoints
WEBHOOK_CASES = {
    "unknown field": ({"url": HOOK, "events": ["*"], "secret": "mine"}, _unknown("secret", WEBHOOK_FIELDS)),
    "no url": ({"events": ["*"]}, _missing("url")),
    "url not a string": ({"url": 5, "events": ["*"]}, _format("url", "5 is not of type 'string'")),
    "url of 2074": (
        {"url": LONG_URL, "events": ["*"]},
        _range("url", f"{_cut(LONG_URL, f'{len(LONG_URL)} characters')} is too long (at most 2048 characters)"),
    ),
    "plain http beyond loopback": (
        {"url": "http://hooks.example.com", "events": ["*"]},
        _format("url", f"'http://hooks.example.com' does not match the pattern {URL_PATTERN}"),
    ),
    "http to a look-alike of localhost": (
        {"url": "http://localhost.evil.example/hook", "events": ["*"]},
        _format("url", f"'http://localhost.evil.example/hook' does not match the pattern {URL_PATTERN}"),
    ),
    "no events": ({"url": HOOK}, _missing("events")),
    "events not a list": ({"url": HOOK, "events": "*"}, _format("events", "'*' is not of type 'array'")),
    "no event types": ({"url": HOOK, "events": []}, _range("events", "[] should be non-empty")),
    "thirteen event types": (
        {"url": HOOK, "events": THIRTEEN_EVENTS},
        _range("events", f"{_cut(THIRTEEN_EVENTS, '13 items')} is too long (at most 12 items)"),
    ),
    "an unknown event type": (
        {"url": HOOK, "events": ["character.completed", "character.created"]},
        _format("events[1]", f"'character.created' is not one of {[*EVENT_TYPES, '*']}"),
    ),
    "description not a string": (
        {"url": HOOK, "events": ["*"], "description": 5},
        _format("description", "5 is not of type 'string'"),
    ),
    "description of 501": (
        {"url": HOOK, "events": ["*"], "description": LONG_TEXT},
        _range("description", f"{_cut(LONG_TEXT, '501 characters')} is too long (at most 500 characters)"),
    ),
    "metadata not an object": (
        {"url": HOOK, "events": ["*"], "metadata": "env"},
        _format("metadata", "'env' is not of type 'object'"),
    ),
    "metadata null": (
        {"url": HOOK, "events": ["*"], "metadata": None},
        _format("metadata", "None is not of type 'object'"),
    ),
    "metadata of 51 keys": (
        {"url": HOOK, "events": ["*"], "metadata": FIFTY_ONE_KEYS},
        _range("metadata", f"{_cut(FIFTY_ONE_KEYS, '51 keys')} has too many properties (at most 50 keys)"),
    ),
    "a metadata value not a string": (
        {"url": HOOK, "events": ["*"], "metadata": {"env": 5}},
        _format("metadata.env", "5 is not of type 'string'"),
    ),
    "a metadata value of 501": (
        {"url": HOOK, "events": ["*"], "metadata": {"env": LONG_TEXT}},
        _range("metadata.env", f"{_cut(LONG_TEXT, '501 characters')} is too long (at most 500 characters)"),
    ),
}


@pytest.mark.parametrize(("body", "expected"), WEBHOOK_CASES.values(), ids=WEBHOOK_CASES.keys())
def test_a_webhook_endpoint_of_the_wrong_shape_is_refused_by_the_schema_and_registers_nothing(
    api: Api, acme: Team, body: dict[str, Any], expected: tuple[str, str, str]
) -> None:
    response = api.client.post("/v1/webhook_endpoints", json=body, headers=acme.headers)

    assert_refused(response, expected)
    assert [] == api.client.get("/_mock/webhooks/endpoints").json()


TEST_FIRE_CASES = {
    "unknown field": ({"event_type": "character.completed", "data": {}}, _unknown("data", "event_type")),
    "no event_type": ({}, _missing("event_type")),
    "event_type not a string": ({"event_type": 5}, _format("event_type", "5 is not of type 'string'")),
    "an unknown event type": (
        {"event_type": "character.created"},
        _format("event_type", f"'character.created' is not one of {EVENT_TYPES}"),
    ),
    "the wildcard": ({"event_type": "*"}, _format("event_type", f"'*' is not one of {EVENT_TYPES}")),
}


@pytest.mark.parametrize(("body", "expected"), TEST_FIRE_CASES.values(), ids=TEST_FIRE_CASES.keys())
def test_a_test_fire_of_the_wrong_shape_is_refused_by_the_schema_and_sends_nothing(
    api: Api, acme: Team, body: dict[str, Any], expected: tuple[str, str, str]
) -> None:
    registered = api.client.post(
        "/v1/webhook_endpoints", json={"url": "https://127.0.0.1:9/never", "events": ["*"]}, headers=acme.headers
    )
    assert 201 == registered.status_code, registered.text

    response = api.client.post(f"/v1/webhook_endpoints/{registered.json()['id']}/test", json=body, headers=acme.headers)

    assert_refused(response, expected)
    assert [] == api.client.get("/_mock/webhooks/deliveries").json()


FAULT_FIELDS = "delay_seconds, duplicate, out_of_order, seed"

# (body, (code, param, message)) for PUT /_mock/webhooks/faults (control.yaml's WebhookFaults)
WEBHOOK_FAULT_CASES = {
    "unknown field": ({"unknown": 1}, _unknown("unknown", FAULT_FIELDS)),
    "duplicate not a boolean": ({"duplicate": "yes"}, _format("duplicate", "'yes' is not of type 'boolean'")),
    "out_of_order not a boolean": ({"out_of_order": 1}, _format("out_of_order", "1 is not of type 'boolean'")),
    "negative delay": ({"delay_seconds": -1}, _range("delay_seconds", "-1 is less than the minimum of 0")),
    "delay over a day": (
        {"delay_seconds": 86_401},
        _range("delay_seconds", "86401 is greater than the maximum of 86400"),
    ),
    "delay a boolean": ({"delay_seconds": True}, _format("delay_seconds", "True is not of type 'number'")),
    "seed not an integer": ({"seed": 1.5}, _format("seed", "1.5 is not of type 'integer'")),
    "seed a boolean": ({"seed": False}, _format("seed", "False is not of type 'integer'")),
}


@pytest.mark.parametrize(("body", "expected"), WEBHOOK_FAULT_CASES.values(), ids=WEBHOOK_FAULT_CASES.keys())
def test_webhook_faults_of_the_wrong_shape_are_refused_by_the_control_schema_and_change_nothing(
    api: Api, body: dict[str, Any], expected: tuple[str, str, str]
) -> None:
    before = api.client.get("/_mock/webhooks/faults").json()

    response = api.client.put("/_mock/webhooks/faults", json=body)

    assert_refused(response, expected)
    assert before == api.client.get("/_mock/webhooks/faults").json()


# (body, (code, param, message)) for POST /_mock/webhooks/events
WEBHOOK_EVENT_CASES = {
    "no endpoint_id": ({"type": "character.completed"}, _missing("endpoint_id")),
    "endpoint_id not a string": ({"endpoint_id": 5}, _format("endpoint_id", "5 is not of type 'string'")),
    "unknown field": ({"endpoint_id": "we_1", "data": {}}, _unknown("data", "character_id, endpoint_id, type")),
}


@pytest.mark.parametrize(("body", "expected"), WEBHOOK_EVENT_CASES.values(), ids=WEBHOOK_EVENT_CASES.keys())
def test_a_control_event_of_the_wrong_shape_is_refused_by_the_control_schema(
    api: Api, body: dict[str, Any], expected: tuple[str, str, str]
) -> None:
    response = api.client.post("/_mock/webhooks/events", json=body)

    assert_refused(response, expected)
    assert [] == api.client.get("/_mock/webhooks/deliveries").json()


def test_a_control_event_of_a_type_outside_the_specs_taxonomy_is_refused_by_the_hub(api: Api, acme: Team) -> None:
    """control.yaml takes any string as `type`; the hub checks it against the spec's WebhookEventType."""
    registered = api.client.post(
        "/v1/webhook_endpoints", json={"url": "https://127.0.0.1:9/never", "events": ["*"]}, headers=acme.headers
    )
    assert 201 == registered.status_code, registered.text

    response = api.client.post(
        "/_mock/webhooks/events", json={"endpoint_id": registered.json()["id"], "type": "character.created"}
    )

    error = assert_envelope(response, 400)
    assert ("invalid_request", "invalid_format", "type", "Unknown event type 'character.created'.") == (
        error["type"],
        error["code"],
        error["param"],
        error["message"],
    )
    assert [] == api.client.get("/_mock/webhooks/deliveries").json()
