"""The kit reads the contract's tables from the spec it is given, and stops when one is missing."""

from __future__ import annotations

import copy

import pytest
import yaml

from aurous_contract import load_spec
from conformance.contract import Contract, ContractTableMissing
from conformance.runner import RunOptions, UsageError, run


def _spec_without(tmp_path, *keys: str):
    spec = copy.deepcopy(load_spec())  # load_spec caches: never change its dict
    for key in keys:
        *parents, last = key.split(".")
        node = spec
        for parent in parents:
            node = node[parent]
        del node[last]
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return path


def test_the_tables_come_from_the_spec():
    spec = copy.deepcopy(load_spec())  # load_spec caches: never change its dict
    contract = Contract.load()

    assert contract.default_version == spec["x-aurous-versions"]["default"]
    assert contract.known_versions == tuple(spec["x-aurous-versions"]["known"])
    assert contract.burst("characters_post") == spec["x-aurous-rate-limit-buckets"]["characters_post"]["burst"]
    assert contract.sustained_per_minute().keys() == spec["x-aurous-rate-limit-buckets"].keys()
    assert contract.version_pattern.pattern == spec["components"]["parameters"]["AurousVersion"]["schema"]["pattern"]
    assert contract.webhook_event_types == tuple(spec["components"]["schemas"]["WebhookEventType"]["enum"])
    assert contract.webhook_event_keys == set(spec["components"]["schemas"]["WebhookEvent"]["required"])


def test_a_changed_table_in_the_spec_changes_what_the_kit_expects(tmp_path):
    spec = copy.deepcopy(load_spec())  # load_spec caches: never change its dict
    spec["x-aurous-versions"] = {"default": "2030-01-01", "known": ["2030-01-01"]}
    spec["x-aurous-rate-limit-buckets"]["characters_post"]["burst"] = 7
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))

    contract = Contract.load(path)

    assert (contract.default_version, contract.known_versions, contract.burst("characters_post")) == (
        "2030-01-01",
        ("2030-01-01",),
        7,
    )


@pytest.mark.parametrize(
    "missing",
    [
        "x-aurous-versions",
        "x-aurous-rate-limit-buckets",
        "components.parameters.AurousVersion.schema.pattern",
        "components.schemas.WebhookEventType.enum",
        "components.schemas.WebhookEvent.required",
    ],
)
def test_a_spec_without_a_table_stops_the_run_before_any_request(tmp_path, missing):
    path = _spec_without(tmp_path, missing)

    with pytest.raises(ContractTableMissing):
        Contract.load(path).check_tables()
    # The run is refused as a usage error (exit status 2), naming the table; the target is never asked.
    with pytest.raises(UsageError, match=missing.rsplit(".", 1)[-1].replace("AurousVersion", "")):
        run(RunOptions(api_key="al_test_x", base_url="http://127.0.0.1:9", spec_path=path))
