"""The upload flow: mint a ticket, PUT the bytes to its signed URL, optionally classify the pose."""

from __future__ import annotations

from typing import Any

from mockserver.context import current


async def init_upload(body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    ctx = current()
    return ctx.service.init_upload(ctx.team_id, body).to_public(ctx.service.settings.upload_base_url), 201


async def put_upload_content(upload_id: str, signature: str, body: bytes) -> tuple[None, int]:
    ctx = current()
    ctx.service.put_upload_content(upload_id, signature, body)  # its media type and size: checked by the spec
    return None, 204


async def classify_upload(body: dict[str, Any]) -> dict[str, Any]:
    ctx = current()
    return ctx.service.classify_upload(ctx.team_id, body["upload_id"])
