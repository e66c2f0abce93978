"""JSON out: one compact encoding for Connexion's responses and the fast lane's."""

from __future__ import annotations

import json
from typing import Any

from connexion.jsonifier import Jsonifier

JSONIFIER = Jsonifier(json, separators=(",", ":"))


def dumps(data: Any) -> bytes:
    """Exactly the bytes Connexion sends for a handler's return value (JSONIFIER, trailing newline included)."""
    return JSONIFIER.dumps(data).encode()
