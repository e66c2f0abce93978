"""The lint and docs tooling is pinned and wired as scripts/lint_spec.sh and scripts/build_docs.sh expect.

(The scripts themselves run Node tools and are run by `make lint-spec` / `make docs`, not by pytest.)
"""

from __future__ import annotations

import json
import os
import re

import yaml
from spec_support import ROOT


def test_node_tools_are_pinned_exactly_and_locked():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    dev = package["devDependencies"]

    assert dev["@redocly/cli"] == "2.77.0"
    assert re.fullmatch(r"6\.\d+\.\d+", dev["@stoplight/spectral-cli"])
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", version) for version in dev.values())
    assert lock["packages"][""]["devDependencies"] == dev
    for name, version in dev.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version


def test_spectral_extends_the_oas_ruleset():
    ruleset = yaml.safe_load((ROOT / ".spectral.yaml").read_text(encoding="utf-8"))

    assert ruleset["extends"] == ["spectral:oas"]


def test_redocly_lints_the_contract():
    config = yaml.safe_load((ROOT / "redocly.yaml").read_text(encoding="utf-8"))

    assert config["apis"]["aurous-characters"]["root"] == "openapi.yaml"


def test_scripts_are_executable_bash():
    for name in ("lint_spec.sh", "build_docs.sh"):
        script = ROOT / "scripts" / name
        assert script.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")
        assert os.access(script, os.X_OK)


def test_node_modules_and_built_docs_are_not_committed():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()

    assert {"node_modules/", "docs/site/"} <= set(ignored)
