"""Webhooks of the reference mock: character events delivered, signed and retried on the mock's clock.

- ``rules``  pure rules: the wildcard's expansion, envelope, signature, retry schedule, disable rule
- ``model``  endpoints, deliveries, attempts
- ``hub``    the state and the rules applied to it (thread-safe; no I/O)
- ``worker`` the sender: a thread with its own event loop and httpx client

``install(service, clock, event_types=..., real_clock=...)`` builds the pair and hooks the hub to the
character store; ``hub_for(service)`` is how the thin handlers find the hub of the app that is serving them.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from .hub import WebhookHub
from .worker import DeliveryWorker

__all__ = ["DeliveryWorker", "WebhookHub", "hub_for", "install"]

_HUBS: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()  # a WebhookHub, or its shared facade


def install(
    service: Any,
    clock: Any,
    *,
    event_types: tuple[str, ...],
    real_clock: bool,
    shared: Callable[[WebhookHub], Any] | None = None,
) -> tuple[Any, DeliveryWorker]:
    """``event_types`` is the spec's taxonomy (``OperationIndex.webhook_event_types``). ``shared`` (with
    --store redis://) wraps the hub so that the handlers and the worker reach it through the shared store's
    transactions; it returns what they are given."""
    store = service.store
    hub = WebhookHub(
        clock, event_types=event_types, attach=lambda: setattr(store, "on_change", hub.on_character_change)
    )
    facade: Any = hub if shared is None else shared(hub)
    worker = DeliveryWorker(facade, complete_due=service.complete_due, real_clock=real_clock)
    _HUBS[service] = facade
    return facade, worker


def hub_for(service: Any) -> WebhookHub:
    hub: WebhookHub = _HUBS[service]
    return hub
