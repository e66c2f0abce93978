"""The store: team scoping, ordering, loading a whole state (its JSON codec: test_statecodec.py)."""

from __future__ import annotations

from mockserver.domain.model import Status, Team
from mockserver.store import Store
from tests.strategies import make_character

TEAMS = [Team("team_a", "A", credits=50), Team("team_b", "B", credits=10)]


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


def test_load_replaces_the_whole_state_without_journaling_it():
    store = Store(TEAMS)
    store.put_character(make_character(Status.READY, id="char_00000000000000000000000001"))
    journaled = []
    store.journal = lambda kind, value: journaled.append(kind)

    store.load({"team_a": 7}, [make_character(Status.REVIEWING)], [], [])

    assert ([make_character(Status.REVIEWING)], 7, 10, []) == (
        store.all_characters(),
        store.credits("team_a"),
        store.credits("team_b"),  # not in the loaded balances: back to its starting balance
        journaled,
    )


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
