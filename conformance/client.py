"""The kit's HTTP client: one team's view of a target, paced by the target's own rate-limit headers.

Owns: sending requests (over the network, or in-process to an ASGI app), recording every exchange for the
report, building the ``curl`` line that reproduces one, and pacing. It knows nothing about the contract's
rules; checks judge what it records.

Pacing: every response's ``X-RateLimit-Remaining``/``X-RateLimit-Reset`` is remembered per bucket (the
operation's ``x-aurous-rate-limit-bucket``). Before a request whose bucket is nearly empty the client waits
until it refills; a 429 with ``Retry-After`` is waited out and retried. Against the reference mock the wait
is replaced by advancing the mock's clock, so pacing costs no wall time. A real deployment's limits thus
never turn into false failures; checks that want a 429 send with ``pace=False``.
"""

from __future__ import annotations

import json
import re
import shlex
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

__all__ = ["Client", "Exchange", "Pacer", "curl_line"]

REDACTED_HEADERS = frozenset({"x-api-key", "authorization"})


@dataclass
class Exchange:
    """One request and its response, as sent and seen."""

    method: str
    url: str
    request_headers: dict[str, str]
    request_body: bytes | None
    status: int | None = None
    response_headers: dict[str, str] = field(default_factory=dict)
    response_body: bytes = b""
    elapsed: float = 0.0
    team: str = ""
    error: str | None = None

    def json(self) -> Any:
        try:
            return json.loads(self.response_body)
        except ValueError:
            return None

    def header(self, name: str) -> str | None:
        return self.response_headers.get(name.lower())

    @property
    def curl(self) -> str:
        return curl_line(self)

    def describe(self, *, max_body: int = 2000) -> str:
        """Request and response as text, credentials redacted."""
        lines = [f"{self.method} {self.url}"]
        lines += [f"{k}: {_redact(k, v)}" for k, v in self.request_headers.items()]
        if self.request_body:
            lines += ["", _clip(self.request_body, max_body)]
        lines.append("")
        if self.status is None:
            lines.append(f"(no response: {self.error})")
        else:
            lines.append(f"HTTP {self.status}")
            lines += [f"{k}: {v}" for k, v in self.response_headers.items()]
            if self.response_body:
                lines += ["", _clip(self.response_body, max_body)]
        return "\n".join(lines)


def _redact(name: str, value: str) -> str:
    if name.lower() in REDACTED_HEADERS:
        return value[:12] + "…" if len(value) > 12 else "…"
    return value


def _clip(body: bytes, limit: int) -> str:
    text = body.decode("utf-8", errors="replace")
    return text if len(text) <= limit else text[:limit] + f"… ({len(text)} characters)"


def curl_line(exchange: Exchange, *, redact: bool = True) -> str:
    """A shell line that repeats the request. Keys are replaced by ``$AUROUS_API_KEY`` unless ``redact=False``."""
    parts = ["curl", "-i", "-X", exchange.method]
    for name, value in exchange.request_headers.items():
        if name.lower() in {"host", "content-length", "accept-encoding", "connection", "user-agent", "accept"}:
            continue
        if redact and name.lower() == "x-api-key":
            value = "$AUROUS_API_KEY"
        elif redact and name.lower() == "authorization":
            value = "Bearer $AUROUS_API_KEY"
        parts += ["-H", f"{name}: {value}"]
    if exchange.request_body:
        parts += ["--data-raw", exchange.request_body.decode("utf-8", errors="replace")]
    parts.append(exchange.url)
    # Double quotes around header values that carry $AUROUS_API_KEY so the shell expands it.
    return " ".join(f'"{p}"' if "$AUROUS_API_KEY" in p else shlex.quote(p) for p in parts)


