"""The mock reads its operational facts from the spec's vendor extensions, not from tables of its own."""

from __future__ import annotations

import yaml

from aurous_contract import SPEC_PATH
from mockserver.app import create_app
from mockserver.settings import Settings
from tests.mockserver.conftest import Api


def _app_with(tmp_path, edit):
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    edit(spec)
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return create_app(Settings(clock="manual", spec_path=path))


def test_a_regenerate_costs_what_x_aurous_credit_cost_says(tmp_path):
    def cost_three(spec):
        spec["paths"]["/v1/characters/{id}/refs/regenerate"]["post"]["x-aurous-credit-cost"] = 3

    api = Api(_app_with(tmp_path, cost_three).test_client())
    team = api.teams()[0]
    character = api.create_in(team, "reviewing")
    before = api.balance(team)

    response = api.client.post(
        f"/v1/characters/{character['id']}/refs/regenerate", json={"pose": "front"}, headers=team.headers
    )

    assert 200 == response.status_code, response.text
    assert before - 3 == api.balance(team)


def test_a_bucket_holds_what_x_aurous_rate_limit_buckets_says(tmp_path):
    def burst_two(spec):
        spec["x-aurous-rate-limit-buckets"]["characters_get"]["burst"] = 2

    api = Api(_app_with(tmp_path, burst_two).test_client())
    team = api.teams()[0]

    statuses = [api.client.get("/v1/characters", headers=team.headers).status_code for _ in range(3)]

    assert [200, 200, 429] == statuses
