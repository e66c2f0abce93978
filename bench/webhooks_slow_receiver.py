"""Does a slow or dead webhook receiver slow the API? Request latency side by side, three receivers.

Starts the mock (`python -m mockserver --clock manual --no-rate-limits`) as a uvicorn process and, in
each round, measures the same loop of API calls: every call fires a test delivery
(`POST /v1/webhook_endpoints/{id}/test`) and then reads the endpoint back (`GET`). The receiver is

- **fast**: answers 200 at once;
- **slow**: holds every delivery until the round ends (the mock's 10 s timeout is never reached sooner);
- **dead**: nothing listens (connection refused).

Prints median and p95 latency per receiver and their ratio to the fast one. Figures, never assertions.

    python bench/webhooks_slow_receiver.py [--requests N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from conformance.webhook_receiver import WebhookReceiver
from harness.ports import free_port


def start_mock() -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mockserver", "--port", str(port), "--clock", "manual", "--no-rate-limits"],
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
    raise SystemExit("the mock did not start")


def register(client: httpx.Client, url: str, headers: dict[str, str], target: str) -> str:
    response = client.post(url + "/v1/webhook_endpoints", json={"url": target, "events": ["*"]}, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def measure(
    client: httpx.Client, url: str, headers: dict[str, str], endpoints: dict[str, str], name: str, target: str, n: int
) -> list[float]:
    timings = []
    while len(timings) < n:
        started = time.perf_counter()
        fire = client.post(
            f"{url}/v1/webhook_endpoints/{endpoints[name]}/test",
            json={"event_type": "character.completed"},
            headers=headers,
        )
        read = client.get(f"{url}/v1/webhook_endpoints/{endpoints[name]}", headers=headers)
        elapsed = (time.perf_counter() - started) * 1000
        if fire.status_code == 400 and not read.json()["is_active"]:
            # 20 failed attempts disabled it (as the contract says): a new endpoint, this round not counted
            endpoints[name] = register(client, url, headers, target)
            continue
        assert fire.status_code == 202 and read.status_code == 200, (fire.text, read.text)
        timings.append(elapsed)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    process, url = start_mock()
    results: dict[str, list[float]] = {}
    try:
        with httpx.Client(timeout=30) as client, WebhookReceiver() as receiver:
            headers = {"X-Api-Key": client.get(url + "/_mock/teams").json()[0]["api_keys"][0]}
            held = receiver.hold("/slow")
            targets = {
                "fast": receiver.url("/fast"),
                "slow": receiver.url("/slow"),
                "dead": f"http://127.0.0.1:{free_port()}/dead",
            }
            endpoints = {name: register(client, url, headers, target) for name, target in targets.items()}
            for name, target in targets.items():
                measure(client, url, headers, endpoints, name, target, 10)  # warm-up
            # Interleaved batches, so that drift on a shared machine falls on every receiver alike.
            batches = 10
            for _ in range(batches):
                for name, target in targets.items():
                    results.setdefault(name, []).extend(
                        measure(client, url, headers, endpoints, name, target, args.requests // batches)
                    )
            in_flight = len(
                client.get(
                    url + "/_mock/webhooks/deliveries", params={"status": "in_flight", "endpoint_id": endpoints["slow"]}
                ).json()
            )
            held.set()
    finally:
        process.terminate()
        process.wait(timeout=10)
    base = statistics.median(results["fast"])
    print(f"{args.requests} rounds of (test fire + GET) per receiver; mock on uvicorn, manual clock")
    print(f"{'receiver':<8} {'median ms':>10} {'p95 ms':>8} {'median vs fast':>15}")
    for name, timings in results.items():
        p95 = statistics.quantiles(timings, n=20)[-1]
        print(f"{name:<8} {statistics.median(timings):>10.2f} {p95:>8.2f} {statistics.median(timings) / base:>14.2f}x")
    print(f"deliveries still held by the slow receiver when the last round ended: {in_flight}")


if __name__ == "__main__":
    main()
