"""Save (``POST /v1/characters/{id}/save``): every statement of the save page is one named check.

The page (save-character.seed.txt) and CONTRACT.md's Lifecycle section are the sources; each docstring
quotes the sentence the check enforces.
"""

from __future__ import annotations

from conformance.checks.base import UNKNOWN_ID, Kit, behaviour, character_body, expect_error, expect_status
from conformance.failures import (
    CreditsCharged,
    IllegalTransition,
    NotUsableOnImages,
    RateLimitHeadersBroken,
    RepresentationChanged,
    Skip,
    UnexpectedStatus,
)

__all__: list[str] = []

VOLATILE = {"refs"}  # ref URLs are opaque and expiring: a fresh proxy URL is not a changed representation


def _save(kit: Kit, character_id: str, client=None):  # type: ignore[no-untyped-def]
    return (client or kit.client).post(f"/v1/characters/{character_id}/save")


def _comparable(character: dict) -> dict:
    refs = [ref.get("pose") for ref in character.get("refs") or []]
    return {**{k: v for k, v in character.items() if k not in VOLATILE}, "refs": refs}


@behaviour("save", needs=("reviewing",))
def save_moves_reviewing_to_ready(kit: Kit) -> None:
    """It moves a reviewing character to ready (200 with the character, status ready)."""
    character = kit.character("reviewing")
    exchange = _save(kit, character["id"])
    expect_status(exchange, 200, "save on a reviewing character")
    saved = character_body(exchange)
    if saved["status"] != "ready" or saved["id"] != character["id"]:
        raise IllegalTransition(
            f"save returned {saved['id']} with status {saved['status']!r}; expected ready", exchange=exchange
        )
    after = kit.snapshot(character["id"])
    if after["status"] != "ready":
        raise IllegalTransition(
            f"after save a GET shows status {after['status']!r}; expected ready", exchange=kit.client.log[-1]
        )


@behaviour("save", needs=("reviewing",))
def save_twice_returns_200_twice_with_identical_representation(kit: Kit) -> None:
    """Save is idempotent on already-ready characters — calling it twice returns 200 both times with status:
    ready unchanged (the whole representation unchanged, `updated_at` included)."""
    character = kit.character("reviewing")
    first = _save(kit, character["id"])
    expect_status(first, 200, "first save")
    second = _save(kit, character["id"])
    expect_status(second, 200, "second save on the now-ready character")
    a, b = _comparable(character_body(first)), _comparable(character_body(second))
    if a != b:
        changed = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
        raise RepresentationChanged(f"fields changed between the two saves: {changed}", exchange=second)


@behaviour("save", needs=("ready",))
def save_on_ready_character_changes_nothing(kit: Kit) -> None:
    """On a `ready` character it is idempotent: 200 again, status and the whole representation unchanged
    (`updated_at` included)."""
    character = kit.character("ready")
    before = kit.snapshot(character["id"])
    exchange = _save(kit, character["id"])
    expect_status(exchange, 200, "save on a ready character")
    if _comparable(character_body(exchange)) != _comparable(before):
        raise RepresentationChanged("save on a ready character changed its representation", exchange=exchange)


@behaviour("save", needs=("synthesizing",))
def save_on_synthesizing_is_400_invalid_request_error(kit: Kit) -> None:
    """A synthesizing character returns 400 — don't call save until you've polled and seen status: reviewing
    (code `invalid_request_error`, type `invalid_request`)."""
    character = kit.character("synthesizing")
    exchange = _save(kit, character["id"])
    expect_error(exchange, 400, code="invalid_request_error", type="invalid_request", doing="save on synthesizing")


@behaviour("save", needs=("failed",))
def save_on_failed_is_400_invalid_request_error(kit: Kit) -> None:
    """invalid_request_error | 400 | Character is in a non-savable state (e.g. synthesizing, failed)."""
    character = kit.character("failed")
    exchange = _save(kit, character["id"])
    expect_error(exchange, 400, code="invalid_request_error", type="invalid_request", doing="save on failed")
    after = kit.snapshot(character["id"])
    if after["status"] != "failed":
        raise IllegalTransition(f"a refused save moved a failed character to {after['status']!r}")


@behaviour("save")
def save_on_unknown_id_is_404_resource_not_found(kit: Kit) -> None:
    """resource_not_found | 404 | Unknown ID, soft-deleted character, or cross-team."""
    exchange = _save(kit, UNKNOWN_ID)
    expect_error(exchange, 404, code="resource_not_found", type="not_found", doing="save on an unknown id")


@behaviour("save")
def save_on_malformed_id_is_404_resource_not_found(kit: Kit) -> None:
    """DECISION: any id that does not name a live character of the caller's team — malformed ones included —
    gets 404 `resource_not_found`."""
    exchange = _save(kit, "not-an-id")
    expect_error(exchange, 404, code="resource_not_found", type="not_found", doing="save on a malformed id")


@behaviour("save", needs=("deleted",))
def save_on_soft_deleted_is_404_resource_not_found(kit: Kit) -> None:
    """resource_not_found | 404 | Unknown ID, soft-deleted character, or cross-team."""
    character = kit.character("deleted")
    exchange = _save(kit, character["id"])
    expect_error(exchange, 404, code="resource_not_found", type="not_found", doing="save on a soft-deleted id")


