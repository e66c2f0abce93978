"""Broken servers now live in ``tests/mutants`` (the mutant matrix of issue 6); re-exported for these tests."""

from __future__ import annotations

from tests.mutants.broken import Broken, Modifier
from tests.mutants.envelope import ProblemJsonNotFound
from tests.mutants.idempotency import NoReplayHeader
from tests.mutants.isolation import OtherTeamPatchGoesThrough
from tests.mutants.ratelimit import NoRemainingHeader
from tests.mutants.save import SaveRefusalIs409, SaveTouchesUpdatedAt
from tests.mutants.versioning import NoVersionEchoOnErrors

__all__ = [
    "Broken",
    "Modifier",
    "NoRemainingHeader",
    "NoReplayHeader",
    "NoVersionEchoOnErrors",
    "OtherTeamPatchGoesThrough",
    "ProblemJsonNotFound",
    "SaveRefusalIs409",
    "SaveTouchesUpdatedAt",
]
