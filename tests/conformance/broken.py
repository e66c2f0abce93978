"""Broken servers now live in ``mutants/`` (the mutant matrix of issue 6); re-exported for these tests."""

from __future__ import annotations

from mutants.broken import Broken, Modifier
from mutants.envelope import ProblemJsonNotFound
from mutants.idempotency import NoReplayHeader
from mutants.isolation import OtherTeamPatchGoesThrough
from mutants.ratelimit import NoRemainingHeader
from mutants.save import SaveRefusalIs409, SaveTouchesUpdatedAt
from mutants.versioning import NoVersionEchoOnErrors

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
