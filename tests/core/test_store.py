"""The store: team scoping, ordering, snapshot/restore."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from aurous_contract import load_spec
from mockserver.clock import ManualClock
from mockserver.domain.model import Status, Team
from mockserver.domain.service import CharactersService, ServiceSettings
from mockserver.operations import OperationIndex
from mockserver.store import Store
from tests.strategies import T0, characters, make_character

TEAMS = [Team("team_a", "A", credits=50), Team("team_b", "B", credits=10)]
SETTINGS = ServiceSettings(credit_costs=OperationIndex(load_spec()).credit_costs)  # the spec's costs, as wired


def test_a_team_scoped_lookup_does_not_see_another_teams_row():
    store = Store(TEAMS)
    store.put_character(make_character(Status.READY))

    assert (None, "team_a") == (
        store.get_character("team_b", make_character(Status.READY).id),
        store.find_any(make_character(Status.READY).id).team_id,
    )


def test_a_page_is_newest_first_and_skips_deleted_rows():
    store = Store(TEAMS)
    ids = [f"char_{i:026d}" for i in range(4)]
    for i, character_id in enumerate(ids):
        status = Status.DELETED if i == 1 else Status.READY
        store.put_character(make_character(status, id=character_id))

    assert [ids[3], ids[2], ids[0]] == [c.id for c in store.page_newest_first("team_a", before=None, limit=10)[0]]


def test_a_hard_delete_removes_the_row_from_lookups_and_lists():
    store = Store(TEAMS)
    store.put_character(make_character(Status.REVIEWING))
    store.delete_character(make_character(Status.REVIEWING).id)

    assert (None, []) == (
        store.find_any(make_character(Status.REVIEWING).id),
        store.page_newest_first("team_a", before=None, limit=10)[0],
    )


def test_reset_restores_starting_credits():
    store = Store(TEAMS)
    store.set_credits("team_a", 1)

    store.reset()

    assert 50 == store.credits("team_a")


def _busy_store() -> Store:
    svc = CharactersService(Store(TEAMS), ManualClock(T0), SETTINGS)
    body = {"name": "A", "generate": True, "attributes": {"age": 30, "gender": "x"}, "client_reference_id": "bot_1"}
    saved = svc.create_character("team_a", body, version="2026-05-15", outcome="instant")
    svc.save_character("team_a", saved.id)
    svc.create_character("team_a", body, version="2026-06-19")  # still synthesizing: pending survives
    upload = svc.init_upload("team_a", {"filename": "side.png", "extension": "png", "content_type": "image/png"})
    svc.put_upload_content(upload.id, upload.signature, b"bytes", "image/png")
    svc.classify_upload("team_a", upload.id)
    svc.create_image("team_a", {"prompt": "hello", "character_id": saved.id})
    gone = svc.create_character("team_b", {**body}, version="2026-05-15", outcome="instant")
    svc.resynthesize_character("team_b", gone.id)
    svc.clock.advance(0.25)  # sub-second times must survive too
    svc.delete_character("team_b", gone.id)
    return svc.store


def test_snapshot_is_json_and_restore_round_trips_every_row():
    store = _busy_store()
    snapshot = json.loads(json.dumps(store.snapshot()))

    restored = Store(TEAMS)
    restored.restore(snapshot)

    assert (store.all_characters(), store.all_uploads(), store.all_images(), store.credits("team_a")) == (
        restored.all_characters(),
        restored.all_uploads(),
        restored.all_images(),
        restored.credits("team_a"),
    )


def test_a_restored_pending_synthesis_still_completes():
    store = Store(TEAMS)
    store.restore(json.loads(json.dumps(_busy_store().snapshot())))
    clock = ManualClock(T0)
    svc = CharactersService(store, clock, SETTINGS)
    clock.advance(3)

    assert [] == [c.id for c in svc.all_characters() if c.status is Status.SYNTHESIZING]


@given(characters(st.sampled_from(list(Status))))
def test_any_character_survives_a_snapshot_round_trip(character):
    store = Store(TEAMS)
    store.put_character(replace(character, attributes=character.attributes))
    restored = Store(TEAMS)

    restored.restore(json.loads(json.dumps(store.snapshot())))

    assert store.all_characters() == restored.all_characters()


class _CountingRows(dict):
    """The store's row table, counting how many rows a listing reads."""

    reads = 0

    def __getitem__(self, key):
        type(self).reads += 1
        return super().__getitem__(key)

    def get(self, key, default=None):
        type(self).reads += 1
        return super().get(key, default)


def test_a_page_deep_in_a_long_list_reads_only_the_page_not_the_rows_before_it():
    store = Store(TEAMS)
    ids = [f"char_{i:026d}" for i in range(5_000)]
    for character_id in ids:
        store.put_character(make_character(Status.READY, id=character_id))
    store._characters = _CountingRows(store._characters)
    _CountingRows.reads = 0

    page, has_more = store.page_newest_first("team_a", before=ids[100], limit=20)

    assert [c.id for c in page] == list(reversed(ids[80:100]))
    assert has_more is True
    assert _CountingRows.reads <= 21
