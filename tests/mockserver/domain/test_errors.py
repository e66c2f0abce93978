"""The error tree carries the contract's status, type and code."""

from __future__ import annotations

import pytest

from mockserver.domain import errors as e

EXPECTED = {
    e.InvalidRequest: (400, "invalid_request", "invalid_request_error"),
    e.InvalidState: (400, "invalid_request", "invalid_request_error"),
    e.CharacterNotReady: (400, "invalid_request", "character_not_ready"),
    e.UploadInvalid: (400, "invalid_request", "upload_invalid"),
    e.UploadExpired: (400, "invalid_request", "upload_expired"),
    e.UnknownVersion: (400, "invalid_request", "unknown_version"),
    e.InsufficientCredits: (402, "invalid_request", "insufficient_credits"),
    e.NotFound: (404, "not_found", "resource_not_found"),
    e.IdempotencyKeyInUse: (409, "invalid_request", "idempotency_key_in_use"),
    e.MethodNotAllowed: (405, "invalid_request", "method_not_allowed"),
    e.PayloadTooLarge: (413, "invalid_request", "payload_too_large"),
    e.UnsupportedMediaType: (415, "invalid_request", "unsupported_media_type"),
    e.MissingApiKey: (401, "authentication", "missing_api_key"),
    e.InvalidApiKey: (401, "authentication", "invalid_api_key"),
    e.RevokedApiKey: (401, "authentication", "revoked_api_key"),
    e.AmbiguousCredentials: (401, "authentication", "ambiguous_credentials"),
    e.ServerError: (500, "server_error", "internal_error"),
    e.SignatureInvalid: (403, "invalid_request", "invalid_signature"),
    e.UrlExpired: (410, "invalid_request", "url_expired"),
    e.HostNotAllowed: (400, "invalid_request", "host_not_allowed"),
    e.MockTokenRequired: (401, "authentication", "invalid_mock_token"),
    e.BadGateway: (502, "server_error", "internal_error"),
    e.ServiceUnavailable: (503, "server_error", "internal_error"),
}


@pytest.mark.parametrize(("cls", "figures"), EXPECTED.items(), ids=lambda x: getattr(x, "__name__", ""))
def test_each_error_class_declares_its_status_type_and_code(cls, figures):
    error = cls()

    assert figures == (error.status, error.type, error.code)


def test_every_error_class_in_the_module_is_pinned_here():
    public = {getattr(e, name) for name in e.__all__} - {e.AurousError, e.AuthenticationError, e.RateLimited}

    assert set(EXPECTED) == public


def test_a_code_and_param_can_be_overridden_per_instance_without_touching_the_class():
    error = e.InvalidRequest("Pick one.", code="parameter_invalid_combination", param="generate")

    assert ("parameter_invalid_combination", "generate", "invalid_request_error") == (
        error.code,
        error.param,
        e.InvalidRequest.code,
    )


def test_unknown_version_names_the_header_by_default():
    assert "Aurous-Version" == e.UnknownVersion().param


def test_rate_limited_carries_its_bucket_and_retry_after_and_names_the_bucket():
    error = e.RateLimited("characters_post", 7)

    assert (429, "rate_limit", "too_many_requests", "characters_post", 7, True) == (
        error.status,
        error.type,
        error.code,
        error.bucket,
        error.retry_after,
        "characters_post" in error.message,
    )
