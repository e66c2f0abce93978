"""Rate limits: the ``X-RateLimit-*`` headers on every response, and the 429's shape.

Exhausting a bucket burns a real team's quota, so :func:`exhausted_bucket_is_429_with_retry_after` runs
only with ``--exhaust-rate-limits`` or against the mock (whose clock the kit advances afterwards to refill).
"""

from __future__ import annotations

import time

from conformance.checks.base import UNKNOWN_ID, Kit, behaviour, envelope
from conformance.failures import RateLimitHeadersBroken, RateLimitResponseBroken, Skip

__all__: list[str] = []


def _headers(exchange) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    try:
        return (
            int(exchange.header("x-ratelimit-limit")),
            int(exchange.header("x-ratelimit-remaining")),
            int(float(exchange.header("x-ratelimit-reset"))),
        )
    except (TypeError, ValueError):
        raise RateLimitHeadersBroken(
            "X-RateLimit-Limit/Remaining/Reset missing or not integers: "
            f"{exchange.header('x-ratelimit-limit')!r}/{exchange.header('x-ratelimit-remaining')!r}/"
            f"{exchange.header('x-ratelimit-reset')!r}",
            exchange=exchange,
        ) from None


@behaviour("ratelimit")
def every_response_carries_rate_limit_headers(kit: Kit) -> None:
    """Every response carries `X-RateLimit-Limit` (capacity), `X-RateLimit-Remaining` (tokens left after this
    request) and `X-RateLimit-Reset` (epoch second at which the bucket is full again)."""
    for exchange in (
        kit.client.get("/v1/characters", params={"limit": 1}),
        kit.client.get(f"/v1/characters/{UNKNOWN_ID}"),
        kit.client.post(f"/v1/characters/{UNKNOWN_ID}/save"),
    ):
        limit, remaining, _ = _headers(exchange)
        if not 0 <= remaining <= limit:
            raise RateLimitHeadersBroken(f"remaining {remaining} outside 0..{limit}", exchange=exchange)


@behaviour("ratelimit")
def list_and_retrieve_draw_on_the_characters_get_bucket(kit: Kit) -> None:
    """Bucket `characters_get`: 120/min sustained, 240 burst — list, retrieve (X-RateLimit-Limit is the burst)."""
    burst = kit.contract.burst("characters_get")
    exchange = kit.client.get("/v1/characters", params={"limit": 1})
    limit, _, _ = _headers(exchange)
    if burst is not None and limit != burst:
        raise RateLimitHeadersBroken(
            f"X-RateLimit-Limit {limit} on list; characters_get has burst {burst}", exchange=exchange
        )


@behaviour("ratelimit")
def remaining_tokens_decrease_per_request(kit: Kit) -> None:
    """`X-RateLimit-Remaining` is the tokens left after this request: two back-to-back requests spend one
    each (refill may add at most what the elapsed time allows)."""
    first = kit.client.post(f"/v1/characters/{UNKNOWN_ID}/save", pace=False)
    started = time.monotonic()
    second = kit.client.post(f"/v1/characters/{UNKNOWN_ID}/save", pace=False)
    _, r1, _ = _headers(first)
    limit, r2, _ = _headers(second)
    # A request that took a token cannot leave the bucket full: tokens never exceed the capacity.
    if max(r1, r2) >= limit:
        raise RateLimitHeadersBroken(
            f"remaining {max(r1, r2)} after a request that spent a token; the capacity is {limit}", exchange=second
        )
    # characters_post refills 30/min: at most one token per 2 s, plus one for rounding.
    allowed = int((time.monotonic() - started) / 2) + 1
    if r2 >= r1 + allowed and r1 < limit:
        raise RateLimitHeadersBroken(f"remaining went {r1} → {r2}; a request must spend a token", exchange=second)


@behaviour("ratelimit")
def rate_limit_reset_is_epoch_seconds(kit: Kit) -> None:
    """`X-RateLimit-Reset` is the epoch second at which the bucket is full again (seconds, not milliseconds,
    not a delay)."""
    exchange = kit.client.get("/v1/characters", params={"limit": 1})
    raw = exchange.header("x-ratelimit-reset")
    if raw is None or not raw.isdigit():
        raise RateLimitHeadersBroken(
            f"X-RateLimit-Reset is {raw!r}; expected an integer epoch second", exchange=exchange
        )
    # Epoch seconds of 2001-09-09 .. 2286-11-20 have 10 digits; milliseconds 13, a delay a few.
    if not 10**9 <= int(raw) < 10**10:
        raise RateLimitHeadersBroken(
            f"X-RateLimit-Reset is {raw}: not an epoch second (milliseconds have 13 digits, a delay few)",
            exchange=exchange,
        )


@behaviour("ratelimit", needs=("exhaust",))
def exhausted_bucket_is_429_with_retry_after(kit: Kit) -> None:
    """A refused request gets 429, type `rate_limit`, code `too_many_requests`, a message naming the bucket,
    and `Retry-After` (seconds)."""
    cheap = kit.mock is not None and kit.mock.can_advance
    if not cheap and not kit.exhaust_rate_limits:
        raise Skip(
            "exhausting a bucket burns the team's quota (and then waits for it to refill): pass "
            "--exhaust-rate-limits (free against a mock on --clock manual)"
        )
    burst = kit.contract.burst("characters_post")
    refused = None
    for _ in range(burst + 5):
        exchange = kit.client.post(f"/v1/characters/{UNKNOWN_ID}/save", pace=False)
        if exchange.status == 429:
            refused = exchange
            break
    try:
        if refused is None:
            raise RateLimitResponseBroken(
                f"{burst + 5} saves in a row never got a 429 (characters_post burst is {burst})",
                exchange=kit.client.log[-1],
            )
        error = envelope(refused)
        if (error["type"], error["code"]) != ("rate_limit", "too_many_requests"):
            raise RateLimitResponseBroken(f"429 with {error['type']!r}/{error['code']!r}", exchange=refused)
        if "characters_post" not in (error.get("message") or ""):
            raise RateLimitResponseBroken(
                f"429 message {error['message']!r} does not name the bucket", exchange=refused
            )
        retry_after = refused.header("retry-after")
        if retry_after is None or not retry_after.isdigit():
            raise RateLimitResponseBroken(f"Retry-After is {retry_after!r}; expected seconds", exchange=refused)
        # characters_post refills 30/min: one token within 2 s; a value over a minute is not seconds.
        if int(retry_after) > 60:
            raise RateLimitResponseBroken(
                f"Retry-After is {retry_after} for a bucket that refills a token every 2 s: not seconds",
                exchange=refused,
            )
        _, remaining, _ = _headers(refused)
        if remaining != 0:
            raise RateLimitResponseBroken(f"429 with X-RateLimit-Remaining {remaining}", exchange=refused)
    finally:
        # Give the bucket back: the mock's clock moves on; a real deployment is simply waited for.
        if cheap:
            kit.mock.advance(150)  # type: ignore[union-attr]
        # Otherwise the client's pacer waits for the refill before the next characters_post request.
