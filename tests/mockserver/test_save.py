"""POST /v1/characters/{id}/save, exactly as the seed page describes it."""

from __future__ import annotations

import pytest

from tests.mockserver.conftest import SYNTHESIS_SECONDS, assert_envelope


def test_save_moves_a_reviewing_character_to_ready(api, acme):
    character = api.create_in(acme, "reviewing")

    response = api.save(acme, character["id"])

    assert 200 == response.status_code
    assert "ready" == response.json()["status"]
    assert "ready" == api.get(acme, character["id"]).json()["status"]


def test_save_answers_the_whole_character_representation(api, acme):
    character = api.create_in(acme, "reviewing")

    body = api.save(acme, character["id"]).json()

    expected = {**character, "status": "ready", "updated_at": body["updated_at"]}
    assert expected == body


def test_save_on_a_ready_character_returns_it_byte_identical(api, acme, client):
    character = api.create_in(acme, "reviewing")
    first = api.save(acme, character["id"])
    api.advance(60)

    second = api.save(acme, character["id"])

    assert 200 == second.status_code
    assert first.content == second.content


def test_save_on_a_ready_character_keeps_updated_at(api, acme):
    character = api.create_in(acme, "ready")
    before = api.inspect(character["id"])["updated_at"]
    api.advance(3600)

    after = api.save(acme, character["id"]).json()["updated_at"]

    assert before == after


@pytest.mark.parametrize("status", ["synthesizing", "failed"])
def test_save_refuses_a_character_that_is_not_savable(api, acme, status):
    character = api.create_in(acme, status)

    response = api.save(acme, character["id"])

    error = assert_envelope(response, 400, "invalid_request_error")
    assert "invalid_request" == error["type"]
    assert status == api.inspect(character["id"])["status"]


def test_save_refuses_a_synthesizing_character_then_accepts_it_once_reviewing(api, acme):
    character = api.create_in(acme, "synthesizing")
    assert 400 == api.save(acme, character["id"]).status_code
    api.advance(SYNTHESIS_SECONDS)

    response = api.save(acme, character["id"])

    assert 200 == response.status_code


@pytest.mark.parametrize(
    "character_id",
    ["char_01HXMQ7Z3K8Y2NABCDEFGHJKMR", "char_nope", "not-an-id", "upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR", "x" * 300],
)
def test_save_of_an_unknown_or_malformed_id_is_resource_not_found(api, acme, character_id):
    response = api.save(acme, character_id)

    error = assert_envelope(response, 404, "resource_not_found")
    assert "not_found" == error["type"]


def test_save_of_a_soft_deleted_character_is_resource_not_found(api, acme):
    character = api.create_in(acme, "deleted")

    response = api.save(acme, character["id"])

    assert_envelope(response, 404, "resource_not_found")
    assert "deleted" == api.inspect(character["id"])["status"]


def test_save_of_another_teams_character_is_resource_not_found_and_changes_nothing(api, acme, globex):
    character = api.create_in(acme, "reviewing")
    before = api.inspect(character["id"])

    response = api.save(globex, character["id"])

    assert_envelope(response, 404, "resource_not_found")
    assert before == api.inspect(character["id"])


def test_another_teams_404_is_identical_to_an_unknown_ids_404(api, acme, globex):
    character = api.create_in(acme, "reviewing")

    unknown_id = "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR"

    foreign = api.save(globex, character["id"]).json()["error"]
    unknown = api.save(globex, unknown_id).json()["error"]

    def strip(error, character_id):
        error = {k: v for k, v in error.items() if k != "request_id"}
        return {**error, "message": error["message"].replace(character_id, "<id>")}

    assert strip(unknown, unknown_id) == strip(foreign, character["id"])


def test_save_releases_the_temporary_upload_bytes(api, acme):
    character = api.create_in(acme, "reviewing")
    assert api.inspect(character["id"])["temp_upload_bytes"] > 0

    api.save(acme, character["id"])

    assert 0 == api.inspect(character["id"])["temp_upload_bytes"]


def test_images_refuse_a_reviewing_character_and_accept_it_after_save(api, acme, client):
    character = api.create_in(acme, "reviewing")
    body = {"prompt": "on a beach", "character_id": character["id"]}
    before = client.post("/v1/images", json=body, headers=acme.headers)
    error = assert_envelope(before, 400, "character_not_ready")
    assert "character_id" == error["param"]
    api.save(acme, character["id"])

    after = client.post("/v1/images", json=body, headers=acme.headers)

    assert 202 == after.status_code
    assert character["id"] == after.json()["character_id"]


def test_save_charges_no_credits(api, acme):
    character = api.create_in(acme, "reviewing")
    before = api.balance(acme)

    api.save(acme, character["id"])
    api.save(acme, character["id"])

    assert before == api.balance(acme)


@pytest.mark.parametrize("action", ["regenerate", "resynthesize"])
def test_a_saved_character_returns_to_ready_after_a_new_synthesis(api, acme, client, action):
    character = api.create_in(acme, "ready")
    path = "refs/regenerate" if action == "regenerate" else "resynthesize"
    body = {"pose": "side"} if action == "regenerate" else {}
    started = client.post(f"/v1/characters/{character['id']}/{path}", json=body, headers=acme.headers)
    assert "synthesizing" == started.json()["status"]
    api.advance(SYNTHESIS_SECONDS)

    status = api.get(acme, character["id"]).json()["status"]

    assert "ready" == status


def test_a_saved_character_never_returns_to_reviewing_even_after_a_failed_resynthesize(api, acme, client):
    character = api.create_in(acme, "ready")
    client.post(
        f"/v1/characters/{character['id']}/resynthesize",
        json={},
        headers={**acme.headers, "Prefer": "outcome=fail"},
    )
    api.advance(SYNTHESIS_SECONDS)
    assert "failed" == api.get(acme, character["id"]).json()["status"]
    client.post(f"/v1/characters/{character['id']}/resynthesize", json={}, headers=acme.headers)
    api.advance(SYNTHESIS_SECONDS)

    status = api.get(acme, character["id"]).json()["status"]

    assert "ready" == status


def test_save_carries_the_characters_post_rate_limit_headers(api, acme):
    character = api.create_in(acme, "reviewing")

    response = api.save(acme, character["id"])

    assert "60" == response.headers["x-ratelimit-limit"]
    assert "59" == response.headers["x-ratelimit-remaining"]
