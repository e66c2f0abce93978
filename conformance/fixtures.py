"""Cost-aware acquisition of characters in a given state, or a reason why not.

Owns: detecting the reference mock (``GET /_mock/teams`` answers 200 JSON) and talking to its control
API; turning ``--fixture STATE=ID`` ids into characters; creating characters. Order of preference per
state:

1. ids given with ``--fixture`` (checked with a GET; each is used once, as checks change them);
2. the mock's control API when the target is the mock (creating costs mock credits only, so no
   ``--allow-spend`` is needed, and ``PUT /_mock/characters/{id}/status`` forces any state);
3. free creation on any deployment: the upload flow makes a ``ready`` character and costs no credits;
   deleting one gives a soft-deleted character;
4. with ``--allow-spend``: the synthesize flow (4 credits each, at most ``spend_cap`` characters), polled
   until synthesis ends;
5. otherwise :class:`~conformance.failures.Skip` with the reason.

It never calls ``/_mock/reset`` unless the caller asked for it (it wipes every team's state).
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from conformance.client import Client
from conformance.failures import Skip

__all__ = ["Fixtures", "MockControl", "STATES", "TINY_PNG"]

STATES = ("synthesizing", "reviewing", "ready", "failed", "deleted")
# A 1x1 transparent PNG: the smallest body an upload target accepts as an image.
TINY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
SYNTH_ATTRIBUTES = {"gender": "female", "age": 30, "hair_color": "red", "eye_color": "green"}


class MockControl:
    """The reference mock's ``/_mock`` control API. Used only when :meth:`detect` found it."""

    def __init__(self, client: Client, teams: list[dict[str, Any]]) -> None:
        self._http = client.http
        self._base = client.base_url
        self.teams = teams
        # A mock on the real clock refuses to advance; then the kit waits like it would for any target.
        self.can_advance = self._call("POST", "/_mock/clock/advance", {"seconds": 0}).status_code == 200

    @classmethod
    def detect(cls, client: Client) -> MockControl | None:
        try:
            response = client.http.get(client.base_url + "/_mock/teams")
        except httpx.HTTPError:
            return None
        if response.status_code != 200 or "json" not in response.headers.get("content-type", ""):
            return None
        try:
            teams = response.json()
        except ValueError:
            return None
        if isinstance(teams, dict):
            teams = teams.get("data") or teams.get("teams") or []
        if not isinstance(teams, list) or not all(isinstance(t, dict) for t in teams):
            return None
        return cls(client, teams)

    def team_of(self, api_key: str) -> dict[str, Any] | None:
        for team in self.teams:
            if api_key in (team.get("api_keys") or []):
                return team
        return None

    def other_team_key(self, api_key: str) -> tuple[str, dict[str, Any]] | None:
        """A key of a team other than ``api_key``'s, for the isolation checks."""
        mine = self.team_of(api_key)
        for team in self.teams:
            if team is not mine and team.get("api_keys"):
                return team["api_keys"][0], team
        return None

    def _call(self, method: str, path: str, body: Any = None) -> httpx.Response:
        return self._http.request(method, self._base + path, json=body)

    def advance(self, seconds: float) -> None:
        response = self._call("POST", "/_mock/clock/advance", {"seconds": seconds})
        if response.status_code != 200:
            raise Skip(f"the mock refused to advance its clock (HTTP {response.status_code})")

    def force(self, character_id: str, status: str, error_message: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"status": status}
        if status == "failed":
            body["error_message"] = error_message or "forced by the conformance kit"
        response = self._call("PUT", f"/_mock/characters/{character_id}/status", body)
        if response.status_code != 200:
            raise Skip(f"the mock refused to force {character_id} to {status}: HTTP {response.status_code}")
        return response.json()

    def inspect(self, character_id: str) -> dict[str, Any] | None:
        response = self._call("GET", f"/_mock/characters/{character_id}")
        return response.json() if response.status_code == 200 else None

    def reset(self) -> None:
        self._call("POST", "/_mock/reset")


