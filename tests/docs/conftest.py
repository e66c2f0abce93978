"""Fixtures shared with tests/mockserver/wiring: real mock processes (``servers``)."""

from tests.mockserver.wiring.conftest import servers  # noqa: F401  (a fixture, used by name)
