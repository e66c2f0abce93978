"""The contract's docs carry an API-version changelog: every known version has a column, and the rows a reader
pinning a version asks about (client_reference_id, the lifecycle variant, webhook events) are answered."""

from __future__ import annotations

import re

import yaml

from tests.mockserver.wiring.conftest import ROOT

SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))


def changelog_table() -> list[list[str]]:
    description = SPEC["info"]["description"]
    section = description.split("### API versions: what pinning changes", 1)[1].split("\n#", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows if not set(row) <= set("|-")]


def test_every_known_version_has_a_column_in_the_changelog():
    header = changelog_table()[0]

    named = [re.search(r"`(\d{4}-\d{2}-\d{2})`", cell).group(1) for cell in header[1:]]
    assert SPEC["x-aurous-versions"]["known"] == named


def test_the_changelog_answers_what_pinning_changes_for_each_topic():
    topics = " ".join(row[0] for row in changelog_table()[1:])

    for topic in ("Aurous-Version", "aurous_version", "client_reference_id", "lifecycle", "webhook"):
        assert topic in topics
