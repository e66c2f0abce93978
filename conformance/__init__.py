"""Conformance kit for the Aurous Characters API: does a deployment honour the contract?

Three layers — schema (Schemathesis), behaviour (the contract's rules as named checks) and lifecycle —
against any deployment: a URL, or an ASGI app in-process. Never imports ``mockserver``.
"""

from conformance.results import CheckOutcome, Finding, Layer, LifecycleReport, RunResult, Status
from conformance.runner import RunOptions, TargetUnreachable, UsageError, run

__all__ = [
    "CheckOutcome",
    "Finding",
    "Layer",
    "LifecycleReport",
    "RunOptions",
    "RunResult",
    "Status",
    "TargetUnreachable",
    "UsageError",
    "run",
]
