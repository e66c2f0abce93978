"""CharactersService with a real Store and a ManualClock: the per-team rules, no HTTP."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aurous_contract import load_spec
from mockserver.clock import ManualClock
from mockserver.domain.errors import (
    CharacterNotReady,
    InsufficientCredits,
    InvalidRequest,
    InvalidState,
    NotFound,
    UploadExpired,
    UploadInvalid,
)
from mockserver.domain.model import Status, Team
from mockserver.domain.service import CharactersService, ServiceSettings
from mockserver.operations import OperationIndex
from mockserver.store import Store
from tests.strategies import T0, actions, attributes

VERSION = "2026-05-15"
SYNTH = {"generate": True, "attributes": {"gender": "female", "age": 30}, "name": "Aurora"}
CREDIT_COSTS = OperationIndex(load_spec()).credit_costs  # what the wiring gives the service: the spec's


def make_service(credits: int = 40, **settings_: object) -> CharactersService:
    teams = [Team("team_a", "A", credits=credits), Team("team_b", "B", credits=credits)]
    settings_.setdefault("credit_costs", CREDIT_COSTS)
    return CharactersService(Store(teams), ManualClock(T0), ServiceSettings(**settings_))  # type: ignore[arg-type]


@pytest.fixture
def svc() -> CharactersService:
    return make_service()


def reviewing(svc: CharactersService, team: str = "team_a"):
    character = svc.create_character(team, SYNTH, version=VERSION, outcome="instant")
    assert character.status is Status.REVIEWING
    return character


def ready(svc: CharactersService, team: str = "team_a"):
    return svc.save_character(team, reviewing(svc, team).id)


# -- create --------------------------------------------------------------------------------------------


def test_synthesize_flow_create_starts_synthesizing_and_charges_four_credits(svc):
    character = svc.create_character("team_a", SYNTH, version=VERSION)

    assert (Status.SYNTHESIZING, 36) == (character.status, svc.get_balance("team_a")["credits"])


def test_synthesis_completes_lazily_when_the_clock_passes_its_due_time(svc):
    character = svc.create_character("team_a", SYNTH, version=VERSION)
    svc.clock.advance(2.9)
    before = svc.retrieve_character("team_a", character.id).status
    svc.clock.advance(0.1)

    after = svc.retrieve_character("team_a", character.id)

    assert (Status.SYNTHESIZING, Status.REVIEWING, 4) == (before, after.status, len(after.refs))


def test_a_completed_synthesis_is_stamped_with_its_due_time_not_the_time_it_was_noticed(svc):
    character = svc.create_character("team_a", SYNTH, version=VERSION)
    svc.clock.advance(600)

    done = svc.retrieve_character("team_a", character.id)

    assert "2026-05-08T10:00:03Z" == done.to_public()["updated_at"]


def test_zero_synthesis_seconds_creates_a_character_already_reviewing():
    svc = make_service(synthesis_seconds=0)

    assert Status.REVIEWING == svc.create_character("team_a", SYNTH, version=VERSION).status


def test_synthesis_configured_to_fail_ends_failed_with_the_configured_message():
    svc = make_service(synthesis_outcome="fail", failure_message="Nope.")
    character = svc.create_character("team_a", SYNTH, version=VERSION)
    svc.clock.advance(3)

    failed = svc.retrieve_character("team_a", character.id)

    assert (Status.FAILED, "Nope.") == (failed.status, failed.error_message)


def test_create_freezes_the_version_it_was_minted_under(svc):
    character = svc.create_character("team_a", SYNTH, version="2026-06-19", outcome="instant")

    assert "2026-06-19" == svc.save_character("team_a", character.id).aurous_version


@pytest.mark.parametrize(
    "body",
    [
        {"name": "A", "attributes": {"age": 3}},
        {"name": "A", "generate": False, "attributes": {"age": 3}},
        {"name": "A", "generate": True, "upload_ids": ["upl_x"], "attributes": {"age": 3}},
    ],
)
def test_both_or_neither_of_generate_and_upload_ids_is_a_parameter_invalid_combination(svc, body):
    with pytest.raises(InvalidRequest) as caught:
        svc.create_character("team_a", body, version=VERSION)

    assert ("parameter_invalid_combination", "upload_ids") == (caught.value.code, caught.value.param)


# The body's shape (required and unknown fields, types, bounds) is the spec's, refused before the service
# is called: tests/mockserver/test_validation_shape.py. Here, what only the service can tell.
@pytest.mark.parametrize("attributes", ["absent", None])
def test_the_synthesize_flow_without_attributes_is_missing_field_attributes(svc, attributes):
    body = {"name": "A", "generate": True} | ({} if attributes == "absent" else {"attributes": None})

    with pytest.raises(InvalidRequest) as caught:
        svc.create_character("team_a", body, version=VERSION)

    assert ("missing_field", "attributes", 40) == (
        caught.value.code,
        caught.value.param,
        svc.get_balance("team_a")["credits"],
    )


def test_not_enough_credits_is_refused_and_changes_nothing():
    svc = make_service(credits=3)

    with pytest.raises(InsufficientCredits):
        svc.create_character("team_a", SYNTH, version=VERSION)

    assert (3, []) == (svc.get_balance("team_a")["credits"], svc.all_characters())


# -- save, delete, patch -------------------------------------------------------------------------------


def test_save_twice_returns_the_same_representation(svc):
    character = reviewing(svc)
    first = svc.save_character("team_a", character.id)
    svc.clock.advance(60)

    second = svc.save_character("team_a", character.id)

    assert first.to_public() == second.to_public()


def test_save_while_synthesizing_is_invalid_state(svc):
    character = svc.create_character("team_a", SYNTH, version=VERSION)

    with pytest.raises(InvalidState):
        svc.save_character("team_a", character.id)


def test_save_releases_the_temporary_upload_bytes(svc):
    character = reviewing(svc)

    assert (4 * 1_048_576, 0) == (
        character.temp_upload_bytes,
        svc.save_character("team_a", character.id).temp_upload_bytes,
    )


@pytest.mark.parametrize("how", ["unknown", "malformed", "other team", "soft-deleted"])
def test_ids_that_do_not_name_a_live_character_of_the_team_are_all_not_found(svc, how):
    own = ready(svc)
    other = ready(svc, "team_b")
    svc.delete_character("team_a", own.id)
    character_id = {
        "unknown": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
        "malformed": "not-an-id",
        "other team": other.id,
        "soft-deleted": own.id,
    }[how]

    with pytest.raises(NotFound) as caught:
        svc.save_character("team_a", character_id)

    # openapi.yaml, Error.param: a 404 for a path id has `param: null`.
    assert (f"No character with id {character_id!r}.", None) == (caught.value.message, caught.value.param)


def test_deleting_a_reviewing_character_removes_the_row(svc):
    character = reviewing(svc)

    answer = svc.delete_character("team_a", character.id)

    assert ({"id": character.id, "object": "character", "deleted": True}, None) == (
        answer,
        svc.store.find_any(character.id),
    )


def test_deleting_a_ready_character_keeps_a_soft_deleted_row_that_is_404_everywhere(svc):
    character = ready(svc)
    svc.delete_character("team_a", character.id)

    with pytest.raises(NotFound):
        svc.retrieve_character("team_a", character.id)

    assert Status.DELETED == svc.inspect(character.id).status


def test_a_repeated_delete_is_not_found(svc):
    character = ready(svc)
    svc.delete_character("team_a", character.id)

    with pytest.raises(NotFound):
        svc.delete_character("team_a", character.id)


def test_patch_replaces_attributes_whole(svc):
    character = ready(svc)

    updated = svc.update_character("team_a", character.id, {"attributes": {"eye_color": "green"}})

    assert {"eye_color": "green"} == updated.to_public()["attributes"]


# -- regenerate, resynthesize --------------------------------------------------------------------------


def test_regenerate_costs_one_credit_and_a_saved_character_returns_to_ready(svc):
    character = ready(svc)
    before = svc.get_balance("team_a")["credits"]
    started = svc.regenerate_ref("team_a", character.id, "front")
    svc.clock.advance(3)

    done = svc.retrieve_character("team_a", character.id)

    assert (Status.SYNTHESIZING, Status.READY, before - 1) == (
        started.status,
        done.status,
        svc.get_balance("team_a")["credits"],
    )


def test_resynthesize_of_a_never_saved_character_returns_to_reviewing(svc):
    character = reviewing(svc)
    svc.resynthesize_character("team_a", character.id)
    svc.clock.advance(3)

    assert Status.REVIEWING == svc.retrieve_character("team_a", character.id).status


def test_failed_resynthesize_keeps_the_old_refs(svc):
    character = ready(svc)
    svc.resynthesize_character("team_a", character.id, outcome="fail")
    svc.clock.advance(3)

    failed = svc.retrieve_character("team_a", character.id)

    assert (Status.FAILED, character.refs) == (failed.status, failed.refs)


def test_regenerate_without_credits_is_refused_and_changes_nothing(svc):
    character = ready(svc)
    svc.set_credits("team_a", 0)

    with pytest.raises(InsufficientCredits):
        svc.regenerate_ref("team_a", character.id, "front")

    assert character == svc.retrieve_character("team_a", character.id)


def test_regenerate_of_a_synthesizing_character_is_invalid_state_even_without_credits(svc):
    character = svc.create_character("team_a", SYNTH, version=VERSION)
    svc.set_credits("team_a", 0)

    with pytest.raises(InvalidState):
        svc.regenerate_ref("team_a", character.id, "front")


def test_auto_ready_variant_goes_straight_to_ready():
    svc = make_service(lifecycle_variant="auto_ready")
    character = svc.create_character("team_a", SYNTH, version=VERSION)
    svc.clock.advance(3)

    assert Status.READY == svc.retrieve_character("team_a", character.id).status


# -- list ----------------------------------------------------------------------------------------------


def test_list_is_newest_first_with_cursor_and_has_more_and_skips_deleted(svc):
    ids = [ready(svc).id for _ in range(5)]
    svc.delete_character("team_a", ids[3])
    ready(svc, "team_b")

    page1, more1, cursor1 = svc.list_characters("team_a", limit=2)
    page2, more2, cursor2 = svc.list_characters("team_a", limit=2, starting_after=cursor1)

    assert ([ids[4], ids[2]], True, [ids[1], ids[0]], False, None) == (
        [c.id for c in page1],
        more1,
        [c.id for c in page2],
        more2,
        cursor2,
    )


@pytest.mark.parametrize("how", ["unknown", "malformed", "other team"])
def test_a_cursor_that_names_no_character_of_the_team_is_invalid_cursor(svc, how):
    other = ready(svc, "team_b")
    cursor = {"unknown": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR", "malformed": "garbage", "other team": other.id}[how]

    with pytest.raises(InvalidRequest) as caught:
        svc.list_characters("team_a", starting_after=cursor)

    assert ("invalid_cursor", "starting_after", 400) == (caught.value.code, caught.value.param, caught.value.status)


def test_a_cursor_keeps_working_after_its_character_is_soft_deleted(svc):
    oldest, middle, _newest = ready(svc), ready(svc), ready(svc)
    svc.delete_character("team_a", middle.id)

    page, has_more, _ = svc.list_characters("team_a", starting_after=middle.id)

    assert ([oldest.id], False) == ([c.id for c in page], has_more)


# -- uploads -------------------------------------------------------------------------------------------


def init(svc, team="team_a", filename="me_front.png"):
    return svc.init_upload(team, {"filename": filename, "extension": "png", "content_type": "image/png"})


def uploaded(svc, team="team_a", filename="me_front.png", data=b"\x89PNG..."):
    upload = init(svc, team, filename)
    svc.put_upload_content(upload.id, upload.signature, data)
    return upload


def test_upload_flow_create_is_ready_free_and_consumes_its_uploads(svc):
    classified, unclassified = uploaded(svc), uploaded(svc)
    svc.classify_upload("team_a", classified.id)

    character = svc.create_character(
        "team_a", {"name": "A", "upload_ids": [classified.id, unclassified.id]}, version=VERSION
    )

    assert (Status.READY, ["front", "other"], 40, True) == (
        character.status,
        [r.pose.value for r in character.refs],
        svc.get_balance("team_a")["credits"],
        svc.store.get_upload(classified.id).consumed,
    )


@pytest.mark.parametrize("problem", ["unknown", "consumed", "no bytes", "expired"])
def test_an_unusable_upload_is_upload_invalid_on_create(svc, problem):
    if problem == "unknown":
        upload_id = "upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR"
    elif problem == "consumed":
        upload_id = uploaded(svc).id
        svc.create_character("team_a", {"name": "A", "upload_ids": [upload_id]}, version=VERSION)
    elif problem == "no bytes":
        upload_id = init(svc).id
    else:
        upload_id = uploaded(svc).id
        svc.clock.advance(24 * 3600)

    with pytest.raises(UploadInvalid) as caught:
        svc.create_character("team_a", {"name": "A", "upload_ids": [upload_id]}, version=VERSION)

    assert ("upload_invalid", "upload_ids") == (caught.value.code, caught.value.param)


def test_another_teams_upload_on_create_is_not_found_and_consumes_nothing(svc):
    mine, theirs = uploaded(svc), uploaded(svc, "team_b")

    with pytest.raises(NotFound) as caught:
        svc.create_character("team_a", {"name": "A", "upload_ids": [mine.id, theirs.id]}, version=VERSION)

    assert ("upload_ids", False) == (caught.value.param, svc.store.get_upload(mine.id).consumed)


def test_an_extension_that_does_not_match_the_content_type_is_refused(svc):
    with pytest.raises(InvalidRequest) as caught:
        svc.init_upload("team_a", {"filename": "a.png", "extension": "jpg", "content_type": "image/png"})

    assert ("parameter_invalid_combination", "extension") == (caught.value.code, caught.value.param)


def test_an_upload_ticket_says_where_and_until_when_to_put_the_bytes(svc):
    ticket = init(svc).to_public("http://localhost:8000")

    assert (["upload_id", "upload_url", "upload_headers", "expires_at"], "2026-05-08T10:15:00Z", True) == (
        list(ticket),
        ticket["expires_at"],
        ticket["upload_url"].startswith(f"http://localhost:8000/v1/characters/uploads/{ticket['upload_id']}/content?"),
    )


def test_put_with_a_wrong_signature_is_not_found(svc):
    upload = init(svc)

    with pytest.raises(NotFound):
        svc.put_upload_content(upload.id, "forged", b"x")


def test_put_after_fifteen_minutes_is_upload_expired(svc):
    upload = init(svc)
    svc.clock.advance(15 * 60)

    with pytest.raises(UploadExpired):
        svc.put_upload_content(upload.id, upload.signature, b"x")


def test_classification_is_deterministic_from_the_bytes(svc):
    first = uploaded(svc, filename="a.png", data=b"same bytes")
    second = uploaded(svc, filename="b.png", data=b"same bytes")

    one, two = svc.classify_upload("team_a", first.id), svc.classify_upload("team_a", second.id)

    assert (one["pose"], one["confidence"]) == (two["pose"], two["confidence"])


def test_classifying_another_teams_upload_is_not_found(svc):
    upload = uploaded(svc, "team_b")

    with pytest.raises(NotFound):
        svc.classify_upload("team_a", upload.id)


# -- images, balance -----------------------------------------------------------------------------------


def test_an_image_of_a_ready_character_is_queued_and_costs_one_credit(svc):
    character = ready(svc)
    before = svc.get_balance("team_a")["credits"]

    image = svc.create_image("team_a", {"prompt": "on a beach", "character_id": character.id})

    assert ("queued", 1, before - 1) == (image.status, image.credits_charged, svc.get_balance("team_a")["credits"])


def test_an_image_of_a_reviewing_character_is_character_not_ready(svc):
    character = reviewing(svc)

    with pytest.raises(CharacterNotReady):
        svc.create_image("team_a", {"prompt": "x", "character_id": character.id})


def test_an_image_of_another_teams_character_is_not_found(svc):
    other = ready(svc, "team_b")

    with pytest.raises(NotFound) as caught:
        svc.create_image("team_a", {"prompt": "x", "character_id": other.id})

    assert "character_id" == caught.value.param


def test_balance_reports_metered_credits_with_nothing_held(svc):
    assert {
        "credits": 40,
        "held_credits": 0,
        "available_credits": 40,
        "currency": "credit",
        "billing_mode": "metered",
    } == svc.get_balance("team_a")


# -- control facade ------------------------------------------------------------------------------------


def test_force_status_reviewing_gives_a_saveable_character(svc):
    character = svc.create_character("team_a", SYNTH, version=VERSION)
    svc.force_status(character.id, "reviewing")

    assert Status.READY == svc.save_character("team_a", character.id).status


def test_a_forced_status_is_not_overwritten_by_the_old_pending_synthesis(svc):
    character = svc.create_character("team_a", SYNTH, version=VERSION)
    svc.force_status(character.id, "failed")
    svc.clock.advance(10)

    assert Status.FAILED == svc.inspect(character.id).status


def test_reset_restores_credits_and_forgets_every_row_but_leaves_the_clock(svc):
    ready(svc)
    svc.clock.advance(5)
    now = svc.clock.now()

    svc.reset()

    assert ([], 40, now) == (svc.all_characters(), svc.get_balance("team_a")["credits"], svc.clock.now())


# -- properties ----------------------------------------------------------------------------------------


def _apply(svc: CharactersService, character_id: str, action: tuple) -> None:
    kind = action[0]
    try:
        if kind == "save":
            svc.save_character("team_a", character_id)
        elif kind == "regenerate":
            svc.regenerate_ref("team_a", character_id, action[1].value, outcome=action[2])
        elif kind == "resynthesize":
            svc.resynthesize_character("team_a", character_id, outcome=action[1])
        elif kind == "update":
            svc.update_character("team_a", character_id, {"name": action[1]})
        elif kind == "wait":
            svc.clock.advance(action[1])
        else:
            svc.retrieve_character("team_a", character_id)
    except (InvalidRequest, InsufficientCredits):  # InvalidState, and regenerating "other"
        pass


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=150)
@given(actions, attributes)
def test_no_sequence_of_actions_makes_a_saved_character_reviewing_again(steps, attrs):
    svc = make_service(credits=1000)
    body = {"name": "A", "generate": True, "attributes": attrs}
    character = svc.create_character("team_a", body, version=VERSION)
    ever_saved = False
    for step in steps:
        _apply(svc, character.id, step)
        current = svc.inspect(character.id)
        ever_saved = ever_saved or current.saved

        assert not (ever_saved and current.status is Status.REVIEWING)


@given(st.integers(min_value=0, max_value=12), st.integers(min_value=0, max_value=5))
def test_credits_never_go_negative_and_are_charged_exactly_per_synthesis(credits, attempts):
    svc = make_service(credits=credits)
    made = 0
    for _ in range(attempts):
        try:
            svc.create_character("team_a", SYNTH, version=VERSION)
            made += 1
        except InsufficientCredits:
            pass

    assert credits - 4 * made == svc.get_balance("team_a")["credits"] >= 0
