"""Several mock processes as one mock: Redis holds the state, every process a replica of it.

Redis keys (under the ``--redis-prefix``):

    {prefix}:epoch      a token minted when the state was seeded; a new one means "start over from the snapshot"
    {prefix}:seq        the sequence number of the last transaction in the log
    {prefix}:log        a stream: one entry per transaction (id ``{seq}-1``), its records as JSON
    {prefix}:snapshot   the whole state (store snapshot + control state) as of a sequence number
    {prefix}:lock       the cross-process lock (lock.py)

Records are the store's own journal records (absolute states: the row as it now is, a deletion, a
balance, a reset; ``statecodec.encode_record``/``apply_record``), a ``control`` record carrying the clock,
faults, run-time settings and the fixtures a reset returns to, and a ``webhooks`` record with the whole
webhook hub (endpoints, deliveries, webhook faults) when it changed.

Every operation that touches state (each public method of ``CharactersService``, ``MockControl`` and the
webhook hub, through ``Replicated``) runs as one transaction: take the lock, catch up with the log, run the
operation on the in-memory objects exactly as a single process would, publish the records it produced,
release. So every answer is the single-process answer, whichever process gives it. Reads (``READS``) skip
the lock when the request's start already caught the replica up (``SYNCED``, set by ``ReplicaSync``).
Applying a replicated record fires no ``on_change`` (the webhook event belongs to the process that made the
change) and journals nothing.

Failure: a Redis error becomes ``ServiceUnavailable`` (503 in the envelope). When publishing fails after
the operation changed the replica, the replica is marked stale: the next transaction reloads it from
Redis, so it never silently diverges. A Redis that comes back empty (restarted without persistence,
flushed) is seeded afresh by the first process to reach it, as a first start would; the others reload.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import redis

from mockserver import ids, statecodec
from mockserver.clock import ManualClock, SystemClock
from mockserver.domain.errors import ServiceUnavailable
from mockserver.faults import FaultSettings
from mockserver.fixtures import Fixtures

from .connection import outage_of, unavailable
from .lock import LockTimeout, SharedLock

__all__ = ["READS", "SYNCED", "Replica", "Replicated"]

logger = logging.getLogger("mockserver")

# Reads answered without the lock when the request's start caught the replica up (``_run_optimistically``).
READS = frozenset(
    {
        # CharactersService
        "retrieve_character",
        "list_characters",
        "get_balance",
        "ref_image",
        "inspect",
        "all_characters",
        # MockControl
        "teams",
        "runtime",
        "get_faults",
        "characters",
        "recent_requests",
        "inspect_character",
        "webhook_deliveries",
        "webhook_delivery",
        "webhook_endpoints",
        "get_webhook_faults",
        # WebhookHub
        "list_endpoints",
        "get_endpoint",
        "deliveries",
        "delivery",
        "all_endpoints",
    }
)
# Set by ReplicaSync for the request whose start caught this replica up with the log.
SYNCED: ContextVar[Replica] = ContextVar("aurous_replica_synced")
_CONFLICT = object()

SNAPSHOT_EVERY = 200  # transactions between compacted snapshots
LOG_KEEP = 1000  # transactions kept in the log behind the newest snapshot (a lagging replica reads them)
_RUNTIME_KEYS = ("lifecycle_variant", "synthesis_seconds", "synthesis_outcome")

# KEYS: lock, seq, epoch, log, snapshot. ARGV: token, epoch, new seq, records, snapshot ('' = none), trim id.
_PUBLISH = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
if redis.call('GET', KEYS[3]) ~= ARGV[2] then redis.call('DEL', KEYS[1]) return -2 end
local seq = tonumber(redis.call('GET', KEYS[2]) or '0')
if seq + 1 ~= tonumber(ARGV[3]) then redis.call('DEL', KEYS[1]) return -3 end
redis.call('XADD', KEYS[4], ARGV[3] .. '-1', 'r', ARGV[4])
redis.call('SET', KEYS[2], ARGV[3])
if ARGV[5] ~= '' then
  redis.call('SET', KEYS[5], ARGV[5])
  redis.call('XTRIM', KEYS[4], 'MINID', ARGV[6])
end
redis.call('DEL', KEYS[1])
return seq + 1
"""


