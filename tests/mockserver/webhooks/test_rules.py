"""The pure webhook rules: signature, retry schedule, disable rule, subscriptions, which event fires.

Receiver URLs are the spec's `url` schema's: tests/mockserver/webhooks/test_endpoints.py registers them over HTTP.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta

import pytest

from mockserver.webhooks import rules


def test_the_signature_is_hmac_sha256_of_t_dot_raw_body_keyed_with_the_secret():
    body = b'{"id":"evt_1","type":"character.completed"}'
    header = rules.signature_header("whsec_abc", 1778234400, body)

    expected = hmac.new(b"whsec_abc", b"1778234400." + body, hashlib.sha256).hexdigest()
    assert header == f"t=1778234400,v1={expected}"


def test_verify_accepts_a_fresh_signature_and_rejects_stale_tampered_or_malformed_ones():
    body = b'{"a":1}'
    header = rules.signature_header("whsec_k", 1_000_000, body)

    assert rules.verify("whsec_k", header, body, now=1_000_100)
    assert not rules.verify("whsec_k", header, body, now=1_000_000 + 301)  # older than the tolerance
    assert not rules.verify("whsec_k", header, body + b" ", now=1_000_000)  # body changed
    assert not rules.verify("whsec_other", header, body, now=1_000_000)  # another secret
    assert not rules.verify("whsec_k", "v1=abc", body, now=1_000_000)  # no t
    assert rules.parse_signature("t=5,v1=aa,v1=bb") == (5, ["aa", "bb"])


def test_retries_start_at_30_seconds_double_and_are_capped_at_an_hour_until_20_attempts():
    delays = [rules.retry_delay(n) for n in range(1, 21)]

    assert delays[:4] == [timedelta(seconds=s) for s in (30, 60, 120, 240)]
    assert all(later >= earlier for earlier, later in zip(delays[:18], delays[1:19], strict=True))
    assert max(d for d in delays if d is not None) == timedelta(hours=1)
    assert delays[18] is not None and delays[19] is None  # the 20th failed attempt is the last
    with pytest.raises(ValueError):
        rules.retry_delay(0)


def test_an_endpoint_is_disabled_at_20_consecutive_failures_with_no_success_in_24_hours():
    now = datetime(2026, 6, 1, tzinfo=UTC)

    assert not rules.should_disable(19, None, now)
    assert rules.should_disable(20, None, now)
    assert not rules.should_disable(25, now - timedelta(hours=23, minutes=59), now)
    assert rules.should_disable(20, now - timedelta(hours=24), now)


TAXONOMY = ("image.completed", "character.completed", "character.failed")  # handed in: the spec's, in the app


def test_the_wildcard_expands_to_the_taxonomy_handed_in_in_its_order_without_duplicates():
    assert rules.expand_events(["*"], TAXONOMY) == TAXONOMY
    assert rules.expand_events(["character.failed", "*", "image.completed"], TAXONOMY) == TAXONOMY
    assert rules.expand_events(["character.failed", "character.completed", "character.failed"], TAXONOMY) == (
        "character.completed",
        "character.failed",
    )
    with pytest.raises(ValueError, match="character.created"):
        rules.expand_events(["character.created"], TAXONOMY)


@pytest.mark.parametrize(
    ("before", "after", "event"),
    [
        ("synthesizing", "reviewing", "character.completed"),
        ("synthesizing", "ready", "character.completed"),
        ("synthesizing", "failed", "character.failed"),
        ("synthesizing", "deleted", "character.cancelled"),
        ("reviewing", "ready", None),  # save
        ("ready", "ready", None),
        ("reviewing", None, None),  # hard delete of a settled character
        ("ready", "deleted", None),
        ("reviewing", "synthesizing", None),  # a regenerate starts
        (None, "ready", None),  # upload-flow create
    ],
)
def test_which_status_change_fires_which_character_event(before, after, event):
    assert rules.character_event_for(before, after) == event


def test_the_envelope_is_compact_json_with_the_decided_fields():
    body = rules.envelope_bytes(
        event_id="evt_1",
        event_type="character.failed",
        created_at="2026-05-08T10:00:00Z",
        api_version="2026-06-19",
        data_object={"id": "char_1"},
        synthetic=False,
    )

    assert body == (
        b'{"id":"evt_1","object":"event","type":"character.failed","created_at":"2026-05-08T10:00:00Z",'
        b'"api_version":"2026-06-19","synthetic":false,"data":{"object":{"id":"char_1"}}}'
    )
