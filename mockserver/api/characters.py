"""The Characters operations."""

from __future__ import annotations

from typing import Any

from mockserver.context import current


async def create_character(body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    ctx = current()
    character = ctx.service.create_character(ctx.team_id, body, version=ctx.version, outcome=ctx.outcome)
    return character.to_public(), 201


async def list_characters(limit: int = 20, starting_after: str | None = None) -> dict[str, Any]:
    ctx = current()
    characters, has_more, next_cursor = ctx.service.list_characters(
        ctx.team_id, limit=limit, starting_after=starting_after
    )
    return {
        "object": "list",
        "data": [character.to_public() for character in characters],
        "has_more": has_more,
        "next_cursor": next_cursor,
    }


async def retrieve_character(id: str) -> dict[str, Any]:
    ctx = current()
    return ctx.service.retrieve_character(ctx.team_id, id).to_public()


async def update_character(id: str, body: dict[str, Any]) -> dict[str, Any]:
    ctx = current()
    return ctx.service.update_character(ctx.team_id, id, body).to_public()


async def delete_character(id: str) -> dict[str, Any]:
    ctx = current()
    return ctx.service.delete_character(ctx.team_id, id)


async def save_character(id: str) -> dict[str, Any]:
    ctx = current()
    return ctx.service.save_character(ctx.team_id, id).to_public()


async def regenerate_ref(id: str, body: dict[str, Any]) -> dict[str, Any]:
    ctx = current()
    return ctx.service.regenerate_ref(ctx.team_id, id, body["pose"], outcome=ctx.outcome).to_public()


async def resynthesize_character(id: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    ctx = current()
    force_all = bool((body or {}).get("force_all", False))
    return ctx.service.resynthesize_character(ctx.team_id, id, force_all=force_all, outcome=ctx.outcome).to_public()
