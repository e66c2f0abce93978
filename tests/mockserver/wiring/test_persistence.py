"""--state-file: the state survives a restart of a real server process; a bad file stops the start."""

from __future__ import annotations

import json
import signal

import httpx
import pytest

from mockserver.clock import ManualClock
from mockserver.domain.service import CharactersService
from mockserver.persistence import KIND, StateFile, StateFileError
from mockserver.settings import DEMO_TEAMS
from mockserver.store import Store
from tests.mockserver.wiring.conftest import ATTRIBUTES

# A long interval: only the clean-shutdown write can have saved what the test checks.
NO_PERIODIC_WRITE = ("--state-save-seconds", "3600")


def drive(base: str) -> tuple[str, dict[str, dict]]:
    """Characters in several states, a spent balance; returns the key and the rows as /_mock shows them."""
    with httpx.Client(base_url=base) as http:
        key = http.get("/_mock/teams").json()[0]["api_keys"][0]
        headers = {"X-Api-Key": key}
        body = {"name": "Aurora", "generate": True, "attributes": ATTRIBUTES}
        kept = http.post("/v1/characters", json=body, headers={**headers, "Prefer": "outcome=instant"}).json()
        assert 200 == http.post(f"/v1/characters/{kept['id']}/save", headers=headers).status_code
        failed = http.post("/v1/characters", json=body, headers={**headers, "Prefer": "outcome=fail"}).json()
        http.post("/_mock/clock/advance", json={"seconds": 5})
        gone = http.post("/v1/characters", json=body, headers={**headers, "Prefer": "outcome=instant"}).json()
        http.post(f"/v1/characters/{gone['id']}/save", headers=headers)
        assert 200 == http.delete(f"/v1/characters/{gone['id']}", headers=headers).status_code
        http.post("/v1/characters", json=body, headers=headers)  # still synthesizing at shutdown
        rows = {row["id"]: row for row in http.get("/_mock/characters").json()}
        assert {"ready", "failed", "deleted", "synthesizing"} == {row["status"] for row in rows.values()}
        assert failed["id"] in rows
        return key, rows


def test_the_state_survives_a_clean_restart(servers, tmp_path):
    state = tmp_path / "state.json"
    first = servers("--clock", "manual", "--state-file", str(state), *NO_PERIODIC_WRITE).wait_ready()
    key, rows = drive(first.base)
    balance = httpx.get(f"{first.base}/v1/balance", headers={"X-Api-Key": key}).json()

    # uvicorn shuts down gracefully, then re-raises the signal: exit status -15 is a clean stop.
    assert first.stop(signal.SIGTERM) in (0, -signal.SIGTERM)
    second = servers("--clock", "manual", "--state-file", str(state), *NO_PERIODIC_WRITE).wait_ready()

    after = {row["id"]: row for row in httpx.get(f"{second.base}/_mock/characters").json()}
    assert rows == after
    assert balance == httpx.get(f"{second.base}/v1/balance", headers={"X-Api-Key": key}).json()
    ready = next(row for row in rows.values() if row["status"] == "ready")
    public = httpx.get(f"{second.base}/v1/characters/{ready['id']}", headers={"X-Api-Key": key}).json()
    assert "ready" == public["status"]


def test_a_ctrl_c_shutdown_saves_too(servers, tmp_path):
    state = tmp_path / "state.json"
    first = servers("--state-file", str(state), *NO_PERIODIC_WRITE).wait_ready()
    _key, rows = drive(first.base)

    first.stop(signal.SIGINT)

    saved = json.loads(state.read_text())
    assert set(rows) == {row["id"] for row in saved["store"]["characters"]}


def test_the_state_is_also_written_periodically(servers, tmp_path):
    state = tmp_path / "state.json"
    server = servers("--state-file", str(state), "--state-save-seconds", "0.2").wait_ready()
    _key, rows = drive(server.base)

    import time

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if state.exists() and set(rows) <= {r["id"] for r in json.loads(state.read_text())["store"]["characters"]}:
            break
        time.sleep(0.1)
    else:
        raise AssertionError("the running mock never wrote its state")
    assert [] == [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "corrupt"),
        ("", "corrupt"),
        ('{"name": "my-package", "version": "1.0.0"}', "not an Aurous mock state file"),
        (json.dumps({"kind": KIND, "format": 99, "store": {}}), "format 99"),
        (json.dumps({"kind": KIND, "format": 1, "store": {"format": 1, "credits": {}}}), "corrupt"),
    ],
)
def test_a_corrupt_or_foreign_state_file_stops_the_start_with_a_clear_error(servers, tmp_path, content, reason):
    state = tmp_path / "state.json"
    state.write_text(content)

    code, stderr = servers("--state-file", str(state)).finish()

    assert 0 != code
    assert reason in stderr
    assert str(state) in stderr
    assert content == state.read_text()  # never replaced by an empty state


def test_a_state_file_of_other_teams_stops_the_start(tmp_path):
    store = Store(DEMO_TEAMS)
    service = CharactersService(store, ManualClock())
    state = tmp_path / "state.json"
    StateFile(state, service, service.clock).save()
    data = json.loads(state.read_text())
    data["store"]["credits"] = {"team_somebody_else": 5}
    state.write_text(json.dumps(data))

    with pytest.raises(StateFileError, match="team_somebody_else"):
        StateFile(state, CharactersService(Store(DEMO_TEAMS), ManualClock()), ManualClock()).load()


def test_a_missing_state_file_is_a_fresh_start_seeded_from_the_fixtures(servers, tmp_path):
    state = tmp_path / "nested" / "state.json"
    server = servers("--state-file", str(state), "--fixtures", "every_state", *NO_PERIODIC_WRITE).wait_ready()

    assert 5 == len(httpx.get(f"{server.base}/_mock/characters").json())
    server.stop()
    assert 5 == len(json.loads(state.read_text())["store"]["characters"])


def test_an_unchanged_state_is_not_rewritten(tmp_path):
    service = CharactersService(Store(DEMO_TEAMS), ManualClock())
    state_file = StateFile(tmp_path / "state.json", service, service.clock)

    assert (True, False) == (state_file.save(), state_file.save())
