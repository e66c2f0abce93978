"""The public and internal representations of the rows."""

from __future__ import annotations

import ast
import sys
from datetime import UTC, datetime
from pathlib import Path

from mockserver.domain.model import Image, Status, format_time
from tests.strategies import T0, make_character

PUBLIC_FIELDS = [
    "id",
    "object",
    "name",
    "status",
    "refs",
    "created_at",
    "updated_at",
    "client_reference_id",
    "attributes",
    "error_message",
    "aurous_version",
]


def test_to_public_has_exactly_the_contracts_character_fields():
    assert PUBLIC_FIELDS == list(make_character(Status.READY).to_public())


def test_to_public_is_plain_json_types():
    public = make_character(Status.READY).to_public()

    assert (str, dict, dict, "ready") == (
        type(public["status"]),
        type(public["attributes"]),
        type(public["refs"][0]),
        public["status"],
    )


def test_times_are_rfc3339_utc_with_z_and_whole_seconds():
    assert "2026-05-08T10:00:00Z" == format_time(datetime(2026, 5, 8, 10, 0, 0, 999_999, tzinfo=UTC))


def test_to_internal_adds_the_control_api_fields():
    internal = make_character(Status.DELETED).to_internal()

    assert (True, "2026-05-08T10:00:00Z", "team_a", False) == (
        internal["deleted"],
        internal["deleted_at"],
        internal["team_id"],
        internal["saved"],
    )


def test_an_image_is_queued():
    image = Image(id="img_1", team_id="team_a", prompt="p", created_at=T0, credits_charged=1, character_id=None)

    assert {
        "id": "img_1",
        "object": "image",
        "status": "queued",
        "prompt": "p",
        "character_id": None,
        "credits_charged": 1,
        "created_at": "2026-05-08T10:00:00Z",
    } == image.to_public()


def test_the_domain_package_imports_only_the_standard_library_and_its_plain_siblings():
    domain = Path(__file__).parents[3] / "mockserver" / "domain"
    sources = sorted(domain.glob("*.py"))
    assert domain / "model.py" in sources  # the package itself, not an empty glob that passes on nothing
    allowed = set(sys.stdlib_module_names) - {"json"}
    foreign = set()
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                foreign |= {a.name.split(".")[0] for a in node.names} - allowed
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                foreign |= {node.module.split(".")[0]} - allowed - {"__future__"}
            elif isinstance(node, ast.ImportFrom) and node.level == 2 and node.module not in ("ids", "store"):
                foreign.add(f"..{node.module}")

    assert set() == foreign


def test_times_in_another_offset_are_rendered_in_utc():
    from datetime import timedelta, timezone

    assert "2026-05-08T10:00:00Z" == format_time(datetime(2026, 5, 8, 12, 0, tzinfo=timezone(timedelta(hours=2))))
