"""Before the gateway reads the clock, the rate-limit switch or the faults, catch up with the other processes."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from .replica import Replica

__all__ = ["ReplicaSync"]


class ReplicaSync:
    def __init__(self, app: ASGIApp, *, replica: Replica) -> None:
        self.app = app
        self.replica = replica

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            self.replica.refresh()  # one GET of the log head when nothing changed; never raises
        await self.app(scope, receive, send)
