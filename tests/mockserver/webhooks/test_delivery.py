"""Deliveries end to end: real receivers on loopback ports, the mock on a manual clock.

The worker sends on its own thread, so each test waits (with a deadline) for what it expects to arrive;
nothing is asserted about how long anything took.
"""

from __future__ import annotations

import time
from datetime import datetime

from mockserver.webhooks import rules


def _at(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def test_a_finished_synthesis_is_delivered_signed_with_the_returned_secret(mock, receiver):
    endpoint = mock.register(receiver.url("/hook"), ["character.completed"])
    character = mock.create_synthesizing(client_reference_id="order-42")

    assert receiver.deliveries() == []  # nothing happened yet: the synthesis is due in 3 s of mock time
    mock.advance(3)
    [delivery] = receiver.wait_for(lambda found: len(found) >= 1)

    header = delivery.header(rules.SIGNATURE_HEADER)
    assert rules.verify(endpoint["secret"], header, delivery.body, now=time.time())
    event = delivery.json()
    assert set(event) == {"id", "object", "type", "created_at", "api_version", "synthetic", "data"}
    assert (event["type"], event["object"], event["synthetic"]) == ("character.completed", "event", False)
    assert event["id"].startswith("evt_") and delivery.header("aurous-webhook-id") == event["id"]
    assert event["api_version"] == endpoint["api_version"] == "2026-05-15"
    sent = event["data"]["object"]
    assert (sent["id"], sent["status"], sent["client_reference_id"]) == (character["id"], "reviewing", "order-42")
    assert sent == mock.client.get(f"/v1/characters/{character['id']}", headers=mock.keys[0]).json()


def test_failed_and_cancelled_syntheses_fire_their_events_and_save_fires_none(mock, receiver):
    mock.register(receiver.url("/all"))
    failing = mock.create_synthesizing(fail=True)
    cancelled = mock.create_synthesizing()
    assert mock.client.delete(f"/v1/characters/{cancelled['id']}", headers=mock.keys[0]).status_code == 200
    mock.advance(3)
    found = receiver.wait_for(lambda found: len(found) >= 2)
    by_type = {d.json()["type"]: d.json()["data"]["object"] for d in found}
    assert by_type["character.failed"]["id"] == failing["id"]
    assert by_type["character.failed"]["error_message"]
    assert (by_type["character.cancelled"]["id"], by_type["character.cancelled"]["status"]) == (
        cancelled["id"],
        "deleted",
    )

    saved = mock.create_synthesizing()
    mock.advance(3)
    receiver.wait_for(lambda found: len(found) >= 3)
    assert mock.client.post(f"/v1/characters/{saved['id']}/save", headers=mock.keys[0]).status_code == 200
    # Deliveries are recorded when the event happens (in the request), so the control API's list is complete.
    types = [row["event_type"] for row in reversed(mock.deliveries())]
    assert types == ["character.cancelled", "character.failed", "character.completed"]  # the save added nothing


def test_a_500_is_retried_on_the_backoff_schedule_as_the_mock_clock_moves(mock, receiver):
    receiver.script("/flaky", [500, 503])
    endpoint = mock.register(receiver.url("/flaky"), ["character.completed"])
    mock.create_synthesizing()
    mock.advance(3)

    rows = mock.wait_deliveries(lambda rows: rows and len(rows[0]["attempts"]) == 1 and rows[0]["status"] == "pending")
    first = rows[0]
    assert first["attempts"][0]["status_code"] == 500
    assert _at(first["next_attempt_at"]) - _at(first["attempts"][0]["sent_at"]) == rules.retry_delay(1)

    mock.advance(30)
    rows = mock.wait_deliveries(lambda rows: len(rows[0]["attempts"]) == 2 and rows[0]["status"] == "pending")
    assert rows[0]["attempts"][1]["status_code"] == 503
    assert _at(rows[0]["next_attempt_at"]) - _at(rows[0]["attempts"][1]["sent_at"]) == rules.retry_delay(2)

    mock.advance(60)
    rows = mock.wait_deliveries(lambda rows: rows[0]["status"] == "succeeded")
    assert [a["status_code"] for a in rows[0]["attempts"]] == [500, 503, 200]
    assert all(a["duration_ms"] >= 0 and a["error"] is None for a in rows[0]["attempts"][2:])
    found = receiver.deliveries("/flaky")
    assert len({d.json()["id"] for d in found}) == 1  # one event, three attempts, each signed anew
    assert all(
        rules.verify(endpoint["secret"], d.header(rules.SIGNATURE_HEADER), d.body, now=time.time()) for d in found
    )
    health = mock.client.get(f"/v1/webhook_endpoints/{endpoint['id']}", headers=mock.keys[0]).json()
    assert (health["consecutive_failures"], health["is_active"]) == (0, True)
    assert health["last_success_at"] is not None and health["last_failure_at"] is not None


def test_a_dead_receiver_is_a_failed_attempt_without_a_status_code(mock, receiver):
    port = receiver.port
    receiver.stop()  # nothing listens there any more
    mock.register(f"http://127.0.0.1:{port}/gone", ["character.completed"])
    mock.create_synthesizing()
    mock.advance(3)

    rows = mock.wait_deliveries(lambda rows: rows and rows[0]["attempts"])
    attempt = rows[0]["attempts"][0]
    assert attempt["status_code"] is None and attempt["error"]


def test_twenty_failures_without_success_disable_the_endpoint_and_tell_the_other_endpoints(mock, receiver):
    receiver.script("/down", [500] * 40)
    down = mock.register(receiver.url("/down"), ["character.completed"])
    watcher = mock.register(receiver.url("/watch"), ["webhook.endpoint_disabled"])
    for _ in range(20):  # 20 events, each failing once: 20 consecutive failures within a minute
        fire = mock.client.post(
            f"/v1/webhook_endpoints/{down['id']}/test", json={"event_type": "character.completed"}, headers=mock.keys[0]
        )
        assert fire.status_code == 202, fire.text

    [notice] = receiver.wait_for(lambda found: len(found) >= 1, path="/watch")
    event = notice.json()
    assert event["type"] == "webhook.endpoint_disabled"
    assert (event["data"]["object"]["id"], event["data"]["object"]["is_active"]) == (down["id"], False)
    assert event["data"]["object"]["secret"] is None
    assert rules.verify(watcher["secret"], notice.header(rules.SIGNATURE_HEADER), notice.body, now=time.time())
    state = mock.client.get(f"/v1/webhook_endpoints/{down['id']}", headers=mock.keys[0]).json()
    assert (state["is_active"], state["consecutive_failures"]) == (False, 20)
    rows = mock.deliveries(endpoint_id=down["id"])
    assert {row["status"] for row in rows} == {"abandoned"}  # no retries to a disabled endpoint

    mock.create_synthesizing()
    mock.advance(3600)
    marker = mock.client.post(
        "/_mock/webhooks/events", json={"endpoint_id": watcher["id"], "type": "webhook.endpoint_disabled"}
    )
    assert marker.status_code == 202
    receiver.wait_for(lambda found: len(found) >= 2, path="/watch")
    assert len(receiver.deliveries("/down")) == 20  # nothing more went to the disabled endpoint


def test_one_event_retried_twenty_times_on_the_clock_disables_its_endpoint(mock, receiver):
    receiver.script("/down", [500] * 40)
    down = mock.register(receiver.url("/down"), ["character.completed"])
    mock.create_synthesizing()
    mock.advance(3)
    for attempt in range(1, rules.MAX_ATTEMPTS):
        rows = mock.wait_deliveries(
            lambda rows, n=attempt: rows and len(rows[0]["attempts"]) == n and rows[0]["status"] != "in_flight"
        )
        assert rows[0]["status"] == "pending", rows[0]
        mock.advance(rules.retry_delay(attempt).total_seconds())
    rows = mock.wait_deliveries(lambda rows: rows[0]["status"] == "failed")
    assert len(rows[0]["attempts"]) == rules.MAX_ATTEMPTS
    state = mock.client.get(f"/v1/webhook_endpoints/{down['id']}", headers=mock.keys[0]).json()
    assert state["is_active"] is False  # 20 failures over ~13 h, never a success


def test_events_go_only_to_the_endpoints_of_the_team_that_owns_the_character(mock, receiver):
    mock.register(receiver.url("/acme"), team=0)
    mock.register(receiver.url("/globex"), team=1)
    mock.create_synthesizing(team=0)
    mock.advance(3)
    receiver.wait_for(lambda found: len(found) >= 1, path="/acme")
    globex = mock.client.get("/_mock/webhooks/endpoints").json()
    globex_id = next(e["id"] for e in globex if e["url"].endswith("/globex"))
    assert mock.client.post("/_mock/webhooks/events", json={"endpoint_id": globex_id}).status_code == 202
    [only] = receiver.wait_for(lambda found: len(found) >= 1, path="/globex")
    assert only.json()["data"]["object"]["id"] == "char_00000000000000000000000000"  # the marker, nothing of Acme's
    assert mock.deliveries(team_id=mock.team_ids[1])[0]["endpoint_id"] == globex_id
    assert len(mock.deliveries(team_id=mock.team_ids[1])) == 1


def test_a_slow_receiver_does_not_slow_the_api(mock, receiver):
    released = receiver.hold("/slow")
    mock.register(receiver.url("/slow"), ["character.completed"])
    mock.create_synthesizing()
    mock.advance(3)
    mock.wait_deliveries(lambda rows: rows and rows[0]["status"] == "in_flight")

    answered = []
    for _ in range(20):  # the API answers while the receiver is still holding the delivery
        response = mock.client.get("/v1/characters", headers=mock.keys[0])
        answered.append(response.status_code == 200 and not released.is_set())
    created = mock.create_synthesizing()
    still_holding = not released.is_set()
    released.set()

    assert all(answered) and still_holding and created["status"] == "synthesizing"
    rows = mock.wait_deliveries(lambda rows: rows[-1]["status"] == "succeeded")
    assert rows[-1]["attempts"][0]["status_code"] == 200


def test_rotating_the_secret_signs_the_next_deliveries_with_the_new_one(mock, receiver):
    endpoint = mock.register(receiver.url("/hook"))
    rotated = mock.client.post(f"/v1/webhook_endpoints/{endpoint['id']}/rotate_secret", headers=mock.keys[0]).json()
    assert rotated["secret"].startswith("whsec_") and rotated["secret"] != endpoint["secret"]
    assert mock.client.get(f"/v1/webhook_endpoints/{endpoint['id']}", headers=mock.keys[0]).json()["secret"] is None

    fire = mock.client.post(
        f"/v1/webhook_endpoints/{endpoint['id']}/test", json={"event_type": "character.failed"}, headers=mock.keys[0]
    )
    assert fire.status_code == 202
    [delivery] = receiver.wait_for(lambda found: len(found) >= 1)
    assert delivery.json()["synthetic"] is True and delivery.json()["id"] == fire.json()["event_id"]
    assert rules.verify(rotated["secret"], delivery.header(rules.SIGNATURE_HEADER), delivery.body, now=time.time())
    assert not rules.verify(endpoint["secret"], delivery.header(rules.SIGNATURE_HEADER), delivery.body, now=time.time())


def test_deleting_an_endpoint_abandons_its_retries(mock, receiver):
    receiver.script("/hook", [500])
    endpoint = mock.register(receiver.url("/hook"))
    mock.create_synthesizing()
    mock.advance(3)
    mock.wait_deliveries(lambda rows: rows and rows[0]["status"] == "pending" and rows[0]["attempts"])
    deleted = mock.client.delete(f"/v1/webhook_endpoints/{endpoint['id']}", headers=mock.keys[0])
    assert deleted.json() == {"id": endpoint["id"], "object": "webhook_endpoint", "deleted": True}
    assert mock.deliveries()[0]["status"] == "abandoned"
    assert mock.client.get(f"/v1/webhook_endpoints/{endpoint['id']}", headers=mock.keys[0]).status_code == 404


def test_slow_receivers_hold_only_their_own_deliveries(mock, receiver):
    released = receiver.hold("/slow")
    mock.register(receiver.url("/slow"), ["character.completed"])
    mock.register(receiver.url("/fast"), ["character.completed"])
    mock.create_synthesizing()
    mock.advance(3)
    receiver.wait_for(lambda found: len(found) >= 1, path="/fast")
    assert not released.is_set()  # the fast one arrived while the slow one was still held
    released.set()
    receiver.wait_for(lambda found: len(found) >= 1, path="/slow")
