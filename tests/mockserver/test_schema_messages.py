"""schema_messages: jsonschema's failures in words a client can read (the HTTP cases: test_validation_shape.py)."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft4Validator

from mockserver.schema_messages import readable_message


def _message(schema: dict[str, Any], value: Any) -> str:
    return readable_message(next(Draft4Validator(schema).iter_errors(value)))


@pytest.mark.parametrize(
    ("schema", "value", "expected"),
    [
        ({"maxLength": 3}, "abcd", "'abcd' is too long (at most 3 characters)"),
        ({"maxLength": 100}, "x" * 101, "'" + "x" * 39 + "… (101 characters) is too long (at most 100 characters)"),
        ({"maxItems": 2}, list(range(30)), "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1… (30 items) is too long (at most 2 items)"),
        ({"maxProperties": 2}, {f"k{n}": n for n in range(20)}, "{'k0': 0, 'k1': 1, 'k2': 2, 'k3': 3, 'k4… (20 keys) has too many properties (at most 2 keys)"),
        ({"minLength": 1}, "", "'' should be non-empty"),
        ({"pattern": r"^\d+$"}, "a", r"'a' does not match the pattern ^\d+$"),
        ({"type": "string"}, 5, "5 is not of type 'string'"),
    ],
)  # fmt: skip
def test_a_failure_reads_as_the_bound_a_short_quote_and_the_pattern_as_written(schema, value, expected) -> None:
    assert _message(schema, value) == expected