class Replica:
    def __init__(
        self,
        client: redis.Redis,
        prefix: str,
        *,
        url: str,
        control: Any,
    ) -> None:
        self.client = client
        self.url = url
        self.control = control
        self.service = control.service
        self.store = control.service.store
        self.clock = control.clock
        self.keys = {name: f"{prefix}:{name}" for name in ("lock", "seq", "epoch", "log", "snapshot")}
        self.lock = SharedLock(client, self.keys["lock"])
        self.outage = outage_of(client)
        self._publish = client.register_script(_PUBLISH)
        self.seq = 0
        self.epoch: str | None = None
        self.stale = True  # nothing loaded yet
        self._depth = 0
        self._records: list[dict[str, Any]] = []
        self._control_seen: dict[str, Any] | None = None
        self._fixtures_seen: Any = control.fixtures
        self.hub: Any = None  # the webhook hub (webhooks_facade): replicated as whole-state records
        self._hub_touched = False
        self._hub_mark: Any = None
        self._hub_seen: str | None = None
        self.store.journal = self._note

    def webhooks_facade(self, hub: Any) -> Replicated:
        """The webhook hub replicated too (endpoints, deliveries, faults, as whole-state records), and what the
        handlers and the delivery worker call instead of it; before ``start()``. The worker's idle checks read
        this replica as it stands (no lock every tick)."""
        self.hub = hub
        return Replicated(
            hub, self, webhooks=True, local=("has_pending", "has_active_endpoints", "signature_timestamp")
        )

    # -- running operations --------------------------------------------------------------------------

    def start(self) -> None:
        """At start: load the shared state, or seed it when this is the first process (no epoch yet)."""
        self.run(lambda: None)

    def run(
        self, operation: Callable[..., Any], *args: Any, control: bool = False, webhooks: bool = False, **kwargs: Any
    ) -> Any:
        """``operation(*args, **kwargs)`` as one transaction of the shared mock (nested calls join the outer)."""
        with self.lock.local:
            if webhooks:
                self._hub_touched = True
            if self._depth:
                self._depth += 1
                try:
                    return operation(*args, **kwargs)
                finally:
                    self._depth -= 1
            if operation.__name__ in READS and SYNCED.get(None) is self and not self.stale:
                result = self._run_optimistically(operation, args, kwargs)
                if result is not _CONFLICT:
                    return result
            try:
                self.outage.check()
                token, (head, epoch) = self.lock.acquire(self.keys["seq"], self.keys["epoch"])
            except (redis.RedisError, LockTimeout) as exc:
                self.outage.saw(exc)
                raise unavailable(exc, self.url) from None
            try:
                if epoch is None:
                    self._seed_afresh(token)
                    head, epoch = b"0", self.epoch
                self._catch_up(int(head or 0), _text(epoch))
            except redis.RedisError as exc:
                self.outage.saw(exc)
                self._release_quietly(token)
                raise unavailable(exc, self.url) from None
            except BaseException:
                self._release_quietly(token)
                raise
            self._depth = 1
            self._records = []
            try:
                return operation(*args, **kwargs)
            finally:
                self._depth = 0
                if control:
                    self._note_control()
                if self.hub is not None:
                    self._note_webhooks()
                records, self._records = self._records, []
                self._finish(token, records)

    def _run_optimistically(self, operation: Callable[..., Any], args: Any, kwargs: Any) -> Any:
        """A read, in a request whose start caught this replica up (``SYNCED``): no lock, no round trip.

        It is linearizable: it answers from the state as of a moment inside the request. A read may still
        write (a due synthesis finishes, an expired ref URL is re-signed): that is published under the lock
        if no other process published since this replica caught up; otherwise the replica reloads and the
        caller runs the operation again, under the lock (``_CONFLICT``).
        """
        seq = self.seq
        self._depth, self._records = 1, []
        error: BaseException | None = None
        result: Any = None
        try:
            result = operation(*args, **kwargs)
        except Exception as exc:  # re-raised below, once its records (if any) are published
            error = exc
        finally:
            self._depth = 0
            if self.hub is not None:
                self._note_webhooks()
            records, self._records = self._records, []
        if records:
            try:
                token, (head, epoch) = self.lock.acquire(self.keys["seq"], self.keys["epoch"])
            except (redis.RedisError, LockTimeout) as exc:
                self.outage.saw(exc)
                self.stale = True
                raise unavailable(exc, self.url) from None
            if int(head or 0) != seq or _text(epoch) != self.epoch:
                self._release_quietly(token)
                self.stale = True
                return _CONFLICT
            self._finish(token, records)
        if error is not None:
            raise error
        return result

    def refresh(self) -> bool:
        """Cheap catch-up at the start of a request (one round trip when nothing changed), without the lock:
        the gateway reads the clock, rate-limit switch and faults before any transaction. True when this
        replica is now at the head of the log; errors are left to the transaction that needs Redis (503)."""
        try:
            self.outage.check()
            values: Any = self.client.mget(self.keys["seq"], self.keys["epoch"])
            head, epoch = values
            epoch = _text(epoch)
            if epoch is None or epoch != self.epoch or self.stale:
                self.run(lambda: None)  # a reload or a fresh seed: under the lock
                return not self.stale
            with self.lock.local:
                if self._depth:
                    return False
                if int(head or 0) > self.seq:
                    self._catch_up(int(head), epoch)
                return not self.stale
        except (redis.RedisError, ServiceUnavailable) as exc:
            if isinstance(exc, redis.RedisError):
                self.outage.saw(exc)
            logger.debug("replica refresh skipped: %s", exc)
            return False

    def _note(self, kind: str, value: Any) -> None:
        """The store's journal hook: every change becomes a record of the running transaction."""
        if self._depth:
            self._records.append(statecodec.encode_record(kind, value))
        else:  # a change outside any transaction cannot be published in order: reload rather than diverge
            logger.error("a %s change outside a shared-store transaction; reloading this replica", kind)
            self.stale = True

    def _note_control(self) -> None:
        state = self.control_state(with_fixtures=False)
        fixtures = self.control.fixtures
        if fixtures is not self._fixtures_seen:
            state["fixtures"] = None if fixtures is None else fixtures.data
            self._fixtures_seen = fixtures
        elif state == self._control_seen:
            return
        self._control_seen = {k: v for k, v in state.items() if k != "fixtures"}
        self._records.append({"t": "control", "state": state})

    def _note_webhooks(self) -> None:
        touched, self._hub_touched = self._hub_touched, False
        mark = self.hub.change_mark()
        if not touched and mark == self._hub_mark:
            return
        self._hub_mark = mark
        state = self.hub.snapshot()
        text = json.dumps(state, sort_keys=True)
        if text != self._hub_seen:
            self._hub_seen = text
            self._records.append({"t": "webhooks", "state": state})

    def _apply_webhooks(self, state: Any) -> None:
        if self.hub is None or state is None:
            return
        self.hub.restore(state)
        for row in (*state["endpoints"], *state["deliveries"]):
            ids.observe(row["id"])
            if "event_id" in row:
                ids.observe(row["event_id"])
        self._hub_mark = self.hub.change_mark()
        self._hub_seen = json.dumps(state, sort_keys=True)

    def _finish(self, token: str, records: list[dict[str, Any]]) -> None:
        """Publish the transaction's records (with a snapshot every ``SNAPSHOT_EVERY``) and release the lock."""
        try:
            if not records:
                self.lock.release(token)
                return
            new_seq = self.seq + 1
            snapshot, trim = "", "0"
            if new_seq % SNAPSHOT_EVERY == 0:
                snapshot = json.dumps(self._snapshot(new_seq), separators=(",", ":"))
                trim = f"{max(0, new_seq - LOG_KEEP)}-0"
            answer = self._publish(
                keys=[self.keys[name] for name in ("lock", "seq", "epoch", "log", "snapshot")],
                args=[token, self.epoch or "", new_seq, json.dumps(records, separators=(",", ":")), snapshot, trim],
            )
        except redis.RedisError as exc:
            self.outage.saw(exc)
            if records:
                self.stale = True
            raise unavailable(exc, self.url) from None
        if answer != new_seq:
            self.stale = True
            why = {-1: "this process's lock lease lapsed", -2: "Redis was emptied meanwhile"}.get(answer, "log moved")
            raise unavailable(RuntimeError(why), self.url)
        self.seq = new_seq

    def _release_quietly(self, token: str) -> None:
        try:
            self.lock.release(token)
        except redis.RedisError:
            pass  # the lease lapses by itself

    # -- catching up ---------------------------------------------------------------------------------

    def _catch_up(self, head: int, epoch: str | None) -> None:
        if self.stale or epoch != self.epoch:
            self._reload()
            return
        if head > self.seq and not self._apply_log():
            self._reload()

    def _apply_log(self) -> bool:
        """Apply the log after ``self.seq``; False when it no longer reaches back that far (trimmed)."""
        entries: Any = self.client.xrange(self.keys["log"], min=f"{self.seq + 1}-0", max="+")
        if entries and _seq_of(entries[0][0]) != self.seq + 1:
            return False
        for entry_id, fields in entries:
            self._apply(json.loads(fields[b"r"]))
            self.seq = _seq_of(entry_id)
        return True

    def _reload(self) -> None:
        raw = self.client.get(self.keys["snapshot"])
        epoch = _text(self.client.get(self.keys["epoch"]))
        if raw is None or epoch is None:
            raise redis.RedisError("the shared state has no snapshot")
        data = json.loads(raw)
        with self._quiet():
            statecodec.restore(self.store, data["store"])
            self._apply_control(data["control"])
            self._apply_webhooks(data.get("webhooks"))
        for row in (*self.store.all_characters(), *self.store.all_uploads(), *self.store.all_images()):
            ids.observe(row.id)
        self.seq, self.epoch, self.stale = int(data["seq"]), data["epoch"], False
        if not self._apply_log():
            raise redis.RedisError("the shared log does not reach back to its snapshot")

    def _apply(self, records: list[dict[str, Any]]) -> None:
        with self._quiet():
            for record in records:
                if record["t"] == "control":
                    self._apply_control(record["state"])
                elif record["t"] == "webhooks":
                    self._apply_webhooks(record["state"])
                else:
                    statecodec.apply_record(self.store, record)
                    if "row" in record:  # the next id minted here sorts after it (list order is id order)
                        ids.observe(record["row"]["id"])

    def _quiet(self) -> _Quiet:
        return _Quiet(self.store)

    # -- seeding -------------------------------------------------------------------------------------

    def _seed_afresh(self, token: str) -> None:
        """No epoch in Redis: this process seeds the shared state, as a first start would (under the lock)."""
        control = self.control
        self._depth += 1  # the facades' calls in here join this (not yet published) transaction
        try:
            with self._quiet():
                control.fixtures = control.start_fixtures
                control.reset()
        finally:
            self._depth -= 1
            self._records, self._hub_touched = [], False  # all in the snapshot below
        self._fixtures_seen = control.fixtures
        epoch = secrets.token_hex(8)
        snapshot = self._snapshot(0, epoch)
        pipe = self.client.pipeline(transaction=True)
        pipe.delete(self.keys["log"])
        pipe.set(self.keys["snapshot"], json.dumps(snapshot, separators=(",", ":")))
        pipe.set(self.keys["seq"], 0)
        pipe.set(self.keys["epoch"], epoch)
        pipe.execute()
        if self.epoch is not None:
            logger.warning("Redis at %s had no mock state (restarted empty or flushed): seeded it afresh", self.url)
        self.seq, self.epoch, self.stale = 0, epoch, False

    def _snapshot(self, seq: int, epoch: str | None = None) -> dict[str, Any]:
        return {
            "seq": seq,
            "epoch": epoch or self.epoch,
            "store": statecodec.snapshot(self.store),
            "control": self.control_state(with_fixtures=True),
            "webhooks": None if self.hub is None else self.hub.snapshot(),
        }

    # -- control state -------------------------------------------------------------------------------

    def control_state(self, *, with_fixtures: bool) -> dict[str, Any]:
        control, clock = self.control, self.clock
        settings = self.service.settings
        state: dict[str, Any] = {
            "faults": control.faults.settings.to_json(),
            "runtime": {key: getattr(settings, key) for key in _RUNTIME_KEYS},
            "rate_limits": control.limiter.enabled,
        }
        if isinstance(clock, ManualClock):
            state["now"] = clock.now().isoformat()
        elif isinstance(clock, SystemClock):
            state["offset_seconds"] = clock.offset.total_seconds()
        if with_fixtures:
            state["fixtures"] = None if control.fixtures is None else control.fixtures.data
        return state

    def _apply_control(self, state: Mapping[str, Any]) -> None:
        control, clock = self.control, self.clock
        if "now" in state and isinstance(clock, ManualClock):
            clock.adopt(datetime.fromisoformat(state["now"]))
        if "offset_seconds" in state and isinstance(clock, SystemClock):
            clock.offset = timedelta(seconds=state["offset_seconds"])
        if state["faults"] != control.faults.settings.to_json():
            control.faults.set(FaultSettings.from_json(state["faults"]))
        self.service.settings = replace(self.service.settings, **state["runtime"])
        control.limiter.enabled = state["rate_limits"]
        if "fixtures" in state:
            data = state["fixtures"]
            control.fixtures = (
                None if data is None else Fixtures(data, control.service.teams(), contract=control.fixture_contract)
            )
            self._fixtures_seen = control.fixtures
        self._control_seen = self.control_state(with_fixtures=False)