@behaviour("save", needs=("reviewing", "other_team"))
def save_on_other_teams_character_is_404_resource_not_found(kit: Kit) -> None:
    """resource_not_found | 404 | Unknown ID, soft-deleted character, or cross-team."""
    other = kit.require_other_team()
    character = kit.character("reviewing")
    exchange = _save(kit, character["id"], client=other)
    expect_error(exchange, 404, code="resource_not_found", type="not_found", doing="another team saves")
    after = kit.snapshot(character["id"])
    if after["status"] != "reviewing":
        raise IllegalTransition(f"another team's refused save moved the character to {after['status']!r}")


@behaviour("save", needs=("reviewing",))
def character_is_usable_on_images_only_after_save(kit: Kit) -> None:
    """It makes the character referenceable on POST /v1/images via character_id (before save: 400
    `character_not_ready`)."""
    kit.require_spend("POST /v1/images with a ready character (1 credit)")
    character = kit.character("reviewing")
    before = kit.client.post("/v1/images", json_body={"prompt": "a portrait", "character_id": character["id"]})
    if before.status != 400:
        raise NotUsableOnImages(
            f"a reviewing character was accepted on POST /v1/images (HTTP {before.status})", exchange=before
        )
    expect_error(
        before, 400, code="character_not_ready", param="character_id", doing="images with a reviewing character"
    )
    expect_status(_save(kit, character["id"]), 200, "save")
    after = kit.client.post("/v1/images", json_body={"prompt": "a portrait", "character_id": character["id"]})
    if after.status != 202:
        raise NotUsableOnImages(
            f"a saved character was refused on POST /v1/images (HTTP {after.status})", exchange=after
        )


@behaviour("save", needs=("reviewing",))
def save_costs_no_credits(kit: Kit) -> None:
    """This endpoint costs no credits and dispatches no inference — it is purely a state transition."""
    character = kit.character("reviewing")
    before = kit.client.get("/v1/balance")
    expect_status(before, 200, "GET /v1/balance")
    exchange = _save(kit, character["id"])
    expect_status(exchange, 200, "save")
    after = kit.client.get("/v1/balance")
    expect_status(after, 200, "GET /v1/balance")
    if before.json().get("credits") != after.json().get("credits"):
        raise CreditsCharged(
            f"balance went from {before.json().get('credits')} to {after.json().get('credits')} across a save",
            exchange=after,
        )
    saved = character_body(exchange)
    if saved["status"] == "synthesizing" or [r.get("pose") for r in saved.get("refs") or []] != [
        r.get("pose") for r in character.get("refs") or []
    ]:
        raise IllegalTransition("save dispatched inference (status synthesizing or refs changed)", exchange=exchange)


@behaviour("save", needs=("reviewing",))
def saved_character_never_returns_to_reviewing(kit: Kit) -> None:
    """After save, the character cannot be returned to reviewing (a regenerate on a saved character ends in
    ready, not reviewing)."""
    character = kit.character("reviewing")
    expect_status(_save(kit, character["id"]), 200, "save")
    if kit.mock is None and not kit.allow_spend:
        # Without spend only the cheap half can be observed: the character stays ready.
        after = kit.snapshot(character["id"])
        if after["status"] != "ready":
            raise IllegalTransition(f"saved character is {after['status']!r}")
        raise Skip("regenerating a saved character costs 1 credit: pass --allow-spend for the full check")
    regen = kit.client.post(f"/v1/characters/{character['id']}/refs/regenerate", json_body={"pose": "front"})
    expect_status(regen, 200, "regenerate one ref of a saved character")
    final = kit.fixtures.wait_for_synthesis(character["id"])
    if final.get("status") == "reviewing":
        raise IllegalTransition(
            "a saved character returned to reviewing after a regenerate", exchange=kit.client.log[-1]
        )
    if final.get("status") != "ready":
        raise IllegalTransition(f"after regenerate a saved character is {final.get('status')!r}; expected ready")


@behaviour("save", needs=("reviewing", "mock"))
def save_deletes_temporary_upload_bytes(kit: Kit) -> None:
    """It cleans up temporary upload bytes from the synthesis pipeline (observable only through the mock's
    control API)."""
    if kit.mock is None:
        raise Skip("temporary upload bytes are not observable through the public API (mock only)")
    character = kit.character("reviewing")
    expect_status(_save(kit, character["id"]), 200, "save")
    inside = kit.mock.inspect(character["id"]) or {}
    if inside.get("temp_upload_bytes") not in (0, None, [], {}):
        raise IllegalTransition(
            f"after save the mock still holds temp_upload_bytes={inside.get('temp_upload_bytes')!r}"
        )


@behaviour("save")
def save_draws_on_the_characters_post_bucket(kit: Kit) -> None:
    """Rate limit: bucket characters_post — 30 requests/min sustained, 60 burst per team."""
    exchange = _save(kit, UNKNOWN_ID)
    burst = kit.contract.burst("characters_post")
    limit = exchange.header("x-ratelimit-limit")
    if limit is None or (burst is not None and limit != str(burst)):
        raise RateLimitHeadersBroken(f"X-RateLimit-Limit on save is {limit!r}; expected {burst}", exchange=exchange)
    if exchange.status == 200:
        raise UnexpectedStatus("save on an unknown id succeeded", exchange=exchange)
