"""The kit's webhook checks against the reference mock: skipped with the reason without a receiver, passing with one."""

from __future__ import annotations

import copy
import warnings

import pytest
import yaml

from aurous_contract import load_spec
from conformance import RunOptions, Status, run
from conformance.checks import REGISTRY
from conformance.webhook_receiver import WebhookReceiver

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)

WEBHOOK_CHECKS = tuple(check.name for check in REGISTRY if check.family == "webhooks")


@pytest.fixture
def app(mock):
    return mock.app


def _run(app, mock, **kwargs):  # type: ignore[no-untyped-def]
    return run(
        RunOptions(api_key=mock.keys[0]["X-Api-Key"], app=app, layers=("behaviour",), only=WEBHOOK_CHECKS, **kwargs)
    )


def test_without_webhook_listen_every_webhook_check_is_skipped_with_the_reason(app, mock):
    result = _run(app, mock)

    assert {o.name: o.status for o in result.outcomes} == dict.fromkeys(WEBHOOK_CHECKS, Status.SKIPPED)
    assert all("--webhook-listen HOST:PORT" in o.reason for o in result.outcomes)
    assert mock.client.get("/_mock/webhooks/endpoints").json() == []  # nothing registered


def test_with_a_receiver_the_checks_pass_and_the_kit_deletes_its_endpoints(app, mock):
    result = _run(app, mock, webhook_listen="127.0.0.1:0")

    assert {o.name: o.status for o in result.outcomes} == dict.fromkeys(WEBHOOK_CHECKS, Status.PASSED)
    assert mock.client.get("/_mock/webhooks/endpoints").json() == []
    assert {row["status"] for row in mock.deliveries()} <= {"succeeded", "abandoned"}


def test_an_address_the_kit_cannot_listen_on_is_a_skip_with_the_reason(app, mock):
    with WebhookReceiver() as taken:  # the port is in use
        result = _run(app, mock, webhook_listen=f"127.0.0.1:{taken.port}")

    assert {o.status for o in result.outcomes} == {Status.SKIPPED}
    assert all("cannot run the webhook receiver" in o.reason for o in result.outcomes)


def test_the_envelope_the_kit_expects_is_the_spec_it_is_given(app, mock, tmp_path):
    """The kit keeps no list of an event's keys: a spec whose WebhookEvent requires one more key fails the mock."""
    spec = copy.deepcopy(load_spec())  # load_spec caches: never change its dict
    spec["components"]["schemas"]["WebhookEvent"]["required"].append("livemode")
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))

    result = _run(app, mock, webhook_listen="127.0.0.1:0", spec_path=path)

    [outcome] = [o for o in result.outcomes if o.name == "webhook_event_matches_the_contract"]
    assert (Status.FAILED, "Webhook event does not match the contract") == (outcome.status, outcome.findings[0].title)
    assert "'livemode'" in outcome.findings[0].message and "envelope keys" in outcome.findings[0].message
