"""The import rules and one-home rules ARCHITECTURE.md states, each checked by reading the source (AST).

A rule that is only written down drifts; each test below names the rule and fails on the first file
that breaks it, saying which import or class broke it.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STDLIB = sys.stdlib_module_names


def _python_files(*parts: str) -> list[Path]:
    return sorted(ROOT.joinpath(*parts).rglob("*.py"))


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) of every import in the file, relative ones resolved against the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                yield node.lineno, ".".join([*base, node.module] if node.module else base)
            elif node.module:
                yield node.lineno, node.module


def _broken(paths: list[Path], allowed) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in paths
        for line, module in _imports(path)
        if not allowed(module)
    ]


def _top(module: str) -> str:
    return module.split(".", 1)[0]


def test_conformance_never_imports_mockserver():
    """The kit judges any deployment: it must not lean on the reference mock's code."""
    assert [] == _broken(_python_files("conformance"), lambda module: _top(module) != "mockserver")


def test_bench_never_imports_tests():
    """Benchmarks are tools beside the tests, not built on them; what both need (the mutants) is mutants/."""
    assert [] == _broken(_python_files("bench"), lambda module: _top(module) != "tests")


def test_the_shipped_packages_never_import_the_mutants():
    """mutants/ and harness/ are test code (not in the wheel): the server and the kit must run without them."""
    shipped = _python_files("mockserver") + _python_files("conformance") + _python_files("aurous_contract")
    assert [] == _broken(shipped, lambda module: _top(module) not in ("mutants", "harness", "tests"))


def test_the_control_facade_and_fixtures_go_through_the_service():
    """MockControl (every /_mock route) and the fixtures it seeds call the service, never its store."""
    reaches = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in (ROOT / "mockserver" / "control" / "facade.py", ROOT / "mockserver" / "fixtures.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr == "store"
    ]
    assert [] == reaches


def _module_path(module: str) -> Path | None:
    base = ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def test_domain_never_reaches_a_third_party_package():
    """Lifecycle rules are plain Python: the domain, and every mockserver module it imports (ids, the store
    for types), import only the standard library — no web framework, directly or one module away."""
    todo, seen, broken = list(_python_files("mockserver", "domain")), set(), []
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for line, module in _imports(path):
            if _top(module) in STDLIB:
                continue
            target = _module_path(module) if _top(module) == "mockserver" else None
            if target is None:
                broken.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
            else:
                todo.append(target)
    assert [] == broken


def test_the_store_imports_only_the_model():
    allowed = lambda module: _top(module) in STDLIB or module == "mockserver.domain.model"  # noqa: E731
    assert [] == _broken([ROOT / "mockserver" / "store.py"], allowed)


def test_the_state_codec_imports_only_the_model():
    """statecodec (the state as JSON) is pure: it names the store's operations in a Protocol, never imports it."""
    allowed = lambda module: _top(module) in STDLIB or module == "mockserver.domain.model"  # noqa: E731
    assert [] == _broken([ROOT / "mockserver" / "statecodec.py"], allowed)


def test_only_the_cli_imports_the_app_wiring():
    """create_app is the one wiring; modules of the mock never reach back into it."""
    importers = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in _python_files("mockserver")
        if path.name != "__main__.py"
        for line, module in _imports(path)
        if module == "mockserver.app"
    ]
    assert [] == importers


def test_only_the_redis_backend_imports_redis():
    """The Redis store is one package (mockserver/redis_backend/); the memory store never loads redis."""
    outside = [path for path in _python_files("mockserver") if "redis_backend" not in path.relative_to(ROOT).parts]
    assert [] == _broken(outside, lambda module: _top(module) != "redis")


