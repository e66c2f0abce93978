"""Status codes and the error envelope: the right answer in the wrong shape, or under the wrong status."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from mutants.broken import CHARACTER_ID, Modifier, Request, Response, path_id

__all__ = [
    "BearerAliasRejected",
    "FlatErrorBody",
    "HtmlOnUnknownRoute",
    "MalformedIdIs400",
    "MissingKeyIs403",
    "NoRequestIdOnSuccess",
    "NotFoundCodeIsNotFound",
    "OtherTeamIs403",
    "ProblemJsonNotFound",
    "ProblemJsonOnMalformedBody",
    "RequestIdBodyDiffersFromHeader",
    "StripeErrorType",
]

_API_ROUTE = re.compile(r"^/v1/(characters|images|balance)(/|$)")


class _EnvelopeFault(Modifier):
    family = "status codes and envelope"


@dataclass
class MalformedIdIs400(_EnvelopeFault):
    """An id that is not a well-formed `char_` ULID answers 400 `invalid_format` (param `id`) instead of the
    404 `resource_not_found` the contract gives any id that names no live character."""

    caught_by = "save_on_malformed_id_is_404_resource_not_found"

    def response(self, req: Request, resp: Response) -> Response:
        character_id = path_id(req.path)[0]
        if resp.status == 404 and character_id and not CHARACTER_ID.match(character_id):
            return self.as_error(resp, 400, "invalid_request", "invalid_format", "id is not a character id.", "id")
        return resp


@dataclass
class OtherTeamIs403(_EnvelopeFault):
    """Another team's character answers 403 `permission_denied` (and so confirms it exists) instead of 404."""

    caught_by = "other_team_read_is_404_resource_not_found"

    def request(self, req: Request) -> Request | Response:
        req.notes["foreign"] = self.foreign_character(req) is not None
        return req

    def response(self, req: Request, resp: Response) -> Response:
        if req.notes["foreign"] and resp.status == 404:
            return self.as_error(resp, 403, "authentication", "permission_denied", "This character is not yours.")
        return resp


@dataclass
class NotFoundCodeIsNotFound(_EnvelopeFault):
    """404s carry `code: not_found` instead of the save page's `resource_not_found`."""

    caught_by = "save_on_unknown_id_is_404_resource_not_found"

    def response(self, req: Request, resp: Response) -> Response:
        body = resp.envelope()
        if resp.status == 404 and body is not None:
            error = body["error"]
            error["code"], error["doc_url"] = "not_found", "https://docs.aurous-labs.com/errors#not_found"
            resp.set_json(body)
        return resp


@dataclass
class StripeErrorType(_EnvelopeFault):
    """400s carry `type: invalid_request_error` (Stripe's word) instead of the contract's `invalid_request`."""

    caught_by = "save_on_synthesizing_is_400_invalid_request_error"

    def response(self, req: Request, resp: Response) -> Response:
        body = resp.envelope()
        if resp.status == 400 and body is not None:
            body["error"]["type"] = "invalid_request_error"
            resp.set_json(body)
        return resp


@dataclass
class FlatErrorBody(_EnvelopeFault):
    """Errors are sent flat, `{"type", "code", …}`, without the `{"error": …}` wrapper."""

    caught_by = "error_body_is_the_aurous_envelope"

    def response(self, req: Request, resp: Response) -> Response:
        body = resp.envelope()
        if resp.status >= 400 and body is not None:
            resp.set_json(body["error"])
        return resp


@dataclass
class NoRequestIdOnSuccess(_EnvelopeFault):
    """`Aurous-Request-Id` is only set by the error renderer: successful responses lack it."""

    caught_by = "every_response_carries_a_request_id"

    def response(self, req: Request, resp: Response) -> Response:
        if resp.status < 400:
            resp.headers.pop("aurous-request-id", None)
        return resp


@dataclass
class RequestIdBodyDiffersFromHeader(_EnvelopeFault):
    """The error body's `request_id` is minted separately from the `Aurous-Request-Id` header."""

    caught_by = "error_body_is_the_aurous_envelope"

    def response(self, req: Request, resp: Response) -> Response:
        body = resp.envelope()
        if resp.status >= 400 and body is not None:
            from mockserver.ids import new_request_id

            body["error"]["request_id"] = new_request_id()
            resp.set_json(body)
        return resp


@dataclass
class ProblemJsonNotFound(_EnvelopeFault):
    """404s leak the framework's RFC 7807 problem+json instead of the Aurous envelope."""

    caught_by = "error_body_is_the_aurous_envelope"

    def response(self, req: Request, resp: Response) -> Response:
        if resp.status == 404:
            resp.headers["content-type"] = "application/problem+json"
            resp.set_json({"type": "about:blank", "title": "Not Found", "status": 404})
        return resp


@dataclass
class ProblemJsonOnMalformedBody(_EnvelopeFault):
    """A request body that is not JSON gets the framework's problem+json 400, not the envelope."""

    caught_by = "malformed_json_body_is_an_invalid_request_envelope"

    def response(self, req: Request, resp: Response) -> Response:
        if resp.status in (400, 404) and req.body and "json" in req.headers.get("content-type", ""):
            try:
                json.loads(req.body)
            except ValueError:
                resp.status = 400
                resp.headers["content-type"] = "application/problem+json"
                problem = {"type": "about:blank", "title": "Bad Request", "detail": "Body is not JSON", "status": 400}
                resp.set_json(problem)
        return resp


@dataclass
class HtmlOnUnknownRoute(_EnvelopeFault):
    """A path no route matches gets the web server's HTML 404 page."""

    caught_by = "unknown_route_is_an_envelope_not_a_framework_page"

    def response(self, req: Request, resp: Response) -> Response:
        if resp.status == 404 and req.path.startswith("/v1/") and not _API_ROUTE.match(req.path):
            resp.headers["content-type"] = "text/html; charset=utf-8"
            resp.body = b"<html><body><h1>404 Not Found</h1></body></html>"
        return resp


@dataclass
class MissingKeyIs403(_EnvelopeFault):
    """A request without a key answers 403 Forbidden instead of 401 `missing_api_key`."""

    caught_by = "missing_api_key_is_401_missing_api_key"

    def response(self, req: Request, resp: Response) -> Response:
        if resp.status == 401 and req.api_key is None:
            return self.as_error(resp, 403, "authentication", "missing_api_key", "No API key provided.")
        return resp


@dataclass
class BearerAliasRejected(_EnvelopeFault):
    """`Authorization: Bearer <key>` is not read: only `X-Api-Key` authenticates."""

    caught_by = "bearer_authorization_is_an_accepted_alias"

    def request(self, req: Request) -> Request | Response:
        req.headers.pop("authorization", None)
        return req
