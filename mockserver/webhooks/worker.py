"""The delivery worker: sends what the hub says is due, on a thread of its own, never in a request.

A daemon thread runs its own asyncio loop with one ``httpx.AsyncClient`` (10 s timeout, no redirects, no
proxies from the environment). Every ``TICK`` it asks the hub for the attempts due by the mock's clock
and starts one task per attempt, so a slow or dead receiver holds only its own task: neither the API's
requests (another thread, another loop) nor the other deliveries wait for it.

The thread starts on the first delivery and stops after ``IDLE_EXIT`` seconds with nothing pending (tests
build many apps). On a real clock, while active endpoints exist, it also asks the server's loop to finish
the syntheses that are due, so that ``character.completed`` goes out on time even if nobody polls.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from typing import Any

from . import rules
from .hub import DeliveryJob, WebhookHub

__all__ = ["DeliveryWorker"]

logger = logging.getLogger("mockserver.webhooks")

TICK = 0.05
IDLE_EXIT = 2.0
USER_AGENT = "Aurous-Webhooks/1.0 (reference mock)"


class DeliveryWorker:
    def __init__(self, hub: WebhookHub, *, complete_due: Any = None, real_clock: bool = False) -> None:
        self.hub = hub
        self.complete_due = complete_due  # CharactersService.complete_due, run on the server's loop only
        self.real_clock = real_clock
        self._thread: threading.Thread | None = None
        self._guard = threading.Lock()
        self._stopping = threading.Event()
        self._woken = False  # set by every wake; an idle thread only exits if nobody woke it meanwhile
        hub.wake_worker = self.wake

    def wake(self) -> None:
        """Make sure the thread runs (called under the hub's lock: must not block)."""
        with self._guard:
            self._woken = True
            if self._thread is None or not self._thread.is_alive():
                self._stopping.clear()
                self._thread = threading.Thread(target=self._run, name="aurous-webhooks", daemon=True)
                self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        try:
            asyncio.run(self._loop())
        except Exception:  # never let a bug here take the server down; the next enqueue restarts it
            logger.exception("webhook delivery worker stopped")

    async def _loop(self) -> None:
        import httpx  # here, not at import: the mock's start-up does not pay for it unless webhooks are used

        tasks: set[asyncio.Task[None]] = set()
        idle_since = time.monotonic()
        async with httpx.AsyncClient(
            timeout=rules.DELIVERY_TIMEOUT_SECONDS, follow_redirects=False, trust_env=False
        ) as client:
            while not self._stopping.is_set():
                with self._guard:
                    self._woken = False
                self._nudge_syntheses()
                for job in self.hub.claim_due():
                    task = asyncio.create_task(self._attempt(client, job))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
                if tasks or self.hub.has_pending() or (self.real_clock and self.hub.has_active_endpoints()):
                    idle_since = time.monotonic()
                elif time.monotonic() - idle_since > IDLE_EXIT:
                    with self._guard:
                        if not self._woken:  # a wake after this iteration's claim must not be lost
                            self._thread = None
                            break
                await asyncio.sleep(TICK)
            for task in list(tasks):
                task.cancel()

    def _nudge_syntheses(self) -> None:
        loop = self.hub.server_loop
        if not self.real_clock or self.complete_due is None or loop is None or not self.hub.has_active_endpoints():
            return
        try:
            loop.call_soon_threadsafe(self.complete_due)
        except RuntimeError:  # that loop has closed (e.g. a test client's per-request loop)
            self.hub.server_loop = None

    async def _attempt(self, client: Any, job: DeliveryJob) -> None:
        timestamp = self.hub.signature_timestamp()
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            rules.SIGNATURE_HEADER: rules.signature_header(job.secret, timestamp, job.body),
            "Aurous-Webhook-Id": job.event_id,
            "Aurous-Webhook-Event": job.event_type,
        }
        status_code: int | None = None
        error: str | None = None
        started = time.perf_counter()
        try:
            response = await client.post(job.url, content=job.body, headers=headers)
            status_code = response.status_code
            if not rules.is_success(status_code):
                error = f"HTTP {status_code}"
        except Exception as exc:  # timeout, refused, TLS, a URL httpx cannot use: all are failed attempts
            error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        duration_ms = (time.perf_counter() - started) * 1000
        self.hub.record(
            job, status_code=status_code, error=error, duration_ms=duration_ms, signature_timestamp=timestamp
        )
