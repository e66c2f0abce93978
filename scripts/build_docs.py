"""Write the contract's HTML reference as one self-contained file that renders with no network.

The page carries everything it needs: Redoc's standalone bundle (node_modules/redoc, pinned in
package.json) and the contract as JSON, both inline. Nothing is loaded from a CDN or a font service, so
the file works from a laptop on a plane, from file://, or as a CI artefact. Redoc 2 is used rather than
Redocly CLI's ``build-docs``: its Redoc 3 page routes by path (``/characters``), which are dead links
from file://, and renders an operation only once its route is visited.

    python scripts/build_docs.py [--output docs/site/index.html]

Run through ``make docs`` (scripts/build_docs.sh installs the Node packages first).
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
REDOC_BUNDLE = ROOT / "node_modules" / "redoc" / "bundles" / "redoc.standalone.js"
# The one thing the bundle fetches by itself: the logo beside "API docs by Redocly" in the sidebar. It is
# swapped for an inline image, so the page asks the network for nothing; a Redoc upgrade that moves it
# stops the build here instead of quietly going online again.
REDOC_REMOTE_LOGO = '"https://cdn.redoc.ly/redoc/logo-mini.svg"'
INLINE_LOGO = (
    '"data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27 width=%2716%27 height=%2716%27%3E'
    '%3Ccircle cx=%278%27 cy=%278%27 r=%277%27 fill=%27%23d9534f%27/%3E%3C/svg%3E"'
)

# Redoc's own options (https://redocly.com/docs/redoc/config): ids in the page come from the
# operationIds (#operation/saveCharacter), the success responses are open, the search box works offline.
REDOC_OPTIONS: dict[str, Any] = {
    "expandResponses": "200,201,202,204",
    "requiredPropsFirst": True,
    "sortTagsAlphabetically": False,
    "hideDownloadButton": False,
    "jsonSampleExpandLevel": 3,
    "pathInMiddlePanel": True,
    "theme": {"typography": {"fontFamily": "system-ui, sans-serif", "headings": {"fontFamily": "system-ui"}}},
}

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body {{ margin: 0; padding: 0; }}</style>
</head>
<body>
<div id="redoc-container"></div>
<script id="redoc-bundle">{bundle}</script>
<script id="aurous-contract" type="application/json">{spec}</script>
<script>
Redoc.init(
  JSON.parse(document.getElementById("aurous-contract").textContent),
  {options},
  document.getElementById("redoc-container")
);
</script>
</body>
</html>
"""


def _inline_json(data: Any) -> str:
    # Safe inside <script>: no "</script>" or "<!--" can close or comment out the element.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def build(spec_path: Path, output: Path) -> Path:
    if not REDOC_BUNDLE.is_file():
        sys.exit(f"{REDOC_BUNDLE} is missing: run `npm ci` (scripts/build_docs.sh does).")
    bundle = REDOC_BUNDLE.read_text(encoding="utf-8")
    if "</script" in bundle.lower():  # would end the inline <script> early
        sys.exit("the Redoc bundle contains '</script': it cannot be inlined as is")
    if bundle.count(REDOC_REMOTE_LOGO) != 1:
        sys.exit(f"the Redoc bundle no longer names {REDOC_REMOTE_LOGO} once: check what it fetches")
    bundle = bundle.replace(REDOC_REMOTE_LOGO, INLINE_LOGO)
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    page = PAGE.format(
        title=html.escape(spec["info"]["title"]),
        bundle=bundle,
        spec=_inline_json(spec),
        options=_inline_json(REDOC_OPTIONS),
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page, encoding="utf-8")
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "site" / "index.html")
    args = parser.parse_args(argv)
    print(f"docs: {build(args.spec, args.output)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
