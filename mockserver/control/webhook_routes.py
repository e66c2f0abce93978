"""The /_mock/webhooks routes (operationIds of control.yaml): one line each, via the WebhookHub."""

from __future__ import annotations

from typing import Any

from mockserver.context import current
from mockserver.domain.errors import InvalidRequest, NotFound


def _hub() -> Any:
    return current().control.webhooks


async def list_deliveries(
    team_id: str | None = None,
    endpoint_id: str | None = None,
    event_type: str | None = None,
    status: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    return _hub().deliveries(team_id=team_id, endpoint_id=endpoint_id, event_type=event_type, status=status, limit=limit)


async def get_delivery(id: str) -> dict[str, Any]:
    return _hub().delivery(id)


async def redeliver(id: str) -> tuple[dict[str, Any], int]:
    return _hub().redeliver(id), 202


async def send_event(body: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    character = None
    character_id = body.get("character_id")
    if character_id is not None:
        try:
            character = current().service.inspect(character_id)
        except NotFound:
            raise InvalidRequest(f"No character {character_id!r}.", code="invalid_format", param="character_id") from None
    return _hub().send_test_event(body, character), 202


async def list_endpoints() -> list[dict[str, Any]]:
    return _hub().all_endpoints()


async def get_faults() -> dict[str, Any]:
    return _hub().faults.to_json()


async def set_faults(body: dict[str, Any]) -> dict[str, Any]:
    return _hub().set_faults(body)


async def clear_faults() -> tuple[None, int]:
    _hub().set_faults({})
    return None, 204
