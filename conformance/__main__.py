"""``python -m conformance`` and the ``aurous-conformance`` console script."""

from __future__ import annotations

import sys

from conformance.cli import main as _cli_main

__all__ = ["main"]


def main() -> None:
    sys.exit(_cli_main())


if __name__ == "__main__":
    main()
