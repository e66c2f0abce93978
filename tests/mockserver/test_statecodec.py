"""The state codec: a store's rows and balances as JSON and back (snapshot/restore), and the journal's records."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aurous_contract import load_spec
from mockserver import statecodec
from mockserver.clock import ManualClock
from mockserver.domain.model import Status, Team
from mockserver.domain.service import CharactersService, ServiceSettings
from mockserver.operations import OperationIndex
from mockserver.store import Store
from tests.strategies import T0, characters

TEAMS = [Team("team_a", "A", credits=50), Team("team_b", "B", credits=10)]
SETTINGS = ServiceSettings(credit_costs=OperationIndex(load_spec()).credit_costs)  # the spec's costs, as wired


def _state(store: Store) -> tuple:
    return (store.all_characters(), store.all_uploads(), store.all_images(), store.balances())


def _busy_store() -> Store:
    svc = CharactersService(Store(TEAMS), ManualClock(T0), SETTINGS)
    body = {"name": "A", "generate": True, "attributes": {"age": 30, "gender": "x"}, "client_reference_id": "bot_1"}
    saved = svc.create_character("team_a", body, version="2026-05-15", outcome="instant")
    svc.save_character("team_a", saved.id)
    svc.create_character("team_a", body, version="2026-06-19")  # still synthesizing: pending survives
    upload = svc.init_upload("team_a", {"filename": "side.png", "extension": "png", "content_type": "image/png"})
    svc.put_upload_content(upload.id, upload.signature, b"bytes")
    svc.classify_upload("team_a", upload.id)
    svc.create_image("team_a", {"prompt": "hello", "character_id": saved.id})
    gone = svc.create_character("team_b", {**body}, version="2026-05-15", outcome="instant")
    svc.resynthesize_character("team_b", gone.id)
    svc.clock.advance(0.25)  # sub-second times must survive too
    svc.delete_character("team_b", gone.id)
    return svc.store


def test_snapshot_is_json_and_restore_round_trips_every_row():
    store = _busy_store()
    snapshot = json.loads(json.dumps(statecodec.snapshot(store)))

    restored = Store(TEAMS)
    statecodec.restore(restored, snapshot)

    assert (store.all_characters(), store.all_uploads(), store.all_images(), store.credits("team_a")) == (
        restored.all_characters(),
        restored.all_uploads(),
        restored.all_images(),
        restored.credits("team_a"),
    )


def test_a_restored_pending_synthesis_still_completes():
    store = Store(TEAMS)
    statecodec.restore(store, json.loads(json.dumps(statecodec.snapshot(_busy_store()))))
    clock = ManualClock(T0)
    svc = CharactersService(store, clock, SETTINGS)
    clock.advance(3)

    assert [] == [c.id for c in svc.all_characters() if c.status is Status.SYNTHESIZING]


@given(characters(st.sampled_from(list(Status))))
def test_any_character_survives_a_snapshot_round_trip(character):
    store = Store(TEAMS)
    store.put_character(replace(character, attributes=character.attributes))
    restored = Store(TEAMS)

    statecodec.restore(restored, json.loads(json.dumps(statecodec.snapshot(store))))

    assert store.all_characters() == restored.all_characters()


def _broken(change) -> dict:
    data = json.loads(json.dumps(statecodec.snapshot(_busy_store())))
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda d: d["credits"].update({"team_a": -5}), "credits.team_a: must be 0 or more"),
        (lambda d: d["credits"].update({"team_a": 2.5}), "credits.team_a: must be a whole number"),
        (lambda d: d.update(credits=[1]), "credits: must be an object"),
        (lambda d: d.pop("uploads"), "uploads: missing"),
        (lambda d: d.update(images={}), "images: must be a list of rows"),
        (lambda d: d["characters"][2].pop("status"), "characters[2].status: missing"),
        (lambda d: d["characters"][1].update(status="sleeping"), "characters[1] (id 'char_"),
        (lambda d: d["uploads"][0].update(created_at="yesterday"), "uploads[0] (id 'upl_"),
        (lambda d: d["images"].append("img"), "images[1]: must be an object"),
        (lambda d: d.update(format=2), "Unsupported state snapshot format 2"),
    ],
    ids=[
        "negative",
        "fraction",
        "credits-list",
        "no-uploads",
        "images-object",
        "no-status",
        "bad-status",
        "bad-time",
        "row-not-object",
        "format",
    ],
)
def test_a_refused_snapshot_names_the_field_and_changes_nothing(change, named):
    store = _busy_store()
    before = _state(store)
    journaled = []
    store.journal = lambda kind, value: journaled.append(kind)

    with pytest.raises(ValueError, match="^" + re.escape(named)):
        statecodec.restore(store, _broken(change))

    assert (before, []) == (_state(store), journaled)


def test_a_restore_is_not_journaled_and_balances_of_unlisted_teams_start_over():
    snapshot = json.loads(json.dumps(statecodec.snapshot(_busy_store())))
    del snapshot["credits"]["team_b"]
    store = Store(TEAMS)
    store.set_credits("team_b", 3)
    journaled = []
    store.journal = lambda kind, value: journaled.append(kind)

    statecodec.restore(store, snapshot)

    assert ([], 10) == (journaled, store.credits("team_b"))


def test_the_journal_records_replayed_on_a_copy_rebuild_the_state_and_a_second_replay_changes_nothing():
    records = []
    svc = CharactersService(Store(TEAMS), ManualClock(T0), SETTINGS)
    svc.store.journal = lambda kind, value: records.append(
        json.loads(json.dumps(statecodec.encode_record(kind, value)))
    )
    svc.store.reset()
    body = {"name": "A", "generate": True, "attributes": {"age": 30, "gender": "x"}}
    kept = svc.create_character("team_a", body, version="2026-05-15", outcome="instant")
    svc.save_character("team_a", kept.id)
    upload = svc.init_upload("team_a", {"filename": "side.png", "extension": "png", "content_type": "image/png"})
    svc.create_image("team_a", {"prompt": "hello", "character_id": kept.id})
    gone = svc.create_character("team_b", body, version="2026-05-15", outcome="instant")
    svc.store.delete_character(gone.id)
    assert {"reset", "character", "credits", "upload", "image", "delete"} == {r["t"] for r in records}
    assert upload.id in [r["row"]["id"] for r in records if r["t"] == "upload"]

    copy = Store(TEAMS)
    copy.set_credits("team_a", 1)  # the first record (a reset) puts this back
    for record in records:
        statecodec.apply_record(copy, record)
    once = _state(copy)
    for record in records:
        statecodec.apply_record(copy, record)

    assert (_state(svc.store), _state(svc.store)) == (once, _state(copy))


def test_a_record_of_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown journal record 'teleport'"):
        statecodec.apply_record(Store(TEAMS), {"t": "teleport"})
