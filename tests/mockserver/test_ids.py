"""Prefixed ULIDs: shape, alphabet, monotonic order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from mockserver.ids import ALPHABET, new_id, new_request_id, ulid_of

NOW = datetime(2026, 5, 8, 10, 0, tzinfo=UTC)


def test_an_id_is_the_prefix_and_26_crockford_characters():
    value = new_id("char", NOW)

    prefix, ulid = value.split("_")
    assert ("char", 26, True) == (prefix, len(ulid), set(ulid) <= set(ALPHABET))


def test_the_time_part_encodes_the_millisecond_passed_in():
    # A prefix no other test mints: ids are monotonic per prefix, so an earlier, later-timed id of the
    # same prefix in this process would (rightly) push this one's time part forward.
    ulid = new_id("timepart", NOW).split("_")[1]

    assert int(NOW.timestamp() * 1000) == sum(ALPHABET.index(c) * 32**i for i, c in enumerate(reversed(ulid[:10])))


def test_ids_minted_in_the_same_millisecond_sort_in_creation_order():
    ids = [new_id("upl", NOW) for _ in range(1000)]

    assert sorted(ids) == ids and len(set(ids)) == 1000


def test_ids_stay_ordered_when_the_clock_passed_in_steps_back():
    first = new_id("char", NOW + timedelta(seconds=5))
    second = new_id("char", NOW)

    assert first < second


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=50))
def test_ids_sort_by_creation_for_any_non_decreasing_times(steps):
    now, ids = NOW + timedelta(days=1), []
    for step in steps:
        now += timedelta(microseconds=step)
        ids.append(new_id("prop", now))

    assert sorted(ids) == ids


def test_a_request_id_is_req_and_a_ulid():
    value = new_request_id()

    assert ulid_of(value, "req") == value[4:] and len(value) == 30


def test_ulid_of_rejects_other_prefixes_and_malformed_values():
    good = new_id("char", NOW)

    assert [good[5:], None, None, None] == [
        ulid_of(good, "char"),
        ulid_of(good, "upl"),
        ulid_of("char_short", "char"),
        ulid_of("char_" + "I" * 26, "char"),
    ]
