"""Fixtures for the webhook tests: a mock on a manual clock and real receivers on free loopback ports."""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)

from starlette.testclient import TestClient  # noqa: E402

from conformance.webhook_receiver import WebhookReceiver  # noqa: E402
from mockserver.app import create_app  # noqa: E402
from mockserver.settings import Settings  # noqa: E402

ATTRIBUTES = {"gender": "female", "age": 28}


class Mock:
    """One app on a manual clock, seen through its public and /_mock APIs."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.client = TestClient(app)
        teams = self.client.get("/_mock/teams").json()
        self.keys = [{"X-Api-Key": team["api_keys"][0]} for team in teams]
        self.team_ids = [team["id"] for team in teams]

    def register(self, url: str, events: list[str] | None = None, team: int = 0, **body: Any) -> dict[str, Any]:
        response = self.client.post(
            "/v1/webhook_endpoints", json={"url": url, "events": events or ["*"], **body}, headers=self.keys[team]
        )
        assert response.status_code == 201, response.text
        return response.json()

    def create_synthesizing(self, team: int = 0, *, fail: bool = False, **body: Any) -> dict[str, Any]:
        headers = dict(self.keys[team], **({"Prefer": "outcome=fail"} if fail else {}))
        payload = {"name": "Aurora", "generate": True, "attributes": ATTRIBUTES, **body}
        response = self.client.post("/v1/characters", json=payload, headers=headers)
        assert response.status_code == 201, response.text
        return response.json()

    def advance(self, seconds: float) -> None:
        assert self.client.post("/_mock/clock/advance", json={"seconds": seconds}).status_code == 200

    def deliveries(self, **query: Any) -> list[dict[str, Any]]:
        response = self.client.get("/_mock/webhooks/deliveries", params=query)
        assert response.status_code == 200, response.text
        return response.json()

    def wait_deliveries(
        self, predicate: Callable[[list[dict[str, Any]]], bool], timeout: float = 15.0, **query: Any
    ) -> list[dict[str, Any]]:
        """Poll the control API until ``predicate`` holds (the worker runs on its own thread)."""
        deadline = time.monotonic() + timeout
        while True:
            rows = self.deliveries(**query)
            if predicate(rows) or time.monotonic() > deadline:
                return rows
            time.sleep(0.02)


@pytest.fixture
def mock() -> Iterator[Mock]:
    app = create_app(Settings(clock="manual"))
    yield Mock(app)
    app.state.webhook_worker.stop()


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver("127.0.0.1", 0) as running:
        yield running