@dataclass
class Fixtures:
    client: Client
    mock: MockControl | None = None
    given: dict[str, list[str]] = field(default_factory=dict)
    allow_spend: bool = False
    spend_cap: int = 3
    poll_timeout: float = 180.0
    poll_interval: float = 3.0
    sleep: Callable[[float], None] = time.sleep
    created: list[str] = field(default_factory=list)
    spent: int = 0
    # state -> how it was last reached, or why it could not be; feeds the lifecycle report.
    reached: dict[str, str] = field(default_factory=dict)
    # What a synthesis ended in when the kit let one run its course: "reviewing", "ready" or "failed".
    natural_outcome: str | None = None

    # -- public -------------------------------------------------------------------------------------------
    def get(self, state: str, *, client: Client | None = None) -> dict[str, Any]:
        """A fresh character (the public representation) in ``state``, owned by ``client``'s team."""
        owner = client or self.client
        if state not in STATES:
            raise ValueError(f"unknown state {state!r}")
        if owner is self.client and self.given.get(state):
            return self._from_given(state)
        try:
            character = self._make(state, owner)
        except Skip as skip:
            self.reached.setdefault(state, f"not reached: {skip}")
            raise
        return character

    def describe_acquisition(self) -> str:
        if self.mock is not None:
            return (
                "reference mock detected: characters created through the public API (mock credits only, no "
                "--allow-spend needed) and moved between states with PUT /_mock/characters/{id}/status"
            )
        ways = ["upload-flow creation (free) for ready and deleted characters"]
        if self.given:
            ways.insert(0, "ids given with --fixture (" + ", ".join(sorted(self.given)) + ")")
        if self.allow_spend:
            ways.append(f"synthesize-flow creation with --allow-spend (cap {self.spend_cap}, used {self.spent})")
        else:
            ways.append("no synthesis: --allow-spend not given")
        return "; ".join(ways)

    def cleanup(self) -> None:
        """Delete what the kit created (deleted characters refund nothing and are 404 afterwards)."""
        for character_id in self.created:
            try:
                self.client.delete(f"/v1/characters/{character_id}")
            except httpx.HTTPError:
                pass

    # -- acquisition ---------------------------------------------------------------------------------------
    def _from_given(self, state: str) -> dict[str, Any]:
        character_id = self.given[state].pop(0)
        exchange = self.client.get(f"/v1/characters/{character_id}")
        body = exchange.json() if exchange.status == 200 else None
        if not isinstance(body, dict) or body.get("status") != state:
            seen = body.get("status") if isinstance(body, dict) else f"HTTP {exchange.status}"
            raise Skip(f"--fixture {state}={character_id} is not {state} (it is {seen})")
        self.reached[state] = f"--fixture {character_id}"
        return body

    def _make(self, state: str, owner: Client) -> dict[str, Any]:
        if state == "ready" and self.mock is None:
            return self._upload_flow(owner)
        if state == "deleted":
            character = self._upload_flow(owner) if self.mock is None else self._make("ready", owner)
            deleted = owner.delete(f"/v1/characters/{character['id']}")
            if deleted.status != 200:
                raise Skip(f"could not delete a ready character to get a soft-deleted one (HTTP {deleted.status})")
            self.reached["deleted"] = "created ready, then DELETE"
            return {**character, "status": "deleted"}
        if self.mock is not None:
            return self._via_mock(state, owner)
        if not self.allow_spend:
            raise Skip(
                f"a {state} character needs synthesis, which costs credits: pass --allow-spend "
                f"or --fixture {state}=char_…"
            )
        return self._via_synthesis(state, owner)

    def _via_mock(self, state: str, owner: Client) -> dict[str, Any]:
        assert self.mock is not None
        if state == "ready":
            try:
                return self._upload_flow(owner)
            except Skip:
                pass  # fall back to the synthesize flow + force below
        character = self._synthesize(owner)
        if character.get("status") != state:
            character = self.mock.force(character["id"], state)
        self.reached[state] = "mock: synthesize-flow create, then PUT /_mock/characters/{id}/status"
        return character

    def _via_synthesis(self, state: str, owner: Client) -> dict[str, Any]:
        if state == "failed":
            raise Skip("a real deployment cannot be made to fail a synthesis: pass --fixture failed=char_…")
        if self.spent >= self.spend_cap:
            raise Skip(f"spend cap reached ({self.spend_cap} syntheses); raise --spend-cap or pass --fixture")
        character = self._synthesize(owner)
        self.spent += 1
        if state == "synthesizing":
            if character.get("status") != "synthesizing":
                raise Skip("synthesis finished before the kit could use the synthesizing character")
            self.reached[state] = "--allow-spend: synthesize-flow create"
            return character
        final = self.wait_for_synthesis(character["id"], owner)
        if final.get("status") != state:
            raise Skip(f"synthesis ended in {final.get('status')}, not {state}")
        self.reached[state] = "--allow-spend: synthesize-flow create, polled"
        return final

    def wait_for_synthesis(self, character_id: str, owner: Client | None = None) -> dict[str, Any]:
        owner = owner or self.client
        deadline = time.monotonic() + self.poll_timeout
        while True:
            exchange = owner.get(f"/v1/characters/{character_id}")
            body = exchange.json() or {}
            if body.get("status") != "synthesizing":
                if body.get("status") in ("reviewing", "ready", "failed"):
                    self.natural_outcome = self.natural_outcome or body["status"]
                return body
            if time.monotonic() > deadline:
                raise Skip(f"synthesis of {character_id} did not finish within {self.poll_timeout:.0f} s")
            if self.mock is not None and self.mock.can_advance:
                self.mock.advance(120)
            else:
                self.sleep(self.poll_interval)

    def _synthesize(self, owner: Client) -> dict[str, Any]:
        exchange = owner.post(
            "/v1/characters",
            json_body={"name": "Conformance kit", "generate": True, "attributes": SYNTH_ATTRIBUTES},
        )
        if exchange.status == 402:
            raise Skip("the team has not enough credits for a synthesize-flow create (402)")
        if exchange.status != 201 or not isinstance(exchange.json(), dict):
            raise Skip(f"synthesize-flow create did not return 201 (HTTP {exchange.status})")
        character = exchange.json()
        self.created.append(character["id"])
        return character

    def upload_ticket(self, owner: Client | None = None) -> str:
        """An ``upl_`` id with its bytes PUT, ready for an upload-flow create (free)."""
        owner = owner or self.client
        init = owner.post("/v1/characters/uploads/init", json_body={"content_type": "image/png", "extension": "png"})
        ticket = init.json() if init.status in (200, 201) else None
        if not isinstance(ticket, dict) or "upload_url" not in ticket:
            raise Skip(f"upload init did not return an upload ticket (HTTP {init.status})")
        url = urlsplit(ticket["upload_url"])
        path = url.path + (f"?{url.query}" if url.query else "")
        put = owner.request("PUT", path, content=TINY_PNG, headers={"Content-Type": "image/png"}, auth=False)
        if put.status not in (200, 201, 204):
            raise Skip(f"upload PUT failed (HTTP {put.status})")
        return str(ticket["upload_id"])

    def _upload_flow(self, owner: Client) -> dict[str, Any]:
        upload_id = self.upload_ticket(owner)
        created = owner.post("/v1/characters", json_body={"name": "Conformance kit", "upload_ids": [upload_id]})
        if created.status != 201 or not isinstance(created.json(), dict):
            raise Skip(f"upload-flow create did not return 201 (HTTP {created.status})")
        character = created.json()
        self.created.append(character["id"])
        self.reached.setdefault("ready", "upload-flow create (free)")
        return character
