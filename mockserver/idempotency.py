"""The Idempotency-Key cache: per team, 24 h, time passed in as epoch seconds. No HTTP here.

``begin`` answers what to do with a request carrying a key:

- ``Proceed``: a new key (or an expired one): run the request, then ``complete`` (2xx: cached for replay)
  or ``abandon`` (anything else: not cached, so the key may be used again).
- ``Replay(stored)``: the same key with the same fingerprint already succeeded: send ``stored`` again
  (with ``Aurous-Idempotent-Replayed: true``), charge nothing.
- ``Conflict``: the same key with a different fingerprint (another body or route), or the original is
  still running: 409 ``idempotency_key_in_use``.

A fingerprint covers the method, the concrete path and the body, canonicalised when it is JSON.

Bounded: at most ``max_entries`` keys (all teams together; ``--idempotency-max-keys``). When a new key
would pass the cap, the oldest key is forgotten first — as if it had expired: a request that comes back
with it runs afresh (and is charged again). ``evicted`` counts them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Literal

__all__ = ["DEFAULT_MAX_ENTRIES", "Conflict", "IdempotencyCache", "Proceed", "Replay", "StoredResponse", "fingerprint"]


def fingerprint(method: str, path: str, body: bytes) -> str:
    """sha256 over method, path and the body: JSON canonicalised (sorted keys, no whitespace), else raw."""
    digest = hashlib.sha256(f"{method.upper()} {path}\n".encode())
    try:
        canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    except (ValueError, UnicodeDecodeError):
        digest.update(b"raw:" + body)
    else:
        digest.update(b"json:" + canonical.encode())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """The original response as the handler sent it: replayed as is (Content-Length included), and under the
    version it was produced in (``Aurous-Version`` of the original, not of the replaying request)."""

    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    version: str = ""


@dataclass(frozen=True, slots=True)
class Proceed:
    pass


@dataclass(frozen=True, slots=True)
class Replay:
    stored: StoredResponse


@dataclass(frozen=True, slots=True)
class Conflict:
    reason: Literal["in_flight", "mismatch"]


@dataclass(slots=True)
class _Entry:
    fingerprint: str
    expires_at: float
    stored: StoredResponse | None = None  # None while the original is running


_PROCEED = Proceed()


DEFAULT_MAX_ENTRIES = 10_000  # about 9-90 MB at the 0.85-8.8 KB a cached response takes


class IdempotencyCache:
    def __init__(self, ttl_seconds: float = 86_400, max_entries: int = DEFAULT_MAX_ENTRIES) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self.ttl_seconds = ttl_seconds
        self.max_entries = max_entries
        self.evicted = 0
        self._entries: dict[tuple[str, str], _Entry] = {}  # oldest first: begin() re-inserts at the end

    def begin(self, team_id: str, key: str, fingerprint: str, now: float) -> Proceed | Replay | Conflict:
        self._purge(now)
        slot = (team_id, key)
        entry = self._entries.get(slot)
        if entry is not None and entry.expires_at > now:
            if entry.fingerprint != fingerprint:
                return Conflict("mismatch")
            if entry.stored is None:
                return Conflict("in_flight")
            return Replay(entry.stored)
        entries = self._entries
        entries.pop(slot, None)
        entries[slot] = _Entry(fingerprint, now + self.ttl_seconds)
        while len(entries) > self.max_entries:
            del entries[next(iter(entries))]  # the oldest
            self.evicted += 1
        return _PROCEED

    def complete(self, team_id: str, key: str, stored: StoredResponse, now: float) -> None:
        """Record the original's response: 2xx is kept for replay; anything else frees the key."""
        if not 200 <= stored.status < 300:
            self.abandon(team_id, key)
            return
        entry = self._entries.get((team_id, key))
        if entry is not None and entry.expires_at > now:
            entry.stored = stored

    def abandon(self, team_id: str, key: str) -> None:
        """Forget the key (the original failed): the next request with it runs afresh."""
        self._entries.pop((team_id, key), None)

    def reset(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def _purge(self, now: float) -> None:
        # Entries sit in begin order, so expired ones are at the front: popping them is amortised O(1).
        entries = self._entries
        while entries:
            slot = next(iter(entries))
            if entries[slot].expires_at > now:
                break
            del entries[slot]
