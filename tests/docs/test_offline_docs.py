"""`make docs` writes one self-contained page: in headless Chromium with the network cut off, it renders every
operation of the contract, each reachable from the sidebar, and the page asks the network for nothing."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.mockserver.wiring.conftest import CHROMIUM, ROOT, needs_chromium

METHODS = ("get", "put", "post", "delete", "patch")


def contract_operations() -> list[tuple[str, str]]:
    """(first tag, operationId) of every operation of openapi.yaml."""
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    return [
        (item[m]["tags"][0], item[m]["operationId"]) for item in spec["paths"].values() for m in METHODS if m in item
    ]


def render_offline(page: Path, tmp_path: Path) -> tuple[str, list[str]]:
    """(DOM after the scripts ran, URLs the page asked the network for), with networking disabled.

    Every host resolves to nothing and every proxied request goes to a closed port, so nothing can load
    from outside; Chromium's net log records what the page tried all the same. The browser's own
    background requests (Google services) are told apart by their network isolation key: the page's
    requests carry its file:// site.
    """
    assert CHROMIUM is not None
    profile, net_log = tmp_path / "profile", tmp_path / "net-log.json"
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=127.0.0.1:9",
            f"--log-net-log={net_log}",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=15000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    events = json.loads(net_log.read_text(encoding="utf-8"))["events"]
    requested = {
        event["params"]["url"]
        for event in events
        if "url" in event.get("params", {})
        and "file://" in str(event["params"].get("network_isolation_key", ""))
        and not event["params"]["url"].startswith(("file:", "data:", "blob:"))
    }
    return result.stdout, sorted(requested)


@pytest.fixture(scope="module")
def built_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("docs") / "index.html"
    subprocess.run(["bash", "scripts/build_docs.sh", "--output", str(output)], cwd=ROOT, check=True, timeout=300)
    return output


def test_the_built_docs_are_one_file_with_redoc_inline(built_docs):
    text = built_docs.read_text(encoding="utf-8")
    head, _, rest = text.partition('<script id="redoc-bundle">')
    bundle, _, tail = rest.partition("</script>")

    assert "Redoc" in bundle and len(bundle) > 500_000  # the standalone bundle itself, inline
    assert "src=" not in head + tail and "<link" not in head + tail  # the page itself fetches nothing


@needs_chromium
def test_offline_every_operation_renders_and_is_reachable_from_the_sidebar(built_docs, tmp_path):
    dom, requested = render_offline(built_docs, tmp_path)

    assert requested == []  # no request left the page
    missing = [
        operation_id
        for tag, operation_id in contract_operations()
        if f'id="operation/{operation_id}"' not in dom or f'href="#tag/{tag}/operation/{operation_id}"' not in dom
    ]
    assert missing == []
    assert 'href="#section/Authentication"' in dom  # the introduction's sections too
