"""Outside a clone: the built wheel, installed into a fresh venv with no source tree on the path, gives working
``aurous-mock`` and ``aurous-conformance`` commands (the contract, the control spec, the scenarios and the
docs pages all come from the installed package).

Slow by nature (a wheel build and a venv install); pip's cache makes the install quick after the first run.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, key: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"X-Api-Key": key} if key else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A fresh venv in a temp dir with the freshly built wheel installed (dependencies from pip's index/cache)."""
    work = tmp_path_factory.mktemp("fresh-install")
    wheels = work / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(wheels), str(ROOT)],
        check=True,
        timeout=600,
    )
    (wheel,) = wheels.glob("aurous_characters_kit-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        check=True,
        timeout=900,
    )
    home = work / "elsewhere"  # the commands run here: no source tree, nothing of the clone on the path
    home.mkdir()
    return {"bin": venv / "bin", "cwd": home}


def run_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PYTHONSAFEPATH"] = "1"
    return env


def test_the_installed_package_comes_from_the_venv_not_the_clone(installed):
    result = subprocess.run(
        [str(installed["bin"] / "python"), "-c", "import aurous_contract, conformance, mockserver; "
         "print(mockserver.__file__); print(aurous_contract.SPEC_PATH.is_file())"],
        cwd=installed["cwd"], env=run_env(), capture_output=True, text=True, check=True,
    )  # fmt: skip

    module_file, spec_exists = result.stdout.split()
    assert Path(module_file).is_relative_to(installed["bin"].parent)
    assert not Path(module_file).is_relative_to(ROOT)
    assert spec_exists == "True"


def test_aurous_mock_starts_answers_and_the_installed_kit_judges_it(installed):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [str(installed["bin"] / "aurous-mock"), "--port", str(port), "--clock", "manual", "--fixtures", "every_state"],
        cwd=installed["cwd"],
        env=run_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.stderr.read()
            try:
                status, body = get(f"{base}/_mock/teams")
                break
            except OSError:
                assert time.monotonic() < deadline, "aurous-mock did not answer within 60 s"
                time.sleep(0.1)
        key = json.loads(body)[0]["api_keys"][0]

        listed = get(f"{base}/v1/characters", key)
        swagger = get(f"{base}/docs/")
        control_docs = get(f"{base}/_mock/docs/")

        assert 200 == listed[0] and json.loads(listed[1])["data"]  # the shipped every_state scenario is there
        assert (200, 200) == (swagger[0], control_docs[0])
        assert b"aurous-intro" in swagger[1]  # our page (package data), over the Swagger UI files

        kit = subprocess.run(
            [str(installed["bin"] / "aurous-conformance"), "run", "--base-url", base, "--api-key", key,
             "--layers", "lifecycle", "--quiet"],
            cwd=installed["cwd"], env=run_env(), capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert kit.returncode == 0, kit.stdout + kit.stderr
        assert "CONFORMS" in kit.stdout
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)
    assert process.returncode in (0, -signal.SIGTERM)


def test_aurous_conformance_answers_help_outside_the_clone(installed):
    result = subprocess.run(
        [str(installed["bin"] / "aurous-conformance"), "run", "--help"],
        cwd=installed["cwd"], env=run_env(), capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert "--base-url" in result.stdout
