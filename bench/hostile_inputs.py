"""A corpus of hostile and unusual requests against a real mock process: how many, and how many 5xx.

Every JSON-body route of both APIs gets every bad body (chunked, odd media types, deep nesting, NaN and
Infinity, lone surrogates, control characters, invalid UTF-8, truncated JSON, null, arrays, oversized,
chunked and oversized); then requests only raw sockets can send (lowercase method, raw UTF-8 and 100 KB
paths, broken headers), trailing slashes, ambiguous credentials, a foreign Host on /_mock and secrets in the
query. Counted: responses by status, 5xx, answers that are not the JSON envelope (where one is due), and
the few 2xx (valid bodies in legal framing, listed), and whether a key leaked into the request log. Figures, never assertions.
Usage: python bench/hostile_inputs.py
"""

from __future__ import annotations

import collections
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]

ROUTES = [
    ("POST", "/v1/characters"), ("PATCH", "/v1/characters/{id}"), ("POST", "/v1/characters/{id}/refs/regenerate"),
    ("POST", "/v1/characters/{id}/resynthesize"), ("POST", "/v1/characters/uploads/init"),
    ("POST", "/v1/characters/uploads/classify"), ("POST", "/v1/images"), ("POST", "/_mock/clock/advance"),
    ("PUT", "/_mock/characters/{id}/status"), ("PUT", "/_mock/faults"), ("PATCH", "/_mock/settings"),
    ("PUT", "/_mock/fixtures"),
]  # fmt: skip


def chunked(data: bytes):
    for at in range(0, len(data), 65536):
        yield data[at : at + 65536]


BODIES: list[tuple[str, dict[str, str], object]] = [
    ("chunked-valid-ish", {"Content-Type": "application/json"}, lambda: chunked(b'{"name": "A", "pose": "front"}')),
    ("mixed-case-type", {"Content-Type": "Application/Json"}, b'{"name": "A"}'),
    ("space-before-params", {"Content-Type": "application/json ; charset=utf-8"}, b'{"name": "A"}'),
    ("bogus-charset", {"Content-Type": "application/json; charset=klingon"}, b'{"name": "A"}'),
    ("text-plain", {"Content-Type": "text/plain"}, b'{"name": "A"}'),
    ("no-content-type", {}, b'{"name": "A"}'),
    ("deep-10000", {"Content-Type": "application/json"}, b'{"a": ' + b"[" * 10000 + b"]" * 10000 + b"}"),
    ("deep-object-5000", {"Content-Type": "application/json"}, b'{"a":' * 5000 + b"1" + b"}" * 5000),
    ("nan", {"Content-Type": "application/json"}, b'{"seconds": NaN, "name": NaN}'),
    ("infinity", {"Content-Type": "application/json"}, b'{"seconds": -Infinity, "prompt": Infinity}'),
    ("lone-surrogate", {"Content-Type": "application/json"}, b'{"name": "\\ud800", "prompt": "\\udfff"}'),
    ("surrogate-key", {"Content-Type": "application/json"}, b'{"\\ud800": 1}'),
    ("nul-in-name", {"Content-Type": "application/json"}, b'{"name": "a\\u0000b"}'),
    ("invalid-utf8", {"Content-Type": "application/json"}, b'{"name": "\xff\xfe"}'),
    ("truncated", {"Content-Type": "application/json"}, b'{"name": "A"'),
    ("null", {"Content-Type": "application/json"}, b"null"),
    ("array", {"Content-Type": "application/json"}, b"[1, 2, 3]"),
    ("empty", {"Content-Type": "application/json"}, b""),
    ("huge-number", {"Content-Type": "application/json"}, b'{"seconds": 1' + b"0" * 5000 + b"}"),
    ("oversized-2MiB", {"Content-Type": "application/json"}, b'{"a": "' + b"x" * (2 << 20) + b'"}'),
    ("oversized-chunked", {"Content-Type": "application/json"}, lambda: chunked(b'{"a": "' + b"x" * (2 << 20) + b'"}')),
]

RAW = [
    b"get /v1/balance HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    b"GET /v1/characters/caf\xc3\xa9 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    b"GET /v1/characters/" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    b"GET /v1/balance HTTP/1.1\r\nHost: 127.0.0.1\r\nBroken header\r\nConnection: close\r\n\r\n",
    b"GE T / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    b"POST /v1/characters HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    b"POST /v1/characters HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\nConnection: close\r\n\r\n",
]


def raw_status(port: int, request: bytes) -> tuple[int, bool]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split()[1]) if head else 0
    try:
        enveloped = set(json.loads(body)) == {"error"}
    except ValueError:
        enveloped = False
    return status, enveloped


def main() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mockserver",
            "--port",
            str(port),
            "--clock",
            "manual",
            "--no-rate-limits",
            "--fixtures",
            "every_state",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/_mock/teams", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.05)
        statuses: collections.Counter[int] = collections.Counter()
        not_enveloped = 0
        with httpx.Client(base_url=base, timeout=30) as http:
            teams = http.get("/_mock/teams").json()
            key, other = teams[0]["api_keys"][0], teams[1]["api_keys"][0]
            character = next(c["id"] for c in http.get("/_mock/characters").json() if c["status"] == "reviewing")

            accepted: list[str] = []

            def record(response: httpx.Response, label: str = "") -> None:
                nonlocal not_enveloped
                statuses[response.status_code] += 1
                if response.status_code < 300:
                    accepted.append(label)
                if response.status_code >= 400:
                    try:
                        not_enveloped += set(response.json()) != {"error"}
                    except ValueError:
                        not_enveloped += 1

            for method, path in ROUTES:
                for name, headers, body in BODIES:
                    content = body() if callable(body) else body
                    record(
                        http.request(
                            method,
                            path.format(id=character),
                            content=content,
                            headers={"X-Api-Key": key, "Idempotency-Key": "hostile", **headers},
                        ),
                        f"{method} {path} {name}",
                    )
            for path in ("/v1/characters/", "/v1/balance/", "/_mock/teams/", f"/v1/characters/{character}/"):
                record(http.get(path, headers={"X-Api-Key": key}))
            record(http.get("/v1/characters", headers=[("X-Api-Key", key), ("X-Api-Key", other)]))
            record(http.get("/v1/characters", headers={"X-Api-Key": key, "Authorization": f"Bearer {other}"}))
            record(http.get("/_mock/teams", headers={"Host": "attacker.example"}))
            record(http.post("/_mock/reset", headers={"Host": "attacker.example"}))
            record(http.get(f"/v1/characters?api_key={key}", headers={"X-Api-Key": key}))
            leaked = key in http.get("/_mock/requests").text
        for request in RAW:
            status, enveloped = raw_status(port, request)
            statuses[status] += 1
            not_enveloped += status >= 400 and not enveloped
        total = sum(statuses.values())
        server_errors = sum(count for status, count in statuses.items() if status >= 500)
        print(
            f"corpus: {total} hostile requests; 5xx: {server_errors}; error answers not in the envelope: {not_enveloped}"
        )
        print("by status: " + ", ".join(f"{status}×{count}" for status, count in sorted(statuses.items())))
        print(f"accepted (valid JSON in legal but unusual framing): {len(accepted)}: {'; '.join(accepted)}")
        print(f"API key visible in the request log: {leaked}")
    finally:
        process.terminate()
        process.wait(timeout=20)


if __name__ == "__main__":
    main()
