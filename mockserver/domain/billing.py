"""Billing and images: the balance, and the image job that costs credits."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..ids import new_id
from . import lifecycle
from .base import (
    IMAGE_FIELDS,
    PROMPT_MAX,
    ServiceBase,
    _reject_unknown,
)
from .errors import (
    InvalidRequest,
)
from .model import (
    Image,
)


class BillingRules(ServiceBase):
    # -- images and balance --------------------------------------------------------------------------

    def create_image(self, team_id: str, body: Mapping[str, Any]) -> Image:
        """POST /v1/images (1 credit): the character, if given, must be this team's, live and ready."""
        self.complete_due()
        _reject_unknown(body, IMAGE_FIELDS)
        prompt = body.get("prompt")
        if prompt is None:
            raise InvalidRequest("prompt is required.", code="missing_field", param="prompt")
        if not isinstance(prompt, str) or not 1 <= len(prompt) <= PROMPT_MAX:
            raise InvalidRequest(
                f"prompt must be a string of 1 to {PROMPT_MAX} characters.", code="value_out_of_range", param="prompt"
            )
        character_id = body.get("character_id")
        if character_id is not None:
            if not isinstance(character_id, str):
                raise InvalidRequest("character_id must be a string.", code="invalid_format", param="character_id")
            character = self._live_character(team_id, character_id, param="character_id")
            lifecycle.require(lifecycle.Action.USE, character)
        cost = self.settings.cost("createImage")
        self._require_credits(team_id, cost)
        now = self.clock.now()
        image = Image(
            id=new_id("img", now),
            team_id=team_id,
            prompt=prompt,
            created_at=now,
            credits_charged=cost,
            character_id=character_id,
        )
        self._charge(team_id, cost)
        self.store.put_image(image)
        return image

    def get_balance(self, team_id: str) -> dict[str, Any]:
        self.complete_due()
        credits = self.store.credits(team_id)
        return {
            "credits": credits,
            "held_credits": 0,
            "available_credits": credits,
            "currency": "credit",
            "billing_mode": "metered",
        }
