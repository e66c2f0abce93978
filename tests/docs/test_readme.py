"""The README works as written: its quick start keeps the two commands, its save-flow commands run as they
are against a mock started as it says (manual clock, no sleep racing the synthesis), and its links resolve."""

from __future__ import annotations

import re
import subprocess

from tests.mockserver.wiring.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def block_after(marker: str) -> str:
    rest = README.split(marker, 1)[1]
    return re.search(r"```sh\n(.*?)```", rest, flags=re.S).group(1)


def test_the_quick_start_is_make_serve_then_make_test():
    commands = [line.split("#")[0].strip() for line in block_after("## Quick start").splitlines()]

    assert ["make serve", "make test"] == commands


def test_the_save_flow_runs_as_written_on_a_manual_clock(servers):
    server = servers("--clock", "manual").wait_ready()
    script = block_after("Try the save flow.")
    assert "sleep" not in script

    result = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script.replace("localhost:8000", f"127.0.0.1:{server.port}")],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    statuses = re.findall(r'"status":\s*"(\w+)"', result.stdout)
    assert ["reviewing", "ready"] == statuses


def test_every_relative_link_of_the_readme_and_docs_resolves():
    """tests/README.md included: its map of packages to tests must point at paths that exist."""
    broken = []
    for page in [ROOT / "README.md", ROOT / "tests" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if not (page.parent / target).exists():
                broken.append(f"{page.relative_to(ROOT)}: {target}")

    assert broken == []
