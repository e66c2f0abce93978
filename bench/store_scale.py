"""The mock's store at 100k and 1M characters: memory per character, retrieve and list latency.

Each size runs in a fresh child process (so memory is measured from a clean start): characters are made
through ``CharactersService.create_character`` (the synthesize flow, finished instantly: four signed ref
URLs, attributes, the real row shape) for one team, then timed in-process, with no HTTP in the way:

- memory: traced Python allocations of the store after filling it, divided by the number of rows;
- retrieve: ``retrieve_character`` of random ids (median of many);
- list: the first page, a page near the end (``starting_after`` one of the oldest rows) — beside the
  listing this replaced (walk newest first to the cursor: O(n)), timed in the same run — and the cost per
  page of walking the pages with ``next_cursor``.

Figures only, never assertions. Usage: python bench/store_scale.py [--sizes 100000 1000000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ATTRIBUTES = {"gender": "female", "age": 28, "hair_color": "black", "hair_style": "bob", "eye_color": "green"}


def _median_us(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1e6, 2)


def measure(size: int, walk_pages: int) -> dict[str, float]:
    from aurous_contract import load_spec
    from mockserver.clock import ManualClock
    from mockserver.domain.service import CharactersService, ServiceSettings
    from mockserver.operations import OperationIndex
    from mockserver.settings import DEMO_TEAMS
    from mockserver.store import Store

    team = DEMO_TEAMS[0]
    clock = ManualClock()
    store = Store([team])
    store.set_credits(team.id, 4 * size + 4)
    service = CharactersService(
        store,
        clock,
        ServiceSettings(
            storage_base_url="http://127.0.0.1:8000/storage/characters",
            credit_costs=OperationIndex(load_spec()).credit_costs,  # the spec's, as the app wires them
        ),
    )
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    ids = []
    started = time.perf_counter()
    for number in range(size):
        body = {"name": f"Character {number}", "generate": True, "attributes": ATTRIBUTES}
        ids.append(service.create_character(team.id, body, version="2026-05-15", outcome="instant").id)
    fill_seconds = time.perf_counter() - started
    per_character = (tracemalloc.get_traced_memory()[0] - before) / size
    tracemalloc.stop()

    rng = random.Random(7)
    gets = []
    for character_id in rng.sample(ids, 2000):
        t = time.perf_counter()
        service.retrieve_character(team.id, character_id)
        gets.append(time.perf_counter() - t)

    def time_list(starting_after: str | None, repeat: int = 200) -> float:
        samples = []
        for _ in range(repeat):
            t = time.perf_counter()
            service.list_characters(team.id, limit=20, starting_after=starting_after)
            samples.append(time.perf_counter() - t)
        return _median_us(samples)

    def scan_to(starting_after: str, limit: int = 20) -> list:
        """The listing before issue 10: walk newest first to the cursor, then collect (the O(n) baseline)."""
        rows = store.iter_newest_first(team.id)
        for row in rows:
            if row.id == starting_after:
                break
        return [row for _, row in zip(range(limit), rows, strict=False)]  # rows may run longer

    scans = []
    for _ in range(5):
        t = time.perf_counter()
        scan_to(ids[25])
        scans.append(time.perf_counter() - t)

    cursor, pages, t = None, 0, time.perf_counter()
    while pages < walk_pages:
        _page, has_more, cursor = service.list_characters(team.id, limit=100, starting_after=cursor)
        pages += 1
        if not has_more:
            break
    walk = (time.perf_counter() - t) / pages
    return {
        "characters": size,
        "fill_seconds": round(fill_seconds, 1),
        "bytes_per_character": round(per_character),
        "retrieve_median_us": _median_us(gets),
        "list_first_page_median_us": time_list(None),
        "list_page_near_the_end_median_us": time_list(ids[25]),
        "old_scan_page_near_the_end_median_us": _median_us(scans),
        "list_walk_per_100_page_us": round(walk * 1e6, 2),
        "walked_pages": pages,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--walk-pages", type=int, default=2000, help="pages of 100 walked with next_cursor")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.walk_pages)))
        return
    print(
        f"{'characters':>10} {'fill s':>7} {'B/char':>7} {'get µs':>7} {'list p1 µs':>10} "
        f"{'list deep µs':>12} {'old scan µs':>12} {'walk µs/page':>12}"
    )
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--walk-pages", str(args.walk_pages)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(
            f"{r['characters']:>10} {r['fill_seconds']:>7} {r['bytes_per_character']:>7} "
            f"{r['retrieve_median_us']:>7} {r['list_first_page_median_us']:>10} "
            f"{r['list_page_near_the_end_median_us']:>12} {r['old_scan_page_near_the_end_median_us']:>12} "
            f"{r['list_walk_per_100_page_us']:>12}",
            flush=True,
        )


if __name__ == "__main__":
    main()
