"""Plain-text summary: one table per layer, then every failure with its evidence and curl line."""

from __future__ import annotations

from conformance.report.text import spend_summary
from conformance.results import Layer, RunResult, Status

__all__ = ["summary_table", "failure_details"]


def summary_table(result: RunResult) -> str:
    lines = [f"Aurous conformance: {result.target}  (seed {result.seed}, {result.duration:.1f} s)", ""]
    lines.append(f"{'layer':<10} {'checks':>6} {'passed':>6} {'failed':>6} {'skipped':>7} {'error':>5}")
    for layer in Layer:
        counts = result.counts(layer)
        total = sum(counts.values())
        lines.append(
            f"{layer.value:<10} {total:>6} {counts[Status.PASSED]:>6} {counts[Status.FAILED]:>6} "
            f"{counts[Status.SKIPPED]:>7} {counts[Status.ERROR]:>5}"
        )
    lines += ["", spend_summary(result)]
    lines += [f"Note: {note}" for note in result.notes]
    lines += ["", f"Lifecycle: {result.lifecycle.variant} — {result.lifecycle.evidence}"]
    for state, how in result.lifecycle.states.items():
        lines.append(f"  {state:<13} {how}")
    skipped = [o for o in result.outcomes if o.status == Status.SKIPPED]
    if skipped:
        lines += ["", "Skipped (precondition not met — not a pass):"]
        lines += [f"  {o.layer.value}/{o.name}: {o.reason}" for o in skipped]
    details = failure_details(result)
    if details:
        lines += ["", details]
    if result.strict_failures:
        lines += ["", "--strict: required checks skipped:"] + [f"  {line}" for line in result.strict_failures]
    lines += ["", result.verdict]
    return "\n".join(lines)


def failure_details(result: RunResult) -> str:
    blocks = []
    for outcome in result.failed:
        head = f"✗ {outcome.layer.value}/{outcome.name}"
        if outcome.status == Status.ERROR:
            blocks.append(f"{head} (error)\n  {outcome.reason.strip()}")
            continue
        for finding in outcome.findings:
            block = [head, f"  {finding.title}: {finding.message}", f"  Rule: {finding.rule}"]
            if finding.evidence:
                block += ["  " + line for line in finding.evidence.splitlines()[:40]]
            if finding.reproduce:
                block += ["  Reproduce:", "  " + finding.reproduce]
            blocks.append("\n".join(block))
    return "\n\n".join(blocks)
