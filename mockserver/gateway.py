"""The gateway: routing and the contract's cross-cutting rules, between Connexion's exception layer and
its validation.

For every request: the route (``routing.py``: 404 for a trailing slash, 405); then, for a contract
operation, in the order openapi.yaml documents: authentication (401); the team's rate-limit bucket (429);
the applied ``Aurous-Version`` (400); the body size limit (413); the ``Idempotency-Key`` (replay or 409);
then dispatch (Connexion's validation and the handler, or the fast lane). Each refusal is raised as an
``AurousError`` and rendered by the exception handlers in app.py, like every other error; the headers
every answer carries are stamped by ``frame.RequestFrame`` from the request's context.

One ASGI class instead of a stack of middlewares, because each layer of ASGI wrapping costs a
send-wrapper per request on the hot path; the rules themselves live in their own modules (``auth``,
``versioning``, ``ratelimit``, ``idempotency``) and this class only sequences them.

It is a Connexion ``SpecMiddleware`` in place of Connexion's RoutingMiddleware: Connexion registers each
API (the public one and /_mock) with it, and it hands its route on the way Connexion's router would.
"""

from __future__ import annotations

from typing import Any

from connexion.middleware.abstract import ROUTING_CONTEXT, SpecMiddleware
from connexion.spec import Specification
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mockserver.auth import KeyRing, key_from_headers
from mockserver.clock import Clock
from mockserver.context import CURRENT, RequestContext
from mockserver.domain.errors import (
    AurousError,
    IdempotencyKeyInUse,
    InvalidRequest,
    NotFound,
    PayloadTooLarge,
    RateLimited,
)
from mockserver.domain.service import RequestedOutcome
from mockserver.fastlane import FastLane
from mockserver.idempotency import Conflict, IdempotencyCache, Replay, StoredResponse, fingerprint
from mockserver.operations import Operation, OperationIndex
from mockserver.ratelimit import RateLimiter
from mockserver.requestbody import (
    JSON_BODY_LIMIT,
    UPLOAD_BODY_LIMIT,
    check_json,
    normalized_scope,
    parse_media_type,
    read_body,
    replaying,
)
from mockserver.routing import Route, Routes
from mockserver.versioning import Versions

_BODY_LIMITS = {"putUploadContent": UPLOAD_BODY_LIMIT}  # the others take JSON
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


_PREFERRED_OUTCOMES: dict[str, RequestedOutcome] = {"succeed": "succeed", "fail": "fail", "instant": "instant"}


def _outcome_from_prefer(value: bytes | None) -> RequestedOutcome | None:
    """`Prefer: outcome=fail` (or `instant`, `succeed`): a per-request synthesis outcome, as Prism's Prefer."""
    if not value:
        return None
    for part in value.decode("latin-1").split(","):
        name, _, choice = part.strip().partition("=")
        if name.strip().lower() == "outcome" and choice.strip() in _PREFERRED_OUTCOMES:
            return _PREFERRED_OUTCOMES[choice.strip()]
    return None