def _error_classes() -> dict[str, Path]:
    """Every class in mockserver/ that derives (by name, transitively) from AurousError."""
    bases: dict[str, tuple[list[str], Path]] = {}
    for path in _python_files("mockserver"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names = [b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases]
                bases[node.name] = (names, path)

    def is_error(name: str, seen: frozenset[str] = frozenset()) -> bool:
        if name == "AurousError":
            return True
        if name not in bases or name in seen:
            return False
        return any(is_error(base, seen | {name}) for base in bases[name][0])

    return {name: path for name, (_, path) in bases.items() if is_error(name)}


def test_every_error_class_lives_in_the_one_error_tree():
    home = ROOT / "mockserver" / "domain" / "errors.py"
    strays = {name: str(path.relative_to(ROOT)) for name, path in _error_classes().items() if path != home}
    assert {} == strays


def test_the_error_tree_docstring_draws_every_class():
    from mockserver.domain import errors

    drawn = errors.__doc__ or ""
    missing = [name for name in _error_classes() if f" {name} " not in drawn.replace("├──", " ").replace("└──", " ")]
    assert [] == missing


@pytest.mark.parametrize(
    "pair", ["frontend.py", "frontend_cli.py", "control/frontend_facade.py", "control/frontend_routes.py"]
)
def test_no_module_pairs_left_by_history(pair):
    assert not (ROOT / "mockserver" / pair).exists()


# tests/ mirrors the packages: the tests of package P (a directory of Python code) are in tests/P/, or, for a
# subpackage small enough to need one file, tests/<P's parent>/test_<name>*.py. The packages tested from
# somewhere else, each with the reason and the tests that cover it (tests/README.md has the whole map):
TESTED_ELSEWHERE = {
    "mockserver/api": (
        "thin handlers the spec routes to: what they do is the public API's behaviour, tested over HTTP",
        "tests/mockserver",
    ),
    "mockserver/docs_page": (
        "the Swagger page is documentation, checked in a browser with the other docs",
        "tests/docs/test_swagger_page.py",
    ),
    "conformance/checks": (
        "a check is proven by the broken server it must catch: one mutant per rule in the matrix",
        "tests/mutants/test_matrix.py",
    ),
    "conformance/report": (
        "the reports are tested as the output a CI job reads (JUnit, Markdown, HTML, curl lines)",
        "tests/conformance/test_output.py",
    ),
}
MIRRORED_ROOTS = ("mockserver", "conformance", "mutants", "harness", "aurous_contract")
# Test directories that mirror no package: suites of a shipped artefact or of one module's wiring.
NOT_A_PACKAGE = {
    "tests/spec": "openapi.yaml itself",
    "tests/docs": "README, docs/, code samples, the TypeScript client, the Swagger page",
    "tests/packaging": "the wheel, installed apart from the source tree",
    "tests/mockserver/wiring": "what create_app (mockserver/app.py) wires around the API, over HTTP and in real processes",
}


def _has_code(package: Path) -> bool:
    """A package of more than docstrings (mockserver/scenarios, YAML files and a docstring, is data)."""
    for path in package.glob("*.py"):
        body = ast.parse(path.read_text(encoding="utf-8")).body
        if any(not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)) for node in body):
            return True
    return False


def _packages() -> list[str]:
    found = [init.parent for root in MIRRORED_ROOTS for init in ROOT.joinpath(root).rglob("__init__.py")]
    return sorted(str(package.relative_to(ROOT)) for package in found if _has_code(package))


def _mirrored(package: str) -> bool:
    tests = ROOT / "tests" / package
    parent, name = tests.parent, tests.name
    return any(tests.glob("test_*.py")) or any(parent.glob(f"test_{name}*.py"))


def test_every_package_has_its_tests_at_the_same_path_under_tests():
    """A reader who opens mockserver/redis_backend finds its tests in tests/mockserver/redis_backend/."""
    unmirrored = [package for package in _packages() if not _mirrored(package) and package not in TESTED_ELSEWHERE]
    assert [] == unmirrored


def test_each_package_tested_elsewhere_still_exists_has_no_mirror_and_names_real_tests():
    packages = _packages()
    stale = [
        package
        for package, (_, tests) in TESTED_ELSEWHERE.items()
        if package not in packages or _mirrored(package) or not (ROOT / tests).exists()
    ]
    assert [] == stale


def test_every_test_directory_mirrors_a_package_or_says_what_else_it_tests():
    """No directory named after a feature (tests/core, tests/redis, ...): a new one mirrors a package or is listed."""
    tests = ROOT / "tests"
    directories = {path.parent for path in tests.rglob("test_*.py")} - {tests}
    strays = sorted(
        str(directory.relative_to(ROOT))
        for directory in directories
        if not (ROOT / directory.relative_to(tests) / "__init__.py").exists()
        and str(directory.relative_to(ROOT)) not in NOT_A_PACKAGE
    )
    assert [] == strays
