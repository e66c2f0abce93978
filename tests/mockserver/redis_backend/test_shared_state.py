"""Several real mock processes on one real redis-server act as one mock (``--store redis://...``).

Each test starts ``python -m mockserver`` processes (``tests/serving.py``) on the session's redis-server
(``harness/redis_server.py``), each with a key prefix of its own, and asserts the single-process answer
whichever process gives it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager

import httpx

from harness.redis_server import RedisServer
from mockserver.settings import DEMO_TEAMS
from tests.roundrobin import running_round_robin_proxy
from tests.serving import ROOT, MockProcess, free_port

ACME = {"x-api-key": DEMO_TEAMS[0].api_keys[0]}
CREATE = {"name": "Aurora", "generate": True, "attributes": {}}


@contextmanager
def mocks(redis_url: str, prefix: str, count: int = 2, *extra: str) -> Iterator[list[httpx.Client]]:
    """``count`` mock processes on one Redis and prefix (manual clock), each behind its own client."""
    with ExitStack() as stack:
        servers = []
        for _ in range(count):
            server = MockProcess(
                "--store", redis_url, "--redis-prefix", prefix, "--clock", "manual", *extra, output=subprocess.DEVNULL
            )
            stack.callback(server.close)
            servers.append(server)
        clients = []
        for server in servers:
            server.wait_ready()
            clients.append(stack.enter_context(httpx.Client(base_url=server.base, timeout=10)))
        yield clients


def create(client: httpx.Client) -> dict:
    response = client.post("/v1/characters", json=CREATE, headers=ACME)
    assert response.status_code == 201, response.text
    return response.json()


def credits(client: httpx.Client) -> int:
    return client.get("/v1/balance", headers=ACME).json()["credits"]


def test_a_character_created_on_one_process_is_read_saved_and_deleted_on_the_other(redis_url, redis_prefix):
    with mocks(redis_url, redis_prefix) as (a, b):
        character = create(a)
        path = f"/v1/characters/{character['id']}"

        assert b.get(path, headers=ACME).json() == character
        assert [c["id"] for c in b.get("/v1/characters", headers=ACME).json()["data"]] == [character["id"]]
        assert credits(b) == credits(a) == DEMO_TEAMS[0].credits - 4

        a.post("/_mock/clock/advance", json={"seconds": 5})  # the synthesis is due: reviewing
        saved = b.post(f"{path}/save", headers=ACME)
        assert saved.status_code == 200, saved.text
        assert a.get(path, headers=ACME).json()["status"] == "ready"

        assert b.delete(path, headers=ACME).status_code == 200
        assert a.get(path, headers=ACME).status_code == 404
        assert a.delete(path, headers=ACME).status_code == 404  # a repeated DELETE is 404 (contract DECISION)


def test_characters_created_alternately_on_both_processes_list_newest_first(redis_url, redis_prefix):
    with mocks(redis_url, redis_prefix, 2, "--no-rate-limits") as (a, b):
        created = [create(client)["id"] for client in [a, b] * 4]  # one manual-clock instant: ids alone order them

        listed = [c["id"] for c in b.get("/v1/characters", headers=ACME).json()["data"]]

        assert listed == created[::-1]


def test_the_clock_advanced_on_one_process_is_the_clock_of_the_other(redis_url, redis_prefix):
    with mocks(redis_url, redis_prefix) as (a, b):
        character = create(a)
        before = b.get("/_mock/settings").json()["now"]

        now = a.post("/_mock/clock/advance", json={"seconds": 3600}).json()["now"]

        assert now != before
        assert b.get("/_mock/settings").json()["now"] == now
        assert b.get(f"/v1/characters/{character['id']}", headers=ACME).json()["status"] == "reviewing"


def test_run_time_settings_and_faults_set_on_one_process_apply_on_the_other(redis_url, redis_prefix):
    with mocks(redis_url, redis_prefix) as (a, b):
        a.patch("/_mock/settings", json={"rate_limits": False, "synthesis_seconds": 60})
        a.put("/_mock/faults", json={"error_rate": 1, "error_status": 503})

        settings = b.get("/_mock/settings").json()
        assert (settings["rate_limits"], settings["synthesis_seconds"]) == (False, 60)
        assert b.get("/v1/balance", headers=ACME).status_code == 503  # the injected fault, on the other process

        b.delete("/_mock/faults")
        assert a.get("/v1/balance", headers=ACME).status_code == 200


def test_a_reset_on_one_process_empties_the_other(redis_url, redis_prefix):
    with mocks(redis_url, redis_prefix) as (a, b):
        create(a)
        create(a)

        assert b.post("/_mock/reset").status_code == 204

        assert a.get("/v1/characters", headers=ACME).json()["data"] == []
        assert credits(a) == DEMO_TEAMS[0].credits


def test_a_scenario_loaded_on_one_process_is_the_state_of_the_other_and_what_its_reset_returns_to(
    redis_url, redis_prefix
):
    with mocks(redis_url, redis_prefix) as (a, b):
        loaded = a.post("/_mock/scenarios/every_state").json()
        ids = sorted(loaded["characters"])
        create(b)

        assert b.post("/_mock/reset").status_code == 204

        assert sorted(c["id"] for c in a.get("/_mock/characters").json()) == ids


def test_concurrent_deletes_of_one_character_from_both_processes_give_one_200_and_the_rest_404(redis_url, redis_prefix):
    with mocks(redis_url, redis_prefix) as (a, b):
        path = f"/v1/characters/{create(a)['id']}"
        clients = [a, b] * 8

        with ThreadPoolExecutor(len(clients)) as pool:
            statuses = sorted(pool.map(lambda c: c.delete(path, headers=ACME).status_code, clients))

        assert statuses == [200] + [404] * (len(clients) - 1)


def test_concurrent_creates_from_both_processes_charge_exactly_once_each(redis_url, redis_prefix):
    with mocks(redis_url, redis_prefix, 2, "--no-rate-limits") as (a, b):
        clients = [a, b] * 10

        with ThreadPoolExecutor(len(clients)) as pool:
            ids = list(pool.map(lambda c: create(c)["id"], clients))

        assert len(set(ids)) == len(clients)
        listed = a.get("/v1/characters", params={"limit": 100}, headers=ACME).json()["data"]
        assert sorted(c["id"] for c in listed) == sorted(ids)
        assert credits(a) == credits(b) == DEMO_TEAMS[0].credits - 4 * len(clients)


def test_both_processes_take_from_one_rate_limit_bucket(redis_url, redis_prefix):
    with mocks(redis_url, redis_prefix) as (a, b):
        clients = [a, b] * 12

        with ThreadPoolExecutor(len(clients)) as pool:
            responses = list(pool.map(lambda c: c.post("/v1/characters", json=CREATE, headers=ACME), clients))

        burst = int(responses[0].headers["x-ratelimit-limit"])
        assert burst < len(clients)
        assert sorted(r.status_code for r in responses) == [201] * burst + [429] * (len(clients) - burst)


def test_an_idempotency_key_used_on_one_process_replays_on_the_other_and_charges_once(redis_url, redis_prefix):
    with mocks(redis_url, redis_prefix) as (a, b):
        headers = {**ACME, "Idempotency-Key": "create-aurora-once"}
        first = a.post("/v1/characters", json=CREATE, headers=headers)

        again = b.post("/v1/characters", json=CREATE, headers=headers)
        other_body = b.post("/v1/characters", json={**CREATE, "name": "Other"}, headers=headers)

        assert (first.status_code, again.status_code) == (201, 201)
        assert again.json() == first.json()
        assert again.headers["aurous-idempotent-replayed"] == "true"
        assert other_body.status_code == 409
        assert credits(a) == DEMO_TEAMS[0].credits - 4


def test_the_request_log_holds_every_process_requests(redis_url, redis_prefix):
    with mocks(redis_url, redis_prefix) as (a, b):
        a.get("/v1/balance", headers=ACME)
        b.get("/v1/characters", headers=ACME)

        for client in (a, b):
            paths = [row["path"] for row in client.get("/_mock/requests").json()]
            assert paths[:2] == ["/v1/characters", "/v1/balance"]


def test_a_synthesis_both_processes_find_due_completes_once_and_fires_one_event(redis_url, redis_prefix):
    with mocks(redis_url, redis_prefix) as (a, b):
        registered = a.post(
            "/v1/webhook_endpoints", json={"url": "http://127.0.0.1:9/hook", "events": ["*"]}, headers=ACME
        )
        assert registered.status_code == 201, registered.text
        character = create(b)
        path = f"/v1/characters/{character['id']}"

        with ThreadPoolExecutor(4) as pool:
            pool.submit(a.post, "/_mock/clock/advance", json={"seconds": 5})
            seen = [pool.submit(c.get, path, headers=ACME) for c in (b, a, b)]
        assert {f.result().json()["status"] for f in seen} <= {"synthesizing", "reviewing"}

        assert b.get(path, headers=ACME).json()["status"] == "reviewing"
        for client in (a, b):  # one delivery, whichever process finished it, and both know of it
            events = client.get("/_mock/webhooks/deliveries", params={"event_type": "character.completed"}).json()
            assert [event["event_type"] for event in events] == ["character.completed"]
        assert credits(b) == DEMO_TEAMS[0].credits - 4


def test_a_webhook_endpoint_registered_on_one_process_is_the_other_process_endpoint(redis_url, redis_prefix):
    with mocks(redis_url, redis_prefix) as (a, b):
        endpoint = a.post(
            "/v1/webhook_endpoints", json={"url": "http://127.0.0.1:9/hook", "events": ["*"]}, headers=ACME
        ).json()
        path = f"/v1/webhook_endpoints/{endpoint['id']}"

        assert b.get(path, headers=ACME).json()["id"] == endpoint["id"]
        assert [e["id"] for e in b.get("/v1/webhook_endpoints", headers=ACME).json()["data"]] == [endpoint["id"]]
        rotated = b.post(f"{path}/rotate_secret", headers=ACME).json()
        assert a.get("/_mock/webhooks/endpoints").json()[0]["secret"] == rotated["secret"]
        assert b.delete(path, headers=ACME).status_code == 200
        assert a.get(path, headers=ACME).status_code == 404


def test_mocks_with_different_prefixes_on_one_redis_are_separate_mocks(redis_url, redis_prefix):
    with mocks(redis_url, redis_prefix, 1) as (a,), mocks(redis_url, redis_prefix + "-other", 1) as (other,):
        character = create(a)

        assert other.get(f"/v1/characters/{character['id']}", headers=ACME).status_code == 404
        assert other.get("/v1/characters", headers=ACME).json()["data"] == []
        assert credits(other) == DEMO_TEAMS[0].credits


def test_workers_serve_one_shared_state(redis_url, redis_prefix):
    server = MockProcess(
        "--store", redis_url, "--redis-prefix", redis_prefix, "--workers", "2", output=subprocess.DEVNULL
    )
    try:
        server.wait_ready()
        ids = []
        for _ in range(12):  # a new connection each time: the kernel hands them to either worker
            with httpx.Client(base_url=server.base, timeout=10) as client:
                ids.append(create(client)["id"])
        for character_id in ids:
            with httpx.Client(base_url=server.base, timeout=10) as client:
                assert client.get(f"/v1/characters/{character_id}", headers=ACME).status_code == 200
    finally:
        server.close()


def test_a_redis_that_goes_away_is_503_in_the_envelope_and_the_mock_recovers_when_it_returns(
    own_redis_server: RedisServer, redis_prefix
):
    with mocks(own_redis_server.url, redis_prefix, 1) as (a,):
        create(a)
        own_redis_server.stop()

        for method, path in (("GET", "/v1/characters"), ("POST", "/v1/characters"), ("GET", "/_mock/characters")):
            response = a.request(method, path, json=CREATE if method == "POST" else None, headers=ACME)
            assert response.status_code == 503, response.text
            error = response.json()["error"]
            assert (error["type"], error["code"]) == ("server_error", "internal_error")
            assert "Redis" in error["message"]
            assert response.headers["aurous-request-id"] == error["request_id"]

        own_redis_server.start()  # back, empty (no persistence): seeded afresh, as a first start would

        response = a.get("/v1/characters", headers=ACME)
        assert response.status_code == 200, response.text
        assert response.json()["data"] == []
        assert create(a)["status"] == "synthesizing"


def test_a_redis_that_stops_answering_is_503_in_the_envelope_and_the_mock_recovers_when_it_answers_again(
    own_redis_server: RedisServer, redis_prefix
):
    with mocks(own_redis_server.url, redis_prefix, 1) as (a,):
        character = create(a)
        assert own_redis_server.process is not None
        os.kill(own_redis_server.process.pid, signal.SIGSTOP)  # alive, but silent: every call times out
        try:
            for _ in range(3):
                response = a.get(f"/v1/characters/{character['id']}", headers=ACME)
                assert response.status_code == 503, response.text
                assert response.json()["error"]["code"] == "internal_error"
        finally:
            os.kill(own_redis_server.process.pid, signal.SIGCONT)

        for _ in range(40):  # the outage window (a second) passes; nothing to restart
            response = a.get(f"/v1/characters/{character['id']}", headers=ACME)
            if response.status_code == 200:
                break
            time.sleep(0.1)
        assert response.status_code == 200, response.text
        assert response.json()["id"] == character["id"]  # the state survived: Redis kept it


def test_memory_store_with_workers_is_refused(redis_url):
    code, err = MockProcess("--workers", "2").finish()

    assert code == 2
    assert "--workers 2 needs a shared store" in err


def test_an_unreachable_redis_at_start_is_exit_2_with_one_line_naming_it():
    url = f"redis://127.0.0.1:{free_port()}/0"  # nobody listens there

    code, err = MockProcess("--store", url).finish()

    assert code == 2, err
    lines = [line for line in err.splitlines() if "error" in line]
    assert len(lines) == 1 and url in lines[0], err


def test_a_state_file_with_the_redis_store_is_refused(redis_url, tmp_path):
    code, err = MockProcess("--store", redis_url, "--state-file", str(tmp_path / "state.json")).finish()

    assert code == 2
    assert "appendonly" in err


def test_the_conformance_kit_conforms_against_two_processes_behind_a_round_robin_proxy(redis_url, redis_prefix):
    with mocks(redis_url, redis_prefix) as (a, b):
        key = a.get("/_mock/teams").json()[0]["api_keys"][0]
        with running_round_robin_proxy([str(a.base_url), str(b.base_url)]) as (proxy_url, proxy):
            completed = subprocess.run(
                [sys.executable, "-m", "conformance", "run", "--quiet", "--base-url", proxy_url, "--api-key", key],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=600,
            )

        assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-2000:]
        assert len(proxy.sent_to) > 100 and set(proxy.sent_to) == {0, 1}
