"""Request bodies, for every route of both APIs: read once, sized, media type parsed, JSON made safe.

The gateway calls these before anything else looks at a body, so Connexion's validation, the idempotency
fingerprint and the handlers all see one well-formed request:

- ``read_body``: the whole body from the ASGI channel, ``Content-Length`` or chunked alike, refused with
  413 as soon as it passes the operation's limit (the declared length is checked first).
- ``parse_media_type``: RFC 9110 media types — type, subtype and parameter names are case-insensitive,
  whitespace around ``;`` is allowed — parsed here and nowhere else.
- ``check_json``: what Python's ``json`` would accept but the contract cannot serve, each a 400
  ``invalid_format``: nesting deeper than ``MAX_JSON_DEPTH`` (the validators recurse per level),
  ``NaN``/``Infinity`` (not JSON, RFC 8259), and strings holding a lone surrogate (not Unicode scalar
  values; ``param`` names the field). A body that is simply not JSON is left to the validator's message.
- ``normalized_scope``: the scope handed on declares the body as read — its real ``Content-Length``, no
  ``Transfer-Encoding``, the media type in canonical lower case — so nothing downstream re-parses headers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.types import Message, Receive, Scope

from mockserver.domain.errors import InvalidRequest, PayloadTooLarge
from mockserver.validation import param_path

__all__ = [
    "JSON_BODY_LIMIT",
    "MAX_JSON_DEPTH",
    "UPLOAD_BODY_LIMIT",
    "MediaType",
    "check_json",
    "normalized_scope",
    "parse_media_type",
    "read_body",
    "replaying",
]

JSON_BODY_LIMIT = 1024 * 1024  # 1 MiB: far above any valid request of this API
UPLOAD_BODY_LIMIT = 10 * 1024 * 1024  # the documented 10 MB image limit
MAX_JSON_DEPTH = 64  # the deepest valid body (fixtures) nests 5 levels

_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


@dataclass(frozen=True, slots=True)
class MediaType:
    type: str  # "application/json", lower case
    params: Mapping[str, str] = field(default_factory=dict)  # names lower case; charset's value too

    @property
    def is_json(self) -> bool:
        return self.type == "application/json" or self.type.endswith("+json")

    def header_value(self) -> bytes:
        """The canonical form: no spaces (Connexion's charset lookup splits on ';' without stripping)."""
        return ";".join([self.type, *(f"{name}={value}" for name, value in self.params.items())]).encode("latin-1")


def parse_media_type(value: bytes | str | None) -> MediaType | None:
    """``Application/JSON ; Charset="UTF-8"`` → MediaType("application/json", {"charset": "utf-8"}).

    None when absent or not of the form type/subtype (the validator then answers 415).
    """
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    essence, *raw_params = text.split(";")
    kind, slash, subtype = essence.strip().partition("/")
    if not slash or not _TOKEN.fullmatch(kind) or not _TOKEN.fullmatch(subtype):
        return None
    params: dict[str, str] = {}
    for raw in raw_params:
        name, equals, param_value = raw.strip().partition("=")
        if not equals or not _TOKEN.fullmatch(name.strip()):
            continue  # RFC 9110 lets a recipient ignore a malformed parameter
        name = name.strip().lower()
        param_value = param_value.strip()
        if len(param_value) >= 2 and param_value[0] == param_value[-1] == '"':
            param_value = param_value[1:-1]
        params[name] = param_value.lower() if name == "charset" else param_value
    return MediaType(f"{kind}/{subtype}".lower(), params)


async def read_body(receive: Receive, headers: Mapping[bytes, bytes], limit: int) -> bytes:
    """The whole body; 413 ``payload_too_large`` past ``limit``, whether declared or streamed (chunked)."""
    declared = headers.get(b"content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"Request body is larger than the {limit}-byte limit of this operation.")
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"Request body is larger than the {limit}-byte limit of this operation.")
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def replaying(body: bytes, receive: Receive) -> Receive:
    """A receive channel that hands the already-read body on once, then defers to the real channel."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def normalized_scope(scope: Scope, body: bytes, media_type: MediaType | None) -> Scope:
    headers = [
        (name, value)
        for name, value in scope["headers"]
        if name not in (b"content-length", b"transfer-encoding") and not (name == b"content-type" and media_type)
    ]
    headers.append((b"content-length", str(len(body)).encode()))
    if media_type is not None:
        headers.append((b"content-type", media_type.header_value()))
    return {**scope, "headers": headers}


def _reject_constant(name: str) -> Any:
    raise InvalidRequest(f"{name} is not a JSON number (RFC 8259); send a finite number.", code="invalid_format")


def check_json(body: bytes, media_type: MediaType | None) -> Any:
    """The parsed body, or None when it is empty or not JSON at all (the validator reports that).

    Raises 400 ``invalid_format`` for what must never reach the validators or the store (module doc).
    """
    if not body.strip():
        return None
    try:
        text = body.decode(media_type.params.get("charset", "utf-8") if media_type else "utf-8")
        document = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise _too_deep() from None
    except (ValueError, LookupError):
        return None
    _walk(document)
    return document


def _too_deep() -> InvalidRequest:
    return InvalidRequest(
        f"The JSON body nests deeper than {MAX_JSON_DEPTH} levels.", code="invalid_format", param=None
    )


def _walk(document: Any) -> None:
    """Depth and Unicode checks in one iterative pass (recursion is what deep bodies break)."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(document, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_JSON_DEPTH:
            raise _too_deep()
        if isinstance(value, str):
            _check_text(value, path)
        elif isinstance(value, dict):
            for key, item in value.items():
                _check_text(key, (*path, key))
                stack.append((item, (*path, key)))
        elif isinstance(value, list):
            stack.extend((item, (*path, index)) for index, item in enumerate(value))


def _check_text(text: str, path: tuple[Any, ...]) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        field_name = param_path(path)
        where = f" in {field_name}" if field_name else ""
        raise InvalidRequest(
            f"Invalid string{where}: it holds a lone surrogate (\\ud800-\\udfff), which is not a Unicode character.",
            code="invalid_format",
            param=field_name,
        ) from None
