"""Every benchmark of the project, one after another (`make bench`). Figures only, never assertions.

- mock_throughput.py: our mock vs Stoplight Prism, side by side (needs wrk and Prism; see its docstring)
- conformance_speed.py: how long a default conformance run takes against a local mock, and where
- mutation_score.py: the kit vs plain Schemathesis over the matrix of broken servers (when present)
- webhooks_slow_receiver.py: the API's latency beside a fast, a slow and a dead webhook receiver
- redis_store.py: the memory store vs the Redis store with 1 and 2 workers, and the latency Redis adds
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script in (
    "mock_throughput.py",
    "conformance_speed.py",
    "mutation_score.py",
    "webhooks_slow_receiver.py",
    "redis_store.py",
):
    path = HERE / script
    if not path.exists():
        continue
    print(f"\n== {script}", flush=True)
    completed = subprocess.run([sys.executable, str(path)], cwd=HERE.parent)
    if completed.returncode != 0:
        print(f"(exit status {completed.returncode})", flush=True)
