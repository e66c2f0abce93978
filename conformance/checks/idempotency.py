"""Idempotency-Key: replay, 409 on reuse with another body, invalid originals not cached, per-team scope.

The free upload-flow create (``POST /v1/characters`` with ``upload_ids``) honours the key too (spec
DECISION), so these checks cost nothing on a real deployment; the no-new-charge check needs a paid
operation and runs only against the mock or with ``--allow-spend``.
"""

from __future__ import annotations

import uuid

from conformance.checks.base import Kit, behaviour, expect_error, expect_status
from conformance.failures import CreditsCharged, IdempotencyBroken, Skip

__all__: list[str] = []


def _key() -> str:
    return f"conformance-{uuid.uuid4()}"


def _create(kit: Kit, body: dict, key: str, client=None):  # type: ignore[no-untyped-def]
    exchange = (client or kit.client).post("/v1/characters", json_body=body, headers={"Idempotency-Key": key})
    if exchange.status == 201 and isinstance(exchange.json(), dict):
        kit.fixtures.created.append(exchange.json()["id"])
    return exchange


def _original(exchange, doing: str):  # type: ignore[no-untyped-def]
    """The first use of a fresh key is an original: a replay header there is its own break, whatever follows."""
    if exchange.header("aurous-idempotent-replayed") == "true":
        raise IdempotencyBroken(
            f"{doing}: the original response (first use of a fresh key) carries Aurous-Idempotent-Replayed: true; "
            "the header marks replays only",
            exchange=exchange,
            rule="Same key + same body within 24 h replays the cached 2xx with `Aurous-Idempotent-Replayed: true` "
            "(a replay; the original is not one).",
        )
    return exchange


@behaviour("idempotency")
def same_key_and_body_replays_the_cached_response(kit: Kit) -> None:
    """Same key + same body (canonical JSON) within 24 h replays the cached 2xx with
    `Aurous-Idempotent-Replayed: true`."""
    body = {"name": "Idempotent", "upload_ids": [kit.fixtures.upload_ticket()]}
    key = _key()
    first = _original(_create(kit, body, key), "upload-flow create with a fresh key")
    expect_status(first, 201, "upload-flow create with an Idempotency-Key")
    # Same body, keys in another order: canonical JSON makes it the same request.
    second = _create(kit, dict(reversed(list(body.items()))), key)
    expect_status(second, 201, "the same create replayed")
    if second.header("aurous-idempotent-replayed") != "true":
        raise IdempotencyBroken("the replay lacks Aurous-Idempotent-Replayed: true", exchange=second)
    if second.json() != first.json():
        raise IdempotencyBroken("the replay's body differs from the original's", exchange=second)


@behaviour("idempotency")
def same_key_with_another_body_is_409(kit: Kit) -> None:
    """Same key + different body or route: 409, code `idempotency_key_in_use`."""
    key = _key()
    first = _original(
        _create(kit, {"name": "First", "upload_ids": [kit.fixtures.upload_ticket()]}, key), "first create"
    )
    expect_status(first, 201, "upload-flow create with an Idempotency-Key")
    second = _create(kit, {"name": "Second", "upload_ids": [kit.fixtures.upload_ticket()]}, key)
    if second.status == 201:
        raise IdempotencyBroken("a different body under a used key was accepted", exchange=second)
    expect_error(second, 409, code="idempotency_key_in_use", doing="reusing a key with another body")


@behaviour("idempotency")
def invalid_request_original_is_not_cached(kit: Kit) -> None:
    """A 4xx `invalid_request` original is not cached (the key can then be used for a valid request)."""
    key = _key()
    bad = _original(_create(kit, {"name": "Bad", "upload_ids": []}, key), "create with an empty upload_ids")
    expect_status(bad, 400, "create with an empty upload_ids")
    good = _create(kit, {"name": "Good", "upload_ids": [kit.fixtures.upload_ticket()]}, key)
    if good.status == 409:
        raise IdempotencyBroken("a 400 original was cached: the key is now refused", exchange=good)
    expect_status(good, 201, "valid create under the key of a refused one")
    if good.header("aurous-idempotent-replayed") == "true":
        raise IdempotencyBroken("a 400 original was replayed", exchange=good)


@behaviour("idempotency", needs=("other_team",))
def keys_are_scoped_per_team(kit: Kit) -> None:
    """Keys are scoped per team: another team using the same key is not a replay of ours."""
    other = kit.require_other_team()
    key = _key()
    mine = _original(_create(kit, {"name": "Mine", "upload_ids": [kit.fixtures.upload_ticket()]}, key), "our create")
    expect_status(mine, 201, "create with an Idempotency-Key")
    theirs = _create(kit, {"name": "Theirs", "upload_ids": [kit.fixtures.upload_ticket(other)]}, key, client=other)
    if theirs.status == 409 or theirs.header("aurous-idempotent-replayed") == "true":
        raise IdempotencyBroken(
            f"another team's use of the key was treated as ours (HTTP {theirs.status})", exchange=theirs
        )
    expect_status(theirs, 201, "another team's create under the same key")
    other.delete(f"/v1/characters/{theirs.json()['id']}")


@behaviour("idempotency")
def replay_charges_no_credits(kit: Kit) -> None:
    """Same key + same body replays the cached 2xx ... and no new charge (synthesize-flow create, 4 credits)."""
    kit.require_spend("a synthesize-flow create (4 credits)")
    body = {"name": "Replay", "generate": True, "attributes": {"gender": "male", "age": 40}}
    key = _key()
    first = _create(kit, body, key)
    if first.status == 402:
        # Like every check that needs a synthesis: a team without credits cannot show this rule.
        raise Skip("the team has not enough credits for a synthesize-flow create (402)")
    _original(first, "synthesize-flow create with a fresh key")
    expect_status(first, 201, "synthesize-flow create")
    before = kit.client.get("/v1/balance")
    second = _create(kit, body, key)
    after = kit.client.get("/v1/balance")
    expect_status(second, 201, "the replay")
    if second.header("aurous-idempotent-replayed") != "true":
        raise IdempotencyBroken("the replay lacks Aurous-Idempotent-Replayed: true", exchange=second)
    if before.json().get("credits") != after.json().get("credits"):
        raise CreditsCharged(
            f"the replay changed the balance {before.json().get('credits')} → {after.json().get('credits')}",
            exchange=after,
            rule="Same key + same body replays the cached 2xx with no new charge.",
        )
