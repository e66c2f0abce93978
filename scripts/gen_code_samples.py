"""Generate the request samples (``x-codeSamples``: curl, JavaScript fetch, Python httpx) of every operation
of ``openapi.yaml`` from the contract itself, and write them into it in place.

Each sample is built from what the spec says about the operation: its method and path, the first
server's URL, the examples of its path and required query parameters, ``Idempotency-Key`` where the
operation honours it (``x-aurous-idempotent``), and its first request-body example (else the schema's
example). The key comes from the environment (``$AUROUS_API_KEY``), never from the page.

    python scripts/gen_code_samples.py           # rewrite openapi.yaml
    python scripts/gen_code_samples.py --check   # exit 1 if openapi.yaml is not what this script writes

The edit is textual and local: each operation's ``x-codeSamples`` block is replaced, or added as the
operation's last key; nothing else in the file moves. After a merge adds operations, run it again.
tests/docs/test_code_samples.py checks the spec is in sync and runs the samples against the mock.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC_PATH = ROOT / "openapi.yaml"
METHODS = ("get", "put", "post", "patch", "delete")
# The bytes a sample sends to the upload URL: a file the reader has (the init example's filename).
UPLOAD_FILE = "front-portrait.jpg"

_PATH_LINE = re.compile(r"^  (/\S*):\s*$")
_METHOD_LINE = re.compile(r"^    (get|put|post|patch|delete):\s*$")


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _example_of_schema(spec: dict[str, Any], schema: Any) -> Any:
    schema = _resolve(spec, schema)
    if "example" in schema:
        return schema["example"]
    properties = schema.get("properties", {})
    return {
        name: _example_of_schema(spec, prop) for name, prop in properties.items() if name in schema.get("required", [])
    }


def _request(spec: dict[str, Any], path: str, item: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any]:
    """What a sample sends: method, url, headers (name -> value or None for the key), body, content type."""
    parameters = [_resolve(spec, p) for p in item.get("parameters", []) + operation.get("parameters", [])]
    url = spec["servers"][0]["url"] + path
    query = []
    for parameter in parameters:
        if parameter["in"] == "path":
            url = url.replace("{" + parameter["name"] + "}", str(parameter["example"]))
        elif parameter["in"] == "query" and parameter.get("required"):
            query.append(f"{parameter['name']}={parameter['example']}")
    if query:
        url += "?" + "&".join(query)

    headers: dict[str, str | None] = {}
    if operation.get("security", spec.get("security")):
        headers["X-Api-Key"] = None  # from $AUROUS_API_KEY
    body: Any = None
    content_type = None
    request_body = _resolve(spec, operation.get("requestBody"))
    if request_body:
        content_type, media = next(iter(request_body["content"].items()))
        if content_type == "application/json":
            examples = media.get("examples")
            if examples:
                body = _resolve(spec, next(iter(examples.values())))["value"]
            elif "example" in media:
                body = media["example"]
            else:
                body = _example_of_schema(spec, media["schema"])
        headers["Content-Type"] = content_type
    if operation.get("x-aurous-idempotent"):
        for parameter in parameters:
            if parameter["name"] == "Idempotency-Key":
                headers["Idempotency-Key"] = str(parameter["example"])
    success = next(code for code in operation["responses"] if code.startswith("2"))
    returns_json = "content" in _resolve(spec, operation["responses"][success])
    return {
        "url": url,
        "headers": headers,
        "body": body,
        "content_type": content_type,
        "returns_json": returns_json,
    }


def _shell_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def curl(method: str, request: dict[str, Any]) -> str:
    lines = [f"curl -sS --fail-with-body -X {method} {_shell_quote(request['url'])}"]
    for name, value in request["headers"].items():
        lines.append('-H "X-Api-Key: $AUROUS_API_KEY"' if value is None else f"-H {_shell_quote(f'{name}: {value}')}")
    if request["content_type"] == "application/json":
        body = json.dumps(request["body"], indent=2, ensure_ascii=False).replace("\n", "\n  ")
        lines.append(f"-d {_shell_quote(body)}")
    elif request["content_type"]:
        lines.append(f"--data-binary @{UPLOAD_FILE}")
    return " \\\n  ".join(lines) + "\n"


def javascript(method: str, request: dict[str, Any]) -> str:
    header_lines = [
        '    "X-Api-Key": process.env.AUROUS_API_KEY,'
        if value is None
        else f"    {json.dumps(name)}: {json.dumps(value)},"
        for name, value in request["headers"].items()
    ]
    lines = []
    if request["content_type"] and request["content_type"] != "application/json":
        lines += ['import { readFile } from "node:fs/promises";', ""]
    lines += [f"const response = await fetch({json.dumps(request['url'])}, {{", f'  method: "{method}",']
    if header_lines:
        lines += ["  headers: {", *header_lines, "  },"]
    if request["content_type"] == "application/json":
        body = json.dumps(request["body"], indent=2, ensure_ascii=False).replace("\n", "\n  ")
        lines.append(f"  body: JSON.stringify({body}),")
    elif request["content_type"]:
        lines.append(f'  body: await readFile("{UPLOAD_FILE}"),  // in a browser: the File from an <input type="file">')
    lines += [
        "});",
        "if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);",
        "console.log(await response.json());" if request["returns_json"] else "console.log(response.status);",
    ]
    return "\n".join(lines) + "\n"


def _py(value: Any, indent: str = "    ") -> str:
    """``value`` as a Python literal, one key per line like the JSON of the other samples."""
    inner = indent + "    "
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(k)}: {_py(v, inner)}," for k, v in value.items()]
        return "{\n" + "\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and value:
        return "[\n" + "\n".join(f"{inner}{_py(v, inner)}," for v in value) + "\n" + indent + "]"
    if isinstance(value, bool) or value is None:
        return repr(value)
    return json.dumps(value, ensure_ascii=False)  # strings and numbers: the JSON spelling is Python's


def _py_dict_argument(keyword: str, source_by_key: dict[str, str]) -> str:
    """``keyword={...}`` with values given as Python source; on one line when it is short."""
    items = [f"{json.dumps(key)}: {source}" for key, source in source_by_key.items()]
    one_line = f"{keyword}={{" + ", ".join(items) + "}"
    if len(one_line) <= 96:
        return one_line
    return f"{keyword}={{\n" + "".join(f"        {item},\n" for item in items) + "    }"


def python(method: str, request: dict[str, Any]) -> str:
    headers = {
        name: 'os.environ["AUROUS_API_KEY"]' if value is None else json.dumps(value)
        for name, value in request["headers"].items()
        # httpx sets Content-Type itself for json=
        if not (name == "Content-Type" and request["content_type"] == "application/json")
    }
    arguments = [json.dumps(request["url"])]
    if headers:
        arguments.append(_py_dict_argument("headers", headers))
    if request["content_type"] == "application/json":
        arguments.append(f"json={_py(request['body'])}")
    elif request["content_type"]:
        arguments.append(f'content=open("{UPLOAD_FILE}", "rb").read()')
    lines = (["import os", ""] if None in request["headers"].values() else []) + ["import httpx", ""]
    lines.append(f"response = httpx.{method.lower()}(")
    lines += [f"    {argument}," for argument in arguments]
    lines += [
        ")",
        "response.raise_for_status()",
        "print(response.json())" if request["returns_json"] else "print(response.status_code)",
    ]
    return "\n".join(lines) + "\n"


def samples_for(spec: dict[str, Any], path: str, method: str) -> list[dict[str, str]]:
    item = spec["paths"][path]
    request = _request(spec, path, item, item[method])
    verb = method.upper()
    return [
        {"lang": "Shell", "label": "curl", "source": curl(verb, request)},
        {"lang": "JavaScript", "label": "JavaScript (fetch)", "source": javascript(verb, request)},
        {"lang": "Python", "label": "Python (httpx)", "source": python(verb, request)},
    ]


def _block(samples: list[dict[str, str]]) -> list[str]:
    lines = ["      x-codeSamples:\n"]
    for sample in samples:
        lines += [
            f"      - lang: {sample['lang']}\n",
            f"        label: {json.dumps(sample['label'])}\n",
            "        source: |\n",
        ]
        lines += [("          " + line).rstrip() + "\n" for line in sample["source"].splitlines()]
    return lines


def rewrite(text: str, spec: dict[str, Any]) -> str:
    """``text`` with every operation's x-codeSamples block replaced by (or given) the generated one."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    path: str | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if (match := _PATH_LINE.match(line)) and not line.startswith("   "):
            path = match.group(1)
        elif path is not None and (match := _METHOD_LINE.match(line)):
            # The operation runs until the next line indented 4 or less.
            end = i + 1
            while end < len(lines) and (not lines[end].strip() or lines[end].startswith("      ")):
                end += 1
            body = lines[i + 1 : end]
            trailing: list[str] = []
            while body and not body[-1].strip():
                trailing.insert(0, body.pop())
            kept: list[str] = []
            skipping = False
            for inner in body:
                if inner.startswith("      x-codeSamples:"):
                    skipping = True
                    continue
                if skipping and (not inner.strip() or inner.startswith("       ") or inner.startswith("      - ")):
                    continue
                skipping = False
                kept.append(inner)
            out += [line, *kept, *_block(samples_for(spec, path, match.group(1))), *trailing]
            i = end
            continue
        elif line.strip() and not line.startswith(" "):
            path = None  # a top-level key: out of paths
        out.append(line)
        i += 1
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write x-codeSamples into openapi.yaml from its own examples.")
    parser.add_argument("--spec", type=Path, default=SPEC_PATH)
    parser.add_argument("--check", action="store_true", help="exit 1 if the spec is not in sync; write nothing")
    args = parser.parse_args(argv)
    text = args.spec.read_text(encoding="utf-8")
    spec = yaml.safe_load(text)
    new = rewrite(text, spec)
    if args.check:
        if new != text:
            print(
                f"{args.spec}: x-codeSamples are out of date; run: python scripts/gen_code_samples.py", file=sys.stderr
            )
            return 1
        return 0
    if new != text:
        args.spec.write_text(new, encoding="utf-8")
        print(f"{args.spec}: x-codeSamples rewritten")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
