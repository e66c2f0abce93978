"""Lists, updates and credits: rules a new user's faults slipped past (list order, pagination, `has_more`,
PATCH persisting and refused on `synthesizing`, names kept whole, paid operations debiting the balance).

Characters are made with the free upload flow; only the debit check needs a paid request (the mock, or
``--allow-spend``).
"""

from __future__ import annotations

from typing import Any

from conformance.checks.base import Kit, behaviour, character_body, expect_error, expect_status
from conformance.failures import CreditsCharged, IllegalTransition, Skip, UnexpectedStatus

__all__: list[str] = []


def _create_ready(kit: Kit, name: str) -> dict[str, Any]:
    created = kit.client.post("/v1/characters", json_body={"name": name, "upload_ids": [kit.fixtures.upload_ticket()]})
    expect_status(created, 201, "upload-flow create")
    body = character_body(created)
    kit.fixtures.created.append(body["id"])
    return body


def _walk(kit: Kit, limit: int, stop_when_seen: set[str], max_pages: int = 40) -> tuple[list[str], Any]:
    """Ids of every page in order until all of ``stop_when_seen`` appeared (or the list ended)."""
    ids: list[str] = []
    cursor = None
    exchange = None
    for _ in range(max_pages):
        params = {"limit": limit, **({"starting_after": cursor} if cursor else {})}
        exchange = kit.client.get("/v1/characters", params=params)
        expect_status(exchange, 200, "list a page")
        body = exchange.json() or {}
        ids += [item.get("id") for item in body.get("data") or []]
        if stop_when_seen <= set(ids) and len(ids) >= len(stop_when_seen) + limit:
            break
        # Follows next_cursor alone: `has_more` has its own check, so one fault fails one check.
        if not body.get("next_cursor"):
            break
        cursor = body["next_cursor"]
    return ids, exchange


@behaviour("listing")
def list_is_newest_first(kit: Kit) -> None:
    """List: the team's live characters, newest first."""
    made = [_create_ready(kit, f"Order {i}")["id"] for i in range(3)]
    listed = kit.client.get("/v1/characters", params={"limit": 100})
    expect_status(listed, 200, "list")
    order = [item.get("id") for item in (listed.json() or {}).get("data") or []]
    seen = [i for i in order if i in made]
    if seen != list(reversed(made)):
        raise UnexpectedStatus(
            f"characters created in the order {made} are listed as {seen}; newest first is {list(reversed(made))}",
            exchange=listed,
            rule="List: the team's live characters, newest first.",
        )


@behaviour("listing")
def pagination_walks_every_character_once(kit: Kit) -> None:
    """List pages: `limit` items, then `starting_after=<next_cursor>` continues exactly after them — walking
    every page shows each character once, none skipped."""
    made = {_create_ready(kit, f"Page {i}")["id"] for i in range(5)}
    ids, last = _walk(kit, 2, made)
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    missing = sorted(made - set(ids))
    if repeated or missing:
        raise UnexpectedStatus(
            f"walking pages of 2: repeated {repeated}, skipped {missing} of the 5 just created",
            exchange=last,
            rule="Pagination: starting_after=<next_cursor> continues after the page; every character appears once.",
        )


@behaviour("listing")
def has_more_is_true_while_characters_remain(kit: Kit) -> None:
    """`has_more` is true when more characters follow the page, and `next_cursor` then names its last item."""
    _create_ready(kit, "More 1")
    _create_ready(kit, "More 2")
    page = kit.client.get("/v1/characters", params={"limit": 1})
    expect_status(page, 200, "list with limit 1")
    body = page.json() or {}
    data = body.get("data") or []
    if body.get("has_more") is not True or not data or body.get("next_cursor") != data[-1].get("id"):
        raise UnexpectedStatus(
            f"a page of 1 out of at least 2 says has_more={body.get('has_more')!r}, "
            f"next_cursor={body.get('next_cursor')!r}",
            exchange=page,
            rule="`has_more` is true when more characters follow; `next_cursor` is the page's last id.",
        )


