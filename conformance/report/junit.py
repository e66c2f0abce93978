"""JUnit XML for CI: one testsuite per layer, one testcase per check with its duration; skipped checks carry
their reason; the run's verdict, credits and completeness are suite properties. Every text goes through
:func:`~conformance.report.text.xml_safe`: fuzzed bodies carry NUL bytes, which XML 1.0 cannot hold."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from conformance.report.text import spend_summary, xml_safe
from conformance.results import Layer, RunResult, Status

__all__ = ["render_junit", "write_junit"]


def render_junit(result: RunResult) -> str:
    root = ET.Element("testsuites", name="aurous-conformance", time=f"{result.duration:.3f}")
    properties = {
        "target": result.target,
        "seed": str(result.seed),
        "verdict": result.verdict,
        "complete": "false" if result.incomplete else "true",
        "credits.summary": spend_summary(result),
        **{f"credits.{k}": str(v) for k, v in result.spend.items()},
    }
    if result.incomplete:
        properties["incomplete"] = result.incomplete
    for i, line in enumerate(result.strict_failures):
        properties[f"strict.skipped.{i}"] = line
    for layer in Layer:
        outcomes = result.by_layer(layer)
        counts = result.counts(layer)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=f"{layer.value} layer",
            tests=str(len(outcomes)),
            failures=str(counts[Status.FAILED]),
            errors=str(counts[Status.ERROR]),
            skipped=str(counts[Status.SKIPPED]),
            time=f"{result.timings.get(layer.value, 0.0):.3f}",
        )
        props = ET.SubElement(suite, "properties")
        for name, value in properties.items():
            ET.SubElement(props, "property", name=name, value=xml_safe(value))
        for outcome in outcomes:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=f"conformance.{layer.value}.{outcome.family}",
                name=outcome.name,
                time=f"{outcome.duration:.3f}",
            )
            if outcome.status == Status.SKIPPED:
                ET.SubElement(case, "skipped", message=xml_safe(outcome.reason))
            elif outcome.status == Status.ERROR:
                ET.SubElement(case, "error", message="kit or transport error").text = xml_safe(outcome.reason)
            elif outcome.status == Status.FAILED:
                for finding in outcome.findings:
                    text = [finding.message, "", f"Rule: {finding.rule}"]
                    if finding.evidence:
                        text += ["", finding.evidence]
                    if finding.reproduce:
                        text += ["", "Reproduce:", finding.reproduce]
                    ET.SubElement(case, "failure", message=xml_safe(finding.title), type=outcome.name).text = xml_safe(
                        "\n".join(text)
                    )
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True)


def write_junit(result: RunResult, path: str | Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(render_junit(result) + "\n", encoding="utf-8")
