"""The one helper that starts a real mock server (``python -m mockserver``) on a free port.

Every test that needs a real socket (a restart, a browser, uvicorn's own parser, a plain Schemathesis run,
the kit's CLI, the real clock) starts the server through ``MockProcess`` or ``running_mock``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from harness.ports import free_port

__all__ = ["ROOT", "MockProcess", "free_port", "running_mock"]

ROOT = Path(__file__).resolve().parents[1]


class MockProcess:
    """``python -m mockserver --port <free> *args`` in a child process.

    ``output``: where stdout goes (PIPE by default; DEVNULL for a quiet server); ``merge_stderr`` sends
    stderr to the same stream (tests that read the banner and the warnings in order).
    """

    def __init__(self, *args: str, output: int | IO[Any] = subprocess.PIPE, merge_stderr: bool = False) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        stderr: int | IO[Any] = subprocess.STDOUT if merge_stderr else output
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mockserver", "--port", str(self.port), *args],
            cwd=ROOT,
            stdout=output,
            stderr=stderr,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )

    def wait_ready(self, timeout: float = 30) -> MockProcess:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.process.stderr.read() if self.process.stderr else ""
                raise AssertionError(f"the mock exited with {self.process.returncode}: {err}")
            try:
                urllib.request.urlopen(f"{self.base}/_mock/teams", timeout=1).read()
                return self
            except (OSError, urllib.error.URLError):
                time.sleep(0.05)
        raise AssertionError("the mock did not answer in time")

    def stop(self, sig: int = signal.SIGTERM) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def close(self) -> None:
        self.stop()
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()

    def finish(self, timeout: float = 30) -> tuple[int, str]:
        """For a process expected to exit by itself: (exit code, stderr)."""
        _out, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, err


@contextmanager
def running_mock(*args: str) -> Iterator[str]:
    """A quiet mock, ready; yields its base URL and stops it after."""
    server = MockProcess(*args, output=subprocess.DEVNULL)
    try:
        yield server.wait_ready().base
    finally:
        server.close()
