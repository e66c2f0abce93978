"""The replica's failure rules, in-process on a real redis-server (two apps, one prefix): a change whose
publishing failed never stays in the process that made it."""

from __future__ import annotations

import redis
from starlette.testclient import TestClient

from mockserver.app import create_app
from mockserver.settings import DEMO_TEAMS, Settings

ACME = {"x-api-key": DEMO_TEAMS[0].api_keys[0]}
CREATE = {"name": "Aurora", "generate": True, "attributes": {}}


def _app(redis_url: str, prefix: str, **overrides: object) -> TestClient:
    settings = Settings(clock="manual", store=redis_url, redis_prefix=prefix, **overrides)  # type: ignore[arg-type]
    return TestClient(create_app(settings))


def test_a_change_whose_publishing_failed_is_a_503_and_is_undone_in_the_process_that_made_it(redis_url, redis_prefix):
    a, b = _app(redis_url, redis_prefix), _app(redis_url, redis_prefix)
    replica = a.app.state.replica
    publish = replica._publish

    def lost_connection(*args, **kwargs):
        raise redis.ConnectionError("connection lost while publishing")

    replica._publish = lost_connection
    response = a.post("/v1/characters", json=CREATE, headers=ACME)
    replica._publish = publish

    assert response.status_code == 503, response.text
    assert response.json()["error"]["code"] == "internal_error"
    for client in (a, b):  # "nothing the request asked for happened", on either process
        assert client.get("/v1/characters", headers=ACME).json()["data"] == []
        assert client.get("/v1/balance", headers=ACME).json()["credits"] == DEMO_TEAMS[0].credits


def test_a_process_started_later_loads_the_state_and_the_clock_of_the_first(redis_url, redis_prefix):
    a = _app(redis_url, redis_prefix)
    created = a.post("/v1/characters", json=CREATE, headers=ACME).json()
    now = a.post("/_mock/clock/advance", json={"seconds": 90}).json()["now"]

    b = _app(redis_url, redis_prefix)

    assert b.get("/_mock/settings").json()["now"] == now
    assert b.get(f"/v1/characters/{created['id']}", headers=ACME).json()["status"] == "reviewing"


def test_a_replica_far_behind_a_trimmed_log_reloads_from_the_snapshot(redis_url, redis_prefix, monkeypatch):
    from mockserver.redis_backend import replica as replica_module

    monkeypatch.setattr(replica_module, "SNAPSHOT_EVERY", 5)
    monkeypatch.setattr(replica_module, "LOG_KEEP", 2)
    a, b = _app(redis_url, redis_prefix, rate_limits=False), _app(redis_url, redis_prefix, rate_limits=False)
    b.get("/v1/characters", headers=ACME)
    ids = [a.post("/v1/characters", json=CREATE, headers=ACME).json()["id"] for _ in range(12)]

    assert redis.Redis.from_url(redis_url).xlen(f"{redis_prefix}:log") < 12  # trimmed behind a snapshot
    listed = b.get("/v1/characters", params={"limit": 100}, headers=ACME).json()["data"]
    assert sorted(c["id"] for c in listed) == sorted(ids)


def test_a_lock_left_by_a_killed_process_blocks_the_others_only_until_its_lease_lapses(redis_url, redis_prefix):
    a = _app(redis_url, redis_prefix)
    from mockserver.redis_backend.lock import LEASE_MS

    # What a process SIGKILLed inside a transaction leaves behind: the lock, under a token nobody will release.
    redis.Redis.from_url(redis_url).set(f"{redis_prefix}:lock", "killed-process", px=LEASE_MS)

    response = a.post("/v1/characters", json=CREATE, headers=ACME)

    assert response.status_code == 201, response.text


def test_a_lock_free_read_that_writes_after_another_process_published_is_run_again_under_the_lock(
    redis_url, redis_prefix
):
    from mockserver.redis_backend.replica import SYNCED

    a, b = _app(redis_url, redis_prefix), _app(redis_url, redis_prefix)
    character = a.post("/v1/characters", json=CREATE, headers=ACME).json()
    team = DEMO_TEAMS[0].id
    a.app.state.clock.advance(60)  # the synthesis is due, finished by nobody yet:
    assert a.patch("/_mock/settings", json={}).status_code == 200  # a control call shares the clock as it is
    replica_b = b.app.state.replica
    assert replica_b.refresh()
    token = SYNCED.set(replica_b)  # as ReplicaSync does for a request: B's reads take no lock
    try:
        a.app.state.service.set_credits(team, 7)  # meanwhile another process publishes
        # B's read finishes the due synthesis (a write), finds the log moved, reloads and runs it again
        read = b.app.state.service.retrieve_character(team, character["id"])
    finally:
        SYNCED.reset(token)

    assert read.status.value == "reviewing"
    assert b.app.state.service.get_balance(team)["credits"] == 7
    assert a.get(f"/v1/characters/{character['id']}", headers=ACME).json()["status"] == "reviewing"
