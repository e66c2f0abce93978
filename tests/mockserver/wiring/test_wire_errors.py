"""Requests the HTTP parser refuses, on a real server: the 400 still comes in the envelope (issue 10, item 7).

A real ``python -m mockserver`` process and raw sockets, because these requests never reach an ASGI app
(TestClient cannot even send them).
"""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Iterator

import pytest

from tests.mockserver.wiring.conftest import Server

REQUEST_ID = re.compile(r"^req_[0-9A-HJKMNP-TV-Z]{26}$")


def raw_exchange(server: Server, request: bytes) -> tuple[int, dict[str, str], bytes]:
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(request)
        chunks = []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    raw = b"".join(chunks)
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in header_lines)}
    return int(status_line.split()[1]), headers, body


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    started = Server().wait_ready()
    yield started
    started.close()


@pytest.mark.parametrize(
    "request_line",
    [
        b"get /v1/balance HTTP/1.1",
        b"GET /v1/characters/caf\xc3\xa9 HTTP/1.1",
        b"GET /v1/balance HTTP/1.1\r\nBroken header line",
        b"GE T /v1/balance HTTP/1.1",
    ],
    ids=["lowercase-method", "raw-utf8-path", "broken-header", "space-in-method"],
)
def test_a_request_the_parser_refuses_gets_a_400_in_the_envelope(server: Server, request_line: bytes) -> None:
    status, headers, body = raw_exchange(server, request_line + b"\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")

    assert status == 400
    assert headers["content-type"] == "application/json"
    error = json.loads(body)["error"]
    assert set(error) == {"type", "code", "message", "param", "doc_url", "request_id"}
    assert (error["type"], error["code"]) == ("invalid_request", "invalid_request_error")
    assert REQUEST_ID.fullmatch(error["request_id"]) and headers["aurous-request-id"] == error["request_id"]
    assert headers["aurous-version"] == "2026-05-15"


def test_a_100_kb_path_gets_an_envelope(server: Server) -> None:
    path = b"/v1/characters/" + b"a" * 100_000

    status, headers, body = raw_exchange(
        server, b"GET " + path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )

    assert status in (400, 401, 404, 414)
    assert headers["content-type"] == "application/json"
    assert set(json.loads(body)) == {"error"}
