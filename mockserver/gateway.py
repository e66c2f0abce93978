"""The gateway: the contract's cross-cutting rules, in front of Connexion.

For every request to a contract operation, in this order (the order openapi.yaml documents): a request
id; authentication (401); the team's rate-limit bucket (429); the applied ``Aurous-Version`` (400); the
body size limit (413); the ``Idempotency-Key`` (replay or 409); then dispatch (validation, the rule). Every response leaves with ``Aurous-Request-Id``,
``Aurous-Version`` and, for metered operations, ``X-RateLimit-*``.

One ASGI class instead of a stack of four middlewares, because each layer of ASGI wrapping costs a
send-wrapper per request on the hot path; the rules themselves live in their own modules (``auth``,
``versioning``, ``ratelimit``, ``idempotency``) and this class only sequences them.

Dispatch goes to Connexion, or (retrieve and save, with ``fast_lane=True``) to the fast lane in
``fastlane.py``, which answers byte for byte as Connexion does.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mockserver import envelope
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
    ServerError,
)
from mockserver.domain.service import RequestedOutcome
from mockserver.fastlane import FastLane
from mockserver.idempotency import Conflict, IdempotencyCache, Replay, StoredResponse, fingerprint
from mockserver.ids import new_request_id
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
from mockserver.versioning import Versions

logger = logging.getLogger("mockserver")

_BODY_LIMITS = {"putUploadContent": UPLOAD_BODY_LIMIT}  # the others take JSON
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_CONTENT_TYPE_JSON = (b"content-type", b"application/json")


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


class Gateway:
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
        service: Any,
        control: Any = None,
        fast_lane: FastLane | None = None,
        faults: Any = None,
    ) -> None:
        self.control = control
        self.faults = faults  # mockserver.faults.Faults: injected latency, 429/5xx, failed syntheses
        self.app = app
        self.index = index
        self.keyring = keyring
        self.versions = versions
        self.limiter = limiter
        self.idempotency = idempotency
        self.clock = clock
        self.service = service
        self.fast_lane = fast_lane

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        headers: dict[bytes, bytes] = dict(scope["headers"])
        raw_version = headers.get(b"aurous-version")
        requested_version = raw_version.decode("latin-1") if raw_version is not None else None
        context = RequestContext(
            request_id=new_request_id(),
            version=self.versions.echo(requested_version, None),
            service=self.service,
            control=self.control,
            outcome=_outcome_from_prefer(headers.get(b"prefer")),
        )
        token = CURRENT.set(context)
        rate_headers: list[tuple[bytes, bytes]] = []
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [
                    *message.get("headers", ()),
                    (b"aurous-request-id", context.request_id.encode()),
                    (b"aurous-version", context.version.encode()),
                    *rate_headers,
                ]
            await send(message)

        try:
            try:
                matched = self.index.match(scope["method"], scope["path"])
            except AurousError:  # 405 on a contract path: still echo the caller's team pin
                self._echo_team_pin(scope["headers"], requested_version, context)
                raise
            if matched is None:
                # Not a contract operation: Connexion answers (404/405, docs, control API) and the
                # envelope handlers registered in app.py shape its errors.
                self._echo_team_pin(scope["headers"], requested_version, context)
                if self._is_slash_variant(scope["method"], scope["path"]):
                    raise NotFound(
                        f"No such route: paths are exact and never redirected; did you mean {scope['path'].rstrip('/')}?"
                    )
                if scope["method"] in _BODY_METHODS and scope["path"].startswith("/_mock/"):
                    # The control API's bodies: the same reader, limit and JSON checks as the public API's.
                    body = await read_body(receive, headers, JSON_BODY_LIMIT)
                    media_type = parse_media_type(headers.get(b"content-type"))
                    if media_type is None or media_type.is_json:
                        check_json(body, media_type)
                    scope, receive = normalized_scope(scope, body, media_type), replaying(body, receive)
                await self.app(scope, receive, send_with_headers)
                return
            operation, path_params = matched
            await self._serve(
                scope,
                receive,
                send_with_headers,
                operation,
                path_params,
                headers,
                requested_version,
                context,
                rate_headers,
            )
        except AurousError as error:
            if started:
                raise
            await self._send_error(send_with_headers, error, context)
        except Exception:
            if started:
                raise
            logger.exception("unexpected error serving %s %s", scope["method"], scope["path"])
            await self._send_error(send_with_headers, ServerError("The mock server failed unexpectedly."), context)
        finally:
            CURRENT.reset(token)

    def _is_slash_variant(self, method: str, path: str) -> bool:
        """A route of either API with a trailing slash: a 404 here, not Starlette's bodiless 307 redirect."""
        if len(path) < 2 or not path.endswith("/"):
            return False
        if path.startswith("/_mock/"):
            return not path.startswith("/_mock/docs")  # Swagger UI lives at /_mock/docs/
        try:
            return self.index.match(method, path.rstrip("/")) is not None
        except AurousError:  # the path exists with other methods
            return True

    def _echo_team_pin(
        self, headers: list[tuple[bytes, bytes]], requested: str | None, context: RequestContext
    ) -> None:
        """Outside a contract operation, a valid key still picks the version echoed: its team's pin."""
        if any(name in (b"x-api-key", b"authorization") for name, _ in headers):
            try:
                team = self.keyring.authenticate(key_from_headers(headers))
            except AurousError:
                return
            context.version = self.versions.echo(requested, team.pinned_version)

    async def _serve(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        operation: Operation,
        path_params: dict[str, str],
        headers: dict[bytes, bytes],
        requested_version: str | None,
        context: RequestContext,
        rate_headers: list[tuple[bytes, bytes]],
    ) -> None:
        if operation.secured:
            context.team = self.keyring.authenticate(key_from_headers(scope["headers"]))
        pinned = context.team.pinned_version if context.team else None
        # The echo value first, so that a 400 for a malformed or unknown version still names the version
        # this team would have been served under.
        context.version = self.versions.echo(requested_version, pinned)

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
            rate_headers.extend(
                (
                    (b"x-ratelimit-limit", str(decision.limit).encode()),
                    (b"x-ratelimit-remaining", str(decision.remaining).encode()),
                    (b"x-ratelimit-reset", str(decision.reset).encode()),
                )
            )
            if not decision.allowed:
                raise RateLimited(bucket, decision.retry_after)

        # After the bucket: a request refused for its version still counts, and carries X-RateLimit-*.
        context.version = self.versions.resolve(requested_version, pinned)
        if body_error is not None:
            raise body_error
        if self.faults is not None and self.faults.active:  # one attribute check when no fault is set
            await self.faults.apply(bucket, context, rate_headers)

        replay_receive = replaying(body, receive) if operation.has_body else receive
        key_header = headers.get(b"idempotency-key") if operation.idempotent else None
        if key_header is None or context.team is None:
            await self._dispatch(scope, replay_receive, send, operation, path_params)
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
            await self._dispatch(scope, replay_receive, capturing_send, operation, path_params)
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

    async def _dispatch(
        self, scope: Scope, receive: Receive, send: Send, operation: Operation, path_params: dict[str, str]
    ) -> None:
        handler = None if self.fast_lane is None else self.fast_lane.handler(operation.operation_id)
        if handler is None:
            await self.app(scope, receive, send)
            return
        await FastLane.answer(handler, path_params, send)

    @staticmethod
    async def _send_error(send: Send, error: AurousError, context: RequestContext) -> None:
        body = envelope.render(error, context.request_id)
        length = (b"content-length", str(len(body)).encode())
        await send(
            {
                "type": "http.response.start",
                "status": error.status,
                "headers": [length, _CONTENT_TYPE_JSON, *envelope.error_headers(error)],
            }
        )
        await send({"type": "http.response.body", "body": body})
