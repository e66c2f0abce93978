"""A webhook receiver for local development: verifies each delivery's signature and prints the event.

    python3 examples/webhook_receiver.py --port 9000 --secret whsec_...   [--fail 2]

Standard library only. Verifies `Aurous-Webhook-Signature: t=<unix seconds>,v1=<hex>` (HMAC-SHA256 of
"<t>.<raw body>" keyed with the secret, `t` within 5 minutes), answers 200, or 400 when the signature is
bad. `--fail N` answers 500 to the first N deliveries, to watch the mock retry them as its clock moves.
Deduplicate on the event `id`: deliveries are at least once.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def verify(secret: str, header: str, body: bytes, tolerance: int = 300) -> bool:
    parts = [part.strip().partition("=") for part in header.split(",")]
    timestamps = [value for name, _, value in parts if name == "t"]
    signatures = [value for name, _, value in parts if name == "v1"]
    if len(timestamps) != 1 or not timestamps[0].isdigit() or abs(time.time() - int(timestamps[0])) > tolerance:
        return False
    expected = hmac.new(secret.encode(), timestamps[0].encode() + b"." + body, hashlib.sha256).hexdigest()
    return any(hmac.compare_digest(expected, signature) for signature in signatures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--secret", required=True, help="the whsec_... that POST /v1/webhook_endpoints returned")
    parser.add_argument("--fail", type=int, default=0, help="answer 500 to the first N deliveries")
    args = parser.parse_args()
    seen: set[str] = set()
    failures_left = [args.fail]

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            ok = verify(args.secret, self.headers.get("Aurous-Webhook-Signature", ""), body)
            event = json.loads(body) if ok else {}
            if not ok:
                status = 400
            elif failures_left[0] > 0:
                failures_left[0] -= 1
                status = 500
            else:
                status = 200
            duplicate = " (duplicate)" if event.get("id") in seen and status == 200 else ""
            if status == 200:
                seen.add(event["id"])
            obj = event.get("data", {}).get("object", {})
            print(
                f"{status} {event.get('type', 'BAD SIGNATURE')} {event.get('id', '')} "
                f"{obj.get('id', '')} {obj.get('status', '')} ref={obj.get('client_reference_id')}{duplicate}",
                flush=True,
            )
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    print(f"listening on http://127.0.0.1:{args.port}/", flush=True)
    ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
