"""The public webhook endpoint operations and the /_mock/webhooks control routes: answers and bad input."""

from __future__ import annotations

import pytest

from aurous_contract import load_spec
from tests.mockserver.conftest import assert_envelope


def test_register_shows_the_secret_once_and_expands_the_wildcard(mock):
    created = mock.register("https://hooks.example.com/aurous", ["*"], description="prod", metadata={"env": "prod"})

    assert created["id"].startswith("we_") and created["secret"].startswith("whsec_")
    assert (
        created["secret_preview"].startswith(created["secret"][:9])
        and created["secret"] not in created["secret_preview"]
    )
    assert "character.completed" in created["events"] and "*" not in created["events"]
    assert (created["description"], created["metadata"], created["is_active"]) == ("prod", {"env": "prod"}, True)
    listed = mock.client.get("/v1/webhook_endpoints", headers=mock.keys[0]).json()
    assert [e["id"] for e in listed["data"]] == [created["id"]] and listed["data"][0]["secret"] is None
    assert mock.client.get("/v1/webhook_endpoints", headers=mock.keys[1]).json()["data"] == []


def test_the_endpoint_records_the_version_it_was_created_under(mock):
    created = mock.client.post(
        "/v1/webhook_endpoints",
        json={"url": "https://hooks.example.com", "events": ["character.failed"]},
        headers={**mock.keys[0], "Aurous-Version": "2026-06-19"},
    ).json()
    assert created["api_version"] == "2026-06-19"


@pytest.mark.parametrize(
    ("body", "code", "param"),
    [
        ({"url": "http://hooks.example.com", "events": ["*"]}, "invalid_format", "url"),
        ({"url": "https://hooks.example.com/" + "a" * 2048, "events": ["*"]}, "value_out_of_range", "url"),
        ({"events": ["*"]}, "missing_field", "url"),
        ({"url": "https://hooks.example.com"}, "missing_field", "events"),
        ({"url": "https://hooks.example.com", "events": []}, None, "events"),
        ({"url": "https://hooks.example.com", "events": ["character.created"]}, None, "events"),
        ({"url": "https://hooks.example.com", "events": ["*"], "secret": "mine"}, "parameter_unknown", "secret"),
    ],
)
def test_bad_registrations_are_400_and_register_nothing(mock, body, code, param):
    response = mock.client.post("/v1/webhook_endpoints", json=body, headers=mock.keys[0])

    error = assert_envelope(response, 400, code)
    assert error["param"].startswith(param)  # Connexion names the item: events[0]
    assert mock.client.get("/_mock/webhooks/endpoints").json() == []


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://api.acme.dev/aurous-webhook", True),
        ("https://hooks.example.com", True),
        ("http://localhost:9000/hook", True),
        ("http://127.0.0.1/hook", True),
        ("http://[::1]:8080", True),
        ("https://example.com/" + "a" * 2028, True),  # 2048 characters
        ("http://api.acme.dev/hook", False),  # plain http beyond loopback
        ("http://localhost.evil.example/hook", False),
        ("ftp://example.com", False),
        ("https://", False),
        ("https://a b", False),
        ("https://example.com/" + "a" * 2029, False),  # 2049 characters
    ],
)
def test_receiver_urls_are_https_or_loopback_http_of_at_most_2048_characters(mock, url, allowed):
    """The spec's `url` schema (maxLength and pattern) decides; the hub keeps no copy of either."""
    response = mock.client.post("/v1/webhook_endpoints", json={"url": url, "events": ["*"]}, headers=mock.keys[0])

    if allowed:
        assert (201, url) == (response.status_code, response.json()["url"])
    else:
        assert assert_envelope(response, 400)["param"] == "url"
        assert mock.client.get("/_mock/webhooks/endpoints").json() == []


def test_the_wildcard_subscribes_to_the_specs_taxonomy_in_its_order(mock):
    taxonomy = load_spec()["components"]["schemas"]["WebhookEventType"]["enum"]

    created = mock.register("https://hooks.example.com", ["character.failed", "*"])

    assert created["events"] == taxonomy


def test_another_teams_or_an_unknown_endpoint_is_404_everywhere(mock):
    endpoint = mock.register("https://hooks.example.com")
    for method, path, body in [
        ("GET", "", None),
        ("DELETE", "", None),
        ("POST", "/rotate_secret", None),
        ("POST", "/test", {"event_type": "character.completed"}),
    ]:
        for team, endpoint_id in ((1, endpoint["id"]), (0, "we_nope")):
            response = mock.client.request(
                method, f"/v1/webhook_endpoints/{endpoint_id}{path}", json=body, headers=mock.keys[team]
            )
            assert_envelope(response, 404, "resource_not_found")
    assert mock.client.get(f"/v1/webhook_endpoints/{endpoint['id']}", headers=mock.keys[0]).status_code == 200


def test_a_test_fire_must_name_a_subscribed_event_type(mock):
    endpoint = mock.register("https://hooks.example.com", ["character.completed"])
    response = mock.client.post(
        f"/v1/webhook_endpoints/{endpoint['id']}/test", json={"event_type": "image.completed"}, headers=mock.keys[0]
    )
    assert assert_envelope(response, 400, "invalid_request_error")["param"] == "event_type"


