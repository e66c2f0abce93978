"""Soak: thousands of mixed, concurrent requests from two teams against a real mock; the invariants held.

Two teams (`PUT /_mock/fixtures` gives each a large balance) each run a random mix — synthesize-flow
creates (some repeated with their Idempotency-Key), retrieves, lists, saves, renames, images (some
replayed), deletes, and reads of the other team's ids — over one connection pool with N requests in
flight. Then it checks, and prints:
- 5xx: none;
- isolation: no other team's character was ever served (200), nor listed (every listed id is checked at
  the end against the ids each team created: listed ids of the other team are leaks);
- credits exact: each team's balance = start - 4 × first creates - 1 × first images (replays free);
- replays identical: status, body, Content-Length and Aurous-Version equal to the original's.
Usage: python bench/soak.py [--requests 8000] [--concurrency 32] [--seed 1]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
START_CREDITS = 1_000_000
BODY = {"name": "Soak", "generate": True, "attributes": {"age": 30}}


async def team_worker(http, team, other, rng, budget, stats, lock) -> None:
    headers = {"X-Api-Key": team["key"]}
    while True:
        async with lock:
            if budget[0] <= 0:
                return
            budget[0] -= 1
        action = rng.choices(
            ["create", "replay_create", "get", "get_other", "list", "save", "patch", "image", "replay_image", "delete"],
            [12, 4, 20, 8, 10, 8, 6, 8, 4, 3],
        )[0]
        own = team["ids"]
        if action == "create" or (action == "replay_create" and not team["creates"]):
            key = f"c-{rng.getrandbits(64):x}"
            r = await http.post(
                "/v1/characters", json=BODY, headers={**headers, "Idempotency-Key": key, "Prefer": "outcome=instant"}
            )
            if r.status_code == 201:
                team["creates"][key] = r
                own.append(r.json()["id"])
                team["charged"] += 4
        elif action == "replay_create":
            key = rng.choice(list(team["creates"]))
            r = await http.post(
                "/v1/characters", json=BODY, headers={**headers, "Idempotency-Key": key, "Prefer": "outcome=instant"}
            )
            original = team["creates"][key]
            same = (r.status_code, r.content, r.headers.get("content-length"), r.headers.get("aurous-version")) == (
                original.status_code,
                original.content,
                original.headers.get("content-length"),
                original.headers.get("aurous-version"),
            )
            stats["replays"] += 1
            stats["replays_differing"] += not same
        elif action in ("get", "save", "patch", "delete") and own:
            cid = rng.choice(own)
            if action == "get":
                r = await http.get(f"/v1/characters/{cid}", headers=headers)
            elif action == "save":
                r = await http.post(f"/v1/characters/{cid}/save", headers=headers)
            elif action == "patch":
                r = await http.patch(f"/v1/characters/{cid}", json={"name": "Renamed"}, headers=headers)
            else:
                r = await http.delete(f"/v1/characters/{cid}", headers=headers)
                if r.status_code == 200:
                    own.remove(cid)
        elif action == "get_other" and other["ids"]:
            r = await http.get(f"/v1/characters/{rng.choice(other['ids'])}", headers=headers)
            stats["leaks"] += r.status_code == 200
        elif action == "list":
            r = await http.get("/v1/characters", params={"limit": 100}, headers=headers)
            if r.status_code == 200:  # checked at the end against the server's own record of each row's team
                team["seen"].update(row["id"] for row in r.json()["data"])
        elif action in ("image", "replay_image"):
            if action == "replay_image" and team["images"]:
                key = rng.choice(list(team["images"]))
            else:
                key = f"i-{rng.getrandbits(64):x}"
            r = await http.post("/v1/images", json={"prompt": "a cat"}, headers={**headers, "Idempotency-Key": key})
            if r.status_code == 202:
                if key in team["images"]:
                    original = team["images"][key]
                    stats["replays"] += 1
                    stats["replays_differing"] += (r.content, r.headers.get("content-length")) != (
                        original.content,
                        original.headers.get("content-length"),
                    )
                else:
                    team["images"][key] = r
                    team["charged"] += 1
        else:
            r = await http.get("/v1/balance", headers=headers)
        stats["requests"] += 1
        stats[f"{r.status_code}"] += 1
        stats["5xx"] += r.status_code >= 500


async def soak(base: str, requests: int, concurrency: int, seed: int) -> None:
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        listed = (await http.get("/_mock/teams")).json()
        await http.put("/_mock/fixtures", json={"credits": {"0": START_CREDITS, "1": START_CREDITS}})
        teams = [
            {
                "id": t["id"],
                "key": t["api_keys"][0],
                "ids": [],
                "seen": set(),
                "creates": {},
                "images": {},
                "charged": 0,
            }
            for t in listed[:2]
        ]
        stats: collections.Counter[str] = collections.Counter()
        budget, lock = [requests], asyncio.Lock()
        rng = random.Random(seed)
        started = time.perf_counter()
        await asyncio.gather(
            *(
                team_worker(http, teams[n % 2], teams[1 - n % 2], random.Random(rng.random()), budget, stats, lock)
                for n in range(concurrency)
            )
        )
        elapsed = time.perf_counter() - started
        created = [{r.json()["id"] for r in team["creates"].values()} for team in teams]
        stats["leaks"] += len(teams[0]["seen"] & created[1]) + len(teams[1]["seen"] & created[0])
        stats["unknown_listed"] += sum(len(team["seen"] - created[0] - created[1]) for team in teams)
        exact = []
        for team in teams:
            balance = (await http.get("/v1/balance", headers={"X-Api-Key": team["key"]})).json()["credits"]
            exact.append(balance == START_CREDITS - team["charged"])
    print(f"{stats['requests']} requests, {concurrency} in flight, two teams, {elapsed:.1f} s")
    print("by status: " + ", ".join(f"{k}×{v}" for k, v in sorted(stats.items()) if k.isdigit()))
    print(
        f"5xx: {stats['5xx']}; cross-team leaks: {stats['leaks']} (listed ids nobody created: {stats['unknown_listed']}); credits exact for both teams: {all(exact)}; "
        f"replays: {stats['replays']}, differing from their original: {stats['replays_differing']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=8000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "mockserver", "--port", str(port), "--clock", "manual", "--no-rate-limits"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/_mock/teams", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.05)
        asyncio.run(soak(base, args.requests, args.concurrency, args.seed))
    finally:
        process.terminate()
        process.wait(timeout=20)


if __name__ == "__main__":
    main()
