"""Which contract version a request is served under.

Resolution order: the ``Aurous-Version`` request header, else the team's pinned version, else the system
default. The applied version is echoed on every response, errors included.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from mockserver.domain.errors import InvalidRequest, UnknownVersion

HEADER = "Aurous-Version"


class Versions:
    def __init__(self, default: str, known: Collection[str], pattern: str) -> None:
        """All three from the spec (``OperationIndex``): its versions table and the header's pattern."""
        self.default = default
        self.known = frozenset(known)
        self.shape = re.compile(pattern)

    def resolve(self, requested: str | None, pinned: str | None) -> str:
        """The version to apply; raises for a malformed or unknown requested version."""
        if requested is None:
            return pinned or self.default
        if self.shape.fullmatch(requested) is None:
            raise InvalidRequest(
                f"Aurous-Version must be a date in the form YYYY-MM-DD; got {requested!r}.",
                code="invalid_format",
                param=HEADER,
            )
        if requested not in self.known:
            known = ", ".join(sorted(self.known))
            raise UnknownVersion(f"Unknown Aurous-Version {requested}; known versions: {known}.")
        return requested

    def echo(self, requested: str | None, pinned: str | None) -> str:
        """The version to echo when resolution failed or never ran: the valid request value, else the fallback."""
        if requested is not None and requested in self.known:
            return requested
        return pinned or self.default
