"""Serve one mutant (or the unbroken mock) over HTTP, for tools that need a URL (plain `st run`).

    python -m mutants.serve NAME|reference --port N [--clock real|manual] [--rate-limits on|off]
        [--synthesis-seconds S]

Real clock and short syntheses by default, as a user would run `st` against a live server. Not shipped.
(``python -m tests.mutants.serve`` still works: the old name, kept for scripts that use it.)
"""

from __future__ import annotations

import argparse

from mutants import MUTANTS, build, by_name


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m mutants.serve")
    parser.add_argument(
        "name",
        help="a mutant's class name, or 'reference' for the unbroken mock",
        choices=["reference", *(m.__name__ for m in MUTANTS)],
        metavar="NAME",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--clock", choices=("real", "manual"), default="real")
    parser.add_argument("--rate-limits", choices=("on", "off"), default="on")
    parser.add_argument("--synthesis-seconds", type=float, default=0.2)
    args = parser.parse_args(argv)
    mutant = None if args.name == "reference" else by_name(args.name)
    rate_limits = args.rate_limits == "on"
    app = build(mutant, clock=args.clock, rate_limits=rate_limits, synthesis_seconds=args.synthesis_seconds)

    import uvicorn

    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
