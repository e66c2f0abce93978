#!/usr/bin/env bash
# The TypeScript artefacts, checked as CI does: clients/typescript/aurous-api.d.ts is what openapi-typescript
# makes of openapi.yaml today, and the typed example compiles with `tsc --strict` (emitted to build/ts-example).
# Installs the pinned Node packages on a fresh clone, as scripts/lint_spec.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -x node_modules/.bin/tsc || ! -d node_modules/openapi-typescript \
      || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "== installing the pinned Node tools (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

echo "== openapi-typescript: clients/typescript/aurous-api.d.ts in sync with openapi.yaml"
node scripts/gen_ts_types.mjs --check
echo "== tsc --strict clients/typescript"
node_modules/.bin/tsc -p clients/typescript/tsconfig.json --strict
