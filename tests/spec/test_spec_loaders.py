"""The tools the project builds on accept the contract as it is: the validator, Schemathesis, Connexion."""

from __future__ import annotations

import logging
import warnings

import pytest
import schemathesis
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename
from schemathesis.core.result import Ok
from spec_support import SPEC_PATH, iter_operations, load_spec

with warnings.catch_warnings():
    # Importing Connexion 3.3 emits Starlette's httpx deprecation and jsonschema's RefResolver
    # deprecations (TOOLING-NOTES.md): not ours to fix, and not what the tests below look for.
    warnings.simplefilter("ignore")
    import connexion
    from connexion.resolver import Resolver

EXPECTED_OPERATION_COUNT = 19  # 13 Characters operations + 6 webhook endpoint operations (issue 13)


def test_openapi_spec_validator_accepts_the_contract():
    spec_dict, base_uri = read_from_filename(str(SPEC_PATH))

    validate(spec_dict, base_uri=base_uri)


def test_contract_declares_openapi_3_0_3():
    assert load_spec()["openapi"] == "3.0.3"


def test_schemathesis_enumerates_every_operation_without_errors_or_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        schema = schemathesis.openapi.from_path(str(SPEC_PATH))
        results = list(schema.get_all_operations())
        schema_warnings = list(schema.iter_schema_warnings())

    assert [result for result in results if not isinstance(result, Ok)] == []
    assert schema_warnings == []
    assert len(results) == EXPECTED_OPERATION_COUNT


def test_schemathesis_builds_the_stateful_machine_from_the_links():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        schema = schemathesis.openapi.from_path(str(SPEC_PATH))
        machine = schema.as_state_machine()

    # One bundle per operation that links somewhere; the state machine is only built when links resolve.
    assert machine is not None


def _connexion_spec() -> dict:
    """The contract with the security functions injected, as the mock does at load time."""
    spec = load_spec()
    schemes = spec["components"]["securitySchemes"]
    schemes["ApiKeyAuth"]["x-apikeyInfoFunc"] = "spec_support.apikey_info"
    schemes["BearerAuth"]["x-bearerInfoFunc"] = "spec_support.bearer_info"
    return spec


def test_connexion_loads_the_contract_without_warnings(caplog):
    resolver = Resolver(function_resolver=lambda _operation_id: lambda **_kwargs: None)
    app = connexion.AsyncApp(__name__)

    with caplog.at_level(logging.WARNING), warnings.catch_warnings():
        warnings.simplefilter("error")
        app.add_api(_connexion_spec(), resolver=resolver)
        # Connexion 3 builds its middleware stack (parsing every operation) on the first ASGI event:
        # entering the test client sends the lifespan startup.
        with app.test_client():
            pass

    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING] == []


def test_connexion_routes_an_unauthenticated_upload_put_to_its_handler():
    """The signed upload URL takes no API key (security: []); its four media types are routed.

    Connexion logs "this operation accepts multiple content types" on each such request (it does for any
    operation with several request media types); that is request-time noise, not a contract problem.
    """
    resolver = Resolver(function_resolver=lambda _operation_id: lambda **_kwargs: None)
    app = connexion.AsyncApp(__name__)
    app.add_api(_connexion_spec(), resolver=resolver)

    with app.test_client() as client:
        statuses = {
            media_type: client.put(
                "/v1/characters/uploads/upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR/content",
                params={"signature": "sig_test"},
                content=b"\x89PNG\r\n\x1a\n",
                headers={"Content-Type": media_type},
            ).status_code
            for media_type in ("image/jpeg", "image/png", "image/webp", "application/octet-stream", "image/gif")
        }

    assert statuses == {
        "image/jpeg": 204,
        "image/png": 204,
        "image/webp": 204,
        "application/octet-stream": 204,
        "image/gif": 415,
    }


@pytest.mark.parametrize("key", ["x-apikeyInfoFunc", "x-bearerInfoFunc", "x-basicInfoFunc", "x-tokenInfoFunc"])
def test_contract_leaves_security_functions_to_the_mock(key):
    assert key not in SPEC_PATH.read_text(encoding="utf-8")


def test_every_operation_has_a_unique_operation_id():
    ids = [operation["operationId"] for _, _, operation, _ in iter_operations(load_spec())]

    assert len(ids) == len(set(ids)) == EXPECTED_OPERATION_COUNT
