"""The Characters API contract, shipped as package data.

The one true file is ``openapi.yaml`` at the repository root; ``aurous_contract/openapi.yaml`` is a
symlink to it so that both the mock server and the conformance kit find the same contract whether they
run from a checkout or from an installed wheel (setuptools copies a symlink's target into the wheel).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["SPEC_PATH", "load_spec"]

SPEC_PATH = Path(__file__).resolve().parent / "openapi.yaml"


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or tempfile.gettempdir()
    return Path(base) / "aurous-characters-kit"


@cache
def _load(path: str) -> dict[str, Any]:
    """Parse a YAML spec, through a JSON copy keyed by the file's content.

    Parsing the 3,500-line contract takes ~90 ms even with libyaml, a tenth of the mock's start-up
    budget; reading the same data as JSON takes ~2 ms. The copy is keyed by a hash of the YAML bytes
    (an edited spec gets a new copy), written atomically, used only when JSON holds exactly what YAML
    gave, and any trouble with it falls back to parsing the YAML.
    """
    raw = Path(path).read_bytes()
    cached = _cache_dir() / f"{hashlib.sha256(raw).hexdigest()}.json"
    try:
        return json.loads(cached.read_bytes())
    except (OSError, ValueError):
        pass
    data = _parse_yaml(raw)
    _store_json_copy(cached, data)
    return data


def _parse_yaml(raw: bytes) -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's C loader when present
    return yaml.load(raw, Loader=loader)


def _store_json_copy(target: Path, data: dict[str, Any]) -> None:
    try:
        text = json.dumps(data)
        if json.loads(text) != data:  # e.g. integer keys or dates: JSON would change them
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=target.parent, delete=False, suffix=".tmp") as handle:
            handle.write(text)
        os.replace(handle.name, target)
    except (OSError, TypeError, ValueError):
        return  # a cache only: parsing the YAML next time is always correct


def load_spec(path: Path | str | None = None) -> dict[str, Any]:
    """The parsed contract (cached; callers must not mutate it)."""
    return _load(str(path or SPEC_PATH))
