"""Facts the kit reads from the contract (``openapi.yaml``) instead of repeating them.

Owns: loading the spec, the rate-limit bucket of each operation (``x-aurous-rate-limit-bucket``), each
bucket's burst and refill rate (``x-aurous-rate-limit-buckets``), credit costs, the default and known
versions (``x-aurous-versions``), the version pattern (the ``Aurous-Version`` parameter's schema), the
webhook event types (``WebhookEventType``'s enum) and the keys of a webhook event (``WebhookEvent``'s
``required``).
The spec is the only copy of these tables: a spec without them stops the run (``ContractTableMissing``)
instead of falling back on figures of the kit's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aurous_contract import SPEC_PATH, load_spec

__all__ = ["Contract", "ContractTableMissing"]

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


class ContractTableMissing(ValueError):
    """The spec lacks a table the kit reads (buckets, versions, version pattern, webhook events): the run
    cannot start."""


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

    def _table(self, name: str) -> dict[str, Any]:
        table = self.raw.get(name)
        if not isinstance(table, dict) or not table:
            raise ContractTableMissing(f"{self.path}: the spec has no `{name}` table, which the kit reads")
        return table

    def _bucket(self, bucket: str) -> dict[str, Any]:
        entry = self._table("x-aurous-rate-limit-buckets").get(bucket)
        if not isinstance(entry, dict) or not isinstance(entry.get("burst"), int):
            raise ContractTableMissing(
                f"{self.path}: bucket {bucket!r} is not in `x-aurous-rate-limit-buckets` (with `burst` and "
                "`sustained_per_minute`)"
            )
        return entry

    def burst(self, bucket: str) -> int:
        return int(self._bucket(bucket)["burst"])

    def sustained_per_minute(self) -> dict[str, float]:
        """bucket -> refill rate, from the spec's `x-aurous-rate-limit-buckets`."""
        table = self._table("x-aurous-rate-limit-buckets")
        return {name: float(self._bucket(name)["sustained_per_minute"]) for name in table}

    def _versions(self) -> dict[str, Any]:
        versions = self._table("x-aurous-versions")
        if not isinstance(versions.get("default"), str) or not versions.get("known"):
            raise ContractTableMissing(f"{self.path}: `x-aurous-versions` needs `default` and `known`")
        return versions

    @property
    def default_version(self) -> str:
        return str(self._versions()["default"])

    @property
    def known_versions(self) -> tuple[str, ...]:
        return tuple(str(v) for v in self._versions()["known"])

    @property
    def version_pattern(self) -> re.Pattern[str]:
        """The `Aurous-Version` header's pattern (components.parameters.AurousVersion.schema.pattern)."""
        parameter = ((self.raw.get("components") or {}).get("parameters") or {}).get("AurousVersion") or {}
        pattern = (parameter.get("schema") or {}).get("pattern")
        if not isinstance(pattern, str):
            raise ContractTableMissing(f"{self.path}: the AurousVersion parameter's schema has no `pattern`")
        return re.compile(pattern)

    def _schema_list(self, schema: str, keyword: str) -> tuple[str, ...]:
        node = ((self.raw.get("components") or {}).get("schemas") or {}).get(schema) or {}
        values = node.get(keyword)
        if not isinstance(values, list) or not values:
            raise ContractTableMissing(
                f"{self.path}: the `{schema}` schema has no `{keyword}` list, which the kit reads"
            )
        return tuple(str(value) for value in values)

    @property
    def webhook_event_types(self) -> tuple[str, ...]:
        """The webhook taxonomy (the `WebhookEventType` schema's enum)."""
        return self._schema_list("WebhookEventType", "enum")

    @property
    def webhook_event_keys(self) -> frozenset[str]:
        """The keys every webhook event carries (the `WebhookEvent` schema's `required`)."""
        return frozenset(self._schema_list("WebhookEvent", "required"))

    def check_tables(self) -> None:
        """Raise ContractTableMissing now if any table the kit reads is absent."""
        self.sustained_per_minute()
        self.default_version, self.known_versions, self.version_pattern  # noqa: B018 (read for the check)
        self.webhook_event_types, self.webhook_event_keys  # noqa: B018 (read for the check)

    def error_example_params(self) -> dict[tuple[str, str, int, str], set[str | None]]:
        """(METHOD, route, status, code) -> the `param` values the spec's error examples show for it."""
        components = self.raw.get("components") or {}
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
                    media = (response.get("content") or {}).get("application/json") or {}
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
