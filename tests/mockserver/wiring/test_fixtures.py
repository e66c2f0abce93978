"""Fixtures and scenarios: seed teams and characters in any state, at start and on every reset."""

from __future__ import annotations

import json

import pytest

from mockserver.fixtures import FixtureError, scenario_names
from mockserver.settings import Settings
from tests.mockserver.wiring.conftest import assert_envelope, create, key_of


def public(client, key, character_id):
    return client.get(f"/v1/characters/{character_id}", headers={"X-Api-Key": key})


def test_the_shipped_scenarios_are_the_four_promised():
    assert ["empty", "every_state", "out_of_credits", "rate_limited"] == scenario_names()


def test_every_state_seeds_one_character_per_state_for_the_first_team(make_client):
    client = make_client(fixtures="every_state")
    key = key_of(client)

    rows = client.get("/_mock/characters").json()

    assert ["synthesizing", "reviewing", "ready", "failed", "deleted"] == [row["status"] for row in rows]
    by_status = {row["status"]: row for row in rows}
    assert by_status["failed"]["error_message"]
    assert 4 == len(by_status["reviewing"]["refs"])
    assert 404 == public(client, key, by_status["deleted"]["id"]).status_code
    assert "reviewing" == public(client, key, by_status["reviewing"]["id"]).json()["status"]
    listed = client.get("/v1/characters", headers={"X-Api-Key": key}).json()["data"]
    assert 4 == len(listed)


def test_a_seeded_synthesizing_character_finishes_when_its_time_comes(make_client):
    client = make_client(fixtures="every_state")
    key = key_of(client)
    spinner = client.get("/_mock/characters?status=synthesizing").json()[0]

    client.post("/_mock/clock/advance", json={"seconds": 600})

    assert "reviewing" == public(client, key, spinner["id"]).json()["status"]


def test_a_seeded_reviewing_character_can_be_saved(make_client):
    client = make_client(fixtures="every_state")
    key = key_of(client)
    reviewing = client.get("/_mock/characters?status=reviewing").json()[0]

    response = client.post(f"/v1/characters/{reviewing['id']}/save", headers={"X-Api-Key": key})

    assert "ready" == response.json()["status"]


def test_reset_puts_the_same_seeded_rows_back(make_client):
    client = make_client(fixtures="every_state")
    key = key_of(client)
    before = [row["id"] for row in client.get("/_mock/characters").json()]
    create(client, key)
    client.post(f"/v1/characters/{before[1]}/save", headers={"X-Api-Key": key})

    client.post("/_mock/reset")

    rows = client.get("/_mock/characters").json()
    assert before == [row["id"] for row in rows]
    assert "reviewing" == rows[1]["status"]


def test_out_of_credits_makes_paid_operations_402(make_client):
    client = make_client(fixtures="out_of_credits")
    key = key_of(client)

    assert 0 == client.get("/v1/balance", headers={"X-Api-Key": key}).json()["credits"]
    assert_envelope(create(client, key), 402, "insufficient_credits")
    ready = client.get("/_mock/characters").json()[0]
    assert_envelope(
        client.post(f"/v1/characters/{ready['id']}/resynthesize", json={}, headers={"X-Api-Key": key}),
        402,
        "insufficient_credits",
    )


def test_rate_limited_starts_the_first_team_at_its_limit_and_the_second_free(make_client):
    client = make_client(fixtures="rate_limited")

    response = client.get("/v1/characters", headers={"X-Api-Key": key_of(client, 0)})

    assert_envelope(response, 429, "too_many_requests")
    assert int(response.headers["retry-after"]) >= 1
    assert 200 == client.get("/v1/characters", headers={"X-Api-Key": key_of(client, 1)}).status_code


def test_empty_has_no_characters(make_client):
    client = make_client(fixtures="empty")

    assert [] == client.get("/_mock/characters").json()


def test_a_yaml_fixtures_file_seeds_its_own_team_and_characters(make_client, tmp_path):
    key = "al_live_" + "ab" * 32
    path = tmp_path / "fixtures.yaml"
    path.write_text(
        f"""
teams:
  - {{id: team_mine, name: Mine, api_keys: ["{key}"], credits: 9}}
characters:
  - {{id: char_01HXMQ7Z3K8Y2NABCDEFGHJKMR, name: Fay, status: failed, error_message: "Out of ink."}}
  - {{name: Rae, status: reviewing, refs: [{{pose: front, url: "https://cdn.example/front.png"}}]}}
"""
    )
    client = make_client(fixtures=str(path))

    failed = public(client, key, "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR").json()
    listed = client.get("/v1/characters", headers={"X-Api-Key": key}).json()["data"]

    assert ("failed", "Out of ink.") == (failed["status"], failed["error_message"])
    assert [[{"pose": "front", "url": "https://cdn.example/front.png"}]] == [
        c["refs"] for c in listed if c["name"] == "Rae"
    ]
    assert 9 == client.get("/v1/balance", headers={"X-Api-Key": key}).json()["credits"]


