"""What the contract says about each operation, read once from ``openapi.yaml``.

The gateway needs, per request, facts that live as vendor extensions in the spec: the rate-limit bucket
(``x-aurous-rate-limit-bucket``), whether ``Idempotency-Key`` applies (``x-aurous-idempotent``), whether
the operation is authenticated, plus the bucket sizes and known versions at the top level. The service
reads the credit costs here, and the webhook hub the event types (the ``WebhookEventType`` schema's
enum). Reading them here keeps the spec the single source of truth: nothing in the mock repeats those
tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mockserver.ratelimit import BucketSpec

_METHODS = ("get", "put", "post", "delete", "patch")


def _required(spec: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    table = spec.get(name)
    if not isinstance(table, Mapping) or not table:
        raise ValueError(f"the spec has no `{name}` table, which the mock reads")
    return table


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    template: str
    secured: bool
    idempotent: bool
    has_body: bool
    # One bucket for most operations; POST /v1/characters picks by flow (upload_flow / synthesize_flow).
    bucket: str | None = None
    flow_buckets: Mapping[str, str] = field(default_factory=dict)

    def bucket_for(self, body: Any) -> str | None:
        if not self.flow_buckets:
            return self.bucket
        generate = isinstance(body, dict) and body.get("generate") is True
        return self.flow_buckets["synthesize_flow" if generate else "upload_flow"]


class OperationIndex:
    """The contract's facts per operationId, and the spec-wide tables (routing is ``routing.py``'s)."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        global_security = spec.get("security") or []
        self.by_id: dict[str, Operation] = {}
        for template, item in spec["paths"].items():
            for method in _METHODS:
                op = item.get(method)
                if op is None:
                    continue
                bucket = op.get("x-aurous-rate-limit-bucket")
                operation = Operation(
                    operation_id=op["operationId"],
                    method=method.upper(),
                    template=template,
                    secured=bool(op.get("security", global_security)),
                    idempotent=bool(op.get("x-aurous-idempotent", False)),
                    has_body="requestBody" in op,
                    bucket=bucket if isinstance(bucket, str) else None,
                    flow_buckets=dict(bucket) if isinstance(bucket, Mapping) else {},
                )
                self.by_id[operation.operation_id] = operation

        self.buckets = {
            name: BucketSpec(sustained_per_minute=figures["sustained_per_minute"], burst=figures["burst"])
            for name, figures in _required(spec, "x-aurous-rate-limit-buckets").items()
        }
        # Credits per operationId (the service's key), from `x-aurous-credit-cost` on every operation (0
        # when free); on create, the synthesize flow's figure (the upload flow is free).
        self.credit_costs: dict[str, int] = {}
        for operation_id, operation in self.by_id.items():
            method, template = operation.method.lower(), operation.template
            cost = spec["paths"][template][method].get("x-aurous-credit-cost")
            if isinstance(cost, Mapping):
                cost = cost.get("synthesize_flow")
            if not isinstance(cost, int) or isinstance(cost, bool) or cost < 0:
                raise ValueError(
                    f"{operation_id} has no whole `x-aurous-credit-cost` (synthesize_flow on create), which the mock reads"
                )
            self.credit_costs[operation_id] = cost
        # The spec is the only copy of these tables: a spec without them cannot drive the mock.
        versions = _required(spec, "x-aurous-versions")
        self.default_version: str = versions["default"]
        self.known_versions: tuple[str, ...] = tuple(versions["known"])
        self.version_pattern: str = spec["components"]["parameters"]["AurousVersion"]["schema"]["pattern"]
        # The webhook taxonomy, in the docs' order: what `events: ["*"]` expands to when an endpoint is made.
        event_type = ((spec.get("components") or {}).get("schemas") or {}).get("WebhookEventType") or {}
        if not event_type.get("enum"):
            raise ValueError("the spec has no `WebhookEventType` schema with an `enum`, which the mock reads")
        self.webhook_event_types: tuple[str, ...] = tuple(event_type["enum"])
