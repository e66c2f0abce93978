"""Wiring of the frontend-developer features (issue 4), called from ``app.create_app``.

What each concern is lives in its own module — ``cors``, ``requestlog``, ``faults``, ``fixtures``,
``persistence``, ``control/guard`` — this module only decides which are installed, in which order:

    StateFileMiddleware   (lifespan only; with --state-file)
    Cors                  outermost for HTTP: every response, gateway errors included, gets the headers
    RequestLogMiddleware  sees the final status; reads the team from the gateway's context
    Gateway               (app.py) asks faults.active once per request
    HostGuard             (with an allow-list: the CLI on loopback) /_mock only for allowed Host names
    ControlGuard          (with --control-token) inside the gateway, which renders its 401 envelope
"""

from __future__ import annotations

import ipaddress
from dataclasses import replace
from typing import Any

from connexion.middleware import MiddlewarePosition

from mockserver.control.frontend_facade import FrontendControl
from mockserver.control.guard import ControlGuard
from mockserver.control.hosts import HostGuard
from mockserver.cors import Cors
from mockserver.faults import Faults
from mockserver.fixtures import Fixtures, load_fixture_data
from mockserver.persistence import StateFile, StateFileError, StateFileMiddleware
from mockserver.requestlog import RequestLog, RequestLogMiddleware
from mockserver.settings import Settings, apply_config

__all__ = ["FrontendKit", "is_loopback", "prepare_settings"]


def prepare_settings(settings: Settings) -> tuple[Settings, dict[str, Any] | None]:
    """Read the fixtures (if any); fixtures that bring their own teams replace the configured ones."""
    if settings.fixtures is None:
        return settings, None
    data = load_fixture_data(settings.fixtures)
    if "teams" in data:
        settings = replace(settings, teams=apply_config(settings, {"teams": data["teams"]}).teams)
    return settings, data


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class FrontendKit:
    def __init__(
        self,
        settings: Settings,
        fixture_data: dict[str, Any] | None,
        *,
        service: Any,
        clock: Any,
        limiter: Any,
        idempotency: Any,
        default_version: str,
    ) -> None:
        self.settings = settings
        fixtures = None
        if fixture_data is not None:
            fixtures = Fixtures(fixture_data, settings.teams, default_version=default_version)
            fixtures.check_buckets(limiter.buckets)
        self.faults = Faults(settings.faults)
        self.requests = RequestLog(settings.request_log_size)
        self.control = FrontendControl(
            service=service,
            clock=clock,
            limiter=limiter,
            idempotency=idempotency,
            faults=self.faults,
            requests=self.requests,
            fixtures=fixtures,
            default_version=default_version,
            clock_kind=settings.clock,
        )
        self.state_file = None
        if settings.state_file is None:
            self.control.seed()
            return
        # Locked and proven writable first; a file that exists wins over the fixtures; a bad one stops the
        # start (StateFileError); a fresh start is written at once.
        self.state_file = StateFile(settings.state_file, service, clock, settings.durability)
        self.state_file.open()
        try:
            if not self.state_file.load():
                self.control.seed()
                try:
                    self.state_file.save()
                except OSError as exc:
                    raise StateFileError(f"cannot write the state file {settings.state_file}: {exc}") from None
        except BaseException:
            self.state_file.close()
            raise
        self.state_file.start_journal()
        self.control.state_file = self.state_file

    def add_outer_middleware(self, app: Any) -> None:
        """Before the gateway is added: each lands just inside the previous one, outside the gateway."""
        if self.state_file is not None:
            app.add_middleware(
                StateFileMiddleware,
                position=MiddlewarePosition.BEFORE_EXCEPTION,
                state_file=self.state_file,
                interval=self.settings.state_save_seconds,
            )
        app.add_middleware(Cors, position=MiddlewarePosition.BEFORE_EXCEPTION, origins=self.settings.cors_origins)
        app.add_middleware(RequestLogMiddleware, position=MiddlewarePosition.BEFORE_EXCEPTION, log=self.requests)

    def add_inner_middleware(self, app: Any) -> None:
        """After the gateway is added: inside it."""
        if self.settings.allowed_hosts is not None:
            app.add_middleware(
                HostGuard, position=MiddlewarePosition.BEFORE_EXCEPTION, allowed=self.settings.allowed_hosts
            )
        if self.settings.control_token:
            app.add_middleware(
                ControlGuard, position=MiddlewarePosition.BEFORE_EXCEPTION, token=self.settings.control_token
            )
