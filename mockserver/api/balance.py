"""`GET /v1/balance`: the team's credits."""

from __future__ import annotations

from typing import Any

from mockserver.context import current


async def get_balance() -> dict[str, Any]:
    ctx = current()
    return ctx.service.get_balance(ctx.team_id)