def test_a_json_fixtures_file_works_too(make_client, tmp_path):
    path = tmp_path / "fixtures.json"
    path.write_text(json.dumps({"credits": {"0": 3}, "characters": [{"name": "Jo", "status": "ready", "team": 1}]}))
    client = make_client(fixtures=str(path))

    rows = client.get("/_mock/characters").json()

    assert [("Jo", "ready")] == [(row["name"], row["status"]) for row in rows]
    assert rows[0]["team_id"] == client.get("/_mock/teams").json()[1]["id"]


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ("characters: [{status: sleeping}]", "characters[0].status"),
        ("characters: [{team: nobody}]", "characters[0].team"),
        ("characters: [{id: char_nope}]", "characters[0].id"),
        ("characters: [{name: A, colour: red}]", "characters[0]"),
        ("characters: [{name: ''}]", "characters[0].name"),
        ('characters: [{name: "two\\nlines"}]', "characters[0].name"),
        ("characters: [{client_reference_id: 5}]", "characters[0].client_reference_id"),
        (
            f"characters: [{{name: {'n' * 121}}}]",
            "characters[0].name: '" + "n" * 39 + "… (121 characters) is too long (at most 120 characters)$",
        ),
        (
            f"characters: [{{client_reference_id: {'r' * 257}}}]",
            "characters[0].client_reference_id: '" + "r" * 39 + "… (257 characters) is too long",
        ),
        ("characters: [{attributes: {age: -1}}]", "characters[0].attributes.age: -1 is less than the minimum of 0"),
        (f"characters: [{{attributes: {{gender: {'g' * 501}}}}}]", "characters[0].attributes.gender"),
        ("characters: [{attributes: {age: 151}}]", "characters[0].attributes.age"),
        ("characters: [{attributes: {hair_color: 7}}]", "characters[0].attributes.hair_color"),
        ("characters: [{attributes: {colour: red}}]", "characters[0].attributes: Additional properties"),
        ("characters: [{attributes: [1]}]", "characters[0].attributes"),
        ("rate_limits: [{bucket: nope}]", "rate_limits[0].bucket"),
        ("credits: {0: -1}", "credits[0]"),
        ("[1, 2]", "must hold a mapping"),
        ("characters: [{: }", "not valid YAML"),
    ],
)
def test_a_bad_fixtures_file_is_refused_at_start_naming_the_entry(make_client, tmp_path, content, named):
    path = tmp_path / "fixtures.yaml"
    path.write_text(content)

    pattern = named.replace("[", r"\[").replace("]", r"\]").replace("(", r"\(").replace(")", r"\)")
    with pytest.raises(FixtureError, match=pattern):
        make_client(fixtures=str(path))


def test_a_fixtures_version_must_match_the_pattern_of_the_spec_given(make_client, tmp_path):
    import copy

    import yaml

    from aurous_contract import load_spec

    spec = copy.deepcopy(load_spec())  # load_spec caches: never change its dict
    spec["components"]["parameters"]["AurousVersion"]["schema"]["pattern"] = r"^2026-\d{2}-\d{2}$"
    spec_path = tmp_path / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False))
    path = tmp_path / "fixtures.yaml"
    path.write_text('characters: [{aurous_version: "2025-01-01"}]')

    make_client(fixtures=str(path))  # the shipped spec's pattern admits it
    with pytest.raises(FixtureError, match=r"characters\[0\]\.aurous_version"):
        make_client(fixtures=str(path), spec_path=spec_path)


def test_an_unknown_scenario_name_lists_the_shipped_ones():
    from mockserver.app import create_app

    with pytest.raises(FixtureError, match="every_state"):
        create_app(Settings(fixtures="no_such_scenario"))


def test_a_scenario_can_be_loaded_at_run_time_and_becomes_the_reset_target(client):
    response = client.post("/_mock/scenarios/every_state")

    assert 200 == response.status_code
    assert 5 == len(response.json()["characters"])
    client.post("/_mock/reset")
    assert 5 == len(client.get("/_mock/characters").json())
    assert {"empty", "every_state", "out_of_credits", "rate_limited"} == {
        s["name"] for s in client.get("/_mock/scenarios").json()
    }


def test_an_unknown_scenario_at_run_time_is_404_in_the_envelope(client):
    assert_envelope(client.post("/_mock/scenarios/nope"), 404, "resource_not_found")


def test_fixtures_can_be_put_at_run_time(client):
    response = client.put(
        "/_mock/fixtures",
        json={"characters": [{"name": "Spinner", "status": "synthesizing", "due_in_seconds": 30}], "credits": {"0": 8}},
    )

    assert 200 == response.status_code
    key = key_of(client)
    assert "synthesizing" == public(client, key, response.json()["characters"][0]).json()["status"]
    assert 8 == client.get("/v1/balance", headers={"X-Api-Key": key}).json()["credits"]


def test_bad_fixtures_at_run_time_are_400_and_leave_the_state_alone(client):
    key = key_of(client)
    kept = create(client, key).json()
    for body in ({"characters": [{"status": "sleeping"}]}, {"teams": []}, {"characters": "many"}):
        response = client.put("/_mock/fixtures", json=body)

        assert 400 == response.status_code, (body, response.text)
        assert "error" in response.json()
    assert 200 == public(client, key, kept["id"]).status_code
