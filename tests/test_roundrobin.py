"""The round-robin helpers (tests/roundrobin.py) against two plain in-memory mocks: requests alternate.

Two in-memory mocks share nothing, so where a character was created shows which backend served the request.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from starlette.testclient import TestClient

from tests.roundrobin import RoundRobinProxy, round_robin_client, running_round_robin_proxy
from tests.serving import ROOT, running_mock

BODY = {"name": "Aurora", "generate": True, "attributes": {"gender": "female", "age": 28, "hair_color": "black"}}


@pytest.fixture(scope="module")
def two_mocks() -> Iterator[list[str]]:
    with running_mock("--clock", "manual") as first, running_mock("--clock", "manual") as second:
        yield [first, second]


def _key(base: str) -> str:
    return httpx.get(f"{base}/_mock/teams").json()[0]["api_keys"][0]


def _owners(bases: list[str], character_id: str) -> list[int]:
    """The backends (by index) whose /_mock/characters lists this character."""
    return [
        index
        for index, base in enumerate(bases)
        if character_id in {row["id"] for row in httpx.get(f"{base}/_mock/characters").json()}
    ]


def test_the_transport_sends_successive_requests_to_alternate_backends(two_mocks: list[str]) -> None:
    key = _key(two_mocks[0])  # the demo teams' keys are the same on every mock
    with round_robin_client(two_mocks, headers={"X-Api-Key": key}) as client:
        created = [client.post("/v1/characters", json=BODY) for _ in range(4)]

    assert [201] * 4 == [response.status_code for response in created]
    assert [[0], [1], [0], [1]] == [_owners(two_mocks, response.json()["id"]) for response in created]


def test_the_proxy_spreads_one_keep_alive_connection_request_by_request(two_mocks: list[str]) -> None:
    key = _key(two_mocks[0])
    with running_round_robin_proxy(two_mocks) as (proxy_url, proxy), httpx.Client(base_url=proxy_url) as client:
        created = [client.post("/v1/characters", json=BODY, headers={"X-Api-Key": key}) for _ in range(4)]
        connections = client._transport._pool.connections  # type: ignore[attr-defined]  # httpx is pinned

        assert 1 == len(connections)  # one kept-alive connection carried all four requests
        assert [201] * 4 == [response.status_code for response in created]
        assert [[0], [1], [0], [1]] == [_owners(two_mocks, response.json()["id"]) for response in created]
        assert [0, 1, 0, 1] == proxy.sent_to


def test_the_proxy_passes_query_headers_status_and_error_bodies_through(two_mocks: list[str]) -> None:
    key = _key(two_mocks[0])
    with running_round_robin_proxy(two_mocks) as (proxy_url, _proxy), httpx.Client(base_url=proxy_url) as client:
        listed = client.get("/v1/characters?limit=1", headers={"X-Api-Key": key})
        direct = httpx.get(f"{two_mocks[1]}/v1/characters?limit=1", headers={"X-Api-Key": key})
        refused = client.get("/v1/characters")
        missing = client.delete("/v1/characters/char_00000000000000000000000000", headers={"X-Api-Key": key})

    assert (200, len(direct.json()["data"])) == (listed.status_code, len(listed.json()["data"]))
    assert listed.headers["x-ratelimit-limit"] and listed.headers["aurous-request-id"].startswith("req_")
    assert 1 == len(listed.headers.get_list("date"))  # the backend's, not a second one of the proxy's
    assert (401, "authentication") == (refused.status_code, refused.json()["error"]["type"])
    assert (404, "application/json") == (missing.status_code, missing.headers["content-type"].split(";")[0])
    assert int(missing.headers["content-length"]) == len(missing.content)


def test_the_proxy_answers_502_when_a_backend_is_down(two_mocks: list[str]) -> None:
    with running_mock() as doomed:
        pass  # stopped: its port now refuses connections
    with (
        running_round_robin_proxy([two_mocks[0], doomed]) as (proxy_url, _proxy),
        httpx.Client(base_url=proxy_url) as client,
    ):
        answers = [client.get("/_mock/teams").status_code for _ in range(2)]

    assert [200, 502] == answers


def test_the_conformance_kit_conforms_through_the_proxy(two_mocks: list[str]) -> None:
    """The proxy is transparent to the kit (keep-alive, every header, error bodies): with one backend behind
    it twice, the behaviour layer conforms as it does directly. (Two backends need a shared store.)"""
    backend = two_mocks[0]
    key = _key(backend)
    with running_round_robin_proxy([backend, backend]) as (proxy_url, proxy):
        completed = subprocess.run(
            [sys.executable, "-m", "conformance", "run", "--quiet", "--layers", "behaviour"]
            + ["--base-url", proxy_url, "--api-key", key],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )

    assert 0 == completed.returncode, completed.stdout[-3000:] + completed.stderr[-2000:]
    assert len(proxy.sent_to) > 100 and set(proxy.sent_to) == {0, 1}


def test_a_starlette_test_client_on_the_proxy_app_alternates_between_real_processes(two_mocks: list[str]) -> None:
    key = _key(two_mocks[0])
    proxy = RoundRobinProxy(two_mocks)
    with TestClient(proxy, base_url=two_mocks[0]) as client:
        created = [client.post("/v1/characters", json=BODY, headers={"X-Api-Key": key}) for _ in range(2)]

    assert [[0], [1]] == [_owners(two_mocks, response.json()["id"]) for response in created]
