#!/usr/bin/env bash
# Lint the contract (openapi.yaml) with Spectral (spectral:oas, .spectral.yaml) and Redocly (recommended,
# redocly.yaml), both pinned exactly in package.json / package-lock.json.
#
# Works on a fresh clone: the Node tools are installed with `npm ci` when node_modules is missing or older
# than package-lock.json (quiet; a no-op otherwise). Exits non-zero on any error AND on any warning: each
# warning is either fixed in openapi.yaml or its rule is disabled in the linter's config with a reason.
set -euo pipefail
cd "$(dirname "$0")/.."

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

if [[ ! -x node_modules/.bin/spectral || ! -x node_modules/.bin/redocly \
      || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "== installing the pinned Node lint tools (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

status=0

echo "== spectral lint openapi.yaml"
# --fail-severity warn: a warning fails the run as an error does.
node_modules/.bin/spectral lint openapi.yaml --ruleset .spectral.yaml --fail-severity warn || status=1

echo "== redocly lint openapi.yaml"
# Redocly exits 0 on warnings, so read its totals and fail on any problem.
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
node_modules/.bin/redocly lint openapi.yaml --config redocly.yaml --format json >"$report" 2>/dev/null || true
if ! totals="$(node -e '
    const totals = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).totals;
    console.log(`${totals.errors} errors, ${totals.warnings} warnings`);
    process.exit(totals.errors + totals.warnings > 0 ? 1 : 0);
' "$report")"; then
    node_modules/.bin/redocly lint openapi.yaml --config redocly.yaml --format stylish 2>/dev/null || true
    status=1
fi
echo "redocly: ${totals:-no report (redocly failed to run)}"

exit "$status"
