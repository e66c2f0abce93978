"""Every operation declares what ARCHITECTURE.md and CONTRACT.md promise: operationIds, vendor extensions,
error responses, response headers and parameters.

The expectations are written here independently of the spec (the table below restates ARCHITECTURE.md's
operationId table and CONTRACT.md's facts), and ``coverage_problems`` returns every gap it finds, so a
test on a deliberately broken copy of the spec proves the checks can fail.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import pytest
from spec_support import iter_operations, load_spec, operation_parameters, resolve


@dataclass(frozen=True)
class Expected:
    operation_id: str
    bucket: str | dict[str, str] | None  # None: unmetered
    credit_cost: int | dict[str, int]
    idempotent: bool
    has_body: bool
    names_ids: bool  # takes an id (path or body) that can name nothing: 404
    authenticated: bool = True


CREATE_BUCKET = {"upload_flow": "characters_post", "synthesize_flow": "characters_synthesize"}
EXPECTED: dict[tuple[str, str], Expected] = {
    ("POST", "/v1/characters"): Expected(
        "createCharacter", CREATE_BUCKET, {"upload_flow": 0, "synthesize_flow": 4}, True, True, True
    ),
    # A bad list cursor is 400 invalid_cursor (a cursor is not a resource lookup), so list has no 404.
    ("GET", "/v1/characters"): Expected("listCharacters", "characters_get", 0, False, False, False),
    ("GET", "/v1/characters/{id}"): Expected("retrieveCharacter", "characters_get", 0, False, False, True),
    ("PATCH", "/v1/characters/{id}"): Expected("updateCharacter", "characters_post", 0, False, True, True),
    ("DELETE", "/v1/characters/{id}"): Expected("deleteCharacter", "characters_post", 0, False, False, True),
    ("POST", "/v1/characters/{id}/save"): Expected("saveCharacter", "characters_post", 0, False, False, True),
    ("POST", "/v1/characters/{id}/refs/regenerate"): Expected(
        "regenerateRef", "characters_synthesize", 1, True, True, True
    ),
    ("POST", "/v1/characters/{id}/resynthesize"): Expected(
        "resynthesizeCharacter", "characters_synthesize", 4, True, True, True
    ),
    ("POST", "/v1/characters/uploads/init"): Expected("initUpload", "characters_post", 0, False, True, False),
    ("PUT", "/v1/characters/uploads/{upload_id}/content"): Expected(
        "putUploadContent", None, 0, False, True, True, authenticated=False
    ),
    ("POST", "/v1/characters/uploads/classify"): Expected("classifyUpload", "characters_post", 0, False, True, True),
    ("POST", "/v1/images"): Expected("createImage", "images_post", 1, True, True, True),
    ("GET", "/v1/balance"): Expected("getBalance", None, 0, False, False, False),
    # Issue 13: webhook endpoints (POST /v1/webhook_endpoints: 10/min, public; test: own bucket, public).
    ("POST", "/v1/webhook_endpoints"): Expected(
        "createWebhookEndpoint", "webhook_endpoints_post", 0, False, True, False
    ),
    ("GET", "/v1/webhook_endpoints"): Expected("listWebhookEndpoints", "webhook_endpoints_get", 0, False, False, False),
    ("GET", "/v1/webhook_endpoints/{id}"): Expected(
        "retrieveWebhookEndpoint", "webhook_endpoints_get", 0, False, False, True
    ),
    ("DELETE", "/v1/webhook_endpoints/{id}"): Expected(
        "deleteWebhookEndpoint", "webhook_endpoints_post", 0, False, False, True
    ),
    ("POST", "/v1/webhook_endpoints/{id}/rotate_secret"): Expected(
        "rotateWebhookSecret", "webhook_endpoints_post", 0, False, False, True
    ),
    ("POST", "/v1/webhook_endpoints/{id}/test"): Expected("testWebhookEndpoint", "webhooks_test", 0, False, True, True),
}

STATUS_ERROR = {  # status -> (error type, codes an example of that status may carry)
    "400": (
        "invalid_request",
        {
            "invalid_format",
            "unknown_version",
            "missing_field",
            "value_out_of_range",
            "parameter_invalid_combination",
            "parameter_unknown",
            "invalid_request_error",
            "upload_invalid",
            "invalid_cursor",
            "upload_expired",
            "character_not_ready",
        },
    ),
    "401": ("authentication", {"missing_api_key", "invalid_api_key", "revoked_api_key", "ambiguous_credentials"}),
    "402": ("invalid_request", {"insufficient_credits"}),
    "404": ("not_found", {"resource_not_found"}),
    "409": ("invalid_request", {"idempotency_key_in_use"}),
    "413": ("invalid_request", {"payload_too_large"}),
    "415": ("invalid_request", {"unsupported_media_type"}),
    "429": ("rate_limit", {"too_many_requests"}),
    # The mock's fault switches (and genuine failures) answer these: declared so that they are contract-valid.
    "500": ("server_error", {"internal_error"}),
    "502": ("server_error", {"internal_error"}),
    "503": ("server_error", {"internal_error"}),
}
ALWAYS_HEADERS = ("Aurous-Version", "Aurous-Request-Id")
RATE_HEADERS = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")


def expected_error_statuses(expected: Expected) -> set[str]:
    statuses = {"400", "500", "502", "503"}
    if expected.authenticated:
        statuses.add("401")
    if expected.credit_cost != 0:
        statuses.add("402")
    if expected.names_ids:
        statuses.add("404")
    if expected.idempotent:
        statuses.add("409")
    if expected.has_body:
        statuses |= {"413", "415"}
    if expected.bucket is not None:
        statuses.add("429")
    return statuses


def _header_problems(spec, where, status, response, expected) -> list[str]:
    problems = []
    headers = {name: resolve(spec, header) for name, header in response.get("headers", {}).items()}

    def require(name: str, required: bool = True) -> None:
        if name not in headers:
            problems.append(f"{where} {status}: header {name} missing")
        elif headers[name].get("required", False) is not required:
            problems.append(f"{where} {status}: header {name} must have required: {str(required).lower()}")

    for name in ALWAYS_HEADERS:
        require(name)
    metered = expected.bucket is not None
    for name in RATE_HEADERS:
        if metered and status != "401":
            require(name)
            if name in headers and resolve(spec, headers[name]["schema"]).get("type") != "integer":
                problems.append(f"{where} {status}: header {name} must be an integer")
        elif name in headers:
            problems.append(f"{where} {status}: header {name} must be absent ({'401' if metered else 'unmetered'})")
    if status == "429":
        require("Retry-After")
    elif "Retry-After" in headers:
        problems.append(f"{where} {status}: Retry-After belongs to 429 only")
    if expected.idempotent and status.startswith("2"):
        require("Aurous-Idempotent-Replayed", required=False)
        replayed = headers.get("Aurous-Idempotent-Replayed", {})
        if resolve(spec, replayed.get("schema", {})).get("enum") != ["true"]:
            problems.append(f"{where} {status}: Aurous-Idempotent-Replayed must be the string enum ['true']")
    elif "Aurous-Idempotent-Replayed" in headers:
        problems.append(f"{where} {status}: Aurous-Idempotent-Replayed belongs to 2xx of idempotent operations")
    return problems


def _error_body_problems(spec, where, status, response) -> list[str]:
    media = response.get("content", {}).get("application/json")
    if media is None or media.get("schema") != {"$ref": "#/components/schemas/Error"}:
        return [f"{where} {status}: error body must be application/json with the Error schema"]
    examples = [resolve(spec, example)["value"] for example in media.get("examples", {}).values()]
    if "example" in media:
        examples.append(media["example"])
    if not examples:
        return [f"{where} {status}: error response without an example"]
    error_type, codes = STATUS_ERROR[status]
    problems = []
    for example in examples:
        error = example["error"]
        if error["type"] != error_type or error["code"] not in codes:
            problems.append(f"{where} {status}: example {error['type']}/{error['code']} does not fit the status")
        if error["doc_url"] != f"https://docs.aurous-labs.com/errors#{error['code']}":
            problems.append(f"{where} {status}: example doc_url does not end with #{error['code']}")
    return problems


def coverage_problems(spec: dict[str, Any]) -> list[str]:
    """Every way the spec falls short of the expectations above (empty when it meets them)."""
    problems = []
    seen = {(method, path) for method, path, _, _ in iter_operations(spec)}
    problems += [f"{method} {path}: operation missing" for method, path in EXPECTED.keys() - seen]
    problems += [f"{method} {path}: operation not in ARCHITECTURE.md" for method, path in seen - EXPECTED.keys()]

    for method, path, operation, item in iter_operations(spec):
        where = f"{method} {path}"
        expected = EXPECTED.get((method, path))
        if expected is None:
            continue
        if operation.get("operationId") != expected.operation_id:
            problems.append(f"{where}: operationId {operation.get('operationId')!r} != {expected.operation_id!r}")
        if operation.get("x-aurous-rate-limit-bucket") != expected.bucket:
            problems.append(f"{where}: x-aurous-rate-limit-bucket {operation.get('x-aurous-rate-limit-bucket')!r}")
        if expected.bucket is None and "x-aurous-rate-limit-bucket" in operation:
            problems.append(f"{where}: unmetered operation must not carry x-aurous-rate-limit-bucket")
        if operation.get("x-aurous-credit-cost") != expected.credit_cost:
            problems.append(f"{where}: x-aurous-credit-cost {operation.get('x-aurous-credit-cost')!r}")
        if operation.get("x-aurous-idempotent") is not expected.idempotent:
            problems.append(f"{where}: x-aurous-idempotent {operation.get('x-aurous-idempotent')!r}")

        params = {(param["in"], param["name"]): param for param in operation_parameters(spec, operation, item)}
        if ("header", "Aurous-Version") not in params:
            problems.append(f"{where}: Aurous-Version parameter missing")
        if (("header", "Idempotency-Key") in params) is not expected.idempotent:
            problems.append(f"{where}: Idempotency-Key parameter {'missing' if expected.idempotent else 'unexpected'}")

        responses = {status: resolve(spec, response) for status, response in operation.get("responses", {}).items()}
        successes = [status for status in responses if status.startswith("2")]
        if len(successes) != 1:
            problems.append(f"{where}: expected exactly one 2xx response, got {successes}")
        declared_errors = {status for status in responses if status[0] in "45"}
        for status in sorted(expected_error_statuses(expected) - declared_errors):
            problems.append(f"{where}: {status} response missing")
        for status in sorted(declared_errors - expected_error_statuses(expected)):
            problems.append(f"{where}: {status} response not expected")
        for status, response in responses.items():
            problems += _header_problems(spec, where, status, response, expected)
            if status in STATUS_ERROR:
                problems += _error_body_problems(spec, where, status, response)
    return problems


SPEC = load_spec()


def test_the_contract_meets_every_expectation():
    assert coverage_problems(SPEC) == []


def _broken(mutate) -> list[str]:
    spec = copy.deepcopy(SPEC)
    mutate(spec)
    return coverage_problems(spec)


@pytest.mark.parametrize(
    ("mutate", "expected_problem"),
    [
        (
            lambda s: s["paths"]["/v1/characters/{id}/save"]["post"]["responses"].pop("429"),
            "POST /v1/characters/{id}/save: 429 response missing",
        ),
        (
            lambda s: s["paths"]["/v1/characters/{id}/save"]["post"]["responses"]["200"]["headers"].pop(
                "X-RateLimit-Reset"
            ),
            "POST /v1/characters/{id}/save 200: header X-RateLimit-Reset missing",
        ),
        (
            lambda s: s["paths"]["/v1/balance"]["get"]["responses"]["200"]["headers"].update(
                {"X-RateLimit-Limit": {"$ref": "#/components/headers/X-RateLimit-Limit"}}
            ),
            "GET /v1/balance 200: header X-RateLimit-Limit must be absent (unmetered)",
        ),
        (
            lambda s: s["paths"]["/v1/images"]["post"].update({"operationId": "images.create"}),
            "POST /v1/images: operationId 'images.create' != 'createImage'",
        ),
        (
            lambda s: s["paths"]["/v1/images"]["post"].update({"x-aurous-credit-cost": 0}),
            "POST /v1/images: x-aurous-credit-cost 0",
        ),
        (
            lambda s: s["components"]["headers"]["Aurous-Request-Id"].update({"required": False}),
            "GET /v1/balance 200: header Aurous-Request-Id must have required: true",
        ),
        (
            lambda s: s["components"]["examples"]["SaveNotSavable"]["value"]["error"].update({"code": "conflict"}),
            "POST /v1/characters/{id}/save 400: example invalid_request/conflict does not fit the status",
        ),
        (
            lambda s: s["paths"]["/v1/characters/{id}/resynthesize"]["post"].update(
                {"parameters": [{"$ref": "#/components/parameters/AurousVersion"}]}
            ),
            "POST /v1/characters/{id}/resynthesize: Idempotency-Key parameter missing",
        ),
    ],
    ids=[
        "missing-429",
        "missing-rate-header",
        "unmetered-with-rate-header",
        "wrong-operation-id",
        "wrong-credit-cost",
        "optional-request-id",
        "wrong-error-code",
        "missing-idempotency-key",
    ],
)
def test_the_coverage_check_fails_on_a_broken_spec(mutate, expected_problem):
    assert expected_problem in _broken(mutate)


def test_root_vendor_extensions_list_buckets_and_versions():
    assert SPEC["x-aurous-rate-limit-buckets"] == {
        "characters_get": {"sustained_per_minute": 120, "burst": 240},
        "characters_post": {"sustained_per_minute": 30, "burst": 60},
        "characters_synthesize": {"sustained_per_minute": 6, "burst": 12},
        "images_post": {"sustained_per_minute": 60, "burst": 120},
        "webhook_endpoints_get": {"sustained_per_minute": 120, "burst": 240},
        "webhook_endpoints_post": {"sustained_per_minute": 10, "burst": 10},
        "webhooks_test": {"sustained_per_minute": 30, "burst": 30},
    }
    assert SPEC["x-aurous-versions"] == {"default": "2026-05-15", "known": ["2026-05-15", "2026-06-19"]}


def test_every_bucket_an_operation_names_is_listed_at_the_root():
    named = set()
    for _, _, operation, _ in iter_operations(SPEC):
        bucket = operation.get("x-aurous-rate-limit-bucket")
        named |= set(bucket.values()) if isinstance(bucket, dict) else {bucket} - {None}

    assert named == set(SPEC["x-aurous-rate-limit-buckets"])


def test_security_is_api_key_or_bearer_everywhere_but_the_signed_upload():
    schemes = SPEC["components"]["securitySchemes"]

    assert SPEC["security"] == [{"ApiKeyAuth": []}, {"BearerAuth": []}]
    assert schemes["ApiKeyAuth"] == {**schemes["ApiKeyAuth"], "type": "apiKey", "in": "header", "name": "X-Api-Key"}
    assert schemes["BearerAuth"] == {**schemes["BearerAuth"], "type": "http", "scheme": "bearer"}
    overrides = {
        f"{method} {path}": op["security"] for method, path, op, _ in iter_operations(SPEC) if "security" in op
    }
    assert overrides == {"PUT /v1/characters/uploads/{upload_id}/content": []}


def test_signed_upload_requires_the_signature_query_parameter():
    method, path, operation, item = next(entry for entry in iter_operations(SPEC) if entry[0] == "PUT")
    params = {(p["in"], p["name"]): p for p in operation_parameters(SPEC, operation, item)}

    assert params[("query", "signature")]["required"] is True
    assert set(operation["requestBody"]["content"]) == {
        "image/jpeg",
        "image/png",
        "image/webp",
        "application/octet-stream",
    }


@pytest.mark.parametrize("name", ["id", "upload_id"])
def test_path_ids_have_no_pattern_so_malformed_ids_are_404(name):
    params = [
        param
        for _, _, operation, item in iter_operations(SPEC)
        for param in operation_parameters(SPEC, operation, item)
        if param["in"] == "path" and param["name"] == name
    ]

    assert params
    assert all(
        resolve(SPEC, param["schema"]) == {**resolve(SPEC, param["schema"]), "type": "string"} for param in params
    )
    assert [param for param in params if "pattern" in param["schema"]] == []


def test_version_and_idempotency_parameters_have_the_contract_bounds():
    version = SPEC["components"]["parameters"]["AurousVersion"]
    key = SPEC["components"]["parameters"]["IdempotencyKey"]

    assert (version["in"], version["required"], version["schema"]["pattern"]) == (
        "header",
        False,
        r"^\d{4}-\d{2}-\d{2}$",
    )
    assert (key["in"], key["schema"]["minLength"], key["schema"]["maxLength"]) == ("header", 1, 256)


def test_error_envelope_matches_the_contract():
    error = SPEC["components"]["schemas"]["Error"]["properties"]["error"]

    assert error["required"] == ["type", "code", "message", "param", "doc_url", "request_id"]
    assert error["properties"]["type"]["enum"] == [
        "invalid_request",
        "authentication",
        "not_found",
        "rate_limit",
        "server_error",
    ]
    assert error["properties"]["param"]["nullable"] is True
    assert error["properties"]["request_id"]["pattern"] == "^req_[0-9A-HJKMNP-TV-Z]{26}$"


def test_character_requires_every_field_and_marks_the_nullable_ones():
    character = SPEC["components"]["schemas"]["Character"]
    nullable = {name for name, prop in character["properties"].items() if resolve(SPEC, prop).get("nullable")}

    assert set(character["required"]) == set(character["properties"])
    assert nullable == {"client_reference_id", "attributes", "error_message"}


def test_request_bodies_reject_unknown_fields():
    schemas = SPEC["components"]["schemas"]
    bodies = [
        "CreateCharacterRequest",
        "UpdateCharacterRequest",
        "RegenerateRefRequest",
        "ResynthesizeRequest",
        "UploadInitRequest",
        "ClassifyRequest",
        "CreateImageRequest",
        "Attributes",
    ]

    assert {name: schemas[name].get("additionalProperties") for name in bodies} == dict.fromkeys(bodies, False)
    assert schemas["UpdateCharacterRequest"]["minProperties"] == 1
    assert set(schemas["UpdateCharacterRequest"]["properties"]) == {"name", "attributes"}
    assert "oneOf" not in schemas["CreateCharacterRequest"]


def test_a_webhook_subscription_takes_exactly_the_event_types_plus_the_wildcard():
    """The event list of CreateWebhookEndpointRequest restates WebhookEventType (so that the validator's
    message names the types); the mock expands "*" to WebhookEventType, so the two must not drift."""
    schemas = SPEC["components"]["schemas"]
    subscribable = schemas["CreateWebhookEndpointRequest"]["properties"]["events"]["items"]["enum"]

    assert subscribable == [*schemas["WebhookEventType"]["enum"], "*"]
    assert schemas["TestWebhookRequest"]["properties"]["event_type"] == {
        "$ref": "#/components/schemas/WebhookEventType"
    }
    assert {
        schemas[name]["additionalProperties"] for name in ("CreateWebhookEndpointRequest", "TestWebhookRequest")
    } == {False}


LIFECYCLE_LINKS = {
    "createCharacter": {
        "retrieveCharacter",
        "saveCharacter",
        "regenerateRef",
        "resynthesizeCharacter",
        "updateCharacter",
        "deleteCharacter",
    },
    **{
        source: {"retrieveCharacter", "saveCharacter", "deleteCharacter"}
        for source in (
            "saveCharacter",
            "retrieveCharacter",
            "updateCharacter",
            "regenerateRef",
            "resynthesizeCharacter",
        )
    },
    "initUpload": {"classifyUpload", "putUploadContent"},
}


def test_links_chain_the_lifecycle_for_stateful_testing():
    operation_ids = {operation["operationId"] for _, _, operation, _ in iter_operations(SPEC)}
    targets = {}
    for _, _, operation, _ in iter_operations(SPEC):
        for response in operation["responses"].values():
            for link in resolve(SPEC, response).get("links", {}).values():
                assert link["operationId"] in operation_ids
                targets.setdefault(operation["operationId"], set()).add(link["operationId"])

    for source, expected_targets in LIFECYCLE_LINKS.items():
        assert expected_targets <= targets.get(source, set()), source
