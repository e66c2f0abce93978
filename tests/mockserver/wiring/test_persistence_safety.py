"""--state-file never loses an acknowledged write silently (issue 10, items 11-14).

Real server processes where the point is a process (a second mock, SIGKILL, the exit status); in-process
apps where the point is what the mock reports.
"""

from __future__ import annotations

import json
import signal
import time

import httpx
import pytest

from mockserver.clock import ManualClock
from mockserver.domain.service import CharactersService
from mockserver.persistence import StateFile, StateFileError
from mockserver.settings import DEMO_TEAMS
from mockserver.store import Store
from tests.mockserver.wiring.conftest import ATTRIBUTES, create, key_of

NO_PERIODIC_WRITE = ("--state-save-seconds", "3600")


# -- item 11: one mock per state file ------------------------------------------------------------------


def test_a_second_mock_on_the_same_state_file_refuses_to_start_with_exit_2(servers, tmp_path) -> None:
    state = tmp_path / "state.json"
    first = servers("--state-file", str(state)).wait_ready()

    code, stderr = servers("--state-file", str(state)).finish()

    assert code == 2
    assert "in use by another mock" in stderr and str(state) in stderr
    assert httpx.get(f"{first.base}/_mock/teams").status_code == 200  # the first one is untouched


def test_the_lock_is_released_when_the_holder_closes(tmp_path) -> None:
    service = CharactersService(Store(DEMO_TEAMS), ManualClock())
    first = StateFile(tmp_path / "state.json", service, service.clock)
    first.open()
    with pytest.raises(StateFileError, match="in use by another mock"):
        StateFile(tmp_path / "state.json", service, service.clock).open()

    first.close()

    StateFile(tmp_path / "state.json", service, service.clock).open()


# -- item 12: an unwritable path is refused at start, a later failure is loud and visible ----------------


def test_an_unwritable_state_file_path_stops_the_start_with_exit_2(servers, tmp_path) -> None:
    blocker = tmp_path / "a-regular-file"
    blocker.write_text("not a directory")

    code, stderr = servers("--state-file", str(blocker / "state.json")).finish()

    assert code == 2
    assert "cannot write" in stderr and str(blocker / "state.json") in stderr


def test_a_durable_write_failure_while_running_shows_in_the_settings(make_client, tmp_path, monkeypatch) -> None:
    import errno
    import os

    from mockserver import persistence

    client = make_client(state_file=tmp_path / "state.json", durability="durable")
    assert client.get("/_mock/settings").json()["persistence"]["last_error"] is None

    def failing_fsync(fd: int) -> None:  # the disk fails (EIO) from now on
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(persistence.os, "fsync", failing_fsync)
    created = create(client, key_of(client))

    persistence_status = client.get("/_mock/settings").json()["persistence"]
    assert created.status_code == 201
    assert persistence_status["healthy"] is False
    assert str(tmp_path / "state.json.journal") in persistence_status["last_error"]
    assert persistence_status["failures"] >= 1


# -- item 13: durable mode -----------------------------------------------------------------------------


def test_in_durable_mode_every_acknowledged_create_survives_sigkill(servers, tmp_path) -> None:
    state = tmp_path / "state.json"
    server = servers("--state-file", str(state), "--durability", "durable", *NO_PERIODIC_WRITE).wait_ready()
    with httpx.Client(base_url=server.base) as http:
        key = http.get("/_mock/teams").json()[0]["api_keys"][0]
        body = {"name": "Kept", "generate": True, "attributes": ATTRIBUTES}
        acknowledged = [
            http.post("/v1/characters", json=body, headers={"X-Api-Key": key}).json()["id"] for _ in range(10)
        ]

    server.stop(signal.SIGKILL)
    again = servers("--state-file", str(state), *NO_PERIODIC_WRITE).wait_ready()

    kept = {row["id"] for row in httpx.get(f"{again.base}/_mock/characters").json()}
    assert set(acknowledged) <= kept


def test_the_settings_say_which_durability_is_in_force(make_client, tmp_path) -> None:
    interval = make_client(state_file=tmp_path / "a.json").get("/_mock/settings").json()["persistence"]
    durable = make_client(state_file=tmp_path / "b.json", durability="durable").get("/_mock/settings").json()

    assert (interval["durability"], durable["persistence"]["durability"]) == ("interval", "durable")
    assert interval["state_file"] == str(tmp_path / "a.json")


# -- item 14: a state file is validated and the message names the field ---------------------------------


def _saved(tmp_path):
    service = CharactersService(Store(DEMO_TEAMS), ManualClock())
    state = tmp_path / "state.json"
    StateFile(state, service, service.clock).save()
    return state, json.loads(state.read_text())


def _load(state):
    return StateFile(state, CharactersService(Store(DEMO_TEAMS), ManualClock()), ManualClock()).load()


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda d: d["store"]["credits"].update({DEMO_TEAMS[0].id: -5}), f"store.credits.{DEMO_TEAMS[0].id}"),
        (lambda d: d["store"].update({"credits": "lots"}), "store.credits"),
        (lambda d: d["store"]["credits"].update({DEMO_TEAMS[0].id: "many"}), f"store.credits.{DEMO_TEAMS[0].id}"),
        (lambda d: d["clock"].update({"now": "yesterday-ish"}), "clock.now"),
        (lambda d: d["store"]["characters"].append({"id": "char_x"}), "store.characters[0]"),
    ],
    ids=["negative-credits", "credits-not-an-object", "credits-not-a-number", "garbage-clock", "row-missing-fields"],
)
def test_a_bad_field_in_the_state_file_is_refused_naming_it(tmp_path, change, named) -> None:
    state, data = _saved(tmp_path)
    change(data)
    state.write_text(json.dumps(data))

    with pytest.raises(StateFileError) as refused:
        _load(state)

    assert named in str(refused.value)
    assert "l, o, s, t" not in str(refused.value)


def test_a_periodic_write_failure_is_reported_too(make_client, tmp_path) -> None:
    directory = tmp_path / "state"
    client = make_client(state_file=directory / "state.json", state_save_seconds=0.05)
    for child in directory.iterdir():
        child.unlink()
    directory.rmdir()
    directory.write_text("gone")
    create(client, key_of(client))

    deadline = time.monotonic() + 20
    while client.get("/_mock/settings").json()["persistence"]["healthy"] and time.monotonic() < deadline:
        time.sleep(0.05)

    assert client.get("/_mock/settings").json()["persistence"]["healthy"] is False
