"""Billing and images: the balance, and the image job that costs credits.

Shape is the spec's job (the prompt's length, the fields allowed: ``mockserver.validation`` refuses the rest
first); here: the anchoring character is this team's, live and ready, and the credits are there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..ids import new_id
from . import lifecycle
from .base import ServiceBase
from .model import Image


class BillingRules(ServiceBase):
    # -- images and balance --------------------------------------------------------------------------

    def create_image(self, team_id: str, body: Mapping[str, Any]) -> Image:
        """POST /v1/images (1 credit): the character, if given, must be this team's, live and ready."""
        self.complete_due()
        prompt, character_id = body["prompt"], body.get("character_id")
        if character_id is not None:
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
