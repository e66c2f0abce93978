"""Rate limits: enforcement, the configured burst, `Retry-After`, the `X-RateLimit-*` headers, the 429."""

from __future__ import annotations

import copy
import json
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from aurous_contract import SPEC_PATH, load_spec
from mockserver.settings import Settings
from mutants.broken import Modifier, Request, Response

__all__ = [
    "NoRateLimitEnforcement",
    "NoRemainingHeader",
    "RateLimitCodeWrong",
    "RateLimitHeadersMissingOnErrors",
    "RemainingNeverDecreases",
    "RetryAfterMissing",
    "WrongBurst",
]

RATE_HEADERS = ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset")


class _RateFault(Modifier):
    family = "rate limits"


@dataclass
class NoRateLimitEnforcement(_RateFault):
    """Rate limiting is switched off in production: no request is ever refused (headers still sent)."""

    caught_by = "exhausted_bucket_is_429_with_retry_after"

    def settings(self, base: Settings) -> Settings:
        return replace(base, rate_limits=False)


@dataclass
class WrongBurst(_RateFault):
    """The `characters_post` bucket is configured with burst 30 (its per-minute rate) instead of 60."""

    caught_by = "save_draws_on_the_characters_post_bucket"

    def settings(self, base: Settings) -> Settings:
        spec = copy.deepcopy(load_spec(base.spec_path or SPEC_PATH))  # the loaded spec is shared: never mutate it
        spec["x-aurous-rate-limit-buckets"]["characters_post"]["burst"] = 30
        directory = Path(tempfile.mkdtemp(prefix="mutant-wrong-burst-"))
        (directory / "openapi.json").write_text(json.dumps(spec))
        return replace(base, spec_path=directory / "openapi.json")


@dataclass
class RetryAfterMissing(_RateFault):
    """A 429 carries no `Retry-After`, so clients cannot tell when to come back."""

    caught_by = "exhausted_bucket_is_429_with_retry_after"

    def response(self, req: Request, resp: Response) -> Response:
        if resp.status == 429:
            resp.headers.pop("retry-after", None)
        return resp


@dataclass
class RateLimitCodeWrong(_RateFault):
    """A 429 carries `code: rate_limit_exceeded` instead of `too_many_requests`."""

    caught_by = "exhausted_bucket_is_429_with_retry_after"

    def response(self, req: Request, resp: Response) -> Response:
        body = resp.envelope()
        if resp.status == 429 and body is not None:
            body["error"]["code"] = "rate_limit_exceeded"
            body["error"]["doc_url"] = "https://docs.aurous-labs.com/errors#rate_limit_exceeded"
            resp.set_json(body)
        return resp


@dataclass
class NoRemainingHeader(_RateFault):
    """`X-RateLimit-Remaining` is never sent."""

    caught_by = "every_response_carries_rate_limit_headers"

    def response(self, req: Request, resp: Response) -> Response:
        resp.headers.pop("x-ratelimit-remaining", None)
        return resp


@dataclass
class RateLimitHeadersMissingOnErrors(_RateFault):
    """`X-RateLimit-*` are set on the success path only: 4xx answers (other than the 429) lack them."""

    caught_by = "every_response_carries_rate_limit_headers"

    def response(self, req: Request, resp: Response) -> Response:
        if 400 <= resp.status < 500 and resp.status != 429:
            for name in RATE_HEADERS:
                resp.headers.pop(name, None)
        return resp


@dataclass
class RemainingNeverDecreases(_RateFault):
    """`X-RateLimit-Remaining` is a constant copy of the limit, whatever the bucket holds."""

    caught_by = "remaining_tokens_decrease_per_request"

    def response(self, req: Request, resp: Response) -> Response:
        if resp.status != 429 and "x-ratelimit-limit" in resp.headers:
            resp.headers["x-ratelimit-remaining"] = resp.headers["x-ratelimit-limit"]
        return resp
