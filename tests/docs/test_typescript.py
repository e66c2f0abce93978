"""The TypeScript types shipped for frontends (clients/typescript/aurous-api.d.ts) are generated from the contract
by the pinned openapi-typescript and in sync with it; the typed example (openapi-fetch: create -> save -> get)
compiles with `tsc --strict`, and, compiled, drives a character to `ready` on a live mock."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.serving import ROOT
from tests.serving import MockProcess as Server

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None and shutil.which("npm") is None, reason="Node is not installed (lint needs it too)"
)


@pytest.fixture(scope="module")
def compiled() -> str:
    result = subprocess.run(
        ["bash", "scripts/check_ts_types.sh"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_the_types_are_in_sync_and_the_example_compiles_strict(compiled):
    assert "tsc --strict" in compiled
    assert (ROOT / "build" / "ts-example" / "example.mjs").is_file()


def test_a_stale_types_file_is_reported(tmp_path):
    stale = tmp_path / "aurous-api.d.ts"
    original = (ROOT / "clients" / "typescript" / "aurous-api.d.ts").read_text(encoding="utf-8")
    stale.write_text(original.replace('"reviewing"', '"in_review"'), encoding="utf-8")

    result = subprocess.run(
        ["node", "scripts/gen_ts_types.mjs", "--check", f"--target={stale}"], cwd=ROOT, capture_output=True, text=True
    )

    assert result.returncode == 1
    assert "out of date" in result.stderr


def test_the_compiled_example_creates_saves_and_gets_a_ready_character(compiled):
    server = Server("--synthesis-seconds", "1").wait_ready()
    try:
        key = json.loads(subprocess.run(
            ["curl", "-s", f"{server.base}/_mock/teams"], capture_output=True, text=True, check=True
        ).stdout)[0]["api_keys"][0]  # fmt: skip
        module = (ROOT / "build" / "ts-example" / "example.mjs").as_uri()
        script = (
            f"import {{ createSaveAndGet }} from {json.dumps(module)};\n"
            f"console.log(JSON.stringify(await createSaveAndGet({json.dumps(server.base)}, {json.dumps(key)}, 200)));"
        )

        result = subprocess.run(
            ["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60
        )
    finally:
        server.close()

    assert result.returncode == 0, result.stderr
    character = json.loads(result.stdout)
    assert ("ready", "Aurora") == (character["status"], character["name"])
