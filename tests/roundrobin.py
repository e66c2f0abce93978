"""Spreading one client's requests over two (or more) mock processes, request by request.

- ``RoundRobinTransport`` / ``AsyncRoundRobinTransport``: httpx transports that send successive requests
  to the next base URL in turn (same path, query, headers and body); ``round_robin_client(bases)`` is an
  ``httpx.Client`` on them. For tests written against httpx.
- ``RoundRobinProxy``: a small HTTP reverse proxy (an ASGI app under uvicorn, in a thread of this process)
  on a free port that forwards each REQUEST — not each connection — to the next backend, so a client that
  keeps its connection alive (the conformance kit) is still spread across all of them. Method, path, query,
  headers (Host included, so the backend sees the address the client used) and body go through unchanged;
  the status, headers and raw body come back unchanged. Only hop-by-hop headers (RFC 9110 7.6.1) stop at
  the proxy. ``running_round_robin_proxy(bases)`` is the context manager; ``python -m tests.roundrobin
  --port N BASE BASE`` runs it in the foreground for scripts.

``RoundRobinProxy`` is itself an ASGI app, so ``TestClient(RoundRobinProxy(bases), base_url=bases[0])`` (as a
context manager: the lifespan opens its pool) gives the in-process suite's Starlette client over real processes.

``sent_to`` on each (one backend index per request, in order) lets a test see where its requests went.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import httpx
import uvicorn

from tests.serving import free_port

__all__ = [
    "AsyncRoundRobinTransport",
    "RoundRobinProxy",
    "RoundRobinTransport",
    "round_robin_client",
    "running_round_robin_proxy",
]

# Hop-by-hop: about one connection, not the message (RFC 9110 7.6.1); each side of the proxy has its own.
HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-connection",
        b"te",
        b"trailer",
        b"transfer-encoding",
        b"upgrade",
        b"proxy-authenticate",
        b"proxy-authorization",
    }
)


class _Rotation:
    """The next backend index, thread-safe; remembers every choice in ``sent_to``."""

    def __init__(self, bases: Sequence[str]) -> None:
        if len(bases) < 2:
            raise ValueError("round robin needs at least two base URLs")
        self.origins = [httpx.URL(base) for base in bases]
        self.sent_to: list[int] = []
        self._cycle = itertools.cycle(range(len(bases)))
        self._lock = threading.Lock()

    def route(self, request: httpx.Request) -> None:
        """Point ``request`` at the next backend when it is addressed to one of them (others pass as sent)."""
        url = request.url
        if not any((url.scheme, url.host, url.port) == (o.scheme, o.host, o.port) for o in self.origins):
            return
        with self._lock:
            index = next(self._cycle)
            self.sent_to.append(index)
        target = self.origins[index]
        request.url = url.copy_with(scheme=target.scheme, host=target.host, port=target.port)
        request.headers["host"] = target.netloc.decode("ascii")


class RoundRobinTransport(httpx.BaseTransport):
    def __init__(self, bases: Sequence[str], transport: httpx.BaseTransport | None = None) -> None:
        self._rotation = _Rotation(bases)
        self.transport = transport or httpx.HTTPTransport()

    @property
    def sent_to(self) -> list[int]:
        return self._rotation.sent_to

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._rotation.route(request)
        return self.transport.handle_request(request)

    def close(self) -> None:
        self.transport.close()


class AsyncRoundRobinTransport(httpx.AsyncBaseTransport):
    def __init__(self, bases: Sequence[str], transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._rotation = _Rotation(bases)
        self.transport = transport or httpx.AsyncHTTPTransport()

    @property
    def sent_to(self) -> list[int]:
        return self._rotation.sent_to

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self._rotation.route(request)
        return await self.transport.handle_async_request(request)

    async def aclose(self) -> None:
        await self.transport.aclose()


def round_robin_client(bases: Sequence[str], **kwargs: Any) -> httpx.Client:
    """An ``httpx.Client`` whose requests (relative to ``bases[0]``) alternate between ``bases``."""
    return httpx.Client(base_url=bases[0], transport=RoundRobinTransport(bases), **kwargs)


class RoundRobinProxy:
    """The proxy's ASGI app: each HTTP request to the next backend, via one pooled httpx.AsyncClient."""

    def __init__(self, bases: Sequence[str], timeout: float = 60) -> None:
        self.bases = [base.rstrip("/") for base in bases]
        self._rotation = _Rotation(bases)
        self._timeout = timeout
        self._client: httpx.AsyncClient | None = None

    @property
    def sent_to(self) -> list[int]:
        return self._rotation.sent_to

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
        elif scope["type"] == "http":
            await self._forward(scope, receive, send)

    async def _lifespan(self, receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self._client = httpx.AsyncClient(timeout=self._timeout)
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self._client is not None:
                    await self._client.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _forward(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        assert self._client is not None, "the proxy runs under a server that sends lifespan events"
        body = bytearray()
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        path = scope.get("raw_path") or scope["path"].encode()
        query = scope["query_string"]
        url = httpx.URL(self.bases[0] + path.decode("latin-1") + ("?" + query.decode("latin-1") if query else ""))
        headers = [(name, value) for name, value in scope["headers"] if name.lower() not in HOP_BY_HOP]
        # Built as a bare Request, not client.build_request: the client's default headers (User-Agent,
        # Accept, Accept-Encoding) must not be added to what the caller sent.
        request = httpx.Request(scope["method"], url, headers=headers, content=bytes(body))
        self._rotation.route(request)
        request.headers["host"] = dict(headers).get(b"host", request.url.netloc).decode("latin-1")
        try:
            response = await self._client.send(request, stream=True)
        except httpx.HTTPError as error:
            message_body = f"round-robin proxy: backend {request.url.netloc.decode()} failed: {error!r}".encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 502,
                    "headers": [(b"content-type", b"text/plain"), (b"content-length", str(len(message_body)).encode())],
                }
            )
            await send({"type": "http.response.body", "body": message_body})
            return
        try:
            raw = b"".join([chunk async for chunk in response.aiter_raw()])  # still encoded (gzip): as sent
        finally:
            await response.aclose()
        out_headers = [(name, value) for name, value in response.headers.raw if name.lower() not in HOP_BY_HOP]
        await send({"type": "http.response.start", "status": response.status_code, "headers": out_headers})
        await send({"type": "http.response.body", "body": raw})


@contextmanager
def running_round_robin_proxy(bases: Sequence[str], port: int | None = None) -> Iterator[tuple[str, RoundRobinProxy]]:
    """The proxy on 127.0.0.1 in a background thread; yields (its base URL, the proxy) and stops it after."""
    proxy = RoundRobinProxy(bases)
    port = port or free_port()
    # No Date/Server of the proxy's own: the backend's come through unchanged.
    config = uvicorn.Config(
        proxy, host="127.0.0.1", port=port, log_level="warning", server_header=False, date_header=False, lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="round-robin-proxy", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the round-robin proxy did not start on port {port}")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}", proxy
    finally:
        server.should_exit = True
        thread.join(timeout=20)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.roundrobin", description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("bases", nargs="+", metavar="BASE_URL")
    args = parser.parse_args(argv)
    proxy = RoundRobinProxy(args.bases)
    print(f"round-robin proxy on http://127.0.0.1:{args.port} -> {', '.join(args.bases)}", flush=True)
    asyncio.run(
        uvicorn.Server(
            uvicorn.Config(
                proxy, host="127.0.0.1", port=args.port, log_level="warning", server_header=False, date_header=False
            )
        ).serve()
    )


if __name__ == "__main__":
    main()
