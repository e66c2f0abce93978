"""How long a default conformance run takes against a local mock, and where the time goes.

Starts the mock (`python -m mockserver --clock manual`, and optionally `--clock real`) as a uvicorn
process, runs the kit with its default settings through the public runner API, and prints the wall time
per layer, per Schemathesis phase, request counts and pacing. Figures, never assertions.

    python bench/conformance_speed.py [--clock manual|real|both] [--seed N] [--max-examples N]
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

# Run from a checkout without relying on how the package was installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from conformance import RunOptions, run


def start_mock(clock: str) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "mockserver", "--port", str(port), "--clock", clock],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(url + "/_mock/teams", timeout=0.5)
            return process, url
        except httpx.HTTPError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("mock did not start")


def bench(clock: str, seed: int, max_examples: int) -> None:
    process, url = start_mock(clock)
    try:
        key = httpx.get(url + "/_mock/teams").json()[0]["api_keys"][0]
        started = time.perf_counter()
        result = run(RunOptions(api_key=key, base_url=url, seed=seed, max_examples=max_examples))
        total = time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=10)
    schema = result.stats.get("schema", {})
    print(f"== mock --clock {clock}, seed {seed}, max-examples {max_examples}")
    print(
        f"total wall time        {total:6.1f} s   verdict: {'conforms' if result.conforms else 'violations: ' + ', '.join(o.name for o in result.failed)}"
    )
    for layer, seconds in result.timings.items():
        print(f"  {layer:<20} {seconds:6.1f} s")
    print(
        f"  schema requests      {schema.get('requests')} in {schema.get('scenarios')} scenarios; phases {schema.get('phases')}"
    )
    print(f"  behaviour+lifecycle requests {result.stats.get('requests_behaviour')}")
    print(
        f"  paced (slept)        {result.stats.get('paced_wait_seconds')} s; mock clock advanced {result.stats.get('mock_clock_advanced_seconds')} s"
    )
    counts = result.counts()
    print("  checks               " + ", ".join(f"{k.value} {v}" for k, v in counts.items()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clock", choices=("manual", "real", "both"), default="manual")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-examples", type=int, default=10)
    args = parser.parse_args()
    for clock in ("manual", "real") if args.clock == "both" else (args.clock,):
        bench(clock, args.seed, args.max_examples)


if __name__ == "__main__":
    main()
