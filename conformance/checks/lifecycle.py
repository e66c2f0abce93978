"""Lifecycle layer: which lifecycle the target follows, and the transitions outside save.

The variant is observed, not assumed: a synthesize-flow character is left to finish (the mock's clock is
advanced; a real deployment is polled, only with ``--allow-spend``) and its final status says whether the
target has the review step (``reviewing``) or goes straight to ``ready`` (the 2026-06-19 changelog).
"""

from __future__ import annotations

from conformance.checks.base import Kit, behaviour, character_body, expect_error, expect_status
from conformance.failures import IllegalTransition, Skip, UnexpectedStatus

__all__: list[str] = []


@behaviour("lifecycle", layer="lifecycle")
def synthesis_ends_in_reviewing_or_failed(kit: Kit) -> None:
    """Synthesize-flow create: 201, status `synthesizing` (or `reviewing` if it already finished). Synthesis
    ends in `reviewing`, or `failed` with `error_message` set. (The auto-ready variant ends in `ready`; the
    kit reports it and does not count it as a break: the spec allows a deployment to follow it.)"""
    kit.require_spend("observing a synthesis (4 credits)")
    created = kit.client.post(
        "/v1/characters",
        json_body={"name": "Lifecycle probe", "generate": True, "attributes": {"gender": "female", "age": 25}},
    )
    if created.status == 402:
        raise Skip("the team has not enough credits to observe a synthesis")
    expect_status(created, 201, "synthesize-flow create")
    body = character_body(created)
    kit.fixtures.created.append(body["id"])
    if body["status"] not in ("synthesizing", "reviewing", "ready"):
        raise IllegalTransition(f"synthesize-flow create returned status {body['status']!r}", exchange=created)
    final = kit.fixtures.wait_for_synthesis(body["id"])
    kit.fixtures.natural_outcome = final.get("status")
    if final.get("status") == "failed" and not final.get("error_message"):
        raise IllegalTransition("synthesis failed without error_message", exchange=kit.client.log[-1])
    if final.get("status") not in ("reviewing", "ready", "failed"):
        raise IllegalTransition(f"synthesis ended in {final.get('status')!r}", exchange=kit.client.log[-1])


@behaviour("lifecycle", layer="lifecycle")
def upload_flow_create_is_ready(kit: Kit) -> None:
    """Upload-flow create (`upload_ids`, 1–6 `upl_` ids from `POST /v1/characters/uploads/init` + PUT of the
    bytes): 201, status `ready`."""
    upload_id = kit.fixtures.upload_ticket()
    created = kit.client.post("/v1/characters", json_body={"name": "Upload flow", "upload_ids": [upload_id]})
    expect_status(created, 201, "upload-flow create")
    body = character_body(created)
    kit.fixtures.created.append(body["id"])
    if body["status"] != "ready":
        raise IllegalTransition(f"upload-flow create returned status {body['status']!r}", exchange=created)


@behaviour("lifecycle", layer="lifecycle")
def both_or_neither_flow_is_400_parameter_invalid_combination(kit: Kit) -> None:
    """Both or neither of `generate`/`upload_ids`: 400 `parameter_invalid_combination`."""
    neither = kit.client.post("/v1/characters", json_body={"name": "Neither"})
    expect_error(neither, 400, code="parameter_invalid_combination", type="invalid_request", doing="neither flow")


@behaviour("lifecycle", needs=("ready",), layer="lifecycle")
def deleted_character_is_404_everywhere_and_absent_from_lists(kit: Kit) -> None:
    """Delete: `{"id", "object": "character", "deleted": true}`; any non-reviewing character is soft-deleted.
    Deleted characters are 404 everywhere and absent from lists; a repeated DELETE is 404."""
    character = kit.character("ready")
    deleted = kit.client.delete(f"/v1/characters/{character['id']}")
    expect_status(deleted, 200, "DELETE a ready character")
    if deleted.json() != {"id": character["id"], "object": "character", "deleted": True}:
        raise UnexpectedStatus(f"DELETE returned {deleted.json()!r}", exchange=deleted)
    for method, path, body in (
        ("GET", f"/v1/characters/{character['id']}", None),
        ("PATCH", f"/v1/characters/{character['id']}", {"name": "Ghost"}),
        ("POST", f"/v1/characters/{character['id']}/save", None),
        ("DELETE", f"/v1/characters/{character['id']}", None),
    ):
        exchange = kit.client.request(method, path, json_body=body)
        expect_error(exchange, 404, code="resource_not_found", doing=f"{method} on a deleted character")
    listed = kit.client.get("/v1/characters", params={"limit": 100})
    if any(item.get("id") == character["id"] for item in (listed.json() or {}).get("data") or []):
        raise IllegalTransition("a deleted character is still listed", exchange=listed)


@behaviour("lifecycle", needs=("ready",), layer="lifecycle")
def update_never_changes_the_status(kit: Kit) -> None:
    """Update (`name`, `attributes`, replaced whole): allowed in `reviewing`, `ready`, `failed`; never changes
    the status."""
    character = kit.character("ready")
    patched = kit.client.patch(
        f"/v1/characters/{character['id']}", json_body={"name": "Renamed", "attributes": {"age": 33}}
    )
    expect_status(patched, 200, "PATCH a ready character")
    body = character_body(patched)
    if body["status"] != "ready" or body["name"] != "Renamed" or body["attributes"].get("age") != 33:
        raise IllegalTransition(f"PATCH returned status {body['status']!r}, name {body['name']!r}", exchange=patched)
    if set(body["attributes"]) - {"age"} and any(
        body["attributes"].get(k) not in (None,) for k in set(body["attributes"]) - {"age"}
    ):
        raise IllegalTransition("attributes were merged, not replaced whole", exchange=patched)
