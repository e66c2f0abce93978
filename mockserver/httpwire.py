"""The HTTP/1.1 implementation the mock runs on, so that even a request the parser refuses gets the envelope.

uvicorn answers a request its parser cannot read (a lowercase or unknown method, raw non-ASCII bytes in the
target, a broken request line or header) itself, before any ASGI app runs, with a plain-text 400. These
protocol classes keep uvicorn's parsers and replace only that answer: the same 400, as the contract's
error envelope (``invalid_request`` / ``invalid_request_error``) with a fresh request id and the
system default ``Aurous-Version``, then the connection is closed as before.

httptools (llhttp) is the default, as with ``uvicorn --http auto``: it is the faster parser and has no
request-line size cap, so a 100 KB path reaches the app and gets its 404 envelope. h11 is the fallback
where httptools is not installed; h11 refuses a request line or header block over 16 KB, which then gets
this 400 envelope. What no server-side code can answer in the envelope is listed in ARCHITECTURE.md.
"""

from __future__ import annotations

import asyncio
import logging

from uvicorn.protocols.http.h11_impl import H11Protocol

from mockserver import envelope
from mockserver.domain.errors import InvalidRequest
from mockserver.ids import new_request_id

__all__ = ["parser_error_response", "protocol_class"]

logger = logging.getLogger("mockserver")


def parser_error_response(msg: str, version: str) -> bytes:
    """The whole HTTP/1.1 response for a request that could not be parsed: status line, headers, envelope."""
    request_id = new_request_id()
    error = InvalidRequest(
        "The HTTP request could not be parsed: check the method (upper case), the request line and the "
        "headers; the path must be ASCII (percent-encode anything else).",
        code="invalid_request_error",
    )
    body = envelope.render(error, request_id)
    head = (
        "HTTP/1.1 400 Bad Request\r\n"
        f"content-type: application/json\r\ncontent-length: {len(body)}\r\n"
        f"aurous-request-id: {request_id}\r\naurous-version: {version}\r\n"
        "connection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class _EnvelopeOnParserError:
    transport: asyncio.Transport
    # The spec's system default (protocol_class sets it): no team is known before a request parses.
    default_version: str

    def send_400_response(self, msg: str) -> None:
        logger.info("refused a request the HTTP parser could not read: %s", msg)
        self.transport.write(parser_error_response(msg, self.default_version))
        self.transport.close()


def protocol_class(default_version: str) -> type[asyncio.Protocol]:
    """httptools when installed (uvicorn's own preference), else h11; both with the envelope on errors."""
    base: type[asyncio.Protocol]
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

        base = HttpToolsProtocol
    except ImportError:
        base = H11Protocol
    return type(f"Envelope{base.__name__}", (_EnvelopeOnParserError, base), {"default_version": default_version})
