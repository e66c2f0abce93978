"""Inspection: GET /_mock/requests (the last N requests) and GET /_mock/characters (every team's rows)."""

from __future__ import annotations

from tests.mockserver.wiring.conftest import create, key_of


def test_the_request_log_shows_method_path_status_team_timing_and_request_id_newest_first(client):
    teams = client.get("/_mock/teams").json()
    key = teams[0]["api_keys"][0]
    created = create(client, key)
    client.get("/v1/characters?limit=5", headers={"X-Api-Key": key})

    entries = client.get("/_mock/requests").json()

    newest, older = entries[0], entries[1]
    assert ("GET", "/v1/characters", "limit=5", 200) == (
        newest["method"],
        newest["path"],
        newest["query"],
        newest["status"],
    )
    assert ("POST", 201, teams[0]["id"]) == (older["method"], older["status"], older["team_id"])
    assert created.headers["aurous-request-id"] == older["request_id"]
    assert older["duration_ms"] >= 0
    assert older["at"].endswith("Z")


def test_refused_requests_are_logged_with_their_status_and_no_team(client):
    client.get("/v1/characters")

    entry = client.get("/_mock/requests?limit=1").json()[0]

    assert (401, None) == (entry["status"], entry["team_id"])


def test_the_request_log_keeps_only_the_last_n(make_client):
    client = make_client(request_log_size=3)
    for _ in range(5):
        client.get("/v1/balance")

    assert 3 == len(client.get("/_mock/requests").json())


def test_the_request_log_does_not_log_its_own_polling(client):
    client.get("/_mock/requests")
    client.get("/_mock/requests")

    assert [] == client.get("/_mock/requests").json()


def test_the_request_log_can_be_cleared(client):
    client.get("/v1/balance")

    assert 204 == client.delete("/_mock/requests").status_code
    assert [] == client.get("/_mock/requests").json()


def test_a_bad_limit_is_refused_in_the_envelope(client):
    response = client.get("/_mock/requests?limit=0")

    assert 400 == response.status_code
    assert "error" in response.json()


def test_every_character_of_every_team_is_listed_with_internal_fields(client):
    acme, globex = key_of(client, 0), key_of(client, 1)
    mine = create(client, acme).json()
    theirs = create(client, globex).json()
    client.delete(f"/v1/characters/{theirs['id']}", headers={"X-Api-Key": globex})  # synthesizing: soft delete

    rows = {row["id"]: row for row in client.get("/_mock/characters").json()}

    assert {mine["id"], theirs["id"]} == set(rows)
    assert (False, "synthesizing") == (rows[mine["id"]]["deleted"], rows[mine["id"]]["status"])
    assert rows[theirs["id"]]["deleted"] is True
    assert {"team_id", "saved", "temp_upload_bytes", "pending", "flow"} <= set(rows[mine["id"]])


def test_the_character_list_filters_by_team_and_status(client):
    acme, globex = key_of(client, 0), key_of(client, 1)
    create(client, acme)
    create(client, globex, Prefer="outcome=instant")
    globex_id = client.get("/_mock/teams").json()[1]["id"]

    by_team = client.get(f"/_mock/characters?team_id={globex_id}").json()
    by_status = client.get("/_mock/characters?status=synthesizing").json()

    assert [globex_id] == [row["team_id"] for row in by_team]
    assert ["synthesizing"] == [row["status"] for row in by_status]
    assert 400 == client.get("/_mock/characters?status=sleeping").status_code
