"""`python -m mockserver` (console script `aurous-mock`): parse flags, start uvicorn. No logic here."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from mockserver.settings import ConfigError, Settings


def parse_args(argv: list[str] | None = None) -> Settings:
    from mockserver import frontend_cli  # imports Connexion: after _skip_httpx_cli

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
    parser.add_argument(
        "--synthesis-seconds", type=float, default=None, help="how long a synthesis takes (default 3)"
    )
    parser.add_argument(
        "--lifecycle",
        choices=("review", "auto_ready"),
        default=None,
        help="review (the contract) or auto_ready (the 2026-06-19 changelog: synthesis ends in ready)",
    )
    frontend_cli.add_arguments(parser)
    args = parser.parse_args(argv)

    settings = Settings(host=args.host, port=args.port, clock=args.clock)
    if args.config:
        try:
            settings = settings.with_config_file(args.config)
        except ConfigError as exc:
            parser.exit(2, f"python -m mockserver: error: {exc}\n")
    changes: dict[str, object] = {}
    if args.no_rate_limits:
        changes["rate_limits"] = False
    if args.synthesis_seconds is not None:
        if args.synthesis_seconds < 0:
            parser.error("--synthesis-seconds must be 0 or more")
        changes["synthesis_seconds"] = args.synthesis_seconds
    if args.lifecycle is not None:
        changes["lifecycle_variant"] = args.lifecycle
    return frontend_cli.apply_arguments(parser, args, replace(settings, **changes))  # type: ignore[arg-type]


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

    from mockserver import frontend_cli

    from mockserver.app import create_app
    from mockserver.httpwire import protocol_class

    try:
        app = create_app(settings)
    except ConfigError as exc:  # a bad fixtures or state file, a state file in use: say why, never start empty
        print(f"python -m mockserver: error: {exc}", file=sys.stderr)
        sys.exit(2)
    print(banner(settings), flush=True)
    for warning in frontend_cli.startup_warnings(settings):
        print(warning, file=sys.stderr, flush=True)
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


if __name__ == "__main__":
    sys.exit(main())
