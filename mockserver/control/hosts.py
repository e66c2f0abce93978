"""The control API answers only to the Host names it is served under (a DNS-rebinding defence).

A page on ``attacker.example`` whose name is re-pointed at 127.0.0.1 can make a browser send requests to a
mock on loopback — with ``Host: attacker.example``. Without this check such a page could read every API
key from ``GET /_mock/teams`` and reset the state. So, like other dev servers (webpack's
``allowedHosts``, Vite's ``server.allowedHosts``, Django's ``ALLOWED_HOSTS``), ``/_mock`` requires a Host in
an allow-list: by default, when the CLI binds to loopback, the loopback names (``--allowed-host`` adds
names; ``*`` turns the check off). The public ``/v1`` API needs a key anyway and is left alone.

A pure ASGI class, installed only with an allow-list, inside Connexion's exception layer (app.py's handlers render the 400 envelope).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

from mockserver.domain.errors import HostNotAllowed

__all__ = ["DEFAULT_LOOPBACK_HOSTS", "HostGuard", "HostNotAllowed", "host_name", "is_loopback"]

DEFAULT_LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def is_loopback(host: str) -> bool:
    """A bind address that only this machine can reach (the CLI then turns the Host check on)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(value: str) -> str:
    """``[::1]:8000`` → ``::1``; ``LocalHost:80`` → ``localhost``: the name without port, lower case."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class HostGuard:
    def __init__(self, app: ASGIApp, *, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = frozenset(host_name(name) for name in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("path", "").startswith("/_mock"):
            given = dict(scope["headers"]).get(b"host")
            if given is not None and host_name(given.decode("latin-1")) not in self.allowed:
                raise HostNotAllowed(
                    f"The control API answers only to {', '.join(sorted(self.allowed))} as Host "
                    "(start the mock with --allowed-host NAME to add one).",
                    param="Host",
                )
        await self.app(scope, receive, send)
