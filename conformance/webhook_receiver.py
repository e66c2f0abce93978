"""A webhook receiver the kit runs (``--webhook-listen HOST:PORT``): records every delivery exactly as sent.

A standard-library ``ThreadingHTTPServer`` on a daemon thread, so the deployment's deliveries never wait
on the kit's checks. It keeps the raw body (signatures are over the raw bytes), the headers and the wall
time of arrival, and answers each POST with the status the checks ask for: 200 by default, or the next
status of a per-path script (``script("/retry", [500, 200])``) so a check can make a delivery fail and watch
it come back. Paths separate the endpoints the kit registers (one path per endpoint).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["Delivery", "WebhookReceiver"]


@dataclass(frozen=True)
class Delivery:
    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    received_at: float  # time.time() on arrival
    answered: int

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class WebhookReceiver:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._lock = threading.Condition()
        self._deliveries: list[Delivery] = []
        self._scripts: dict[str, list[int]] = {}
        self._hold: dict[str, threading.Event] = {}
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path = self.path.split("?", 1)[0]
                hold = receiver._hold.get(path)
                if hold is not None:
                    hold.wait(30)  # a slow receiver, for as long as the test holds it (at most 30 s)
                status = receiver._next_status(path)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()
                receiver._record(
                    Delivery(path, {k.lower(): v for k, v in self.headers.items()}, body, time.time(), status)
                )

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, name="webhook-receiver", daemon=True)

    # -- lifecycle ----------------------------------------------------------------------------------------

    def start(self) -> WebhookReceiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        for event in self._hold.values():
            event.set()
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> WebhookReceiver:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def url(self, path: str = "/") -> str:
        host = self.server.server_address[0]
        assert isinstance(host, str)  # an AF_INET/AF_INET6 server's address
        return f"http://{host}:{self.port}{path}"

    # -- behaviour ----------------------------------------------------------------------------------------

    def script(self, path: str, statuses: Iterable[int]) -> None:
        """Answer the next deliveries to ``path`` with these statuses, then 200."""
        with self._lock:
            self._scripts[path] = list(statuses)

    def hold(self, path: str) -> threading.Event:
        """Make deliveries to ``path`` hang until the returned event is set (a slow receiver)."""
        event = threading.Event()
        self._hold[path] = event
        return event

    def _next_status(self, path: str) -> int:
        with self._lock:
            script = self._scripts.get(path)
            return script.pop(0) if script else 200

    def _record(self, delivery: Delivery) -> None:
        with self._lock:
            self._deliveries.append(delivery)
            self._lock.notify_all()

    # -- what arrived -------------------------------------------------------------------------------------

    def deliveries(self, path: str | None = None) -> list[Delivery]:
        with self._lock:
            return [d for d in self._deliveries if path is None or d.path == path]

    def wait_for(
        self, predicate: Callable[[list[Delivery]], bool], *, path: str | None = None, timeout: float = 15.0
    ) -> list[Delivery]:
        """Wait until ``predicate(deliveries to path)`` holds; returns them (whatever they are at the timeout)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [d for d in self._deliveries if path is None or d.path == path]
                remaining = deadline - time.monotonic()
                if predicate(found) or remaining <= 0:
                    return found
                self._lock.wait(remaining)