class Gateway(SpecMiddleware):
    def __init__(
        self,
        app: ASGIApp,
        *,
        index: OperationIndex,
        keyring: KeyRing,
        versions: Versions,
        limiter: RateLimiter,
        idempotency: IdempotencyCache,
        clock: Clock,
        fast_lane: FastLane | None = None,
        faults: Any = None,
    ) -> None:
        self.faults = faults  # mockserver.faults.Faults: injected latency, 429/5xx, failed syntheses
        self.app = app
        self.routes = Routes()
        self.contract_base_path: str | None = None  # where Connexion mounted the API `index` was read from
        self.index = index
        self.keyring = keyring
        self.versions = versions
        self.limiter = limiter
        self.idempotency = idempotency
        self.clock = clock
        self.fast_lane = fast_lane

    def add_api(self, specification: Specification, base_path: str | None = None, **kwargs: Any) -> None:
        """Connexion registers each API here as on the router it replaces (public: "", control: /_mock)."""
        base_path = specification.base_path if base_path is None else base_path
        operation_ids = self.routes.add_api(specification["paths"], base_path)
        if operation_ids and operation_ids <= self.index.by_id.keys():
            self.contract_base_path = base_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        context = CURRENT.get()  # opened by frame.RequestFrame
        headers = context.headers
        context.outcome = _outcome_from_prefer(headers.get(b"prefer"))
        try:
            route = self.routes.match(scope["method"], scope["path"])
        except AurousError:  # 405: still echo the caller's team pin
            self._echo_team_pin(scope["headers"], context)
            raise
        # Handed on as Connexion's router would: its validation and handler lookup read these.
        scope.setdefault("extensions", {})[ROUTING_CONTEXT] = {
            "api_base_path": None if route is None else route.api_base_path,
            "operation_id": None if route is None else route.operation_id,
        }
        operation = None
        if route is not None:
            scope["path_params"] = route.path_params
            if route.api_base_path == self.contract_base_path:
                operation = self.index.by_id.get(route.operation_id)
        if route is None or operation is None:
            await self._outside_the_contract(scope, receive, send, route, headers, context)
            return
        await self._serve(scope, receive, send, operation, route, headers, context)

    async def _outside_the_contract(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        route: Route | None,
        headers: dict[bytes, bytes],
        context: RequestContext,
    ) -> None:
        """The control API (/_mock), the docs, and paths of neither document (Connexion's 404)."""
        self._echo_team_pin(scope["headers"], context)
        if route is None and self.routes.has_slash_variant(scope["method"], scope["path"]):
            raise NotFound(
                f"No such route: paths are exact and never redirected; did you mean {scope['path'].rstrip('/')}?"
            )
        if route is not None and scope["method"] in _BODY_METHODS:
            # The control API's bodies: the same reader, limit and JSON checks as the public API's.
            body = await read_body(receive, headers, JSON_BODY_LIMIT)
            media_type = parse_media_type(headers.get(b"content-type"))
            if media_type is None or media_type.is_json:
                check_json(body, media_type)
            scope, receive = normalized_scope(scope, body, media_type), replaying(body, receive)
        await self.app(scope, receive, send)

    def _echo_team_pin(self, headers: list[tuple[bytes, bytes]], context: RequestContext) -> None:
        """Outside a contract operation, a valid key still picks the version echoed: its team's pin."""
        if any(name in (b"x-api-key", b"authorization") for name, _ in headers):
            try:
                team = self.keyring.authenticate(key_from_headers(headers))
            except AurousError:
                return
            context.version = self.versions.echo(context.requested_version, team.pinned_version)

    async def _serve(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        operation: Operation,
        route: Route,
        headers: dict[bytes, bytes],
        context: RequestContext,
    ) -> None:
        if operation.secured:
            context.team = self.keyring.authenticate(key_from_headers(scope["headers"]))
        pinned = context.team.pinned_version if context.team else None
        # The echo value first, so that a 400 for a malformed or unknown version still names the version
        # this team would have been served under.
        context.version = self.versions.echo(context.requested_version, pinned)

        body = b""
        document = None
        # Answered after the bucket: a 413, or a body no validator can take, still counts and carries X-RateLimit-*.
        body_error: AurousError | None = None
        if operation.has_body:
            raw_limit = _BODY_LIMITS.get(operation.operation_id)
            try:
                body = await read_body(receive, headers, raw_limit or JSON_BODY_LIMIT)
                media_type = parse_media_type(headers.get(b"content-type"))
                scope = normalized_scope(scope, body, media_type)
                if raw_limit is None and (media_type is None or media_type.is_json):
                    document = check_json(body, media_type)
            except (PayloadTooLarge, InvalidRequest) as error:
                body_error = error

        bucket = operation.bucket_for(document if operation.flow_buckets else None)
        if bucket is not None and context.team is not None:
            decision = self.limiter.take(context.team.id, bucket, self.clock.now().timestamp())
            context.rate_headers.extend(
                (
                    (b"x-ratelimit-limit", str(decision.limit).encode()),
                    (b"x-ratelimit-remaining", str(decision.remaining).encode()),
                    (b"x-ratelimit-reset", str(decision.reset).encode()),
                )
            )
            if not decision.allowed:
                raise RateLimited(bucket, decision.retry_after)

        # After the bucket: a request refused for its version still counts, and carries X-RateLimit-*.
        context.version = self.versions.resolve(context.requested_version, pinned)
        if body_error is not None:
            raise body_error
        if self.faults is not None and self.faults.active:  # one attribute check when no fault is set
            await self.faults.apply(bucket, context, context.rate_headers)

        replay_receive = replaying(body, receive) if operation.has_body else receive
        key_header = headers.get(b"idempotency-key") if operation.idempotent else None
        if key_header is None or context.team is None:
            await self._dispatch(scope, replay_receive, send, operation, route)
            return

        key = key_header.decode("latin-1")
        if not 1 <= len(key) <= 256:
            raise InvalidRequest(
                "Idempotency-Key must be 1 to 256 characters long.", code="invalid_format", param="Idempotency-Key"
            )
        now = self.clock.now().timestamp()
        print_ = fingerprint(scope["method"], scope["path"], body)
        outcome = self.idempotency.begin(context.team.id, key, print_, now)
        if isinstance(outcome, Replay):
            stored = outcome.stored
            context.version = stored.version or context.version  # the version the body was produced under
            await send(
                {
                    "type": "http.response.start",
                    "status": stored.status,
                    "headers": [*stored.headers, (b"aurous-idempotent-replayed", b"true")],
                }
            )
            await send({"type": "http.response.body", "body": stored.body})
            return
        if isinstance(outcome, Conflict):
            raise IdempotencyKeyInUse(
                "This Idempotency-Key was already used with a different request (body or route), "
                "or its original request is still running.",
                param="Idempotency-Key",
            )

        captured: dict[str, Any] = {"status": 0, "headers": [], "body": []}

        async def capturing_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                # Every header the handler sent (Content-Type, Content-Length): the replay is framed the same.
                captured["headers"] = list(message.get("headers", ()))
            elif message["type"] == "http.response.body":
                captured["body"].append(message.get("body", b""))
            await send(message)

        team_id = context.team.id
        try:
            await self._dispatch(scope, replay_receive, capturing_send, operation, route)
        except BaseException:
            self.idempotency.abandon(team_id, key)
            raise
        if 200 <= captured["status"] < 300:
            stored = StoredResponse(
                status=captured["status"],
                headers=tuple(captured["headers"]),
                body=b"".join(captured["body"]),
                version=context.version,
            )
            self.idempotency.complete(team_id, key, stored, self.clock.now().timestamp())
        else:
            self.idempotency.abandon(team_id, key)

    async def _dispatch(self, scope: Scope, receive: Receive, send: Send, operation: Operation, route: Route) -> None:
        handler = None if self.fast_lane is None else self.fast_lane.handler(operation.operation_id)
        if handler is None:
            await self.app(scope, receive, send)
            return
        await FastLane.answer(handler, route.path_params, send)