class Pacer:
    """Per-bucket memory of the target's rate-limit headers; decides how long to wait before a request.

    ``advance`` replaces sleeping (the mock's clock); ``sleep`` is injectable for tests.
    """

    def __init__(
        self,
        *,
        reserve: int = 2,
        sleep: Callable[[float], None] = time.sleep,
        advance: Callable[[float], None] | None = None,
        max_wait: float = 90.0,
        rates: dict[str, float] | None = None,
    ) -> None:
        self.reserve = reserve
        self.rates = rates or {}  # bucket -> sustained tokens per minute
        self.sleep = sleep
        self.advance = advance
        self.max_wait = max_wait
        self.waited = 0.0
        self.advanced = 0.0
        self._state: dict[str, tuple[int, int, float]] = {}  # bucket -> (limit, remaining, reset epoch)
        self._lock = threading.Lock()

    def observe(self, bucket: str | None, headers: httpx.Headers | dict[str, str]) -> None:
        if not bucket:
            return
        try:
            limit = int(headers.get("x-ratelimit-limit"))  # type: ignore[arg-type]
            remaining = int(headers.get("x-ratelimit-remaining"))  # type: ignore[arg-type]
            reset = float(headers.get("x-ratelimit-reset"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return
        with self._lock:
            self._state[bucket] = (limit, remaining, reset)

    def before(self, bucket: str | None) -> None:
        """Wait (or advance the mock clock) if the bucket is nearly empty."""
        if not bucket:
            return
        with self._lock:
            state = self._state.get(bucket)
        if state is None:
            return
        limit, remaining, reset = state
        if remaining > self.reserve:
            return
        if self.advance is not None:
            # The mock's clock may run ahead of ours, so its reset epoch is not comparable: advance enough
            # to refill any bucket of the contract (the slowest, 12 at 6/min, needs 120 s).
            self.wait(120.0)
        else:
            # Tokens refill at the sustained rate (from the spec), else evenly until `reset`.
            missing = self.reserve + 1 - remaining
            if bucket in self.rates:
                per_token = 60.0 / self.rates[bucket]
            else:
                per_token = max(0.0, reset - time.time()) / max(1, limit - remaining)
            self.wait(min(self.max_wait, max(0.5, missing * per_token)))
        with self._lock:
            self._state.pop(bucket, None)

    def wait(self, seconds: float) -> None:
        if self.advance is not None:
            self.advanced += seconds
            self.advance(seconds)
        else:
            self.waited += seconds
            self.sleep(seconds)


ROUTE_PARAM = re.compile(r"\{[^}]+\}")


class Client:
    """One team's client. ``transport`` is an ``httpx.BaseTransport`` for in-process targets (ASGI)."""

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None,
        team: str = "primary",
        http: httpx.Client | None = None,
        pacer: Pacer | None = None,
        buckets: dict[tuple[str, str], str | dict[str, str]] | None = None,
        log: list[Exchange] | None = None,
        timeout: float = 30.0,
        max_retries_429: int = 3,
        default_headers: dict[str, str] | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.team = team
        self.http = http or httpx.Client(timeout=timeout)
        self.pacer = pacer or Pacer()
        self.log: list[Exchange] = log if log is not None else []
        self.max_retries_429 = max_retries_429
        self.default_headers = dict(default_headers or {})
        # (METHOD, path template) -> bucket, from the spec's x-aurous-rate-limit-bucket.
        self._routes = [
            (method, re.compile("^" + ROUTE_PARAM.sub("[^/]+", path) + "$"), bucket)
            for (method, path), bucket in (buckets or {}).items()
        ]

    def with_key(self, api_key: str | None, team: str) -> Client:
        """The same target, pacing and log, as another identity."""
        clone = Client(
            self.base_url,
            api_key=api_key,
            team=team,
            http=self.http,
            pacer=self.pacer,
            log=self.log,
            max_retries_429=self.max_retries_429,
            default_headers=self.default_headers,
        )
        clone._routes = self._routes
        return clone

    def with_headers(self, headers: dict[str, str]) -> Client:
        """The same identity, sending ``headers`` on every request (e.g. an ``Aurous-Version`` pin)."""
        clone = self.with_key(self.api_key, self.team)
        clone.default_headers = {**self.default_headers, **headers}
        return clone

    def bucket_for(self, method: str, path: str, body: Any = None) -> str | None:
        bare = path.split("?", 1)[0]
        for route_method, pattern, bucket in self._routes:
            if route_method == method and pattern.match(bare):
                if isinstance(bucket, dict):
                    # POST /v1/characters: the flow decides (a body with `generate: true` synthesizes).
                    flow = "synthesize_flow" if isinstance(body, dict) and body.get("generate") else "upload_flow"
                    return bucket.get(flow)
                return bucket
        return None

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        params: dict[str, Any] | None = None,
        auth: bool = True,
        pace: bool = True,
    ) -> Exchange:
        method = method.upper()
        sent_headers: dict[str, str] = dict(self.default_headers)
        if auth and self.api_key is not None:
            sent_headers["X-Api-Key"] = self.api_key
        body: bytes | None = content
        if json_body is not None:
            body = json.dumps(json_body, separators=(",", ":")).encode()
            sent_headers["Content-Type"] = "application/json"
        sent_headers.update(headers or {})
        url = httpx.URL(self.base_url + path, params=params) if params else httpx.URL(self.base_url + path)
        bucket = self.bucket_for(method, path, json_body) if pace else None
        retries = self.max_retries_429 if pace else 0
        while True:
            if pace:
                self.pacer.before(bucket)
            exchange = self._send(method, str(url), sent_headers, body)
            if pace:
                self.pacer.observe(bucket, exchange.response_headers)
            if exchange.status == 429 and retries > 0:
                retries -= 1
                try:
                    delay = float(exchange.header("retry-after") or 1)
                except ValueError:
                    delay = 1.0
                self.pacer.wait(min(self.pacer.max_wait, max(delay, 0.5)))
                continue
            return exchange

    def _send(self, method: str, url: str, headers: dict[str, str], body: bytes | None) -> Exchange:
        exchange = Exchange(method=method, url=url, request_headers=dict(headers), request_body=body, team=self.team)
        started = time.perf_counter()
        try:
            response = self.http.request(method, url, headers=headers, content=body)
        except httpx.HTTPError as exc:
            exchange.error = f"{type(exc).__name__}: {exc}"
            exchange.elapsed = time.perf_counter() - started
            self.log.append(exchange)
            raise
        exchange.elapsed = time.perf_counter() - started
        exchange.status = response.status_code
        exchange.response_headers = {k.lower(): v for k, v in response.headers.items()}
        exchange.response_body = response.content
        self.log.append(exchange)
        return exchange

    # Short names for the calls checks make most.
    def get(self, path: str, **kwargs: Any) -> Exchange:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Exchange:
        return self.request("POST", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> Exchange:
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Exchange:
        return self.request("DELETE", path, **kwargs)
