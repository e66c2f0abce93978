"""In a real headless browser (Debian's chromium): the docs pages render their operations, and the example
page served from another origin drives one character through every state with fetch (CORS, preflights,
exposed headers and all)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.mockserver.wiring.conftest import ROOT, free_port, needs_chromium, render

pytestmark = needs_chromium


def rendered_paths(dom: str) -> set[str]:
    return set(re.findall(r'opblock-summary-path" data-path="([^"]+)"', dom))


def test_the_control_api_docs_render_every_operation(servers, tmp_path):
    server = servers().wait_ready()

    dom = render(f"{server.base}/_mock/docs/", tmp_path)

    assert {
        "/teams", "/reset", "/clock/advance", "/characters", "/characters/{id}", "/characters/{id}/status",
        "/requests", "/faults", "/settings", "/scenarios", "/scenarios/{name}", "/fixtures",
        # issue 13: webhooks
        "/webhooks/deliveries", "/webhooks/deliveries/{id}", "/webhooks/deliveries/{id}/redeliver",
        "/webhooks/events", "/webhooks/endpoints", "/webhooks/faults",
    } == rendered_paths(dom)  # fmt: skip
    assert "control API" in dom


def test_the_public_api_docs_render_the_contract_operations(servers, tmp_path):
    server = servers().wait_ready()

    dom = render(f"{server.base}/docs/", tmp_path)

    paths = rendered_paths(dom)
    assert {"/v1/characters", "/v1/characters/{id}", "/v1/characters/{id}/save", "/v1/balance"} <= paths
    assert not any(path.startswith("/teams") for path in paths)  # the control API is documented apart


@pytest.fixture
def examples_origin():
    """examples/ served on another port: the page's origin differs from the mock's, as a real frontend's."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(ROOT / "examples")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


def test_the_example_page_drives_a_character_through_every_state(servers, tmp_path, examples_origin):
    server = servers("--synthesis-seconds", "30").wait_ready()
    import httpx

    for _ in range(100):  # the example server starts in the background
        try:
            httpx.get(f"{examples_origin}/character-flow.html")
            break
        except httpx.TransportError:
            import time

            time.sleep(0.05)

    dom = render(f"{examples_origin}/character-flow.html?mock={server.base}&autorun=1", tmp_path)

    assert 'data-done="true"' in dom, dom[-3000:]
    states = re.findall(r'data-step="([a-z]+)" data-state="([a-z_]+)"', dom)
    assert [
        ("create", "synthesizing"),
        ("review", "reviewing"),
        ("save", "ready"),
        ("deleted", "not_found"),
        ("fail", "failed"),
        ("throttled", "rate_limited"),
    ] == states
    assert re.search(r"request req_[0-9A-Z]{26}", dom)  # Aurous-Request-Id was readable: exposed
    assert "retry after 2 s" in dom  # and so was Retry-After
    # The review screen shows the four refs, and each image actually loaded (issue 10, item 19).
    images = re.findall(r"<img [^>]*>", dom)
    assert ["portrait", "front", "side", "back"] == [re.search(r'data-pose="(\w+)"', tag).group(1) for tag in images]
    assert all('data-loaded="true"' in tag for tag in images), images
