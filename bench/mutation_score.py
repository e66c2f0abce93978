"""Mutation score: the conformance kit and plain Schemathesis against every mutant of mutants/.

For each mutant (and the unbroken mock, as the false-alarm control):

* the kit, in-process over ASGI, rate-limit exhaustion on (it is the mock), manual clock; "caught" = it
  would exit 1. By default each mutant gets the kit layers that can see its fault (``Modifier.layers``, as
  the CI test does) and the unbroken mock every layer; ``--kit-layers all`` gives every mutant every layer
  and every Schemathesis phase (about three times longer: fewer layers can only catch less);
* plain `st run openapi.yaml --checks all` (all phases, `schemathesis.toml` picked up from the repository
  root), against the mutant served by uvicorn on a free loopback port with the real clock; "caught" = a
  non-zero exit. Rate limits are on only for the rate-limit mutants (as the project's own `st` gate runs
  the mock with `--no-rate-limits`, else most of st's requests meet a 429).

Prints a Markdown table, the line "kit X/N, schemathesis Y/N" and the wall time. Figures, never assertions.

    python bench/mutation_score.py [--seed N] [--jobs 2] [--kit-layers needed|all] [--kit-max-examples 3]
        [--st-max-examples 3] [--only NAME ...] [--markdown PATH]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout: conformance, mockserver and tests importable


@dataclass
class Row:
    name: str
    family: str
    doc: str
    caught_by: str
    kit_caught: bool = False
    kit_named: bool = False  # the mutant's own check was among the failures
    kit_failed: list[str] = field(default_factory=list)
    kit_seconds: float = 0.0
    st_caught: bool = False
    st_failed: list[str] = field(default_factory=list)
    st_seconds: float = 0.0
    st_error: str = ""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


ALL_LAYERS = ("schema", "lifecycle", "behaviour")


def _kit(name: str, seed: int, max_examples: int, all_layers: bool) -> tuple[bool, list[str], float]:
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

    from conformance import RunOptions, run
    from mutants import build, by_name

    mutant = None if name == "reference" else by_name(name)
    layers = ALL_LAYERS if mutant is None or all_layers else mutant.layers
    app = build(mutant)
    key = TestClient(app).get("/_mock/teams").json()[0]["api_keys"][0]
    started = time.perf_counter()
    options = RunOptions(
        api_key=key,
        app=app,
        seed=seed,
        max_examples=max_examples,
        layers=layers,
        exhaust_rate_limits=True,
        webhook_listen="127.0.0.1:0",  # the webhook checks need a receiver (a free loopback port)
    )
    result = run(options)
    return not result.conforms, [o.name for o in result.failed], time.perf_counter() - started


def _st(name: str, rate_limits: bool, seed: int, max_examples: int) -> tuple[bool, list[str], float, str]:
    import httpx

    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mutants.serve",
            name,
            "--port",
            str(port),
            "--rate-limits",
            "on" if rate_limits else "off",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                key = httpx.get(url + "/_mock/teams", timeout=1).json()[0]["api_keys"][0]
                break
            except (httpx.HTTPError, ValueError):
                time.sleep(0.1)
        else:
            return False, [], 0.0, "the mutant did not start"
        st = shutil.which("st", path=os.path.dirname(sys.executable)) or "st"
        started = time.perf_counter()
        done = subprocess.run(
            [
                st,
                "run",
                "openapi.yaml",
                "--url",
                url,
                "-H",
                f"X-Api-Key: {key}",
                "--checks",
                "all",
                "--max-examples",
                str(max_examples),
                "--seed",
                str(seed),
                "--no-color",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=900,
        )
        seconds = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)
    summary = done.stdout[done.stdout.rfind("Failures:") :] if "Failures:" in done.stdout else ""
    failed = re.findall(r"❌ (.+?): \d+", summary.split("\n\n")[0]) if summary else []
    error = "" if done.returncode in (0, 1) else f"st exited {done.returncode}: {(done.stdout + done.stderr)[-300:]}"
    return done.returncode != 0, failed, seconds, error


def measure(name: str, seed: int, kit_examples: int, st_examples: int, all_layers: bool) -> Row:
    from mutants import by_name

    mutant = None if name == "reference" else by_name(name)
    doc = "the unbroken reference mock" if mutant is None else (mutant.__doc__ or "").strip().split("\n\n")[0]
    row = Row(
        name=name,
        family="" if mutant is None else mutant.family,
        doc=" ".join(doc.split()),
        caught_by="" if mutant is None else mutant.caught_by,
    )
    row.kit_caught, row.kit_failed, row.kit_seconds = _kit(name, seed, kit_examples, all_layers)
    row.kit_named = row.caught_by in row.kit_failed
    rate_limits = mutant is not None and mutant.family == "rate limits"
    row.st_caught, row.st_failed, row.st_seconds, row.st_error = _st(name, rate_limits, seed, st_examples)
    return row


def table(rows: list[Row]) -> str:
    lines = [
        "| mutant | family | fault | kit | check that catches it | plain st | st's failures |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        if row.name == "reference":
            continue
        check = row.caught_by if row.kit_named else ", ".join(row.kit_failed[:2])
        st_failures = ", ".join(row.st_failed) or row.st_error or "—"
        lines.append(
            f"| `{row.name}` | {row.family} | {row.doc} | {'caught' if row.kit_caught else '**missed**'} | "
            f"`{check}` | {'caught' if row.st_caught else 'missed'} | {st_failures} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2, help="mutants measured in parallel (default 2: CI's cores)")
    parser.add_argument(
        "--kit-layers",
        choices=("needed", "all"),
        default="needed",
        help="the layers each mutant's fault needs (default), or every layer for every mutant",
    )
    parser.add_argument("--kit-max-examples", type=int, default=3)
    parser.add_argument("--st-max-examples", type=int, default=3)
    parser.add_argument("--only", nargs="*", help="only these mutants (class names)")
    parser.add_argument("--markdown", help="also write the table and score line to this file")
    args = parser.parse_args(argv)

    from mutants import MUTANTS

    names = ["reference", *(m.__name__ for m in MUTANTS if not args.only or m.__name__ in args.only)]
    started = time.perf_counter()
    rows: list[Row] = []
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        all_layers = args.kit_layers == "all"
        futures = [
            pool.submit(measure, n, args.seed, args.kit_max_examples, args.st_max_examples, all_layers) for n in names
        ]
        for future in futures:
            row = future.result()
            rows.append(row)
            print(
                f"{row.name:<40} kit {'caught' if row.kit_caught else 'missed'} ({row.kit_seconds:4.1f} s)  "
                f"st {'caught' if row.st_caught else 'missed'} ({row.st_seconds:4.1f} s) {row.st_error}",
                file=sys.stderr,
                flush=True,
            )
    elapsed = time.perf_counter() - started

    reference, mutants = rows[0], rows[1:]
    kit = sum(r.kit_caught for r in mutants)
    named = sum(r.kit_named for r in mutants)
    st = sum(r.st_caught for r in mutants)
    kit_control = "exit 1: " + ", ".join(reference.kit_failed) if reference.kit_caught else "exit 0"
    st_control = "exit non-zero: " + ", ".join(reference.st_failed) if reference.st_caught else "exit 0"
    out = [
        table(rows),
        "",
        f"kit {kit}/{len(mutants)}, schemathesis {st}/{len(mutants)}",
        "",
        f"Unbroken mock (false alarms): kit {kit_control}, st {st_control}. The kit named the mutant's own check "
        f"in {named}/{len(mutants)}. Seed {args.seed}, kit layers {args.kit_layers} and --max-examples "
        f"{args.kit_max_examples}, st --max-examples {args.st_max_examples}, {args.jobs} jobs: "
        f"{elapsed / 60:.1f} min (kit {sum(r.kit_seconds for r in rows):.0f} s, "
        f"st {sum(r.st_seconds for r in rows):.0f} s of work).",
    ]
    print("\n".join(out))
    if args.markdown:
        Path(args.markdown).write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
