"""Disclosure happens in one place: no module under outputs/ or web/ rounds a figure (``round()``,
``math.floor``/``math.ceil``, numpy's round) or compares a number with the suppression threshold (``< 5``,
``<= 4``, ``>= 5``, ...) itself; they call casewatch.disclosure.publish. The scan reads the source (AST), so a
new module is covered without being listed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import casewatch

ROOT = Path(casewatch.__file__).parent
SCANNED = ("outputs", "web")
ROUNDERS = {"round", "floor", "ceil", "trunc", "around", "rint", "fix"}
THRESHOLD = {4, 5}  # the smallest count published is 5: a comparison with 4 or 5 is a suppression rule

# (module under casewatch/, function): why it may round. Layout and timing, never a published figure.
ALLOWED = {
    ("outputs/charts.py", "caseload_distribution"): "the x axis's maximum (math.ceil of the largest caseload x 1.15) is chart "
                                       "layout; the caseload chart is for internal audiences only",
    ("outputs/report.py", "write_report"): "seconds each file took to write (round to 0.01 s): timing, not a figure",
    ("web/throttle.py", "wait_words"): "minutes a sign-in must wait, rounded up for the wait page: timing, not a figure",
    ("web/throttle.py", "_seconds_until"): "whole seconds until a sign-in wait ends (Retry-After): timing, not a figure",
}


def _function_at(tree: ast.AST) -> dict[int, str]:
    """Each line's innermost enclosing function name."""
    out: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                if line not in out or out[line][0] < node.lineno:
                    out[line] = (node.lineno, node.name)
    return {k: v[1] for k, v in out.items()}


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _is_threshold(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int and node.value in THRESHOLD


def offences(source: str) -> list[tuple[int, str, str]]:
    """(line, function, what) for every rounding call or threshold comparison in ``source``."""
    tree = ast.parse(source)
    where = _function_at(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in ROUNDERS:
            found.append((node.lineno, where.get(node.lineno, "<module>"), f"calls {_name(node.func)}()"))
        elif isinstance(node, ast.Compare):
            ops = [o for o in node.ops if isinstance(o, ast.Lt | ast.LtE | ast.Gt | ast.GtE)]
            if ops and any(_is_threshold(x) for x in [node.left, *node.comparators]):
                found.append((node.lineno, where.get(node.lineno, "<module>"), "compares with the threshold"))
    return found


def _modules():
    for folder in SCANNED:
        yield from sorted((ROOT / folder).rglob("*.py"))


def test_outputs_and_web_neither_round_nor_suppress():
    bad = []
    used = set()
    for path in _modules():
        rel = path.relative_to(ROOT).as_posix()
        for line, func, what in offences(path.read_text(encoding="utf-8")):
            if (rel, func) in ALLOWED:
                used.add((rel, func))
                continue
            bad.append(f"{rel}:{line} in {func}: {what} (use casewatch.disclosure.publish)")
    assert bad == []
    assert used == set(ALLOWED), f"allow-list entries no longer needed: {set(ALLOWED) - used}"


def test_every_allowed_use_has_a_reason():
    assert all(len(why) > 20 for why in ALLOWED.values())


@pytest.mark.parametrize("source", [
    "def f(t):\n    return 5 * round(t / 5)\n",  # the old public forecast (outputs/content.py _forecast)
    "import math\ndef f(x):\n    return math.floor(x)\n",
    "import numpy as np\ndef f(x):\n    return np.round(x)\n",
    "def f(n):\n    return 'c' if 0 < n < 5 else n\n",
    "def f(n):\n    return n if n >= 5 else None\n",
    "def f(n):\n    return 4 >= n\n",
])
def test_the_scan_catches_rounding_and_suppression(source):
    assert len(offences(source)) == 1


def test_the_scan_leaves_other_code_alone():
    assert offences("def f(xs, n):\n    return xs[:5], n == 5, n < 10, f'{n:.0f}'\n") == []
