"""`POST /v1/images`: enough of it to show which characters may be used."""

from __future__ import annotations

from typing import Any

from mockserver.context import current


async def create_image(body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    ctx = current()
    return ctx.service.create_image(ctx.team_id, body).to_public(), 202
