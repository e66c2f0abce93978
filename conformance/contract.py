"""Facts the kit reads from the contract (``openapi.yaml``) instead of repeating them.

Owns: loading the spec, the rate-limit bucket of each operation (``x-aurous-rate-limit-bucket``), its
burst (``x-aurous-rate-limit-buckets`` if the spec carries a table, else CONTRACT.md's), credit costs, and
the known versions. Where the spec is silent the values of CONTRACT.md are used and said so in a comment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aurous_contract import SPEC_PATH, load_spec

__all__ = ["Contract", "DEFAULT_VERSION", "KNOWN_VERSIONS"]

# CONTRACT.md, Versioning: "the system default 2026-05-15"; known versions 2026-05-15 and 2026-06-19.
DEFAULT_VERSION = "2026-05-15"
KNOWN_VERSIONS = ("2026-05-15", "2026-06-19")
# CONTRACT.md, Rate limits: capacity (burst) per bucket, used when the spec has no table of its own.
BURSTS = {"characters_get": 240, "characters_post": 60, "characters_synthesize": 12, "images_post": 120}
HTTP_METHODS = ("get", "post", "put", "patch", "delete")


@dataclass
class Contract:
    path: Path
    raw: dict[str, Any]
    # Per operation: a bucket name, or (POST /v1/characters) a mapping flow -> bucket name.
    buckets: dict[tuple[str, str], str | dict[str, str]] = field(default_factory=dict)
    credit_costs: dict[tuple[str, str], Any] = field(default_factory=dict)
    operation_ids: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | str | None = None) -> Contract:
        resolved = Path(path) if path else SPEC_PATH
        raw = load_spec(resolved)
        contract = cls(path=resolved, raw=raw)
        for route, item in (raw.get("paths") or {}).items():
            for method in HTTP_METHODS:
                operation = item.get(method)
                if not isinstance(operation, dict):
                    continue
                key = (method.upper(), route)
                if "x-aurous-rate-limit-bucket" in operation:
                    contract.buckets[key] = operation["x-aurous-rate-limit-bucket"]
                if "x-aurous-credit-cost" in operation:
                    contract.credit_costs[key] = operation["x-aurous-credit-cost"]
                if "operationId" in operation:
                    contract.operation_ids[key] = operation["operationId"]
        return contract

    def _bucket_table(self) -> dict[str, Any]:
        table = self.raw.get("x-aurous-rate-limit-buckets")
        return table if isinstance(table, dict) else {}

    def burst(self, bucket: str) -> int | None:
        entry = self._bucket_table().get(bucket)
        if isinstance(entry, dict) and isinstance(entry.get("burst"), int):
            return entry["burst"]
        return BURSTS.get(bucket)

    def sustained_per_minute(self) -> dict[str, float]:
        """bucket -> refill rate; CONTRACT.md's table where the spec has none."""
        rates = {"characters_get": 120.0, "characters_post": 30.0, "characters_synthesize": 6.0, "images_post": 60.0}
        for name, entry in self._bucket_table().items():
            if isinstance(entry, dict) and isinstance(entry.get("sustained_per_minute"), (int, float)):
                rates[name] = float(entry["sustained_per_minute"])
        return rates

    @property
    def default_version(self) -> str:
        versions = self.raw.get("x-aurous-versions") or {}
        return str(versions.get("default") or DEFAULT_VERSION)

    @property
    def known_versions(self) -> tuple[str, ...]:
        versions = self.raw.get("x-aurous-versions") or {}
        return tuple(str(v) for v in versions.get("known") or KNOWN_VERSIONS)

    def error_example_params(self) -> dict[tuple[str, str, int, str], set[str | None]]:
        """(METHOD, route, status, code) -> the `param` values the spec's error examples show for it."""
        components = (self.raw.get("components") or {})
        table: dict[tuple[str, str, int, str], set[str | None]] = {}

        def resolve(node: Any) -> Any:
            while isinstance(node, dict) and "$ref" in node:
                parts = node["$ref"].lstrip("#/").split("/")
                node = self.raw
                for part in parts:
                    node = (node or {}).get(part)
            return node

        for route, item in (self.raw.get("paths") or {}).items():
            for method in HTTP_METHODS:
                operation = item.get(method)
                if not isinstance(operation, dict):
                    continue
                for status, response in (operation.get("responses") or {}).items():
                    response = resolve(response)
                    if not str(status).isdigit() or int(status) < 400 or not isinstance(response, dict):
                        continue
                    media = ((response.get("content") or {}).get("application/json") or {})
                    for example in (media.get("examples") or {}).values():
                        value = (resolve(example) or {}).get("value") or {}
                        error = value.get("error") if isinstance(value, dict) else None
                        if isinstance(error, dict) and "code" in error:
                            key = (method.upper(), route, int(status), str(error["code"]))
                            table.setdefault(key, set()).add(error.get("param"))
        del components
        return table

    def has_operation(self, method: str, route: str) -> bool:
        item = (self.raw.get("paths") or {}).get(route) or {}
        return method.lower() in item
