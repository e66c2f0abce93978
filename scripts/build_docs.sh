#!/usr/bin/env bash
# Build the contract's HTML reference: docs/site/index.html (git-ignored), ONE self-contained file that
# renders with no network (Redoc's standalone bundle and the contract inline; see scripts/build_docs.py).
# Installs the pinned Node packages on a fresh clone, as scripts/lint_spec.sh does; after that it needs no
# network. Extra arguments go to build_docs.py, e.g. --output /tmp/docs.html
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f node_modules/redoc/bundles/redoc.standalone.js || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "== installing the pinned Node tools (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

python=python3
[[ -x .venv/bin/python ]] && python=.venv/bin/python
"$python" scripts/build_docs.py "$@"
