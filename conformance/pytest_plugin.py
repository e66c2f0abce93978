"""pytest entry point: ``pytest -p conformance.pytest_plugin --conformance-url URL --conformance-api-key KEY``.

Runs the kit once per session and turns every check into a test item (``test_conformance[behaviour/…]``):
a failed check fails its item with the evidence, a skipped one is skipped with its reason. Without
``--conformance-url`` the plugin adds nothing, so it can stay enabled in a suite that is not about it.
"""

from __future__ import annotations

from typing import Any

import pytest

from conformance.results import RunResult, Status
from conformance.runner import RunOptions, run

__all__ = ["pytest_addoption", "pytest_collection_modifyitems", "pytest_configure"]

_RESULT: dict[str, RunResult] = {}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("aurous-conformance")
    group.addoption("--conformance-url", help="target base URL; enables the conformance items")
    group.addoption("--conformance-api-key", help="API key of the team the kit acts as")
    group.addoption("--conformance-other-key", help="a second team's key (isolation checks)")
    group.addoption("--conformance-seed", type=int, default=None)
    group.addoption("--conformance-max-examples", type=int, default=10)
    group.addoption("--conformance-allow-spend", action="store_true")
    group.addoption("--conformance-layers", default="schema,lifecycle,behaviour")
    group.addoption("--conformance-webhook-listen", metavar="HOST:PORT", help="run the webhook checks' receiver here")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "conformance: an Aurous conformance check")


def _result(config: pytest.Config) -> RunResult:
    if "run" not in _RESULT:
        _RESULT["run"] = run(
            RunOptions(
                api_key=config.getoption("conformance_api_key") or "",
                base_url=config.getoption("conformance_url"),
                other_team_key=config.getoption("conformance_other_key"),
                seed=config.getoption("conformance_seed"),
                max_examples=config.getoption("conformance_max_examples"),
                allow_spend=config.getoption("conformance_allow_spend"),
                layers=tuple(config.getoption("conformance_layers").split(",")),
                webhook_listen=config.getoption("conformance_webhook_listen"),
            )
        )
    return _RESULT["run"]


class ConformanceItem(pytest.Item):
    def __init__(self, *, key: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.key = key
        self.add_marker("conformance")

    def runtest(self) -> None:
        result = _result(self.config)
        layer, name = self.key.split("/", 1)
        outcome = next((o for o in result.outcomes if o.layer.value == layer and o.name == name), None)
        if outcome is None:
            pytest.skip("not run (layer disabled or check filtered)")
        if outcome.status == Status.SKIPPED:
            pytest.skip(outcome.reason)
        if outcome.status in (Status.FAILED, Status.ERROR):
            lines = [outcome.reason] if outcome.status == Status.ERROR else []
            for finding in outcome.findings:
                lines += [f"{finding.title}: {finding.message}", f"Rule: {finding.rule}"]
                lines += [finding.evidence or "", f"Reproduce: {finding.reproduce or '-'}"]
            raise AssertionError("\n".join(lines))

    def reportinfo(self) -> tuple[Any, int, str]:
        return self.path, 0, f"conformance {self.key}"

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        return str(excinfo.value)


class ConformanceCollector(pytest.Collector):
    def collect(self) -> list[pytest.Item]:
        from conformance.checks import CUSTOM_CHECKS, REGISTRY
        from conformance.schema_layer import SCHEMATHESIS_CHECKS

        keys = [f"schema/{n}" for n in (*SCHEMATHESIS_CHECKS, *(c.__name__ for c in CUSTOM_CHECKS))]
        keys += [f"{c.layer}/{c.name}" for c in REGISTRY]
        return [ConformanceItem.from_parent(self, name=f"test_conformance[{key}]", key=key) for key in keys]


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("conformance_url"):
        return
    collector = ConformanceCollector.from_parent(session, name="aurous-conformance")
    items.extend(collector.collect())
