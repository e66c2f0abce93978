"""The command-line flags of the frontend-developer features; ``__main__`` only calls these three functions."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from mockserver.control.hosts import DEFAULT_LOOPBACK_HOSTS
from mockserver.faults import FaultSettings
from mockserver.frontend import is_loopback
from mockserver.settings import Settings

__all__ = ["add_arguments", "apply_arguments", "startup_warnings"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    browser = parser.add_argument_group("browser and sharing")
    browser.add_argument(
        "--cors-origin",
        action="append",
        metavar="ORIGIN",
        help="a browser origin allowed to call the mock, e.g. https://app.example.test (repeatable; '*' = any). "
        "Default: any http(s)://localhost, 127.0.0.1 or [::1] origin",
    )
    browser.add_argument(
        "--allowed-host",
        action="append",
        metavar="NAME",
        help="a Host name /_mock answers to, besides localhost, 127.0.0.1 and ::1 (repeatable; '*' = any). "
        "Checked only when bound to loopback, unless given",
    )
    browser.add_argument(
        "--control-token", metavar="TOKEN", help="require X-Mock-Token: TOKEN on /_mock (for a mock shared on a network)"
    )
    state = parser.add_argument_group("state")
    state.add_argument("--state-file", metavar="PATH", help="keep the state in PATH across restarts (JSON)")
    state.add_argument(
        "--state-save-seconds", type=float, default=None, metavar="S", help="write a changed state every S s (default 2)"
    )
    state.add_argument(
        "--durability",
        choices=("interval", "durable"),
        default=None,
        help="interval (default): the state file is written every --state-save-seconds and at shutdown; "
        "durable: also every change is fsynced to PATH.journal before its response (nothing acknowledged "
        "is lost on a crash; each write pays one fsync)",
    )
    state.add_argument(
        "--fixtures",
        metavar="FILE|NAME",
        help="seed teams and characters from a YAML/JSON file, or a shipped scenario: "
        "empty, every_state, out_of_credits, rate_limited (loaded at start and on every reset)",
    )
    state.add_argument(
        "--idempotency-max-keys",
        type=int,
        default=None,
        metavar="N",
        help="keep at most N Idempotency-Keys (default 10000); the oldest is forgotten first",
    )
    state.add_argument("--request-log-size", type=int, default=None, metavar="N", help="GET /_mock/requests keeps N")
    faults = parser.add_argument_group("faults (all contract-valid; change them at run time with PUT /_mock/faults)")
    faults.add_argument("--latency-ms", type=float, default=0.0, help="added to every /v1 response")
    faults.add_argument("--latency-jitter-ms", type=float, default=0.0, help="plus a random 0..N ms")
    faults.add_argument("--error-rate", type=float, default=0.0, help="fraction of /v1 requests answered 5xx")
    faults.add_argument("--error-status", type=int, default=500, choices=(500, 502, 503))
    faults.add_argument("--rate-limit-rate", type=float, default=0.0, help="fraction of metered requests answered 429")
    faults.add_argument("--retry-after", type=int, default=1, help="Retry-After of those 429s (seconds)")
    faults.add_argument("--synthesis-failure-rate", type=float, default=0.0, help="fraction of syntheses that fail")
    faults.add_argument("--fault-seed", type=int, default=None, help="seed the fault dice for a reproducible run")


def apply_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace, settings: Settings) -> Settings:
    try:
        fault_settings = FaultSettings.from_json(
            {
                "latency_ms": args.latency_ms,
                "latency_jitter_ms": args.latency_jitter_ms,
                "error_rate": args.error_rate,
                "error_status": args.error_status,
                "rate_limit_rate": args.rate_limit_rate,
                "retry_after": args.retry_after,
                "synthesis_failure_rate": args.synthesis_failure_rate,
                "seed": args.fault_seed,
            }
        )
    except ValueError as exc:
        parser.error(f"--{str(exc.args[0]).replace('_', '-')}: {exc.args[1]}")
    changes: dict[str, object] = {"faults": fault_settings}
    if args.cors_origin:
        changes["cors_origins"] = tuple(args.cors_origin)
    if args.allowed_host and "*" in args.allowed_host:
        changes["allowed_hosts"] = None
    elif args.allowed_host or is_loopback(settings.host):
        changes["allowed_hosts"] = (*DEFAULT_LOOPBACK_HOSTS, *(args.allowed_host or ()))
    if args.control_token is not None:
        if not args.control_token:
            parser.error("--control-token must not be empty")
        changes["control_token"] = args.control_token
    if args.state_file:
        changes["state_file"] = Path(args.state_file)
    if args.state_save_seconds is not None:
        if args.state_save_seconds <= 0:
            parser.error("--state-save-seconds must be more than 0")
        changes["state_save_seconds"] = args.state_save_seconds
    if args.durability is not None:
        if not args.state_file:
            parser.error("--durability needs --state-file")
        changes["durability"] = args.durability
    if args.fixtures:
        changes["fixtures"] = args.fixtures
    if args.idempotency_max_keys is not None:
        if args.idempotency_max_keys < 1:
            parser.error("--idempotency-max-keys must be 1 or more")
        changes["idempotency_max_keys"] = args.idempotency_max_keys
    if args.request_log_size is not None:
        if args.request_log_size < 0:
            parser.error("--request-log-size must be 0 or more")
        changes["request_log_size"] = args.request_log_size
    return replace(settings, **changes)  # type: ignore[arg-type]


def startup_warnings(settings: Settings) -> list[str]:
    """Said on stderr at start. A mock on a non-loopback address without a token is allowed (containers
    need 0.0.0.0) but loudly: anyone who can reach it can reset it, force states and read the API keys."""
    if is_loopback(settings.host) or settings.control_token:
        return []
    return [
        f"WARNING: the mock listens on {settings.host}, beyond this machine, and its control API (/_mock) is "
        "open: anyone who can reach it can read the API keys, reset the state and force any character. "
        "Start it with --control-token TOKEN to require X-Mock-Token on /_mock."
    ]
