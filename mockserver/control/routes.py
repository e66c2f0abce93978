"""The /_mock routes (operationIds of control.yaml): three lines each, through the facade."""

from __future__ import annotations

from typing import Any

from mockserver.context import current


async def list_teams() -> list[dict[str, Any]]:
    return current().control.teams()


async def reset() -> tuple[None, int]:
    current().control.reset()
    return None, 204


async def advance_clock(body: dict[str, Any]) -> dict[str, Any]:
    return {"now": current().control.advance_clock(body["seconds"])}


async def inspect_character(id: str) -> dict[str, Any]:
    return current().service.inspect(id).to_internal()


async def force_status(id: str, body: dict[str, Any]) -> dict[str, Any]:
    character = current().service.force_status(id, body["status"], body.get("error_message"))
    return character.to_public()
