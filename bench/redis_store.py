"""Throughput and latency of the Redis store against the memory store, side by side in one run.

Servers, started here: the memory store (one process), the Redis store with 1 worker and with 2 workers
(``--workers 2``), all on one real redis-server (``tests/redis_server.py``: a temp dir, a free port, no
persistence). Each gets the same wrk settings for ``GET /v1/characters/{id}`` and ``POST .../save`` on a
``ready`` character; the rounds alternate servers to spread noise. Latency: the median of sequential
requests on one kept-alive connection, memory against Redis (1 worker): the difference is what the Redis
round trips add per request. Client, servers and Redis share this machine's cores: compare ratios only.

Needs wrk (Debian package ``wrk``) and redis-server. Usage:
    python bench/redis_store.py [--seconds 5] [--rounds 2] [--connections 16] [--latency-requests 500]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.mock_throughput import free_port, wait_ready, wrk  # noqa: E402
from tests.redis_server import running_redis, unique_prefix  # noqa: E402


def start(*args: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mockserver",
            "--port",
            str(port),
            "--no-rate-limits",
            "--synthesis-seconds",
            "0",
            *args,
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    wait_ready(f"{base}/_mock/teams", {})
    return process, base


def ready_character(base: str) -> tuple[str, str]:
    with httpx.Client(base_url=base, timeout=10) as client:
        key = client.get("/_mock/teams").json()[0]["api_keys"][0]
        body = {"name": "Bench", "generate": True, "attributes": {"age": 30}}
        character = client.post("/v1/characters", json=body, headers={"X-Api-Key": key}).json()
        client.put(f"/_mock/characters/{character['id']}/status", json={"status": "ready"})
    return key, character["id"]


def latency_ms(base: str, key: str, character_id: str, count: int) -> float:
    with httpx.Client(base_url=base, timeout=10) as client:
        timings = []
        for _ in range(count):
            started = time.perf_counter()
            client.get(f"/v1/characters/{character_id}", headers={"X-Api-Key": key}).raise_for_status()
            timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per measurement")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds per server and route")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--latency-requests", type=int, default=500)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install -y wrk")

    with running_redis() as redis:
        servers: dict[str, tuple[subprocess.Popen, str]] = {}
        try:
            servers["memory"] = start()
            servers["redis 1w"] = start("--store", redis.url, "--redis-prefix", unique_prefix("bench1"))
            servers["redis 2w"] = start(
                "--store", redis.url, "--redis-prefix", unique_prefix("bench2"), "--workers", "2"
            )
            targets = {}
            for name, (_, base) in servers.items():
                key, character_id = ready_character(base)
                targets[("get", name)] = (f"{base}/v1/characters/{character_id}", "GET", key)
                targets[("save", name)] = (f"{base}/v1/characters/{character_id}/save", "POST", key)
            for url, method, key in targets.values():  # warm-up
                wrk(url, method, key, 1, args.connections)
            results: dict[tuple[str, str], list[float]] = {name: [] for name in targets}
            for _ in range(args.rounds):
                for name, (url, method, key) in targets.items():
                    results[name].append(wrk(url, method, key, args.seconds, args.connections))
            latencies = {}
            for name in ("memory", "redis 1w"):
                url, _, key = targets[("get", name)]
                base, _, character_id = url.rpartition("/v1/characters/")
                latencies[name] = latency_ms(base, key, character_id, args.latency_requests)
        finally:
            for process, _ in servers.values():
                process.terminate()
                process.wait(timeout=20)

    print(f"wrk -t1 -c{args.connections} -d{args.seconds}s, {args.rounds} rounds (median); --no-rate-limits")
    print(f"{'route':<6}{'server':<10}{'req/s':>8}   rounds      vs memory")
    for (route, server), figures in results.items():
        ratio = statistics.median(figures) / statistics.median(results[(route, "memory")])
        rounds = ", ".join(f"{f:.0f}" for f in figures)
        print(f"{route:<6}{server:<10}{statistics.median(figures):>8.0f}   {rounds:<12}{ratio:.2f}x")
    added = latencies["redis 1w"] - latencies["memory"]
    print(
        f"GET latency, sequential on one connection (median of {args.latency_requests}): memory "
        f"{latencies['memory']:.2f} ms, redis {latencies['redis 1w']:.2f} ms: Redis adds {added:.2f} ms per request"
    )


if __name__ == "__main__":
    main()
