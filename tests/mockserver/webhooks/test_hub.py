"""The hub's pure parts: the synthetic payload a test fire carries."""

from __future__ import annotations

import pytest

from mockserver.domain.model import Status
from mockserver.webhooks.hub import fixture_object
from tests.strategies import T0, make_character


@pytest.mark.parametrize(
    ("event_type", "status", "error_message"),
    [
        ("character.completed", "reviewing", None),
        ("character.failed", "failed", "synthesis_failed"),
        ("character.cancelled", "deleted", None),
    ],
)
def test_a_test_fire_carries_a_public_character_with_the_documented_marker(event_type, status, error_message):
    """The payload is a character rendered like a real one (same fields), with the id the spec's DECISION names."""
    payload = fixture_object(event_type, T0, "2026-05-15")

    assert list(make_character(Status.READY).to_public()) == list(payload)
    assert {
        "id": "char_00000000000000000000000000",
        "object": "character",
        "name": "Synthetic test character",
        "status": status,
        "refs": [],
        "created_at": "2026-05-08T10:00:00Z",
        "updated_at": "2026-05-08T10:00:00Z",
        "client_reference_id": "synthetic-test",
        "attributes": None,
        "error_message": error_message,
        "aurous_version": "2026-05-15",
    } == payload


def test_a_test_fire_outside_the_characters_contract_carries_a_marked_placeholder():
    assert {"object": "image", "id": None, "synthetic_fixture": True} == fixture_object("image.completed", T0, "v")
