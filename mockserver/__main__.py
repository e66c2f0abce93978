"""`python -m mockserver` (console script `aurous-mock`): the one CLI module. Parse flags, start uvicorn."""

from __future__ import annotations

import argparse
import base64
import os
import pickle
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from mockserver.control.hosts import DEFAULT_LOOPBACK_HOSTS, is_loopback
from mockserver.faults import FaultSettings
from mockserver.settings import ConfigError, Settings, check_prefix, check_store


def parse_args(argv: list[str] | None = None) -> Settings:
    parser = argparse.ArgumentParser(
        prog="python -m mockserver",
        description="The Aurous Characters API reference mock server.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1: local only)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    parser.add_argument("--config", metavar="FILE", help="TOML or YAML file: teams, keys, pins, credits, synthesis")
    parser.add_argument(
        "--clock",
        choices=("real", "manual"),
        default="real",
        help="real: time flows; manual: time moves only through POST /_mock/clock/advance",
    )
    parser.add_argument("--no-rate-limits", action="store_true", help="do not enforce rate limits (headers still sent)")
    parser.add_argument("--synthesis-seconds", type=float, default=None, help="how long a synthesis takes (default 3)")
    parser.add_argument(
        "--lifecycle",
        choices=("review", "auto_ready"),
        default=None,
        help="review (the contract) or auto_ready (the 2026-06-19 changelog: synthesis ends in ready)",
    )
    _add_sharing_state_and_fault_arguments(parser)
    args = parser.parse_args(argv)

    settings = Settings(host=args.host, port=args.port, clock=args.clock)
    if args.config:
        try:
            settings = settings.with_config_file(args.config)
        except ConfigError as exc:
            parser.exit(2, f"python -m mockserver: error: {exc}\n")
    changes: dict[str, Any] = {}
    if args.no_rate_limits:
        changes["rate_limits"] = False
    if args.synthesis_seconds is not None:
        if args.synthesis_seconds < 0:
            parser.error("--synthesis-seconds must be 0 or more")
        changes["synthesis_seconds"] = args.synthesis_seconds
    if args.lifecycle is not None:
        changes["lifecycle_variant"] = args.lifecycle
    return _apply_sharing_state_and_fault_arguments(parser, args, replace(settings, **changes))


def _add_sharing_state_and_fault_arguments(parser: argparse.ArgumentParser) -> None:
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
        "--control-token",
        metavar="TOKEN",
        help="require X-Mock-Token: TOKEN on /_mock (for a mock shared on a network)",
    )
    state = parser.add_argument_group("state")
    state.add_argument("--state-file", metavar="PATH", help="keep the state in PATH across restarts (JSON)")
    state.add_argument(
        "--state-save-seconds",
        type=float,
        default=None,
        metavar="S",
        help="write a changed state every S s (default 2)",
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
    shared = parser.add_argument_group("several processes as one mock (README: which store to use)")
    shared.add_argument(
        "--store",
        metavar="memory|redis://HOST:PORT/DB",
        default=None,
        help="memory (default): the state lives in this process; redis://...: in Redis, shared by every mock "
        "started with the same URL and --redis-prefix (workers, replicas behind a load balancer)",
    )
    shared.add_argument(
        "--redis-prefix",
        metavar="NAME",
        default=None,
        help="namespace of this mock's keys in Redis (default aurous-mock), so several mocks can share one Redis",
    )
    shared.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="serve with N uvicorn worker processes (needs --store redis://...: the memory store is per process)",
    )
    faults = parser.add_argument_group("faults (all contract-valid; change them at run time with PUT /_mock/faults)")
    faults.add_argument("--latency-ms", type=float, default=0.0, help="added to every /v1 response")
    faults.add_argument("--latency-jitter-ms", type=float, default=0.0, help="plus a random 0..N ms")
    faults.add_argument("--error-rate", type=float, default=0.0, help="fraction of /v1 requests answered 5xx")
    faults.add_argument("--error-status", type=int, default=500, choices=(500, 502, 503))
    faults.add_argument("--rate-limit-rate", type=float, default=0.0, help="fraction of metered requests answered 429")
    faults.add_argument("--retry-after", type=int, default=1, help="Retry-After of those 429s (seconds)")
    faults.add_argument("--synthesis-failure-rate", type=float, default=0.0, help="fraction of syntheses that fail")
    faults.add_argument("--fault-seed", type=int, default=None, help="seed the fault dice for a reproducible run")


def _apply_sharing_state_and_fault_arguments(
    parser: argparse.ArgumentParser, args: argparse.Namespace, settings: Settings
) -> Settings:
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
    changes: dict[str, Any] = {"faults": fault_settings}
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
    _apply_store_arguments(parser, args, settings, changes)
    return replace(settings, **changes)


