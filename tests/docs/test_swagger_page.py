"""Swagger UI of the mock (/docs/ and /_mock/docs/), in headless Chromium: the operations start on the first
screen (the introduction is folded, one line per operation, a filter box), the control API's routes sit under
named tags, and try-it is pre-filled from the demo team: its key, and a real character's id when it has one."""

from __future__ import annotations

import re

import httpx

from tests.mockserver.wiring.conftest import needs_chromium, render

pytestmark = needs_chromium


def test_the_introduction_is_folded_and_every_operation_is_one_line(servers, tmp_path):
    server = servers("--clock", "manual").wait_ready()

    dom = render(f"{server.base}/docs/", tmp_path)

    assert re.search(r'<details class="aurous-intro">\s*<summary>Introduction', dom)  # closed: no "open" attribute
    assert 'class="operation-filter-input"' in dom
    assert "/v1/characters/{id}/save" in re.findall(r'opblock-summary-path" data-path="([^"]+)"', dom)
    assert 'class="opblock-body"' not in dom  # nothing expanded: a list of one-line operations


def test_try_it_uses_a_real_character_of_the_demo_team_and_its_key(servers, tmp_path):
    server = servers("--clock", "manual", "--fixtures", "every_state").wait_ready()
    teams = httpx.get(f"{server.base}/_mock/teams").json()
    rows = httpx.get(
        f"{server.base}/_mock/characters", params={"team_id": teams[0]["id"], "status": "reviewing"}
    ).json()

    dom = render(f"{server.base}/docs/#/Characters/saveCharacter", tmp_path)

    assert 'data-state="character"' in dom
    assert f'placeholder="id" value="{rows[0]["id"]}"' in dom  # the save form's {id}: a character that is there
    assert re.search(r'class="btn authorize[^"]*locked', dom)  # Authorize holds the demo key


def test_without_characters_the_page_says_how_to_get_one(servers, tmp_path):
    server = servers("--clock", "manual").wait_ready()

    dom = render(f"{server.base}/docs/", tmp_path)

    assert 'data-state="no-character"' in dom
    assert "POST /v1/characters</b> first" in dom


def test_the_control_api_routes_are_grouped_under_named_tags(servers, tmp_path):
    server = servers("--clock", "manual").wait_ready()

    dom = render(f"{server.base}/_mock/docs/", tmp_path)

    tags = re.findall(r'id="operations-tag-([A-Za-z]+)"', dom)
    assert ["Teams", "State", "Clock", "Characters", "Requests", "Faults", "Settings", "Webhooks"] == tags
