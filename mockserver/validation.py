"""Connexion's request validation, speaking the contract's error codes.

Connexion validates parameters and bodies against the spec, but reports problems as RFC 7807 strings.
These subclasses keep its validation and raise domain errors instead, so the client gets a ``code`` to
switch on and a ``param`` naming the offending field:

- a missing required property → ``missing_field``; a property the schema does not allow →
  ``parameter_unknown``; a bound (length, range, item count) → ``value_out_of_range``; a wrong type,
  enum, pattern or format, or a body that is not JSON (or not UTF-8) → ``invalid_format``.
- a path parameter that fails its schema names no character of the caller's: ``resource_not_found``
  (CONTRACT: malformed ids are 404, never 400).
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, Iterable
from typing import Any

from connexion.exceptions import TypeValidationError
from connexion.json_schema import Draft4RequestValidator
from connexion.validators import JSONRequestBodyValidator, ParameterValidator
from jsonschema import Draft4Validator, ValidationError
from starlette.datastructures import Headers
from starlette.types import Receive, Scope

from mockserver.domain.errors import InvalidRequest, NotFound
from mockserver.schema_messages import readable_message

_RANGE_KEYWORDS = {
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "maxProperties",
}


def param_path(parts: Iterable[Any]) -> str | None:
    """`attributes.age`, `upload_ids[2]`: the location of a field inside a JSON body."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or None


def error_for(error: ValidationError) -> InvalidRequest:
    """The contract error for one jsonschema failure (the most relevant one, as jsonschema ranks them)."""
    location = list(error.absolute_path)
    keyword = error.validator
    # jsonschema types these as "maybe unset"; for the two keywords below they are the schema's values.
    instance: Any = error.instance
    schema: Any = error.schema
    if keyword == "required":
        required: Any = error.validator_value
        missing = next(name for name in required if name not in instance)
        field = param_path([*location, missing])
        return InvalidRequest(f"Missing required field {field}.", code="missing_field", param=field)
    if keyword == "additionalProperties":
        allowed = set(schema.get("properties", {}))
        extra = next(name for name in instance if name not in allowed)
        field = param_path([*location, extra])
        return InvalidRequest(
            f"Unknown field {field}: allowed fields here are {', '.join(sorted(allowed)) or 'none'}.",
            code="parameter_unknown",
            param=field,
        )
    if keyword == "minProperties" and not error.instance:
        return InvalidRequest("The body must contain at least one field.", code="missing_field", param=None)
    field = param_path(location)
    where = f" at {field}" if field else ""
    if keyword in _RANGE_KEYWORDS:
        return InvalidRequest(
            f"Value out of range{where}: {readable_message(error)}.", code="value_out_of_range", param=field
        )
    return InvalidRequest(f"Invalid value{where}: {readable_message(error)}.", code="invalid_format", param=field)


class ContractJSONBodyValidator(JSONRequestBodyValidator):
    async def wrap_receive(self, receive: Receive, *, scope: Scope) -> tuple[Receive, Scope]:
        headers = Headers(scope=scope)
        if self._required and not int(headers.get("content-length") or 0):
            raise InvalidRequest("A JSON request body is required.", code="missing_field", param=None)
        if "content-type" not in headers:
            # Connexion validates a body sent without Content-Type as the operation's JSON, but then hands
            # the handler the raw bytes (500s, or `param: 123` from iterating them). Declare the JSON it was
            # validated as, so that the handler reads the very same body.
            scope = {**scope, "headers": [*scope["headers"], (b"content-type", b"application/json")]}
        return await super().wrap_receive(receive, scope=scope)

    async def _parse(self, stream: AsyncGenerator[bytes, None], scope: Scope) -> Any:
        raw = b"".join([chunk async for chunk in stream])
        if not raw:
            return None
        try:
            body = json.loads(raw.decode(self._encoding))
        except (UnicodeDecodeError, LookupError):
            raise InvalidRequest(
                f"The request body is not valid {self._encoding} text.", code="invalid_format"
            ) from None
        except ValueError as exc:
            raise InvalidRequest(f"The request body is not valid JSON: {exc}.", code="invalid_format") from None
        if body is None and not self._nullable:
            # An explicit JSON `null`; an absent body (optional bodies) is None too but never gets here.
            raise InvalidRequest("The request body must be a JSON object, not null.", code="invalid_format")
        return body

    def _validate(self, body: Any) -> None:
        if body is None:
            return  # absent and optional (a required one was refused in wrap_receive)
        validator = Draft4RequestValidator(self._schema, format_checker=Draft4Validator.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(body), key=lambda e: (list(e.absolute_path), e.validator != "required"))
        if errors:
            raise error_for(errors[0])


class ContractParameterValidator(ParameterValidator):
    def validate_request(self, request: Any) -> None:
        for param in self.parameters.get("path", []):
            if self.validate_path_parameter(param, request):
                raise NotFound("No such resource for this team.", param=None)
        for location in ("query", "header", "cookie"):
            for param in self.parameters.get(location, []):
                try:
                    problem = getattr(self, f"validate_{location}_parameter")(param, request)
                except TypeValidationError as exc:
                    raise InvalidRequest(str(exc.detail), code="invalid_format", param=param["name"]) from None
                if problem:
                    raise _parameter_error(param, problem)


def _parameter_error(param: dict[str, Any], problem: str) -> InvalidRequest:
    name = param["name"]
    if problem.startswith("Missing"):
        return InvalidRequest(f"Missing required {param['in']} parameter {name}.", code="missing_field", param=name)
    schema = param.get("schema", {})
    bounded = any(keyword in schema for keyword in _RANGE_KEYWORDS)
    code = "value_out_of_range" if bounded and "is not of type" not in problem else "invalid_format"
    return InvalidRequest(f"Invalid {param['in']} parameter {name}: {problem.splitlines()[0]}", code=code, param=name)
