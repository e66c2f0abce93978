"""The error tree: each class carries what the client sees (HTTP status, ``type``, ``code``).

    AurousError                      base; never raised itself
    ├── InvalidRequest               400 invalid_request   code per instance (default invalid_request_error)
    │   ├── InvalidState             400 invalid_request   invalid_request_error (action not allowed in this status)
    │   ├── CharacterNotReady        400 invalid_request   character_not_ready   (param character_id)
    │   ├── UploadInvalid            400 invalid_request   upload_invalid        (param upload_ids)
    │   ├── UploadExpired            400 invalid_request   upload_expired
    │   ├── UnknownVersion           400 invalid_request   unknown_version       (param Aurous-Version)
    │   └── HostNotAllowed           400 invalid_request   host_not_allowed      (/_mock under a foreign Host)
    ├── InsufficientCredits          402 invalid_request   insufficient_credits
    ├── SignatureInvalid             403 invalid_request   invalid_signature     (a ref image URL altered)
    ├── NotFound                     404 not_found         resource_not_found
    ├── MethodNotAllowed             405 invalid_request   method_not_allowed    (carries the Allow methods)
    ├── UrlExpired                   410 invalid_request   url_expired           (a ref image URL past its time)
    ├── IdempotencyKeyInUse          409 invalid_request   idempotency_key_in_use (param Idempotency-Key)
    ├── PayloadTooLarge              413 invalid_request   payload_too_large
    ├── UnsupportedMediaType         415 invalid_request   unsupported_media_type
    ├── AuthenticationError          401 authentication
    │   ├── MissingApiKey                                  missing_api_key
    │   ├── InvalidApiKey                                  invalid_api_key
    │   ├── RevokedApiKey                                  revoked_api_key
    │   ├── AmbiguousCredentials                           ambiguous_credentials (two different keys)
    │   └── MockTokenRequired                              invalid_mock_token    (/_mock with --control-token)
    ├── RateLimited                  429 rate_limit        too_many_requests (carries bucket, retry_after)
    └── ServerError                  500 server_error      internal_error
        ├── BadGateway               502                   (an injected fault: PUT /_mock/faults)
        └── ServiceUnavailable       503                   (an injected fault)

``status`` and ``type`` are fixed per class. ``code`` is a class default that an instance may override
where the contract uses several codes for one kind of failure, e.g.
``InvalidRequest("Send either generate or upload_ids.", code="parameter_invalid_combination", param="generate")``.
``envelope.py`` is the one place these become ``{"error": {...}}``; nothing here knows about HTTP.
"""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "AmbiguousCredentials",
    "AuthenticationError",
    "AurousError",
    "BadGateway",
    "CharacterNotReady",
    "HostNotAllowed",
    "IdempotencyKeyInUse",
    "InsufficientCredits",
    "InvalidApiKey",
    "InvalidRequest",
    "InvalidState",
    "MethodNotAllowed",
    "MissingApiKey",
    "MockTokenRequired",
    "NotFound",
    "PayloadTooLarge",
    "RateLimited",
    "RevokedApiKey",
    "ServerError",
    "ServiceUnavailable",
    "SignatureInvalid",
    "UnknownVersion",
    "UnsupportedMediaType",
    "UploadExpired",
    "UploadInvalid",
    "UrlExpired",
]


class AurousError(Exception):
    """Base of every error a client can see."""

    status: ClassVar[int] = 500
    type: ClassVar[str] = "server_error"
    code: str = "server_error"  # class default; an instance may override it
    default_message: ClassVar[str] = "Something went wrong on our side."
    default_param: ClassVar[str | None] = None

    def __init__(self, message: str | None = None, *, param: str | None = None, code: str | None = None) -> None:
        self.message = message or self.default_message
        self.param = param if param is not None else self.default_param
        if code is not None:
            self.code = code
        super().__init__(self.message)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, param={self.param!r}, message={self.message!r})"


class InvalidRequest(AurousError):
    status = 400
    type = "invalid_request"
    code = "invalid_request_error"
    default_message = "The request is not valid."


