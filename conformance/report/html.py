"""Self-contained HTML report: per-layer summary, then each failure with its rule quoted, evidence and the
curl that reproduces it. Inline CSS only — nothing is fetched when it is viewed."""

from __future__ import annotations

from html import escape
from pathlib import Path

from conformance.report.text import spend_summary, xml_safe
from conformance.results import Layer, RunResult, Status

__all__ = ["render_html", "write_html"]

STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}
pre{background:#f6f6f6;padding:.6em;overflow-x:auto;white-space:pre-wrap}
blockquote{border-left:4px solid #999;margin:.5em 0;padding:.2em .8em;color:#444}
.passed{color:#176b2c}.failed,.error{color:#a0161b}.skipped{color:#7a5b00}
"""


def _e(text: object) -> str:
    return escape(xml_safe(str(text)))


def render_html(result: RunResult) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><title>Aurous conformance report</title>',
        f"<style>{STYLE}</style></head><body>",
        "<h1>Aurous Characters API conformance report</h1>",
        "<ul>",
        f"<li>Target: <code>{_e(result.target)}</code></li>",
        f"<li>Seed: <code>{_e(result.seed)}</code>; duration {result.duration:.1f} s</li>",
        f"<li>Verdict: <strong>{_e(result.verdict)}</strong></li>",
        f"<li>{_e(spend_summary(result))}</li>",
        "</ul>",
        "<h2>Summary</h2><table><tr><th>layer</th><th>checks</th><th>passed</th><th>failed</th><th>skipped</th><th>error</th></tr>",
    ]
    for layer in Layer:
        c = result.counts(layer)
        out.append(
            f"<tr><td>{layer.value}</td><td>{sum(c.values())}</td><td>{c[Status.PASSED]}</td><td>{c[Status.FAILED]}</td>"
            f"<td>{c[Status.SKIPPED]}</td><td>{c[Status.ERROR]}</td></tr>"
        )
    out.append("</table>")
    if result.notes:
        out += ["<h2>Notes</h2><ul>"] + [f"<li>{_e(note)}</li>" for note in result.notes] + ["</ul>"]
    if result.strict_failures:
        out += ["<h2>--strict: required checks skipped</h2><ul>"]
        out += [f"<li>{_e(line)}</li>" for line in result.strict_failures] + ["</ul>"]
    if result.failed:
        out.append("<h2>Failures</h2>")
        for outcome in result.failed:
            out.append(
                f'<h3 class="{outcome.status.value}">{_e(outcome.layer.value)} / <code>{_e(outcome.name)}</code></h3>'
            )
            if outcome.status == Status.ERROR:
                out.append(f"<p>Kit or transport error:</p><pre>{_e(outcome.reason.strip())}</pre>")
                continue
            for finding in outcome.findings:
                out.append(f"<p><strong>{_e(finding.title)}</strong> — {_e(finding.message)}</p>")
                out.append(f"<blockquote>{_e(finding.rule)}</blockquote>")
                if finding.evidence:
                    out.append(f"<p>Evidence:</p><pre>{_e(finding.evidence)}</pre>")
                if finding.reproduce:
                    out.append(f"<p>Reproduce:</p><pre>{_e(finding.reproduce)}</pre>")
    for layer in Layer:
        outcomes = result.by_layer(layer)
        if not outcomes:
            continue
        out.append(
            f"<h2>{layer.value.capitalize()} layer checks</h2><table><tr><th></th><th>check</th><th>family</th><th>rule / reason</th><th>s</th></tr>"
        )
        for o in outcomes:
            text = o.reason if o.status in (Status.SKIPPED, Status.ERROR) else o.rule
            out.append(
                f'<tr><td class="{o.status.value}">{o.status.value}</td><td><code>{_e(o.name)}</code></td>'
                f"<td>{_e(o.family)}</td><td>{_e(text[:400])}</td><td>{o.duration:.2f}</td></tr>"
            )
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_html(result: RunResult, path: str | Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(render_html(result), encoding="utf-8")