def _apply_store_arguments(
    parser: argparse.ArgumentParser, args: argparse.Namespace, settings: Settings, changes: dict[str, object]
) -> None:
    store = settings.store
    try:
        if args.store is not None:
            store = changes["store"] = check_store(args.store)
        if args.redis_prefix is not None:
            changes["redis_prefix"] = check_prefix(args.redis_prefix)
    except ConfigError as exc:
        parser.error(str(exc))
    if args.workers is not None:
        if args.workers < 1:
            parser.error("--workers must be 1 or more")
        if args.workers > 1 and store == "memory":
            parser.error(
                f"--workers {args.workers} needs a shared store: with the memory store each worker would be a "
                "separate mock (a character created on one is 404 on another). Add --store redis://HOST:PORT/DB"
            )
        changes["workers"] = args.workers
    if store != "memory" and args.state_file:
        parser.error(
            "--state-file is for the memory store; with --store redis the state is Redis's: keep it across "
            "restarts with Redis's own persistence (appendonly yes, or RDB save points)"
        )


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


def banner(settings: Settings) -> str:
    lines = [
        "Aurous Characters mock server",
        f"  base URL:     {settings.base_url}",
        f"  API docs:     {settings.base_url}/docs/",
        f"  control API:  {settings.base_url}/_mock  (docs: {settings.base_url}/_mock/docs/)",
        f"  clock: {settings.clock}; rate limits: {'on' if settings.rate_limits else 'off'}; "
        f"synthesis: {settings.synthesis_seconds:g} s; lifecycle: {settings.lifecycle_variant}",
        "  API keys:",
    ]
    if settings.store != "memory":
        workers = f"; {settings.workers} workers" if settings.workers > 1 else ""
        lines.insert(5, f"  store: {settings.store} (prefix {settings.redis_prefix}{workers})")
    for team in settings.teams:
        pin = team.pinned_version or "system default"
        for key in team.api_keys:
            lines.append(f"    {team.name} [{team.id}, pinned {pin}, {team.credits} credits]: {key}")
    return "\n".join(lines)


def _skip_httpx_cli() -> None:
    """Keep httpx's command-line client (rich, click, pygments) out of the server process.

    Connexion imports httpx, and httpx's ``__init__`` imports its CLI module when rich and click are
    installed (Schemathesis installs them); that is about 0.14 s of a 1 s start-up budget for code the
    server never runs. httpx treats an unimportable ``httpx._main`` as "CLI extras not installed",
    which is all this does, and only in this entry point (tests and library users are untouched).
    """
    if "httpx" not in sys.modules:
        sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> None:
    _skip_httpx_cli()
    settings = parse_args(argv)
    import uvicorn

    from mockserver.app import create_app
    from mockserver.httpwire import protocol_class

    try:
        app = create_app(settings)
    except ConfigError as exc:  # a bad fixtures or state file, a state file in use: say why, never start empty
        print(f"python -m mockserver: error: {exc}", file=sys.stderr)
        sys.exit(2)
    print(banner(settings), flush=True)
    for warning in startup_warnings(settings):
        print(warning, file=sys.stderr, flush=True)
    if settings.workers > 1:
        _run_workers(settings, app.state.default_version)
        return
    # ws="none": the API has no WebSocket routes, and loading a WebSocket stack costs start-up time.
    # http=: uvicorn's parser with the envelope on the 400s it answers itself (httpwire.py).
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_level="warning",
        access_log=False,
        ws="none",
        http=protocol_class(app.state.default_version),
    )


# --workers N: uvicorn starts each worker from an import string; the parsed settings reach them through
# the environment (uvicorn spawns the workers, so they inherit it).
_WORKER_SETTINGS = "AUROUS_MOCK_WORKER_SETTINGS"


def _run_workers(settings: Settings, default_version: str) -> None:
    import uvicorn

    os.environ[_WORKER_SETTINGS] = base64.b64encode(pickle.dumps((settings, default_version))).decode()
    uvicorn.run(
        "mockserver.__main__:worker_app",
        factory=True,
        workers=settings.workers,
        host=settings.host,
        port=settings.port,
        log_level="warning",
        access_log=False,
        ws="none",
        http="mockserver.__main__:WorkerHttpProtocol",
    )


def _worker_settings() -> tuple[Settings, str]:
    settings, default_version = pickle.loads(base64.b64decode(os.environ[_WORKER_SETTINGS]))
    return settings, default_version


def worker_app() -> Any:
    """uvicorn's factory in each worker process: the same app, on the shared store the parent checked."""
    _skip_httpx_cli()
    from mockserver.app import create_app

    return create_app(_worker_settings()[0])


def __getattr__(name: str) -> Any:
    """``WorkerHttpProtocol``: uvicorn's worker imports its HTTP protocol by name; ours carries the
    contract's default version (httpwire.py), known only once the parent read the spec."""
    if name == "WorkerHttpProtocol":
        from mockserver.httpwire import protocol_class

        return protocol_class(_worker_settings()[1])
    raise AttributeError(name)


if __name__ == "__main__":
    main()
