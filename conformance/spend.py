"""Credits: which request costs what (the spec's ``x-aurous-credit-cost``) and the run's one spend ledger.

Every paid request of every layer goes through :meth:`SpendLedger.charge` before it is sent: the kit's own
client (behaviour, lifecycle, fixtures) and the schema layer's ``before_call`` hook alike. Without consent,
or once the cap would be passed, the request is not sent (the kit's checks skip with the reason; the schema
layer neutralises the case so the server cannot charge it).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any

from conformance.failures import Skip

__all__ = ["CostTable", "SpendLedger", "SpendRefused"]

ROUTE_PARAM = re.compile(r"\{[^}]+\}")


class SpendRefused(Skip):
    """A paid request the ledger did not allow; the message says why (no consent, or the cap). A check that
    meets it is skipped with that reason, never passed."""


class CostTable:
    """(METHOD, path template) -> credits, read from the spec; ``POST /v1/characters`` costs by flow."""

    def __init__(self, costs: dict[tuple[str, str], Any]) -> None:
        self.costs = costs
        self._routes = [
            (method, route, re.compile("^" + ROUTE_PARAM.sub("[^/]+", route) + "$"), cost)
            for (method, route), cost in costs.items()
        ]

    def route_of(self, method: str, path: str) -> tuple[str, Any] | None:
        bare = path.split("?", 1)[0]
        # Literal routes first: /v1/characters/uploads/init must not match /v1/characters/{id}.
        matches = [
            (route, cost) for m, route, pattern, cost in self._routes if m == method.upper() and pattern.match(bare)
        ]
        matches.sort(key=lambda rc: rc[0].count("{"))
        return matches[0] if matches else None

    def cost(self, method: str, path: str, body: Any = None) -> int:
        found = self.route_of(method, path)
        if found is None:
            return 0
        return self.cost_of(found[1], body)

    @staticmethod
    def cost_of(cost: Any, body: Any) -> int:
        if isinstance(cost, dict):
            # The spec: "a body with `generate: true` is the synthesize flow, any other body the upload flow".
            flow = "synthesize_flow" if isinstance(body, dict) and body.get("generate") is True else "upload_flow"
            value = cost.get(flow, 0)
        else:
            value = cost
        return int(value) if isinstance(value, (int, float)) else 0

    def max_cost(self, method: str, route: str) -> int:
        cost = self.costs.get((method.upper(), route), 0)
        if isinstance(cost, dict):
            return max((int(v) for v in cost.values() if isinstance(v, (int, float))), default=0)
        return int(cost) if isinstance(cost, (int, float)) else 0

    def paid_operations(self) -> list[tuple[str, str, int]]:
        """(METHOD, route, highest cost) of every operation that can cost credits."""
        return [(m, r, self.max_cost(m, r)) for (m, r) in self.costs if self.max_cost(m, r) > 0]


@dataclass
class SpendLedger:
    """How many credits the run may spend and has committed to, across every layer.

    ``allowed`` is consent (``--allow-spend``, or the reference mock's free credits); ``cap`` bounds the whole
    run (None: no bound, only for the mock). ``committed`` counts the cost of every paid request sent.
    """

    allowed: bool = False
    cap: int | None = 0
    reason_refused: str = "costs credits: pass --allow-spend"
    committed: int = 0
    calls: list[tuple[str, int]] = field(default_factory=list)  # (what, credits) per paid request sent
    refused: list[tuple[str, int]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def remaining(self) -> int | None:
        return None if self.cap is None else max(0, self.cap - self.committed)

    def charge(self, credits: int, what: str, *, keep: int = 0) -> None:
        """Commit to a paid request, or raise :class:`SpendRefused` (nothing is sent then). ``keep`` credits of
        the cap stay for later layers (the schema layer leaves the named checks their share)."""
        if credits <= 0:
            return
        with self._lock:
            if not self.allowed:
                self.refused.append((what, credits))
                raise SpendRefused(f"{what} {self.reason_refused}")
            if self.cap is not None and self.committed + credits > self.cap - keep:
                self.refused.append((what, credits))
                raise SpendRefused(
                    f"{what} costs {credits} credits and the spend cap ({self.cap}) has {self.cap - self.committed} "
                    "left: raise --spend-cap"
                )
            self.committed += credits
            self.calls.append((what, credits))

    def try_charge(self, credits: int, what: str, *, keep: int = 0) -> bool:
        try:
            self.charge(credits, what, keep=keep)
        except SpendRefused:
            return False
        return True

    def refund(self, credits: int, what: str) -> None:
        """The server refused the request (not 2xx): "Credits are charged when the request is accepted"."""
        if credits <= 0:
            return
        with self._lock:
            if (what, credits) in self.calls:
                self.calls.remove((what, credits))
                self.committed -= credits
