"""The request samples in openapi.yaml (x-codeSamples) are what scripts/gen_code_samples.py writes, and they
work: each curl, JavaScript (Node's fetch) and Python (httpx) sample is run against a live mock.

The samples name the spec's example ids (char_01HX…); before a run they are swapped for ids of the mock in the
state the operation needs (a reviewing character to save, a ready one for images, a fresh upload ticket, …).
Every sample fails loudly on a non-2xx answer (curl --fail-with-body, raise_for_status, throw), so a zero exit
means the operation succeeded.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import yaml

from tests.serving import ROOT
from tests.serving import MockProcess as Server

SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
PARAMETERS = SPEC["components"]["parameters"]
EXAMPLE_CHARACTER = PARAMETERS["CharacterId"]["example"]
EXAMPLE_UPLOAD = PARAMETERS["UploadId"]["example"]
EXAMPLE_WEBHOOK_ENDPOINT = PARAMETERS["WebhookEndpointId"]["example"]
EXAMPLE_SIGNATURE = PARAMETERS["Signature"]["example"]
PRODUCTION = SPEC["servers"][0]["url"]
METHODS = ("get", "put", "post", "patch", "delete")
RUNNERS = {
    "curl": (["bash", "-e", "-c"], shutil.which("curl")),
    "JavaScript (fetch)": (["node", "--input-type=module", "-e"], shutil.which("node")),
    "Python (httpx)": ([sys.executable, "-c"], sys.executable),
}


def samples() -> Iterator[Any]:
    for item in SPEC["paths"].values():
        for method in METHODS:
            if method in item:
                operation = item[method]
                for sample in operation.get("x-codeSamples", []):
                    yield pytest.param(
                        operation["operationId"], sample, id=f"{operation['operationId']}-{sample['label']}"
                    )


def test_the_spec_is_in_sync_with_the_generator():
    result = subprocess.run(
        [sys.executable, "scripts/gen_code_samples.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )

    assert result.returncode == 0, result.stderr  # fix: python scripts/gen_code_samples.py


def test_every_operation_has_a_curl_a_javascript_and_a_python_sample():
    labels = {
        item[method]["operationId"]: [sample["label"] for sample in item[method].get("x-codeSamples", [])]
        for item in SPEC["paths"].values()
        for method in METHODS
        if method in item
    }

    assert {operation_id: list(RUNNERS) for operation_id in labels} == labels


def test_the_generator_check_fails_on_a_stale_sample(tmp_path):
    stale = tmp_path / "openapi.yaml"
    stale.write_text(
        (ROOT / "openapi.yaml").read_text(encoding="utf-8").replace("--fail-with-body -X POST", "-X POST", 1),
        encoding="utf-8",
    )

    result = subprocess.run([sys.executable, "scripts/gen_code_samples.py", "--check", "--spec", str(stale)], cwd=ROOT)

    assert result.returncode == 1


@pytest.fixture(scope="module")
def mock() -> Iterator[Server]:
    server = Server("--clock", "manual").wait_ready()
    yield server
    server.close()


class Mock:
    def __init__(self, server: Server) -> None:
        self.base = server.base
        self.http = httpx.Client(base_url=server.base)
        self.key = self.http.get("/_mock/teams").json()[0]["api_keys"][0]

    def call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        response = self.http.request(
            method, path, headers={"X-Api-Key": self.key, **kwargs.pop("headers", {})}, **kwargs
        )
        assert response.is_success, response.text
        return response

    def reviewing(self) -> dict[str, str]:
        body = {"name": "Aurora", "generate": True, "attributes": {"gender": "female", "age": 28}}
        character = self.call("POST", "/v1/characters", json=body, headers={"Prefer": "outcome=instant"}).json()
        assert character["status"] == "reviewing"
        return {EXAMPLE_CHARACTER: character["id"]}

    def ready(self) -> dict[str, str]:
        swap = self.reviewing()
        self.call("POST", f"/v1/characters/{swap[EXAMPLE_CHARACTER]}/save")
        return swap

    def upload_ticket(self) -> dict[str, str]:
        body = {"filename": "front-portrait.jpg", "extension": "jpg", "content_type": "image/jpeg"}
        url = self.call("POST", "/v1/characters/uploads/init", json=body).json()["upload_url"]
        upload_id, signature = re.search(r"/uploads/([^/]+)/content\?signature=([^&]+)", url).groups()
        return {EXAMPLE_UPLOAD: upload_id, EXAMPLE_SIGNATURE: signature}

    def uploaded(self) -> dict[str, str]:
        swap = self.upload_ticket()
        url = f"/v1/characters/uploads/{swap[EXAMPLE_UPLOAD]}/content?signature={swap[EXAMPLE_SIGNATURE]}"
        assert (
            self.http.put(url, content=b"\xff\xd8\xff jpeg bytes", headers={"Content-Type": "image/jpeg"}).status_code
            == 204
        )
        return swap

    def webhook_endpoint(self) -> dict[str, str]:
        # An https receiver that never answers is fine: the samples only register, read, rotate and fire.
        body = {"url": "https://api.acme.dev/aurous-webhook", "events": ["*"]}
        endpoint = self.call("POST", "/v1/webhook_endpoints", json=body).json()
        return {EXAMPLE_WEBHOOK_ENDPOINT: endpoint["id"]}


# What each operation's sample needs in the mock first (operations not named need nothing).
SETUP: dict[str, Callable[[Mock], dict[str, str]]] = {
    "retrieveCharacter": Mock.reviewing,
    "updateCharacter": Mock.reviewing,
    "deleteCharacter": Mock.reviewing,
    "saveCharacter": Mock.reviewing,
    "regenerateRef": Mock.reviewing,
    "resynthesizeCharacter": Mock.reviewing,
    "createImage": Mock.ready,
    "putUploadContent": Mock.upload_ticket,
    "classifyUpload": Mock.uploaded,
    "retrieveWebhookEndpoint": Mock.webhook_endpoint,
    "deleteWebhookEndpoint": Mock.webhook_endpoint,
    "rotateWebhookSecret": Mock.webhook_endpoint,
    "testWebhookEndpoint": Mock.webhook_endpoint,
}


@pytest.mark.parametrize(("operation_id", "sample"), list(samples()))
def test_the_sample_succeeds_against_the_mock(operation_id, sample, mock, tmp_path, request):
    command, tool = RUNNERS[sample["label"]]
    if tool is None:
        pytest.fail(f"{command[0]} is not installed; the {sample['label']} samples cannot be checked")
    state = Mock(mock)
    request.addfinalizer(state.http.close)
    state.http.post("/_mock/reset")  # idempotency keys from other samples would answer 409
    source = sample["source"].replace(PRODUCTION, mock.base)
    for example, real in SETUP.get(operation_id, lambda _: {})(state).items():
        source = source.replace(example, real)
    (tmp_path / "front-portrait.jpg").write_bytes(b"\xff\xd8\xff jpeg bytes")

    result = subprocess.run(
        [*command, source],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "AUROUS_API_KEY": state.key},
    )

    assert result.returncode == 0, f"{source}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
