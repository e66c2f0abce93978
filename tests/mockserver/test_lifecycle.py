"""The rest of the character lifecycle over HTTP: create, synthesis on the clock, regenerate and
resynthesize, delete, PATCH, list, images and balance."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mockserver.settings import DEMO_TEAMS
from tests.mockserver.conftest import ATTRIBUTES, SYNTHESIS_SECONDS, Api, assert_envelope


def _poor_app(make_app, credits):
    teams = (replace(DEMO_TEAMS[0], credits=credits), *DEMO_TEAMS[1:])
    app = make_app(teams=teams)
    client = app.test_client()
    api = Api(client)
    return client, api, api.teams()[0]


# -- create: synthesize flow ----------------------------------------------------------------------


def test_synthesize_flow_create_answers_201_synthesizing(client, acme):
    body = {"name": "Aurora", "generate": True, "attributes": ATTRIBUTES, "client_reference_id": "bot_1"}

    response = client.post("/v1/characters", json=body, headers=acme.headers)

    assert 201 == response.status_code
    character = response.json()
    assert "synthesizing" == character["status"]
    assert [] == character["refs"]
    assert "bot_1" == character["client_reference_id"]
    assert ATTRIBUTES == character["attributes"]
    assert character["id"].startswith("char_")


def test_synthesize_flow_create_charges_four_credits(api, acme):
    before = api.balance(acme)

    api.create_synthesizing(acme)

    assert before - 4 == api.balance(acme)


def test_synthesize_flow_create_without_enough_credits_is_402_and_creates_nothing(make_app):
    client, api, team = _poor_app(make_app, credits=3)
    body = {"name": "Poor", "generate": True, "attributes": ATTRIBUTES}

    response = client.post("/v1/characters", json=body, headers=team.headers)

    assert_envelope(response, 402, "insufficient_credits")
    assert [] == client.get("/v1/characters", headers=team.headers).json()["data"]
    assert 3 == api.balance(team)


def test_synthesis_completes_to_reviewing_when_the_clock_passes_its_duration(api, acme):
    character = api.create_synthesizing(acme)
    api.advance(SYNTHESIS_SECONDS - 0.5)
    assert "synthesizing" == api.get(acme, character["id"]).json()["status"]
    api.advance(0.5)

    done = api.get(acme, character["id"]).json()

    assert "reviewing" == done["status"]
    assert ["portrait", "front", "side", "back"] == [ref["pose"] for ref in done["refs"]]
    assert done["error_message"] is None


def test_synthesis_fails_with_an_error_message_when_the_request_prefers_it(api, acme):
    character = api.create_synthesizing(acme, fail=True)
    api.advance(SYNTHESIS_SECONDS)

    done = api.get(acme, character["id"]).json()

    assert "failed" == done["status"]
    assert done["error_message"]


def test_synthesis_fails_when_the_settings_say_so(make_app):
    app = make_app(synthesis_outcome="fail", failure_message="forced by settings")
    api = Api(app.test_client())
    team = api.teams()[0]
    character = api.create_synthesizing(team)
    api.advance(SYNTHESIS_SECONDS)

    done = api.get(team, character["id"]).json()

    assert ("failed", "forced by settings") == (done["status"], done["error_message"])


@pytest.mark.parametrize(
    "body",
    [
        {"name": "Both", "generate": True, "attributes": ATTRIBUTES, "upload_ids": ["upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR"]},
        {"name": "Neither"},
        {"generate": False, "name": "Neither"},
    ],
    ids=["both", "neither", "generate-false"],
)
def test_create_with_both_or_neither_flow_is_parameter_invalid_combination(client, acme, api, body):
    before = api.balance(acme)

    response = client.post("/v1/characters", json=body, headers=acme.headers)

    error = assert_envelope(response, 400, "parameter_invalid_combination")
    assert "upload_ids" == error["param"]
    assert before == api.balance(acme)
    assert [] == client.get("/v1/characters", headers=acme.headers).json()["data"]


# -- create: upload flow --------------------------------------------------------------------------


def test_upload_flow_create_is_born_ready_with_refs_from_the_classified_uploads(api, acme, client):
    first, second = api.upload(acme, filename="front.png"), api.upload(acme, filename="side.png")
    for upload_id in (first, second):
        client.post("/v1/characters/uploads/classify", json={"upload_id": upload_id}, headers=acme.headers)

    response = client.post("/v1/characters", json={"name": "Up", "upload_ids": [first, second]}, headers=acme.headers)

    assert 201 == response.status_code
    character = response.json()
    assert "ready" == character["status"]
    assert ["front", "side"] == [ref["pose"] for ref in character["refs"]]


def test_upload_flow_create_is_free(api, acme):
    before = api.balance(acme)

    api.create_uploaded(acme)

    assert before == api.balance(acme)


def test_upload_init_mints_a_ticket_and_the_put_needs_no_api_key(client, acme):
    init = client.post(
        "/v1/characters/uploads/init",
        json={"filename": "a.png", "extension": "png", "content_type": "image/png"},
        headers=acme.headers,
    )
    assert 201 == init.status_code
    ticket = init.json()
    assert ticket["upload_id"].startswith("upl_")
    assert f"/v1/characters/uploads/{ticket['upload_id']}/content?signature=" in ticket["upload_url"]

    put = client.put(ticket["upload_url"], content=b"bytes", headers={"Content-Type": "image/png"})

    assert 204 == put.status_code
    assert b"" == put.content


def test_a_put_with_a_wrong_signature_is_resource_not_found(client, acme):
    ticket = client.post(
        "/v1/characters/uploads/init", json={"extension": "png", "content_type": "image/png"}, headers=acme.headers
    ).json()
    url = ticket["upload_url"].split("?")[0] + "?signature=forged"

    response = client.put(url, content=b"bytes", headers={"Content-Type": "image/png"})

    assert_envelope(response, 404, "resource_not_found")


def test_a_consumed_upload_cannot_create_a_second_character(api, acme, client):
    upload_id = api.upload(acme)
    assert (
        201
        == client.post(
            "/v1/characters", json={"name": "Up", "upload_ids": [upload_id]}, headers=acme.headers
        ).status_code
    )

    response = client.post("/v1/characters", json={"name": "Up", "upload_ids": [upload_id]}, headers=acme.headers)

    error = assert_envelope(response, 400, "upload_invalid")
    assert "upload_ids" == error["param"]


def test_an_upload_without_bytes_cannot_create_a_character(client, acme):
    ticket = client.post(
        "/v1/characters/uploads/init", json={"extension": "png", "content_type": "image/png"}, headers=acme.headers
    ).json()

    response = client.post(
        "/v1/characters", json={"name": "Up", "upload_ids": [ticket["upload_id"]]}, headers=acme.headers
    )

    assert_envelope(response, 400, "upload_invalid")


def test_classify_is_deterministic(api, acme, client):
    upload_id = api.upload(acme, data=b"some image bytes", filename="img.png")

    first = client.post("/v1/characters/uploads/classify", json={"upload_id": upload_id}, headers=acme.headers)
    second = client.post("/v1/characters/uploads/classify", json={"upload_id": upload_id}, headers=acme.headers)

    assert 200 == first.status_code
    assert upload_id == first.json()["upload_id"]
    assert first.json() == second.json()


def test_classify_of_another_teams_upload_is_resource_not_found(api, acme, globex, client):
    upload_id = api.upload(acme)

    response = client.post("/v1/characters/uploads/classify", json={"upload_id": upload_id}, headers=globex.headers)

    assert_envelope(response, 404, "resource_not_found")


def test_another_teams_upload_cannot_create_a_character(api, acme, globex, client):
    upload_id = api.upload(acme)

    response = client.post("/v1/characters", json={"name": "Up", "upload_ids": [upload_id]}, headers=globex.headers)

    error = assert_envelope(response, 404, "resource_not_found")
    assert "upload_ids" == error["param"]
    assert (
        201
        == client.post(
            "/v1/characters", json={"name": "Up", "upload_ids": [upload_id]}, headers=acme.headers
        ).status_code
    )


# -- regenerate and resynthesize ------------------------------------------------------------------


def _regenerate(client, team, character_id, pose="side", **headers):
    return client.post(
        f"/v1/characters/{character_id}/refs/regenerate", json={"pose": pose}, headers={**team.headers, **headers}
    )


def _resynthesize(client, team, character_id, **headers):
    return client.post(f"/v1/characters/{character_id}/resynthesize", json={}, headers={**team.headers, **headers})


@pytest.mark.parametrize("status", ["reviewing", "ready"])
def test_regenerate_starts_a_synthesis_and_costs_one_credit(api, acme, client, status):
    character = api.create_in(acme, status)
    before = api.balance(acme)

    response = _regenerate(client, acme, character["id"])

    assert 200 == response.status_code
    assert "synthesizing" == response.json()["status"]
    assert before - 1 == api.balance(acme)


@pytest.mark.parametrize("status", ["synthesizing", "failed"])
def test_regenerate_is_refused_outside_reviewing_and_ready_and_charges_nothing(api, acme, client, status):
    character = api.create_in(acme, status)
    before = api.balance(acme)

    response = _regenerate(client, acme, character["id"])

    assert_envelope(response, 400, "invalid_request_error")
    assert before == api.balance(acme)


def test_regenerate_replaces_only_the_named_pose(api, acme, client):
    character = api.create_in(acme, "reviewing")
    before = {ref["pose"]: ref["url"] for ref in api.get(acme, character["id"]).json()["refs"]}
    _regenerate(client, acme, character["id"], pose="side")
    api.advance(SYNTHESIS_SECONDS)

    after = {ref["pose"]: ref["url"] for ref in api.get(acme, character["id"]).json()["refs"]}

    assert {p: before[p] for p in ("portrait", "front", "back")} == {p: after[p] for p in ("portrait", "front", "back")}
    assert before["side"] != after["side"]


def test_regenerate_of_a_never_saved_character_completes_to_reviewing(api, acme, client):
    character = api.create_in(acme, "reviewing")
    _regenerate(client, acme, character["id"])
    api.advance(SYNTHESIS_SECONDS)

    status = api.get(acme, character["id"]).json()["status"]

    assert "reviewing" == status


def test_regenerate_with_an_unknown_pose_is_invalid_and_charges_nothing(api, acme, client):
    character = api.create_in(acme, "reviewing")
    before = api.balance(acme)

    response = _regenerate(client, acme, character["id"], pose="upside-down")

    error = assert_envelope(response, 400)
    assert "pose" == error["param"]
    assert before == api.balance(acme)


@pytest.mark.parametrize("status", ["reviewing", "ready", "failed"])
def test_resynthesize_starts_a_synthesis_and_costs_four_credits(api, acme, client, status):
    character = api.create_in(acme, status)
    before = api.balance(acme)

    response = _resynthesize(client, acme, character["id"])

    assert 200 == response.status_code
    assert "synthesizing" == response.json()["status"]
    assert before - 4 == api.balance(acme)


def test_resynthesize_of_a_synthesizing_character_is_refused(api, acme, client):
    character = api.create_in(acme, "synthesizing")
    before = api.balance(acme)

    response = _resynthesize(client, acme, character["id"])

    assert_envelope(response, 400, "invalid_request_error")
    assert before == api.balance(acme)


@pytest.mark.parametrize(
    ("status", "expected"), [("failed", "reviewing"), ("reviewing", "reviewing"), ("ready", "ready")]
)
def test_resynthesize_completes_to_ready_only_for_a_character_that_was_ever_saved(api, acme, client, status, expected):
    character = api.create_in(acme, status)
    _resynthesize(client, acme, character["id"])
    api.advance(SYNTHESIS_SECONDS)

    done = api.get(acme, character["id"]).json()

    assert expected == done["status"]
    assert done["error_message"] is None


def test_a_failed_resynthesize_keeps_the_old_refs(api, acme, client):
    character = api.create_in(acme, "ready")
    refs = api.get(acme, character["id"]).json()["refs"]
    _resynthesize(client, acme, character["id"], Prefer="outcome=fail")
    api.advance(SYNTHESIS_SECONDS)

    failed = api.get(acme, character["id"]).json()

    assert "failed" == failed["status"]
    assert refs == failed["refs"]


def test_resynthesize_without_enough_credits_is_402_and_changes_nothing(make_app):
    client, api, team = _poor_app(make_app, credits=4)
    character = api.create_in(team, "reviewing")
    before = api.inspect(character["id"])

    response = _resynthesize(client, team, character["id"])

    assert_envelope(response, 402, "insufficient_credits")
    assert before == api.inspect(character["id"])
    assert 0 == api.balance(team)


def test_a_synthesizing_character_cannot_be_used_for_images(api, acme, client):
    character = api.create_in(acme, "ready")
    _resynthesize(client, acme, character["id"])

    response = client.post("/v1/images", json={"prompt": "p", "character_id": character["id"]}, headers=acme.headers)

    assert_envelope(response, 400, "character_not_ready")


# -- delete ---------------------------------------------------------------------------------------


def test_deleting_a_reviewing_character_removes_its_row(api, acme, client):
    character = api.create_in(acme, "reviewing")

    response = client.delete(f"/v1/characters/{character['id']}", headers=acme.headers)

    assert 200 == response.status_code
    assert {"id": character["id"], "object": "character", "deleted": True} == response.json()
    assert 404 == client.get(f"/_mock/characters/{character['id']}").status_code


@pytest.mark.parametrize("status", ["ready", "failed", "synthesizing"])
def test_deleting_any_other_character_soft_deletes_it(api, acme, client, status):
    character = api.create_in(acme, status)

    response = client.delete(f"/v1/characters/{character['id']}", headers=acme.headers)

    assert 200 == response.status_code
    row = api.inspect(character["id"])
    assert (True, "deleted") == (row["deleted"], row["status"])
    assert row["deleted_at"] is not None
    assert_envelope(api.get(acme, character["id"]), 404, "resource_not_found")


def test_a_repeated_delete_is_resource_not_found(api, acme, client):
    character = api.create_in(acme, "ready")
    client.delete(f"/v1/characters/{character['id']}", headers=acme.headers)

    response = client.delete(f"/v1/characters/{character['id']}", headers=acme.headers)

    assert_envelope(response, 404, "resource_not_found")


def test_delete_refunds_nothing(api, acme, client):
    character = api.create_in(acme, "ready")
    before = api.balance(acme)

    client.delete(f"/v1/characters/{character['id']}", headers=acme.headers)

    assert before == api.balance(acme)


# -- PATCH ----------------------------------------------------------------------------------------


def test_patch_changes_the_name(api, acme, client):
    character = api.create_in(acme, "ready")

    response = client.patch(f"/v1/characters/{character['id']}", json={"name": "Renamed"}, headers=acme.headers)

    assert 200 == response.status_code
    assert "Renamed" == api.get(acme, character["id"]).json()["name"]


def test_patch_replaces_attributes_whole(api, acme, client):
    character = api.create_in(acme, "ready")

    response = client.patch(
        f"/v1/characters/{character['id']}", json={"attributes": {"eye_color": "green"}}, headers=acme.headers
    )

    assert {"eye_color": "green"} == response.json()["attributes"]
    assert {"eye_color": "green"} == api.get(acme, character["id"]).json()["attributes"]


@pytest.mark.parametrize(
    ("body", "param"),
    [({"status": "ready"}, "status"), ({"name": "ok", "refs": [], "status": "x"}, "refs"), ({"id": "char_x"}, "id")],
)
def test_patch_of_any_other_field_is_parameter_unknown_naming_it(api, acme, client, body, param):
    character = api.create_in(acme, "ready")
    before = api.inspect(character["id"])

    response = client.patch(f"/v1/characters/{character['id']}", json=body, headers=acme.headers)

    error = assert_envelope(response, 400, "parameter_unknown")
    assert param == error["param"]
    assert before == api.inspect(character["id"])


def test_patch_of_a_synthesizing_character_is_refused(api, acme, client):
    character = api.create_in(acme, "synthesizing")

    response = client.patch(f"/v1/characters/{character['id']}", json={"name": "x"}, headers=acme.headers)

    assert_envelope(response, 400, "invalid_request_error")


# -- list -----------------------------------------------------------------------------------------


def test_list_pages_newest_first_with_a_cursor(api, acme, client):
    created = []
    for _ in range(5):
        created.append(api.create_uploaded(acme)["id"])
        api.advance(1)
    pages = []
    cursor = None

    while True:
        params = {"limit": 2} if cursor is None else {"limit": 2, "starting_after": cursor}
        page = client.get("/v1/characters", params=params, headers=acme.headers).json()
        pages.append(([c["id"] for c in page["data"]], page["has_more"], page["next_cursor"]))
        if not page["has_more"]:
            break
        cursor = page["next_cursor"]

    newest_first = created[::-1]
    expected = [
        (newest_first[0:2], True, newest_first[1]),
        (newest_first[2:4], True, newest_first[3]),
        (newest_first[4:5], False, None),
    ]
    assert expected == pages


def test_list_leaves_out_deleted_characters_and_other_teams(api, acme, globex, client):
    kept = api.create_in(acme, "ready")
    api.create_in(acme, "deleted")
    api.create_in(globex, "ready")

    page = client.get("/v1/characters", headers=acme.headers).json()

    assert {"object": "list", "data": [kept], "has_more": False, "next_cursor": None} == page


def test_list_defaults_to_twenty_per_page(api, acme, client):
    for _ in range(21):
        api.create_uploaded(acme)

    page = client.get("/v1/characters", headers=acme.headers).json()

    assert (20, True) == (len(page["data"]), page["has_more"])


@pytest.mark.parametrize("limit", ["0", "101", "abc"])
def test_list_refuses_a_limit_out_of_bounds(client, acme, limit):
    response = client.get("/v1/characters", params={"limit": limit}, headers=acme.headers)

    error = assert_envelope(response, 400)
    assert "limit" == error["param"]


# -- images and balance ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["synthesizing", "reviewing", "failed"])
def test_images_refuse_a_character_that_is_not_ready(api, acme, client, status):
    character = api.create_in(acme, status)
    before = api.balance(acme)

    response = client.post("/v1/images", json={"prompt": "p", "character_id": character["id"]}, headers=acme.headers)

    assert_envelope(response, 400, "character_not_ready")
    assert before == api.balance(acme)


def test_images_answer_resource_not_found_for_deleted_and_foreign_characters(api, acme, globex, client):
    deleted = api.create_in(acme, "deleted")
    foreign = api.create_in(globex, "ready")

    responses = [
        client.post("/v1/images", json={"prompt": "p", "character_id": cid}, headers=acme.headers)
        for cid in (deleted["id"], foreign["id"])
    ]

    assert [404, 404] == [r.status_code for r in responses]


def test_an_image_with_a_ready_character_is_queued_for_one_credit(api, acme, client):
    character = api.create_uploaded(acme)
    before = api.balance(acme)

    response = client.post("/v1/images", json={"prompt": "p", "character_id": character["id"]}, headers=acme.headers)

    assert 202 == response.status_code
    image = response.json()
    assert (image["id"][:4], image["object"], image["status"]) == ("img_", "image", "queued")
    assert before - 1 == api.balance(acme)


def test_balance_has_the_documented_shape(client, acme):
    response = client.get("/v1/balance", headers=acme.headers)

    assert 200 == response.status_code
    assert {
        "credits": 1000,
        "held_credits": 0,
        "available_credits": 1000,
        "currency": "credit",
        "billing_mode": "metered",
    } == response.json()
