"""jsonschema's failure messages in words a client can read, for the API's 400s and the fixtures' errors.

jsonschema quotes the failing value whole (a 4,001-character prompt comes back in the message), says "too
long" without how long is allowed, and quotes a pattern by its repr (every backslash doubled). One
rendering here, so that a refused body and a refused fixtures file read alike.
"""

from __future__ import annotations

from typing import Any

from jsonschema import ValidationError

__all__ = ["readable_message"]

_BOUNDS = {
    "maxLength": "at most {} characters",
    "minLength": "at least {} characters",
    "maxItems": "at most {} items",
    "minItems": "at least {} items",
    "maxProperties": "at most {} keys",
}
_SHOWN_MAX = 60  # characters of a value quoted back in a message; a longer one is cut and its size given


def _shown(value: Any) -> str:
    """A value as a message quotes it: whole when short; else its start, and its length or item count."""
    text = repr(value)
    if len(text) <= _SHOWN_MAX:
        return text
    if isinstance(value, dict):
        size = f"{len(value)} keys"
    elif isinstance(value, list):
        size = f"{len(value)} items"
    else:
        size = f"{len(value if isinstance(value, str) else text)} characters"
    return f"{text[: _SHOWN_MAX - 20]}… ({size})"


def readable_message(error: ValidationError) -> str:
    """jsonschema's message, readable: a long value cut (a 4,001-character prompt is not echoed whole), and a
    pattern quoted as the spec writes it (repr would double every backslash)."""
    message = error.message.replace(repr(error.instance), _shown(error.instance), 1)
    bound = _BOUNDS.get(str(error.validator))
    if bound is not None and not message.endswith("non-empty"):  # "too long" alone does not say how long is allowed
        message += f" ({bound.format(error.validator_value)})"
    if error.validator == "pattern":
        message = message.replace(repr(error.validator_value), f"the pattern {error.validator_value}", 1)
    return message
