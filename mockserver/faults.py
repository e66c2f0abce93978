"""Faults on demand: added latency, a fraction of 429s and 5xx, a fraction of failed syntheses.

Every fault is one a real deployment can produce, in the contract's own terms, so that a client practises
its real failure handling: a 429 is ``rate_limit``/``too_many_requests`` with ``Retry-After`` and
``X-RateLimit-Remaining: 0``; a 5xx is type ``server_error``, code ``internal_error``, in the Aurous envelope; a failed synthesis ends in
``failed`` with ``error_message``. Faults apply to contract operations only (``/v1/...``), never to
``/_mock`` or the docs.

The gateway asks ``faults.active`` (one attribute) before anything else here, so a mock without faults
pays nothing. ``FaultSettings`` is the frozen, validated value (from flags or ``PUT /_mock/faults``);
``Faults`` holds the live one and the dice (seedable, so a run can be replayed).
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import asdict, dataclass, fields
from typing import Any

from mockserver.domain.errors import BadGateway, RateLimited, ServerError, ServiceUnavailable

__all__ = ["FaultSettings", "Faults"]

ERROR_STATUSES = (500, 502, 503)


_SERVER_ERRORS: dict[int, type[ServerError]] = {500: ServerError, 502: BadGateway, 503: ServiceUnavailable}


@dataclass(frozen=True)
class FaultSettings:
    latency_ms: float = 0.0  # added to every /v1 response
    latency_jitter_ms: float = 0.0  # plus a uniform 0..jitter
    error_rate: float = 0.0  # fraction of /v1 requests answered with a 5xx server_error instead
    error_status: int = 500  # 500, 502 or 503
    rate_limit_rate: float = 0.0  # fraction of metered /v1 requests answered 429 too_many_requests
    retry_after: int = 1  # the Retry-After of those 429s, seconds
    synthesis_failure_rate: float = 0.0  # fraction of started syntheses that end failed
    seed: int | None = None  # for reproducible dice

    @property
    def active(self) -> bool:
        return bool(self.latency_ms or self.latency_jitter_ms or self.error_rate or self.rate_limit_rate) or bool(
            self.synthesis_failure_rate
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> FaultSettings:
        """Validated; a ``ValueError`` whose first argument names the offending field."""
        if not isinstance(data, dict):
            raise ValueError("faults", "The faults must be a JSON object.")
        known = {f.name for f in fields(cls)}
        for name in data:
            if name not in known:
                raise ValueError(name, f"Unknown fault setting {name!r}; known: {', '.join(sorted(known))}.")
        values = {**asdict(cls()), **data}
        for name in ("latency_ms", "latency_jitter_ms"):
            _number(values, name, 0, 60_000)
        for name in ("error_rate", "rate_limit_rate", "synthesis_failure_rate"):
            _number(values, name, 0, 1)
        if values["error_rate"] + values["rate_limit_rate"] > 1:
            raise ValueError("error_rate", "error_rate + rate_limit_rate must be at most 1.")
        if values["error_status"] not in ERROR_STATUSES or isinstance(values["error_status"], bool):
            raise ValueError("error_status", f"error_status must be one of {', '.join(map(str, ERROR_STATUSES))}.")
        _integer(values, "retry_after", 1, 3600)
        if values["seed"] is not None:
            _integer(values, "seed", 0, 2**63)
        return cls(**values)


def _number(values: dict[str, Any], name: str, low: float, high: float) -> None:
    value = values[name]
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ValueError(name, f"{name} must be a number from {low:g} to {high:g}.")


def _integer(values: dict[str, Any], name: str, low: int, high: int) -> None:
    value = values[name]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(name, f"{name} must be an integer from {low} to {high}.")


class Faults:
    """The live fault settings; ``start`` is what ``POST /_mock/reset`` comes back to."""

    def __init__(self, start: FaultSettings | None = None) -> None:
        self.start = start or FaultSettings()
        self.set(self.start)

    def set(self, settings: FaultSettings) -> None:
        self.settings = settings
        self._random = random.Random(settings.seed)
        self.active = settings.active  # the gateway's one check per request

    def reset(self) -> None:
        self.set(self.start)

    async def apply(self, bucket: str | None, context: Any, rate_headers: list[tuple[bytes, bytes]]) -> None:
        """Called by the gateway once the request is authenticated and metered, before dispatch.

        Sleeps for the latency, then may raise a 429 or 5xx, or mark this request's synthesis to fail
        (``context.outcome``, as ``Prefer: outcome=fail`` would; an explicit Prefer wins).
        """
        s, dice = self.settings, self._random
        if s.latency_ms or s.latency_jitter_ms:
            await asyncio.sleep((s.latency_ms + dice.uniform(0, s.latency_jitter_ms)) / 1000)
        if s.error_rate or s.rate_limit_rate:
            roll = dice.random()
            if roll < s.rate_limit_rate and bucket is not None:
                rate_headers[:] = [(n, b"0" if n == b"x-ratelimit-remaining" else v) for n, v in rate_headers]
                raise RateLimited(
                    bucket,
                    s.retry_after,
                    f"Too many requests in the {bucket} rate-limit bucket "
                    f"(injected by the mock's faults); retry after {s.retry_after} s.",
                )
            if s.rate_limit_rate <= roll < s.rate_limit_rate + s.error_rate:
                raise _SERVER_ERRORS[s.error_status]("The server failed (injected by the mock's faults); retry later.")
        if s.synthesis_failure_rate and context.outcome is None and dice.random() < s.synthesis_failure_rate:
            context.outcome = "fail"
