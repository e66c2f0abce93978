"""The result stream: what the runner emits and every writer (console, JUnit, Markdown) consumes.

Plain data, no I/O. A check ends ``passed``, ``failed``, ``skipped`` (precondition not met: never a pass)
or ``error`` (the kit itself or the transport broke).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from conformance.client import Exchange, curl_steps

__all__ = [
    "CheckOutcome",
    "Finding",
    "Layer",
    "LifecycleReport",
    "RunResult",
    "Status",
]


class Layer(StrEnum):
    SCHEMA = "schema"
    BEHAVIOUR = "behaviour"
    LIFECYCLE = "lifecycle"


class Status(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"
    ERROR = "error"


@dataclass
class Finding:
    """One contract break with its evidence."""

    title: str
    message: str
    rule: str
    exchange: Exchange | None = None
    # For schema-layer failures Schemathesis gives the request/response and curl itself.
    curl: str | None = None
    request_text: str | None = None
    response_text: str | None = None
    # Every request the check made up to the break, in order (a multi-step check's reproduction).
    steps: list[Exchange] = field(default_factory=list)

    @property
    def reproduce(self) -> str | None:
        if self.curl:
            return self.curl
        if self.steps:
            return curl_steps(self.steps)
        return self.exchange.curl if self.exchange is not None else None

    @property
    def evidence(self) -> str | None:
        if self.exchange is not None:
            return self.exchange.describe()
        if self.request_text or self.response_text:
            return "\n\n".join(t for t in (self.request_text, self.response_text) if t)
        return None


@dataclass
class CheckOutcome:
    layer: Layer
    name: str
    family: str
    status: Status
    rule: str = ""
    reason: str = ""
    findings: list[Finding] = field(default_factory=list)
    duration: float = 0.0
    requests: int = 0


@dataclass
class LifecycleReport:
    """Which lifecycle the target follows and which states the kit could reach, with how or why not."""

    variant: str = "unknown"  # "review-step", "auto-ready", "unknown"
    evidence: str = ""
    states: dict[str, str] = field(default_factory=dict)  # state -> "reached via …" / "not reached: …"
    acquisition: str = ""  # how characters were obtained (mock control API, fixtures, spend, free only)


@dataclass
class RunResult:
    target: str
    seed: int | None
    outcomes: list[CheckOutcome] = field(default_factory=list)
    lifecycle: LifecycleReport = field(default_factory=LifecycleReport)
    notes: list[str] = field(default_factory=list)
    duration: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)
    # Why the run ended early (time budget, SIGINT/SIGTERM, target gone); None when it ran to the end.
    incomplete: str | None = None
    # Credits: allowed, cap, planned_max, balance_before/after, spent, committed, paid_calls, refused_paid_calls.
    spend: dict[str, Any] = field(default_factory=dict)
    # --strict: required checks that were skipped ("layer/name: reason"); any makes the run fail.
    strict_failures: list[str] = field(default_factory=list)

    def by_layer(self, layer: Layer) -> list[CheckOutcome]:
        return [o for o in self.outcomes if o.layer == layer]

    def counts(self, layer: Layer | None = None) -> dict[Status, int]:
        outcomes = self.outcomes if layer is None else self.by_layer(layer)
        return {status: sum(1 for o in outcomes if o.status == status) for status in Status}

    @property
    def failed(self) -> list[CheckOutcome]:
        return [o for o in self.outcomes if o.status in (Status.FAILED, Status.ERROR)]

    @property
    def conforms(self) -> bool:
        return not self.failed and not self.strict_failures and self.incomplete is None

    @property
    def verdict(self) -> str:
        if self.incomplete is not None:
            return f"INCOMPLETE: {self.incomplete}"
        if self.failed:
            return f"DOES NOT CONFORM: {len(self.failed)} check(s) failed"
        if self.strict_failures:
            return f"DOES NOT CONFORM (--strict): {len(self.strict_failures)} required check(s) skipped"
        return "CONFORMS"
