"""The one place an error becomes the Aurous error envelope.

Every error a client can see — a domain rule, a gateway refusal (401, 429, 413, version), Connexion's own
validation and routing problems, an unexpected exception — is rendered here, so no framework default
shape (RFC 7807 problem+json, HTML) ever reaches a client.
"""

from __future__ import annotations

import json
from typing import Any

from mockserver.domain.errors import AurousError

DOC_URL = "https://docs.aurous-labs.com/errors#{code}"
JSON_CONTENT_TYPE = "application/json"


def error_body(error: AurousError, request_id: str) -> dict[str, Any]:
    return {
        "error": {
            "type": error.type,
            "code": error.code,
            "message": error.message,
            "param": error.param,
            "doc_url": DOC_URL.format(code=error.code),
            "request_id": request_id,
        }
    }


def render(error: AurousError, request_id: str) -> bytes:
    return json.dumps(error_body(error, request_id), separators=(",", ":")).encode()


def error_headers(error: AurousError) -> list[tuple[bytes, bytes]]:
    """Headers an error carries besides the ones every response gets: 429's Retry-After, 405's Allow."""
    headers = []
    retry_after = getattr(error, "retry_after", None)
    if retry_after is not None:
        headers.append((b"retry-after", str(int(retry_after)).encode()))
    allow = getattr(error, "allow", None)
    if allow:
        headers.append((b"allow", ", ".join(allow).encode()))
    return headers
