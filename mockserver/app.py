"""create_app(settings): the only wiring of the mock server, top to bottom.

``openapi.yaml`` (the public API) and ``control/control.yaml`` (the /_mock API) drive it. The gateway
(gateway.py) routes every request once and applies the contract's cross-cutting rules; Connexion validates
and calls the handlers; every error, whoever raises it, is rendered by the exception handlers below,
through ``envelope``.

The stack, outermost first (Connexion's own layers in brackets; each ``add_middleware`` below lands just
inside the previous one of its position):

    [ServerErrorMiddleware]
    StateFileMiddleware   (with --state-file; lifespan only) periodic and shutdown writes
    Cors                  every response, errors included, gets the CORS headers
    RequestLogMiddleware  sees the final status; reads the team from the request's context
    ReplicaSync           (with --store redis://) catch up with the other processes before the gateway reads
                          the clock, the rate-limit switch and the faults
    RequestFrame          opens the request's context; stamps Aurous-Request-Id, Aurous-Version, X-RateLimit-*
                          on every answer, the error handlers' included (frame.py)
    [ExceptionMiddleware] every exception raised below becomes the envelope (the handlers in this module)
    Gateway               in place of Connexion's router and security: route (404, 405), 401, 429, version,
                          413, Idempotency-Key; asks faults.active once; the fast lane (retrieve, save)
    RefImages             the PNGs behind refs[].url
    HostGuard             (with an allow-list: the CLI on loopback) /_mock only for allowed Host names
    ControlGuard          (with --control-token) /_mock needs X-Mock-Token
    SwaggerPage           /docs/: our page, Connexion's files
    [SwaggerUIMiddleware, RequestValidationMiddleware (validation.py: 415, 400), ResponseValidationMiddleware,
     LifespanMiddleware, ContextMiddleware, the handlers (handlers.py)]
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from connexion import AsyncApp
from connexion.datastructures import MediaTypeDict
from connexion.exceptions import ProblemException
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from connexion.middleware import ConnexionMiddleware, MiddlewarePosition
from connexion.middleware.exceptions import ExceptionMiddleware
from connexion.middleware.routing import RoutingMiddleware
from connexion.middleware.security import SecurityMiddleware
from connexion.options import SwaggerUIOptions
from connexion.spec import OpenAPISpecification
from connexion.validators import VALIDATOR_MAP
from starlette.exceptions import HTTPException

from aurous_contract import SPEC_PATH, load_spec
from mockserver import envelope
from mockserver.auth import KeyRing
from mockserver.clock import ManualClock, SystemClock
from mockserver.context import CURRENT
from mockserver.control.facade import MockControl
from mockserver.control.guard import ControlGuard
from mockserver.control.hosts import HostGuard
from mockserver.cors import Cors
from mockserver.docs_page import SwaggerPage
from mockserver.domain.errors import (
    AurousError,
    InvalidRequest,
    MethodNotAllowed,
    NotFound,
    ServerError,
    UnsupportedMediaType,
)
from mockserver.domain.service import CharactersService, ServiceSettings
from mockserver.fastlane import FastLane
from mockserver.faults import Faults
from mockserver.fixtures import FixtureContract, Fixtures, load_fixture_data
from mockserver.frame import RequestFrame
from mockserver.gateway import Gateway
from mockserver.handlers import CONTROL_HANDLERS, PUBLIC_HANDLERS, TableResolver
from mockserver.idempotency import IdempotencyCache
from mockserver.operations import OperationIndex
from mockserver.persistence import StateFile, StateFileError, StateFileMiddleware
from mockserver.ratelimit import RateLimiter
from mockserver.refimages import PREFIX as REF_IMAGES_PREFIX
from mockserver.refimages import RefImages
from mockserver.requestlog import RequestLog, RequestLogMiddleware
from mockserver.serialization import JSONIFIER
from mockserver.settings import ConfigError, Settings, apply_config
from mockserver.store import Store
from mockserver.validation import ContractJSONBodyValidator, ContractParameterValidator
from mockserver.versioning import Versions
from mockserver.webhooks import install as install_webhooks

logger = logging.getLogger("mockserver")

CONTROL_SPEC_PATH = Path(__file__).parent / "control" / "control.yaml"


def _connexion_stack(gateway: Any) -> list[Any]:
    """Connexion's own stack with the gateway just inside its exception layer, and without its
    RoutingMiddleware and SecurityMiddleware: the gateway routes and authenticates every request, so
    Connexion is not asked to do either a second time."""
    stack: list[Any] = []
    for middleware in ConnexionMiddleware.default_middlewares:
        if middleware in (RoutingMiddleware, SecurityMiddleware):
            continue
        stack.append(middleware)
        if middleware is ExceptionMiddleware:
            stack.append(gateway)
    return stack


def _validator_map() -> dict[str, Any]:
    body = dict(VALIDATOR_MAP["body"])
    body["*/*json"] = ContractJSONBodyValidator
    return {"parameter": ContractParameterValidator, "body": MediaTypeDict(body)}


def _respond(error: AurousError) -> ConnexionResponse:
    return ConnexionResponse(
        status_code=error.status,
        mimetype=envelope.JSON_CONTENT_TYPE,
        body=envelope.render(error, CURRENT.get().request_id),  # the context frame.RequestFrame opened
        headers=dict((name.decode(), value.decode()) for name, value in envelope.error_headers(error)),
    )


# Connexion's words for a 415: "Invalid Content-type (text/plain), expected ['application/json']".
_CONTENT_TYPE_DETAIL = re.compile(r"Invalid Content-type \((?P<sent>[^)]*)\), expected \[(?P<expected>[^\]]*)\]")


def _unsupported_media_type(detail: str) -> UnsupportedMediaType:
    """A 415 whose message names the header that fixes it (curl's -d sends a form type unless told)."""
    match = _CONTENT_TYPE_DETAIL.search(detail)
    if match is None:
        return UnsupportedMediaType(f"Unsupported Content-Type. {detail}".strip())
    expected = [kind.strip(" '\"") for kind in match["expected"].split(",")]
    expected = [kind for kind in expected if kind] or ["application/json"]
    message = (
        f"Content-Type {match['sent'] or '(none)'} is not accepted here: send the body as {' or '.join(expected)}, "
        f"with the header 'Content-Type: {expected[0]}'."
    )
    if match["sent"].startswith("application/x-www-form-urlencoded"):
        message += " (curl -d sends a form type unless you add -H 'Content-Type: application/json'.)"
    return UnsupportedMediaType(message)


def _translate_problem(status: int, detail: str) -> AurousError:
    """Connexion's and Starlette's own errors, in the contract's terms."""
    if status == 404:
        return NotFound("No such route in the Aurous API.", code="resource_not_found")
    if status == 405:
        return MethodNotAllowed()
    if status == 415:
        return _unsupported_media_type(detail)
    if 400 <= status < 500:
        return InvalidRequest(detail or "The request is not valid.", code="invalid_request_error")
    return ServerError()


async def _on_aurous_error(_request: ConnexionRequest, error: Exception) -> ConnexionResponse:
    assert isinstance(error, AurousError)
    return _respond(error)


async def _on_problem(_request: ConnexionRequest, problem: Exception) -> ConnexionResponse:
    assert isinstance(problem, ProblemException)
    return _respond(_translate_problem(problem.status, str(problem.detail or "")))


async def _on_http_exception(_request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    assert isinstance(exc, HTTPException)
    return _respond(_translate_problem(exc.status_code, str(exc.detail or "")))


async def _on_unexpected(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    logger.error("unexpected error serving %s %s", request.method, request.url.path, exc_info=exc)
    return _respond(ServerError("The mock server failed unexpectedly."))


@contextmanager
def _trusting_shipped_contract(spec_path: Path) -> Iterator[None]:
    """Skip Connexion's re-validation of the shipped contract while the APIs are added.

    Connexion validates every spec it loads against the OpenAPI meta-schema, which takes about 40% of
    the mock's start-up. The shipped ``openapi.yaml`` is validated by the test suite with
    openapi-spec-validator (the same check) on every CI run, so it is skipped for that file only;
    any other spec is validated as usual.
    """
    if Path(spec_path).resolve() != SPEC_PATH.resolve():
        yield
        return
    original = OpenAPISpecification._validate_spec
    OpenAPISpecification._validate_spec = classmethod(lambda cls, spec: None)
    try:
        yield
    finally:
        OpenAPISpecification._validate_spec = original


def prepare_settings(settings: Settings) -> tuple[Settings, dict[str, Any] | None]:
    """Read the fixtures (if any); fixtures that bring their own teams replace the configured ones."""
    if settings.fixtures is None:
        return settings, None
    data = load_fixture_data(settings.fixtures)
    if "teams" in data:
        settings = replace(settings, teams=apply_config(settings, {"teams": data["teams"]}).teams)
    return settings, data


def _open_state_file(settings: Settings, service: Any, clock: Any, control: MockControl) -> StateFile | None:
    """Without --state-file: seed from the fixtures. With it: locked and proven writable first; a file that
    exists wins over the fixtures; a bad one stops the start (StateFileError); a fresh start is written at once."""
    if settings.state_file is None:
        control.seed()
        return None
    state_file = StateFile(settings.state_file, service, clock, settings.durability)
    state_file.open()
    try:
        if not state_file.load():
            control.seed()
            try:
                state_file.save()
            except OSError as exc:
                raise StateFileError(f"cannot write the state file {settings.state_file}: {exc}") from None
    except BaseException:
        state_file.close()
        raise
    state_file.start_journal()
    control.state_file = state_file
    return state_file


def _redis_client(settings: Settings) -> Any:
    """With --store redis://: a client that answered PING (``RedisUnreachable``, a ConfigError, if not)."""
    if settings.store == "memory":
        return None
    if settings.state_file is not None:
        raise ConfigError(
            "--state-file keeps the memory store's state; with --store redis the state is Redis's: "
            "keep it across restarts with Redis's own persistence (appendonly yes, or RDB save points)"
        )
    from mockserver import redis_backend  # only here: the memory store never imports redis

    return redis_backend.connect(settings.store)


def _shared_state(settings: Settings, client: Any, control: MockControl) -> tuple[Any, Any, Any]:
    """(replica, the service, the facade): with the memory store, no replica and the objects themselves.

    With Redis, the service and the facade run each operation as one transaction of the shared mock."""
    if client is None:
        return None, control.service, control
    from mockserver import redis_backend

    replica = redis_backend.Replica(client, settings.redis_prefix, url=settings.store, control=control)
    service = redis_backend.Replicated(control.service, replica)
    return replica, service, redis_backend.Replicated(control, replica, control=True)


def create_app(settings: Settings | None = None) -> AsyncApp:
    settings = settings or Settings()
    settings, fixture_data = prepare_settings(settings)  # fixtures may bring their own teams
    spec_path = settings.spec_path or SPEC_PATH
    spec = load_spec(spec_path)
    index = OperationIndex(spec)

    clock = ManualClock() if settings.clock == "manual" else SystemClock()
    store = Store(settings.teams)
    service = CharactersService(
        store,
        clock,
        ServiceSettings(
            synthesis_seconds=settings.synthesis_seconds,
            synthesis_outcome=settings.synthesis_outcome,
            failure_message=settings.failure_message,
            lifecycle_variant=settings.lifecycle_variant,
            storage_base_url=f"{settings.base_url}{REF_IMAGES_PREFIX.rstrip('/')}",  # served by refimages.py
            upload_base_url=settings.base_url,
            credit_costs=index.credit_costs,  # the spec's x-aurous-credit-cost, not a table of our own
        ),
    )
    client = _redis_client(settings)  # None with the memory store
    if client is None:
        limiter: Any = RateLimiter(index.buckets, enabled=settings.rate_limits)
        idempotency: Any = IdempotencyCache(max_entries=settings.idempotency_max_keys)
        requests: Any = RequestLog(settings.request_log_size)
    else:  # shared by every process: token buckets, Idempotency-Keys, the request log (Redis errors are 503s)
        from mockserver.redis_backend import Guarded, RedisIdempotencyCache, RedisRateLimiter, RedisRequestLog

        prefix = settings.redis_prefix
        limiter = Guarded(RedisRateLimiter(client, prefix, index.buckets, enabled=settings.rate_limits))
        idempotency = Guarded(
            RedisIdempotencyCache(client, prefix, max_entries=settings.idempotency_max_keys),
            quiet=("complete", "abandon"),  # after the response started: logged, the answer stands
        )
        requests = Guarded(RedisRequestLog(client, prefix, settings.request_log_size), quiet=("append",))

    # The control API's one facade, with what it resets: fixtures, fault dice, request log.
    fixture_contract = FixtureContract.from_spec(
        spec, default_version=index.default_version, version_pattern=index.version_pattern
    )
    fixtures = None
    if fixture_data is not None:
        fixtures = Fixtures(fixture_data, settings.teams, contract=fixture_contract)
        fixtures.check_buckets(limiter.buckets)
    faults = Faults(settings.faults)
    control = MockControl(
        service=service,
        clock=clock,
        limiter=limiter,
        idempotency=idempotency,
        fixture_contract=fixture_contract,
        faults=faults,
        requests=requests,
        fixtures=fixtures,
        clock_kind=settings.clock,
    )
    # With --store redis://: the service and the facade run each operation as one transaction of the
    # shared mock (redis_backend/replica.py).
    replica, shared_service, shared_control = _shared_state(settings, client, control)

    # Webhook endpoints per team; deliveries on a worker thread, timed by the mock's clock.
    webhooks, webhook_worker = install_webhooks(
        shared_service,
        clock,
        event_types=index.webhook_event_types,  # the spec's WebhookEventType: what "*" expands to
        real_clock=settings.clock != "manual",
        shared=None if replica is None else replica.webhooks_facade,
    )
    control.webhooks = webhooks
    if replica is not None:
        replica.start()  # the shared state loaded from Redis, or seeded into it by this first process
    state_file = None if replica is not None else _open_state_file(settings, service, clock, control)  # else seeded

    versions = Versions(index.default_version, index.known_versions, index.version_pattern)
    gateway = partial(
        Gateway,
        index=index,
        keyring=KeyRing(settings.teams),
        versions=versions,
        limiter=limiter,
        idempotency=idempotency,
        clock=clock,
        fast_lane=FastLane() if settings.fast_lane else None,  # fastlane.py: retrieve and save
        faults=faults,
    )
    app = AsyncApp(
        __name__,
        jsonifier=JSONIFIER,
        validator_map=_validator_map(),
        middlewares=_connexion_stack(gateway),
    )
    with _trusting_shipped_contract(spec_path):
        app.add_api(
            spec,
            resolver=TableResolver(PUBLIC_HANDLERS, "PUBLIC_HANDLERS"),
            swagger_ui_options=SwaggerUIOptions(swagger_ui_path="/docs"),
            name="public",
        )
    app.add_api(
        load_spec(CONTROL_SPEC_PATH),  # mounted at its servers URL, /_mock
        resolver=TableResolver(CONTROL_HANDLERS, "CONTROL_HANDLERS"),
        swagger_ui_options=SwaggerUIOptions(swagger_ui_path="/docs"),
        name="control",
    )
    for exception, handler in (
        (AurousError, _on_aurous_error),
        (ProblemException, _on_problem),
        (HTTPException, _on_http_exception),
        (Exception, _on_unexpected),
    ):
        app.add_error_handler(exception, handler)

    # The middleware, outermost first (the module docstring draws the stack).
    before_exception = MiddlewarePosition.BEFORE_EXCEPTION
    if state_file is not None:
        app.add_middleware(
            StateFileMiddleware, position=before_exception, state_file=state_file, interval=settings.state_save_seconds
        )
    app.add_middleware(Cors, position=before_exception, origins=settings.cors_origins)
    app.add_middleware(RequestLogMiddleware, position=before_exception, log=requests)
    if replica is not None:
        from mockserver.redis_backend import ReplicaSync

        app.add_middleware(ReplicaSync, position=before_exception, replica=replica)
    app.add_middleware(
        RequestFrame, position=before_exception, versions=versions, service=shared_service, control=shared_control
    )
    # Inside the exception layer, just after the gateway (which is in Connexion's stack, above):
    after_gateway = MiddlewarePosition.BEFORE_SWAGGER
    app.add_middleware(RefImages, position=after_gateway, service=shared_service, clock=clock)
    if settings.allowed_hosts is not None:
        app.add_middleware(HostGuard, position=after_gateway, allowed=settings.allowed_hosts)
    if settings.control_token:
        app.add_middleware(ControlGuard, position=after_gateway, token=settings.control_token)
    app.add_middleware(SwaggerPage, position=after_gateway)

    # Exposed for tests and tools running in-process (the control API offers the same over HTTP).
    app.state = type("MockState", (), {})()
    app.state.service, app.state.clock, app.state.settings = shared_service, clock, settings
    app.state.replica = replica
    app.state.webhooks, app.state.webhook_worker = webhooks, webhook_worker
    app.state.default_version = index.default_version
    return app
