"""``--state-file PATH``: the mock's state survives a restart.

What is kept: every character, upload and image row and every team's balance (``Store.snapshot()``), and
the clock (a manual clock resumes where it stopped; a real clock keeps its offset). What is not: rate-limit
buckets and idempotency keys (they expire within a day anyway) and run-time settings (flags decide those).

Writing: atomically — a temp file in the same directory, flushed and fsynced, then ``os.replace`` — so
a crash mid-write leaves the previous file whole. The state is written every ``interval`` seconds when it
changed, and on clean shutdown (uvicorn's lifespan shutdown comes after in-flight requests finished), so
nothing acknowledged before a clean shutdown is lost.

Reading, at start: a missing file means a fresh start (fixtures seeded); a file that is not JSON, not an
Aurous mock state file, of another format, or naming teams this mock does not have is a ``StateFileError``
with the reason — the mock refuses to start rather than silently begin empty and overwrite it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mockserver.clock import ManualClock, SystemClock
from mockserver.settings import ConfigError
from mockserver.store import SNAPSHOT_FORMAT

__all__ = ["KIND", "StateFile", "StateFileError", "StateFileMiddleware"]

logger = logging.getLogger("mockserver")

KIND = "aurous-mock-state"


class StateFileError(ConfigError):
    """A state file the mock cannot resume from; the message says why and what to do."""


class StateFile:
    def __init__(self, path: str | Path, service: Any, clock: Any) -> None:
        self.path = Path(path)
        self.service = service
        self.clock = clock
        self._last_written: str | None = None

    # -- reading ---------------------------------------------------------------------------------------

    def load(self) -> bool:
        """Restore the state from the file; False when there is no file yet (a fresh start)."""
        path = self.path
        if not path.exists():
            return False
        advice = "move it away (or delete it) to start from an empty state"
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise StateFileError(f"state file {path} cannot be read ({exc}); {advice}") from None
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise StateFileError(f"state file {path} is corrupt (not JSON: {exc}); {advice}") from None
        if not isinstance(data, dict) or data.get("kind") != KIND:
            raise StateFileError(f"state file {path} is not an Aurous mock state file (no \"kind\": \"{KIND}\"); {advice}")
        if data.get("format") != SNAPSHOT_FORMAT:
            raise StateFileError(
                f"state file {path} has format {data.get('format')!r}, this mock reads format {SNAPSHOT_FORMAT}; {advice}"
            )
        store = self.service.store
        try:
            snapshot = data["store"]
            team_ids = {row["team_id"] for key in ("characters", "uploads", "images") for row in snapshot[key]}
            team_ids |= set(snapshot["credits"])
            foreign = sorted(team_ids - set(store.teams))
            if foreign:
                raise StateFileError(
                    f"state file {path} holds teams this mock is not configured with ({', '.join(foreign)}); "
                    f"start with the same --config/--fixtures teams, or {advice}"
                )
            store.restore(snapshot)
            self._restore_clock(data.get("clock") or {})
        except StateFileError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            store.reset()
            raise StateFileError(f"state file {path} is corrupt ({type(exc).__name__}: {exc}); {advice}") from None
        self._last_written = text
        return True

    def _restore_clock(self, clock_state: dict[str, Any]) -> None:
        if isinstance(self.clock, ManualClock) and clock_state.get("now"):
            saved = datetime.fromisoformat(clock_state["now"])
            if saved > self.clock.now():
                self.clock.set(saved)
        elif isinstance(self.clock, SystemClock):
            self.clock.offset = timedelta(seconds=float(clock_state.get("offset_seconds", 0)))

    # -- writing ---------------------------------------------------------------------------------------

    def render(self) -> str:
        clock: dict[str, Any] = {"now": self.clock.now().isoformat()}
        if isinstance(self.clock, SystemClock):
            clock["offset_seconds"] = self.clock.offset.total_seconds()
        data = {"kind": KIND, "format": SNAPSHOT_FORMAT, "clock": clock, "store": self.service.store.snapshot()}
        return json.dumps(data, indent=1, sort_keys=True)

    def save(self) -> bool:
        """Write the state if it changed since the last write; True when a file was written."""
        text = self.render()
        if text == self._last_written and self.path.exists():
            return False
        directory = self.path.parent
        directory.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, 0o644)  # mkstemp's 0600 would surprise whoever reads the file
            os.replace(temp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        with contextlib.suppress(OSError):  # make the rename itself durable where the platform allows
            dir_fd = os.open(directory, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        self._last_written = text
        return True


class StateFileMiddleware:
    """Runs the periodic writer between lifespan startup and shutdown, and writes once more at shutdown."""

    def __init__(self, app: ASGIApp, *, state_file: StateFile, interval: float) -> None:
        self.app = app
        self.state_file = state_file
        self.interval = interval

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "lifespan":
            await self.app(scope, receive, send)
            return
        task: asyncio.Task[None] | None = None

        async def watching_receive() -> Message:
            nonlocal task
            message = await receive()
            if message["type"] == "lifespan.startup" and task is None:
                task = asyncio.create_task(self._periodically())
            elif message["type"] == "lifespan.shutdown":
                if task is not None:
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await task
                self._save("shutdown")
            return message

        await self.app(scope, watching_receive, send)

    async def _periodically(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            self._save("periodic")

    def _save(self, why: str) -> None:
        try:
            if self.state_file.save():
                logger.debug("state written to %s (%s)", self.state_file.path, why)
        except OSError as exc:  # keep serving; say so loudly
            logger.error("cannot write the state file %s: %s", self.state_file.path, exc)
