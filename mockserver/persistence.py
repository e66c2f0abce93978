"""``--state-file PATH``: the mock's state survives a restart.

What is kept: every character, upload and image row and every team's balance (``statecodec.snapshot``), and
the clock (a manual clock resumes where it stopped; a real clock keeps its offset). What is not: rate-limit
buckets and idempotency keys (they expire within a day anyway) and run-time settings (flags decide those).

Writing: atomically — a temp file in the same directory, flushed and fsynced, then ``os.replace`` — so
a crash mid-write leaves the previous file whole. The state is written every ``interval`` seconds when it
changed, and on clean shutdown (uvicorn's lifespan shutdown comes after in-flight requests finished), so
nothing acknowledged before a clean shutdown is lost.

Reading, at start: a missing file means a fresh start (fixtures seeded, then written at once, which also
proves the path writable); a file that is not JSON, not an Aurous mock state file, of another format,
naming teams this mock does not have, or with a bad field (named: ``store.credits.team_x``, ``clock.now``)
is a ``StateFileError`` with the reason — the mock refuses to start rather than silently begin empty and
overwrite it.

One mock per file: ``open()`` takes an exclusive ``flock`` on ``PATH.lock`` for the life of the process
(a second mock on the same file refuses to start); it also refuses a path it cannot write.

Durability (``--durability``):
- ``interval`` (default): the whole state every ``interval`` seconds when changed, and at clean shutdown.
  A SIGKILL or power loss loses what changed since the last write (at most ``interval`` seconds of work).
- ``durable``: in addition, every change the store makes is appended to ``PATH.journal`` and fsynced
  before the response that acknowledges it starts; a start replays the journal over the last snapshot,
  and each snapshot write empties it. Nothing acknowledged is lost; each write request pays one fsync
  (the benchmark measures it).

A write that fails while running is logged at ERROR on every failure and shown in ``GET /_mock/settings``
(``persistence.healthy``, ``last_error``); the mock keeps serving from memory.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import json
import logging
import math
import os
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mockserver import statecodec
from mockserver.clock import ManualClock, SystemClock
from mockserver.settings import ConfigError
from mockserver.statecodec import SNAPSHOT_FORMAT

__all__ = ["DURABILITIES", "KIND", "StateFile", "StateFileError", "StateFileMiddleware"]

logger = logging.getLogger("mockserver")

KIND = "aurous-mock-state"
DURABILITIES = ("interval", "durable")


class StateFileError(ConfigError):
    """A state file the mock cannot resume from; the message says why and what to do."""


class StateFile:
    def __init__(self, path: str | Path, service: Any, clock: Any, durability: str = "interval") -> None:
        self.path = Path(path)
        self.service = service
        self.clock = clock
        self.durability = durability
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.journal_path = self.path.with_name(self.path.name + ".journal")
        self._last_written: str | None = None
        self._lock_fd: int | None = None
        self._journal: Any = None  # the open journal file (durable mode)
        self._pending: list[tuple[str, Any]] = []  # changes not yet in the journal
        self.healthy = True
        self.last_error: str | None = None
        self.last_error_at: str | None = None
        self.failures = 0
        self.last_saved_at: str | None = None

    # -- owning the file -------------------------------------------------------------------------------

    def open(self) -> None:
        """Refuse a path that cannot be written, or one another mock holds; then hold it until ``close()``."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StateFileError(
                f"cannot write the state file {self.path}: {exc.strerror or exc}; choose a path in a writable directory"
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise StateFileError(
                f"state file {self.path} is in use by another mock server (pid {holder}, lock {self.lock_path}); "
                "stop that one, or give this one another --state-file"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._lock_fd = fd
        if self.durability == "durable":
            try:
                self._journal = open(self.journal_path, "a", encoding="utf-8")
            except OSError as exc:
                self.close()
                raise StateFileError(f"cannot write the journal {self.journal_path}: {exc.strerror or exc}") from None

    def start_journal(self) -> None:
        """From now on, every change of the store goes to the journal (after load and seeding)."""
        if self._journal is not None:
            self.service.store.journal = self._note

    def close(self) -> None:
        self.service.store.journal = None
        if self._journal is not None:
            with contextlib.suppress(OSError):
                self._journal.close()
            self._journal = None
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
                os.close(self._lock_fd)
            self._lock_fd = None

    def status(self) -> dict[str, Any]:
        """What GET /_mock/settings shows as ``persistence``."""
        return {
            "state_file": str(self.path),
            "durability": self.durability,
            "healthy": self.healthy,
            "failures": self.failures,
            "last_error": self.last_error,
            "last_error_at": self.last_error_at,
            "last_saved_at": self.last_saved_at,
        }

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
            raise StateFileError(f'state file {path} is not an Aurous mock state file (no "kind": "{KIND}"); {advice}')
        if data.get("format") != SNAPSHOT_FORMAT:
            raise StateFileError(
                f"state file {path} has format {data.get('format')!r}, this mock reads format {SNAPSHOT_FORMAT}; {advice}"
            )
        store = self.service.store
        try:
            clock_state = _checked_clock(data.get("clock") or {})
            snapshot = data["store"]
            if not isinstance(snapshot, dict):
                raise ValueError("store: must be an object")
            statecodec.restore(store, snapshot)  # checks every field first, naming it
            team_ids = {row.team_id for row in store.all_characters()}
            team_ids |= {row.team_id for row in (*store.all_uploads(), *store.all_images())}
            team_ids |= set(snapshot.get("credits", {}))
            foreign = sorted(team_ids - set(store.teams))
            if foreign:
                store.reset()
                raise StateFileError(
                    f"state file {path} holds teams this mock is not configured with ({', '.join(foreign)}); "
                    f"start with the same --config/--fixtures teams, or {advice}"
                )
            self._restore_clock(clock_state)
        except StateFileError:
            raise
        except KeyError as exc:
            store.reset()
            raise StateFileError(f"state file {path} is corrupt (store.{exc.args[0]}: missing); {advice}") from None
        except (TypeError, ValueError, AttributeError) as exc:
            store.reset()
            where = "" if str(exc).startswith("clock.") else "store."
            raise StateFileError(f"state file {path} is corrupt ({where}{exc}); {advice}") from None
        self._last_written = text
        self._replay_journal(advice)
        return True

    def _replay_journal(self, advice: str) -> None:
        """Apply the changes acknowledged after the snapshot (durable mode); a torn last line is dropped."""
        if not self.journal_path.exists():
            return
        lines = self.journal_path.read_text(encoding="utf-8", errors="replace").splitlines()
        store = self.service.store
        for number, line in enumerate(lines, 1):
            try:
                record = json.loads(line)
            except ValueError:
                if number == len(lines):
                    break  # the write a crash interrupted: never acknowledged
                raise StateFileError(f"journal {self.journal_path} line {number} is corrupt; {advice}") from None
            try:
                if record.get("t") == "clock":
                    self._restore_clock(_checked_clock(record))
                else:
                    statecodec.apply_record(store, record)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise StateFileError(f"journal {self.journal_path} line {number}: {exc}; {advice}") from None
        self._last_written = None  # the file on disk lacks the journal's changes: the next save writes them

    def _restore_clock(self, clock_state: dict[str, Any]) -> None:
        if isinstance(self.clock, ManualClock) and clock_state.get("now"):
            saved = clock_state["now"]
            if saved > self.clock.now():
                self.clock.set(saved)
        elif isinstance(self.clock, SystemClock):
            self.clock.offset = timedelta(seconds=clock_state.get("offset_seconds", 0.0))

    # -- writing ---------------------------------------------------------------------------------------

    def render(self) -> str:
        clock = self._clock_state()
        data = {
            "kind": KIND,
            "format": SNAPSHOT_FORMAT,
            "clock": clock,
            "store": statecodec.snapshot(self.service.store),
        }
        return json.dumps(data, indent=1, sort_keys=True)

    def _note(self, kind: str, value: Any) -> None:
        self._pending.append((kind, value))

    def flush(self) -> bool:
        """Durable mode: append the pending changes (and the clock) to the journal and fsync it.

        False when the write failed (reported: logged, and in ``status()``); the changes stay pending.
        """
        if not self._pending or self._journal is None:
            return True
        lines = [json.dumps(statecodec.encode_record(kind, value), sort_keys=True) for kind, value in self._pending]
        lines.append(json.dumps({"t": "clock", **self._clock_state()}, sort_keys=True))
        try:
            self._journal.write("\n".join(lines) + "\n")
            self._journal.flush()
            os.fsync(self._journal.fileno())
        except (OSError, ValueError) as exc:
            self._failed("journal", self.journal_path, exc)
            return False
        self._pending.clear()
        return True

    def save_reporting(self, why: str) -> None:
        """``save()``; a failure is logged at ERROR (every time) and kept for ``status()``, never raised."""
        try:
            if self.save():
                logger.debug("state written to %s (%s)", self.path, why)
        except OSError as exc:
            self._failed("state file", self.path, exc)

    def _failed(self, what: str, path: Path, exc: BaseException) -> None:
        self.healthy = False
        self.failures += 1
        self.last_error = f"cannot write the {what} {path}: {exc}"
        self.last_error_at = _now()
        logger.error("%s; acknowledged changes are NOT on disk (failure %d)", self.last_error, self.failures)

    def _clock_state(self) -> dict[str, Any]:
        clock: dict[str, Any] = {"now": self.clock.now().isoformat()}
        if isinstance(self.clock, SystemClock):
            clock["offset_seconds"] = self.clock.offset.total_seconds()
        return clock

    def save(self) -> bool:
        """Write the state if it changed since the last write; True when a file was written."""
        text = self.render()
        if text == self._last_written and self.path.exists():
            self._pending.clear()
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
        # Everything pending is in the snapshot now: the journal starts again from it.
        self._pending.clear()
        if self._journal is not None:
            self._journal.truncate(0)
        self.healthy = True
        self.last_saved_at = _now()
        return True


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _checked_clock(clock_state: Any) -> dict[str, Any]:
    """``clock.now`` an aware ISO 8601 time, ``clock.offset_seconds`` a finite number; ValueError names the field."""
    if not isinstance(clock_state, dict):
        raise ValueError("clock.: must be an object")
    checked: dict[str, Any] = {}
    now = clock_state.get("now")
    if now is not None:
        try:
            parsed = datetime.fromisoformat(now)
        except (TypeError, ValueError):
            raise ValueError(f"clock.now: not an ISO 8601 time: {now!r}") from None
        if parsed.tzinfo is None:
            raise ValueError(f"clock.now: has no UTC offset: {now!r}")
        checked["now"] = parsed
    offset = clock_state.get("offset_seconds", 0)
    if isinstance(offset, bool) or not isinstance(offset, int | float) or not math.isfinite(offset):
        raise ValueError(f"clock.offset_seconds: not a finite number of seconds: {offset!r}")
    checked["offset_seconds"] = float(offset)
    return checked


class StateFileMiddleware:
    """Runs the periodic writer between lifespan startup and shutdown, and writes once more at shutdown."""

    def __init__(self, app: ASGIApp, *, state_file: StateFile, interval: float) -> None:
        self.app = app
        self.state_file = state_file
        self.interval = interval

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.state_file.durability == "durable":
            await self.app(scope, receive, self._durably(send))
            return
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
                self.state_file.close()
            return message

        await self.app(scope, watching_receive, send)

    def _durably(self, send: Send) -> Send:
        """Durable mode: the changes a request made are in the fsynced journal before its response starts."""
        state_file = self.state_file

        async def send_after_flush(message: Message) -> None:
            if message["type"] == "http.response.start":
                state_file.flush()
            await send(message)

        return send_after_flush

    async def _periodically(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            self._save("periodic")

    def _save(self, why: str) -> None:
        self.state_file.save_reporting(why)  # keeps serving; says so loudly
