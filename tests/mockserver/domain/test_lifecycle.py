"""The lifecycle rules as pure functions: no app, no store, time passed in."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mockserver.domain import lifecycle
from mockserver.domain.errors import CharacterNotReady, InvalidState
from mockserver.domain.model import SYNTHESIS_POSES, Pose, Status
from tests.strategies import T0, characters, make_character

LATER = T0 + timedelta(hours=1)
DUE = LATER + timedelta(seconds=3)


a = make_character


@pytest.fixture
def reviewing():
    return a(Status.REVIEWING, saved=False, updated_at=T0)


def test_save_moves_reviewing_to_ready_and_releases_temporary_bytes(reviewing):
    saved = lifecycle.save(reviewing, now=LATER)

    assert (Status.READY, True, 0, LATER) == (saved.status, saved.saved, saved.temp_upload_bytes, saved.updated_at)


def test_save_on_ready_character_returns_the_identical_object():
    ready = a(Status.READY)

    assert ready is lifecycle.save(ready, now=LATER)


@pytest.mark.parametrize("status", [Status.SYNTHESIZING, Status.FAILED, Status.DELETED])
def test_save_in_a_non_savable_state_raises_invalid_state(status):
    with pytest.raises(InvalidState) as caught:
        lifecycle.save(a(status), now=LATER)

    assert ("invalid_request_error", 400, "invalid_request") == (
        caught.value.code,
        caught.value.status,
        caught.value.type,
    )


def test_the_transition_table_covers_every_action():
    assert set(lifecycle.Action) == set(lifecycle.ALLOWED)


@pytest.mark.parametrize(
    ("action", "allowed"),
    [
        (lifecycle.Action.SAVE, {Status.REVIEWING, Status.READY}),
        (lifecycle.Action.REGENERATE, {Status.REVIEWING, Status.READY}),
        (lifecycle.Action.RESYNTHESIZE, {Status.REVIEWING, Status.READY, Status.FAILED}),
        (lifecycle.Action.UPDATE, {Status.REVIEWING, Status.READY, Status.FAILED}),
        (lifecycle.Action.DELETE, {Status.SYNTHESIZING, Status.REVIEWING, Status.READY, Status.FAILED}),
        (lifecycle.Action.USE, {Status.READY}),
    ],
)
def test_the_transition_table_says_what_the_contract_says(action, allowed):
    assert allowed == set(lifecycle.ALLOWED[action])


@pytest.mark.parametrize("status", [Status.SYNTHESIZING, Status.REVIEWING, Status.FAILED])
def test_using_a_character_that_is_not_ready_raises_character_not_ready(status):
    with pytest.raises(CharacterNotReady) as caught:
        lifecycle.require(lifecycle.Action.USE, a(status))

    assert "character_id" == caught.value.param


def test_finish_synthesis_of_a_never_saved_character_ends_in_reviewing_with_four_refs():
    started = lifecycle.start_synthesis(a(Status.FAILED, saved=False, refs=()), "create", now=T0, due_at=DUE)

    done = lifecycle.finish_synthesis(started, now=DUE)

    assert (Status.REVIEWING, list(SYNTHESIS_POSES), None, 4 * lifecycle.REF_BYTES) == (
        done.status,
        [ref.pose for ref in done.refs],
        done.pending,
        done.temp_upload_bytes,
    )


def test_regenerate_on_a_saved_character_comes_back_ready_not_reviewing():
    ready = a(Status.READY)
    started = lifecycle.regenerate(ready, Pose.SIDE, now=LATER, due_at=DUE)

    done = lifecycle.finish_synthesis(started, now=DUE)

    assert Status.READY == done.status


def test_regenerate_replaces_only_the_url_of_its_pose():
    ready = a(Status.READY)
    started = lifecycle.regenerate(ready, Pose.SIDE, now=LATER, due_at=DUE)

    done = lifecycle.finish_synthesis(started, now=DUE)

    changed = [old.pose for old, new in zip(ready.refs, done.refs, strict=True) if old.url != new.url]
    assert [Pose.SIDE] == changed


def test_failed_resynthesize_keeps_the_old_refs_and_sets_an_error_message():
    ready = a(Status.READY)
    started = lifecycle.resynthesize(ready, now=LATER, due_at=DUE, outcome="fail")

    done = lifecycle.finish_synthesis(started, now=DUE, failure_message="It broke.")

    assert (Status.FAILED, ready.refs, "It broke.") == (done.status, done.refs, done.error_message)


def test_auto_ready_variant_skips_the_review_step():
    started = lifecycle.start_synthesis(a(Status.FAILED, saved=False), "create", now=T0, due_at=DUE)

    done = lifecycle.finish_synthesis(started, now=DUE, lifecycle_variant="auto_ready")

    assert (Status.READY, True, 0) == (done.status, done.saved, done.temp_upload_bytes)


def test_resynthesize_is_refused_while_synthesizing():
    with pytest.raises(InvalidState):
        lifecycle.resynthesize(a(Status.SYNTHESIZING), now=LATER, due_at=DUE)


def test_regenerate_is_refused_on_a_failed_character():
    with pytest.raises(InvalidState):
        lifecycle.regenerate(a(Status.FAILED), Pose.FRONT, now=LATER, due_at=DUE)


def test_deleting_a_reviewing_character_is_a_hard_delete(reviewing):
    assert lifecycle.delete(reviewing, now=LATER) is None


@pytest.mark.parametrize("status", [Status.SYNTHESIZING, Status.READY, Status.FAILED])
def test_deleting_any_other_live_character_is_a_soft_delete(status):
    deleted = lifecycle.delete(a(status), now=LATER)

    assert (Status.DELETED, LATER, None) == (deleted.status, deleted.deleted_at, deleted.pending)


def test_patch_replaces_attributes_whole_instead_of_merging():
    ready = a(Status.READY, attributes={"gender": "female", "age": 30})

    updated = lifecycle.update(ready, {"attributes": {"hair_color": "red"}}, now=LATER)

    assert {"hair_color": "red"} == dict(updated.attributes)


def test_patch_changes_only_the_name_and_attributes_whatever_else_it_is_given():
    # Refusing other fields is the spec's (UpdateCharacterRequest, tests/mockserver/test_validation_shape.py);
    # the rule itself never lets a PATCH reach the status, refs or ids.
    ready = a(Status.READY)

    updated = lifecycle.update(ready, {"name": "x", "status": "deleted", "refs": (), "id": "char_x"}, now=LATER)

    assert replace(ready, name="x", updated_at=LATER) == updated


def test_patch_is_refused_while_synthesizing():
    with pytest.raises(InvalidState):
        lifecycle.update(a(Status.SYNTHESIZING), {"name": "x"}, now=LATER)


def test_force_failed_sets_the_default_control_api_message_and_keeps_refs():
    ready = a(Status.READY)

    forced = lifecycle.force_status(ready, Status.FAILED, now=LATER)

    assert (lifecycle.FORCED_FAILURE_MESSAGE, ready.refs) == (forced.error_message, forced.refs)


def test_force_ready_gives_refs_to_a_character_without_any():
    forced = lifecycle.force_status(a(Status.FAILED, refs=()), Status.READY, now=LATER)

    assert (4, True) == (len(forced.refs), forced.saved)


def test_force_synthesizing_schedules_a_synthesis():
    forced = lifecycle.force_status(a(Status.READY), Status.SYNTHESIZING, now=LATER, due_at=DUE)

    assert ("resynthesize", DUE) == (forced.pending.kind, forced.pending.due_at)


@given(characters())
def test_finish_synthesis_never_makes_a_saved_character_reviewing(character):
    done = lifecycle.finish_synthesis(character, now=LATER)

    assert not (character.saved and done.status is Status.REVIEWING)


@given(characters(), st.sampled_from(list(lifecycle.Action)))
def test_every_refusal_is_one_of_the_two_state_errors(character, action):
    try:
        lifecycle.require(action, character)
    except (InvalidState, CharacterNotReady):
        allowed = False
    else:
        allowed = True

    assert (character.status in lifecycle.ALLOWED[action]) == allowed
