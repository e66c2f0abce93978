"""The mock's one router: (method, path) to an operation of ``openapi.yaml`` or ``control/control.yaml``.

Connexion's own RoutingMiddleware is not installed (app.py): the gateway routes each request once, here,
and hands the result to Connexion's validation and handler lookup the way Connexion's router would, as
``scope["extensions"]["connexion_routing"]`` (api_base_path, operation_id) and ``scope["path_params"]``.
Routing here rather than in Connexion lets the contract's rules that come before validation (401, 429,
version, 413, Idempotency-Key) know the operation, and keeps paths exact: a trailing slash is a 404, never
Starlette's redirect, and HEAD is not an alias of GET.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mockserver.domain.errors import MethodNotAllowed

__all__ = ["Route", "Routes"]

_METHODS = ("get", "put", "post", "delete", "patch")
_PARAM = re.compile(r"\{([^}/]+)\}")


@dataclass(frozen=True, slots=True)
class Route:
    """What the router found: the operation, the API it belongs to (its base path) and the path's values."""

    operation_id: str
    api_base_path: str
    path_params: dict[str, str]


@dataclass(frozen=True, slots=True)
class _Path:
    pattern: re.Pattern[str]
    param_names: tuple[str, ...]
    operation_ids: Mapping[str, str]  # by upper-case method
    api_base_path: str


class Routes:
    def __init__(self) -> None:
        self._paths: list[_Path] = []

    def add_api(self, paths: Mapping[str, Any], base_path: str) -> frozenset[str]:
        """Every operation of one OpenAPI document, mounted at ``base_path`` ("" for the public API); their ids."""
        added: list[tuple[int, _Path]] = []
        for template, item in paths.items():
            operation_ids = {
                method.upper(): item[method]["operationId"]
                for method in _METHODS
                if isinstance(item.get(method), Mapping)
            }
            full = base_path + template
            regex = "^" + _PARAM.sub("([^/]+)", re.escape(full).replace(r"\{", "{").replace(r"\}", "}")) + "$"
            names = tuple(_PARAM.findall(template))
            added.append((len(names), _Path(re.compile(regex), names, operation_ids, base_path)))
        # Literal segments win over parameters (…/uploads/init before …/{id}/save).
        self._paths.extend(path for _, path in sorted(added, key=lambda pair: pair[0]))
        return frozenset(operation_id for _, path in added for operation_id in path.operation_ids.values())

    def match(self, method: str, path: str) -> Route | None:
        """The operation for this request, or None when no document has the path.

        Raises MethodNotAllowed (with the path's methods) when a document has the path but not the method.
        """
        for candidate in self._paths:
            found = candidate.pattern.match(path)
            if found is None:
                continue
            operation_id = candidate.operation_ids.get(method)
            if operation_id is None:
                raise MethodNotAllowed(tuple(candidate.operation_ids))
            return Route(
                operation_id, candidate.api_base_path, dict(zip(candidate.param_names, found.groups(), strict=True))
            )
        return None

    def has_slash_variant(self, method: str, path: str) -> bool:
        """``path`` is a route (with any method) followed by a trailing slash."""
        if len(path) < 2 or not path.endswith("/"):
            return False
        try:
            return self.match(method, path.rstrip("/")) is not None
        except MethodNotAllowed:
            return True