class _Quiet:
    """While replicated records are applied: no webhook events (``on_change``) and no journal."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def __enter__(self) -> None:
        self.saved = self.store.on_change, self.store.journal
        self.store.on_change = self.store.journal = None

    def __exit__(self, *_exc: object) -> None:
        self.store.on_change, self.store.journal = self.saved


class Replicated:
    """A stand-in for the service or the control facade: each public method runs as one transaction.

    Attributes that are not methods (``store``, ``clock``, ``settings``) pass through, as do assignments.
    """

    def __init__(
        self,
        target: Any,
        replica: Replica,
        *,
        control: bool = False,
        webhooks: bool = False,
        local: tuple[str, ...] = (),
    ) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_replica", replica)
        object.__setattr__(self, "_control", control)
        object.__setattr__(self, "_webhooks", webhooks)
        object.__setattr__(self, "_local", local)  # reads answered by this replica as it stands (no lock)
        object.__setattr__(self, "_methods", {})

    def __getattr__(self, name: str) -> Any:
        methods = self._methods
        if name in methods:
            return methods[name]
        value = getattr(self._target, name)
        if name.startswith("_") or not callable(value) or isinstance(value, type) or name in self._local:
            return value
        run, control, webhooks = self._replica.run, self._control, self._webhooks

        def transaction(*args: Any, **kwargs: Any) -> Any:
            return run(value, *args, control=control, webhooks=webhooks, **kwargs)

        transaction.__name__ = name
        methods[name] = transaction
        return transaction

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._target, name, value)


def _text(value: Any) -> str | None:
    return value.decode() if isinstance(value, bytes) else value


def _seq_of(entry_id: bytes | str) -> int:
    text = entry_id.decode() if isinstance(entry_id, bytes) else entry_id
    return int(text.partition("-")[0])
