"""A real ``redis-server`` for the tests and scripts that claim shared-state behaviour.

``RedisServer`` runs Debian's ``redis-server`` (or the one on PATH) on a free port in a temp dir, with no
persistence (``--save '' --appendonly no``) and bound to 127.0.0.1. ``stop()`` then ``start()`` brings the same
server back on the same port (an outage as clients see it). ``running_redis()`` is the context manager for
scripts (``bench/redis_store.py``); ``tests/conftest.py`` turns it into the session-wide ``redis_url`` fixture.

Where ``redis-server`` is missing the tests that need it skip, unless ``AUROUS_REQUIRE_REDIS`` is set
(``.ci/run`` installs the package and sets it), so in CI a missing server fails them instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from harness.ports import free_port

__all__ = ["REDIS_SERVER", "RedisServer", "RedisUnavailable", "missing_reason", "running_redis", "unique_prefix"]

REDIS_SERVER = shutil.which("redis-server") or (
    "/usr/bin/redis-server" if os.access("/usr/bin/redis-server", os.X_OK) else None
)
REQUIRED = bool(os.environ.get("AUROUS_REQUIRE_REDIS"))


class RedisUnavailable(RuntimeError):
    """redis-server is not installed here."""


def missing_reason() -> str | None:
    """Why the Redis tests cannot run here (None: they can)."""
    if REDIS_SERVER is None:
        return "redis-server is not installed here (Debian package redis-server; .ci/run installs it, CI always has it)"
    return None


def unique_prefix(label: str = "test") -> str:
    """A key prefix no other test uses, so tests sharing one server never see each other's keys."""
    return f"{label}-{uuid.uuid4().hex[:12]}"


def _ping(port: int) -> bool:
    """True when the server on ``port`` answers PING (a raw RESP exchange: no client library involved)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


class RedisServer:
    """One ``redis-server`` child process; its port and directory outlive ``stop()`` so ``start()`` restarts it."""

    def __init__(self, directory: Path, port: int | None = None) -> None:
        if REDIS_SERVER is None:
            raise RedisUnavailable(missing_reason())
        self.directory = directory
        self.port = port if port is not None else free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[str] | None = None
        self._log: IO[Any] | None = None

    def start(self, timeout: float = 20) -> RedisServer:
        assert REDIS_SERVER is not None
        if self.process is not None and self.process.poll() is None:
            return self
        self._log = open(self.directory / "redis.log", "a")  # closed in stop()
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.directory),
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
            ],
            cwd=self.directory,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.process.returncode}: {self.log_tail()}")
            if _ping(self.port):
                return self
            time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"redis-server did not answer PING on port {self.port} in {timeout} s: {self.log_tail()}")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL if it lingers); the port is free again afterwards."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def restart(self) -> RedisServer:
        """Stop and start again on the same port (the data is gone: nothing is persisted)."""
        self.stop()
        return self.start()

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None and _ping(self.port)

    def log_tail(self, chars: int = 2000) -> str:
        path = self.directory / "redis.log"
        return path.read_text(errors="replace")[-chars:] if path.exists() else ""


@contextmanager
def running_redis() -> Iterator[RedisServer]:
    """A ready redis-server in a temp dir; yields it (``.url``, ``.stop()``, ``.start()``) and stops it after."""
    with tempfile.TemporaryDirectory(prefix="aurous-redis-") as directory:
        server = RedisServer(Path(directory))
        try:
            yield server.start()
        finally:
            server.stop()
