"""Markdown report: summary per layer, lifecycle, failures with request/response, rule and curl, skips."""

from __future__ import annotations

from pathlib import Path

from conformance.report.text import spend_summary
from conformance.results import Layer, RunResult, Status

__all__ = ["render_markdown", "write_markdown"]

ICONS = {Status.PASSED: "✅", Status.FAILED: "❌", Status.SKIPPED: "⏭️", Status.ERROR: "⚠️"}


def render_markdown(result: RunResult) -> str:
    if result.incomplete:
        verdict = f"is **not judged**: the run is incomplete ({result.incomplete})"
    elif result.conforms:
        verdict = "conforms"
    elif result.failed:
        verdict = f"does **not** conform ({len(result.failed)} failing checks)"
    else:
        verdict = f"does **not** conform under --strict ({len(result.strict_failures)} required checks skipped)"
    out = [
        "# Aurous Characters API conformance report",
        "",
        f"- Target: `{result.target}`",
        f"- Seed: `{result.seed}`",
        f"- Duration: {result.duration:.1f} s",
        f"- Verdict: the target {verdict}",
        f"- {spend_summary(result)}",
        "",
        "## Summary",
        "",
        "| layer | checks | passed | failed | skipped | error |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for layer in Layer:
        c = result.counts(layer)
        out.append(
            f"| {layer.value} | {sum(c.values())} | {c[Status.PASSED]} | {c[Status.FAILED]} | "
            f"{c[Status.SKIPPED]} | {c[Status.ERROR]} |"
        )
    out += ["", "## Lifecycle", "", f"**{result.lifecycle.variant}** — {result.lifecycle.evidence}", ""]
    out += [f"Characters obtained by: {result.lifecycle.acquisition}", "", "| state | reached |", "|---|---|"]
    out += [f"| `{state}` | {how} |" for state, how in result.lifecycle.states.items()]
    if result.notes:
        out += ["", "## Notes", ""] + [f"- {note}" for note in result.notes]
    failed = result.failed
    if failed:
        out += ["", "## Failures"]
        for outcome in failed:
            out += ["", f"### {outcome.layer.value} / `{outcome.name}`", ""]
            if outcome.status == Status.ERROR:
                out += ["Kit or transport error:", "", "```", outcome.reason.strip(), "```"]
                continue
            for finding in outcome.findings:
                out += [f"**{finding.title}** — {finding.message}", "", f"> {finding.rule}", ""]
                if finding.evidence:
                    out += ["```http", finding.evidence, "```", ""]
                if finding.reproduce:
                    out += ["Reproduce:", "", "```sh", finding.reproduce, "```", ""]
    for layer in Layer:
        outcomes = result.by_layer(layer)
        if not outcomes:
            continue
        out += [
            "",
            f"## {layer.value.capitalize()} layer checks",
            "",
            "| | check | family | rule / reason |",
            "|---|---|---|---|",
        ]
        for o in outcomes:
            text = o.reason if o.status in (Status.SKIPPED, Status.ERROR) else o.rule
            text = text.replace("|", "\\|").replace("\n", " ")
            out.append(f"| {ICONS[o.status]} | `{o.name}` | {o.family} | {text[:300]} |")
    if result.timings:
        out += ["", "## Where the time went", ""] + [f"- {k}: {v:.1f} s" for k, v in result.timings.items()]
    return "\n".join(out) + "\n"


def write_markdown(result: RunResult, path: str | Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(render_markdown(result), encoding="utf-8")
