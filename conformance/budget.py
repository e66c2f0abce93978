"""Time: the run's budget (``--time-budget``), and how a run ends early (budget, SIGINT/SIGTERM, target gone).

A run that ends early still writes its JUnit and reports: the runner catches these, marks the result
``incomplete`` with the reason, and the command line exits 2.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

__all__ = ["BudgetExhausted", "Deadline", "RunStopped", "SIGNALS_SEEN", "STOP", "TargetGone", "Interrupted"]

# Names of the signals that interrupted the run (the CLI's handlers append; KeyboardInterrupt carries none).
SIGNALS_SEEN: list[str] = []
# Set by the CLI's signal handler: any wait for tokens (in whichever thread) ends at once.
STOP = threading.Event()


class RunStopped(Exception):
    """The run cannot go on; the message is the one line the user reads."""


class BudgetExhausted(RunStopped):
    """Going on would pass ``--time-budget``."""


class Interrupted(RunStopped):
    """SIGINT or SIGTERM."""


class TargetGone(RunStopped):
    """The target stopped answering mid-run."""


@dataclass
class Deadline:
    """``seconds`` from ``started`` (None: unbounded). ``time.monotonic`` throughout."""

    seconds: float | None = None
    started: float = field(default_factory=time.monotonic)

    @property
    def at(self) -> float | None:
        return None if self.seconds is None else self.started + self.seconds

    def left(self) -> float:
        return float("inf") if self.seconds is None else self.started + self.seconds - time.monotonic()

    def check(self, doing: str) -> None:
        if self.left() <= 0:
            raise BudgetExhausted(f"time budget of {self.seconds:.0f} s used up before {doing}")
