"""Isolation between teams: reads, lists and writes.

"Keys belong to a team; rate limits and every resource are per team." Another team's id is a 404 that
cannot be told from an unknown id, and another team's save, delete or PATCH changes nothing.
"""

from __future__ import annotations

from conformance.checks.base import UNKNOWN_ID, Kit, behaviour, envelope, expect_error
from conformance.failures import CrossTeamLeak, CrossTeamWrite, WrongErrorCode

__all__: list[str] = []


def _owned_ready(kit: Kit) -> dict:
    kit.require_other_team()
    return kit.character("ready")


def _unchanged(kit: Kit, character_id: str, before: dict, what: str) -> None:
    after = kit.snapshot(character_id)
    if after != before:
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k) and k != "refs")
        raise CrossTeamWrite(f"{what} changed the owner's character: {changed or 'refs'}", exchange=kit.client.log[-1])


@behaviour("isolation", needs=("ready", "other_team"))
def other_team_read_is_404_resource_not_found(kit: Kit) -> None:
    """Unknown, soft-deleted or other team's: 404 `resource_not_found` (GET /v1/characters/{id})."""
    character = _owned_ready(kit)
    exchange = kit.other.get(f"/v1/characters/{character['id']}")  # type: ignore[union-attr]
    if exchange.status == 200:
        raise CrossTeamLeak("another team read the character", exchange=exchange)
    expect_error(exchange, 404, code="resource_not_found", type="not_found", doing="another team reads")


@behaviour("isolation", needs=("ready", "other_team"))
def other_team_404_is_indistinguishable_from_unknown_id(kit: Kit) -> None:
    """A 404 never tells "does not exist" from "belongs to another team"."""
    character = _owned_ready(kit)
    theirs = kit.other.get(f"/v1/characters/{character['id']}")  # type: ignore[union-attr]
    unknown = kit.other.get(f"/v1/characters/{UNKNOWN_ID}")  # type: ignore[union-attr]
    if theirs.status != unknown.status:
        raise CrossTeamLeak(
            f"other team's id gives {theirs.status}, unknown id gives {unknown.status}", exchange=theirs
        )
    a, b = envelope(theirs), envelope(unknown)
    if (a["type"], a["code"], a["param"]) != (b["type"], b["code"], b["param"]):
        raise WrongErrorCode(
            f"other team's id gives {a['code']!r}/{a['param']!r}, unknown id gives {b['code']!r}/{b['param']!r}",
            exchange=theirs,
        )


@behaviour("isolation", needs=("ready", "other_team"))
def other_team_list_does_not_show_character(kit: Kit) -> None:
    """Every resource is per team: another team's list never contains the character."""
    character = _owned_ready(kit)
    cursor = None
    for _ in range(20):  # at most 2000 rows of the other team
        params = {"limit": 100, **({"starting_after": cursor} if cursor else {})}
        exchange = kit.other.get("/v1/characters", params=params)  # type: ignore[union-attr]
        body = exchange.json() or {}
        if any(item.get("id") == character["id"] for item in body.get("data") or []):
            raise CrossTeamLeak("another team's list contains the character", exchange=exchange)
        if not body.get("has_more") or not body.get("next_cursor"):
            return
        cursor = body["next_cursor"]


@behaviour("isolation", needs=("reviewing", "other_team"))
def other_team_save_is_404_and_changes_nothing(kit: Kit) -> None:
    """Save on another team's character: 404 `resource_not_found`, and the character stays reviewing."""
    kit.require_other_team()
    character = kit.character("reviewing")
    before = kit.snapshot(character["id"])
    exchange = kit.other.post(f"/v1/characters/{character['id']}/save")  # type: ignore[union-attr]
    if exchange.status == 200:
        raise CrossTeamWrite("another team saved the character", exchange=exchange)
    expect_error(exchange, 404, code="resource_not_found", type="not_found", doing="another team saves")
    _unchanged(kit, character["id"], before, "another team's save")


@behaviour("isolation", needs=("ready", "other_team"))
def other_team_delete_is_404_and_changes_nothing(kit: Kit) -> None:
    """Delete on another team's character: 404 `resource_not_found`; the owner still reads it unchanged."""
    character = _owned_ready(kit)
    before = kit.snapshot(character["id"])
    exchange = kit.other.delete(f"/v1/characters/{character['id']}")  # type: ignore[union-attr]
    if 200 <= (exchange.status or 0) < 300:
        raise CrossTeamWrite("another team deleted the character", exchange=exchange)
    expect_error(exchange, 404, code="resource_not_found", type="not_found", doing="another team deletes")
    _unchanged(kit, character["id"], before, "another team's delete")


@behaviour("isolation", needs=("ready", "other_team"))
def other_team_patch_is_404_and_changes_nothing(kit: Kit) -> None:
    """PATCH on another team's character: 404 `resource_not_found`; name and attributes stay as they were."""
    character = _owned_ready(kit)
    before = kit.snapshot(character["id"])
    exchange = kit.other.patch(  # type: ignore[union-attr]
        f"/v1/characters/{character['id']}", json_body={"name": "Renamed by another team"}
    )
    if 200 <= (exchange.status or 0) < 300:
        raise CrossTeamWrite("another team renamed the character", exchange=exchange)
    expect_error(exchange, 404, code="resource_not_found", type="not_found", doing="another team patches")
    _unchanged(kit, character["id"], before, "another team's PATCH")


@behaviour("isolation", needs=("ready", "other_team"))
def other_team_cannot_use_character_on_images(kit: Kit) -> None:
    """Use: POST /v1/images with `character_id` — another team's id: 404."""
    character = _owned_ready(kit)
    exchange = kit.other.post(  # type: ignore[union-attr]
        "/v1/images", json_body={"prompt": "a portrait", "character_id": character["id"]}
    )
    if 200 <= (exchange.status or 0) < 300:
        raise CrossTeamLeak("another team generated an image with the character", exchange=exchange)
    expect_error(exchange, 404, code="resource_not_found", doing="another team uses the character on images")
