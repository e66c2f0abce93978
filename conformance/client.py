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

from conformance.spend import CostTable, SpendLedger

__all__ = ["Client", "Exchange", "KEY_VARIABLES", "Pacer", "curl_line", "curl_steps"]

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


# The shell variables a reproduction reads the keys from: the primary team's, and the second team's.
KEY_VARIABLES = {"primary": "$AUROUS_API_KEY", "other team": "$AUROUS_OTHER_TEAM_API_KEY"}


def curl_line(exchange: Exchange, *, redact: bool = True) -> str:
    """A shell line that repeats the request and shows the answer's headers (``-i``).

    Keys become ``$AUROUS_API_KEY`` (``$AUROUS_OTHER_TEAM_API_KEY`` for the second team's requests) inside
    double quotes so the shell expands them; every other value is the one sent (an Idempotency-Key
    included), single-quoted so the shell leaves it alone.
    """
    variable = KEY_VARIABLES.get(exchange.team, "$AUROUS_API_KEY")
    parts: list[tuple[str, bool]] = [("curl", False), ("-i", False), ("-X", False), (exchange.method, False)]
    for name, value in exchange.request_headers.items():
        if name.lower() in {"host", "content-length", "accept-encoding", "connection", "user-agent", "accept"}:
            continue
        expand = False
        if redact and name.lower() == "x-api-key":
            value, expand = variable, True
        elif redact and name.lower() == "authorization":
            value, expand = f"Bearer {variable}", True
        parts += [("-H", False), (f"{name}: {value}", expand)]
    binary = exchange.request_body is not None and not _printable(exchange.request_body)
    if exchange.request_body and not binary:
        parts += [("--data-raw", False), (exchange.request_body.decode("utf-8"), False)]
    elif binary:
        parts += [("--data-binary", False), ("@-", False)]
    parts.append((exchange.url, False))
    line = " ".join(f'"{p}"' if expand else shlex.quote(p) for p, expand in parts)
    if binary:
        # Bytes a shell string cannot hold (NUL, an image): octal escapes printf turns back into the bytes.
        escaped = "".join(
            f"\\0{b:03o}" if not 0x20 <= b < 0x7F or b in b"'\\%" else chr(b) for b in exchange.request_body or b""
        )
        line = f"printf '%b' '{escaped}' | {line}"
    return line


def _printable(body: bytes) -> bool:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(c in "\t\n\r" or c >= " " for c in text)


