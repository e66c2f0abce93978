"""Before the gateway reads the clock, the rate-limit switch or the faults, catch up with the other processes;
the request's reads are then answered from the replica without the lock."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from .replica import SYNCED, Replica

__all__ = ["ReplicaSync"]


class ReplicaSync:
    def __init__(self, app: ASGIApp, *, replica: Replica) -> None:
        self.app = app
        self.replica = replica

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.replica.refresh():  # one MGET when nothing changed; never raises
            await self.app(scope, receive, send)
            return
        token = SYNCED.set(self.replica)  # this request's reads need no lock (replica.py, READS)
        try:
            await self.app(scope, receive, send)
        finally:
            SYNCED.reset(token)
