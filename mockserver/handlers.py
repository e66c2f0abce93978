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

from mockserver.api import balance, characters, images, uploads, webhooks
from mockserver.control import routes

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
    "createWebhookEndpoint": webhooks.create_webhook_endpoint,
    "listWebhookEndpoints": webhooks.list_webhook_endpoints,
    "retrieveWebhookEndpoint": webhooks.retrieve_webhook_endpoint,
    "deleteWebhookEndpoint": webhooks.delete_webhook_endpoint,
    "rotateWebhookSecret": webhooks.rotate_webhook_secret,
    "testWebhookEndpoint": webhooks.fire_test_delivery,
}

# mockserver/control/control.yaml
CONTROL_HANDLERS: Mapping[str, Handler] = {
    "listTeams": routes.list_teams,
    "resetMock": routes.reset,
    "advanceClock": routes.advance_clock,
    "inspectCharacter": routes.inspect_character,
    "forceCharacterStatus": routes.force_status,
    "listAllCharacters": routes.list_characters,
    "listRequests": routes.list_requests,
    "clearRequests": routes.clear_requests,
    "getFaults": routes.get_faults,
    "setFaults": routes.set_faults,
    "clearFaults": routes.clear_faults,
    "getSettings": routes.get_settings,
    "updateSettings": routes.update_settings,
    "listScenarios": routes.list_scenarios,
    "loadScenario": routes.load_scenario,
    "putFixtures": routes.put_fixtures,
    "listWebhookDeliveries": routes.list_webhook_deliveries,
    "getWebhookDelivery": routes.get_webhook_delivery,
    "redeliverWebhook": routes.redeliver_webhook,
    "sendWebhookEvent": routes.send_webhook_event,
    "listAllWebhookEndpoints": routes.list_webhook_endpoints,
    "getWebhookFaults": routes.get_webhook_faults,
    "setWebhookFaults": routes.set_webhook_faults,
    "clearWebhookFaults": routes.clear_webhook_faults,
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
