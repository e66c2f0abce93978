"""Throughput of the mock server against Stoplight Prism, measured side by side in one run.

What it measures (issue 3's speed target): requests per second for
  - `POST /v1/characters/{id}/save` on a `ready` character (the idempotent replay), and
  - `GET /v1/characters/{id}`,
served by our stateful, fully validating mock (one process, `--no-rate-limits` so wrk is not refused)
and by Prism 5 (`prism mock openapi.yaml -v warn`, a static example response), each driven by wrk from
a second process. Client and servers share this machine's cores, so only the ratios mean anything;
the rounds alternate servers to spread noise over both. Also: start-up time to the first response.

Needs wrk (Debian package `wrk`) and Prism (`npm install @stoplight/prism-cli@5.14.2`; set PRISM to its
binary or put it on PATH). Usage: python bench/mock_throughput.py [--seconds 10] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout: harness importable
from harness.ports import free_port  # noqa: E402

SPEC = ROOT / "openapi.yaml"
EXAMPLE_ID = "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR"


def wait_ready(url: str, headers: dict[str, str], timeout: float = 30.0) -> float:
    """Seconds until `url` first answers (any HTTP status), polling every 5 ms."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=1).read()
            return time.perf_counter() - start
        except urllib.error.HTTPError:
            return time.perf_counter() - start
        except OSError:
            time.sleep(0.005)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def request(url: str, method: str = "GET", headers: dict[str, str] | None = None, body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(
        url, method=method, data=data, headers={"Content-Type": "application/json", **(headers or {})}
    )
    with urllib.request.urlopen(req, timeout=5) as response:
        raw = response.read()
        return json.loads(raw) if raw else {}


def wrk(url: str, method: str, key: str, seconds: int, connections: int) -> float:
    script = f"""
wrk.method = "{method}"
wrk.headers["X-Api-Key"] = "{key}"
"""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        out = subprocess.run(
            ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "-s", handle.name, url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(handle.name)
    non2xx = [line for line in out.splitlines() if "Non-2xx" in line]
    if non2xx:
        raise RuntimeError(f"wrk saw errors from {url}: {non2xx[0].strip()}")
    for line in out.splitlines():
        if line.startswith("Requests/sec:"):
            return float(line.split()[1])
    raise RuntimeError(f"no Requests/sec in wrk output:\n{out}")


def start_ours(port: int) -> tuple[subprocess.Popen, float]:
    process = subprocess.Popen(
        [sys.executable, "-m", "mockserver", "--port", str(port), "--no-rate-limits", "--synthesis-seconds", "0"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return process, wait_ready(f"http://127.0.0.1:{port}/_mock/teams", {})


def start_prism(port: int) -> tuple[subprocess.Popen, float]:
    prism = os.environ.get("PRISM") or shutil.which("prism") or "/tmp/prism/node_modules/.bin/prism"
    if not os.access(prism, os.X_OK):
        sys.exit(
            f"Prism not found at {prism}: npm install --prefix /tmp/prism @stoplight/prism-cli@5.14.2 "
            "(or set PRISM to its binary)."
        )
    process = subprocess.Popen(
        [prism, "mock", str(SPEC), "-p", str(port), "-v", "warn"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    key = "al_live_" + "0" * 64
    return process, wait_ready(f"http://127.0.0.1:{port}/v1/characters/{EXAMPLE_ID}", {"X-Api-Key": key})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per measurement")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds per server and route")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--startups", type=int, default=5, help="start-up measurements per server (median)")
    parser.add_argument("--startup-only", action="store_true", help="measure start-up time only (no wrk)")
    args = parser.parse_args()

    startups: dict[str, list[float]] = {"ours": [], "prism": []}
    for _ in range(args.startups):
        for name, start in (("ours", start_ours), ("prism", start_prism)):
            process, seconds = start(free_port())
            process.terminate()
            process.wait(timeout=10)
            startups[name].append(seconds)
    startup_line = "start-up to first response (median of {n}): ours {o:.2f} s [{ol}], prism {p:.2f} s".format(
        n=args.startups,
        o=statistics.median(startups["ours"]),
        ol=", ".join(f"{x:.2f}" for x in startups["ours"]),
        p=statistics.median(startups["prism"]),
    )
    if args.startup_only:
        print(startup_line)
        return
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install -y wrk")

    ours_port, prism_port = free_port(), free_port()
    ours, _ = start_ours(ours_port)
    prism, _ = start_prism(prism_port)
    try:
        base = f"http://127.0.0.1:{ours_port}"
        key = request(f"{base}/_mock/teams")[0]["api_keys"][0]
        character = request(
            f"{base}/v1/characters",
            "POST",
            {"X-Api-Key": key},
            {"name": "Bench", "generate": True, "attributes": {"age": 30}},
        )
        request(f"{base}/_mock/characters/{character['id']}/status", "PUT", body={"status": "ready"})
        prism_key = "al_live_" + "0" * 64

        targets = {
            ("save", "ours"): (f"{base}/v1/characters/{character['id']}/save", "POST", key),
            ("save", "prism"): (f"http://127.0.0.1:{prism_port}/v1/characters/{EXAMPLE_ID}/save", "POST", prism_key),
            ("get", "ours"): (f"{base}/v1/characters/{character['id']}", "GET", key),
            ("get", "prism"): (f"http://127.0.0.1:{prism_port}/v1/characters/{EXAMPLE_ID}", "GET", prism_key),
        }
        for url, method, k in targets.values():  # warm-up
            wrk(url, method, k, 2, args.connections)
        results: dict[tuple[str, str], list[float]] = {name: [] for name in targets}
        for _ in range(args.rounds):
            for name, (url, method, k) in targets.items():
                results[name].append(wrk(url, method, k, args.seconds, args.connections))
    finally:
        for process in (ours, prism):
            process.terminate()
            process.wait(timeout=10)

    print(f"{'route':<8}{'server':<8}{'req/s (median)':>16}   rounds")
    for (route, server), figures in results.items():
        rounds = ", ".join(f"{f:.0f}" for f in figures)
        print(f"{route:<8}{server:<8}{statistics.median(figures):>16.0f}   {rounds}")
    for route in ("save", "get"):
        ratio = statistics.median(results[(route, "ours")]) / statistics.median(results[(route, "prism")])
        print(f"ratio ours/prism, {route}: {ratio:.2f}x")
    print(startup_line)


if __name__ == "__main__":
    main()
