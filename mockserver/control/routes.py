"""The /_mock routes (operationIds of control.yaml): one line each, through the one facade (``facade.py``)."""

from __future__ import annotations

from typing import Any

from mockserver.context import current
from mockserver.control.facade import MockControl


def _control() -> MockControl:
    control: MockControl = current().control
    return control


async def list_teams() -> list[dict[str, Any]]:
    return _control().teams()


async def reset() -> tuple[None, int]:
    _control().reset()
    return None, 204


async def advance_clock(body: dict[str, Any]) -> dict[str, Any]:
    return {"now": _control().advance_clock(body["seconds"])}


async def inspect_character(id: str) -> dict[str, Any]:
    return _control().inspect_character(id)


async def force_status(id: str, body: dict[str, Any]) -> dict[str, Any]:
    return _control().force_status(id, body["status"], body.get("error_message"))


async def list_characters(team_id: str | None = None, status: str | None = None) -> list[dict[str, Any]]:
    return _control().characters(team_id, status)


async def list_requests(limit: int | None = None) -> list[dict[str, Any]]:
    return _control().recent_requests(limit)


async def clear_requests() -> tuple[None, int]:
    _control().clear_requests()
    return None, 204


async def get_faults() -> dict[str, Any]:
    return _control().get_faults()


async def set_faults(body: dict[str, Any]) -> dict[str, Any]:
    return _control().set_faults(body)


async def clear_faults() -> tuple[None, int]:
    _control().clear_faults()
    return None, 204


async def get_settings() -> dict[str, Any]:
    return _control().runtime()


async def update_settings(body: dict[str, Any]) -> dict[str, Any]:
    return _control().update_runtime(body)


async def list_scenarios() -> list[dict[str, Any]]:
    return _control().scenarios()


async def load_scenario(name: str) -> dict[str, Any]:
    return _control().load_scenario(name)


async def put_fixtures(body: dict[str, Any]) -> dict[str, Any]:
    return _control().use_fixtures(body)


async def list_webhook_deliveries(
    team_id: str | None = None,
    endpoint_id: str | None = None,
    event_type: str | None = None,
    status: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    return _control().webhook_deliveries(
        team_id=team_id, endpoint_id=endpoint_id, event_type=event_type, status=status, limit=limit
    )


async def get_webhook_delivery(id: str) -> dict[str, Any]:
    return _control().webhook_delivery(id)


async def redeliver_webhook(id: str) -> tuple[dict[str, Any], int]:
    return _control().redeliver_webhook(id), 202


async def send_webhook_event(body: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    return _control().send_webhook_event(body), 202


async def list_webhook_endpoints() -> list[dict[str, Any]]:
    return _control().webhook_endpoints()


async def get_webhook_faults() -> dict[str, Any]:
    return _control().get_webhook_faults()


async def set_webhook_faults(body: dict[str, Any]) -> dict[str, Any]:
    return _control().set_webhook_faults(body)


async def clear_webhook_faults() -> tuple[None, int]:
    _control().set_webhook_faults({})
    return None, 204
