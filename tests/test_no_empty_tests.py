"""No test that cannot fail: every ``def test_*`` under tests/ (and every test in the rule files pytest collects
from src/casewatch) must assert something. A test counts as asserting when its body holds an ``assert``, a
``pytest.raises``/``warns``/``fail``, a call to ``expect(...)`` or to a function named ``check*``, ``assert*`` or
``_check*``, or a call to a helper of its own module (or one it imports from tests/) that itself asserts, found
the same way. Anything else is a test that passes whatever the code does; the allow-list below names each
exception with its reason."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
FILES = sorted(TESTS.rglob("*.py")) + sorted((ROOT / "src" / "casewatch").rglob("rule_*.py"))
ASSERTING_CALLS = {"raises", "warns", "fail", "expect"}
ASSERTING_NAMES = re.compile(r"^(check|assert|_check)")

# "path::test name": why it asserts although the scan cannot see it
ALLOWED = {
    "tests/cli/test_readme_commands.py::test_readme_command":
        "runs CHECKS[name](ws), a table of the check_* functions in the same module, each of which asserts",
}


def _called(node: ast.AST) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _asserts(fn: ast.AST, helpers: set[str]) -> bool:
    for n in ast.walk(fn):
        if isinstance(n, ast.Assert):
            return True
        if isinstance(n, ast.Call):
            name = _called(n)
            if name in ASSERTING_CALLS or ASSERTING_NAMES.match(name) or name in helpers:
                return True
    return False


def _imported(path: Path, tree: ast.Module) -> dict[str, tuple[Path, str]]:
    """Names this module imports from another file under tests/: local name -> (that file, its name there)."""
    out = {}
    for node in tree.body:
        if not isinstance(node, ast.ImportFrom) or not node.module:
            continue
        base = path.parent
        for _ in range(node.level - 1):
            base = base.parent
        where = (base if node.level else TESTS) / (node.module.replace(".", "/") + ".py")
        if where.is_file():
            for alias in node.names:
                out[alias.asname or alias.name] = (where, alias.name)
    return out


def _known(p: Path, asserting: dict, imports: dict) -> set[str]:
    """The names a test in ``p`` may call that assert: its own module's asserting helpers and the imported ones."""
    return asserting[p] | {name for name, (q, there) in imports[p].items() if there in asserting.get(q, ())}


def empty_tests(files=FILES) -> list[str]:
    """'path::name' of every test function that asserts nothing, by the rules in this module's docstring."""
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in files}
    imports = {p: _imported(p, t) for p, t in trees.items()}
    defs = {p: {n.name: n for n in t.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
            for p, t in trees.items()}
    asserting: dict[Path, set[str]] = {p: set() for p in trees}
    changed = True
    while changed:  # a helper that calls a helper that asserts, asserts
        changed = False
        for p in trees:
            known = _known(p, asserting, imports)
            for name, fn in defs[p].items():
                if name not in asserting[p] and _asserts(fn, known):
                    asserting[p].add(name)
                    changed = True
    found = []
    for p, tree in trees.items():
        known = _known(p, asserting, imports)
        for fn in ast.walk(tree):
            test = isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef) and fn.name.startswith("test_")
            if test and not _asserts(fn, known):
                found.append(f"{p.relative_to(ROOT) if p.is_relative_to(ROOT) else p.name}::{fn.name}")
    return found


def test_every_test_asserts_something():
    found = empty_tests()
    assert [f for f in found if f not in ALLOWED] == []
    assert sorted(set(ALLOWED) - set(found)) == []  # an allowance no longer needed is removed


def test_the_scan_finds_a_test_without_an_assertion(tmp_path):
    sample = tmp_path / "test_sample.py"
    sample.write_text("def _helper(x):\n    assert x\n\n\ndef _quiet(x):\n    print(x)\n\n\n"
                      "def test_prints_only():\n    print(1 + 1)\n\n\n"
                      "def test_calls_a_quiet_helper():\n    _quiet(2)\n\n\n"
                      "def test_asserts_through_a_helper():\n    _helper(1)\n\n\n"
                      "def test_raises():\n    import pytest\n    with pytest.raises(ZeroDivisionError):\n"
                      "        1 / 0\n", encoding="utf-8")
    got = [f.split("::")[1] for f in empty_tests([sample])]
    assert got == ["test_prints_only", "test_calls_a_quiet_helper"]