@behaviour("updates", needs=("ready",))
def patch_persists(kit: Kit) -> None:
    """Update: `name` and `attributes` change (replaced whole) — and a later GET reads the new values back."""
    character = kit.character("ready")
    patched = kit.client.patch(
        f"/v1/characters/{character['id']}", json_body={"name": "Persisted", "attributes": {"age": 41}}
    )
    expect_status(patched, 200, "PATCH a ready character")
    after = kit.snapshot(character["id"])
    if after.get("name") != "Persisted" or (after.get("attributes") or {}).get("age") != 41:
        raise IllegalTransition(
            f"PATCH answered 200 but a GET reads name {after.get('name')!r}, attributes {after.get('attributes')!r}",
            exchange=kit.client.log[-1],
            rule="Update changes `name` and `attributes`: what PATCH answers is what is stored.",
        )


@behaviour("updates", needs=("synthesizing",))
def patch_on_synthesizing_is_400_invalid_request_error(kit: Kit) -> None:
    """Update is allowed in `reviewing`, `ready`, `failed`; on a `synthesizing` character: 400
    `invalid_request_error` (spec DECISION), and nothing changes."""
    character = kit.character("synthesizing")
    exchange = kit.client.patch(f"/v1/characters/{character['id']}", json_body={"name": "Too early"})
    expect_error(
        exchange, 400, code="invalid_request_error", type="invalid_request", doing="PATCH a synthesizing character"
    )


@behaviour("updates")
def names_round_trip_unchanged(kit: Kit) -> None:
    """`name`: display name, 1-120 characters — stored as sent: a 120-character name is read back whole."""
    schema = kit.contract.raw["components"]["schemas"]["CreateCharacterRequest"]["properties"]["name"]
    longest = int(schema.get("maxLength") or 120)
    name = ("Ø long name, kept whole ✓ " * 20)[:longest]
    created = _create_ready(kit, name)
    after = kit.snapshot(created["id"])
    for seen, where in ((created.get("name"), "the create's answer"), (after.get("name"), "a later GET")):
        if seen != name:
            raise UnexpectedStatus(
                f"{where} has name {seen!r} ({len(seen or '')} characters); sent {name!r} ({len(name)})",
                exchange=kit.client.log[-1],
                rule="A character's name is stored as sent (round trip).",
            )


@behaviour("credits")
def paid_operation_debits_its_cost(kit: Kit) -> None:
    """Costs (`x-aurous-credit-cost`): synthesize-flow create 4 … Credits are charged when the request is
    accepted: the balance drops by exactly the cost."""
    cost = kit.contract.credit_costs.get(("POST", "/v1/characters"), {})
    cost = cost.get("synthesize_flow") if isinstance(cost, dict) else None
    if not isinstance(cost, int) or cost <= 0:
        raise Skip("the spec names no cost for a synthesize-flow create")
    before = kit.client.get("/v1/balance")
    expect_status(before, 200, "GET /v1/balance")
    created = kit.client.post(
        "/v1/characters", json_body={"name": "Debit", "generate": True, "attributes": {"gender": "female", "age": 22}}
    )
    if created.status == 402:
        raise Skip("the team has not enough credits for a synthesize-flow create (402)")
    expect_status(created, 201, "synthesize-flow create")
    kit.fixtures.created.append(character_body(created)["id"])
    after = kit.client.get("/v1/balance")
    expect_status(after, 200, "GET /v1/balance")
    b, a = (before.json() or {}).get("credits"), (after.json() or {}).get("credits")
    if not isinstance(a, int) or not isinstance(b, int) or b - a != cost:
        raise CreditsCharged(
            f"balance went {b} → {a} across an accepted synthesize-flow create; it costs {cost}",
            exchange=after,
            rule="Credits are charged when the request is accepted: synthesize-flow create costs 4.",
        )
