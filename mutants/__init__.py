"""The mutant matrix: the reference mock broken in one realistic way each (issue 6).

``MUTANTS`` lists every modifier; :func:`build` makes the broken ASGI app. The kit must catch each one
(``tests/mutants/test_matrix.py``); ``bench/mutation_score.py`` compares it with plain Schemathesis.
It sits at the top level so that both may import it (bench never imports tests); like tests/ and bench/
it is not shipped (pyproject's package list), and mockserver and conformance never import it
(tests/test_architecture.py).
"""

from __future__ import annotations

from typing import Any

from mutants import envelope, idempotency, isolation, listing, ratelimit, save, transport, versioning, webhooks
from mutants.broken import Broken, Modifier

__all__ = ["MUTANTS", "Broken", "Modifier", "build", "by_name"]

MUTANTS: tuple[type[Modifier], ...] = tuple(
    getattr(module, name)
    for module in (save, envelope, isolation, versioning, ratelimit, idempotency, transport, listing, webhooks)
    for name in module.__all__
)


def by_name(name: str) -> type[Modifier]:
    for mutant in MUTANTS:
        if mutant.__name__ == name:
            return mutant
    raise KeyError(f"no mutant named {name!r}; known: {', '.join(m.__name__ for m in MUTANTS)}")


def build(mutant: type[Modifier] | None, **settings: Any) -> Any:
    """The reference mock (``mutant=None``) or the mutant, as an ASGI app; ``settings`` override Settings."""
    from dataclasses import replace

    from mockserver.app import create_app
    from mockserver.settings import Settings

    base = replace(Settings(), **{"clock": "manual", **settings})
    if mutant is None:
        return create_app(base)
    modifier = mutant()
    app = create_app(modifier.settings(base))
    return Broken(app, modifier)
