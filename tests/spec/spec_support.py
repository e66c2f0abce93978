"""Shared helpers for the contract tests in tests/spec/ (not a test module).

Kept under a distinctive module name because tests/ has no ``__init__.py``: pytest imports test
directories by basename, so a generic ``helpers.py`` could collide with another directory's.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def load_spec() -> dict[str, Any]:
    """A fresh, mutable copy of the contract."""
    with open(SPEC_PATH, encoding="utf-8") as handle:
        return copy.deepcopy(yaml.safe_load(handle))


def iter_operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """Yield (METHOD, path, operation, path item) for every operation."""
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield method.upper(), path, item[method], item


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow local ``$ref``s (``#/...``) until a non-reference node is reached."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def operation_parameters(spec: dict[str, Any], operation: dict[str, Any], item: dict[str, Any]) -> list[dict[str, Any]]:
    """The resolved parameters of an operation, path-level ones included (operation-level ones win)."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for raw in [*item.get("parameters", []), *operation.get("parameters", [])]:
        param = resolve(spec, raw)
        merged[(param["in"], param["name"].lower())] = param
    return list(merged.values())


# Stand-ins for the security functions the mock injects at load time (x-apikeyInfoFunc/x-bearerInfoFunc
# are deliberately not in the contract). Referenced by dotted name from test_spec_loaders.py.
def apikey_info(key: str, required_scopes: Any = None) -> dict[str, Any] | None:
    return None


def bearer_info(token: str, required_scopes: Any = None) -> dict[str, Any] | None:
    return None
