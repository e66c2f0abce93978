"""The /_mock routes for frontend development (operationIds of control.yaml): one line each, via the facade."""

from __future__ import annotations

from typing import Any

from mockserver.context import current


async def list_characters(team_id: str | None = None, status: str | None = None) -> list[dict[str, Any]]:
    return current().control.characters(team_id, status)


async def list_requests(limit: int | None = None) -> list[dict[str, Any]]:
    return current().control.recent_requests(limit)


async def clear_requests() -> tuple[None, int]:
    current().control.requests.clear()
    return None, 204


async def get_faults() -> dict[str, Any]:
    return current().control.get_faults()


async def set_faults(body: dict[str, Any]) -> dict[str, Any]:
    return current().control.set_faults(body)


async def clear_faults() -> tuple[None, int]:
    current().control.clear_faults()
    return None, 204


async def get_settings() -> dict[str, Any]:
    return current().control.runtime()


async def update_settings(body: dict[str, Any]) -> dict[str, Any]:
    return current().control.update_runtime(body)


async def list_scenarios() -> list[dict[str, Any]]:
    return current().control.scenarios()


async def load_scenario(name: str) -> dict[str, Any]:
    return current().control.load_scenario(name)


async def put_fixtures(body: dict[str, Any]) -> dict[str, Any]:
    return current().control.use_fixtures(body)
