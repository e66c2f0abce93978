"""How long a default conformance run takes against a local mock, and where the time goes.

Starts the mock (`python -m mockserver --clock manual`, and optionally `--clock real`) as a uvicorn
process, runs the kit with its default settings through the public runner API, and prints the wall time
per layer, per Schemathesis phase, request counts and pacing. Figures, never assertions.

`--target rate-limited` runs the kit the way it meets a real deployment: the mock on the real clock with
its rate limits on, the kit with `--no-mock-control` and its default 10-minute time budget (the schema
layer sized to the buckets' refill rates, every wait for tokens counted per bucket).

    python bench/conformance_speed.py [--clock manual|real|both] [--target local|rate-limited|both]
        [--seed N] [--max-examples N] [--time-budget S]
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


def bench(
    clock: str, seed: int, max_examples: int, *, mock_control: bool = True, time_budget: float | None = None
) -> None:
    process, url = start_mock(clock)
    try:
        key = httpx.get(url + "/_mock/teams").json()[0]["api_keys"][0]
        started = time.perf_counter()
        result = run(
            RunOptions(
                api_key=key,
                base_url=url,
                seed=seed,
                max_examples=max_examples,
                use_mock_control=mock_control,
                time_budget=time_budget,
            )
        )
        total = time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=10)
    schema = result.stats.get("schema", {})
    control = "mock control on" if mock_control else "--no-mock-control"
    print(
        f"== mock --clock {clock} (rate limits on), kit {control}, seed {seed}, max-examples {max_examples}, "
        f"time budget {time_budget or 'none'}"
    )
    verdict = (
        result.verdict
        if result.incomplete or not result.failed
        else "violations: " + ", ".join(o.name for o in result.failed)
    )
    print(f"total wall time        {total:6.1f} s   verdict: {verdict}")
    print(f"  paced by bucket      {result.stats.get('paced_wait_by_bucket')}")
    for note in result.notes:
        if note.startswith("Schema layer sized"):
            print(f"  {note}")
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
    parser.add_argument("--target", choices=("local", "rate-limited", "both"), default="local")
    parser.add_argument("--time-budget", type=float, default=600.0)
    args = parser.parse_args()
    if args.target in ("local", "both"):
        for clock in ("manual", "real") if args.clock == "both" else (args.clock,):
            bench(clock, args.seed, args.max_examples)
    if args.target in ("rate-limited", "both"):
        bench("real", args.seed, args.max_examples, mock_control=False, time_budget=args.time_budget)


if __name__ == "__main__":
    main()
