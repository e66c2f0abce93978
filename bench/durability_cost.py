"""What --durability durable costs: write and read throughput against --durability interval, side by side.

Two mocks run at once, each with its own --state-file in one temp directory (same disk): `interval` (the
default: the state is written every few seconds) and `durable` (every change fsynced to a journal before
its response). One client sends the same sequential requests to each, alternating rounds:
- writes: `PATCH /v1/characters/{id}` (each is a stored change, so in durable mode one fsync);
- reads: `GET /v1/characters/{id}` (no change: durable mode adds nothing).
Client and servers share this machine's cores: read the ratios, not the absolute numbers.
Usage: python bench/durability_cost.py [--requests 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout: harness importable
from harness.ports import free_port  # noqa: E402


def start(state: Path, durability: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mockserver",
            "--port",
            str(port),
            "--clock",
            "manual",
            "--no-rate-limits",
            "--state-file",
            str(state),
            "--durability",
            durability,
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(base + "/_mock/teams", timeout=1)
            return process, base
        except httpx.HTTPError:
            time.sleep(0.05)
    raise SystemExit(f"the {durability} mock did not start")


def rate(client: httpx.Client, method: str, path: str, requests: int, **kwargs) -> float:
    started = time.perf_counter()
    for number in range(requests):
        if method == "PATCH":
            kwargs["json"] = {"name": f"Renamed {number}"}
        response = client.request(method, path, **kwargs)
        assert response.status_code == 200, response.text
    return requests / (time.perf_counter() - started)


def fsync_cost_us(directory: Path, count: int = 300) -> float:
    """One journal-sized append + fsync on this disk: the floor of what durable mode adds to a write."""
    import os

    path = directory / "probe.journal"
    with open(path, "a") as out:
        started = time.perf_counter()
        for _ in range(count):
            out.write("x" * 400 + "\n")
            out.flush()
            os.fsync(out.fileno())
    return (time.perf_counter() - started) / count * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dir", default=None, help="where the state files go (default: the temp dir); pick the disk")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as directory:
        servers = {mode: start(Path(directory) / f"{mode}.json", mode) for mode in ("interval", "durable")}
        try:
            results: dict[tuple[str, str], list[float]] = {}
            setups = {}
            for mode, (_process, base) in servers.items():
                client = httpx.Client(base_url=base)
                key = client.get("/_mock/teams").json()[0]["api_keys"][0]
                created = client.post(
                    "/v1/characters",
                    json={"name": "Bench", "generate": True, "attributes": {"age": 30}},
                    headers={"X-Api-Key": key, "Prefer": "outcome=instant"},
                ).json()
                setups[mode] = (client, {"X-Api-Key": key}, f"/v1/characters/{created['id']}")
            for _ in range(args.rounds):
                for kind, method in (("write", "PATCH"), ("read", "GET")):
                    for mode in ("interval", "durable"):
                        client, headers, path = setups[mode]
                        results.setdefault((kind, mode), []).append(
                            rate(client, method, path, args.requests, headers=headers)
                        )
            print(f"{'':8} {'interval req/s':>15} {'durable req/s':>14} {'durable/interval':>17}")
            for kind in ("write", "read"):
                interval = statistics.median(results[(kind, "interval")])
                durable = statistics.median(results[(kind, "durable")])
                print(f"{kind:8} {interval:>15.0f} {durable:>14.0f} {durable / interval:>17.2f}")
            print(f"one append+fsync on this disk: {fsync_cost_us(Path(directory)):.0f} µs")
            for client, _headers, _path in setups.values():
                client.close()
        finally:
            for process, _base in servers.values():
                process.terminate()
                process.wait(timeout=20)


if __name__ == "__main__":
    main()
