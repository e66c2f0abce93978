from __future__ import annotations

import pytest

mockserver_app = pytest.importorskip("mockserver.app")


@pytest.fixture
def mock_app():
    from mockserver.settings import Settings

    return mockserver_app.create_app(Settings(clock="manual"))


@pytest.fixture
def teams(mock_app):
    from starlette.testclient import TestClient

    return TestClient(mock_app).get("/_mock/teams").json()


@pytest.fixture
def primary_key(teams):
    return teams[0]["api_keys"][0]


@pytest.fixture
def other_key(teams):
    return teams[1]["api_keys"][0]
