"""Webhooks of the reference mock: character events delivered, signed and retried on the mock's clock.

- ``rules``  pure rules: event types, receiver URLs, envelope, signature, retry schedule, disable rule
- ``model``  endpoints, deliveries, attempts
- ``hub``    the state and the rules applied to it (thread-safe; no I/O)
- ``worker`` the sender: a thread with its own event loop and httpx client

``install(service, clock, real_clock=...)`` builds the pair and hooks the hub to the character store;
``hub_for(service)`` is how the thin handlers find the hub of the app that is serving them.
"""

from __future__ import annotations

import weakref
from typing import Any

from .hub import WebhookHub
from .worker import DeliveryWorker

__all__ = ["DeliveryWorker", "WebhookHub", "hub_for", "install"]

_HUBS: weakref.WeakKeyDictionary[Any, WebhookHub] = weakref.WeakKeyDictionary()


def install(service: Any, clock: Any, *, real_clock: bool) -> tuple[WebhookHub, DeliveryWorker]:
    store = service.store
    hub = WebhookHub(clock, attach=lambda: setattr(store, "on_change", hub.on_character_change))
    worker = DeliveryWorker(hub, complete_due=service.complete_due, real_clock=real_clock)
    _HUBS[service] = hub
    return hub, worker


def hub_for(service: Any) -> WebhookHub:
    return _HUBS[service]
