"""The contract loader: its JSON copy is a cache only, never a second source of truth."""

from __future__ import annotations

import yaml

import aurous_contract
from aurous_contract import SPEC_PATH


def _fresh_load(path, monkeypatch, cache_dir):
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_dir))
    aurous_contract._load.cache_clear()
    try:
        return aurous_contract.load_spec(path)
    finally:
        aurous_contract._load.cache_clear()


def test_the_loaded_contract_equals_a_plain_yaml_parse_with_and_without_the_json_copy(monkeypatch, tmp_path):
    expected = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))

    first = _fresh_load(SPEC_PATH, monkeypatch, tmp_path)  # parses YAML, writes the copy
    second = _fresh_load(SPEC_PATH, monkeypatch, tmp_path)  # reads the copy

    assert (expected, expected) == (first, second)
    assert len(list((tmp_path / "aurous-characters-kit").glob("*.json"))) == 1


def test_an_edited_spec_is_parsed_again_not_served_from_the_old_copy(monkeypatch, tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text("openapi: 3.0.3\ninfo: {title: one, version: '1'}\npaths: {}\n")
    _fresh_load(spec, monkeypatch, tmp_path / "cache")
    spec.write_text("openapi: 3.0.3\ninfo: {title: two, version: '1'}\npaths: {}\n")

    loaded = _fresh_load(spec, monkeypatch, tmp_path / "cache")

    assert "two" == loaded["info"]["title"]


def test_a_corrupt_copy_falls_back_to_the_yaml(monkeypatch, tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text("openapi: 3.0.3\ninfo: {title: real, version: '1'}\npaths: {}\n")
    _fresh_load(spec, monkeypatch, tmp_path / "cache")
    for copy in (tmp_path / "cache" / "aurous-characters-kit").glob("*.json"):
        copy.write_text("{not json")

    loaded = _fresh_load(spec, monkeypatch, tmp_path / "cache")

    assert "real" == loaded["info"]["title"]


def test_yaml_that_json_cannot_hold_exactly_is_never_copied(monkeypatch, tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\nx-when: 2026-05-15\n")

    loaded = _fresh_load(spec, monkeypatch, tmp_path / "cache")

    assert "2026-05-15" == loaded["x-when"].isoformat()
    assert [] == list((tmp_path / "cache" / "aurous-characters-kit").glob("*.json"))
