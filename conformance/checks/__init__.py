"""Every check area, imported once so the CLI, the runner and the pytest entry see one set.

``REGISTRY`` holds the behaviour and lifecycle checks (multi-request stories); ``CUSTOM_CHECKS`` the
response-level Schemathesis checks the schema layer adds to Schemathesis's own.
"""

from conformance.checks import (
    envelope,
    idempotency,
    isolation,
    lifecycle,
    listing,
    ratelimit,
    save,
    versioning,
    webhooks,
)
from conformance.checks.base import REGISTRY, BehaviourCheck, Kit
from conformance.checks.response import CUSTOM_CHECKS

__all__ = ["CUSTOM_CHECKS", "REGISTRY", "BehaviourCheck", "Kit"]

del envelope, idempotency, isolation, lifecycle, listing, ratelimit, save, versioning, webhooks
