"""`schemathesis.toml` is a copy the TOML format forces: it is derived from the kit's table, never edited apart.

Plain `st run` (issue 3's gate, `tests/mockserver/test_schemathesis_run.py`) reads only its own config
file and can be told only statuses per operation, so the state-dependent answers of the contract cannot
be read from anywhere else there. The kit's `STATE_DEPENDENT` (status and code per operation) is the one
source; this test proves the toml says exactly its statuses, operation by operation.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from conformance.schema_layer import STATE_DEPENDENT

ROOT = Path(__file__).resolve().parents[2]
# What positive_data_acceptance accepts on every operation of the toml besides the state-dependent ones:
# success, the auth answers, any unknown id (404), a reused Idempotency-Key (409) and a rate limit (429).
ALWAYS = {"2xx", "401", "403", "404", "409", "429"}


def _toml_statuses() -> dict[str, set[str]]:
    config = tomllib.loads((ROOT / "schemathesis.toml").read_text())
    statuses: dict[str, set[str]] = {}
    for entry in config["operations"]:
        expected = set(entry["checks"]["positive_data_acceptance"]["expected-statuses"])
        for operation_id in entry["include-operation-id"]:
            assert operation_id not in statuses, f"{operation_id} is listed twice in schemathesis.toml"
            statuses[operation_id] = expected
    return statuses


def test_schemathesis_toml_lists_exactly_the_kits_state_dependent_statuses():
    expected = {
        operation_id: ALWAYS | {str(status) for status, _code in answers}
        for operation_id, answers in STATE_DEPENDENT.items()
    }

    assert expected == _toml_statuses()
