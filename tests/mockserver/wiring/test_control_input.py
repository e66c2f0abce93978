"""Bad input to the new control routes never makes a 500 and never changes the state."""

from __future__ import annotations

import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)

from starlette.testclient import TestClient  # noqa: E402

from mockserver.app import create_app  # noqa: E402
from mockserver.settings import Settings  # noqa: E402

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
FIELDS = st.sampled_from(
    ["team", "id", "name", "status", "error_message", "attributes", "client_reference_id", "refs",
     "created_seconds_ago", "aurous_version", "due_in_seconds", "outcome", "bucket"]
)  # fmt: skip
FIXTURE_LIKE = st.fixed_dictionaries(
    {},
    optional={
        "characters": st.lists(st.dictionaries(FIELDS, JSON, max_size=5), max_size=3) | JSON,
        "credits": st.dictionaries(st.sampled_from(["0", "1", "x"]), JSON, max_size=2) | JSON,
        "rate_limits": st.lists(st.dictionaries(st.sampled_from(["team", "bucket"]), JSON), max_size=2) | JSON,
        "description": JSON,
    },
)

CLIENT = TestClient(create_app(Settings(clock="manual", fixtures="every_state")))


def state():
    return (
        CLIENT.get("/_mock/characters").json(),
        CLIENT.get("/_mock/faults").json(),
        {k: v for k, v in CLIENT.get("/_mock/settings").json().items() if k != "now"},
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=FIXTURE_LIKE | JSON)
def test_fixtures_bodies_are_seeded_or_refused_never_a_500(body):
    response = CLIENT.put("/_mock/fixtures", json=body)

    assert response.status_code in (200, 400), response.text
    if response.status_code == 400:
        assert set(response.json()) == {"error"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    route=st.sampled_from([("PUT", "/_mock/faults"), ("PATCH", "/_mock/settings")]),
    body=st.dictionaries(
        st.sampled_from(
            ["latency_ms", "error_rate", "error_status", "rate_limit_rate", "retry_after", "seed",
             "synthesis_failure_rate", "lifecycle_variant", "synthesis_seconds", "synthesis_outcome", "rate_limits"]
        ),
        JSON,
        max_size=3,
    ) | JSON,
)  # fmt: skip
def test_bad_faults_and_settings_are_refused_without_changing_anything(route, body):
    CLIENT.delete("/_mock/faults")
    CLIENT.post("/_mock/scenarios/every_state")
    before = state()

    response = CLIENT.request(route[0], route[1], json=body)

    assert response.status_code in (200, 400), response.text
    if response.status_code == 400:
        assert set(response.json()) == {"error"}
        assert before == state()
