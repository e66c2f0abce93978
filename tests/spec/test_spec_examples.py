"""Every example in the contract is valid against its schema, with OpenAPI 3.0 semantics (nullable...).

Examples are what the docs show and what the mock may serve, so an invalid one misleads both. The walk
covers schema ``example``s (nested ones included), media-type ``example``/``examples``, parameter and
header examples; ``$ref``s are resolved against the whole document.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from openapi_schema_validator import OAS30Validator, oas30_format_checker
from spec_support import iter_operations, load_spec, resolve

SPEC = load_spec()
SCHEMA_CHILDREN = ("items", "not", "additionalProperties")
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf")


def _walk_schema(schema: Any, where: str) -> Iterator[tuple[str, Any, Any]]:
    if not isinstance(schema, dict) or "$ref" in schema:
        return  # referenced schemas are walked once, from components/schemas
    if "example" in schema:
        yield f"{where}.example", schema, schema["example"]
    for name, child in schema.get("properties", {}).items():
        yield from _walk_schema(child, f"{where}.properties.{name}")
    for key in SCHEMA_CHILDREN:
        yield from _walk_schema(schema.get(key), f"{where}.{key}")
    for key in SCHEMA_LISTS:
        for index, child in enumerate(schema.get(key, [])):
            yield from _walk_schema(child, f"{where}.{key}[{index}]")


def _walk_holder(holder: Any, where: str) -> Iterator[tuple[str, Any, Any]]:
    """A parameter, header or media type: something with a ``schema`` and ``example``/``examples``."""
    holder = resolve(SPEC, holder)
    schema = holder.get("schema")
    if schema is None:
        return
    if "example" in holder:
        yield f"{where}.example", schema, holder["example"]
    for name, example in holder.get("examples", {}).items():
        example = resolve(SPEC, example)
        if "value" in example:
            yield f"{where}.examples.{name}", schema, example["value"]
    yield from _walk_schema(schema, f"{where}.schema")


def _walk_response(response: Any, where: str) -> Iterator[tuple[str, Any, Any]]:
    if "$ref" in response:
        return  # walked from components/responses
    for name, header in response.get("headers", {}).items():
        if "$ref" not in header:
            yield from _walk_holder(header, f"{where}.headers.{name}")
    for media_type, media in response.get("content", {}).items():
        yield from _walk_holder(media, f"{where}.content[{media_type}]")


def iter_examples(spec: dict[str, Any]) -> Iterator[tuple[str, Any, Any]]:
    """Yield (location, schema, example) for every example of the document."""
    components = spec.get("components", {})
    for name, schema in components.get("schemas", {}).items():
        yield from _walk_schema(schema, f"components.schemas.{name}")
    for name, parameter in components.get("parameters", {}).items():
        yield from _walk_holder(parameter, f"components.parameters.{name}")
    for name, header in components.get("headers", {}).items():
        yield from _walk_holder(header, f"components.headers.{name}")
    for name, response in components.get("responses", {}).items():
        yield from _walk_response(response, f"components.responses.{name}")
    for method, path, operation, item in iter_operations(spec):
        where = f"{method} {path}"
        for index, parameter in enumerate([*item.get("parameters", []), *operation.get("parameters", [])]):
            if "$ref" not in parameter:
                yield from _walk_holder(parameter, f"{where}.parameters[{index}]")
        for media_type, media in operation.get("requestBody", {}).get("content", {}).items():
            yield from _walk_holder(media, f"{where}.requestBody[{media_type}]")
        for status, response in operation["responses"].items():
            yield from _walk_response(response, f"{where}.responses.{status}")


def validation_errors(spec: dict[str, Any], schema: Any, example: Any) -> list[str]:
    # A wrapper whose root carries the document's components, so "#/components/..." refs resolve.
    root = {"allOf": [schema], "components": spec.get("components", {})}
    validator = OAS30Validator(root, format_checker=oas30_format_checker)
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
        for error in validator.iter_errors(example)
    ]


EXAMPLES = list(iter_examples(SPEC))


def test_the_walk_finds_examples_everywhere():
    kinds = {
        location.split(".")[1] if location.startswith("components") else "operations" for location, _, _ in EXAMPLES
    }

    assert kinds == {"schemas", "parameters", "headers", "responses", "operations"}
    assert len(EXAMPLES) > 150


@pytest.mark.parametrize(("location", "schema", "example"), EXAMPLES, ids=[location for location, _, _ in EXAMPLES])
def test_example_is_valid_against_its_schema(location, schema, example):
    assert validation_errors(SPEC, schema, example) == []


@pytest.mark.parametrize(
    ("schema", "example"),
    [
        ({"$ref": "#/components/schemas/Character"}, {"id": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR"}),
        ({"$ref": "#/components/schemas/Attributes"}, {"age": 151}),
        ({"$ref": "#/components/schemas/Attributes"}, {"mood": "cheerful"}),
        ({"$ref": "#/components/schemas/Error"}, {"error": {"type": "oops"}}),
        ({"type": "string"}, None),
    ],
    ids=["character-missing-fields", "age-out-of-range", "unknown-attribute", "bad-error-type", "null-not-nullable"],
)
def test_the_validator_rejects_invalid_examples(schema, example):
    assert validation_errors(SPEC, schema, example) != []


def test_nullable_fields_accept_null():
    assert validation_errors(SPEC, {"$ref": "#/components/schemas/Attributes"}, None) == []


def test_every_named_example_component_is_used():
    text = str(SPEC["paths"]) + str(SPEC["components"].get("responses", {}))
    unused = [name for name in SPEC["components"].get("examples", {}) if f"#/components/examples/{name}'" not in text]

    assert unused == []


def _json_media(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for method, path, operation, _ in iter_operations(spec):
        body = resolve(spec, operation.get("requestBody", {}))
        for media_type, media in body.get("content", {}).items():
            yield f"{method} {path} request {media_type}", media
        for status, response in operation["responses"].items():
            for media_type, media in resolve(spec, response).get("content", {}).items():
                yield f"{method} {path} {status} {media_type}", media


def test_every_json_request_body_and_response_shows_an_example():
    # Raw image bytes (the upload PUT) have no meaningful YAML example; every JSON payload has one.
    def has_example(media: dict[str, Any]) -> bool:
        return "example" in media or "examples" in media or "example" in resolve(SPEC, media.get("schema", {}))

    missing = [where for where, media in _json_media(SPEC) if "json" in where and not has_example(media)]

    assert missing == []
