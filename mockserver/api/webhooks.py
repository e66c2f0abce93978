"""The webhook endpoint operations: thin, through the app's WebhookHub (mockserver.webhooks)."""

from __future__ import annotations

from typing import Any

from mockserver.context import current
from mockserver.webhooks import hub_for


async def create_webhook_endpoint(body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    ctx = current()
    endpoint = hub_for(ctx.service).create_endpoint(ctx.team_id, body, version=ctx.version)
    return endpoint.to_public(reveal_secret=True), 201


async def list_webhook_endpoints() -> dict[str, Any]:
    ctx = current()
    endpoints = hub_for(ctx.service).list_endpoints(ctx.team_id)
    return {"object": "list", "data": [e.to_public() for e in endpoints], "has_more": False, "next_cursor": None}


async def retrieve_webhook_endpoint(id: str) -> dict[str, Any]:
    ctx = current()
    return hub_for(ctx.service).get_endpoint(ctx.team_id, id).to_public()


async def delete_webhook_endpoint(id: str) -> dict[str, Any]:
    ctx = current()
    return hub_for(ctx.service).delete_endpoint(ctx.team_id, id)


async def rotate_webhook_secret(id: str) -> dict[str, Any]:
    ctx = current()
    return hub_for(ctx.service).rotate_secret(ctx.team_id, id).to_public(reveal_secret=True)


async def fire_test_delivery(id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    ctx = current()
    return hub_for(ctx.service).fire_test(ctx.team_id, id, body), 202
