"""Which Python function serves each operationId: the one table, kept out of the public contract.

The contract's operationIds are public, stable camelCase names (``saveCharacter``): generated SDKs turn
them into method names and Swagger UI into element ids, so they must not spell this package's module
paths. This module maps them to the handlers in ``mockserver.api`` (public API, ``openapi.yaml``) and
``mockserver.control`` (the /_mock API, ``control/control.yaml``); ``app.py`` hands ``TableResolver``
to Connexion for each.

To add an operation: give it a camelCase operationId in the spec, write the handler, add one line here.
A spec operation missing from its table stops the start with a message naming it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from connexion.exceptions import ResolverError
from connexion.resolver import Resolver

from mockserver.api import balance, characters, images, uploads
from mockserver.control import frontend_routes, routes

Handler = Callable[..., Any]

# openapi.yaml
PUBLIC_HANDLERS: Mapping[str, Handler] = {
    "createCharacter": characters.create_character,
    "listCharacters": characters.list_characters,
    "retrieveCharacter": characters.retrieve_character,
    "updateCharacter": characters.update_character,
    "deleteCharacter": characters.delete_character,
    "saveCharacter": characters.save_character,
    "regenerateRef": characters.regenerate_ref,
    "resynthesizeCharacter": characters.resynthesize_character,
    "initUpload": uploads.init_upload,
    "putUploadContent": uploads.put_upload_content,
    "classifyUpload": uploads.classify_upload,
    "createImage": images.create_image,
    "getBalance": balance.get_balance,
}

# mockserver/control/control.yaml
CONTROL_HANDLERS: Mapping[str, Handler] = {
    "listTeams": routes.list_teams,
    "resetMock": routes.reset,
    "advanceClock": routes.advance_clock,
    "inspectCharacter": routes.inspect_character,
    "forceCharacterStatus": routes.force_status,
    "listAllCharacters": frontend_routes.list_characters,
    "listRequests": frontend_routes.list_requests,
    "clearRequests": frontend_routes.clear_requests,
    "getFaults": frontend_routes.get_faults,
    "setFaults": frontend_routes.set_faults,
    "clearFaults": frontend_routes.clear_faults,
    "getSettings": frontend_routes.get_settings,
    "updateSettings": frontend_routes.update_settings,
    "listScenarios": frontend_routes.list_scenarios,
    "loadScenario": frontend_routes.load_scenario,
    "putFixtures": frontend_routes.put_fixtures,
}


class TableResolver(Resolver):
    """Connexion resolver that looks operationIds up in one of the tables above (nothing is imported by name)."""

    def __init__(self, table: Mapping[str, Handler], table_name: str) -> None:
        super().__init__(function_resolver=self._lookup)
        self.table = table
        self.table_name = table_name

    def _lookup(self, operation_id: str) -> Handler:
        try:
            return self.table[operation_id]
        except KeyError:
            raise ResolverError(
                f"operationId {operation_id!r} has no handler: add it to {self.table_name} in mockserver/handlers.py"
            ) from None
