"""Throughput and latency of the mock with the Redis store beside the memory store, side by side in one run.

What it measures (issue 12's figures), each with the same wrk settings:
  - requests per second for `GET /v1/characters/{id}` and `POST /v1/characters/{id}/save` (the idempotent
    replay on a `ready` character), served by
      memory    `python -m mockserver` (the default in-memory store, one process),
      redis-1   `--store redis://...` (one process),
      redis-2   `--store redis://... --workers 2` (two worker processes on one port);
  - the per-request latency Redis adds: the median latency of one connection doing one request at a time,
    redis-1 minus memory.
All servers run `--no-rate-limits --synthesis-seconds 0`; the Redis ones share one fresh redis-server (a
prefix each). Client, servers and Redis share this machine's cores, so only the ratios mean anything; the
rounds alternate servers to spread noise over all of them.

Needs wrk (Debian package `wrk`) and redis-server (Debian package `redis-server`), and the mock's `--store`
and `--workers` options. Usage: python bench/redis_store.py [--seconds 10] [--rounds 2] [--connections 16]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from harness.ports import free_port  # noqa: E402
from harness.redis_server import missing_reason, running_redis  # noqa: E402

SERVERS = ("memory", "redis-1", "redis-2")
ROUTES = ("get", "save")


def _mock_options() -> str:
    return subprocess.run(
        [sys.executable, "-m", "mockserver", "--help"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def _wait_ready(base: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the mock exited with {process.returncode} before answering")
        try:
            urllib.request.urlopen(f"{base}/_mock/teams", timeout=1).read()
            return
        except (OSError, urllib.error.URLError):
            time.sleep(0.05)
    raise RuntimeError(f"{base} did not answer within {timeout} s")


def _request(url: str, method: str = "GET", headers: dict[str, str] | None = None, body: object = None) -> object:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(
        url, method=method, data=data, headers={"Content-Type": "application/json", **(headers or {})}
    )
    with urllib.request.urlopen(req, timeout=10) as response:
        raw = response.read()
        return json.loads(raw) if raw else {}


def _wrk(url: str, method: str, key: str, seconds: int, connections: int) -> tuple[float, float]:
    """(requests per second, median latency in ms) of one wrk run; refuses to count a run with errors."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(f'wrk.method = "{method}"\nwrk.headers["X-Api-Key"] = "{key}"\n')
    try:
        out = subprocess.run(
            ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", handle.name, url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(handle.name)
    errors = [line.strip() for line in out.splitlines() if "Non-2xx" in line or "Socket errors" in line]
    if errors:
        raise RuntimeError(f"wrk saw errors from {url}: {errors[0]}")
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", out, re.MULTILINE)
    median = re.search(r"^\s+50%\s+([\d.]+)(us|ms|s)\s*$", out, re.MULTILINE)
    if rate is None or median is None:
        raise RuntimeError(f"unexpected wrk output:\n{out}")
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[median.group(2)]
    return float(rate.group(1)), float(median.group(1)) * scale


def _start(name: str, redis_url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    args = [sys.executable, "-m", "mockserver", "--port", str(port), "--no-rate-limits", "--synthesis-seconds", "0"]
    if name != "memory":
        args += ["--store", redis_url, "--redis-prefix", f"bench-{name}"]
    if name == "redis-2":
        args += ["--workers", "2"]
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    _wait_ready(base, process)
    return process, base


def _targets(base: str) -> dict[str, tuple[str, str, str]]:
    """A ready character of the first demo team: (url, method, key) per route."""
    teams = _request(f"{base}/_mock/teams")
    assert isinstance(teams, list)
    key = teams[0]["api_keys"][0]
    character = _request(
        f"{base}/v1/characters",
        "POST",
        {"X-Api-Key": key},
        {"name": "Bench", "generate": True, "attributes": {"age": 30}},
    )
    assert isinstance(character, dict)
    _request(f"{base}/_mock/characters/{character['id']}/status", "PUT", body={"status": "ready"})
    return {
        "get": (f"{base}/v1/characters/{character['id']}", "GET", key),
        "save": (f"{base}/v1/characters/{character['id']}/save", "POST", key),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per measurement")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds per server and route")
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()

    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install -y wrk")
    if missing_reason() is not None:
        sys.exit(f"redis-server is needed: {missing_reason()}")
    options = _mock_options()
    absent = [flag for flag in ("--store", "--redis-prefix", "--workers") if flag not in options]
    if absent:
        sys.exit(
            f"this mock has no {', '.join(absent)} option yet (the Redis store of issue 12): "
            "nothing to compare the memory store with"
        )

    with running_redis() as redis:
        processes: dict[str, subprocess.Popen[bytes]] = {}
        try:
            targets = {}
            for name in SERVERS:
                processes[name], base = _start(name, redis.url)
                targets[name] = _targets(base)
            for name in SERVERS:  # warm-up
                for url, method, key in targets[name].values():
                    _wrk(url, method, key, 2, args.connections)
            rates: dict[tuple[str, str], list[float]] = {(s, r): [] for s in SERVERS for r in ROUTES}
            latencies: dict[tuple[str, str], list[float]] = {(s, r): [] for s in ("memory", "redis-1") for r in ROUTES}
            for _ in range(args.rounds):
                for route in ROUTES:
                    for name in SERVERS:
                        rate, _median = _wrk(*targets[name][route], args.seconds, args.connections)
                        rates[(name, route)].append(rate)
                    for name in ("memory", "redis-1"):  # one request at a time: latency without queueing
                        _rate, median = _wrk(*targets[name][route], args.seconds, 1)
                        latencies[(name, route)].append(median)
        finally:
            for process in processes.values():
                process.terminate()
                process.wait(timeout=20)

    print(f"wrk -t1 -c{args.connections} -d{args.seconds}s, {args.rounds} alternating rounds; {os.cpu_count()} cores")
    print(f"{'route':<8}{'server':<10}{'req/s (median)':>16}{'x memory':>10}   rounds")
    for route in ROUTES:
        memory = statistics.median(rates[("memory", route)])
        for name in SERVERS:
            figures = rates[(name, route)]
            rounds = ", ".join(f"{figure:.0f}" for figure in figures)
            print(
                f"{route:<8}{name:<10}{statistics.median(figures):>16.0f}{statistics.median(figures) / memory:>9.2f}x   {rounds}"
            )
    print("median latency, one connection (wrk -c1):")
    for route in ROUTES:
        memory, shared = (statistics.median(latencies[(name, route)]) for name in ("memory", "redis-1"))
        print(f"  {route:<6} memory {memory:.3f} ms, redis-1 {shared:.3f} ms: Redis adds {shared - memory:.3f} ms")


if __name__ == "__main__":
    main()
