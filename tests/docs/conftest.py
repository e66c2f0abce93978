"""Fixtures shared with tests/frontend: real mock processes (``servers``)."""

from tests.frontend.conftest import servers  # noqa: F401  (a fixture, used by name)