def curl_steps(exchanges: list[Exchange]) -> str:
    """Every request of a multi-step check, in order, as a script (one curl per step)."""
    if len(exchanges) == 1:
        return curl_line(exchanges[0])
    lines = []
    for number, exchange in enumerate(exchanges, 1):
        seen = f"HTTP {exchange.status}" if exchange.status is not None else "no answer"
        lines.append(
            f"{curl_line(exchange)}  # step {number}/{len(exchanges)}, {exchange.team} team: the kit saw {seen}"
        )
    return "\n".join(lines)


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
        bursts: dict[str, int] | None = None,
        deadline: Any = None,
        on_wait: Callable[[str | None, float], None] | None = None,
    ) -> None:
        self.reserve = reserve
        self.bursts = bursts or {}
        # conformance.budget.Deadline: a wait that would pass it raises BudgetExhausted instead of sleeping.
        self.deadline = deadline
        self.on_wait = on_wait
        # bucket -> (tokens, last refill) modelled from the spec, once the target refused without X-RateLimit-*.
        self._modelled: dict[str, tuple[float, float]] = {}
        self.waits: dict[str, float] = {}  # bucket -> seconds waited on it
        self._held: dict[str, float] = {}  # bucket -> monotonic time a 429's Retry-After ends
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

    def remaining(self, bucket: str) -> int | None:
        """Tokens the target last said were left in ``bucket`` (X-RateLimit-Remaining), if it said."""
        with self._lock:
            state = self._state.get(bucket)
        return None if state is None else state[1]

    def has_seen_limits(self) -> bool:
        with self._lock:
            return bool(self._state)

    def refused_without_headers(self, bucket: str | None) -> None:
        """A 429 came without X-RateLimit-*: from now on pace this bucket by the spec's own refill rate."""
        if bucket and bucket in self.rates:
            with self._lock:
                self._modelled[bucket] = (0.0, time.monotonic())

    def hold(self, bucket: str | None, seconds: float) -> None:
        """A 429 said ``Retry-After: seconds``: the next request of this bucket waits until then."""
        if bucket and self.advance is None:
            with self._lock:
                self._held[bucket] = time.monotonic() + min(seconds, self.max_wait)

    def _modelled_wait(self, bucket: str) -> float | None:
        with self._lock:
            if bucket not in self._modelled:
                return None
            tokens, last = self._modelled[bucket]
            now = time.monotonic()
            per_second = self.rates[bucket] / 60.0
            tokens = min(float(self.bursts.get(bucket, 1)), tokens + (now - last) * per_second)
            wait = 0.0 if tokens >= 1 else (1 - tokens) / per_second
            self._modelled[bucket] = (tokens - 1 + wait * per_second, now + wait)
            return wait

    def before(self, bucket: str | None) -> None:
        """Wait (or advance the mock clock) if the bucket is nearly empty."""
        if not bucket:
            return
        with self._lock:
            held = self._held.pop(bucket, None)
        if held is not None and held > time.monotonic():
            self.wait(held - time.monotonic(), bucket)
        modelled = self._modelled_wait(bucket)
        if modelled:
            self.wait(modelled, bucket)
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
            self.wait(120.0, bucket)
        else:
            # Tokens refill at the sustained rate (from the spec), else evenly until `reset`.
            missing = self.reserve + 1 - remaining
            if bucket in self.rates:
                per_token = 60.0 / self.rates[bucket]
            else:
                per_token = max(0.0, reset - time.time()) / max(1, limit - remaining)
            self.wait(min(self.max_wait, max(0.5, missing * per_token)), bucket)
        with self._lock:
            self._state.pop(bucket, None)

    def wait(self, seconds: float, bucket: str | None = None) -> None:
        if self.advance is not None:
            self.advanced += seconds
            self.advance(seconds)
            return
        if self.deadline is not None and seconds > self.deadline.left():
            from conformance.budget import BudgetExhausted

            raise BudgetExhausted(
                f"the next request must wait {seconds:.0f} s for a token of bucket {bucket or '?'}, "
                f"past the time budget ({max(0.0, self.deadline.left()):.0f} s left)"
            )
        if self.on_wait is not None and seconds >= 1:
            self.on_wait(bucket, seconds)
        self.waited += seconds
        if bucket:
            self.waits[bucket] = self.waits.get(bucket, 0.0) + seconds
        from conformance.budget import STOP, Interrupted

        if self.sleep is time.sleep:
            # Interruptible: SIGINT/SIGTERM set STOP, whichever thread is waiting here.
            if STOP.wait(seconds):
                raise Interrupted("interrupted while waiting for tokens")
        else:
            self.sleep(seconds)


def _parsed(json_body: Any, body: bytes | None) -> Any:
    if json_body is not None:
        return json_body
    try:
        return json.loads(body) if body else None
    except ValueError:
        return None


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
        costs: CostTable | None = None,
        ledger: SpendLedger | None = None,
    ) -> None:
        self.costs = costs
        # No ledger given: nothing paid may be sent (the safe default for any target).
        self.ledger = ledger if ledger is not None else SpendLedger()
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
            costs=self.costs,
            ledger=self.ledger,
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
        cost, what = 0, f"{method} {path.split('?', 1)[0]}"
        if self.costs is not None:
            cost = self.costs.cost(method, path, _parsed(json_body, body))
            # Raises SpendRefused (a Skip) before anything is sent when the run may not pay for it.
            self.ledger.charge(cost, what)
        retries = self.max_retries_429 if pace else 0
        while True:
            if pace:
                self.pacer.before(bucket)
            try:
                exchange = self._send(method, str(url), sent_headers, body)
            except httpx.HTTPError:
                self.ledger.refund(cost, what)
                raise
            if exchange.status is None or not 200 <= exchange.status < 300:
                self.ledger.refund(cost, what)
                if exchange.status == 429 and retries > 0 and cost:
                    self.ledger.charge(cost, what)  # the retry is a new paid request
            if pace:
                self.pacer.observe(bucket, exchange.response_headers)
            if exchange.status == 429 and pace and exchange.header("x-ratelimit-remaining") is None:
                self.pacer.refused_without_headers(bucket)
            if exchange.status == 429 and retries > 0:
                retries -= 1
                try:
                    delay = float(exchange.header("retry-after") or 1)
                except ValueError:
                    delay = 1.0
                self.pacer.wait(min(self.pacer.max_wait, max(delay, 0.5)), bucket)
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
