#!/usr/bin/env bash
# Build the static HTML API reference of the contract: docs/site/index.html (git-ignored), with Redocly
# (pinned in package.json). Installs the Node tools on a fresh clone, as scripts/lint_spec.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

if [[ ! -x node_modules/.bin/redocly || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "== installing the pinned Node tools (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

mkdir -p docs/site
npx --no-install redocly build-docs openapi.yaml -o docs/site/index.html
echo "docs: $(pwd)/docs/site/index.html"