def test_registering_is_limited_to_ten_a_minute(mock):
    statuses = [
        mock.client.post(
            "/v1/webhook_endpoints", json={"url": "https://hooks.example.com", "events": ["*"]}, headers=mock.keys[0]
        ).status_code
        for _ in range(11)
    ]
    assert statuses[:10] == [201] * 10 and statuses[10] == 429


def test_duplicate_and_delay_faults_shape_new_deliveries(mock):
    endpoint = mock.register("https://127.0.0.1:9/never")
    assert mock.client.put("/_mock/webhooks/faults", json={"duplicate": True, "delay_seconds": 120}).status_code == 200
    made = mock.client.post("/_mock/webhooks/events", json={"endpoint_id": endpoint["id"]}).json()

    assert len(made) == 2 and made[0]["event_id"] == made[1]["event_id"] and made[0]["id"] != made[1]["id"]
    assert all(row["status"] == "pending" and row["attempts"] == [] for row in made)
    assert made[0]["next_attempt_at"] > made[0]["created_at"]
    assert mock.client.delete("/_mock/webhooks/faults").status_code == 204
    assert mock.client.get("/_mock/webhooks/faults").json()["duplicate"] is False


def test_the_out_of_order_fault_can_deliver_later_events_first(mock):
    endpoint = mock.register("https://127.0.0.1:9/never")
    mock.client.put("/_mock/webhooks/faults", json={"out_of_order": True, "seed": 7})
    for _ in range(8):
        mock.client.post("/_mock/webhooks/events", json={"endpoint_id": endpoint["id"]})
    rows = list(reversed(mock.deliveries()))  # in creation order
    due = [row["next_attempt_at"] for row in rows]
    assert due != sorted(due)


@pytest.mark.parametrize(
    "body",
    [{"duplicate": "yes"}, {"delay_seconds": -1}, {"delay_seconds": 10**9}, {"unknown": 1}, {"seed": 1.5}],
)
def test_bad_webhook_fault_settings_are_400_and_change_nothing(mock, body):
    before = mock.client.get("/_mock/webhooks/faults").json()
    assert_envelope(mock.client.put("/_mock/webhooks/faults", json=body), 400)
    assert mock.client.get("/_mock/webhooks/faults").json() == before


def test_redeliver_sends_the_same_event_again_and_reset_forgets_everything(mock):
    endpoint = mock.register("https://127.0.0.1:9/never")
    [original] = mock.client.post("/_mock/webhooks/events", json={"endpoint_id": endpoint["id"]}).json()
    again = mock.client.post(f"/_mock/webhooks/deliveries/{original['id']}/redeliver")

    assert again.status_code == 202
    copy = again.json()
    assert (copy["event_id"], copy["payload"], copy["redelivery_of"]) == (
        original["event_id"],
        original["payload"],
        original["id"],
    )
    assert_envelope(mock.client.post("/_mock/webhooks/deliveries/whdel_nope/redeliver"), 404)
    assert_envelope(mock.client.post("/_mock/webhooks/events", json={"endpoint_id": "we_nope"}), 404)
    assert mock.client.post("/_mock/reset").status_code == 204
    assert mock.deliveries() == [] and mock.client.get("/_mock/webhooks/endpoints").json() == []


def test_a_mock_without_endpoints_pays_nothing_for_webhooks(mock):
    service, worker = mock.app.state.service, mock.app.state.webhook_worker
    character = mock.create_synthesizing()
    mock.advance(3)
    assert mock.client.post(f"/v1/characters/{character['id']}/save", headers=mock.keys[0]).status_code == 200

    assert service.store.on_change is None  # no hook on the character store's writes
    assert not worker.running  # no delivery thread
    mock.register("https://hooks.example.com")
    assert service.store.on_change is not None


def test_webhook_faults_set_are_the_faults_read_on_every_process(api):
    """On the redis pair the read is answered by the other process, from the hub's snapshot (from_json)."""
    faults = {"delay_seconds": 1.5, "duplicate": True, "out_of_order": False, "seed": 7}

    assert api.client.put("/_mock/webhooks/faults", json=faults).json() == faults
    assert api.client.get("/_mock/webhooks/faults").json() == faults
    assert api.client.put("/_mock/webhooks/faults", json={"out_of_order": True}).json() == {
        "delay_seconds": 0.0,
        "duplicate": False,
        "out_of_order": True,
        "seed": None,
    }


@pytest.mark.parametrize(
    ("example", "body"),
    [
        ("WebhookUrlInvalid", {"url": "http://api.acme.dev/aurous-webhook", "events": ["character.completed"]}),
        ("WebhookEventUnknown", {"url": "https://api.acme.dev/aurous-webhook", "events": ["character.created"]}),
    ],
)
def test_the_specs_error_examples_for_registering_are_what_the_mock_answers(api, example, body):
    shown = load_spec()["components"]["examples"][example]["value"]["error"]
    key = api.client.get("/_mock/teams").json()[0]["api_keys"][0]

    error = assert_envelope(api.client.post("/v1/webhook_endpoints", json=body, headers={"X-Api-Key": key}), 400)

    assert (shown["type"], shown["code"], shown["param"], shown["message"]) == (
        error["type"],
        error["code"],
        error["param"],
        error["message"],
    )