class InvalidState(InvalidRequest):
    """The action is not allowed in the character's current status (e.g. save while synthesizing)."""

    code = "invalid_request_error"
    default_message = "The character is not in a state that allows this action."


class CharacterNotReady(InvalidRequest):
    code = "character_not_ready"
    default_param = "character_id"
    default_message = "The character is not ready: only a ready character can be used to generate images."


class UploadInvalid(InvalidRequest):
    code = "upload_invalid"
    default_param = "upload_ids"
    default_message = "The upload is unknown, expired, already used, or its bytes were never uploaded."


class UploadExpired(InvalidRequest):
    code = "upload_expired"
    default_message = "The upload URL has expired (it is valid for 15 minutes); request a new one."


class UnknownVersion(InvalidRequest):
    code = "unknown_version"
    default_param = "Aurous-Version"
    default_message = "Unknown API version."  # versioning.py names the known ones, read from the spec


class InsufficientCredits(AurousError):
    status = 402
    type = "invalid_request"
    code = "insufficient_credits"
    default_message = "Not enough credits for this request; nothing was charged."


class NotFound(AurousError):
    status = 404
    type = "not_found"
    code = "resource_not_found"
    default_message = "No such resource."


class SignatureInvalid(AurousError):
    status = 403
    type = "invalid_request"
    code = "invalid_signature"


class UrlExpired(AurousError):
    status = 410
    type = "invalid_request"
    code = "url_expired"


class IdempotencyKeyInUse(AurousError):
    status = 409
    type = "invalid_request"
    code = "idempotency_key_in_use"
    default_param = "Idempotency-Key"
    default_message = (
        "This Idempotency-Key was already used with a different request, or its first request is still running."
    )


class PayloadTooLarge(AurousError):
    status = 413
    type = "invalid_request"
    code = "payload_too_large"
    default_message = "The request body is too large."


class UnsupportedMediaType(AurousError):
    status = 415
    type = "invalid_request"
    code = "unsupported_media_type"
    default_message = "Unsupported Content-Type; send application/json."


class MethodNotAllowed(AurousError):
    """The path exists but not with this method; ``allow`` lists the methods it has (RFC 9110's Allow)."""

    status = 405
    type = "invalid_request"
    code = "method_not_allowed"
    default_message = "This method is not allowed on this path."

    def __init__(self, allow: tuple[str, ...] = (), message: str | None = None) -> None:
        self.allow = allow
        super().__init__(message or (f"Method not allowed; this path takes {', '.join(allow)}." if allow else None))


class AuthenticationError(AurousError):
    status = 401
    type = "authentication"
    code = "invalid_api_key"
    default_message = "Authentication failed."


class MissingApiKey(AuthenticationError):
    code = "missing_api_key"
    default_message = "No API key: send it in the X-Api-Key header (or Authorization: Bearer <key>)."


class InvalidApiKey(AuthenticationError):
    code = "invalid_api_key"
    default_message = "The API key is not valid."


class RevokedApiKey(AuthenticationError):
    code = "revoked_api_key"
    default_message = "The API key has been revoked; create a new one in the dashboard."


class AmbiguousCredentials(AuthenticationError):
    """Two different keys on one request (two X-Api-Key, or a key and another Bearer): never guess which."""

    code = "ambiguous_credentials"


class RateLimited(AurousError):
    status = 429
    type = "rate_limit"
    code = "too_many_requests"

    def __init__(
        self,
        bucket: str,
        retry_after: int,
        message: str | None = None,
        *,
        limit: int | None = None,
        reset: int | None = None,
    ) -> None:
        self.bucket = bucket
        self.retry_after = retry_after
        self.limit = limit
        self.reset = reset
        super().__init__(
            message or f"Too many requests in the {bucket} rate-limit bucket; retry after {retry_after} s."
        )


class ServerError(AurousError):
    status = 500
    type = "server_error"
    code = "internal_error"  # openapi.yaml: unexpected failures are 500 server_error / internal_error


class BadGateway(ServerError):
    status = 502


class ServiceUnavailable(ServerError):
    status = 503


class MockTokenRequired(AuthenticationError):
    code = "invalid_mock_token"


class HostNotAllowed(InvalidRequest):
    code = "host_not_allowed"
