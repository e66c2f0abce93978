"""The mock reads the contract's tables (versions, version pattern, buckets) from the spec, its only copy."""

from __future__ import annotations

import copy

import pytest
import yaml

from aurous_contract import load_spec
from mockserver.app import create_app
from mockserver.domain.service import ServiceSettings
from mockserver.operations import OperationIndex
from mockserver.settings import Settings


def _write(tmp_path, spec):
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return path


@pytest.mark.parametrize("missing", ["x-aurous-versions", "x-aurous-rate-limit-buckets"])
def test_a_spec_without_a_table_does_not_start(tmp_path, missing):
    spec = copy.deepcopy(load_spec())  # load_spec caches: never change its dict
    del spec[missing]

    with pytest.raises(ValueError, match=missing):
        create_app(Settings(spec_path=_write(tmp_path, spec)))


@pytest.mark.parametrize(("path", "method"), [("/v1/images", "post"), ("/v1/balance", "get")])
def test_an_operation_without_a_credit_cost_does_not_start(tmp_path, path, method):
    spec = copy.deepcopy(load_spec())  # load_spec caches: never change its dict
    del spec["paths"][path][method]["x-aurous-credit-cost"]

    operation_id = spec["paths"][path][method]["operationId"]
    with pytest.raises(ValueError, match=f"{operation_id} has no whole `x-aurous-credit-cost`"):
        create_app(Settings(spec_path=_write(tmp_path, spec)))


def test_the_credit_costs_the_service_charges_are_the_specs_and_it_keeps_none_of_its_own():
    index = OperationIndex(load_spec())

    assert (
        ServiceSettings(credit_costs=index.credit_costs).cost("createImage")
        == (load_spec()["paths"]["/v1/images"]["post"]["x-aurous-credit-cost"])
    )
    with pytest.raises(LookupError, match="createImage"):
        ServiceSettings().cost("createImage")


def test_the_default_version_echoed_is_the_specs(tmp_path):
    from starlette.testclient import TestClient

    spec = copy.deepcopy(load_spec())  # load_spec caches: never change its dict
    spec["x-aurous-versions"]["default"] = spec["x-aurous-versions"]["known"][-1]
    app = create_app(Settings(spec_path=_write(tmp_path, spec)))

    with TestClient(app) as client:
        answer = client.get("/v1/characters")  # no key: no team pin, so the system default

    assert (401, spec["x-aurous-versions"]["known"][-1]) == (answer.status_code, answer.headers["aurous-version"])


def test_a_spec_without_the_webhook_event_types_does_not_start(tmp_path):
    spec = copy.deepcopy(load_spec())  # load_spec caches: never change its dict
    del spec["components"]["schemas"]["WebhookEventType"]["enum"]

    with pytest.raises(ValueError, match="WebhookEventType"):
        create_app(Settings(spec_path=_write(tmp_path, spec)))


def test_the_webhook_wildcard_expands_to_the_specs_event_types(tmp_path):
    from starlette.testclient import TestClient

    spec = copy.deepcopy(load_spec())  # load_spec caches: never change its dict
    schemas = spec["components"]["schemas"]
    taxonomy = [event for event in schemas["WebhookEventType"]["enum"] if not event.startswith("video.")]
    schemas["WebhookEventType"]["enum"] = taxonomy
    schemas["CreateWebhookEndpointRequest"]["properties"]["events"]["items"]["enum"] = [*taxonomy, "*"]
    app = create_app(Settings(spec_path=_write(tmp_path, spec), clock="manual"))

    with TestClient(app) as client:
        key = client.get("/_mock/teams").json()[0]["api_keys"][0]
        created = client.post(
            "/v1/webhook_endpoints",
            json={"url": "https://hooks.example.com", "events": ["*"]},
            headers={"X-Api-Key": key},
        )
    app.state.webhook_worker.stop()

    assert (201, taxonomy) == (created.status_code, created.json()["events"])
