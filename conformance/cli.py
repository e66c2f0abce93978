"""``python -m conformance run …``: parse flags, run, write reports, exit 0 (conforms), 1 (violations) or 2
(usage error, target unreachable or not an Aurous deployment, or a run that ended early: time budget,
SIGINT/SIGTERM, target gone — its partial JUnit and reports are still written). No logic beyond that.

Every flag is declared in :func:`build_parser` and turned into :class:`RunOptions` in :func:`options_from`;
a new flag is one line in each."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence

from conformance.budget import SIGNALS_SEEN, STOP
from conformance.report import summary_table, write_html, write_junit, write_markdown
from conformance.runner import ALL_LAYERS, RunOptions, UsageError, describe_plan, run

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
    r.add_argument("--html-report", help="write a self-contained HTML report here (default: beside --report, .html)")
    r.add_argument("--seed", type=int, help="Hypothesis seed (printed in the summary; reuse it to reproduce)")
    r.add_argument("--max-examples", type=int, default=10, help="examples per operation and phase (default 10)")
    r.add_argument(
        "--allow-spend", action="store_true", help="allow requests that cost credits (x-aurous-credit-cost > 0)"
    )
    r.add_argument(
        "--spend-cap",
        type=int,
        default=12,
        help="with --allow-spend, at most this many credits for the whole run, every layer (default 12)",
    )
    r.add_argument(
        "--dry-run",
        action="store_true",
        help="print the plan (layers, checks, paid calls, requests per bucket) and send nothing",
    )
    r.add_argument(
        "--time-budget",
        type=float,
        default=600.0,
        help="seconds for the whole run (default 600); past it the run stops with partial reports, exit 2",
    )
    r.add_argument(
        "--strict",
        action="store_true",
        help="fail when required checks were skipped (default: save, idempotency, versioning, isolation)",
    )
    r.add_argument(
        "--require",
        action="append",
        default=[],
        metavar="CHECK_OR_FAMILY",
        help="with --strict: a check name or family that must not be skipped (repeatable)",
    )
    r.add_argument(
        "--fixture",
        action="append",
        type=_fixture,
        default=[],
        metavar="STATE=ID",
        help="a character already in STATE (repeatable; each is used once)",
    )
    r.add_argument(
        "--exhaust-rate-limits",
        action="store_true",
        default=None,
        help="drain a bucket to see a 429 (default: on only for a mock the kit controls, whose clock it can move)",
    )
    r.add_argument("--no-exhaust-rate-limits", dest="exhaust_rate_limits", action="store_false")
    r.add_argument("--reset-mock", action="store_true", help="POST /_mock/reset first (the mock only; wipes its state)")
    r.add_argument(
        "--mock-control",
        dest="mock_control",
        action="store_true",
        default=None,
        help="use the mock's /_mock control API (default: only when the base URL is loopback)",
    )
    r.add_argument(
        "--no-mock-control",
        dest="mock_control",
        action="store_false",
        help="never use /_mock even if the target answers it",
    )
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


def options_from(args: argparse.Namespace) -> RunOptions:
    fixtures: dict[str, list[str]] = {}
    for state, character_id in args.fixture:
        fixtures.setdefault(state, []).append(character_id)

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    return RunOptions(
        api_key=args.api_key,
        base_url=args.base_url,
        other_team_key=args.other_team_key,
        spec_path=args.spec,
        seed=args.seed,
        max_examples=args.max_examples,
        allow_spend=args.allow_spend,
        spend_cap=args.spend_cap,
        fixtures=fixtures,
        layers=tuple(layer.strip() for layer in args.layers.split(",") if layer.strip()),
        phases=tuple(p.strip() for p in args.phases.split(",") if p.strip()),
        exhaust_rate_limits=args.exhaust_rate_limits,
        reset_mock=args.reset_mock,
        use_mock_control=args.mock_control,
        timeout=args.timeout,
        webhook_listen=args.webhook_listen,
        time_budget=args.time_budget if args.time_budget > 0 else None,
        strict=args.strict,
        required=tuple(args.require) or None,
        progress=None if args.quiet else progress,
    )


def _stop_on_signal(signum: int, frame: object) -> None:
    SIGNALS_SEEN.append(signal.Signals(signum).name)
    STOP.set()
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    options = options_from(args)
    unknown = set(options.layers) - set(ALL_LAYERS)
    if unknown or args.max_examples < 1 or args.spend_cap < 0:
        problem = f"unknown layers {sorted(unknown)}" if unknown else "--max-examples must be ≥ 1, --spend-cap ≥ 0"
        print(f"aurous-conformance: usage error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if args.dry_run:
        try:
            print(describe_plan(options))
        except UsageError as exc:
            print(f"aurous-conformance: {exc}", file=sys.stderr)
            return EXIT_USAGE
        return EXIT_CONFORMS
    STOP.clear()
    previous = signal.signal(signal.SIGTERM, _stop_on_signal)
    previous_int = signal.signal(signal.SIGINT, _stop_on_signal)
    try:
        result = run(options)
    except (UsageError, FileNotFoundError) as exc:
        print(f"aurous-conformance: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
    print(summary_table(result))
    if args.junit_xml:
        write_junit(result, args.junit_xml)
    if args.report:
        write_markdown(result, args.report)
    html = args.html_report or (str(args.report).rsplit(".", 1)[0] + ".html" if args.report else None)
    if html:
        write_html(result, html)
    if result.incomplete is not None:
        print(f"aurous-conformance: incomplete: {result.incomplete}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_CONFORMS if result.conforms else EXIT_VIOLATIONS
