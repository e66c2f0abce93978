"""operationIds are public camelCase names; one table (mockserver/handlers.py) maps them to handlers."""

from __future__ import annotations

import re

import pytest
import yaml
from connexion.exceptions import ResolverError

from aurous_contract import SPEC_PATH
from mockserver.app import CONTROL_SPEC_PATH
from mockserver.handlers import CONTROL_HANDLERS, PUBLIC_HANDLERS, TableResolver

CAMEL_CASE = re.compile(r"^[a-z][a-zA-Z0-9]*$")
METHODS = ("get", "put", "post", "delete", "patch")


def operation_ids(path) -> list[str]:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [item[m]["operationId"] for item in spec["paths"].values() for m in METHODS if m in item]


@pytest.mark.parametrize(("spec_path", "table"), [(SPEC_PATH, PUBLIC_HANDLERS), (CONTROL_SPEC_PATH, CONTROL_HANDLERS)])
def test_every_operation_id_is_camel_case_and_has_exactly_one_handler(spec_path, table):
    ids = operation_ids(spec_path)

    assert [i for i in ids if not CAMEL_CASE.match(i)] == []  # no module paths leak into SDKs or element ids
    assert sorted(ids) == sorted(table)  # no operation without a handler, no handler without an operation


def test_links_name_operations_by_their_public_operation_id():
    text = SPEC_PATH.read_text(encoding="utf-8")
    linked = set(re.findall(r"^\s+operationId: (\S+)$", text, flags=re.M))

    assert linked <= set(PUBLIC_HANDLERS)


def test_an_operation_missing_from_the_table_names_the_table_to_extend():
    resolver = TableResolver(PUBLIC_HANDLERS, "PUBLIC_HANDLERS")

    with pytest.raises(ResolverError, match="add it to PUBLIC_HANDLERS in mockserver/handlers.py"):
        resolver.resolve_function_from_operation_id("createWebhookEndpoint")
