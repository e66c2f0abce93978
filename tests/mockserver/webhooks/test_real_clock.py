"""On the real clock, under uvicorn: a synthesis that finishes while nobody polls is still announced."""

from __future__ import annotations

import httpx
import pytest

from conformance.webhook_receiver import WebhookReceiver
from tests.serving import running_mock


@pytest.fixture
def mock_url():
    with running_mock("--synthesis-seconds", "1") as url:
        yield url


def test_a_synthesis_finishing_unobserved_fires_its_event_on_the_real_clock(mock_url):
    key = httpx.get(mock_url + "/_mock/teams").json()[0]["api_keys"][0]
    headers = {"X-Api-Key": key}
    with WebhookReceiver() as receiver:
        registered = httpx.post(
            mock_url + "/v1/webhook_endpoints",
            json={"url": receiver.url("/hook"), "events": ["character.completed"]},
            headers=headers,
        )
        assert registered.status_code == 201, registered.text
        created = httpx.post(
            mock_url + "/v1/characters",
            json={"name": "Unwatched", "generate": True, "attributes": {"age": 30}},
            headers=headers,
        ).json()
        assert created["status"] == "synthesizing"

        # No request reaches the mock from here on: only its own worker can notice the synthesis is due.
        found = receiver.wait_for(lambda found: len(found) >= 1, timeout=20)

    assert [d.json()["data"]["object"]["id"] for d in found] == [created["id"]]
    assert found[0].json()["data"]["object"]["status"] == "reviewing"
