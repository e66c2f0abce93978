#!/usr/bin/env bash
# Start the reference mock on a free port (manual clock), run the conformance kit against it, stop it.
# Extra arguments go to the kit, e.g.: bash scripts/conformance_against_mock.sh --junit-xml reports/junit.xml
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
port=$($py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
$py -m mockserver --port "$port" --clock manual >/dev/null 2>&1 &
mock=$!
trap 'kill $mock 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/_mock/teams" >/dev/null && break
  sleep 0.1
done
key=$(curl -s "http://127.0.0.1:$port/_mock/teams" | $py -c 'import json, sys; print(json.load(sys.stdin)[0]["api_keys"][0])')
$py -m conformance run --base-url "http://127.0.0.1:$port" --api-key "$key" "$@"
