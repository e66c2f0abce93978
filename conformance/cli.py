"""``python -m conformance run …``: parse flags, run, write reports, exit 0 (conforms), 1 (violations) or 2
(usage error or target unreachable). No logic beyond that."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from conformance.report import summary_table, write_junit, write_markdown
from conformance.runner import ALL_LAYERS, RunOptions, UsageError, run

__all__ = ["EXIT_CONFORMS", "EXIT_USAGE", "EXIT_VIOLATIONS", "build_parser", "main"]

EXIT_CONFORMS, EXIT_VIOLATIONS, EXIT_USAGE = 0, 1, 2


def _fixture(value: str) -> tuple[str, str]:
    state, sep, character_id = value.partition("=")
    if not sep or not character_id:
        raise argparse.ArgumentTypeError(f"expected STATE=ID, got {value!r}")
    return state.strip(), character_id.strip()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aurous-conformance", description="Does a deployment honour the Aurous Characters API contract?"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    r = commands.add_parser("run", help="run the conformance kit against a target")
    r.add_argument("--base-url", required=True, help="target, e.g. http://127.0.0.1:8000")
    r.add_argument("--api-key", required=True, help="a key of the team the kit acts as")
    r.add_argument("--other-team-key", help="a key of a second team, for the isolation checks")
    r.add_argument("--spec", help="contract to judge against (default: the one shipped with the package)")
    r.add_argument("--junit-xml", help="write JUnit XML here")
    r.add_argument("--report", help="write a Markdown report here")
    r.add_argument("--seed", type=int, help="Hypothesis seed (printed in the summary; reuse it to reproduce)")
    r.add_argument("--max-examples", type=int, default=10, help="examples per operation and phase (default 10)")
    r.add_argument("--allow-spend", action="store_true", help="allow syntheses and images that cost credits")
    r.add_argument(
        "--spend-cap", type=int, default=3, help="at most this many syntheses with --allow-spend (default 3)"
    )
    r.add_argument(
        "--fixture",
        action="append",
        type=_fixture,
        default=[],
        metavar="STATE=ID",
        help="a character already in STATE (repeatable; each is used once)",
    )
    r.add_argument("--exhaust-rate-limits", action="store_true", help="opt in to draining a bucket to see a 429")
    r.add_argument("--reset-mock", action="store_true", help="POST /_mock/reset first (the mock only; wipes its state)")
    r.add_argument("--no-mock-control", action="store_true", help="never use /_mock even if the target answers it")
    r.add_argument(
        "--layers", default=",".join(ALL_LAYERS), help="comma-separated subset of schema,lifecycle,behaviour"
    )
    r.add_argument("--phases", default="examples,coverage,fuzzing,stateful", help="Schemathesis phases to run")
    r.add_argument("--timeout", type=float, default=30.0, help="per-request timeout in seconds")
    r.add_argument("--quiet", action="store_true", help="no progress lines")
    r.add_argument(
        "--webhook-listen",
        metavar="HOST:PORT",
        help="run a webhook receiver here (an address the target can reach) and check its deliveries",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    layers = tuple(layer.strip() for layer in args.layers.split(",") if layer.strip())
    unknown = set(layers) - set(ALL_LAYERS)
    if unknown or args.max_examples < 1 or args.spend_cap < 0:
        problem = f"unknown layers {sorted(unknown)}" if unknown else "--max-examples must be ≥ 1, --spend-cap ≥ 0"
        print(f"aurous-conformance: usage error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    fixtures: dict[str, list[str]] = {}
    for state, character_id in args.fixture:
        fixtures.setdefault(state, []).append(character_id)

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    options = RunOptions(
        api_key=args.api_key,
        base_url=args.base_url,
        other_team_key=args.other_team_key,
        spec_path=args.spec,
        seed=args.seed,
        max_examples=args.max_examples,
        allow_spend=args.allow_spend,
        spend_cap=args.spend_cap,
        fixtures=fixtures,
        layers=layers,
        phases=tuple(p.strip() for p in args.phases.split(",") if p.strip()),
        exhaust_rate_limits=args.exhaust_rate_limits,
        reset_mock=args.reset_mock,
        use_mock_control=not args.no_mock_control,
        timeout=args.timeout,
        webhook_listen=args.webhook_listen,
        progress=None if args.quiet else progress,
    )
    try:
        result = run(options)
    except UsageError as exc:
        print(f"aurous-conformance: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except FileNotFoundError as exc:
        print(f"aurous-conformance: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(summary_table(result))
    if args.junit_xml:
        write_junit(result, args.junit_xml)
    if args.report:
        write_markdown(result, args.report)
    return EXIT_CONFORMS if result.conforms else EXIT_VIOLATIONS
